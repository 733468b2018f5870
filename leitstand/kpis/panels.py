"""The KPI section of a process's page: before/after charts and the standard KPIs on offer."""

from django.http import HttpRequest

from leitstand.core.extensions import Panel
from leitstand.kpis.models import Kpi
from leitstand.kpis.selectors import kpi_view, with_measurements
from leitstand.kpis.services import standard_offers
from leitstand.processes.models import Process


def kpi_panel(request: HttpRequest, process: Process) -> Panel:
    kpis = with_measurements(Kpi.objects.for_org(process.organisation).filter(process=process))
    can_edit = request.membership.can_edit
    has_steps = process.steps.exists()
    return Panel(
        "kpis/_process_panel.html",
        {
            "process": process,
            "kpis": [kpi_view(kpi) for kpi in kpis.order_by("pk")],
            "offers": standard_offers(process) if can_edit and has_steps else [],
            "has_steps": has_steps,
        },
    )
