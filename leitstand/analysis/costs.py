"""Manual effort and error cost per integration and in total; unknown numbers become gaps.

An automated flow (API, event, shared database) needs no person per run: an empty minutes
field counts as 0 there. For file and manual flows an empty field is a data gap: the flow's
figure is unknown and it is left out of the totals, which say how many flows they omit.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from leitstand.analysis import formulas
from leitstand.analysis.snapshot import Integration, OrganisationSettings
from leitstand.analysis.vocabulary import METHOD_CATEGORY, MethodCategory

ZERO = Decimal(0)


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


def _error_hours(
    integration: Integration, runs: Decimal | None, automated: bool
) -> tuple[Decimal | None, tuple[str, ...]]:
    rate = integration.error_rate_percent
    if rate is None:
        return (ZERO, ()) if automated else (None, ("error_rate_percent",))
    if rate == 0:
        return ZERO, ()
    if integration.minutes_to_fix_error is None:
        return None, ("minutes_to_fix_error",)
    if runs is None:
        return None, ()
    return formulas.error_hours_per_year(runs, rate, integration.minutes_to_fix_error), ()


def integration_figures(
    integration: Integration, settings: OrganisationSettings
) -> IntegrationFigures:
    category = METHOD_CATEGORY[integration.method]
    automated = category is MethodCategory.AUTOMATED
    runs = None
    if integration.runs_per_period is not None:
        runs = formulas.runs_per_year(
            integration.runs_per_period, integration.frequency, settings.working_days_per_year
        )
    minutes = integration.minutes_per_run
    if minutes is None and automated:
        minutes = ZERO
    manual_hours = None
    if minutes == 0:
        manual_hours = ZERO
    elif runs is not None and minutes is not None:
        manual_hours = formulas.hours_per_year(runs, minutes)
    error_hours, missing = _error_hours(integration, runs, automated)
    if minutes is None:
        missing = ("minutes_per_run", *missing)
    if runs is None and (manual_hours is None or error_hours is None):
        missing = ("runs_per_period", *missing)
    return IntegrationFigures(
        integration.id,
        category,
        runs,
        manual_hours,
        error_hours,
        settings.labour_cost_per_hour,
        settings.productive_hours_per_fte,
        missing,
    )


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
    known = [figure for figure in figures if figure.manual_hours is not None]
    hours = sum((figure.manual_hours for figure in known), ZERO)
    error_hours = sum((figure.error_hours or ZERO for figure in known), ZERO)
    return ManualTotals(
        manual_hours=hours,
        manual_eur=formulas.eur_for_hours(hours, settings.labour_cost_per_hour),
        manual_fte=formulas.fte_for_hours(hours, settings.productive_hours_per_fte),
        error_hours=error_hours,
        error_eur=formulas.eur_for_hours(error_hours, settings.labour_cost_per_hour),
        counted=len(known),
        left_out=len(figures) - len(known),
        errors_unknown=sum(1 for figure in known if figure.error_hours is None),
        labour_cost_per_hour=settings.labour_cost_per_hour,
        productive_hours_per_fte=settings.productive_hours_per_fte,
    )
