"""Findings as a working list: groups, statuses that stay across analyses, reopening, CSV."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from leitstand.analysis import analyze
from leitstand.inventory.tests.factories import PersonFactory, SystemFactory
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.resilience.models import SystemResilience
from leitstand.roadmap.models import FindingState
from leitstand.roadmap.worklist import Filters, states_by_key, work_groups, worklist_csv

pytestmark = pytest.mark.django_db


def _without_plan(org, count):
    systems = []
    for n in range(count):
        system = SystemFactory(organisation=org, name=f"Server {n:02d}", personal_data=True)
        SystemResilience.objects.create(organisation=org, system=system, emergency_plan=False)
        systems.append(system)
    return systems


def _groups(org, **filters):
    analysis = analyze(landscape_snapshot(org))
    return work_groups(analysis, None, states_by_key(org), Filters(**filters))


def _plan_group(groups):
    return next(g for g in groups if g.group.key == "no_emergency_plan:action.write_plan")


def test_thirteen_systems_without_a_plan_are_one_group_with_its_members(org):
    _without_plan(org, 13)
    group = _plan_group(_groups(org))
    assert group.group.count == 13
    assert "13 systems" in group.action
    assert sorted(m.finding.subjects[0].name for m in group.members)[0] == "Server 00"


def test_status_is_kept_by_identity_and_a_done_finding_that_is_still_there_reopens(
    org, editor, login
):
    systems = _without_plan(org, 2)
    key = f"no_emergency_plan:system:{systems[0].pk}"
    client = login(editor)
    record = reverse("roadmap:finding_status", kwargs={"org": org.slug})
    owner = PersonFactory(organisation=org, name="Thomas")
    client.post(f"{record}?key={key}", {"status": "done", "owner": owner.pk, "note": "Written"})
    state = FindingState.objects.get(organisation=org, key=key)
    assert state.status == "done" and state.done_on is not None
    member = next(m for m in _plan_group(_groups(org)).members if m.key == key)
    assert member.work.status == "open" and member.work.reopened
    assert [m.key for m in _plan_group(_groups(org, status="reopened")).members] == [key]
    assert len(_plan_group(_groups(org, owner=str(owner.pk))).members) == 1
    SystemResilience.objects.filter(system=systems[0]).update(emergency_plan=True)
    member_keys = [m.key for m in _plan_group(_groups(org)).members]
    assert key not in member_keys  # fixed in the data: stays done


def test_recording_a_status_needs_a_finding_the_analysis_shows(org, editor, login):
    client = login(editor)
    record = reverse("roadmap:finding_status", kwargs={"org": org.slug})
    assert client.get(f"{record}?key=no_emergency_plan:system:999").status_code == 404


def test_filters_by_severity_and_kind_and_csv_neutralises_formulas(org, rf: RequestFactory):
    systems = _without_plan(org, 3)
    systems[0].name = "=HYPERLINK(1)"
    systems[0].save()
    assert _groups(org, kind="no_emergency_plan")
    assert not _groups(org, kind="no_emergency_plan", severity="low")
    csv = worklist_csv(_groups(org, kind="no_emergency_plan"), german=False).decode("utf-8")
    assert "'=HYPERLINK(1)" in csv
    assert csv.count("no_emergency_plan:system:") == 3
