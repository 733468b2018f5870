"""Pages of the company check: list, start, interview (one area per page), result, comparison,
JSON export and import, PDF report."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from leitstand.analysis.company_check.scoring import compare as compare_results
from leitstand.landscape.cache import kept_for_request
from leitstand.security_check import selectors, services
from leitstand.security_check.catalogue import load_catalogue
from leitstand.security_check.exchange import ExchangeError, export_document
from leitstand.security_check.forms import (
    AreaForm,
    ImportForm,
    StartCheckForm,
    item_name,
    note_field,
    value_field,
)
from leitstand.security_check.models import SecurityCheck
from leitstand.security_check.presenters import change_rows, result_context
from leitstand.security_check.report import render_pdf
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role


def _check(request: HttpRequest, pk: int) -> SecurityCheck:
    return get_for_org(SecurityCheck.objects.select_related("organisation"), request.org, pk)


@org_view()
def check_list(request: HttpRequest) -> HttpResponse:
    checks = list(selectors.checks_of(request.org)[:100])
    results = selectors.results_by_check(checks)
    rows = [(check, results[check.pk]) for check in checks]
    return render(request, "security_check/check_list.html", {"rows": rows})


@org_view(Role.EDITOR)
def check_new(request: HttpRequest) -> HttpResponse:
    can_repeat = selectors.latest_completed(request.org) is not None
    initial = {"repeat": can_repeat and request.GET.get("repeat") == "1"}
    form = StartCheckForm(
        request.POST or None, organisation=request.org, can_repeat=can_repeat, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        check = services.start_check(
            request.org,
            request.user,
            checked_on=form.cleaned_data["checked_on"],
            interviewer=form.cleaned_data["interviewer"],
            notes=form.cleaned_data["notes"],
            repeat=form.cleaned_data.get("repeat", False),
        )
        return redirect(_interview_url(check, check.current_area))
    return render(request, "security_check/check_new.html", {"form": form})


def _interview_url(check: SecurityCheck, area: str) -> str:
    return reverse(
        "security_check:interview",
        kwargs={"org": check.organisation.slug, "pk": check.pk, "area": area},
    )


@org_view(Role.EDITOR, model=SecurityCheck)
def interview_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """An in-progress check reopens where it was left."""
    check = _check(request, pk)
    return _interview(request, check, check.current_area or load_catalogue().areas[0].key)


def _blocks(form: AreaForm, proposals: dict, stored: dict) -> list[dict]:
    language = get_language()
    blocks = []
    for requirement in form.area.requirements:
        items = []
        part_keys = [p.key for p in requirement.parts]
        for item in requirement.items:
            name = item_name(requirement.number, item)
            proposal = proposals.get((requirement.number, item))
            items.append(
                {
                    "key": item,
                    "status": item not in part_keys,
                    # the requirement's question comes after its status questions
                    "after_status": bool(requirement.status) and item == part_keys[0],
                    "field": form[value_field(name)],
                    "note": form[note_field(name)],
                    "proposal": proposal,
                    "proposed_now": proposal is not None
                    and (requirement.number, item) not in stored,
                }
            )
        blocks.append(
            {
                "requirement": requirement,
                "title": requirement.title.get(language),
                "question": requirement.question.get(language),
                "help": requirement.help.get(language),
                "items": items,
            }
        )
    return blocks


@org_view(Role.EDITOR, model=SecurityCheck)
def interview(request: HttpRequest, pk: int, area: str) -> HttpResponse:
    return _interview(request, _check(request, pk), area)


def _interview(request: HttpRequest, check: SecurityCheck, area: str) -> HttpResponse:
    catalogue = load_catalogue()
    keys = [a.key for a in catalogue.areas]
    if area not in keys:
        raise Http404(_("No such area."))
    index = keys.index(area)
    stored = {key: (a.value, a.note) for key, a in selectors.answer_rows(check).items()}
    # kept with the landscape: tens of thousands of systems' facts at a large organisation
    proposals = kept_for_request(
        request, "security_check:proposals", lambda: selectors.proposals(request.org)
    )
    initial = dict(stored)
    for key, proposal in proposals.items():
        initial.setdefault(key, (proposal.value, ""))
    form = AreaForm(request.POST or None, area=catalogue.areas[index], initial_answers=initial)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "next")
        target = {"back": max(index - 1, 0), "next": min(index + 1, len(keys) - 1)}.get(
            action, index
        )
        services.save_answers(check, form.answers(), request.user, current_area=keys[target])
        if action == "finish":
            services.complete_check(check, request.user)
            messages.success(request, _("The check is completed."))
            return redirect(check.get_absolute_url())
        if action == "pause":
            messages.success(request, _("Saved. The check reopens here when you continue."))
            return redirect("security_check:list", org=request.org.slug)
        return redirect(_interview_url(check, keys[target]))
    answered = sum(1 for value, _note in stored.values() if value in ("yes", "no"))
    total = sum(len(r.items) for r in catalogue.requirements)
    context = {
        "check": check,
        "form": form,
        "area": catalogue.areas[index],
        "area_name": catalogue.areas[index].name.get(get_language()),
        "steps": [
            {"key": a.key, "name": a.name.get(get_language()), "number": i + 1}
            for i, a in enumerate(catalogue.areas)
        ],
        "step_number": index + 1,
        "step_count": len(keys),
        "is_first": index == 0,
        "is_last": index == len(keys) - 1,
        "answered": answered,
        "total": total,
        "blocks": _blocks(form, proposals, stored),
    }
    return render(request, "security_check/interview.html", context)


def _comparison(check: SecurityCheck, result) -> dict | None:
    previous = selectors.previous_completed(check)
    if previous is None:
        return None
    before = selectors.result_of(previous)
    return {
        "previous": previous,
        "before": before,
        "delta": result.score - before.score,
        "changes": change_rows(compare_results(before, result)),
    }


@org_view(model=SecurityCheck)
def result(request: HttpRequest, pk: int) -> HttpResponse:
    check = _check(request, pk)
    check_result = selectors.result_of(check)
    context = {
        "check": check,
        **result_context(check_result, selectors.notes_of(check)),
        "comparison": _comparison(check, check_result),
    }
    return render(request, "security_check/result.html", context)


@org_view(model=SecurityCheck)
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed since the completed check before this one, per requirement."""
    check = _check(request, pk)
    check_result = selectors.result_of(check)
    context = {
        "check": check,
        "result": check_result,
        "comparison": _comparison(check, check_result),
    }
    return render(request, "security_check/compare.html", context)


@org_view(model=SecurityCheck)
def export_json(request: HttpRequest, pk: int) -> HttpResponse:
    check = _check(request, pk)
    document = export_document(
        check.checked_on, check.interviewer, check.notes, selectors.result_of(check)
    )
    response = JsonResponse(document, json_dumps_params={"indent": 2, "ensure_ascii": False})
    filename = f"company-check-{check.checked_on.isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@org_view(Role.EDITOR)
def import_check(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            check = services.import_check(
                request.org, form.cleaned_data["file"].read(), request.user
            )
        except ExchangeError as error:
            errors = error.messages
        else:
            messages.success(request, _("The check was imported."))
            return redirect(check.get_absolute_url())
    return render(request, "security_check/import.html", {"form": form, "errors": errors})


@org_view(model=SecurityCheck)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    check = _check(request, pk)
    check_result = selectors.result_of(check)
    pdf = render_pdf(request, check, check_result, _comparison(check, check_result))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"company-check-{check.checked_on.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
