"""Pages of the maturity self-assessment: list, start or repeat, questionnaire, result with
radar, comparison and published figures, JSON export and import, PDF, delete."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from leitstand.landscape.cache import request_analysis
from leitstand.maturity import evidence, selectors, services
from leitstand.maturity.catalogue import load_catalogue
from leitstand.maturity.exchange import ExchangeError, export_document
from leitstand.maturity.forms import (
    ImportForm,
    QuestionnaireForm,
    StartAssessmentForm,
    confirm_field,
    note_field,
    value_field,
)
from leitstand.maturity.models import MaturityAssessment
from leitstand.maturity.presenters import answer_label, assessment_context
from leitstand.maturity.report import render_pdf
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role


def _assessment(request: HttpRequest, pk: int) -> MaturityAssessment:
    return get_for_org(MaturityAssessment.objects.select_related("organisation"), request.org, pk)


@org_view()
def assessment_list(request: HttpRequest) -> HttpResponse:
    assessments = list(selectors.assessments_of(request.org)[:100])
    results = selectors.results_by_assessment(assessments)
    rows = [(a, results[a.pk]) for a in assessments]
    language = get_language()
    context = {
        "rows": [
            {
                "assessment": a,
                "result": r,
                "overall_band": r.overall_band.name.get(language),
                "dii_band": r.dii_band.name.get(language),
            }
            for a, r in rows
        ],
        "can_repeat": any(a.completed for a in assessments),
    }
    return render(request, "maturity/assessment_list.html", context)


@org_view(Role.EDITOR)
def assessment_new(request: HttpRequest) -> HttpResponse:
    can_repeat = selectors.latest_completed(request.org) is not None
    initial = {"repeat": can_repeat and request.GET.get("repeat") == "1"}
    form = StartAssessmentForm(
        request.POST or None, organisation=request.org, can_repeat=can_repeat, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        assessment = services.start_assessment(
            request.org,
            request.user,
            request_analysis(request).snapshot,
            assessed_on=form.cleaned_data["assessed_on"],
            assessor=form.cleaned_data["assessor"],
            notes=form.cleaned_data["notes"],
            repeat=form.cleaned_data.get("repeat", False),
        )
        return redirect("maturity:answer", org=request.org.slug, pk=assessment.pk)
    return render(request, "maturity/assessment_new.html", {"form": form})


def _sections(form: QuestionnaireForm, answers: dict, previous: dict) -> list[dict]:
    catalogue = load_catalogue()
    language = get_language()
    sections = []
    for axis in catalogue.axes:
        rows = []
        for item in catalogue.items_of(axis.key):
            row = answers.get(item.key)
            last = previous.get(item.key)
            rows.append(
                {
                    "item": item,
                    "field": form[value_field(item.key)],
                    "confirm": form[confirm_field(item.key)]
                    if confirm_field(item.key) in form.fields
                    else None,
                    "note": form[note_field(item.key)],
                    "suggested": row.suggested if row else "",
                    "suggested_label": answer_label(row.suggested) if row and row.suggested else "",
                    "source": row.source if row else "manual",
                    "evidence": evidence.render(row.evidence if row else []),
                    "previous": answer_label(last.value) if last else "",
                }
            )
        sections.append({"axis": axis, "name": axis.name.get(language), "rows": rows})
    return sections


@org_view(Role.EDITOR, model=MaturityAssessment)
def questionnaire(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    catalogue = load_catalogue()
    answers = selectors.answer_rows(assessment)
    form = QuestionnaireForm(request.POST or None, catalogue=catalogue, answers=answers)
    if request.method == "POST" and form.is_valid():
        services.save_answers(assessment, form.answers(), request.user)
        if request.POST.get("action") == "finish":
            services.complete_assessment(assessment, request.user)
            messages.success(request, _("The assessment is completed."))
            return redirect(assessment.get_absolute_url())
        messages.success(request, _("Saved. You can continue at any time."))
        return redirect("maturity:answer", org=request.org.slug, pk=assessment.pk)
    previous = selectors.previous_completed(assessment)
    context = {
        "assessment": assessment,
        "form": form,
        "sections": _sections(form, answers, selectors.answer_rows(previous) if previous else {}),
        "previous": previous,
        "item_count": len(catalogue.items),
        "suggested_count": sum(1 for row in answers.values() if row.suggested),
        "to_confirm": sum(1 for row in answers.values() if row.source == "prefilled"),
    }
    return render(request, "maturity/questionnaire.html", context)


@org_view(model=MaturityAssessment)
def result(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    return render(request, "maturity/result.html", assessment_context(assessment))


@org_view(Role.EDITOR, model=MaturityAssessment)
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    if request.method == "POST":
        services.delete_assessment(assessment, request.user)
        messages.success(request, _("The assessment was deleted."))
        return redirect("maturity:list", org=request.org.slug)
    return render(request, "maturity/delete.html", {"assessment": assessment})


@org_view(model=MaturityAssessment)
def export_json(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    document = export_document(assessment, selectors.answer_rows(assessment))
    response = JsonResponse(document, json_dumps_params={"indent": 2, "ensure_ascii": False})
    filename = f"maturity-{assessment.assessed_on.isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@org_view(Role.EDITOR)
def import_assessment(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.import_assessment(
                request.org, form.cleaned_data["file"].read(), request.user
            )
        except ExchangeError as error:
            errors = error.messages
        else:
            messages.success(request, _("The assessment was imported."))
            return redirect(assessment.get_absolute_url())
    return render(request, "maturity/import.html", {"form": form, "errors": errors})


@org_view(model=MaturityAssessment)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    pdf = render_pdf(request, assessment_context(assessment))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"maturity-{assessment.assessed_on.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
