"""The demo's company checks (leitstand/demo/*_check.py), completed, oldest first.

A demo organisation whose data module has no check module (the bakery) gets none.
"""

import importlib
from types import ModuleType

from leitstand.security_check.catalogue import load_catalogue
from leitstand.security_check.models import Answer, CheckStatus, SecurityCheck
from leitstand.security_check.scoring import answers_for_outcome
from leitstand.tenancy.models import Organisation


def check_data(data: ModuleType) -> ModuleType | None:
    """`leitstand.demo.muster_logistik` -> `leitstand.demo.muster_logistik_check`."""
    try:
        return importlib.import_module(f"{data.__name__}_check")
    except ModuleNotFoundError:
        return None


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


def load_demo(organisation: Organisation, data: ModuleType) -> None:
    module = check_data(data)
    if module is None:
        return
    for record in module.CHECKS:
        check = SecurityCheck(
            organisation=organisation,
            checked_on=record["checked_on"],
            interviewer=record["interviewer"],
            notes=record["notes"],
            status=CheckStatus.COMPLETED,
        )
        check.full_clean()
        check.save()
        notes = record["notes_per_answer"]
        Answer.objects.bulk_create(
            Answer(
                organisation=organisation,
                security_check=check,
                requirement=number,
                item=item,
                value=value,
                note=notes.get((number, item), ""),
            )
            for (number, item), value in _item_answers(record).items()
        )
