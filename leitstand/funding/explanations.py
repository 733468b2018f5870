"""Funding's message templates and words, rendered in the reader's language.

Every key of `analysis.funding.reasons.FUNDING_MESSAGE_KEYS` has one template here (a test
holds both lists equal). Terms with a prefix (`size:`, `state:`, `nace:`, `cost:`, `fact:`,
`verify:`, `status:`, `kind:`) are translated by `term`.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from leitstand.analysis import messages as m
from leitstand.analysis.funding.reasons import Reason
from leitstand.core.language import is_german
from leitstand.core.wording import format_param
from leitstand.funding.catalogue import catalogue
from leitstand.funding.models import NaceSection
from leitstand.tenancy.models import FederalState

TEMPLATES = {
    "sme.within": _(
        "%(size_class)s: %(fte)s FTE is fewer than %(limit)s, and turnover %(turnover)s "
        "(at most %(turnover_limit)s) or balance-sheet total %(balance)s (at most "
        "%(balance_limit)s) is within the limit."
    ),
    "sme.staff_not_below": _("Not %(size_class)s: %(fte)s FTE is not fewer than %(limit)s."),
    "sme.money_above": _(
        "Not %(size_class)s: turnover %(turnover)s is above %(turnover_limit)s and "
        "balance-sheet total %(balance)s above %(balance_limit)s."
    ),
    "sme.aggregated": _(
        "Partner and linked enterprises counted (%(names)s): %(fte)s FTE together."
    ),
    "sme.linked_figures_missing": _(
        "There are partner or linked enterprises, but their figures are missing; they count "
        "towards the size class."
    ),
    "sme.undecided": _("Not decided yet (%(classes)s possible): %(facts)s missing."),
    "deminimis.headroom": _(
        "De-minimis headroom %(headroom)s: ceiling %(ceiling)s over %(years)s years minus "
        "%(used)s received since %(start)s."
    ),
    "deminimis.older_aid_ignored": _(
        "%(count)s older aid before %(start)s no longer counts (rolling period)."
    ),
    "deminimis.total_given": _("Only the total of the last three years was given."),
    "deminimis.unknown": _(
        "De-minimis headroom unknown: list the de-minimis aid of the last three years (ceiling "
        "%(ceiling)s) and mark the list complete."
    ),
    "match.state": _("Company in %(state)s."),
    "match.all_states": _("Open in every federal state."),
    "match.size": _("Size class %(size_class)s is among %(classes)s."),
    "match.sector": _("Sector %(section)s is eligible."),
    "match.age": _("Founded in %(founded)s: at least %(years)s years on the market."),
    "match.costs": _("Eligible costs %(total)s (%(categories)s)."),
    "match.amount_grant": _(
        "Grant %(amount)s = %(rate)s of %(base)s eligible costs (cap %(cap)s)."
    ),
    "match.amount_loan": _(
        "Loan %(base)s with a grant share of %(amount)s = %(rate)s of the loan (cap %(cap)s)."
    ),
    "match.amount_grant_uncapped": _("Grant %(amount)s = %(rate)s of %(base)s eligible costs."),
    "match.amount_loan_uncapped": _(
        "Loan %(base)s with a grant share of %(amount)s = %(rate)s of the loan."
    ),
    "match.amount_advice": _("Free advice or a guarantee: no amount is paid to the company."),
    "match.rate_by_state": _("The rate for %(state)s is %(rate)s."),
    "match.topic": _("The project is about %(topics)s, which it funds."),
    "block.ended": _("Ended (valid until %(until)s)."),
    "block.successor": _("Replaced by %(successor)s."),
    "block.past_valid_until": _(
        "Past its valid-until date %(until)s: check whether it was extended."
    ),
    "block.not_yet_open": _("Opens on %(from)s."),
    "block.paused": _("Paused: no applications at the moment (a new call is awaited)."),
    "block.none_open": _("No programme open in this state."),
    "block.state": _("Only for %(states)s; the company is in %(state)s."),
    "block.size": _("Only for %(classes)s; the company is %(size_class)s."),
    "block.staff_limit": _("Only below %(limit)s staff; the company has %(fte)s FTE."),
    "block.turnover_limit": _("Only up to %(limit)s turnover; the company has %(turnover)s."),
    "block.sector": _("Sector %(section)s is not eligible."),
    "block.age": _(
        "The company must have existed for %(years)s years; it was founded in %(founded)s."
    ),
    "block.contract_signed": _(
        "A contract already signed on %(signed)s excludes programmes that require applying first."
    ),
    "block.no_eligible_costs": _("None of the costs is in what it funds (%(categories)s)."),
    "block.below_minimum": _("%(total)s is below the minimum of %(minimum)s."),
    "block.no_deminimis_headroom": _(
        "No de-minimis headroom left (%(used)s received in the last three years)."
    ),
    "block.topic": _("Funds only %(topics)s; the project is about %(project)s."),
    "missing.state": _("Missing: the federal state."),
    "missing.size": _("Missing: the facts that decide the size class (%(classes)s allowed)."),
    "missing.sector": _("Missing: the sector (NACE section)."),
    "missing.founded": _("Missing: the founding year."),
    "missing.staff": _("Missing: staff in full-time equivalents."),
    "missing.turnover": _("Missing: the annual turnover."),
    "missing.deminimis": _("Missing: the de-minimis aid of the last three years."),
    "missing.costs": _("Missing: the project's costs."),
    "warn.stale": _(
        "Last verified on %(verified)s, more than %(days)s days ago: check the official "
        "source before relying on it."
    ),
    "warn.unverified": _("Not confirmed at the official source: %(facts)s."),
    "warn.deminimis_capped": _(
        "%(amount)s exceeds the de-minimis headroom; at most %(headroom)s can be granted."
    ),
    "warn.aid_basis_unknown": _(
        "Whether this counts as de-minimis aid is not confirmed: ask the grantor."
    ),
    "warn.confirm": _("To confirm: %(text)s"),
    "warn.not_combinable": _("Cannot be combined with %(names)s."),
    "warn.valid_until_soon": _("Ends on %(until)s: apply in time."),
    "warn.rate_unknown": _("The rate is not known: the amount cannot be estimated."),
    "warn.topic_unknown": _("Funds only %(topics)s: say what the project is about to decide this."),
    "plan.deminimis_exceeded": _(
        "%(name)s is reduced to the de-minimis headroom left (%(headroom)s)."
    ),
    "plan.not_combinable": _("%(name)s is left out: it cannot be combined with %(other)s."),
    "plan.not_eligible": _(
        "%(name)s is left out: the company does not qualify (see the matching)."
    ),
}

SIZE = {
    "micro": _("micro enterprise"),
    "small": _("small enterprise"),
    "medium": _("medium-sized enterprise"),
    "none": _("not an SME"),
}
COSTS = {
    "external_consulting": _("external consulting"),
    "software_licences": _("software licences"),
    "implementation": _("implementation"),
    "hardware": _("hardware"),
    "training": _("training"),
    "internal_staff": _("internal staff"),
}
FACTS = {
    "fte": _("staff in FTE"),
    "turnover_eur": _("annual turnover"),
    "balance_sheet_eur": _("balance-sheet total"),
    "linked_enterprises": _("partner and linked enterprises"),
}
VERIFY = {
    "status": _("status"),
    "rate": _("rate"),
    "caps": _("caps and minimums"),
    "eligibility": _("who may apply"),
    "costs": _("what is funded"),
    "dates": _("dates"),
    "de_minimis": _("de-minimis basis"),
    "successor": _("successor"),
}
STATUS = {
    "open": _("open"),
    "paused": _("paused"),
    "ended": _("ended"),
    "successor": _("replaced"),
    "expired": _("past valid-until"),
    "check_needed": _("check needed"),
}
KINDS = {
    "grant": _("grant"),
    "loan_with_grant": _("loan with grant share"),
    "loan": _("loan"),
    "guarantee": _("guarantee"),
    "free_advice": _("free advice"),
}
APPLY = {
    "house_bank": _("through the house bank"),
    "online_portal": _("online portal"),
    "consultant": _("through an authorised consultant"),
    "written": _("written application or project outline"),
    "none": _("no application"),
}
TOPICS = {
    "process": _("process digitalisation and interfaces"),
    "security": _("IT security"),
    "ai": _("AI, big data or digital twins"),
    "product": _("a marketable digital product"),
    "consulting": _("consulting and concepts"),
    "basics": _("basic IT (standard hardware and software, networks, cloud)"),
}
DECISIONS = {
    "eligible": _("fits"),
    "not_eligible": _("does not fit"),
    "missing_facts": _("fact missing"),
}
DOCUMENTS = {
    "sme_declaration": _("SME declaration (with partner and linked enterprises)"),
    "de_minimis_declaration": _("De-minimis declaration (aid of the last three years)"),
    "quotes": _("Cost estimates or quotes for every cost item"),
    "project_description": _("Project description with measurable goals"),
    "annual_accounts": _("Last annual financial statements"),
    "business_plan": _("Business plan"),
    "consulting_report": _("Consulting report (for the proof of use)"),
    "elster_certificate": _("ELSTER company certificate for the online application"),
    "digitalisation_check": _("Result of the KfW digitalisation check"),
    "proof_of_payment": _("Invoices and bank statements proving payment"),
}


def term(value: str) -> str:
    prefix, _sep, key = value.partition(":")
    tables = {
        "size": SIZE,
        "cost": COSTS,
        "fact": FACTS,
        "verify": VERIFY,
        "status": STATUS,
        "kind": KINDS,
        "topic": TOPICS,
    }
    if prefix in tables:
        return str(tables[prefix].get(key, key))
    if prefix == "programme":
        programme = catalogue().programme(key)
        return programme.name.get(get_language()) if programme else key
    if prefix == "state":
        return str(dict(FederalState.choices).get(key, key))
    if prefix == "nace":
        return str(dict(NaceSection.choices).get(key, key))
    return value


def _param(name: str, param, reason: Reason) -> str:
    if isinstance(param, m.Term):
        return term(param.value)
    if isinstance(param, m.Labels):
        return ", ".join(term(value) for value in param.values) if param.values else "-"
    if name == "text" and reason.key == "warn.confirm":
        german = is_german()
        return reason.params["text_de"].value if german else param.value
    return format_param(param)


def render(reason: Reason) -> str:
    values = {name: _param(name, param, reason) for name, param in reason.params.items()}
    text = str(TEMPLATES[reason.key]) % values
    return text[:1].upper() + text[1:]


def render_all(reasons) -> list[str]:
    return [render(reason) for reason in reasons]
