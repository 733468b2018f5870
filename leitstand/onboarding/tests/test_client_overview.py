"""The consultant's home: the organisation list as a client overview, sortable and filterable."""

import re
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.roadmap.tests.factories import MilestoneFactory
from leitstand.tenancy.models import Role
from leitstand.tenancy.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clients(owner, org):
    """`owner` of acme (3 systems, changed today) also advises an untouched client."""
    for _ in range(3):
        SystemFactory(organisation=org)
    MilestoneFactory(organisation=org, name="Go-live", initiative__name="ERP")
    quiet = OrganisationFactory(name="Bäckerei Quiet", slug="quiet")
    MembershipFactory(organisation=quiet, user=owner, role=Role.EDITOR)
    SystemFactory(organisation=quiet, name="Kasse")
    old = timezone.now() - timedelta(days=250)
    LogEntry.objects.filter(additional_data__organisation=quiet.pk).update(timestamp=old)
    return org, quiet


def order(html: str) -> list[str]:
    return re.findall(r'<tr data-org="([\w-]+)"', html)


def test_each_client_with_its_figures_and_a_warning_when_stale(login, owner, clients):
    html = login(owner).get(reverse("organisation_list")).text
    assert order(html) == ["acme", "quiet"]
    acme = html.split('data-org="acme"')[1].split("</tr>")[0]
    quiet = html.split('data-org="quiet"')[1].split("</tr>")[0]
    assert ">3</a>" in acme and "Go-live" in acme and "ERP" in acme
    assert "stale-warning" not in acme
    assert "stale-warning" in quiet and ">1</a>" in quiet
    assert reverse("security_check:new", kwargs={"org": "quiet"}) in quiet  # no check yet


def test_sort_and_filter(login, owner, clients):
    client = login(owner)
    url = reverse("organisation_list")
    assert order(client.get(url, {"sort": "-systems"}).text) == ["acme", "quiet"]
    assert order(client.get(url, {"sort": "systems"}).text) == ["quiet", "acme"]
    assert order(client.get(url, {"stale": "1"}).text) == ["quiet"]
    assert order(client.get(url, {"q": "bäck"}).text) == ["quiet"]


def test_only_own_organisations_are_listed(login, outsider, clients):
    assert order(login(outsider).get(reverse("organisation_list")).text) == ["other"]
