"""Steps edited in place on the process page (HTMX swaps `#process-main`; without JavaScript
the same forms post and redirect), and the automation scenarios of a process."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leitstand.core.audit import form_values
from leitstand.processes import services
from leitstand.processes.forms import ProcessStepForm, ScenarioForm
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.processes.views import first_error_gets_focus, render_process_page
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role


def _process(request: HttpRequest, pk: int) -> Process:
    queryset = Process.objects.select_related("organisation", "owner", "department")
    return get_for_org(queryset, request.org, pk)


def _step(request: HttpRequest, pk: int) -> ProcessStep:
    return get_for_org(ProcessStep.objects.select_related("process"), request.org, pk)


def _back(process: Process, anchor: str = "steps-section", query: str = "") -> HttpResponse:
    return HttpResponseRedirect(f"{process.get_absolute_url()}{query}#{anchor}")


@org_view(Role.EDITOR, model=Process)
@require_POST
def step_add(request: HttpRequest, pk: int) -> HttpResponse:
    process = _process(request, pk)
    form = ProcessStepForm(request.POST, organisation=request.org, process=process, prefix="new")
    if not form.is_valid():
        return render_process_page(request, process, step_form=form)
    services.add_step(process, form_values(form), actor=request.user)
    return _back(process, "add-step", "?added=1")


@org_view(Role.EDITOR, model=ProcessStep)
def step_edit(request: HttpRequest, pk: int) -> HttpResponse:
    step = _step(request, pk)
    process = _process(request, step.process_id)
    form = ProcessStepForm(
        request.POST or None,
        instance=step,
        organisation=request.org,
        process=process,
        prefix=f"step-{step.pk}",
    )
    if request.method == "POST" and form.is_valid():
        services.save_step(step, form_values(form), actor=request.user)
        return _back(process, f"step-{step.pk}")
    if not form.is_bound:
        form.fields["name"].widget.attrs["autofocus"] = True
    return render_process_page(request, process, editing=step.pk, edit_form=form)


@org_view(Role.EDITOR, model=ProcessStep)
@require_POST
def step_move(request: HttpRequest, pk: int) -> HttpResponse:
    step = _step(request, pk)
    direction = request.POST.get("direction")
    if direction in (services.UP, services.DOWN):
        services.move_step(step, direction, request.user)
    return _back(step.process, f"step-{step.pk}")


@org_view(Role.EDITOR, model=ProcessStep)
def step_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first (the page's HTMX button asks in the browser); POST removes the step."""
    step = _step(request, pk)
    if request.method != "POST":
        return render(request, "core/confirm_delete.html", {"object": step})
    services.delete_step(step, actor=request.user)
    messages.success(request, _("Removed the step “%(name)s”.") % {"name": step.name})
    return _back(step.process)


def _scenario_form_page(
    request: HttpRequest, process: Process, form: ScenarioForm, scenario=None
) -> HttpResponse:
    first_error_gets_focus(form)
    context = {"process": process, "form": form, "scenario": scenario}
    return render(request, "processes/scenario_form.html", context)


@org_view(Role.EDITOR, model=Process)
def scenario_create(request: HttpRequest, pk: int) -> HttpResponse:
    process = _process(request, pk)
    form = ScenarioForm(request.POST or None, organisation=request.org, process=process)
    if request.method == "POST" and form.is_valid():
        scenario = services.save_scenario(form.instance, form_values(form), actor=request.user)
        messages.success(request, _("Saved “%(name)s”.") % {"name": scenario})
        return _back(process, f"scenario-{scenario.pk}")
    return _scenario_form_page(request, process, form)


@org_view(Role.EDITOR, model=AutomationScenario)
def scenario_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = get_for_org(AutomationScenario, request.org, pk)
    process = _process(request, scenario.process_id)
    form = ScenarioForm(
        request.POST or None, instance=scenario, organisation=request.org, process=process
    )
    if request.method == "POST" and form.is_valid():
        services.save_scenario(scenario, form_values(form), actor=request.user)
        messages.success(request, _("Saved “%(name)s”.") % {"name": scenario})
        return _back(process, f"scenario-{scenario.pk}")
    return _scenario_form_page(request, process, form, scenario)


@org_view(Role.EDITOR, model=AutomationScenario)
def scenario_delete(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = get_for_org(AutomationScenario.objects.select_related("process"), request.org, pk)
    if request.method != "POST":
        return render(request, "core/confirm_delete.html", {"object": scenario})
    services.delete_scenario(scenario, actor=request.user)
    messages.success(request, _("Deleted “%(name)s”.") % {"name": scenario.name})
    return _back(scenario.process, "scenarios-section")
