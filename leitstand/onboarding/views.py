"""The page that creates an organisation (/organisations/new/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from leitstand.exports.document import DocumentProblem
from leitstand.onboarding.clients import client_rows, sorted_and_filtered
from leitstand.onboarding.forms import NewClientForm
from leitstand.onboarding.services import create_organisation


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = NewClientForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        export = data.pop("export_file")
        try:
            organisation = create_organisation(owner=request.user, export=export, **data)
        except DocumentProblem as problem:
            form.add_error("export_file", str(problem))
        else:
            if export is not None:
                text = _("Restored %(org)s from the export.")
            elif data.get("template"):
                text = _("Created %(org)s from the template. Now add the systems it runs.")
            else:
                text = _("Created %(org)s. Start by adding the systems you run.")
            messages.success(request, text % {"org": organisation})
            return redirect(organisation)
    return render(request, "tenancy/organisation_form.html", {"form": form, "creating": True})


@login_required
def client_overview(request: HttpRequest) -> HttpResponse:
    """/organisations/: every organisation of the user, as a consultant's client overview."""
    rows = client_rows(request.user)
    shown = sorted_and_filtered(rows, request.GET)
    context = {
        "rows": shown,
        "total": len(rows),
        "stale_count": sum(1 for row in rows if row.stale),
        "sort": request.GET.get("sort") or "name",
        "active_filters": bool(request.GET.get("q") or request.GET.get("stale")),
    }
    return render(request, "onboarding/client_overview.html", context)
