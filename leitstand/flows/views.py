"""Pages of data flows: integrations, data objects, the integration map, the capability map."""

from django.conf import settings
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from leitstand.core import views as generic
from leitstand.core.language import name_field
from leitstand.core.wording import render_all
from leitstand.flows import filters, forms, mappages, services
from leitstand.flows.mapdata import map_graph
from leitstand.flows.models import DataObject, Integration
from leitstand.flows.selectors import (
    capability_map,
    carriers_of,
    effort_explanation,
    with_figures,
    with_relations,
)
from leitstand.inventory.models import System
from leitstand.tenancy.access import get_for_org, org_view


class IntegrationViews:
    model = Integration
    labels = generic.EntityLabels(
        _("New integration"), _("Record the first integration"), _("No integrations recorded yet.")
    )
    form_class = forms.IntegrationForm
    url_prefix = "flows:integration"
    save_service = staticmethod(services.save_integration)
    delete_service = staticmethod(services.delete_integration)


class IntegrationList(IntegrationViews, generic.OrgListView):
    filterset_class = filters.IntegrationFilter
    template_name = "flows/integration_list.html"

    def get_queryset(self):
        return with_relations(super().get_queryset())

    def get_paginator(self, queryset, per_page, **kwargs):
        """The page's flows read with their source's organisation named and without joining
        the organisation (the database then walks the systems by name through their
        unique-name index instead of sorting every flow by both names: page 1 of 250,000
        flows, SQLite 1.8 s -> 1 ms, PostgreSQL 88 -> 2 ms); counted without either (a join
        costs 0.5 s there)."""
        flows = queryset.filter(source__organisation=self.org).select_related(None)
        paginator = super().get_paginator(
            flows.select_related("source", "target"), per_page, **kwargs
        )
        paginator.count = queryset.count()
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        flows = with_figures(self.org, context["object_list"])
        for flow in flows:  # the organisation's own (see get_paginator)
            flow.organisation = flow.source.organisation = flow.target.organisation = self.org
        context["object_list"] = flows
        return context


class IntegrationDetail(IntegrationViews, generic.OrgDetailView):
    template_name = "flows/integration_detail.html"

    def get_queryset(self):
        return with_relations(super().get_queryset())

    def get_context_data(self, **kwargs):
        figures, messages = effort_explanation(self.object)
        kwargs["figures"] = figures
        kwargs["explanation"] = render_all(messages) if messages else ""
        return super().get_context_data(**kwargs)


class IntegrationCreate(IntegrationViews, generic.OrgCreateView):
    def get_initial(self):
        """`?source=` or `?target=` (a system's page links here) preselects that system."""
        initial = super().get_initial()
        for end in ("source", "target"):
            value = self.request.GET.get(end, "")
            if value.isdigit():
                initial[end] = get_for_org(System, self.org, int(value)).pk
        return initial


class IntegrationUpdate(IntegrationViews, generic.OrgUpdateView):
    pass


class IntegrationDelete(IntegrationViews, generic.OrgDeleteView):
    pass


class IntegrationHistory(IntegrationViews, generic.OrgHistoryView):
    pass


class DataObjectViews:
    model = DataObject
    labels = generic.EntityLabels(
        _("New data object"), _("Add the first data object"), _("No data objects recorded yet.")
    )
    form_class = forms.DataObjectForm
    url_prefix = "flows:data_object"
    save_service = staticmethod(services.save_data_object)
    delete_service = staticmethod(services.delete_data_object)


def _name_order() -> str:
    return name_field()


class DataObjectList(DataObjectViews, generic.OrgListView):
    filterset_class = filters.DataObjectFilter
    template_name = "flows/data_object_list.html"
    paginate_by = 100

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(flow_count=Count("integrations", distinct=True))
            .select_related("organisation")
            .prefetch_related(
                Prefetch(
                    "master_systems",
                    queryset=System.objects.select_related("organisation").order_by("name"),
                )
            )
            .order_by(_name_order())
        )


class DataObjectDetail(DataObjectViews, generic.OrgDetailView):
    template_name = "flows/data_object_detail.html"

    def get_context_data(self, **kwargs):
        kwargs["flows"], kwargs["flow_count"] = carriers_of(self.object)
        kwargs["masters"] = self.object.master_systems.select_related("organisation").order_by(
            "name"
        )
        return super().get_context_data(**kwargs)


class DataObjectCreate(DataObjectViews, generic.OrgCreateView):
    pass


class DataObjectUpdate(DataObjectViews, generic.OrgUpdateView):
    pass


class DataObjectDelete(DataObjectViews, generic.OrgDeleteView):
    pass


class DataObjectHistory(DataObjectViews, generic.OrgHistoryView):
    pass


@org_view()
def integration_map(request: HttpRequest) -> HttpResponse:
    """The whole landscape while it is small enough to draw; beyond that its departments
    (capabilities) as groups. A group's systems and one system's neighbourhood on request."""
    place = mappages.MapPlace.from_query(request.GET)
    if place.query:
        return mappages.search(request, place)
    if place.system is not None:
        return mappages.neighbourhood_page(request, place)
    if place.group is not None:
        return mappages.group_page(request, place)
    if mappages.shown_system_count(request.org) > settings.LEITSTAND_MAP_MAX_NODES:
        return mappages.groups_page(request, place)
    graph = map_graph(request.org)
    context = {"graph": graph, "empty": not graph["nodes"], "place": place, "mode": "whole"}
    return render(request, "flows/map.html", context)


@org_view()
def capability_map_page(request: HttpRequest) -> HttpResponse:
    departments, rows = capability_map(request.org)
    overlaps = sum(1 for row in rows if row.overlap)
    context = {"departments": departments, "rows": rows, "overlaps": overlaps}
    return render(request, "flows/capability_map.html", context)
