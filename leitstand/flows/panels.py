"""The "data flows" section of a system's page: its flows in and out, and who depends on it.

A hub in a large landscape can have thousands of flows; the page lists the first
`PANEL_ROWS` of each direction (by the other system's name) and links to the whole list.
"""

from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest

from leitstand.core.extensions import Panel
from leitstand.flows.models import Integration
from leitstand.flows.selectors import dependents_of, with_figures, with_relations
from leitstand.inventory.models import System
from leitstand.landscape.cache import request_analysis

PANEL_ROWS = 50
OUTGOING, INCOMING = 0, 1


def _first_flows(system: System) -> list[Integration]:
    """Up to PANEL_ROWS flows per direction, each knowing how many its direction has."""
    direction = Case(
        When(source=system, then=Value(OUTGOING)),
        default=Value(INCOMING),
        output_field=IntegerField(),
    )
    other_name = Case(When(source=system, then=F("target__name")), default=F("source__name"))
    # the organisation as an expression no index serves: SQLite (no statistics) would read
    # every flow of the organisation through its index (see mapparts.flows_on_map)
    rows = (
        Integration.objects.alias(owner=F("organisation_id") + 0)
        .filter(owner=system.organisation_id)
        .filter(Q(source=system) | Q(target=system))
        .annotate(
            direction=direction,
            position=Window(
                RowNumber(), partition_by=[direction], order_by=[other_name.asc(), F("pk").asc()]
            ),
            direction_total=Window(Count("pk"), partition_by=[direction]),
        )
        .filter(position__lte=PANEL_ROWS)
        .order_by("direction", "position")
    )
    return with_figures(system.organisation, with_relations(rows))


def _total(flows: list[Integration]) -> int:
    return flows[0].direction_total if flows else 0


def flows_panel(request: HttpRequest, system: System) -> Panel:
    flows = _first_flows(system)
    outgoing = [flow for flow in flows if flow.direction == OUTGOING]
    incoming = [flow for flow in flows if flow.direction == INCOMING]
    return Panel(
        "flows/_system_panel.html",
        {
            "system": system,
            "outgoing": outgoing,
            "incoming": incoming,
            "outgoing_total": _total(outgoing),
            "incoming_total": _total(incoming),
            "dependents": dependents_of(system, request_analysis(request)),
        },
    )
