"""Pages for API tokens: create one (shown once), see when each was last used, revoke it."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.api.models import ApiToken
from leitstand.api.tokens import create_token, revoke_token
from leitstand.core.forms import style_widget
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What is the token for?"),
        max_length=100,
        help_text=gettext_lazy("For example “nightly backup” or “reporting script”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widget(self.fields["name"].widget)


def _visible_tokens(request: HttpRequest):
    tokens = ApiToken.objects.for_org(request.org).select_related("user")
    if request.membership.is_owner:
        return tokens
    return tokens.filter(user=request.user)


@org_view(Role.VIEWER, personal=True)
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = create_token(
            organisation=request.org, user=request.user, name=form.cleaned_data["name"]
        )
        form = TokenForm()
    context = {
        "form": form,
        "secret": secret,
        "tokens": _visible_tokens(request),
        "api_base": request.build_absolute_uri(f"/api/v1/o/{request.org.slug}/"),
    }
    return render(request, "api/tokens.html", context)


@org_view(Role.VIEWER, model=ApiToken, personal=True)
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_for_org(_visible_tokens(request), request.org, pk)
    if not token.is_active:
        raise Http404(_("This token was already revoked."))
    if request.method == "POST":
        revoke_token(token, request.user)
        messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
        return redirect("api_tokens", org=request.org.slug)
    return render(request, "api/token_revoke.html", {"token": token})
