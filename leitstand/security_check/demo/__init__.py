"""Loads the demo's company checks (`<organisation-slug>.yaml` beside this file), completed,
oldest first. A requirement is given by its outcome (met / not_met / unknown / not_relevant)
or, where its parts differ, by its answers per part."""

from leitstand.analysis.company_check.scoring import answers_for_outcome
from leitstand.security_check.catalogue import load_catalogue
from leitstand.security_check.services import record_completed_check
from leitstand.tenancy.models import Organisation


def _item_answers(record: dict) -> dict[tuple[str, str], str]:
    catalogue = load_catalogue()
    values = {}
    for number, given in record["answers"].items():
        requirement = catalogue.requirement(number)
        if isinstance(given, str):
            per_item = answers_for_outcome(requirement, given)
        else:
            per_item = {"status": "yes"} if requirement.status else {}
            per_item.update(given)
        values.update({(number, item): value for item, value in per_item.items()})
    return values


def load_demo(organisation: Organisation, data: dict) -> None:
    for record in data.get("checks", []):
        notes = record.get("notes_per_answer", {})
        answers = {
            (number, item): (value, notes.get(number, {}).get(item, ""))
            for (number, item), value in _item_answers(record).items()
        }
        check = {
            "checked_on": record["checked_on"],
            "interviewer": record["interviewer"],
            "notes": record["notes"],
        }
        record_completed_check(organisation, check, answers, actor=None)
