"""Every quick win that needs no new technology (issue 16, point 8), with the money each frees
a year and in the first 12 months, cash and capacity apart (DOMAIN.md):

- retire an overlapping tool (`quick_wins.py`, "from the inventory alone": its licence is cash,
  the transfers that disappear are capacity);
- remove a process step marked unneeded (capacity: its hours, work and fixing errors, and their
  labour value);
- end a licence still paid for a system that is retired or that nobody uses (cash);
- name a deputy for a person who alone runs critical systems (no money: a risk removed).

When the money starts: a licence ends with the vendor's recorded contract end if notice can
still be given in time (from the month after), else after the recorded notice period, else from
next month; freed hours count from next month. The first 12 months are this month and the
eleven after it, so a saving from next month counts 11 of them.
"""

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from leitstand.analysis import formulas
from leitstand.analysis.findings import Subject
from leitstand.analysis.messages import Count, Day, Label, Labels, Message
from leitstand.analysis.processes.facts import ProcessFacts
from leitstand.analysis.processes.model import Needed
from leitstand.analysis.quick_wins import QuickWins
from leitstand.analysis.resilience.figures import single_person_systems
from leitstand.analysis.roadmap import add_months
from leitstand.analysis.snapshot import Snapshot, Vendor
from leitstand.analysis.vocabulary import Lifecycle

ZERO = Decimal(0)
WINDOW_MONTHS = formulas.MONTHS_PER_YEAR


class QuickWinKind(StrEnum):
    RETIRE_OVERLAP = "retire_overlap"
    REMOVE_STEP = "remove_step"
    END_LICENCE = "end_licence"
    NAME_DEPUTY = "name_deputy"


class Start(NamedTuple):
    """The first day a saving runs and the sentence that says how it was found."""

    on: date
    how: Message


class QuickWinItem(NamedTuple):
    kind: QuickWinKind
    subjects: tuple[Subject, ...]  # the first is what the item is about
    action: Message
    cash_eur_per_year: Decimal = ZERO
    hours_per_year: Decimal = ZERO
    capacity_eur_per_year: Decimal = ZERO
    cash_first_12_months_eur: Decimal = ZERO
    capacity_first_12_months_eur: Decimal = ZERO
    cash_from: date | None = None  # None: no cash
    capacity_from: date | None = None  # None: no capacity
    when: tuple[Message, ...] = ()  # how the first 12 months were computed, one per money

    @property
    def subject(self) -> Subject:
        return self.subjects[0]

    @property
    def eur_per_year(self) -> Decimal:
        """Cash plus the labour value of freed hours: shown as such, never as cash alone."""
        return self.cash_eur_per_year + self.capacity_eur_per_year

    @property
    def first_12_months_eur(self) -> Decimal:
        return self.cash_first_12_months_eur + self.capacity_first_12_months_eur


class QuickWinList(NamedTuple):
    items: tuple[QuickWinItem, ...]  # retirements first, then steps, licences, deputies
    this_month: date  # the first day of the 12 months counted
    labour_cost_per_hour: Decimal

    def _sum(self, field: str) -> Decimal:
        return sum((getattr(item, field) for item in self.items), ZERO)

    @property
    def cash_eur_per_year(self) -> Decimal:
        return self._sum("cash_eur_per_year")

    @property
    def hours_per_year(self) -> Decimal:
        return self._sum("hours_per_year")

    @property
    def capacity_eur_per_year(self) -> Decimal:
        return self._sum("capacity_eur_per_year")

    @property
    def eur_per_year(self) -> Decimal:
        return self.cash_eur_per_year + self.capacity_eur_per_year

    @property
    def cash_first_12_months_eur(self) -> Decimal:
        return self._sum("cash_first_12_months_eur")

    @property
    def capacity_first_12_months_eur(self) -> Decimal:
        return self._sum("capacity_first_12_months_eur")

    @property
    def risks_removed(self) -> int:
        return sum(1 for item in self.items if item.kind is QuickWinKind.NAME_DEPUTY)


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def _month_after(day: date) -> date:
    return add_months(_first_of_month(day), 1)


def months_counted(this_month: date, start: date) -> int:
    """Months of the 12 from `this_month` on in which a saving from `start` runs."""
    before = (start.year - this_month.year) * 12 + start.month - this_month.month
    return max(0, min(WINDOW_MONTHS, WINDOW_MONTHS - before))


def _share(eur_per_year: Decimal, months: int) -> Decimal:
    return eur_per_year * months / WINDOW_MONTHS


def licence_start(vendor: Vendor | None, today: date) -> Start:
    """When a licence stops costing if notice is given today (see the module's docstring).
    A contract whose notice deadline has passed runs one more term, taken as a year."""
    notice = vendor.notice_period_months if vendor else None
    end = vendor.contract_end if vendor else None
    if end is not None and end >= today:
        deadline = add_months(end, -notice) if notice is not None else end
        if deadline >= today:
            params = {"vendor": Label(vendor.name), "end": Day(end), "deadline": Day(deadline)}
            return Start(_month_after(end), Message("quick_win.when.contract_end", params))
        renewed = add_months(end, WINDOW_MONTHS)
        params = {"vendor": Label(vendor.name), "deadline": Day(deadline), "end": Day(renewed)}
        return Start(_month_after(renewed), Message("quick_win.when.renews", params))
    if notice:
        ends = add_months(today, notice)
        params = {"vendor": Label(vendor.name), "notice": Count(notice), "end": Day(ends)}
        return Start(_month_after(ends), Message("quick_win.when.notice_period", params))
    return Start(_month_after(today), Message("quick_win.when.next_month"))


def _timed(message: Message, start: date, this_month: date) -> Message:
    months = months_counted(this_month, start)
    return Message(message.key, {**message.params, "from": Day(start), "months": Count(months)})


def _cash(eur: Decimal, start: Start, this_month: date) -> dict:
    return {
        "cash_eur_per_year": eur,
        "cash_first_12_months_eur": _share(eur, months_counted(this_month, start.on)),
        "cash_from": start.on,
    }


def _capacity(hours: Decimal, rate: Decimal, today: date, this_month: date) -> dict:
    eur = formulas.eur_for_hours(hours, rate)
    start = _month_after(today)
    return {
        "hours_per_year": hours,
        "capacity_eur_per_year": eur,
        "capacity_first_12_months_eur": _share(eur, months_counted(this_month, start)),
        "capacity_from": start,
    }


def _hours_message(start: date, this_month: date) -> Message:
    return _timed(Message("quick_win.when.hours"), start, this_month)


def quick_win_list(
    snapshot: Snapshot,
    retiring: QuickWins,
    processes: ProcessFacts,
    critical_system_ids: frozenset[int],
) -> QuickWinList:
    today = snapshot.as_of or date.today()
    this_month = _first_of_month(today)
    rate = snapshot.settings.labour_cost_per_hour
    vendors = {vendor.id: vendor for vendor in snapshot.vendors}
    systems = snapshot.system_by_id
    hours_from = _month_after(today)

    def system_subject(system_id: int) -> Subject:
        return Subject("system", system_id, systems[system_id].name)

    items = []
    for win in retiring.wins:
        system = systems[win.system_id]
        start = licence_start(vendors.get(system.vendor_id), today)
        when = [_timed(start.how, start.on, this_month)] if win.licence_eur else []
        if win.hours:
            when.append(_hours_message(hours_from, this_month))
        items.append(
            QuickWinItem(
                kind=QuickWinKind.RETIRE_OVERLAP,
                subjects=(system_subject(win.system_id), system_subject(win.keep_id)),
                action=Message(
                    "quick_win.retire",
                    {
                        "system": Label(system.name),
                        "keep": Label(systems[win.keep_id].name),
                        "capability": Label(snapshot.capability_by_id[win.capability_id].name),
                    },
                ),
                **(_cash(win.licence_eur, start, this_month) if win.licence_eur else {}),
                **(_capacity(win.hours, rate, today, this_month) if win.hours else {}),
                when=tuple(when),
            )
        )
    retired_flows = {flow_id for win in retiring.wins for flow_id in win.flow_ids}
    items += _unneeded_steps(snapshot, processes, retired_flows, rate, today, this_month)
    retiring_ids = {win.system_id for win in retiring.wins}
    for system in snapshot.systems:
        if system.id in retiring_ids or not system.annual_cost or system.annual_cost <= 0:
            continue
        if system.lifecycle == Lifecycle.RETIRED:
            reason = "quick_win.end_licence_retired"
        elif system.in_operation and system.user_count == 0:
            reason = "quick_win.end_licence_unused"
        else:
            continue
        start = licence_start(vendors.get(system.vendor_id), today)
        items.append(
            QuickWinItem(
                kind=QuickWinKind.END_LICENCE,
                subjects=(system_subject(system.id),),
                action=Message(reason, {"system": Label(system.name)}),
                **_cash(system.annual_cost, start, this_month),
                when=(_timed(start.how, start.on, this_month),),
            )
        )
    items += _deputies(snapshot, critical_system_ids, system_subject)
    return QuickWinList(items=tuple(items), this_month=this_month, labour_cost_per_hour=rate)


def _unneeded_steps(
    snapshot: Snapshot,
    processes: ProcessFacts,
    retired_flows: set[int],
    rate: Decimal,
    today: date,
    this_month: date,
) -> list[QuickWinItem]:
    """Most hours first. A step that performs a transfer ending with a retirement is counted
    there, not again."""
    hours_from = _month_after(today)
    found = []
    for process in snapshot.processes:
        figures = processes.figures[process.id]
        for step, of_step in zip(process.steps, figures.steps, strict=True):
            if step.needed != Needed.NO:
                continue
            counted_elsewhere = step.integration_id in retired_flows
            hours = ZERO if counted_elsewhere else of_step.total_hours
            when = Message("quick_win.when.counted_in_retirement")
            if not counted_elsewhere:
                when = _hours_message(hours_from, this_month)
            found.append(
                QuickWinItem(
                    kind=QuickWinKind.REMOVE_STEP,
                    subjects=(
                        Subject("process_step", step.id, step.name),
                        Subject("process", process.id, process.name),
                    ),
                    action=Message(
                        "quick_win.remove_step",
                        {"step": Label(step.name), "process": Label(process.name)},
                    ),
                    **_capacity(hours, rate, today, this_month),
                    when=(when,),
                )
            )
    found.sort(key=lambda item: (-item.hours_per_year, item.subject.name, item.subject.id))
    return found


def _deputies(snapshot: Snapshot, critical: frozenset[int], system_subject) -> list[QuickWinItem]:
    people = {person.id: person for person in snapshot.people}
    items = []
    carried = single_person_systems(snapshot, critical)
    for person_id, system_ids in sorted(
        carried.items(), key=lambda pair: (-len(pair[1]), people[pair[0]].name)
    ):
        name = people[person_id].name
        names = tuple(snapshot.system_by_id[s].name for s in system_ids)
        items.append(
            QuickWinItem(
                kind=QuickWinKind.NAME_DEPUTY,
                subjects=(
                    Subject("person", person_id, name),
                    *(system_subject(s) for s in system_ids),
                ),
                action=Message(
                    "quick_win.name_deputy",
                    {"person": Label(name), "count": Count(len(names)), "systems": Labels(names)},
                ),
                when=(Message("quick_win.when.risk"),),
            )
        )
    return items
