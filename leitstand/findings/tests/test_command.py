import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from leitstand.flows.tests.factories import IntegrationFactory

pytestmark = pytest.mark.django_db


def test_analyze_prints_the_whole_analysis_as_json(org):
    IntegrationFactory(organisation=org)
    out = StringIO()
    call_command("analyze", "--org", "acme", "--json", stdout=out)
    data = json.loads(out.getvalue())
    for key in (
        "systems",
        "integrations",
        "manual_hours_per_year",
        "manual_eur_per_year",
        "overlaps",
        "findings",
    ):
        assert key in data
    assert data["manual_hours_per_year"] == 220.0
    finding = data["findings"][0]
    assert set(finding) >= {
        "kind",
        "severity",
        "subjects",
        "eur_per_year",
        "hours_per_year",
        "explanation",
    }
    assert finding["explanation"].startswith("From System")


def test_analyze_prints_a_summary_in_german(org):
    IntegrationFactory(organisation=org)
    out = StringIO()
    call_command("analyze", "--org", "acme", "--language", "de", stdout=out)
    assert "220\u00a0h" in out.getvalue()


def test_analyze_refuses_an_unknown_organisation(db):
    with pytest.raises(CommandError):
        call_command("analyze", "--org", "nobody")
