"""The reports page: make a report, see the snapshots made so far, download or delete them."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from leitstand.core.language import is_german
from leitstand.reports import services
from leitstand.reports.forms import ConsultingForm, GenerateForm, LogoForm, initial_from
from leitstand.reports.models import ReportKind, ReportSettings, ReportSnapshot, ReportStatus
from leitstand.reports.tasks import enqueue_render
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role
from leitstand.tenancy.stamps import landscape_token

LIST_LIMIT = 100
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _language() -> str:
    return "de" if is_german() else "en"


def _announce(request: HttpRequest, snapshot: ReportSnapshot) -> None:
    if snapshot.status == ReportStatus.FAILED:
        messages.error(request, _("The report could not be written. The log has the details."))
    elif snapshot.pending:
        messages.info(
            request,
            _("The report is being written in the background; this page shows when it is ready."),
        )
    else:
        messages.success(request, _("The report is ready."))


@org_view()
def report_list(request: HttpRequest) -> HttpResponse:
    form = GenerateForm(request.POST or None, initial={"language": _language()})
    if request.method == "POST" and form.is_valid():
        snapshot = services.generate(
            request.org,
            form.cleaned_data["kind"],
            form.cleaned_data["language"],
            request.user,
            enqueue=enqueue_render,
        )
        _announce(request, snapshot)
        return redirect("reports:list", org=request.org.slug)
    snapshots = list(
        ReportSnapshot.objects.for_org(request.org)
        .without_files()
        .select_related("created_by")[:LIST_LIMIT]
    )
    context = {
        "form": form,
        "logo_form": LogoForm(),
        "logo_uri": services.logo_uri(request.org),
        "snapshots": snapshots,
        "pending": any(s.pending for s in snapshots),
        "current_stamp": str(landscape_token(request.org)),
        "inline_limit": services.inline_limit(),
    }
    return render(request, "reports/list.html", context)


@org_view()
def consulting(request: HttpRequest) -> HttpResponse:
    """The consulting report's chapters, own texts and engagement dates, kept for next time."""
    row = ReportSettings.objects.for_org(request.org).filter(kind=ReportKind.CONSULTING).first()
    form = ConsultingForm(request.POST or None, initial=initial_from(row, _language()))
    if request.method == "POST" and form.is_valid():
        options = form.options()
        services.save_settings(request.org, ReportKind.CONSULTING, options)
        snapshot = services.generate(
            request.org,
            ReportKind.CONSULTING,
            form.cleaned_data["language"],
            request.user,
            options,
            enqueue=enqueue_render,
        )
        _announce(request, snapshot)
        return redirect("reports:list", org=request.org.slug)
    return render(request, "reports/consulting.html", {"form": form, "saved": row})


@org_view(Role.EDITOR)
@require_POST
def logo(request: HttpRequest) -> HttpResponse:
    """Upload the logo for the reports' cover, or remove it."""
    if "remove" in request.POST:
        services.remove_logo(request.org)
        messages.success(request, _("The logo is removed."))
        return redirect("reports:list", org=request.org.slug)
    form = LogoForm(request.POST, request.FILES)
    if form.is_valid():
        services.save_logo(request.org, *form.cleaned_data["logo"])
        messages.success(request, _("The logo is saved; the next reports carry it."))
    else:
        for error in form.errors.get("logo", []):
            messages.error(request, error)
    return redirect("reports:list", org=request.org.slug)


@org_view(model=ReportSnapshot)
def status(request: HttpRequest, pk: int) -> HttpResponse:
    """One row of the list, polled while its report is being written."""
    snapshot = get_for_org(ReportSnapshot.objects.without_files(), request.org, pk)
    return render(request, "reports/_row.html", {"snapshot": snapshot})


def _download(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    snapshot = get_for_org(
        ReportSnapshot.objects.defer(*({"pdf", "xlsx"} - {file_format})), request.org, pk
    )
    data = getattr(snapshot, file_format)
    if not snapshot.ready or data is None:
        raise Http404(_("This report is not ready."))
    response = HttpResponse(bytes(data), content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{snapshot.file_name(file_format)}"'
    return response


@org_view(model=ReportSnapshot)
@require_safe
def download_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "pdf")


@org_view(model=ReportSnapshot)
@require_safe
def download_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "xlsx")


@org_view(Role.EDITOR, model=ReportSnapshot)
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = get_for_org(ReportSnapshot.objects.without_files(), request.org, pk)
    if request.method == "POST":
        services.delete_snapshot(snapshot)
        messages.success(request, _("The report is deleted."))
        return redirect("reports:list", org=request.org.slug)
    return render(request, "reports/delete.html", {"object": snapshot})
