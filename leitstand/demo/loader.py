"""Loads a demo organisation: the organisation from `organisations/<slug>.yaml` beside this
file, then every app's part through the loaders registered with
`leitstand.core.demo.demo_data` (each app's `demo/<organisation-slug>.yaml`, the inventory
first), in the order they build on each other. An app without a file for an organisation (the
small second one) simply gets nothing.
"""

from pathlib import Path

from django.db import transaction

from leitstand.accounts.models import User
from leitstand.core.demo import demo_data, read_yaml, with_decimals
from leitstand.onboarding.services import create_organisation
from leitstand.tenancy.models import Organisation, Role
from leitstand.tenancy.services import add_member

ORGANISATIONS = Path(__file__).parent / "organisations"

#: The demo organisations, in the order `leitstand load_demo` creates them.
MUSTER_LOGISTIK = "muster-logistik"
BAECKEREI = "baeckerei-beispiel"


def organisation_data(slug: str) -> dict:
    """The organisation's own fields (name, industry, …) from its demo file."""
    return with_decimals(Organisation, read_yaml(ORGANISATIONS / f"{slug}.yaml"))


@transaction.atomic
def load_organisation(slug: str, members: dict[User, Role]) -> Organisation:
    """Create the demo organisation `slug` with all its data and members. It must not exist."""
    organisation = create_organisation(owner=None, **organisation_data(slug))
    for user, role in members.items():
        add_member(organisation, user, role)
    for loader in demo_data.loaders():
        part = loader.data_for(organisation.slug)
        if part is not None:
            loader.load(organisation, part)
    return organisation
