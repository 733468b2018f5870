"""The integration map's graph as plain data for cytoscape (passed with json_script).

Systems not retired are nodes (coloured by department, sized by annual cost); active and
planned flows are edges (coloured by method category, labelled with their yearly hours).
"""

from typing import NamedTuple

from django.urls import reverse
from django.utils.translation import gettext as _

from leitstand.analysis.costs import integration_figures
from leitstand.analysis.graph import blast_radius_sizes, build_graph
from leitstand.analysis.snapshot import OrganisationSettings, Snapshot
from leitstand.analysis.vocabulary import FlowStatus, Lifecycle, method_category
from leitstand.flows.models import Method
from leitstand.flows.records import data_object_records
from leitstand.inventory.records import department_records
from leitstand.landscape.snapshot import landscape_snapshot, organisation_settings
from leitstand.tenancy.models import Organisation

#: Colour-blind friendly first (Okabe-Ito), then further distinct tones.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#6F42C1",
    "#20C997",
    "#8C564B",
    "#7F7F7F",
    "#BCBD22",
]
PLACEHOLDER_PK = 987654321


def _url_template(view: str, org: str) -> str:
    """A detail URL with `{id}` where the object's number goes."""
    url = reverse(view, kwargs={"org": org, "pk": PLACEHOLDER_PK})
    return url.replace(str(PLACEHOLDER_PK), "{id}")


def _nodes(systems, blast: dict[int, int] | None) -> list[dict]:
    return [
        {
            "id": f"s{system.id}",
            "pk": system.id,
            "label": system.name,
            "cost": None if system.annual_cost is None else float(system.annual_cost),
            "departments": list(system.department_ids),
            "shadow": system.centrally_managed is False,
            "blast": None if blast is None else blast.get(system.id, 0),
        }
        for system in systems
        if system.lifecycle != Lifecycle.RETIRED
    ]


def _edges(integrations, shown: set[int], settings) -> list[dict]:
    edges = []
    for flow in integrations:
        if flow.status == FlowStatus.RETIRED or not {flow.source_id, flow.target_id} <= shown:
            continue
        figures = integration_figures(flow, settings)
        edges.append(
            {
                "id": f"i{flow.id}",
                "pk": flow.id,
                "source": f"s{flow.source_id}",
                "target": f"s{flow.target_id}",
                "method": flow.method,
                "category": method_category(flow.method).value,
                "planned": flow.status == FlowStatus.PLANNED,
                "data": list(flow.data_object_ids),
                "hours": None if figures.total_hours is None else float(figures.total_hours),
            }
        )
    return edges


def department_colours(departments) -> list[dict]:
    """The departments by name, each with its colour on the map."""
    return [
        {"id": d.id, "name": d.name, "colour": PALETTE[index % len(PALETTE)]}
        for index, d in enumerate(sorted(departments, key=lambda d: d.name.lower()))
    ]


def map_graph(organisation: Organisation) -> dict:
    """Every system not retired and every flow between them (the whole landscape)."""
    snapshot = landscape_snapshot(organisation, processes=False)
    flows = [(f.source_id, f.target_id) for f in snapshot.active_integrations]
    blast = blast_radius_sizes(build_graph((s.id for s in snapshot.systems), flows))
    return _graph(organisation, snapshot, blast)


class MapPart(NamedTuple):
    """What the map draws, from the snapshot or read for a part of the landscape."""

    systems: tuple
    integrations: tuple
    departments: tuple
    data_objects: tuple
    settings: OrganisationSettings


def partial_graph(organisation: Organisation, systems, integrations) -> dict:
    """Some systems and the flows between them (a group's, a neighbourhood): drawn like the
    whole map, without the blast radius (it needs the whole landscape)."""
    part = MapPart(
        systems,
        integrations,
        department_records(organisation),
        data_object_records(organisation),
        organisation_settings(organisation),
    )
    return _graph(organisation, part, None)


def _graph(
    organisation: Organisation, snapshot: Snapshot | MapPart, blast: dict[int, int] | None
) -> dict:
    nodes = _nodes(snapshot.systems, blast)
    shown = {node["pk"] for node in nodes}
    return {
        "departments": department_colours(snapshot.departments),
        "dataObjects": [
            {"id": d.id, "name": d.name}
            for d in sorted(snapshot.data_objects, key=lambda d: d.name.lower())
        ],
        "methods": [
            {"value": value, "label": str(label), "category": method_category(value).value}
            for value, label in Method.choices
        ],
        "nodes": nodes,
        "edges": _edges(snapshot.integrations, shown, snapshot.settings),
        "urls": {
            "system": _url_template("inventory:system_detail", organisation.slug),
            "integration": _url_template("flows:integration_detail", organisation.slug),
        },
        "text": {
            "cost": _("Cost per year"),
            "unknown": _("unknown"),
            "departments": _("Departments"),
            "none": _("none"),
            "dependents": _("Systems that depend on it"),
            "shadow": _("shadow IT"),
            "open_system": _("Open the system"),
            "open_flow": _("Open the flow"),
            "hours": _("Manual hours per year"),
            "method": _("Method"),
            "planned": _("planned"),
            "data": _("Data carried"),
        },
    }
