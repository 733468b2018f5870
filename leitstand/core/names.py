"""Names are unique per organisation, ignoring case: the one check that forms, API
serializers and the bilingual catalogue rows share (the database holds the same rule where a
unique index exists)."""

from django.db import models
from django.utils.translation import gettext as _

from leitstand.tenancy.models import Organisation


def name_taken(
    model: type[models.Model], organisation: Organisation, field: str, value: str, exclude_pk=None
) -> bool:
    """Whether another row of the organisation has this name in `field`, ignoring case."""
    others = model.objects.filter(organisation=organisation, **{f"{field}__iexact": value.strip()})
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    return others.exists()


def name_taken_message(value: str) -> str:
    return _("“%(name)s” already exists in this organisation.") % {"name": value}
