"""The one write path of KPIs and their measurements (the pages, the API and the demo call
these), and the four standard KPIs a process is offered, with baselines from its steps."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.analysis.kpis import STANDARD_DIRECTIONS, StandardKpi, baselines_from_steps
from leitstand.core.audit import delete_object, save_values
from leitstand.kpis import sources
from leitstand.kpis.models import Kpi, Measurement
from leitstand.processes.models import Process
from leitstand.processes.records import process_records

STANDARD_NAMES = {
    StandardKpi.MINUTES_PER_RUN: gettext_lazy("Minutes of work per run"),
    StandardKpi.ERROR_RATE: gettext_lazy("Error rate"),
    StandardKpi.SHARE_AUTOMATED: gettext_lazy("Share of steps automated"),
    StandardKpi.SATISFACTION: gettext_lazy("Employee satisfaction"),
}


@dataclass(frozen=True)
class Offer:
    unit: StandardKpi
    name: str
    baseline: Decimal | None  # None: satisfaction, which comes from a survey


def standard_offers(process: Process) -> list[Offer]:
    """The standard KPIs the process does not have yet, with what its steps say today."""
    taken = set(
        Kpi.objects.for_org(process.organisation)
        .filter(process=process)
        .values_list("unit", flat=True)
    )
    record = process_records(process.organisation, [process.pk])[0]
    baselines = baselines_from_steps(record)
    return [
        Offer(unit, str(STANDARD_NAMES[unit]), baselines[unit])
        for unit in StandardKpi
        if unit.value not in taken
    ]


@transaction.atomic
def add_standard_kpis(process: Process, units: list[str], actor) -> list[Kpi]:
    """Create the chosen standard KPIs; baselines from the steps are dated today."""
    created = []
    today = timezone.localdate()
    for offer in standard_offers(process):
        if offer.unit.value not in units:
            continue
        data = {
            "process": process,
            "name": offer.name,
            "unit": offer.unit.value,
            "direction": STANDARD_DIRECTIONS[offer.unit].value,
        }
        if offer.baseline is not None:
            data.update(
                baseline_value=offer.baseline,
                baseline_date=today,
                baseline_source=_(sources.FROM_STEPS),
            )
        created.append(create_kpi(process.organisation, data, actor=actor))
    return created


def save_kpi(kpi: Kpi, values: dict, *, actor) -> Kpi:
    return save_values(kpi, values, actor)


def create_kpi(organisation, values: dict, *, actor) -> Kpi:
    return save_kpi(Kpi(organisation=organisation), values, actor=actor)


def delete_kpi(kpi: Kpi, *, actor) -> None:
    delete_object(kpi, actor)


def save_measurement(measurement: Measurement, values: dict, *, actor) -> Measurement:
    return save_values(measurement, values, actor)


def delete_measurement(measurement: Measurement, *, actor) -> None:
    delete_object(measurement, actor)
