"""The roadmap's summary says "no data yet" while no initiative has an option that counts:
its sums are unknown, not 0 € and 0 h (issue 21, point 5)."""

import pytest
from django.urls import reverse

from leitstand.roadmap.tests.factories import InitiativeFactory, InitiativeOptionFactory

pytestmark = pytest.mark.django_db


def summary(client, org) -> str:
    html = client.get(reverse("roadmap:roadmap", kwargs={"org": org.slug})).content.decode()
    return html.split('id="roadmap-summary"')[1].split('aria-labelledby="timeline-title"')[0]


def test_empty_roadmap_says_no_data_yet_and_leads_to_the_proposals(org, viewer, login):
    shown = summary(login(viewer), org)
    assert 'id="summary-no-data"' in shown and "No data yet" in shown
    assert reverse("roadmap:proposals", kwargs={"org": org.slug}) in shown
    assert "€0" not in shown and "0 h" not in shown and "0.00 FTE" not in shown
    assert 'id="summary-by-year"' not in shown


def test_initiative_without_option_leads_to_the_initiatives(org, viewer, login):
    InitiativeFactory(organisation=org)
    shown = summary(login(viewer), org)
    assert "No data yet" in shown and "€0" not in shown
    assert reverse("roadmap:initiative_list", kwargs={"org": org.slug}) in shown


def test_an_option_that_counts_shows_the_sums(org, viewer, login):
    InitiativeOptionFactory(organisation=org)
    shown = summary(login(viewer), org)
    assert "No data yet" not in shown
    assert "€10,000" in shown and "500 h" in shown


def test_option_without_hours_freed_shows_no_zero_hours(org, viewer, login):
    option = InitiativeOptionFactory(organisation=org, hours_freed_per_year=None)
    html = login(viewer).get(reverse("roadmap:roadmap", kwargs={"org": org.slug})).content.decode()
    row = html.split(f'href="{option.initiative.get_absolute_url()}" class="fw-semibold"')[1]
    row = row.split("</tr>")[0]
    assert "0 h" not in row and "Hours freed not recorded yet" in row
