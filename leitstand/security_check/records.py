"""The latest completed company check for the analysis snapshot (one query), and its result
in the analysis JSON (`resilience.check`)."""

from django.db.models import OuterRef, Subquery

from leitstand.analysis import snapshot as snap
from leitstand.analysis.company_check.scoring import result_as_json, score_check
from leitstand.security_check.catalogue import load_catalogue
from leitstand.security_check.models import CheckStatus, SecurityCheck
from leitstand.security_check.selectors import nested_answers
from leitstand.tenancy.models import Organisation


def company_check_record(organisation: Organisation) -> snap.CompanyCheck | None:
    """One query: the latest completed check joined with its answers (none: one empty row)."""
    latest = (
        SecurityCheck.objects.filter(
            organisation=OuterRef("organisation"), status=CheckStatus.COMPLETED
        )
        .order_by("-checked_on", "-pk")
        .values("pk")[:1]
    )
    rows = list(
        SecurityCheck.objects.for_org(organisation)
        .filter(pk=Subquery(latest))
        .values_list("pk", "checked_on", "answers__requirement", "answers__item", "answers__value")
    )
    if not rows:
        return None
    answers = tuple(
        snap.CheckAnswer(number, item, value) for _pk, _day, number, item, value in rows if number
    )
    result = score_check(
        load_catalogue(), nested_answers((a.requirement, a.item, a.value) for a in answers)
    )
    return snap.CompanyCheck(
        id=rows[0][0],
        checked_on=rows[0][1],
        answers=answers,
        top_unmet=tuple(f"{number:02d}" for number in result.top_unmet),
    )


def company_check_as_json(record: snap.CompanyCheck | None) -> dict | None:
    """The same keys as `leitstand check import` prints, plus the check's date; None when the
    organisation has no completed check."""
    if record is None:
        return None
    answers = nested_answers((a.requirement, a.item, a.value) for a in record.answers)
    result = score_check(load_catalogue(), answers)
    return {"date": record.checked_on.isoformat(), **result_as_json(result)}
