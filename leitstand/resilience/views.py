"""Pages of resilience: a system's facts (edit), the overview with traffic lights, the people
only one of whom can run a critical system, and the vendors much depends on."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from leitstand.analysis.resilience import figures
from leitstand.core.audit import form_values
from leitstand.inventory.models import System
from leitstand.landscape.cache import request_analysis
from leitstand.resilience import selectors
from leitstand.resilience.forms import SystemResilienceForm
from leitstand.resilience.models import SystemResilience
from leitstand.resilience.services import save_resilience
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role

SORTS = {
    "cost": lambda row: row.outage_cost if row.outage_cost is not None else -1,
    "name": lambda row: row.system.name.lower(),
    "problems": lambda row: row.problems,
}


@org_view(Role.EDITOR, model=System)
def facts_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Create or change the one row of facts of a system; nothing is written on an error."""
    system = get_for_org(System, request.org, pk)
    instance = SystemResilience.objects.for_org(request.org).filter(
        system=system
    ).first() or SystemResilience(organisation=request.org, system=system)
    form = SystemResilienceForm(
        request.POST or None,
        instance=instance,
        organisation=request.org,
        validation_url=request.path,
    )
    if request.method == "POST" and not request.htmx and form.is_valid():
        save_resilience(instance, form_values(form), actor=request.user)
        messages.success(request, _("Saved the resilience facts of “%(name)s”.") % {"name": system})
        return redirect(system.get_absolute_url() + "#resilience-panel")
    if request.htmx:
        form.is_valid()  # validate the field the user just left; never save
    return render(request, "resilience/facts_form.html", {"form": form, "system": system})


def _filtered(request: HttpRequest, rows: list) -> list:
    params = request.GET
    query = params.get("q", "").strip().lower()
    if query:
        rows = [row for row in rows if query in row.system.name.lower()]
    department = params.get("department", "")
    if department.isdigit():
        rows = [row for row in rows if int(department) in row.system.department_ids]
    if params.get("problems"):
        rows = [row for row in rows if row.problems]
    if params.get("internet"):
        rows = [row for row in rows if row.internet_facing]
    if params.get("critical"):
        rows = [row for row in rows if row.critical]
    return rows


def _sorted(request: HttpRequest, rows: list) -> list:
    sort = request.GET.get("sort", "")
    key = SORTS.get(sort.lstrip("-"))
    if key is None:
        return rows  # by outage cost, as the selector delivers them
    descending = sort.startswith("-") != (sort.lstrip("-") in {"cost", "problems"})
    return sorted(rows, key=key, reverse=descending)


@org_view()
def overview(request: HttpRequest) -> HttpResponse:
    analysis = request_analysis(request)
    rows = _sorted(request, _filtered(request, selectors.overview_rows(analysis)))
    page = Paginator(rows, settings.LEITSTAND_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "rows": page.object_list,
        "total": len(rows),
        "departments": sorted(analysis.snapshot.departments, key=lambda d: d.name.lower()),
        "aspects": figures.ASPECTS,
        "outside_eu": selectors.personal_data_outside_eu(analysis),
        "active_filters": any(
            value for key, value in request.GET.items() if key not in {"page", "sort"}
        ),
    }
    return render(request, "resilience/overview.html", context)


@org_view()
def people(request: HttpRequest) -> HttpResponse:
    analysis = request_analysis(request)
    rows, ownerless = selectors.people_dependencies(analysis)
    context = {
        "rows": rows,
        "ownerless": ownerless,
        "critical_count": len(analysis.facts.critical_system_ids),
        "critical_from": figures.CRITICAL_FROM,
    }
    return render(request, "resilience/people.html", context)


@org_view()
def vendors(request: HttpRequest) -> HttpResponse:
    analysis = request_analysis(request)
    context = {
        "rows": selectors.vendor_rows(analysis),
        "critical_count": len(analysis.facts.critical_system_ids),
        "threshold": figures.CONCENTRATION_PERCENT,
        "outside_eu": selectors.personal_data_outside_eu(analysis),
    }
    return render(request, "resilience/vendors.html", context)
