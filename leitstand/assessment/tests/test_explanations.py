"""The recommendation texts: each message carries what its text needs, in both languages."""

import re

import pytest
from django.utils import translation

from leitstand.analysis.modernisation import MESSAGE_KEYS
from leitstand.analysis.portfolio import MESSAGE_PARAMS, UNTOLD
from leitstand.assessment.explanations import TEMPLATES
from leitstand.assessment.rulebook import rule_rows


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("key", sorted(MESSAGE_KEYS))
def test_each_message_carries_the_parameters_its_text_uses(key, language):
    with translation.override(language):
        used = set(re.findall(r"%\((\w+)\)s", str(TEMPLATES[key])))
    given = MESSAGE_PARAMS.get(key, ("system",) if key.startswith("rule.") else UNTOLD)
    assert used <= set(given)


def test_the_rule_table_reads_in_german():
    with translation.override("de"):
        rows = rule_rows()
    wrap = next(row for row in rows if row.id == "wrap.not_integrable")
    assert wrap.strategy_label == "mit API-Schicht kapseln"
    assert "Geschäftskritikalität ≥ 3" in wrap.conditions
    assert "Integrationsfähigkeit ≤ 2" in wrap.conditions
    assert "[seine Integrationsfähigkeit]" in wrap.explanation
