"""The one place where a request becomes (organisation, membership), and roles are enforced.

Every organisation page lives under /o/<org>/. `OrgViewMixin` (class views) and `org_view`
(function views) resolve the organisation from the URL and check membership and role:
an outsider gets 404 (the organisation's existence is not revealed), a member without the
role gets 403, an anonymous visitor is sent to the login page. Unsafe methods (POST, ...)
always need at least the editor role.
"""

from collections.abc import Callable
from functools import partial, wraps

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from leitstand.tenancy.models import Membership, Organisation, Role, TenantModel
from leitstand.tenancy.pagecache import page_from_cache

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def membership_for(user, slug: str) -> Membership:
    """The user's membership in the organisation with this slug, or 404."""
    try:
        return Membership.objects.select_related("organisation").get(
            user=user, organisation__slug=slug
        )
    except Membership.DoesNotExist:
        raise Http404(_("No such organisation.")) from None


def required_role_for(request: HttpRequest, role: Role | str) -> Role:
    role = Role(role)
    if request.method not in SAFE_METHODS and role.rank < Role.EDITOR.rank:
        return Role.EDITOR
    return role


def _needs_two_factor(membership: Membership, user) -> bool:
    return membership.organisation.require_2fa and not is_mfa_enabled(user)


def _require_role(request: HttpRequest, membership: Membership, role, personal: bool) -> None:
    required = Role(role) if personal else required_role_for(request, role)
    if not membership.has_role(required):
        raise PermissionDenied(_("Your role in this organisation does not allow this."))
    request.org = membership.organisation
    request.membership = membership


def authorize(
    request: HttpRequest, slug: str, role: Role | str, personal: bool = False
) -> HttpResponse | None:
    """Attach `request.org` and `request.membership`, or return the response that refuses.

    Raises Http404 for outsiders and PermissionDenied for members without the role.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    membership = membership_for(request.user, slug)
    if _needs_two_factor(membership, request.user):
        messages.warning(
            request,
            _("%(org)s requires two-factor login. Set up an authenticator app to continue.")
            % {"org": membership.organisation.name},
        )
        return redirect("mfa_activate_totp")
    _require_role(request, membership, role, personal)
    if request.session.get("last_org") != membership.organisation.slug:
        # Only on a change: assigning marks the session modified, and Django would write it
        # to the database after every page (a write transaction per request).
        request.session["last_org"] = membership.organisation.slug
    return None


def authorize_api(request, slug: str, role: Role | str, token_organisation_id=None) -> Membership:
    """The same checks for the REST API, without redirects: raises Http404 or PermissionDenied.

    A token only opens the organisation it was created for.
    """
    membership = membership_for(request.user, slug)
    if token_organisation_id is not None and token_organisation_id != membership.organisation_id:
        raise Http404(_("No such organisation."))
    if _needs_two_factor(membership, request.user):
        raise PermissionDenied(
            _("%(org)s requires two-factor login.") % {"org": membership.organisation.name}
        )
    _require_role(request, membership, role, personal=False)
    return membership


class OrgViewMixin:
    """For class-based views under /o/<org>/. Set `required_role` for pages beyond reading."""

    required_role: Role = Role.VIEWER
    #: Whether the page shows nothing but the landscape and may be sent again from memory
    #: until the landscape changes (`leitstand.tenancy.pagecache`).
    page_cache: bool = False
    org: Organisation
    membership: Membership

    def dispatch(self, request, *args, **kwargs):
        refused = authorize(request, kwargs["org"], self.required_role)
        if refused is not None:
            return refused
        self.org = request.org
        self.membership = request.membership
        build = partial(super().dispatch, request, *args, **kwargs)
        return page_from_cache(request, build) if self.page_cache else build()


def org_view(
    role: Role | str = Role.VIEWER,
    model: type[Model] | None = None,
    personal: bool = False,
    page_cache: bool = False,
) -> Callable:
    """Decorator for function views under /o/<org>/; the view receives `request.org`.

    `model` names what a `pk` in the URL refers to (the generated tenant tests read it).
    `personal=True` is for pages whose changes touch only the user's own things (their API
    tokens): there a viewer may post too. `page_cache=True` is for pages that show nothing
    but the landscape: sent again from memory until it changes (`leitstand.tenancy.pagecache`).
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, org: str, *args, **kwargs):
            refused = authorize(request, org, role, personal)
            if refused is not None:
                return refused
            if page_cache:
                return page_from_cache(request, partial(view, request, *args, **kwargs))
            return view(request, *args, **kwargs)

        wrapper.required_role = Role(role)
        wrapper.model = model
        wrapper.personal = personal
        wrapper.page_cache = page_cache
        return wrapper

    return decorate


def get_for_org(
    model_or_queryset: type[TenantModel] | QuerySet, organisation: Organisation, pk
) -> Model:
    """One tenant-owned object of this organisation, or 404: the only way views fetch one."""
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, QuerySet)
        else model_or_queryset.objects.all()
    )
    return get_object_or_404(queryset.filter(organisation=organisation), pk=pk)
