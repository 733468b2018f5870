"""Manual effort and error cost per integration and in total; unknown numbers become gaps.

An automated flow (API, event, shared database) needs no person per run: an empty minutes
field counts as 0 there. For file and manual flows an empty field is a data gap: the flow's
figure is unknown and it is left out of the totals, which say how many flows they omit.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from leitstand.analysis import formulas
from leitstand.analysis.snapshot import Integration, OrganisationSettings
from leitstand.analysis.vocabulary import METHOD_CATEGORY, Frequency, MethodCategory

ZERO = Decimal(0)
HUNDRED = Decimal(100)


class IntegrationFigures(NamedTuple):
    """A named tuple rather than a dataclass: 50,000 of them are made in one analysis."""

    integration_id: int
    category: MethodCategory
    runs_per_year: Decimal | None
    manual_hours: Decimal | None
    error_hours: Decimal | None
    labour_cost_per_hour: Decimal
    productive_hours_per_fte: int
    missing: tuple[str, ...] = ()

    @property
    def manual_eur(self) -> Decimal | None:
        if self.manual_hours is None:
            return None
        return formulas.eur_for_hours(self.manual_hours, self.labour_cost_per_hour)

    @property
    def error_eur(self) -> Decimal | None:
        if self.error_hours is None:
            return None
        return formulas.eur_for_hours(self.error_hours, self.labour_cost_per_hour)

    @property
    def total_hours(self) -> Decimal | None:
        """Manual work plus fixing errors, where the errors are known; None if work is unknown."""
        if self.manual_hours is None:
            return None
        return self.manual_hours + (self.error_hours or ZERO)

    @property
    def total_eur(self) -> Decimal | None:
        hours = self.total_hours
        return None if hours is None else formulas.eur_for_hours(hours, self.labour_cost_per_hour)

    @property
    def fte(self) -> Decimal | None:
        if self.manual_hours is None:
            return None
        return formulas.fte_for_hours(self.manual_hours, self.productive_hours_per_fte)


def figures_by_integration(
    integrations: Iterable[Integration], settings: OrganisationSettings
) -> dict[int, IntegrationFigures]:
    """`integration_figures` of many flows, by integration id.

    The same rules and the same Decimal operations in the same order (so the same results to
    the last digit), with the organisation's constants worked out once and the formulas
    inlined: an analysis does this for 50,000 flows. Negative inputs still go to the formula
    functions, which refuse them with their usual message.
    """
    working_days = settings.working_days_per_year
    periods = {  # as Decimals: Decimal x Decimal skips converting an int for every flow
        frequency: Decimal(formulas.periods_per_year(frequency, working_days))
        for frequency in Frequency
    }
    negative_days = working_days < 0
    rate, fte_hours = settings.labour_cost_per_hour, settings.productive_hours_per_fte
    hour, percent_hour = formulas.MINUTES_PER_HOUR, formulas.PERCENT_MINUTES_PER_HOUR
    categories, automated_category = METHOD_CATEGORY, MethodCategory.AUTOMATED
    new, record = tuple.__new__, IntegrationFigures
    figures = {}
    for flow in integrations:
        pk, _source, _target, method, frequency, runs, minutes, error_rate, fix, _, _ = flow
        category = categories[method]
        automated = category is automated_category
        missing = ()
        if runs is not None:
            if runs < ZERO or negative_days:
                formulas.runs_per_year(runs, frequency, working_days)
            runs = runs * periods[frequency]
        if minutes is None:
            if automated:
                minutes = ZERO
            else:
                missing = ("minutes_per_run",)
        if minutes is None:
            manual_hours = None
        elif not minutes:
            manual_hours = ZERO
        elif runs is None:
            manual_hours = None
        else:
            if minutes < ZERO:
                formulas.hours_per_year(runs, minutes)
            manual_hours = runs * minutes / hour
        if error_rate is None:
            error_hours = ZERO if automated else None
            if not automated:
                missing = (*missing, "error_rate_percent")
        elif not error_rate:
            error_hours = ZERO
        elif fix is None:
            error_hours = None
            missing = (*missing, "minutes_to_fix_error")
        elif runs is None:
            error_hours = None
        else:
            if error_rate < ZERO or error_rate > HUNDRED or fix < ZERO:
                formulas.error_hours_per_year(runs, error_rate, fix)
            error_hours = runs * error_rate * fix / percent_hour
        if runs is None and (manual_hours is None or error_hours is None):
            missing = ("runs_per_period", *missing)
        figures[pk] = new(
            record, (pk, category, runs, manual_hours, error_hours, rate, fte_hours, missing)
        )
    return figures


def integration_figures(
    integration: Integration, settings: OrganisationSettings
) -> IntegrationFigures:
    """Runs, manual hours and error hours a year of one flow, and the numbers it lacks."""
    return figures_by_integration((integration,), settings)[integration.id]


@dataclass(frozen=True)
class ManualTotals:
    """Sums over the active flows whose effort is known; the others are counted apart."""

    manual_hours: Decimal
    manual_eur: Decimal
    manual_fte: Decimal
    error_hours: Decimal
    error_eur: Decimal
    counted: int
    left_out: int  # effort unknown: not in the sums
    errors_unknown: int  # effort known, error cost unknown: counted without errors
    labour_cost_per_hour: Decimal
    productive_hours_per_fte: int


def manual_totals(
    figures: list[IntegrationFigures], settings: OrganisationSettings
) -> ManualTotals:
    hours = error_hours = ZERO
    counted = errors_unknown = 0
    for figure in figures:  # one pass: 50,000 flows in a large landscape
        if figure.manual_hours is None:
            continue
        counted += 1
        hours += figure.manual_hours
        if figure.error_hours is None:
            errors_unknown += 1
        else:
            error_hours += figure.error_hours
    return ManualTotals(
        manual_hours=hours,
        manual_eur=formulas.eur_for_hours(hours, settings.labour_cost_per_hour),
        manual_fte=formulas.fte_for_hours(hours, settings.productive_hours_per_fte),
        error_hours=error_hours,
        error_eur=formulas.eur_for_hours(error_hours, settings.labour_cost_per_hour),
        counted=counted,
        left_out=len(figures) - counted,
        errors_unknown=errors_unknown,
        labour_cost_per_hour=settings.labour_cost_per_hour,
        productive_hours_per_fte=settings.productive_hours_per_fte,
    )
