"""Creating an organisation with its starting data: the page, the import command, the demo
and the API of consultant templates all call `create_organisation`.

Above tenancy and the domain apps: tenancy keeps organisations and members and knows no
domain; the starting data (the capability catalogue, the common data objects) belongs to the
apps that own it. An app whose new organisations need starting data adds its seed call here.
"""

from django.db import transaction

from leitstand.accounts.models import User
from leitstand.flows.services import seed_data_objects
from leitstand.inventory.services import seed_capabilities
from leitstand.tenancy.models import Membership, Organisation, Role


@transaction.atomic
def create_organisation(*, owner: User | None, name: str, slug: str, **fields) -> Organisation:
    """A new organisation with its reference data, owned by `owner`."""
    organisation = Organisation(name=name, slug=slug, **fields)
    organisation.full_clean()
    organisation.save()
    if owner is not None:
        Membership.objects.create(user=owner, organisation=organisation, role=Role.OWNER)
    seed_capabilities(organisation)
    seed_data_objects(organisation)
    return organisation
