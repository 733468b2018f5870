"""Business impact pages: the overview of processes and systems, the damage table of a
process (with the MTPD derived as the user rates), all under /o/<org>/continuity/."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from leitstand.analysis.continuity.impact import DAMAGE_FIELDS, mtpd_hours
from leitstand.continuity import selectors
from leitstand.continuity.forms import BusinessImpactForm, point_labels
from leitstand.continuity.models import BusinessImpact, mtpd_label
from leitstand.continuity.services import save_business_impact
from leitstand.core.audit import form_values
from leitstand.landscape.cache import kept_for_request
from leitstand.processes.models import Process
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role

#: Systems the overview lists per page, the costliest outage first.
SYSTEMS_PER_PAGE = 50


@org_view()
def overview(request: HttpRequest) -> HttpResponse:
    figures = selectors.request_figures(request)
    processes = Process.objects.for_org(request.org).select_related("business_impact")
    outages = figures.continuity.outages
    # Only the systems of one page are explained: a large landscape needs thousands. Both
    # kept with the analysis (seconds at 50,000 systems).
    needed = kept_for_request(
        request, "continuity:needed", lambda: selectors.needed_system_ids(figures)
    )
    page = Paginator(needed, SYSTEMS_PER_PAGE).get_page(request.GET.get("page"))
    systems = kept_for_request(
        request,
        f"continuity:page {page.number}",
        lambda: [selectors.system_view(figures, pk) for pk in page.object_list],
    )
    return render(
        request,
        "continuity/overview.html",
        {
            "processes": [(process, outages.get(process.pk)) for process in processes],
            "systems": systems,
            "page_obj": page,
        },
    )


def _impact_for(process: Process) -> BusinessImpact:
    existing = BusinessImpact.objects.filter(organisation=process.organisation, process=process)
    return existing.first() or BusinessImpact(organisation=process.organisation, process=process)


@org_view(Role.EDITOR, model=Process)
def impact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The guided damage table with RTO, RPO and the outage-cost inputs of one process."""
    process = get_for_org(Process.objects.select_related("organisation"), request.org, pk)
    impact = _impact_for(process)
    form = BusinessImpactForm(
        request.POST or None, instance=impact, organisation=request.org, process=process
    )
    if request.method == "POST" and form.is_valid():
        save_business_impact(impact, form_values(form), actor=request.user)
        messages.success(request, _("Saved the business impact of “%(name)s”.") % {"name": process})
        return HttpResponseRedirect(process.get_absolute_url() + "#business-impact")
    return render(
        request,
        "continuity/impact_form.html",
        {
            "process": process,
            "form": form,
            "points": point_labels(),
            "mtpd": mtpd_label(impact.mtpd_hours if not form.is_bound else _mtpd(request.POST)),
        },
    )


def _mtpd(data) -> int | None:
    return mtpd_hours({name: data.get(name, "") for name in DAMAGE_FIELDS})


@org_view(model=Process)
def mtpd_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The MTPD for the ratings in the query string, as the user fills in the table (HTMX)."""
    get_for_org(Process, request.org, pk)
    return render(request, "continuity/_mtpd.html", {"mtpd": mtpd_label(_mtpd(request.GET))})
