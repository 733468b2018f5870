"""Import pages: upload, correct the mapping, preview the problems, commit, read the report."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leitstand.imports import services
from leitstand.imports.display import (
    PREVIEW_ROWS,
    display_rows,
    labelled_new_names,
    with_derived_columns,
)
from leitstand.imports.forms import DecisionsForm, MappingForm, UploadForm
from leitstand.imports.headers import headers_of, unsure_columns
from leitstand.imports.models import ImportRun
from leitstand.imports.reader import FileProblem
from leitstand.imports.rows import SKIP
from leitstand.imports.services import mapping_of
from leitstand.imports.targets import target_for
from leitstand.imports.template import template_response
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role

PREVIEW_SKIPPED = 200


@org_view(Role.VIEWER)
def import_home(request: HttpRequest) -> HttpResponse:
    """The upload form (editors) and the import history (everyone)."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        target = form.cleaned_data["target"] or None
        try:
            run = services.start_import(request.org, upload, upload.name, request.user, target)
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("imports:preview", org=request.org.slug, pk=run.pk)
    runs = ImportRun.objects.for_org(request.org).select_related("created_by")
    page = Paginator(runs, 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "runs": page.object_list,
        "max_systems": number_format(settings.LEITSTAND_MAX_SYSTEMS, force_grouping=True),
        "max_integrations": number_format(settings.LEITSTAND_MAX_INTEGRATIONS, force_grouping=True),
    }
    return render(request, "imports/home.html", context)


@org_view(Role.VIEWER)
def template_download(request: HttpRequest) -> HttpResponse:
    return template_response(translation.get_language() or "en")


def _run_for(request: HttpRequest, pk: int) -> ImportRun:
    return get_for_org(ImportRun.objects.select_related("organisation"), request.org, pk)


@org_view(Role.EDITOR, model=ImportRun)
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run_for(request, pk)
    if run.is_done:
        return redirect("imports:report", org=request.org.slug, pk=run.pk)
    try:
        sheets = services.sheets_of(run)
    except FileProblem as problem:
        messages.error(request, str(problem))
        return redirect("imports:start", org=request.org.slug)
    sheet = services.sheet_of(run, sheets)
    header_row = run.header_row or 0
    target = target_for(run.target)
    initial = {"target": run.target, "sheet": sheet.name, "header_row": header_row + 1}
    initial.update({f"column_{column}": field for column, field in run.mapping.items()})
    form = MappingForm(
        request.POST or None,
        initial=initial,
        target=target,
        sheets=sheets,
        headers=headers_of(sheet, header_row),
    )
    if request.method == "POST" and form.is_valid():
        _apply_mapping_form(run, form, sheets)
        return redirect("imports:preview", org=request.org.slug, pk=run.pk)
    plan = services.plan_run(run, sheets)
    columns = sorted(mapping_of(run).items())
    mapped = [(column, target.label_for(field), field) for column, field in columns]
    mapped = with_derived_columns(plan, mapped)
    decisions_form = _decisions_form(run, plan)
    headers = sheet.rows[header_row] if header_row < len(sheet.rows) else []
    unsure = {
        column: [target.label_for(field) for field in fields]
        for column, fields in unsure_columns(run.target, headers, run.mapping).items()
    }
    context = {
        "run": run,
        "form": form,
        "column_rows": [
            (field, unsure.get(index), str(index) in run.mapping)
            for index, field in enumerate(form.column_fields())
        ],
        "decisions_form": decisions_form,
        "decision_rows": {
            kind: decisions_form.rows(kind) for kind in ("values", "scales", "merges", "proposals")
        },
        "warned": [
            (
                row,
                plan.describe(row),
                [(target.label_for(field), message) for field, message in row.warnings.items()],
            )
            for row in plan.with_warnings[:PREVIEW_SKIPPED]
        ],
        "remembered": (run.decisions or {}).get("remembered", {}),
        "blocked": plan.undecided_merges or plan.unclear_scales,
        "plan": plan,
        "counts": plan.counts,
        "mapped": mapped,
        "rows": display_rows(plan, mapped),
        "more_rows": max(0, len(plan.rows) - PREVIEW_ROWS),
        "skipped": [(row, plan.describe(row)) for row in plan.skipped[:PREVIEW_SKIPPED]],
        "new_names": labelled_new_names(plan.target, plan.new_names()),
        "missing_required": [
            target.label_for(spec.name)
            for spec in target.fields
            if spec.required and spec.name not in run.mapping.values()
        ],
        "next_list": run.next_list,
        "importable": plan.counts["create"] + plan.counts["update"] + plan.assessments,
        "skip": SKIP,
    }
    return render(request, "imports/preview.html", context)


def _decisions_form(run: ImportRun, plan, data=None) -> DecisionsForm:
    target = target_for(run.target)
    return DecisionsForm(
        data,
        plan=plan,
        decisions=services.decisions_of(run),
        choices_for=lambda field_name: services.choosable_values(target, field_name),
    )


@org_view(Role.EDITOR, model=ImportRun)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep what the person decided in the preview: the meaning of values, scales, which
    near-identical names are the same, which proposals to apply."""
    run = _run_for(request, pk)
    if run.is_done:
        return redirect("imports:report", org=request.org.slug, pk=run.pk)
    try:
        plan = services.plan_run(run)
    except FileProblem as problem:
        messages.error(request, str(problem))
        return redirect("imports:start", org=request.org.slug)
    form = _decisions_form(run, plan, request.POST)
    if form.is_valid():
        decisions = services.decisions_of(run)
        form.apply_to(decisions)
        services.save_decisions(run, decisions)
        messages.success(request, _("Your choices are applied to the preview."))
    else:
        messages.error(request, _("Some choices could not be read; please choose again."))
    return redirect(
        reverse("imports:preview", kwargs={"org": request.org.slug, "pk": run.pk}) + "#decisions"
    )


def _apply_mapping_form(run: ImportRun, form: MappingForm, sheets) -> None:
    target = form.cleaned_data["target"] or run.target
    sheet_name = form.cleaned_data["sheet"]
    header_row = form.cleaned_data["header_row"] - 1
    if target != run.target:
        sheet = services.sheet_of_name(sheets, sheet_name)
        services.change_sheet(run, sheet, None if sheet_name != run.sheet else header_row, target)
    elif sheet_name != run.sheet:
        sheet = next(sheet for sheet in sheets if sheet.name == sheet_name)
        services.change_sheet(run, sheet)
    elif header_row != run.header_row:
        services.change_sheet(run, services.sheet_of(run, sheets), header_row)
    else:
        services.save_mapping(run, form.mapping())


@org_view(Role.EDITOR, model=ImportRun)
@require_POST
def commit(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run_for(request, pk)
    try:
        services.commit_run(run, request.user, require_decisions=True)
    except services.OpenQuestions as problem:
        messages.error(request, str(problem))
        return redirect(run.get_absolute_url())
    except FileProblem as problem:
        messages.error(request, str(problem))
        return redirect("imports:start", org=request.org.slug)
    messages.success(
        request,
        _(
            "Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(skipped)s skipped."
        )
        % {
            "created": run.created_count,
            "updated": run.updated_count,
            "unchanged": run.unchanged_count,
            "skipped": run.skipped_count,
        },
    )
    return redirect("imports:report", org=request.org.slug, pk=run.pk)


@org_view(Role.EDITOR, model=ImportRun)
@require_POST
def continue_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the import of the file's next list: the integrations after the systems."""
    run = _run_for(request, pk)
    try:
        follow = services.continue_import(run, request.user)
    except FileProblem as problem:
        messages.error(request, str(problem))
        return redirect(run.get_absolute_url())
    return redirect(follow.get_absolute_url())


@org_view(Role.VIEWER, model=ImportRun)
def report(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run_for(request, pk)
    context = {
        "run": run,
        "report": run.report,
        "new_names": labelled_new_names(target_for(run.target), run.report.get("new", {})),
        "next_list": run.next_list,
        "continuation": run.continuations.order_by("pk").first(),
    }
    return render(request, "imports/report.html", context)


@org_view(Role.VIEWER, model=ImportRun)
def original_file(request: HttpRequest, pk: int) -> FileResponse:
    run = _run_for(request, pk)
    try:
        handle = run.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404(_("The original file is no longer stored.")) from None
    return FileResponse(handle, as_attachment=True, filename=run.original_name)


@org_view(Role.EDITOR, model=ImportRun)
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run_for(request, pk)
    if request.method == "POST":
        services.delete_run(run)
        messages.success(request, _("Removed “%(name)s” from the import history.") % {"name": run})
        return redirect("imports:start", org=request.org.slug)
    return render(request, "imports/delete.html", {"run": run})
