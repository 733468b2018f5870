"""The landscape stamp: a token that changes with every write an analysis could notice.

Three ways keep it current, so that a cached analysis (`leitstand.landscape.cache`) is never
served after a change:
- a signal receiver for every save and delete of a tenant-owned row, every many-to-many
  change between them, and every save of the organisation (its method settings);
- `LandscapeStampMiddleware`, after every unsafe request to a page or API address of an
  organisation, which also covers bulk writes in views (imports, JSON restore);
- `bump_landscape(organisation)` called by the services that write in bulk outside a request
  (command-line import, demo, company check import).
A stamp is created with its organisation (and by a migration for earlier ones); a bump only
updates it (a bump during the cascade that deletes an organisation must not recreate it).
"""

import uuid

from django.db.models.signals import m2m_changed, post_delete, post_save

from leitstand.tenancy.models import LandscapeStamp, Organisation, TenantModel

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _organisation_id(organisation) -> int:
    return getattr(organisation, "pk", organisation)


def bump_landscape(organisation) -> None:
    """A new token for the organisation (or organisation id): cached analyses are stale."""
    LandscapeStamp.objects.filter(organisation_id=_organisation_id(organisation)).update(
        token=uuid.uuid4()
    )


def bump_landscape_by_slug(slug: str) -> None:
    LandscapeStamp.objects.filter(organisation__slug=slug).update(token=uuid.uuid4())


def landscape_token(organisation) -> uuid.UUID:
    """The organisation's current token (one query; a missing stamp is created)."""
    organisation_id = _organisation_id(organisation)
    token = (
        LandscapeStamp.objects.filter(organisation_id=organisation_id)
        .values_list("token", flat=True)
        .first()
    )
    if token is None:
        token = LandscapeStamp.objects.get_or_create(organisation_id=organisation_id)[0].token
    return token


def _row_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, TenantModel):
        bump_landscape(instance.organisation_id)
    elif isinstance(instance, Organisation):
        if kwargs.get("created"):
            LandscapeStamp.objects.create(organisation=instance)
        else:
            bump_landscape(instance.pk)


def _links_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, TenantModel):
        bump_landscape(instance.organisation_id)


def connect() -> None:
    """Called once from the tenancy app's `ready()`."""
    post_save.connect(_row_changed, dispatch_uid="leitstand.landscape.save")
    post_delete.connect(_row_changed, dispatch_uid="leitstand.landscape.delete")
    m2m_changed.connect(_links_changed, dispatch_uid="leitstand.landscape.links")


def mark_landscape_unchanged(request) -> None:
    """Tell the middleware that this unsafe request wrote nothing (inline form validation),
    so the kept analysis stays valid while someone types."""
    request.landscape_unchanged = True


class LandscapeStampMiddleware:
    """After an unsafe request to an address of an organisation, change its stamp.

    Covers what the signals cannot see: bulk writes and raw SQL done inside a view. A
    request that changed nothing only costs the next reader one fresh analysis.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in UNSAFE_METHODS and not getattr(request, "landscape_unchanged", False):
            match = getattr(request, "resolver_match", None)
            slug = match.kwargs.get("org") if match else None
            if slug:
                bump_landscape_by_slug(slug)
        return response
