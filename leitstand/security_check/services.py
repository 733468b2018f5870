"""Writes of the company check: start (or repeat) a check, save an area's answers, complete it,
delete it, and record a completed one (the JSON exchange format, the demo). Each runs in one
transaction."""

from collections.abc import Mapping
from datetime import date

from django.db import transaction
from django.utils import timezone

from leitstand.analysis.company_check.scoring import answers_for_outcome
from leitstand.core.actor import acting_as
from leitstand.security_check.catalogue import load_catalogue
from leitstand.security_check.exchange import parse_exchange
from leitstand.security_check.models import Answer, CheckStatus, SecurityCheck
from leitstand.security_check.selectors import answer_rows, latest_completed
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import bump_landscape


def _answers(check: SecurityCheck, values: Mapping[tuple[str, str], tuple[str, str]]) -> list:
    return [
        Answer(
            organisation=check.organisation,
            security_check=check,
            requirement=number,
            item=item,
            value=value,
            note=note,
        )
        for (number, item), (value, note) in values.items()
    ]


def start_check(
    organisation: Organisation,
    actor,
    checked_on: date | None = None,
    interviewer: str = "",
    notes: str = "",
    repeat: bool = False,
) -> SecurityCheck:
    """A new check; `repeat` copies the answers and notes of the latest completed check."""
    with transaction.atomic(), acting_as(actor):
        previous = latest_completed(organisation) if repeat else None
        check = SecurityCheck(
            organisation=organisation,
            checked_on=checked_on or timezone.localdate(),
            interviewer=interviewer,
            notes=notes,
            current_area=load_catalogue().areas[0].key,
        )
        check.full_clean()
        check.save()
        if previous is not None:
            copied = {
                key: (answer.value, answer.note) for key, answer in answer_rows(previous).items()
            }
            Answer.objects.bulk_create(_answers(check, copied))
            bump_landscape(organisation)  # bulk writes send no signals
    return check


def save_answers(
    check: SecurityCheck,
    values: Mapping[tuple[str, str], tuple[str, str]],
    actor,
    current_area: str,
) -> None:
    """Store the answers of one interview page; unchanged answers are left alone (no audit)."""
    existing = answer_rows(check)
    with transaction.atomic(), acting_as(actor):
        for key, (value, note) in values.items():
            answer = existing.get(key)
            if answer is None:
                number, item = key
                Answer.objects.create(
                    organisation=check.organisation,
                    security_check=check,
                    requirement=number,
                    item=item,
                    value=value,
                    note=note,
                )
            elif (answer.value, answer.note) != (value, note):
                answer.value, answer.note = value, note
                answer.save(update_fields=["value", "note"])
        if check.current_area != current_area:
            check.current_area = current_area
            check.save(update_fields=["current_area", "updated_at"])


def complete_check(check: SecurityCheck, actor) -> None:
    with transaction.atomic(), acting_as(actor):
        check.status = CheckStatus.COMPLETED
        check.save(update_fields=["status", "updated_at"])


def delete_check(check: SecurityCheck, *, actor) -> None:
    with transaction.atomic(), acting_as(actor):
        check.delete()


def import_check(organisation: Organisation, data, actor=None) -> SecurityCheck:
    """A completed check from the exchange format; raises ExchangeError and writes nothing
    when any entry is wrong."""
    exchange = parse_exchange(data)
    catalogue = load_catalogue()
    values = {}
    for number, outcome in exchange.outcomes.items():
        for item, value in answers_for_outcome(catalogue.requirement(number), outcome).items():
            values[(number, item)] = (value, "")
    check = {
        "checked_on": exchange.checked_on or timezone.localdate(),
        "interviewer": exchange.interviewer,
        "notes": exchange.notes,
    }
    return record_completed_check(organisation, check, values, actor=actor)


def record_completed_check(
    organisation: Organisation,
    check_values: dict,
    answers: Mapping[tuple[str, str], tuple[str, str]],
    *,
    actor,
) -> SecurityCheck:
    """A check held elsewhere (an exchange file, the demo), completed, with its answers
    ((requirement, item) -> (value, note)) written in bulk."""
    with transaction.atomic(), acting_as(actor):
        check = SecurityCheck(
            organisation=organisation, status=CheckStatus.COMPLETED, **check_values
        )
        check.full_clean()
        check.save()
        Answer.objects.bulk_create(_answers(check, answers))
        bump_landscape(organisation)  # bulk writes send no signals
    return check
