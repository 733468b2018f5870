"""KPIs ready for a page: latest value, improvement in the unit (and, for minutes per run, in
hours and euros a year with the formula), and the before/after chart."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from leitstand.analysis.formulas import runs_per_year
from leitstand.analysis.kpis import Improvement, improvement, minutes_value_per_year
from leitstand.analysis.messages import Percent
from leitstand.core.charts import before_after_line
from leitstand.core.wording import format_param, render
from leitstand.kpis.models import Kpi, KpiUnit, Measurement


@dataclass
class MinutesWorth:
    """What fewer minutes per run are worth a year: hours freed, their full-time equivalents
    and labour value (capacity, not cash). `estimate` is the same quantity from the process
    steps' minutes, shown beside the measurement where the two baselines differ."""

    hours: Decimal
    eur: Decimal
    explanation: str
    fte: Decimal = Decimal(0)
    estimate: "MinutesWorth | None" = None
    minutes_before: Decimal = Decimal(0)


@dataclass
class KpiView:
    kpi: Kpi
    measurements: list[Measurement]
    improvement: Improvement | None
    worth: MinutesWorth | None
    chart: SafeString | None

    @property
    def latest(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None

    @property
    def baseline_text(self) -> str:
        return self.kpi.format_value(self.kpi.baseline_value)

    @property
    def target_text(self) -> str:
        return self.kpi.format_value(self.kpi.target_value)

    @property
    def latest_text(self) -> str:
        return self.kpi.format_value(self.latest.value) if self.latest else "—"

    @property
    def rows(self) -> list[tuple[Measurement, str]]:
        """Each measurement with its value written in the KPI's unit."""
        return [(m, self.kpi.format_value(m.value)) for m in self.measurements]

    @property
    def change_text(self) -> str:
        """The improvement in the KPI's unit, without sign: the words say better or worse."""
        if self.improvement is None:
            return ""
        return self.kpi.format_change(abs(self.improvement.better_by))

    @property
    def percent_text(self) -> str:
        if self.improvement is None or self.improvement.percent is None:
            return ""
        return format_param(Percent(abs(self.improvement.percent).quantize(Decimal(1))))


def with_measurements(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("organisation", "process__organisation").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk"))
    )


def _worth(kpi: Kpi, before: Decimal, after: Decimal) -> MinutesWorth | None:
    """For minutes per run of a process: what the change is worth a year."""
    process = kpi.process
    if kpi.unit != KpiUnit.MINUTES_PER_RUN or process is None or before < 0 or after < 0:
        return None
    organisation = kpi.organisation
    runs = runs_per_year(
        process.runs_per_period, process.frequency, organisation.working_days_per_year
    )
    rate, per_fte = organisation.labour_cost_per_hour, organisation.productive_hours_per_fte
    value = minutes_value_per_year(before, after, runs, rate)
    steps = sum((step.minutes_per_run for step in process.steps.all()), Decimal(0))
    estimate = None
    if steps and steps != before and steps >= after:
        planned = minutes_value_per_year(steps, after, runs, rate)
        estimate = MinutesWorth(
            planned.hours,
            planned.eur,
            render(planned.explanation),
            planned.hours / Decimal(per_fte),  # negative when it got worse
            minutes_before=steps,
        )
    return MinutesWorth(
        value.hours,
        value.eur,
        render(value.explanation),
        value.hours / Decimal(per_fte),
        estimate,
        before,
    )


def _short(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def _chart(kpi: Kpi, measurements: list[Measurement]) -> SafeString | None:
    points = []
    if kpi.baseline_value is not None:
        label = _("before")
        if kpi.baseline_date:
            label = f"{label} {_short(kpi.baseline_date)}"
        points.append((label, kpi.baseline_value))
    points += [(_short(m.measured_on), m.value) for m in measurements]
    if not points:
        return None
    target = kpi.target_value
    return before_after_line(
        [label for label, _value in points],
        [value for _label, value in points],
        value_formatter=lambda value: kpi.format_value(Decimal(str(value))),
        series_label=kpi.name,
        target=None if target is None else float(target),
        target_label=_("target: %(value)s") % {"value": kpi.format_value(target)}
        if target is not None
        else "",
    )


def kpi_view(kpi: Kpi, chart: bool = True) -> KpiView:
    measurements = list(kpi.measurements.all())
    change = worth = None
    if kpi.baseline_value is not None and measurements:
        latest = measurements[-1].value
        change = improvement(kpi.baseline_value, latest, kpi.direction, kpi.target_value)
        worth = _worth(kpi, kpi.baseline_value, latest)
    return KpiView(kpi, measurements, change, worth, _chart(kpi, measurements) if chart else None)
