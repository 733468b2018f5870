"""The demo's KPIs with baselines and the measurements after the pilot."""

from types import ModuleType

from leitstand.kpis.models import Kpi, Measurement
from leitstand.processes.demo import process_data
from leitstand.processes.models import Process
from leitstand.tenancy.models import Organisation


def load_demo(organisation: Organisation, data: ModuleType) -> None:
    module = process_data(data)
    if module is None:
        return
    processes = {p.name: p for p in Process.objects.for_org(organisation)}
    for record in module.KPIS:
        fields = dict(record)
        baseline = fields.pop("baseline")
        measurements = fields.pop("measurements")
        kpi = Kpi(
            organisation=organisation,
            process=processes[fields.pop("process")],
            target_value=fields.pop("target"),
            **fields,
        )
        if baseline is not None:
            kpi.baseline_value, kpi.baseline_date, kpi.baseline_source = baseline
        kpi.full_clean()
        kpi.save()
        for measured_on, value, source in measurements:
            measurement = Measurement(
                organisation=organisation,
                kpi=kpi,
                measured_on=measured_on,
                value=value,
                source=source,
            )
            measurement.full_clean()
            measurement.save()
