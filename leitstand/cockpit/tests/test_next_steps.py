"""The cockpit's "Next steps" follow what the company has recorded: at most three, each with
its link, the most basic gap first."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.tests.factories import PersonFactory, SystemFactory
from leitstand.processes.tests.factories import ProcessFactory
from leitstand.roadmap.tests.factories import MilestoneFactory
from leitstand.security_check.models import SecurityCheck
from leitstand.security_check.tests.factories import SecurityCheckFactory

pytestmark = pytest.mark.django_db


def steps(client, org) -> list[str]:
    html = client.get(reverse("cockpit:home", kwargs={"org": org.slug})).content.decode()
    panel = html.split('id="next-steps"')[1].split("</ol>")[0] if "</ol>" in html else ""
    return re.findall(r'data-step="(\w+)"', panel)


def test_empty_organisation_gets_the_guided_start_instead(login, owner, org):
    html = login(owner).get(reverse("cockpit:home", kwargs={"org": org.slug})).content.decode()
    assert 'id="guided-start"' in html and 'id="next-steps"' not in html


def test_systems_without_owner_come_first_and_at_most_three_steps(login, owner, org):
    SystemFactory(organisation=org)
    assert steps(login(owner), org) == ["owners", "flows", "processes"]


def test_each_recorded_part_drops_its_step(login, owner, org):
    person = PersonFactory(organisation=org)
    IntegrationFactory(organisation=org, source__owner=person, target__owner=person)
    ProcessFactory(organisation=org)
    assert steps(login(owner), org)[0] == "check"
    SecurityCheckFactory(organisation=org)
    MilestoneFactory(organisation=org, due_on=timezone.localdate(), initiative__name="ERP")
    shown = steps(login(owner), org)
    assert "check" not in shown and "flows" not in shown and "processes" not in shown
    assert "milestone" in shown


def test_every_step_has_a_link(login, owner, org):
    SystemFactory(organisation=org)
    html = login(owner).get(reverse("cockpit:home", kwargs={"org": org.slug})).content.decode()
    panel = html.split('id="next-steps"')[1].split("</ol>")[0]
    assert panel.count("<li") == panel.count("<a href=") == 3
    assert reverse("flows:integration_create", kwargs={"org": org.slug}) in panel


def test_every_due_milestone_is_shown_while_there_is_room(login, owner, org):
    """Two milestones due (and one done, one far off): both due ones, soonest first, each
    linking to its initiative's milestones; four due fill the three steps, and with the
    company check still to start only two of them fit in."""
    person = PersonFactory(organisation=org)
    IntegrationFactory(organisation=org, source__owner=person, target__owner=person)
    ProcessFactory(organisation=org)
    SecurityCheckFactory(organisation=org)
    today = timezone.localdate()
    later = MilestoneFactory(organisation=org, name="Go-live", due_on=today + timedelta(days=9))
    soon = MilestoneFactory(organisation=org, name="Pilot", due_on=today - timedelta(days=2))
    MilestoneFactory(organisation=org, name="Done", due_on=today, done=True)
    MilestoneFactory(organisation=org, name="Far off", due_on=today + timedelta(days=90))
    client = login(owner)
    html = client.get(reverse("cockpit:home", kwargs={"org": org.slug})).content.decode()
    panel = html.split('id="next-steps"')[1].split("</ol>")[0]
    assert re.findall(r'data-step="(\w+)"', panel) == ["milestone", "milestone"]
    assert panel.index("Pilot") < panel.index("Go-live")
    assert "Done" not in panel and "Far off" not in panel
    for milestone in (soon, later):
        detail = reverse(
            "roadmap:initiative_detail", kwargs={"org": org.slug, "pk": milestone.initiative_id}
        )
        assert f'href="{detail}#milestones"' in panel

    MilestoneFactory(organisation=org, name="Third", due_on=today)
    MilestoneFactory(organisation=org, name="Fourth", due_on=today)
    assert steps(client, org) == ["milestone", "milestone", "milestone"]  # the cap holds
    SecurityCheck.objects.filter(organisation=org).delete()
    assert steps(client, org) == ["check", "milestone", "milestone"]
