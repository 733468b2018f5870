"""Loads the demo's maturity assessments (`<organisation-slug>.yaml` beside this file; an
organisation without one gets none). Answers marked confirmed carry the suggestion and
evidence Leitstand computes from the demo landscape; one the landscape no longer suggests is
stored as manual."""

from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.maturity import evidence
from leitstand.maturity.catalogue import load_catalogue
from leitstand.maturity.models import AnswerSource
from leitstand.maturity.selectors import suggestions
from leitstand.maturity.services import record_completed_assessment
from leitstand.tenancy.models import Organisation


def _answer(raw) -> tuple[str, str, str]:
    parts = list(raw) if isinstance(raw, list) else [raw]
    value, source, note = [*parts, *("manual", "")[len(parts) - 1 :]][:3]
    value = {True: "yes", False: "no"}.get(value, value)  # YAML reads a bare yes/no as bool
    return str(value), str(source), str(note or "")


def load_demo(organisation: Organisation, data: dict) -> None:
    records = data["assessments"]
    proposals = suggestions(organisation, landscape_snapshot(organisation))
    variant = load_catalogue().dii.key
    for record in records:
        assessment = {
            "assessed_on": record["assessed_on"],
            "assessor": record.get("assessor", ""),
            "notes": record.get("notes", ""),
            "dii_variant": variant,
        }
        answers = {}
        for key, raw in record["answers"].items():
            value, source, note = _answer(raw)
            proposal = proposals.get(key)
            suggested, facts = "", []
            if source != AnswerSource.MANUAL and proposal and proposal.value == value:
                suggested, facts = value, evidence.encode(proposal)
            else:
                source = AnswerSource.MANUAL
            answers[key] = {
                "value": value,
                "source": source,
                "suggested": suggested,
                "evidence": facts,
                "note": note,
            }
        record_completed_assessment(organisation, assessment, answers, actor=None)
