"""The page that creates an organisation (/organisations/new/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from leitstand.onboarding.services import create_organisation
from leitstand.tenancy.forms import NewOrganisationForm


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = NewOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = create_organisation(owner=request.user, **data)
        messages.success(
            request,
            _("Created %(org)s. Start by adding the systems you run.") % {"org": organisation},
        )
        return redirect(organisation)
    return render(request, "tenancy/organisation_form.html", {"form": form, "creating": True})
