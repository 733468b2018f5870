"""Funding pages: overview, company facts, programme catalogue, funding plans with their
matching, plan, timeline and checklist, and the plan as xlsx and PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from leitstand.core import views as generic
from leitstand.core.audit import form_values
from leitstand.funding import forms, presenters, selectors, services
from leitstand.funding.catalogue import catalogue
from leitstand.funding.models import COST_FIELDS, DeMinimisAid, FundingPlan, LinkedEnterprise
from leitstand.funding.report import render_pdf
from leitstand.funding.workbook import plan_workbook
from leitstand.roadmap.models import Initiative
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import FederalState, Role

LANGUAGES = ("de", "en")


@org_view()
def overview(request: HttpRequest) -> HttpResponse:
    today = selectors.today()
    result = selectors.company_match(request.org, today)
    open_to_company = [presenters.match_view(x, today) for x in result.matches if not x.blockers]
    plans = []
    for plan in selectors.plans_of(request.org)[:50]:
        figures = selectors.plan_figures(plan)
        plans.append({"plan": plan, "total": figures.total_eur, "grants": figures.grants_eur})
    context = {
        "company": presenters.company_view(result),
        "open_to_company": open_to_company,
        "plans": plans,
        "has_facts": selectors.facts_row(request.org) is not None,
    }
    return render(request, "funding/overview.html", context)


@org_view()
def facts(request: HttpRequest) -> HttpResponse:
    row = services.facts_for_editing(request.org)
    form = forms.FactsForm(request.POST or None, instance=row, organisation=request.org)
    org_form = forms.OrganisationFactsForm(request.POST or None, instance=request.org)
    if request.method == "POST" and form.is_valid() and org_form.is_valid():
        services.save_facts(
            row,
            form_values(form) if row.pk is None or form.has_changed() else None,
            form_values(org_form) if org_form.has_changed() else None,
            actor=request.user,
        )
        messages.success(request, _("The company facts are saved."))
        return redirect("funding:facts", org=request.org.slug)
    result = selectors.company_match(request.org)
    context = {
        "form": form,
        "org_form": org_form,
        "company": presenters.company_view(result),
        "linked": LinkedEnterprise.objects.for_org(request.org),
        "aid": DeMinimisAid.objects.for_org(request.org),
        "row": row,
    }
    return render(request, "funding/facts.html", context)


@org_view()
def programmes(request: HttpRequest) -> HttpResponse:
    today = selectors.today()
    state = request.GET.get("state", request.org.federal_state or "")
    show = request.GET.get("show", "current")
    rows = []
    for programme in catalogue().programmes:
        view = presenters.programme_view(programme, today)
        if state and programme.states and state not in programme.states:
            continue
        if show == "current" and view["status"] in ("ended", "successor"):
            continue
        rows.append(view)
    none_open = catalogue().none_open.get(state)
    context = {
        "rows": rows,
        "state": state,
        "show": show,
        "states": catalogue_states(),
        "none_open": none_open.note.get(translation.get_language()) if none_open else "",
        "none_open_source": none_open.source if none_open else "",
        "stale_after_days": catalogue().stale_after_days,
        "needs_check": sum(1 for r in rows if r["stale"]),
    }
    return render(request, "funding/programmes.html", context)


def catalogue_states() -> list[tuple[str, str]]:
    return list(FederalState.choices)


class PlanViews:
    model = FundingPlan
    labels = generic.EntityLabels(
        gettext_lazy("New funding plan"),
        gettext_lazy("Start the first funding plan"),
        gettext_lazy("No funding plans yet."),
    )
    form_class = forms.FundingPlanForm
    save_service = staticmethod(services.save_funding_plan)
    delete_service = staticmethod(services.delete_funding_plan)
    url_prefix = "funding:plan"


class PlanList(PlanViews, generic.OrgListView):
    template_name = "funding/plan_list.html"


class PlanCreate(PlanViews, generic.OrgCreateView):
    def get_initial(self):
        """From an initiative's page: its name, problem, chosen option and that option's costs."""
        initial = super().get_initial()
        initiative_id = self.request.GET.get("initiative", "")
        if not initiative_id.isdigit():
            return initial
        initiative = get_for_org(Initiative, self.org, int(initiative_id))
        initial.update(
            {"name": initiative.name, "initiative": initiative, "description": initiative.problem}
        )
        option = initiative.chosen_option
        if option is not None:
            initial["option"] = option
            costs = selectors.business_case_costs(option, self.org)
            initial.update({COST_FIELDS[c]: v for c, v in costs.items()})
            initial["running_cost_per_year"] = option.running_cost_eur_per_year
        return initial


class PlanUpdate(PlanViews, generic.OrgUpdateView):
    pass


class PlanDelete(PlanViews, generic.OrgDeleteView):
    pass


class PlanHistory(PlanViews, generic.OrgHistoryView):
    pass


def _plan(request: HttpRequest, pk: int) -> FundingPlan:
    queryset = FundingPlan.objects.select_related("organisation", "initiative", "option")
    return get_for_org(queryset, request.org, pk)


def plan_context(plan: FundingPlan) -> dict:
    today = selectors.today()
    result = selectors.plan_match(plan, today)
    chosen = selectors.chosen_ids(plan, result)
    figures = selectors.plan_figures(plan, result)
    return {
        "object": plan,
        "company": presenters.company_view(result),
        "matches": [presenters.match_view(x, today) for x in result.matches],
        "eligible_count": len(result.eligible),
        "not_fitting_count": sum(1 for x in result.matches if x.decision == "not_eligible"),
        "chosen": chosen,
        "suggested": not plan.chosen_programmes,
        "plan": presenters.plan_view(figures, today),
        "milestones": selectors.timeline_milestones(plan),
        "goals": [line.strip() for line in plan.goals.splitlines() if line.strip()]
        + selectors.kpi_goals(plan),
        "business_case": selectors.business_case_view(plan),
        "today": today,
    }


@org_view(model=FundingPlan)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    context = {
        **plan_context(plan),
        "url_prefix": PlanViews.url_prefix,
        "verbose_name_plural": FundingPlan._meta.verbose_name_plural,
    }
    return render(request, "funding/plan_detail.html", context)


@org_view(Role.EDITOR, model=FundingPlan)
@require_POST
def plan_costs(request: HttpRequest, pk: int) -> HttpResponse:
    """Take the costs from the linked option's business case."""
    plan = _plan(request, pk)
    try:
        services.take_costs_from_business_case(plan, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The plan's costs now follow the business case."))
    return HttpResponseRedirect(plan.get_absolute_url())


@org_view(Role.EDITOR, model=FundingPlan)
@require_POST
def plan_choose(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    ids = [] if request.POST.get("action") == "suggest" else request.POST.getlist("programme")
    try:
        services.choose_programmes(plan, ids, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The plan uses the chosen programmes."))
    return HttpResponseRedirect(
        reverse("funding:plan_detail", args=[request.org.slug, pk]) + "#plan"
    )


def _language(request: HttpRequest) -> str:
    language = request.GET.get("lang") or translation.get_language() or "en"
    return language[:2] if language[:2] in LANGUAGES else "en"


@org_view(model=FundingPlan)
def plan_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    language = _language(request)
    with translation.override(language):
        content = plan_workbook(plan, plan_context(plan))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="funding-plan-{plan.pk}-{language}.xlsx"'
    )
    return response


@org_view(model=FundingPlan)
def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    language = _language(request)
    with translation.override(language):
        pdf = render_pdf(request, plan, plan_context(plan))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="funding-plan-{plan.pk}-{language}.pdf"'
    )
    return response


class LinkedViews:
    model = LinkedEnterprise
    labels = generic.EntityLabels(
        gettext_lazy("New partner or linked enterprise"),
        gettext_lazy("Add a partner or linked enterprise"),
        gettext_lazy("No partner or linked enterprises."),
    )
    form_class = forms.LinkedEnterpriseForm
    save_service = staticmethod(services.save_linked_enterprise)
    delete_service = staticmethod(services.delete_linked_enterprise)
    url_prefix = "funding:linked"

    def get_success_url(self) -> str:
        return reverse("funding:facts", kwargs={"org": self.org.slug})


class LinkedCreate(LinkedViews, generic.OrgCreateView):
    pass


class LinkedUpdate(LinkedViews, generic.OrgUpdateView):
    pass


class LinkedDelete(LinkedViews, generic.OrgDeleteView):
    pass


class AidViews:
    model = DeMinimisAid
    labels = generic.EntityLabels(
        gettext_lazy("New de-minimis aid"),
        gettext_lazy("Record de-minimis aid"),
        gettext_lazy("No de-minimis aid recorded."),
    )
    form_class = forms.DeMinimisAidForm
    save_service = staticmethod(services.save_de_minimis_aid)
    delete_service = staticmethod(services.delete_de_minimis_aid)
    url_prefix = "funding:aid"

    def get_success_url(self) -> str:
        return reverse("funding:facts", kwargs={"org": self.org.slug})


class AidCreate(AidViews, generic.OrgCreateView):
    pass


class AidUpdate(AidViews, generic.OrgUpdateView):
    pass


class AidDelete(AidViews, generic.OrgDeleteView):
    pass
