"""Pages of KPIs: list, detail with its chart and measurements, create/edit/delete/history;
the standard KPIs of a process; measurements added, edited and removed."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from leitstand.core import views as generic
from leitstand.core.audit import form_values
from leitstand.kpis import filters, forms, services
from leitstand.kpis.models import Kpi, Measurement
from leitstand.kpis.selectors import kpi_view, with_measurements
from leitstand.processes.models import Process
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role


class KpiViews:
    model = Kpi
    labels = generic.EntityLabels(
        gettext_lazy("New KPI"), gettext_lazy("Record the first KPI"), gettext_lazy("No KPIs yet.")
    )
    form_class = forms.KpiForm
    url_prefix = "kpis:kpi"
    save_service = staticmethod(services.save_kpi)
    delete_service = staticmethod(services.delete_kpi)


class KpiList(KpiViews, generic.OrgListView):
    filterset_class = filters.KpiFilter
    template_name = "kpis/kpi_list.html"

    def get_queryset(self):
        return with_measurements(super().get_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["views"] = [kpi_view(kpi, chart=False) for kpi in context["object_list"]]
        return context


def _detail_context(kpi: Kpi, form: forms.MeasurementForm | None = None) -> dict:
    return {
        "object": kpi,
        "view": kpi_view(kpi),
        "measurement_form": form or forms.MeasurementForm(organisation=kpi.organisation, kpi=kpi),
        "surveys": kpi.surveys.order_by("created_at"),
        "url_prefix": KpiViews.url_prefix,
        "verbose_name_plural": Kpi._meta.verbose_name_plural,
    }


class KpiDetail(KpiViews, generic.OrgDetailView):
    def get(self, request, *args, **kwargs):
        kpi = self.get_object(with_measurements(self.get_queryset()))
        return render(request, "kpis/kpi_detail.html", _detail_context(kpi))


class KpiCreate(KpiViews, generic.OrgCreateView):
    def get_initial(self):
        """`?process=` (a process page links here) preselects that process."""
        initial = super().get_initial()
        value = self.request.GET.get("process", "")
        if value.isdigit():
            initial["process"] = get_for_org(Process, self.org, int(value)).pk
        return initial


class KpiUpdate(KpiViews, generic.OrgUpdateView):
    pass


class KpiDelete(KpiViews, generic.OrgDeleteView):
    pass


class KpiHistory(KpiViews, generic.OrgHistoryView):
    pass


@org_view(Role.EDITOR, model=Process)
@require_POST
def standard_kpis(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_for_org(Process, request.org, pk)
    created = services.add_standard_kpis(process, request.POST.getlist("unit"), request.user)
    if created:
        messages.success(
            request, _("Added: %(names)s.") % {"names": ", ".join(k.name for k in created)}
        )
    else:
        messages.info(request, _("Tick the KPIs to add."))
    return HttpResponseRedirect(process.get_absolute_url() + "#kpis-panel")


@org_view(Role.EDITOR, model=Kpi)
@require_POST
def measurement_add(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = get_for_org(with_measurements(Kpi.objects.all()), request.org, pk)
    form = forms.MeasurementForm(request.POST, organisation=request.org, kpi=kpi)
    if not form.is_valid():
        return render(request, "kpis/kpi_detail.html", _detail_context(kpi, form))
    services.save_measurement(form.instance, form_values(form), actor=request.user)
    messages.success(request, _("Measurement saved."))
    return HttpResponseRedirect(kpi.get_absolute_url() + "#measurements")


@org_view(Role.EDITOR, model=Measurement)
def measurement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = get_for_org(Measurement.objects.select_related("kpi"), request.org, pk)
    form = forms.MeasurementForm(
        request.POST or None, instance=measurement, organisation=request.org, kpi=measurement.kpi
    )
    if request.method == "POST" and form.is_valid():
        services.save_measurement(measurement, form_values(form), actor=request.user)
        messages.success(request, _("Measurement saved."))
        return HttpResponseRedirect(measurement.kpi.get_absolute_url() + "#measurements")
    context = {"form": form, "measurement": measurement, "kpi": measurement.kpi}
    return render(request, "kpis/measurement_form.html", context)


@org_view(Role.EDITOR, model=Measurement)
def measurement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = get_for_org(Measurement.objects.select_related("kpi"), request.org, pk)
    if request.method != "POST":
        return render(request, "core/confirm_delete.html", {"object": measurement})
    services.delete_measurement(measurement, actor=request.user)
    messages.success(request, _("Measurement deleted."))
    return HttpResponseRedirect(measurement.kpi.get_absolute_url() + "#measurements")
