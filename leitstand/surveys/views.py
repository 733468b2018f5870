"""Members' pages of a survey: set it up, share its link, read the aggregated results, close it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leitstand.core.audit import form_values
from leitstand.processes.models import Process
from leitstand.processes.views import first_error_gets_focus
from leitstand.surveys import services
from leitstand.surveys.forms import SurveyForm
from leitstand.surveys.models import Survey
from leitstand.surveys.selectors import survey_results
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role


def _survey(request: HttpRequest, pk: int) -> Survey:
    queryset = Survey.objects.select_related("organisation", "process__organisation", "kpi")
    return get_for_org(queryset, request.org, pk)


def _form_page(request, process: Process, form: SurveyForm, survey=None) -> HttpResponse:
    first_error_gets_focus(form)
    context = {"process": process, "form": form, "survey": survey}
    return render(request, "surveys/survey_form.html", context)


@org_view(Role.EDITOR, model=Process)
def survey_create(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_for_org(Process, request.org, pk)
    initial = {"title": _("How is “%(process)s” going for you?") % {"process": process.name}}
    kpis = process.kpis.filter(unit="satisfaction")
    if len(kpis) == 1:
        initial["kpi"] = kpis[0].pk
    form = SurveyForm(
        request.POST or None, organisation=request.org, process=process, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        survey = services.save_survey(
            form.instance, form_values(form), form.question_texts(), actor=request.user
        )
        messages.success(request, _("Survey created. Share its link with the people involved."))
        return HttpResponseRedirect(survey.get_absolute_url())
    return _form_page(request, process, form)


@org_view(Role.EDITOR, model=Survey)
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if survey.process is None:  # an acceptance survey: its questions are shared by design
        messages.info(request, _("An acceptance survey keeps the same questions for every option."))
        return HttpResponseRedirect(survey.get_absolute_url())
    form = SurveyForm(
        request.POST or None, instance=survey, organisation=request.org, process=survey.process
    )
    if request.method == "POST" and form.is_valid():
        services.save_survey(survey, form_values(form), form.question_texts(), actor=request.user)
        messages.success(request, _("Saved “%(name)s”.") % {"name": survey.title})
        return HttpResponseRedirect(survey.get_absolute_url())
    return _form_page(request, survey.process, form, survey)


@org_view(model=Survey)
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    context = {
        "object": survey,
        "results": survey_results(survey),
        "link": request.build_absolute_uri(survey.get_public_url()),
        "min_answers": services.MIN_ANSWERS_SHOWN,
    }
    return render(request, "surveys/survey_detail.html", context)


@org_view(Role.EDITOR, model=Survey)
@require_POST
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    services.close_survey(survey, request.user)
    messages.success(request, _("The survey is closed; its link no longer takes answers."))
    return HttpResponseRedirect(survey.get_absolute_url())


@org_view(Role.EDITOR, model=Survey)
@require_POST
def survey_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    services.reopen_survey(survey, request.user)
    messages.success(request, _("The survey is open again."))
    return HttpResponseRedirect(survey.get_absolute_url())


@org_view(Role.EDITOR, model=Survey)
def survey_delete(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if request.method != "POST":
        return render(request, "core/confirm_delete.html", {"object": survey})
    services.delete_survey(survey, actor=request.user)
    messages.success(request, _("Deleted “%(name)s”.") % {"name": survey.title})
    if survey.process is None:
        return HttpResponseRedirect(survey.option.initiative.get_absolute_url() + "#options")
    return HttpResponseRedirect(survey.process.get_absolute_url() + "#surveys-panel")
