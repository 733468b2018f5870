"""Creating, checking and revoking API tokens. The secret is shown once and never stored."""

import secrets
from datetime import timedelta

from django.utils import timezone

from leitstand.api.models import ApiToken
from leitstand.core.actor import acting_as
from leitstand.tenancy.models import Organisation, hash_token

TOKEN_PREFIX = "ls_"  # noqa: S105 (a marker that makes tokens recognisable, not a secret)
#: last_used_at is written at most this often, so reading the API stays a read.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def create_token(*, organisation: Organisation, user, name: str) -> tuple[ApiToken, str]:
    """A new token for this user in this organisation, and its secret (shown once)."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with acting_as(user):
        token = ApiToken.objects.create(
            organisation=organisation,
            user=user,
            name=name.strip()[:100],
            token_hash=hash_token(secret),
            prefix=secret[:10],
        )
    return token, secret


def revoke_token(token: ApiToken, actor) -> None:
    if token.revoked_at is not None:
        return
    with acting_as(actor):
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def token_for_secret(secret: str) -> ApiToken | None:
    """The active token with this secret, marked as used; None if unknown or revoked."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user", "organisation")
        .filter(token_hash=hash_token(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
