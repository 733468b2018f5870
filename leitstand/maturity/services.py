"""Writes of the maturity assessment: start (or repeat) one with the suggested answers, save
the answers, complete or delete it, record a completed one (the exchange format, the demo).
Each in one transaction."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from leitstand.analysis.maturity.prefill import Prefill
from leitstand.analysis.snapshot import Snapshot
from leitstand.core.actor import acting_as
from leitstand.maturity import evidence, selectors
from leitstand.maturity.catalogue import load_catalogue
from leitstand.maturity.exchange import parse_exchange
from leitstand.maturity.models import (
    AnswerSource,
    AnswerValue,
    AssessmentStatus,
    MaturityAnswer,
    MaturityAssessment,
)
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import bump_landscape


@dataclass(frozen=True)
class Given:
    """One answer as a page or a file gives it."""

    value: str
    confirmed: bool = False  # the user confirmed the suggested answer
    note: str = ""


def _start_values(
    previous: Mapping[str, MaturityAnswer], proposals: Mapping[str, Prefill]
) -> dict[str, dict]:
    """The first answers of a new assessment: the last answers where there are any, and the
    landscape's suggestion where it has one. A suggestion that differs from the last answer
    replaces it and waits for confirmation; one that agrees keeps the last answer's source."""
    rows = {}
    for item in load_catalogue().items:
        last = previous.get(item.key)
        proposal = proposals.get(item.key)
        suggested = proposal.value if proposal is not None and proposal.value else ""
        value = last.value if last else AnswerValue.UNKNOWN
        source = last.source if last else AnswerSource.MANUAL
        if suggested and (last is None or last.value != suggested):
            value, source = suggested, AnswerSource.PREFILLED
        elif not suggested:
            source = AnswerSource.MANUAL  # nothing suggests it (any more): the answer is theirs
        rows[item.key] = {
            "value": value,
            "source": source,
            "suggested": suggested,
            "evidence": evidence.encode(proposal) if proposal else [],
            "note": last.note if last else "",
        }
    return rows


def start_assessment(
    organisation: Organisation,
    actor,
    snapshot: Snapshot,
    assessed_on: date | None = None,
    assessor: str = "",
    notes: str = "",
    repeat: bool = False,
) -> MaturityAssessment:
    """A new assessment with Leitstand's suggestions; `repeat` starts from the last answers."""
    proposals = selectors.suggestions(organisation, snapshot)
    with transaction.atomic(), acting_as(actor):
        previous = selectors.latest_completed(organisation) if repeat else None
        assessment = MaturityAssessment(
            organisation=organisation,
            assessed_on=assessed_on or timezone.localdate(),
            assessor=assessor,
            notes=notes,
            dii_variant=load_catalogue().dii.key,
        )
        assessment.full_clean()
        assessment.save()
        last = selectors.answer_rows(previous) if previous else {}
        MaturityAnswer.objects.bulk_create(
            MaturityAnswer(organisation=organisation, assessment=assessment, item=key, **row)
            for key, row in _start_values(last, proposals).items()
        )
        bump_landscape(organisation)  # bulk writes send no signals
    return assessment


def source_for(given: Given, suggested: str) -> str:
    if suggested and given.value == suggested:
        return AnswerSource.CONFIRMED if given.confirmed else AnswerSource.PREFILLED
    return AnswerSource.MANUAL


def save_answers(assessment: MaturityAssessment, given: Mapping[str, Given], actor) -> int:
    """Store the answers of the questionnaire; unchanged ones are left alone (no audit entry).
    Returns the number of answers changed."""
    existing = selectors.answer_rows(assessment)
    changed = 0
    with transaction.atomic(), acting_as(actor):
        for key, answer in given.items():
            row = existing.get(key)
            if row is None:
                row = MaturityAnswer(
                    organisation=assessment.organisation, assessment=assessment, item=key
                )
            source = source_for(answer, row.suggested)
            if row.pk and (row.value, row.source, row.note) == (answer.value, source, answer.note):
                continue
            row.value, row.source, row.note = answer.value, source, answer.note
            row.full_clean()
            row.save()
            changed += 1
    return changed


def complete_assessment(assessment: MaturityAssessment, actor) -> None:
    with transaction.atomic(), acting_as(actor):
        assessment.status = AssessmentStatus.COMPLETED
        assessment.save(update_fields=["status", "updated_at"])


def delete_assessment(assessment: MaturityAssessment, actor) -> None:
    with transaction.atomic(), acting_as(actor):
        assessment.delete()


def import_assessment(organisation: Organisation, data, actor=None) -> MaturityAssessment:
    """A completed assessment from the exchange format; raises ExchangeError and writes
    nothing when any entry is wrong."""
    exchange = parse_exchange(data, load_catalogue())
    assessment = {
        "assessed_on": exchange.assessed_on or timezone.localdate(),
        "assessor": exchange.assessor,
        "notes": exchange.notes,
        "dii_variant": exchange.dii_variant,
    }
    answers = {
        key: {
            "value": answer.value,
            "source": answer.source,
            "suggested": answer.suggested,
            "note": answer.note,
        }
        for key, answer in exchange.answers.items()
    }
    return record_completed_assessment(organisation, assessment, answers, actor=actor)


def record_completed_assessment(
    organisation: Organisation, values: dict, answers: Mapping[str, dict], *, actor
) -> MaturityAssessment:
    """An assessment held elsewhere (an exchange file, the demo), completed, with its answers
    (item -> value, source, suggested, evidence, note) written in bulk."""
    with transaction.atomic(), acting_as(actor):
        assessment = MaturityAssessment(
            organisation=organisation, status=AssessmentStatus.COMPLETED, **values
        )
        assessment.full_clean()
        assessment.save()
        MaturityAnswer.objects.bulk_create(
            MaturityAnswer(organisation=organisation, assessment=assessment, item=key, **row)
            for key, row in answers.items()
        )
        bump_landscape(organisation)  # bulk writes send no signals
    return assessment
