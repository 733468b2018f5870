"""Loads the demo's KPIs with their baselines and measurements (`<organisation-slug>.yaml`
beside this file). A KPI without a baseline gets it later, from the survey before the change."""

from leitstand.core.demo import with_decimals
from leitstand.kpis import services
from leitstand.kpis.models import Kpi, Measurement
from leitstand.processes.models import Process
from leitstand.tenancy.models import Organisation


def load_demo(organisation: Organisation, data: dict) -> None:
    processes = {p.name: p for p in Process.objects.for_org(organisation)}
    for record in data.get("kpis", []):
        fields = dict(record)
        baseline = fields.pop("baseline", None)
        measurements = fields.pop("measurements", [])
        fields["target_value"] = fields.pop("target")
        if baseline is not None:
            fields["baseline_value"] = baseline["value"]
            fields["baseline_date"] = baseline["date"]
            fields["baseline_source"] = baseline["source"]
        fields["process"] = processes[fields.pop("process")]
        kpi = services.create_kpi(organisation, with_decimals(Kpi, fields), actor=None)
        for measurement in measurements:
            values = {"kpi": kpi, **with_decimals(Measurement, measurement)}
            services.save_measurement(Measurement(organisation=organisation), values, actor=None)
