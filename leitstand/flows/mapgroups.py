"""The integration map of a landscape too large to draw system by system: one node per
department (or capability), sized by its systems; one arrow per method category between two
groups, carrying the number of flows and their hours a year (`analysis.flow_groups`).

Reads the systems' groups and the flows (without the data they carry) in three queries; the
page keeps the result until the landscape changes (`landscape.cache.kept_for_request`).
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from leitstand.analysis.costs import figures_by_integration
from leitstand.analysis.engine import collector_paused
from leitstand.analysis.flow_groups import FlowGroups, FlowSum, group_flows
from leitstand.analysis.vocabulary import FlowStatus, Lifecycle
from leitstand.core.queries import many_to_many_ids, raw_rows
from leitstand.flows.mapdata import PALETTE
from leitstand.flows.models import Integration
from leitstand.flows.records import records_of
from leitstand.inventory.models import System
from leitstand.inventory.records import capability_records, department_records
from leitstand.landscape.snapshot import organisation_settings
from leitstand.tenancy.models import Organisation

BY_DEPARTMENT = "department"
BY_CAPABILITY = "capability"
GROUPINGS = (BY_DEPARTMENT, BY_CAPABILITY)
UNASSIGNED = "none"  # the group of systems without a department (capability) in URLs
NO_GROUP_COLOUR = "#adb5bd"
#: Arrows drawn at most: the ones carrying the most flows. Forty capabilities that all
#: exchange data give 4,700 arrows, which took Chromium seconds to lay out and nobody can read.
MAX_LINKS = 600


def systems_on_map(organisation: Organisation):
    """The organisation's systems the map shows: all but the retired ones."""
    return System.objects.for_org(organisation).exclude(lifecycle=Lifecycle.RETIRED)


def grouping(by: str) -> dict:
    """The URL query that keeps a grouping from page to page (none for the default)."""
    return {} if by == BY_DEPARTMENT else {"by": by}


def map_url(organisation: Organisation, **params) -> str:
    url = reverse("flows:map", kwargs={"org": organisation.slug})
    return f"{url}?{urlencode(params)}" if params else url


def group_flows_of(organisation: Organisation, by: str) -> FlowGroups:
    """The organisation's systems and flows added up by department or capability."""
    through = System.departments.through if by == BY_DEPARTMENT else System.capabilities.through
    with collector_paused():  # 250,000 flows: the collector's passes took half the time
        links = many_to_many_ids(through, "system", by, organisation)
        ids = raw_rows(systems_on_map(organisation).values_list("pk"))
        members = {pk: links.get(pk, ()) for (pk,) in ids}
        flows = records_of(
            Integration.objects.for_org(organisation).exclude(status=FlowStatus.RETIRED), {}
        )
        figures = figures_by_integration(flows, organisation_settings(organisation))
        return group_flows(members, flows, figures)


def group_graph(organisation: Organisation, by: str) -> dict:
    """The aggregated map as plain data for cytoscape (passed with json_script)."""
    grouped = group_flows_of(organisation, by)
    names, colours = _names_and_colours(organisation, by)
    groups = [
        {
            "id": _node_id(group.id),
            "pk": group.id,
            "label": names.get(group.id, _("unassigned")),
            "systems": group.systems,
            "colour": colours.get(group.id, NO_GROUP_COLOUR),
            "within": _sums(group.within),
            "url": map_url(organisation, **grouping(by), group=_url_id(group.id)),
        }
        for group in grouped.groups
    ]
    links = [
        {
            "id": f"l{index}",
            "source": _node_id(link.source),
            "target": _node_id(link.target),
            "category": link.category.value,
            **_sums(link.figures),
        }
        for index, link in enumerate(grouped.links[:MAX_LINKS])
    ]
    return {
        "by": by,
        "groups": groups,
        "links": links,
        "linksLeftOut": max(0, len(grouped.links) - MAX_LINKS),
        "systems": grouped.systems,
        "text": _texts(by),
    }


def _url_id(group_id: int | None) -> str:
    return UNASSIGNED if group_id is None else str(group_id)


def _node_id(group_id: int | None) -> str:
    return f"g{_url_id(group_id)}"


def _sums(figures: FlowSum) -> dict:
    return {
        "flows": figures.flows,
        "planned": figures.planned,
        "hours": float(figures.hours),
        "unknown": figures.unknown,
    }


def _names_and_colours(organisation: Organisation, by: str) -> tuple[dict, dict]:
    records = (
        department_records(organisation)
        if by == BY_DEPARTMENT
        else capability_records(organisation)
    )
    ordered = sorted(records, key=lambda record: record.name.lower())
    names = {record.id: record.name for record in ordered}
    colours = {record.id: PALETTE[index % len(PALETTE)] for index, record in enumerate(ordered)}
    return names, colours


def _texts(by: str) -> dict:
    return {
        "systems": _("Systems"),
        "within": _("Flows between its own systems"),
        "flows": _("Flows"),
        "planned": _("planned"),
        "hours": _("Manual hours per year"),
        "unknown": _("flows with unknown hours left out"),
        "method": _("Method"),
        "categories": {
            "manual": _("by hand"),
            "file": _("by file"),
            "automated": _("automated"),
        },
        "open": _("Open this department") if by == BY_DEPARTMENT else _("Open this capability"),
    }
