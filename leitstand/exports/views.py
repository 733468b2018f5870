"""The export page and its downloads (every member may export what they can read)."""

import io
import tempfile
from functools import partial

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from leitstand.core.sheets import export_sheets
from leitstand.exports import services
from leitstand.landscape.cache import beyond_supported_size, kept_download
from leitstand.tenancy.access import org_view
from leitstand.tenancy.models import Role

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@org_view(Role.VIEWER)
def export_page(request: HttpRequest) -> HttpResponse:
    return render(request, "exports/export.html", {"sheets": export_sheets.all()})


@org_view(Role.VIEWER)
def download(request: HttpRequest) -> HttpResponse:
    """?format=xlsx (default), json, or csv&entity=<key>. Beyond the supported size the file
    is written in the background and kept until the landscape changes (a page says it is
    being computed meanwhile)."""
    organisation = request.org
    stem = services.file_stem(organisation)
    export_format = request.GET.get("format", "xlsx")
    if beyond_supported_size(request):
        return _kept_download(request, export_format, stem)
    if export_format == "json":
        text = io.StringIO()
        services.export_json(organisation, text)
        return _attachment(text.getvalue().encode("utf-8"), f"{stem}.json", "application/json")
    if export_format == "csv":
        entity = request.GET.get("entity", "systems")
        if entity not in {sheet.key for sheet in export_sheets.all()}:
            return HttpResponse(_("Unknown list."), status=400)
        data = services.export_csv(organisation, entity)
        return _attachment(data, f"{stem}-{entity}.csv", "text/csv; charset=utf-8")
    if export_format != "xlsx":
        return HttpResponse(_("Unknown format."), status=400)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    services.export_xlsx(organisation, handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=f"{stem}.xlsx", content_type=XLSX)


def _kept_download(request: HttpRequest, export_format: str, stem: str) -> HttpResponse:
    organisation = request.org
    if export_format == "json":
        path = kept_download(request, "export.json", partial(_write_json, organisation))
        return _file(path, f"{stem}.json", "application/json")
    if export_format == "csv":
        entity = request.GET.get("entity", "systems")
        if entity not in {sheet.key for sheet in export_sheets.all()}:
            return HttpResponse(_("Unknown list."), status=400)
        path = kept_download(
            request,
            f"export-{entity}.csv",
            lambda handle: handle.write(services.export_csv(organisation, entity)),
        )
        return _file(path, f"{stem}-{entity}.csv", "text/csv; charset=utf-8")
    if export_format != "xlsx":
        return HttpResponse(_("Unknown format."), status=400)
    path = kept_download(
        request, "export.xlsx", lambda handle: services.export_xlsx(organisation, handle)
    )
    return _file(path, f"{stem}.xlsx", XLSX)


def _write_json(organisation, handle) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8")
    services.export_json(organisation, text)
    text.detach()  # flushed; the caller closes the file


def _file(path, filename: str, content_type: str) -> FileResponse:
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )


def _attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
