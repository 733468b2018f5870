"""The cockpit's automation section says "no data yet" while no process step has its
minutes, instead of "0.0 h (€0)" (issue 21, point 5)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.processes.tests.factories import ProcessFactory, ProcessStepFactory

pytestmark = pytest.mark.django_db


def totals(client, org) -> str:
    html = client.get(reverse("cockpit:home", kwargs={"org": org.slug})).content.decode()
    return html.split('id="process-totals"')[1].split("</details>")[0].split("</p>")[0]


def test_process_without_minutes_says_no_data_yet(org, viewer, login):
    SystemFactory(organisation=org)
    ProcessFactory(organisation=org)
    shown = totals(login(viewer), org)
    assert "No data yet" in shown and "0.0 h" not in shown and "€0" not in shown
    assert reverse("processes:process_list", kwargs={"org": org.slug}) in shown


def test_steps_with_minutes_show_the_hours(org, viewer, login):
    SystemFactory(organisation=org)
    ProcessStepFactory(organisation=org, minutes_per_run=Decimal("10"))
    shown = totals(login(viewer), org)
    assert "No data yet" not in shown and "a year including fixing errors" in shown
