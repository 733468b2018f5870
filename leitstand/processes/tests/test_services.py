"""Processes, steps and scenarios have one write path (processes.services): the pages, the API
and the demo all keep step positions 1, 2, 3, ... and refuse a scenario that changes another
process's steps."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.api.tokens import create_token
from leitstand.processes import services
from leitstand.processes.models import AutomationScenario, ProcessStep
from leitstand.processes.tests.factories import ProcessFactory, ProcessStepFactory

pytestmark = pytest.mark.django_db


def _api(user, org) -> APIClient:
    client = APIClient()
    _token, secret = create_token(organisation=org, user=user, name="test")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def _positions(process) -> list[tuple[str, int]]:
    return list(process.steps.order_by("position").values_list("name", "position"))


def test_steps_added_anywhere_come_last_and_a_removal_closes_the_gap(org, editor):
    process = ProcessFactory(organisation=org)
    services.add_step(process, {"name": "Eins"}, actor=editor)
    created = _api(editor, org).post(
        reverse("api:process-step-list", kwargs={"org": org.slug}),
        {"process": process.pk, "name": "Zwei"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    services.add_step(process, {"name": "Drei"}, actor=editor)
    assert _positions(process) == [("Eins", 1), ("Zwei", 2), ("Drei", 3)]

    zwei = ProcessStep.objects.get(name="Zwei")
    deleted = _api(editor, org).delete(
        reverse("api:process-step-detail", kwargs={"org": org.slug, "pk": zwei.pk})
    )
    assert deleted.status_code == 204
    assert _positions(process) == [("Eins", 1), ("Drei", 2)]


def test_a_scenario_cannot_change_another_processs_steps(org, editor):
    own, other = ProcessFactory(organisation=org), ProcessFactory(organisation=org)
    foreign = ProcessStepFactory(organisation=org, process=other)
    scenario = AutomationScenario(organisation=org, process=own)
    with pytest.raises(ValidationError):
        services.save_scenario(scenario, {"name": "Tool", "steps": [foreign]}, actor=editor)
    refused = _api(editor, org).post(
        reverse("api:scenario-list", kwargs={"org": org.slug}),
        {"process": own.pk, "name": "Tool", "steps": [foreign.pk]},
        format="json",
    )
    assert refused.status_code == 400
    assert "steps" in refused.json()
    assert not AutomationScenario.objects.exists()
