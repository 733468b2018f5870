"""Invitation links: creating the token, and remembering an opened link across login/sign-up."""

import secrets

from django.http import HttpRequest
from django.utils import timezone

from leitstand.tenancy.models import Invitation, hash_token

SESSION_KEY = "invitation_token"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def find_open_invitation(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(
            token_hash=hash_token(token), accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        .first()
    )
    if invitation is not None:
        invitation.token = token
    return invitation


def remember_invitation(request: HttpRequest, token: str) -> None:
    request.session[SESSION_KEY] = token


def forget_invitation(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def pending_invitation(request: HttpRequest) -> Invitation | None:
    """The open invitation whose link this browser opened before logging in, if any."""
    token = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not token:
        return None
    return find_open_invitation(token)
