"""The business impact section of a process's page and the outage section of a system's page."""

from django.http import HttpRequest

from leitstand.continuity import selectors
from leitstand.continuity.forms import CATEGORY_LABELS, point_labels
from leitstand.continuity.models import BusinessImpact
from leitstand.core.extensions import Panel
from leitstand.inventory.models import System
from leitstand.processes.models import Process


def damage_table(impact: BusinessImpact) -> list[tuple[str, list[str]]]:
    """Per category its label and the rating labels after 1 h ... 1 week ('' not rated)."""
    labels = dict(BusinessImpact._meta.get_field("damage_money_1h").choices)
    rows = []
    for category, label in CATEGORY_LABELS.items():
        cells = [
            (value, labels.get(value, ""))
            for name, value in impact.damage.items()
            if name.startswith(f"damage_{category}_")
        ]
        rows.append((label, cells))
    return rows


def business_impact_panel(request: HttpRequest, process: Process) -> Panel:
    impact = BusinessImpact.objects.for_org(process.organisation).filter(process=process).first()
    figures = selectors.request_figures(request)
    outage, explanation = selectors.process_outage(figures, process.pk)
    return Panel(
        "continuity/_process_panel.html",
        {
            "process": process,
            "impact": impact,
            "damage": damage_table(impact) if impact else [],
            "points": point_labels(),
            "outage": outage,
            "explanation": explanation,
            "systems": selectors.systems_of_process(figures, process.pk),
        },
    )


def outage_panel(request: HttpRequest, system: System) -> Panel | None:
    figures = selectors.request_figures(request)
    if system.pk not in figures.continuity.systems:
        return None
    return Panel(
        "continuity/_system_panel.html", {"row": selectors.system_view(figures, system.pk)}
    )
