"""Pages for organisations: choosing one, its settings, members and invitations (creating one:
leitstand.onboarding)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leitstand.core.audit import form_values, history_for_organisation
from leitstand.tenancy import services
from leitstand.tenancy.access import org_view
from leitstand.tenancy.forms import InviteForm, OrganisationForm, RoleForm
from leitstand.tenancy.invitations import (
    find_open_invitation,
    forget_invitation,
    remember_invitation,
)
from leitstand.tenancy.models import Invitation, Membership, Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Open the organisation used last, the only one, or the list to choose from."""
    memberships = Membership.objects.filter(user=request.user).select_related("organisation")
    last = request.session.get("last_org")
    for membership in memberships:
        if membership.organisation.slug == last:
            return redirect(membership.organisation)
    if len(memberships) == 1:
        return redirect(memberships[0].organisation)
    return redirect("organisation_list")


@org_view(Role.OWNER)
def organisation_settings(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, instance=request.org)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():  # a save without a change writes nothing
            services.save_organisation(request.org, form_values(form), actor=request.user)
        messages.success(request, _("Settings saved."))
        return redirect("organisation_settings", org=request.org.slug)
    return render(request, "tenancy/organisation_form.html", {"form": form, "creating": False})


@org_view(Role.OWNER)
def members(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite_member(
                organisation=request.org,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link is valid for %(days)s days.")
                % {"email": invitation.email, "days": services.INVITATION_VALID_DAYS},
            )
            return redirect("members", org=request.org.slug)
    context = {
        "form": form,
        "memberships": Membership.objects.filter(organisation=request.org)
        .select_related("user")
        .order_by("user__email"),
        "invitations": Invitation.objects.filter(
            organisation=request.org, accepted_at__isnull=True
        ),
        "roles": [(role.value, role.label, role.description) for role in Role],
    }
    return render(request, "tenancy/members.html", context)


@org_view(Role.OWNER, model=Membership)
@require_POST
def member_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, organisation=request.org, pk=pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.change_role(membership, form.cleaned_data["role"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(user)s is now %(role)s.")
                % {"user": membership.user, "role": membership.get_role_display()},
            )
    return redirect("members", org=request.org.slug)


@org_view(Role.OWNER, model=Membership)
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("user"), organisation=request.org, pk=pk
    )
    if request.method == "POST":
        try:
            services.remove_member(membership)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Removed %(user)s from %(org)s.") % {"user": membership.user, "org": request.org},
            )
            if membership.user == request.user:
                return redirect("home")
        return redirect("members", org=request.org.slug)
    return render(request, "tenancy/member_remove.html", {"membership": membership})


@org_view(Role.OWNER, model=Invitation)
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, organisation=request.org, pk=pk)
    services.revoke_invitation(invitation)
    messages.success(
        request, _("Invitation for %(email)s withdrawn.") % {"email": invitation.email}
    )
    return redirect("members", org=request.org.slug)


@org_view(Role.VIEWER)
def audit_log(request: HttpRequest) -> HttpResponse:
    page = Paginator(history_for_organisation(request.org), 50).get_page(request.GET.get("page"))
    return render(
        request, "tenancy/audit_log.html", {"page_obj": page, "entries": page.object_list}
    )


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation e-mail links to. It works before and after signing in."""
    found = find_open_invitation(token)
    if found is None:
        forget_invitation(request)
        return render(request, "tenancy/invitation_invalid.html", status=404)
    if not request.user.is_authenticated:
        remember_invitation(request, token)
        return render(request, "tenancy/invitation.html", {"invitation": found})
    if request.method == "POST":
        try:
            services.accept_invitation(found, request.user)
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return render(request, "tenancy/invitation.html", {"invitation": found}, status=403)
        forget_invitation(request)
        messages.success(request, _("Welcome to %(org)s.") % {"org": found.organisation})
        return redirect(found.organisation)
    return render(request, "tenancy/invitation.html", {"invitation": found})
