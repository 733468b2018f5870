import pytest

from leitstand.flows.models import DataObject
from leitstand.flows.services import data_object_catalogue, seed_data_objects
from leitstand.onboarding.services import create_organisation

pytestmark = pytest.mark.django_db


def test_a_new_organisation_gets_the_reference_data_objects():
    organisation = create_organisation(owner=None, name="Neu GmbH", slug="neu")
    keys = set(DataObject.objects.for_org(organisation).values_list("key", flat=True))
    assert keys == {entry["key"] for entry in data_object_catalogue()}
    assert {"customers", "orders", "invoices", "articles", "employees", "time_records"} <= keys


def test_seeding_again_adds_nothing(org):
    seed_data_objects(org)
    assert seed_data_objects(org) == 0


def test_every_catalogue_entry_has_both_languages():
    for entry in data_object_catalogue():
        assert entry["en"] and entry["de"], entry
