"""Evidence of a suggested answer: stored as JSON with the answer (so an old assessment keeps
the facts of its day) and rendered in the reader's language."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from leitstand.analysis import messages as m
from leitstand.analysis.maturity.prefill import Evidence, Prefill
from leitstand.core.wording import format_param

SOURCE_LABELS = {
    "inventory": _("from the inventory"),
    "integrations": _("from the integration map"),
    "processes": _("from the processes"),
    "company_check": _("from the company check"),
    "resilience": _("from the resilience facts"),
}

TEMPLATES = {
    "internet_staff": _("%(system)s has %(users)s users for %(employees)s employees (%(share)s)"),
    "web_shop_share_unknown": _(
        "Web shop or portal in use: %(systems)s; its share of turnover is not recorded"
    ),
    "no_web_shop": _("No web shop or customer portal in operation"),
    "no_web_shop_edi_counts": _(
        "No web shop or customer portal in operation; orders received as EDI would still count"
    ),
    "cloud_paid": ngettext_lazy(
        "%(count)s paid cloud service: %(systems)s",
        "%(count)s paid cloud services, for example %(systems)s",
        "plural_n",
    ),
    "cloud_cost_unknown": _("Cloud services without a recorded cost: %(systems)s"),
    "cloud_none_paid": _("No system hosted in a cloud with an annual cost"),
    "cloud_business": ngettext_lazy(
        "%(count)s paid cloud service with business software: %(systems)s",
        "%(count)s paid cloud services with business software: %(systems)s",
        "plural_n",
    ),
    "cloud_basic_only": _("Paid cloud services only for mail, office or files: %(systems)s"),
    "crm_in_use": _("CRM software in use: %(systems)s"),
    "crm_spreadsheet_only": _("Customers are kept only in a spreadsheet: %(systems)s"),
    "crm_none": _("No system with the capability customer relationship management"),
    "erp_none": _("No ERP system in operation"),
    "erp_connected": ngettext_lazy(
        "%(system)s in use by %(departments)s department(s) and connected to %(count)s other "
        "system (%(automated)s automatically)",
        "%(system)s in use by %(departments)s department(s) and connected to %(count)s other "
        "systems (%(automated)s automatically)",
        "plural_n",
    ),
    "erp_isolated": _(
        "%(system)s in use by %(departments)s department(s) and connected to %(count)s "
        "other systems: it does not share information across areas"
    ),
    "social_found": _("Social media in the inventory: %(systems)s"),
    "social_not_recorded": _(
        "No social media account is recorded in the inventory; accounts are often not listed there"
    ),
    "support_dates_missing": _(
        "No system is known to be past its end of support, but %(count)s of %(total)s "
        "systems have no support date"
    ),
    "support_all_current": _(
        "All %(total)s systems in operation are within their vendor's support"
    ),
    "support_ended": ngettext_lazy(
        "%(count)s of %(total)s systems is past its end of support: %(systems)s",
        "%(count)s of %(total)s systems are past their end of support: %(systems)s",
        "plural_n",
    ),
    "check_requirement_met": _("Company check of %(day)s: requirement %(number)s met"),
    "check_requirement_unmet": _("Company check of %(day)s: requirement %(number)s not met"),
    "check_backup": _(
        "Company check of %(day)s: %(count)s of the backup requirements 11, 12 and 13 met"
    ),
    "backup_facts": _(
        "%(count)s of %(total)s systems with backup facts have an off-site copy and a "
        "restore test within 12 months"
    ),
    "owners": _(
        "%(both)s of %(total)s systems have an owner and a deputy; %(owned)s have an owner"
    ),
    "analytics_found": _("Analysis or reporting tools in use: %(systems)s"),
    "analytics_not_recorded": _(
        "No reporting or analysis tool is recorded; an external provider would count too"
    ),
    "flows_automated": _("%(count)s of %(total)s active data flows run automatically (%(share)s)"),
    "masters": _(
        "%(single)s of %(total)s data objects have one leading system; several leading "
        "systems: %(several)s"
    ),
    "ai_found": _("Systems with AI functions: %(systems)s"),
    "ai_not_recorded": _(
        "No AI tool is recorded in the inventory; AI functions of products in use would count too"
    ),
    "steps_automated": _(
        "%(count)s of %(total)s steps in %(processes)s recorded processes are automated (%(share)s)"
    ),
    "einvoicing_capable": _(
        "Software that can issue e-invoices is in use: %(systems)s; whether invoices are "
        "sent and received as e-invoices is not recorded"
    ),
    "paper_none": _("None of the %(total)s recorded data flows runs on paper"),
    "paper_flows": ngettext_lazy(
        "%(count)s data flow still runs on paper: %(routes)s",
        "%(count)s data flows still run on paper: %(routes)s",
        "plural_n",
    ),
}

_TYPES = {
    "eur": m.Eur,
    "hours": m.Hours,
    "percent": m.Percent,
    "count": m.Count,
    "label": m.Label,
    "labels": m.Labels,
    "day": m.Day,
}
_NAMES = {cls: name for name, cls in _TYPES.items()}


def _encode_param(param: m.Param) -> dict:
    name = _NAMES[type(param)]
    if isinstance(param, m.Labels):
        return {"type": name, "value": list(param.values)}
    if isinstance(param, m.Day):
        return {"type": name, "value": param.value.isoformat()}
    if isinstance(param, m.Label):
        return {"type": name, "value": param.value}
    return {"type": name, "value": str(param.value)}


def _decode_param(record: dict) -> m.Param:
    kind, value = record["type"], record["value"]
    if kind == "labels":
        return m.Labels(tuple(str(v) for v in value))
    if kind == "day":
        return m.Day(date.fromisoformat(value))
    if kind == "label":
        return m.Label(str(value))
    return _TYPES[kind](Decimal(str(value)))


def encode(prefill: Prefill) -> list[dict]:
    return [
        {
            "key": e.key,
            "source": prefill.source,
            "params": {name: _encode_param(p) for name, p in e.params.items()},
        }
        for e in prefill.evidence
    ]


def decode(record: dict) -> Evidence:
    return Evidence(record["key"], {n: _decode_param(p) for n, p in record["params"].items()})


def render(records: list[dict]) -> list[str]:
    """Each fact as a sentence ending with where it came from; unknown keys are skipped
    (evidence written by a later version), broken records too, never the page."""
    lines = []
    for record in records or []:
        try:
            evidence = decode(record)
            template = TEMPLATES[evidence.key]
        except (KeyError, TypeError, ValueError, ArithmeticError):
            continue
        values: dict[str, str | int] = {n: format_param(p) for n, p in evidence.params.items()}
        count = evidence.params.get("count")
        values["plural_n"] = int(count.value) if isinstance(count, m.Count) else 2
        text = str(template % values)
        source = SOURCE_LABELS.get(record.get("source", ""))
        lines.append(
            str(
                pgettext_lazy("evidence", "%(fact)s: %(source)s") % {"fact": text, "source": source}
            )
            if source
            else text
        )
    return lines
