"""Pages of initiatives: list, detail (options side by side, business cases, trials, phases,
milestones, KPIs, change checklist), and the forms of their parts."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from leitstand.analysis.worklist import finding_identity
from leitstand.core import views as generic
from leitstand.core.audit import form_values
from leitstand.core.extensions import initiative_panels
from leitstand.core.wording import KINDS
from leitstand.landscape.cache import request_analysis
from leitstand.roadmap import filters, forms, services
from leitstand.roadmap.cases import initiatives_for_plan, plan_cases
from leitstand.roadmap.explain import case_explanation
from leitstand.roadmap.models import (
    ChangeChecklist,
    FindingState,
    Initiative,
    InitiativeOption,
    Milestone,
    Phase,
)
from leitstand.roadmap.plan import kept_plan
from leitstand.roadmap.presenters import kpi_rows, survey_comparison
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role


class InitiativeViews:
    model = Initiative
    labels = generic.EntityLabels(
        gettext_lazy("New initiative"),
        gettext_lazy("Start the first initiative"),
        gettext_lazy("No initiatives yet."),
    )
    form_class = forms.InitiativeForm
    url_prefix = "roadmap:initiative"
    save_service = staticmethod(services.save_initiative)
    delete_service = staticmethod(services.delete_initiative)


class InitiativeList(InitiativeViews, generic.OrgListView):
    filterset_class = filters.InitiativeFilter
    template_name = "roadmap/initiative_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("owner").prefetch_related("options")


class InitiativeDetail(InitiativeViews, generic.OrgDetailView):
    def get(self, request, *args, **kwargs):
        initiative = self.get_object(initiatives_for_plan(self.org))
        analysis = request_analysis(request)
        others = kept_plan(request, analysis).context  # other initiatives' dates
        (cases,) = plan_cases([initiative], analysis, context=others)
        context = {
            "object": initiative,
            "cases": cases,
            "settings": analysis.snapshot.settings,
            "surveys": survey_comparison(initiative),
            "kpis": kpi_rows(initiative),
            "checklist": ChangeChecklist.objects.filter(initiative=initiative).first(),
            "choose_form": forms.ChooseOptionForm(initial={"reason": initiative.choice_reason}),
            "standard_phases_form": forms.StandardPhasesForm(auto_id="standard-%s"),
            "url_prefix": self.url_prefix,
            "verbose_name_plural": Initiative._meta.verbose_name_plural,
            "explanations": [
                (view, case_explanation(view.option, view.case, analysis)) for view in cases.options
            ],
            "panels": initiative_panels.render(request, initiative),
        }
        return render(request, "roadmap/initiative_detail.html", context)


class InitiativeCreate(InitiativeViews, generic.OrgCreateView):
    def form_valid(self, form):
        response = super().form_valid(form)
        services.checklist_for(self.object)
        return response


class InitiativeUpdate(InitiativeViews, generic.OrgUpdateView):
    pass


class InitiativeDelete(InitiativeViews, generic.OrgDeleteView):
    pass


class InitiativeHistory(InitiativeViews, generic.OrgHistoryView):
    pass


def _initiative(request: HttpRequest, pk: int) -> Initiative:
    return get_for_org(Initiative, request.org, pk)


def _part_form_page(request, initiative, form, title: str) -> HttpResponse:
    context = {"initiative": initiative, "form": form, "title": title}
    return render(request, "roadmap/part_form.html", context)


#: The services that save and delete each part of an initiative edited on its own page.
PART_SERVICES = {
    InitiativeOption: (services.save_option, services.delete_option),
    Phase: (services.save_phase, services.delete_phase),
    Milestone: (services.save_milestone, services.delete_milestone),
    ChangeChecklist: (services.save_checklist, services.delete_checklist),
}


def _part_view(request, initiative, form_class, instance, title, anchor, message):
    form = form_class(
        request.POST or None, instance=instance, organisation=request.org, initiative=initiative
    )
    if request.method == "POST" and form.is_valid():
        if form.instance.pk is None or form.has_changed():  # an unchanged save writes nothing
            save, _delete = PART_SERVICES[type(form.instance)]
            save(form.instance, form_values(form), actor=request.user)
        messages.success(request, message)
        return HttpResponseRedirect(initiative.get_absolute_url() + anchor)
    return _part_form_page(request, initiative, form, title)


def _delete_part(request, obj, anchor: str) -> HttpResponse:
    if request.method != "POST":
        return render(request, "core/confirm_delete.html", {"object": obj})
    initiative = obj.initiative
    _save, delete = PART_SERVICES[type(obj)]
    delete(obj, actor=request.user)
    messages.success(request, _("Deleted “%(name)s”.") % {"name": obj})
    return HttpResponseRedirect(initiative.get_absolute_url() + anchor)


@org_view(Role.EDITOR, model=Initiative)
def option_create(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    return _part_view(
        request,
        initiative,
        forms.OptionForm,
        None,
        _("New option"),
        "#options",
        _("Option saved."),
    )


def _option(request: HttpRequest, pk: int) -> InitiativeOption:
    return get_for_org(InitiativeOption.objects.select_related("initiative"), request.org, pk)


@org_view(Role.EDITOR, model=InitiativeOption)
def option_edit(request: HttpRequest, pk: int) -> HttpResponse:
    option = _option(request, pk)
    return _part_view(
        request,
        option.initiative,
        forms.OptionForm,
        option,
        _("Edit option “%(name)s”") % {"name": option.name},
        "#options",
        _("Option saved."),
    )


@org_view(Role.EDITOR, model=InitiativeOption)
def option_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete_part(request, _option(request, pk), "#options")


@org_view(Role.EDITOR, model=Initiative)
@require_POST
def option_choose(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = forms.ChooseOptionForm(request.POST)
    chosen = request.POST.get("option", "")
    option = initiative.options.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    if option is None or not form.is_valid():
        messages.error(request, _("Choose one of the options and say why."))
        return HttpResponseRedirect(initiative.get_absolute_url() + "#options")
    services.choose_option(option, form.cleaned_data["reason"], request.user)
    messages.success(request, _("“%(name)s” is the chosen option.") % {"name": option.name})
    return HttpResponseRedirect(option.initiative.get_absolute_url() + "#options")


@org_view(Role.EDITOR, model=InitiativeOption)
@require_POST
def option_survey(request: HttpRequest, pk: int) -> HttpResponse:
    option = _option(request, pk)
    survey = services.start_acceptance_survey(option, request.user)
    messages.success(
        request, _("Acceptance survey ready: share its link with the people who tried it.")
    )
    return HttpResponseRedirect(survey.get_absolute_url())


@org_view(Role.EDITOR, model=Initiative)
def phase_create(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    return _part_view(
        request, initiative, forms.PhaseForm, None, _("New phase"), "#phases", _("Phase saved.")
    )


def _phase(request, pk) -> Phase:
    return get_for_org(Phase.objects.select_related("initiative"), request.org, pk)


@org_view(Role.EDITOR, model=Phase)
def phase_edit(request: HttpRequest, pk: int) -> HttpResponse:
    phase = _phase(request, pk)
    return _part_view(
        request,
        phase.initiative,
        forms.PhaseForm,
        phase,
        _("Edit phase"),
        "#phases",
        _("Phase saved."),
    )


@org_view(Role.EDITOR, model=Phase)
def phase_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete_part(request, _phase(request, pk), "#phases")


@org_view(Role.EDITOR, model=Initiative)
@require_POST
def standard_phases(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = forms.StandardPhasesForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["start_on"][0])
    elif initiative.phases.exists():
        messages.info(request, _("This initiative has phases already."))
    else:
        services.add_standard_phases(initiative, form.cleaned_data["start_on"], request.user)
        messages.success(request, _("The five standard phases were added; adjust their dates."))
    return HttpResponseRedirect(initiative.get_absolute_url() + "#phases")


@org_view(Role.EDITOR, model=Initiative)
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    return _part_view(
        request,
        initiative,
        forms.MilestoneForm,
        None,
        _("New milestone"),
        "#milestones",
        _("Milestone saved."),
    )


def _milestone(request, pk) -> Milestone:
    return get_for_org(Milestone.objects.select_related("initiative"), request.org, pk)


@org_view(Role.EDITOR, model=Milestone)
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = _milestone(request, pk)
    return _part_view(
        request,
        milestone.initiative,
        forms.MilestoneForm,
        milestone,
        _("Edit milestone"),
        "#milestones",
        _("Milestone saved."),
    )


@org_view(Role.EDITOR, model=Milestone)
def milestone_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete_part(request, _milestone(request, pk), "#milestones")


@org_view(Role.EDITOR, model=Initiative)
def checklist_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    checklist = services.checklist_for(initiative)
    return _part_view(
        request,
        initiative,
        forms.ChecklistForm,
        checklist,
        _("Change checklist"),
        "#checklist",
        _("Checklist saved."),
    )


@org_view(Role.EDITOR)
def finding_status(request: HttpRequest) -> HttpResponse:
    """The status form of the finding `?key=` names: its existing status, or a new one for a
    finding the current analysis shows."""
    key = request.GET.get("key", "")[:200]
    if not key:  # reached without a finding: say where to pick one
        return render(request, "roadmap/finding_state_form.html", {"form": None, "state": None})
    state = FindingState.objects.for_org(request.org).filter(key=key).first()
    if state is None:
        finding = next(
            (f for f in request_analysis(request).findings if finding_identity(f) == key), None
        )
        if finding is None:
            raise Http404("no such finding")
        state = services.new_state(request.org, finding)
    return _finding_state_page(request, state)


@org_view(Role.EDITOR, model=FindingState)
def finding_state(request: HttpRequest, pk: int) -> HttpResponse:
    """Status, owner, due date and note of one finding (kept across analyses)."""
    return _finding_state_page(request, get_for_org(FindingState, request.org, pk))


def _finding_state_page(request: HttpRequest, state: FindingState) -> HttpResponse:
    form = forms.FindingStateForm(request.POST or None, instance=state, organisation=request.org)
    if request.method == "POST" and form.is_valid():
        if state.pk is None or form.has_changed():  # an unchanged save writes nothing
            services.record_finding_status(state, form_values(form), actor=request.user)
        messages.success(
            request, _("Saved the status of “%(name)s”.") % {"name": state.subject_name}
        )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = state.get_absolute_url()
        return HttpResponseRedirect(target)
    context = {"form": form, "state": state, "kind_label": KINDS.get(state.kind, state.kind)}
    return render(request, "roadmap/finding_state_form.html", context)
