"""Pages of the assessment: assess a system, its history, overrides, the portfolio, the rules."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from leitstand.analysis import snapshot as snap
from leitstand.assessment import overview, rulebook, services
from leitstand.assessment.forms import AXES, AssessmentForm, OverrideForm, question_field
from leitstand.assessment.models import Assessment, ScoreMethod
from leitstand.assessment.presenters import present
from leitstand.assessment.questions import catalogue
from leitstand.assessment.recommendations import (
    assessment_record,
    override_record,
    recommendation_for,
)
from leitstand.assessment.scoring import fact_defaults
from leitstand.assessment.selectors import (
    current_override,
    history,
    latest_assessment,
    system_facts,
)
from leitstand.core.audit import form_values
from leitstand.inventory.models import System
from leitstand.landscape.cache import request_analysis
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role

PER_PAGE = 50


def _system(request: HttpRequest, pk: int) -> System:
    return get_for_org(System.objects.prefetch_related("capabilities"), request.org, pk)


def _starting_values(latest: Assessment | None, defaults: dict) -> dict[str, str]:
    """The form's data before the person changes anything: the latest assessment, or without
    one, the questions with the facts' defaults for values set directly."""
    data = {"assessed_on": formats.localize_input(timezone.localdate())}  # as it is typed
    if latest is None:
        data.update({f"{axis}_method": ScoreMethod.GUIDED for axis in AXES})
        data.update({axis: str(default.value) for axis, default in defaults.items()})
        return data
    for axis in AXES:
        data[axis] = str(getattr(latest, axis))
        data[f"{axis}_method"] = getattr(latest, f"{axis}_method")
    data.update({question_field(key): str(value) for key, value in latest.answers.items()})
    return data


def _preview(request: HttpRequest, system: System, form: AssessmentForm, context: dict):
    """What the answers give so far, and the recommendation these values would lead to."""
    form.is_valid()
    values = [form.cleaned_data.get(axis) for axis in AXES]
    preview = None
    if None not in values:
        day = form.cleaned_data.get("assessed_on") or timezone.localdate()
        record = snap.Assessment(system.pk, *values, day)
        recommendation, snapshot = recommendation_for(system, record, context["override"])
        preview = present(recommendation, snapshot, request.org.slug)
    sections = form.sections(context["defaults"])
    return {**context, "form": form, "sections": sections, "preview": preview}


@org_view(Role.EDITOR, model=System)
def assess(request: HttpRequest, pk: int) -> HttpResponse:
    system = _system(request, pk)
    facts = system_facts(system)
    defaults = fact_defaults(facts)
    latest = latest_assessment(system)
    override = current_override(system)
    current, snapshot = recommendation_for(
        system, assessment_record(latest), override_record(override)
    )
    context = {
        "system": system,
        "defaults": defaults,
        "latest": latest,
        "override": override_record(override),
        "current": present(current, snapshot, request.org.slug),
    }
    if request.method != "POST":
        form = AssessmentForm(
            _starting_values(latest, defaults), **_form_kwargs(request, system, facts)
        )
        return render(request, "assessment/assess.html", _preview(request, system, form, context))
    form = AssessmentForm(request.POST, **_form_kwargs(request, system, facts))
    if request.htmx:
        return render(request, "assessment/_preview.html", _preview(request, system, form, context))
    if form.is_valid():
        services.record_assessment(form.instance, form_values(form), actor=request.user)
        messages.success(request, _("Assessment of “%(name)s” saved.") % {"name": system.name})
        return redirect(system.get_absolute_url())
    context["submitted"] = True
    return render(request, "assessment/assess.html", _preview(request, system, form, context))


def _form_kwargs(request: HttpRequest, system: System, facts) -> dict:
    return {"organisation": request.org, "system": system, "facts": facts}


@org_view(model=System)
@require_http_methods(["GET", "HEAD"])
def assessment_history(request: HttpRequest, pk: int) -> HttpResponse:
    system = _system(request, pk)
    context = {"system": system, "entries": history(system)}
    return render(request, "assessment/history.html", context)


@org_view(Role.EDITOR, model=Assessment)
def assessment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_for_org(Assessment.objects.select_related("system"), request.org, pk)
    if request.method == "POST":
        services.delete_assessment(assessment, actor=request.user)
        messages.success(request, _("Deleted “%(name)s”.") % {"name": assessment})
        return redirect("assessment:history", org=request.org.slug, pk=assessment.system_id)
    return render(request, "assessment/assessment_delete.html", {"object": assessment})


@org_view(Role.EDITOR, model=System)
def override(request: HttpRequest, pk: int) -> HttpResponse:
    system = _system(request, pk)
    existing = current_override(system)
    latest = assessment_record(latest_assessment(system))
    computed, snapshot = recommendation_for(system, latest, None)
    form = OverrideForm(
        request.POST or None, instance=existing, organisation=request.org, system=system
    )
    if request.method == "POST" and form.is_valid():
        services.override_recommendation(form.instance, form_values(form), actor=request.user)
        messages.success(request, _("Override of “%(name)s” saved.") % {"name": system.name})
        return redirect(system.get_absolute_url())
    context = {
        "system": system,
        "form": form,
        "existing": existing,
        "computed": present(computed, snapshot, request.org.slug),
    }
    return render(request, "assessment/override.html", context)


@org_view(Role.EDITOR, model=System)
def override_remove(request: HttpRequest, pk: int) -> HttpResponse:
    system = _system(request, pk)
    existing = current_override(system)
    if request.method == "POST" and existing is not None:
        services.remove_override(existing, actor=request.user)
        messages.success(
            request,
            _("The override of “%(name)s” is removed; the computed recommendation applies again.")
            % {"name": system.name},
        )
        return redirect(system.get_absolute_url())
    return render(
        request, "assessment/override_remove.html", {"system": system, "existing": existing}
    )


@org_view()
@require_http_methods(["GET", "HEAD"])
def portfolio(request: HttpRequest) -> HttpResponse:
    analysis = request_analysis(request)
    recommendations = overview.in_scope(analysis)
    chosen = request.GET.get("strategy", "")
    shown = overview.matching(recommendations, chosen)
    page = Paginator(shown, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "systems": len(recommendations),
        "assessed": sum(1 for r in recommendations if r.assessment),
        "counts": overview.strategy_counts(recommendations),
        "strategy": chosen,
        "page_obj": page,
        "rows": [present(r, analysis.snapshot, request.org.slug) for r in page],
        "attention": [
            present(r, analysis.snapshot, request.org.slug)
            for r in overview.attention(recommendations)[:10]
        ],
        "chart": overview.chart(recommendations, request.org.slug),
    }
    return render(request, "assessment/portfolio.html", context)


@org_view()
@require_http_methods(["GET", "HEAD"])
def rules(request: HttpRequest) -> HttpResponse:
    context = {
        "rules": rulebook.rule_rows(),
        "thresholds": rulebook.thresholds(),
        "axes": [(axis, catalogue()[axis]) for axis in AXES],
    }
    return render(request, "assessment/rules.html", context)
