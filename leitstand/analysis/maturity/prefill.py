"""Answers the landscape already suggests, each with the facts it rests on.

Pure functions over the analysis snapshot. Each returns a `Prefill` (a proposed answer, or
None when only a hint can be given) or None when the landscape says nothing about the item.
The user confirms or changes every proposal. An empty inventory proposes nothing: a missing
system is only evidence of absence once something has been recorded.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from leitstand.analysis.maturity.model import NO, PARTLY, YES
from leitstand.analysis.messages import Count, Day, Label, Labels, Param, Percent
from leitstand.analysis.resilience.backup_yardstick import within_twelve_months
from leitstand.analysis.snapshot import Snapshot, System
from leitstand.analysis.vocabulary import Method, is_automated

INVENTORY, INTEGRATIONS, PROCESSES = "inventory", "integrations", "processes"
COMPANY_CHECK, RESILIENCE = "company_check", "resilience"
CLOUD_HOSTING = frozenset({"saas", "public_cloud", "private_cloud"})
NAMES_SHOWN = 3  # a piece of evidence names at most this many systems, then counts the rest


@dataclass(frozen=True)
class Evidence:
    """One fact in words: a message key and its typed parameters (rendered by the app)."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)


@dataclass(frozen=True)
class Prefill:
    value: str | None  # None: a hint only, the question stays open
    source: str  # where it came from: inventory, integrations, processes, ...
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Signal:
    capabilities: frozenset[str] = frozenset()
    names: tuple[tuple[str, ...], ...] = ()  # each a phrase as lower-case words
    kinds: frozenset[str] = frozenset()  # kinds of system that are this thing by themselves


@dataclass(frozen=True)
class CompanyFacts:
    """What the organisation record says that the snapshot does not carry."""

    employees: int | None = None


def parse_signals(data: Mapping) -> dict[str, Signal]:
    return {
        key: Signal(
            capabilities=frozenset(record.get("capabilities") or ()),
            names=tuple(_words(str(name)) for name in record.get("names") or ()),
            kinds=frozenset(record.get("kinds") or ()),
        )
        for key, record in data["signals"].items()
    }


WORD = re.compile(r"[a-z0-9äöüß]+(?:-[a-z0-9]+)*")


def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.lower()))


def _name_matches(words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of the phrases occurs in the name's words as whole words, in order."""
    present = set(words)
    for phrase in phrases:
        if not phrase or phrase[0] not in present:
            continue
        size = len(phrase)
        if size == 1 or any(words[i : i + size] == phrase for i in range(len(words) - size + 1)):
            return True
    return False


@dataclass(frozen=True)
class Context:
    """What every suggestion reads, with the lookups they share computed once (a landscape
    can hold 10,000 systems and 50,000 flows)."""

    snapshot: Snapshot
    signals: Mapping[str, Signal]
    company: CompanyFacts
    today: date

    def systems(self) -> tuple[System, ...]:
        return self.snapshot.systems_in_operation

    @cached_property
    def _keys_by_system(self) -> dict[int, frozenset[str]]:
        by_id = self.snapshot.capability_by_id
        keyed = {c.id: c.key for c in by_id.values() if c.key}
        return {
            system.id: frozenset(keyed[c] for c in system.capability_ids if c in keyed)
            for system in self.systems()
        }

    def capability_keys(self, system: System) -> frozenset[str]:
        return self._keys_by_system.get(system.id, frozenset())

    @cached_property
    def _systems_by_word(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """Each word of a system name -> the systems (id, all words) whose name has it."""
        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for system in self.systems():
            words = _words(system.name)
            for word in set(words):
                index.setdefault(word, []).append((system.id, words))
        return index

    @cached_property
    def _matches(self) -> dict[str, list[System]]:
        return {}

    def _matching_ids(self, wanted: Signal) -> set[int]:
        capability_ids = {
            c.id for c in self.snapshot.capabilities if c.key and c.key in wanted.capabilities
        }
        found = {
            system.id
            for system in self.systems()
            if system.kind in wanted.kinds or not capability_ids.isdisjoint(system.capability_ids)
        }
        for phrase in wanted.names:
            for system_id, words in self._systems_by_word.get(phrase[0] if phrase else "", ()):
                if _name_matches(words, (phrase,)):
                    found.add(system_id)
        return found

    def matching(self, signal: str, spreadsheets: bool = True) -> list[System]:
        """Systems in operation that the signal points to, by kind, capability or name."""
        if signal not in self._matches:
            ids = self._matching_ids(self.signals.get(signal, Signal()))
            self._matches[signal] = [system for system in self.systems() if system.id in ids]
        found = self._matches[signal]
        return found if spreadsheets else [s for s in found if s.kind != "spreadsheet"]


def names(systems: list[System]) -> Labels:
    shown = tuple(s.name for s in systems[:NAMES_SHOWN])
    if len(systems) > NAMES_SHOWN:
        shown += (f"+{len(systems) - NAMES_SHOWN}",)
    return Labels(shown)


def _share(part: int, whole: int) -> Percent:
    return Percent((Decimal(part) * 100 / whole).quantize(Decimal(1)))


def _evidence(key: str, **params: Param) -> Evidence:
    return Evidence(key, params)


# --- Digital readiness -----------------------------------------------------------------


def internet_staff(ctx: Context) -> Prefill | None:
    employees = ctx.company.employees
    counted = [s for s in ctx.matching("office") if s.user_count]
    if not employees or not counted:
        return None
    widest = max(counted, key=lambda s: s.user_count or 0)
    users = min(widest.user_count or 0, employees)
    value = YES if users * 2 > employees else NO
    return Prefill(
        value,
        INVENTORY,
        (
            _evidence(
                "internet_staff",
                system=Label(widest.name),
                users=Count(widest.user_count or 0),
                employees=Count(employees),
                share=_share(users, employees),
            ),
        ),
    )


def web_sales_b2c(ctx: Context) -> Prefill | None:
    if not ctx.systems():
        return None
    shops = ctx.matching("web_shop")
    if shops:
        return Prefill(
            None, INVENTORY, (_evidence("web_shop_share_unknown", systems=names(shops)),)
        )
    return Prefill(NO, INVENTORY, (_evidence("no_web_shop"),))


def ecommerce(ctx: Context) -> Prefill | None:
    if not ctx.systems():
        return None
    shops = ctx.matching("web_shop")
    if shops:
        return Prefill(
            None, INVENTORY, (_evidence("web_shop_share_unknown", systems=names(shops)),)
        )
    return Prefill(None, INVENTORY, (_evidence("no_web_shop_edi_counts"),))


def _paid_cloud(ctx: Context) -> tuple[list[System], list[System]]:
    cloud = [s for s in ctx.systems() if s.hosting in CLOUD_HOSTING]
    paid = [s for s in cloud if s.annual_cost is not None and s.annual_cost > 0]
    unknown = [s for s in cloud if s.annual_cost is None]
    return paid, unknown


def cloud(ctx: Context) -> Prefill | None:
    if not ctx.systems():
        return None
    paid, unknown = _paid_cloud(ctx)
    if paid:
        return Prefill(
            YES, INVENTORY, (_evidence("cloud_paid", count=Count(len(paid)), systems=names(paid)),)
        )
    if unknown:
        return Prefill(None, INVENTORY, (_evidence("cloud_cost_unknown", systems=names(unknown)),))
    return Prefill(NO, INVENTORY, (_evidence("cloud_none_paid"),))


def cloud_advanced(ctx: Context) -> Prefill | None:
    if not ctx.systems():
        return None
    paid, unknown = _paid_cloud(ctx)
    wanted = ctx.signals.get("business_software", Signal()).capabilities
    business = [s for s in paid if ctx.capability_keys(s) & wanted]
    if business:
        return Prefill(
            YES,
            INVENTORY,
            (_evidence("cloud_business", count=Count(len(business)), systems=names(business)),),
        )
    if unknown:
        return Prefill(None, INVENTORY, (_evidence("cloud_cost_unknown", systems=names(unknown)),))
    if paid:
        return Prefill(NO, INVENTORY, (_evidence("cloud_basic_only", systems=names(paid)),))
    return Prefill(NO, INVENTORY, (_evidence("cloud_none_paid"),))


def crm(ctx: Context) -> Prefill | None:
    if not ctx.systems():
        return None
    software = ctx.matching("crm", spreadsheets=False)
    if software:
        return Prefill(
            YES,
            INVENTORY,
            (_evidence("crm_in_use", count=Count(len(software)), systems=names(software)),),
        )
    lists = ctx.matching("crm")
    if lists:
        return Prefill(NO, INVENTORY, (_evidence("crm_spreadsheet_only", systems=names(lists)),))
    return Prefill(NO, INVENTORY, (_evidence("crm_none"),))


def _partners(snapshot: Snapshot, system_ids: set[int]) -> dict[int, tuple[set[int], set[int]]]:
    """For each of these systems: the other systems it exchanges data with through active
    flows, and those of them connected automatically (one pass over the flows)."""
    found: dict[int, tuple[set[int], set[int]]] = {i: (set(), set()) for i in system_ids}
    for flow in snapshot.active_integrations:
        for this, other in ((flow.source_id, flow.target_id), (flow.target_id, flow.source_id)):
            if this in found and other != this:
                partners, automated = found[this]
                partners.add(other)
                if is_automated(flow.method):
                    automated.add(other)
    return found


def erp(ctx: Context) -> Prefill | None:
    if not ctx.systems():
        return None
    candidates = ctx.matching("erp", spreadsheets=False)
    if not candidates:
        return Prefill(NO, INVENTORY, (_evidence("erp_none"),))
    partners = _partners(ctx.snapshot, {system.id for system in candidates})
    rows = [
        (
            system,
            len(system.department_ids),
            len(partners[system.id][0]),
            len(partners[system.id][1]),
        )
        for system in candidates
    ]
    system, departments, connected, automated = max(
        rows, key=lambda row: (row[1] + row[2], row[0].name)
    )
    shares = departments >= 2 or connected >= 2
    return Prefill(
        YES if shares else NO,
        INVENTORY,
        (
            _evidence(
                "erp_connected" if shares else "erp_isolated",
                system=Label(system.name),
                departments=Count(departments),
                count=Count(connected),
                automated=Count(automated),
            ),
        ),
    )


def social_any(ctx: Context) -> Prefill | None:
    found = ctx.matching("social_media")
    if found:
        return Prefill(
            YES,
            INVENTORY,
            (_evidence("social_found", count=Count(len(found)), systems=names(found)),),
        )
    if ctx.systems():
        return Prefill(None, INVENTORY, (_evidence("social_not_recorded"),))
    return None


def social_two(ctx: Context) -> Prefill | None:
    found = ctx.matching("social_media")
    if len(found) >= 2:
        return Prefill(
            YES,
            INVENTORY,
            (_evidence("social_found", count=Count(len(found)), systems=names(found)),),
        )
    if found:
        return Prefill(
            None, INVENTORY, (_evidence("social_found", count=Count(1), systems=names(found)),)
        )
    return None


def supported(ctx: Context) -> Prefill | None:
    systems = ctx.systems()
    if not systems:
        return None
    past = [s for s in systems if s.end_of_support and s.end_of_support < ctx.today]
    unknown = [s for s in systems if s.end_of_support is None]
    if not past:
        if unknown:
            return Prefill(
                None,
                INVENTORY,
                (
                    _evidence(
                        "support_dates_missing",
                        count=Count(len(unknown)),
                        total=Count(len(systems)),
                    ),
                ),
            )
        return Prefill(
            YES, INVENTORY, (_evidence("support_all_current", total=Count(len(systems))),)
        )
    value = PARTLY if len(past) * 10 <= len(systems) else NO
    return Prefill(
        value,
        INVENTORY,
        (
            _evidence(
                "support_ended",
                count=Count(len(past)),
                total=Count(len(systems)),
                systems=names(past),
            ),
        ),
    )


# --- Company check and resilience ------------------------------------------------------


def _requirement_outcome(ctx: Context, number: str) -> str | None:
    """yes (all parts yes), no (a part no), or None (not known) in the latest company check."""
    check = ctx.snapshot.company_check
    if check is None:
        return None
    values = [a.value for a in check.answers if a.requirement == number and a.item != "status"]
    if values and all(value == YES for value in values):
        return YES
    if any(value == NO for value in values):
        return NO
    return None


def _from_check(ctx: Context, number: str, key: str) -> Prefill | None:
    check = ctx.snapshot.company_check
    outcome = _requirement_outcome(ctx, number)
    if check is None or outcome is None:
        return None
    return Prefill(
        outcome,
        COMPANY_CHECK,
        (
            _evidence(
                f"{key}_{'met' if outcome == YES else 'unmet'}",
                day=Day(check.checked_on),
                number=Label(number),
            ),
        ),
    )


def strategy_risks(ctx: Context) -> Prefill | None:
    return _from_check(ctx, "01", "check_requirement")


def training(ctx: Context) -> Prefill | None:
    return _from_check(ctx, "05", "check_requirement")


def protection(ctx: Context) -> Prefill | None:
    check = ctx.snapshot.company_check
    if check is not None:
        outcomes = [_requirement_outcome(ctx, number) for number in ("11", "12", "13")]
        if all(outcome is not None for outcome in outcomes):
            met = sum(1 for outcome in outcomes if outcome == YES)
            value = YES if met == 3 else PARTLY if met else NO
            return Prefill(
                value,
                COMPANY_CHECK,
                (_evidence("check_backup", day=Day(check.checked_on), count=Count(met)),),
            )
    facts = [f for f in ctx.snapshot.resilience if f.backup_exists is not None]
    in_operation = {s.id for s in ctx.systems()}
    facts = [f for f in facts if f.system_id in in_operation]
    if not facts:
        return None
    good = [
        f
        for f in facts
        if f.backup_exists
        and f.backup_offsite
        and within_twelve_months(f.restore_tested_on, ctx.today)
    ]
    value = YES if len(good) == len(facts) else PARTLY if good else NO
    return Prefill(
        value,
        RESILIENCE,
        (_evidence("backup_facts", count=Count(len(good)), total=Count(len(facts))),),
    )


# --- People, data, automation, green ---------------------------------------------------


def responsibility(ctx: Context) -> Prefill | None:
    systems = ctx.systems()
    if not systems:
        return None
    owned = [s for s in systems if s.owner_id is not None]
    both = [s for s in owned if s.deputy_id is not None]
    value = YES if len(both) == len(systems) else PARTLY if len(owned) * 2 >= len(systems) else NO
    return Prefill(
        value,
        INVENTORY,
        (
            _evidence(
                "owners", both=Count(len(both)), owned=Count(len(owned)), total=Count(len(systems))
            ),
        ),
    )


def data_analytics(ctx: Context) -> Prefill | None:
    found = ctx.matching("data_analytics")
    if found:
        return Prefill(
            YES,
            INVENTORY,
            (_evidence("analytics_found", count=Count(len(found)), systems=names(found)),),
        )
    if ctx.systems():
        return Prefill(None, INVENTORY, (_evidence("analytics_not_recorded"),))
    return None


def integration(ctx: Context) -> Prefill | None:
    flows = ctx.snapshot.active_integrations
    if not flows:
        return None
    automated = sum(1 for flow in flows if is_automated(flow.method))
    share = Decimal(automated) / len(flows)
    value = YES if share >= Decimal("0.75") else PARTLY if share >= Decimal("0.25") else NO
    return Prefill(
        value,
        INTEGRATIONS,
        (
            _evidence(
                "flows_automated",
                count=Count(automated),
                total=Count(len(flows)),
                share=_share(automated, len(flows)),
            ),
        ),
    )


def single_source(ctx: Context) -> Prefill | None:
    in_operation = {s.id for s in ctx.systems()}
    masters: dict[int, set[int]] = {}
    for master in ctx.snapshot.masters:
        if master.system_id in in_operation:
            masters.setdefault(master.data_object_id, set()).add(master.system_id)
    if not masters:
        return None
    several = [d for d, systems in masters.items() if len(systems) > 1]
    single = len(masters) - len(several)
    value = YES if not several else PARTLY if single * 2 >= len(masters) else NO
    by_id = ctx.snapshot.data_object_by_id
    shown = [by_id[d].name for d in several if d in by_id]
    return Prefill(
        value,
        INTEGRATIONS,
        (
            _evidence(
                "masters",
                single=Count(single),
                total=Count(len(masters)),
                several=Labels(tuple(shown[:NAMES_SHOWN])),
            ),
        ),
    )


def ai(ctx: Context) -> Prefill | None:
    found = ctx.matching("ai")
    if found:
        return Prefill(
            YES, INVENTORY, (_evidence("ai_found", count=Count(len(found)), systems=names(found)),)
        )
    if ctx.systems():
        return Prefill(None, INVENTORY, (_evidence("ai_not_recorded"),))
    return None


def process_automation(ctx: Context) -> Prefill | None:
    steps = [step for process in ctx.snapshot.processes for step in process.steps]
    if not steps:
        return None
    automated = sum(1 for step in steps if step.automated)
    share = Decimal(automated) / len(steps)
    value = YES if share >= Decimal("0.5") else PARTLY if share >= Decimal("0.15") else NO
    return Prefill(
        value,
        PROCESSES,
        (
            _evidence(
                "steps_automated",
                count=Count(automated),
                total=Count(len(steps)),
                processes=Count(len(ctx.snapshot.processes)),
                share=_share(automated, len(steps)),
            ),
        ),
    )


def einvoicing(ctx: Context) -> Prefill | None:
    """Software that can issue e-invoices is a hint: whether it is used for them is not known."""
    found = ctx.matching("e_invoicing")
    if found:
        return Prefill(None, INVENTORY, (_evidence("einvoicing_capable", systems=names(found)),))
    return None


def paperless(ctx: Context) -> Prefill | None:
    flows = ctx.snapshot.active_integrations
    if not flows:
        return None
    paper = [f for f in flows if f.method == Method.PAPER]
    if not paper:
        return Prefill(None, INTEGRATIONS, (_evidence("paper_none", total=Count(len(flows))),))
    by_id = ctx.snapshot.system_by_id
    routes = tuple(
        f"{by_id[f.source_id].name} → {by_id[f.target_id].name}"
        for f in paper[:NAMES_SHOWN]
        if f.source_id in by_id and f.target_id in by_id
    )
    return Prefill(
        None,
        INTEGRATIONS,
        (_evidence("paper_flows", count=Count(len(paper)), routes=Labels(routes)),),
    )


#: Item key -> the function that proposes its answer. Items not listed are always asked.
PREFILLS: dict[str, Callable[[Context], Prefill | None]] = {
    "strategy_risks": strategy_risks,
    "dii_internet_staff": internet_staff,
    "dii_ecommerce": ecommerce,
    "dii_web_sales_b2c": web_sales_b2c,
    "dii_cloud": cloud,
    "dii_cloud_advanced": cloud_advanced,
    "dii_crm": crm,
    "dii_erp": erp,
    "dii_social_any": social_any,
    "dii_social_two": social_two,
    "readiness_supported": supported,
    "people_training": training,
    "people_responsibility": responsibility,
    "dii_data_analytics": data_analytics,
    "data_integration": integration,
    "data_single_source": single_source,
    "data_protection": protection,
    "dii_ai": ai,
    "automation_processes": process_automation,
    "automation_einvoicing": einvoicing,
    "green_paperless": paperless,
}

#: Every evidence key a prefill can produce; the app has one template per key (a test checks).
EVIDENCE_KEYS = frozenset(
    {
        "internet_staff",
        "web_shop_share_unknown",
        "no_web_shop",
        "no_web_shop_edi_counts",
        "cloud_paid",
        "cloud_cost_unknown",
        "cloud_none_paid",
        "cloud_business",
        "cloud_basic_only",
        "crm_in_use",
        "crm_spreadsheet_only",
        "crm_none",
        "erp_none",
        "erp_connected",
        "erp_isolated",
        "social_found",
        "social_not_recorded",
        "support_dates_missing",
        "support_all_current",
        "support_ended",
        "check_requirement_met",
        "check_requirement_unmet",
        "check_backup",
        "backup_facts",
        "owners",
        "analytics_found",
        "analytics_not_recorded",
        "flows_automated",
        "masters",
        "ai_found",
        "ai_not_recorded",
        "steps_automated",
        "einvoicing_capable",
        "paper_none",
        "paper_flows",
    }
)


def prefill(
    snapshot: Snapshot,
    signals: Mapping[str, Signal],
    company: CompanyFacts,
    today: date,
) -> dict[str, Prefill]:
    """Every proposal the landscape supports, by item key."""
    ctx = Context(snapshot=snapshot, signals=signals, company=company, today=today)
    found = {key: function(ctx) for key, function in PREFILLS.items()}
    return {key: result for key, result in found.items() if result is not None}
