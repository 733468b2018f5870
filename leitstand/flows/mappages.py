"""The integration map's pages beyond the whole landscape: the landscape by department or
capability, one group's systems, one system's neighbourhood, and the search that opens it.

Where the reader is comes from the URL's query (`MapPlace`), so every view can be linked to
and the grouping chosen is kept from page to page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, When
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from leitstand.analysis.vocabulary import Lifecycle
from leitstand.flows.mapdata import partial_graph
from leitstand.flows.mapgroups import (
    BY_CAPABILITY,
    BY_DEPARTMENT,
    GROUPINGS,
    UNASSIGNED,
    group_graph,
    grouping,
    map_url,
    systems_on_map,
)
from leitstand.flows.mapparts import group_part, group_systems, neighbourhood
from leitstand.inventory.models import Capability, Department, System
from leitstand.landscape.cache import kept_for_request
from leitstand.tenancy.access import get_for_org
from leitstand.tenancy.models import Organisation

#: Systems listed per page when a group is too large to draw, and matches of a search.
LISTED = 100
MATCHES_LISTED = 20
#: Longer numbers in the URL are no id (and would overflow the database's integers).
ID_DIGITS = 18


def _id(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) <= ID_DIGITS else None


@dataclass(frozen=True)
class MapPlace:
    """What the map shows, from the URL: the grouping, a group, a system, a search."""

    by: str = BY_DEPARTMENT
    group: str | None = None  # a department's (capability's) id, or UNASSIGNED
    system: int | None = None
    query: str = ""

    @classmethod
    def from_query(cls, params) -> "MapPlace":
        by = params.get("by", "")
        group = params.get("group", "")
        return cls(
            by=by if by in GROUPINGS else BY_DEPARTMENT,
            group=group if group == UNASSIGNED or _id(group) is not None else None,
            system=_id(params.get("system", "")),
            query=params.get("q", "").strip()[:200],
        )

    @property
    def grouping(self) -> dict:
        return grouping(self.by)


def shown_system_count(organisation: Organisation) -> int:
    return systems_on_map(organisation).count()


def _page(request: HttpRequest, place: MapPlace, mode: str, **context) -> HttpResponse:
    organisation = request.org
    context.update(
        place=place,
        mode=mode,
        limit=settings.LEITSTAND_MAP_MAX_NODES,
        overview_url=map_url(organisation, **place.grouping),
    )
    return render(request, "flows/map.html", context)


def groups_page(request: HttpRequest, place: MapPlace) -> HttpResponse:
    """Too many systems to draw: one node per department (capability)."""
    organisation = request.org
    graph = kept_for_request(
        request, f"map groups {place.by}", lambda: group_graph(organisation, place.by)
    )
    switch = {by: map_url(organisation, **grouping(by)) for by in GROUPINGS}
    return _page(request, place, "groups", graph=graph, switch=switch)


def search(request: HttpRequest, place: MapPlace) -> HttpResponse:
    """The system named (or the only one whose name contains the words) opens at once;
    otherwise the matches to choose from."""
    organisation = request.org
    exact_first = Case(When(name__iexact=place.query, then=0), default=1)
    found = list(
        systems_on_map(organisation)
        .filter(name__icontains=place.query)
        .order_by(exact_first, Lower("name"), "pk")
        .values_list("pk", "name")[: MATCHES_LISTED + 1]
    )
    if len(found) == 1 or (found and found[0][1].lower() == place.query.lower()):
        return redirect(map_url(organisation, **place.grouping, system=found[0][0]))
    matches = [
        (name, map_url(organisation, **place.grouping, system=pk))
        for pk, name in found[:MATCHES_LISTED]
    ]
    return _page(request, place, "search", matches=matches, more=len(found) > MATCHES_LISTED)


def neighbourhood_page(request: HttpRequest, place: MapPlace) -> HttpResponse:
    organisation = request.org
    centre = get_for_org(System, organisation, place.system)
    if centre.lifecycle == Lifecycle.RETIRED:
        return _page(request, place, "retired", centre=centre)
    part = neighbourhood(organisation, centre, settings.LEITSTAND_MAP_MAX_NODES)
    graph = partial_graph(organisation, part.systems, part.integrations)
    graph["centre"] = f"s{centre.pk}"
    return _page(request, place, "neighbourhood", graph=graph, centre=centre, part=part)


def group_page(request: HttpRequest, place: MapPlace) -> HttpResponse:
    """A department's (capability's) systems drawn as the map when few enough; else listed,
    each with a link to its neighbourhood."""
    organisation = request.org
    group_id = None if place.group == UNASSIGNED else int(place.group)
    group = _group(organisation, place.by, group_id)
    systems = group_systems(organisation, place.by, group_id)
    ids = list(systems.values_list("pk", flat=True)[: settings.LEITSTAND_MAP_MAX_NODES + 1])
    context = {"group": group, "list_url": _list_url(organisation, place)}
    if len(ids) <= settings.LEITSTAND_MAP_MAX_NODES:
        part = group_part(organisation, ids)
        graph = partial_graph(organisation, part.systems, part.integrations)
        return _page(request, place, "group", graph=graph, count=len(ids), **context)
    rows = systems.order_by(Lower("name"), "pk").values_list("pk", "name")
    page = Paginator(rows, LISTED).get_page(request.GET.get("page"))
    listed = [(name, map_url(organisation, **place.grouping, system=pk)) for pk, name in page]
    count = page.paginator.count
    return _page(request, place, "group_list", page=page, listed=listed, count=count, **context)


def _group(organisation: Organisation, by: str, group_id: int | None):
    """The department or capability (404 if not the organisation's); None: unassigned."""
    if group_id is None:
        return None
    return get_for_org(Department if by == BY_DEPARTMENT else Capability, organisation, group_id)


def _list_url(organisation: Organisation, place: MapPlace) -> str | None:
    """The system list filtered to the group's systems in use, where it has such a filter."""
    if place.by == BY_CAPABILITY and place.group == UNASSIGNED:
        return None
    params = {"no_department": "true"} if place.group == UNASSIGNED else {place.by: place.group}
    url = reverse("inventory:system_list", kwargs={"org": organisation.slug})
    return f"{url}?{urlencode({**params, 'in_use': 'true'})}"
