"""An outage cost with no business impact behind it says "no data yet" with the way to rate
it, never €0 (issue 21, point 5)."""

import pytest
from django.urls import reverse

from leitstand.continuity.tests.factories import BusinessImpactFactory
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.processes.tests.factories import ProcessFactory, ProcessStepFactory

pytestmark = pytest.mark.django_db


def page(client, name, org, **kwargs) -> str:
    return client.get(reverse(name, kwargs={"org": org.slug, **kwargs})).content.decode()


def test_unrated_process_and_its_system_have_no_outage_cost_yet(org, viewer, login):
    system = SystemFactory(organisation=org, name="ERP")
    step = ProcessStepFactory(organisation=org, system=system)
    client = login(viewer)

    overview = page(client, "continuity:overview", org)
    processes = overview.split('id="impact-processes"')[1].split("</table>")[0]
    systems = overview.split('id="impact-systems"')[1].split("</table>")[0]
    assert "no data yet" in processes and "€0" not in processes
    assert "no data yet" in systems and "€0" not in systems
    assert 'href="#impact-processes"' in systems

    detail = page(client, "inventory:system_detail", org, pk=system.pk)
    cost = detail.split('id="system-outage-cost"')[1].split("</p>")[0]
    assert "no data yet" in cost and "€0" not in cost
    assert reverse("continuity:overview", kwargs={"org": org.slug}) in cost

    process = page(client, "processes:process_detail", org, pk=step.process.pk)
    needs = process.split('id="business-impact"')[1].split("</section>")[0]
    assert "€0" not in needs and "per hour of outage" not in needs


def test_system_no_process_needs_leads_to_the_processes(org, viewer, login):
    system = SystemFactory(organisation=org)
    detail = page(login(viewer), "inventory:system_detail", org, pk=system.pk)
    cost = detail.split('id="system-outage-cost"')[1].split("</p>")[0]
    assert "no data yet" in cost and "€0" not in cost
    assert reverse("processes:process_list", kwargs={"org": org.slug}) in cost


def test_rated_process_shows_its_outage_cost(org, viewer, login):
    system = SystemFactory(organisation=org)
    process = ProcessFactory(organisation=org)
    ProcessStepFactory(organisation=org, process=process, system=system)
    BusinessImpactFactory(organisation=org, process=process)  # 8 people idle
    detail = page(login(viewer), "inventory:system_detail", org, pk=system.pk)
    cost = detail.split('id="system-outage-cost"')[1].split("</p>")[0]
    assert "no data yet" not in cost and "€" in cost
