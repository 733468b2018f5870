"""The order of API pages."""

from django.db.models.functions import Lower

from leitstand.api.viewsets import stable_ordering
from leitstand.flows.models import Integration
from leitstand.inventory.models import Person, System
from leitstand.processes.models import ProcessStep


def test_pages_are_ordered_by_name_alone_where_names_are_unique_per_organisation():
    # The unique (organisation, lower(name)) index then serves a page without sorting.
    assert stable_ordering(System) == [Lower("name")]
    assert stable_ordering(Person) == [Lower("name")]
    # Names of flows repeat: the id decides between equal pairs, and is never added twice.
    assert stable_ordering(Integration)[-1] == "pk"
    assert stable_ordering(ProcessStep).count("pk") == 1
