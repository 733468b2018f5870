"""The "data flows" section of a system's page: its flows in and out, and who depends on it."""

from django.db.models import Q
from django.http import HttpRequest

from leitstand.core.extensions import Panel
from leitstand.flows.models import Integration
from leitstand.flows.selectors import dependents_of, with_figures, with_relations
from leitstand.inventory.models import System


def flows_panel(request: HttpRequest, system: System) -> Panel:
    flows = with_figures(
        system.organisation,
        with_relations(
            Integration.objects.for_org(system.organisation).filter(
                Q(source=system) | Q(target=system)
            )
        ),
    )
    return Panel(
        "flows/_system_panel.html",
        {
            "system": system,
            "outgoing": [flow for flow in flows if flow.source_id == system.pk],
            "incoming": [flow for flow in flows if flow.target_id == system.pk],
            "dependents": dependents_of(system),
        },
    )
