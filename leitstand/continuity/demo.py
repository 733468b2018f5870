"""The demo's business impacts (leitstand/demo/*_continuity.py); a data module without one
(the bakery) gets none."""

import importlib
from types import ModuleType

from leitstand.continuity.models import BusinessImpact
from leitstand.processes.models import Process
from leitstand.tenancy.models import Organisation


def continuity_data(data: ModuleType) -> ModuleType | None:
    """`leitstand.demo.muster_logistik` -> `leitstand.demo.muster_logistik_continuity`."""
    try:
        return importlib.import_module(f"{data.__name__}_continuity")
    except ModuleNotFoundError:
        return None


def load_demo(organisation: Organisation, data: ModuleType) -> None:
    module = continuity_data(data)
    if module is None:
        return
    processes = {p.name: p for p in Process.objects.for_org(organisation)}
    for record in module.BUSINESS_IMPACTS:
        fields = dict(record)
        impact = BusinessImpact(
            organisation=organisation, process=processes[fields.pop("process")], **fields
        )
        impact.full_clean()
        impact.save()
