"""Changes to organisations and their members. Pages, commands, the demo and the API call these
(creating an organisation with its starting data: leitstand.onboarding)."""

from contextlib import nullcontext
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.accounts.models import User
from leitstand.core.actor import acting_as
from leitstand.core.audit import save_values
from leitstand.tenancy.invitations import new_token
from leitstand.tenancy.models import Invitation, Membership, Organisation, Role, hash_token

INVITATION_VALID_DAYS = 14


def save_organisation(organisation: Organisation, values: dict, *, actor) -> Organisation:
    """The organisation's settings (its name, link name, method defaults, two-factor rule),
    validated by the model, with one audit entry: the settings page and the API."""
    return save_values(organisation, values, actor)


def delete_organisation(organisation: Organisation, *, actor) -> None:
    """The organisation with everything it owns (`leitstand load_demo --reset`)."""
    with transaction.atomic(), acting_as(actor):
        organisation.delete()


def add_member(organisation: Organisation, user: User, role: Role | str) -> Membership:
    """`user` becomes a member (a new organisation's owner, the demo's logins)."""
    return Membership.objects.create(user=user, organisation=organisation, role=Role(role))


def _owner_count(organisation: Organisation) -> int:
    return Membership.objects.filter(organisation=organisation, role=Role.OWNER).count()


def _as(actor):
    """The audit entry's actor, where the request's middleware cannot name it (an API token
    user); pages leave it to the middleware, which also notes the address."""
    return nullcontext() if actor is None else acting_as(actor)


@transaction.atomic
def change_role(membership: Membership, role: Role | str, *, actor=None) -> Membership:
    role = Role(role)
    if (
        membership.role == Role.OWNER
        and role != Role.OWNER
        and _owner_count(membership.organisation) <= 1
    ):
        raise ValidationError(_("An organisation needs at least one owner."))
    membership.role = role
    with _as(actor):
        membership.save()
    return membership


@transaction.atomic
def remove_member(membership: Membership, *, actor=None) -> None:
    if membership.role == Role.OWNER and _owner_count(membership.organisation) <= 1:
        raise ValidationError(_("An organisation needs at least one owner."))
    with _as(actor):
        membership.delete()


def invite_member(
    *, organisation: Organisation, email: str, role: Role | str, invited_by: User, base_url: str
) -> Invitation:
    """Create an invitation and e-mail its link; the token is returned once, never stored."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member.") % {"email": email})
    token = new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=Role(role),
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    invitation.token = token
    link = base_url.rstrip("/") + invitation.get_absolute_url()
    context = {"invitation": invitation, "link": link, "days": INVITATION_VALID_DAYS}
    subject = _("Invitation to %(org)s on Leitstand") % {"org": organisation.name}
    body = render_to_string("tenancy/email/invitation.txt", context)
    send_mail(subject, body, None, [email])
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, user: User) -> Membership:
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or was already used."))
    if user.email.lower() != invitation.email.lower():
        raise PermissionDenied(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    if not created and Role(invitation.role).rank > Role(membership.role).rank:
        membership.role = invitation.role
        membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def revoke_invitation(invitation: Invitation) -> None:
    invitation.delete()
