"""The roadmap's sheets of the export."""

import pytest

from leitstand.analysis import analyze
from leitstand.landscape.cache import cached_analysis
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.roadmap import exports
from leitstand.roadmap.tests.factories import InitiativeOptionFactory

pytestmark = pytest.mark.django_db


def test_the_options_sheet_reads_the_kept_analysis(org, monkeypatch):
    """Analysing again in the export took as long as the rest of it at 50,000 systems, and
    its end unfroze the kept analysis (full collections of seconds holding every thread)."""
    option = InitiativeOptionFactory(organisation=org, initiative__organisation=org)
    kept = cached_analysis(org, lambda: analyze(landscape_snapshot(org)))
    analysed = []
    monkeypatch.setattr(exports, "analyze", lambda snapshot: analysed.append(snapshot))
    (exported,) = exports._options_with_cases(org)
    assert exported == option and exported.case is not None
    assert analysed == []
    assert cached_analysis(org, lambda: None) is kept
