"""Reads of the maturity assessment: answers, results, the assessment before, and what the
landscape suggests today."""

from collections import defaultdict

from django.db.models import Count
from django.utils import timezone

from leitstand.analysis.maturity.initiatives import InitiativeFacts, strategy_of
from leitstand.analysis.maturity.prefill import CompanyFacts, Prefill, prefill
from leitstand.analysis.maturity.scoring import MaturityResult, score_assessment
from leitstand.analysis.snapshot import Snapshot
from leitstand.maturity.catalogue import load_catalogue, load_signals
from leitstand.maturity.models import AssessmentStatus, MaturityAnswer, MaturityAssessment
from leitstand.roadmap.models import Initiative, InitiativeStatus
from leitstand.tenancy.models import Organisation


def assessments_of(organisation: Organisation):
    return MaturityAssessment.objects.for_org(organisation)


def latest_completed(organisation: Organisation) -> MaturityAssessment | None:
    return assessments_of(organisation).filter(status=AssessmentStatus.COMPLETED).first()


def previous_completed(assessment: MaturityAssessment) -> MaturityAssessment | None:
    """The completed assessment before this one (by date, then by creation)."""
    earlier = (
        assessments_of(assessment.organisation)
        .filter(status=AssessmentStatus.COMPLETED)
        .exclude(pk=assessment.pk)
    )
    return (
        earlier.filter(assessed_on__lt=assessment.assessed_on).first()
        or earlier.filter(assessed_on=assessment.assessed_on, pk__lt=assessment.pk).first()
    )


def answer_rows(assessment: MaturityAssessment) -> dict[str, MaturityAnswer]:
    return {a.item: a for a in MaturityAnswer.objects.filter(assessment=assessment)}


def values_of(assessment: MaturityAssessment) -> dict[str, str]:
    rows = MaturityAnswer.objects.filter(assessment=assessment).values_list("item", "value")
    return dict(rows)


def result_of(assessment: MaturityAssessment) -> MaturityResult:
    return score_assessment(load_catalogue(), values_of(assessment))


def results_by_assessment(assessments) -> dict[int, MaturityResult]:
    """Results of many assessments in one query (the list page)."""
    ids = [a.pk for a in assessments]
    values: dict[int, dict[str, str]] = defaultdict(dict)
    rows = MaturityAnswer.objects.filter(assessment_id__in=ids).values_list(
        "assessment_id", "item", "value"
    )
    for assessment_id, item, value in rows:
        values[assessment_id][item] = value
    catalogue = load_catalogue()
    return {pk: score_assessment(catalogue, values.get(pk, {})) for pk in ids}


def suggestions(organisation: Organisation, snapshot: Snapshot) -> dict[str, Prefill]:
    """What the landscape suggests for each item today (pure, over the analysis snapshot)."""
    company = CompanyFacts(employees=organisation.employees)
    return prefill(snapshot, load_signals(), company, snapshot.as_of or timezone.localdate())


def initiative_facts(organisation: Organisation) -> list[InitiativeFacts]:
    """The organisation's initiatives (not stopped) as the facts the axis matching reads:
    three queries whatever their number."""
    initiatives = (
        Initiative.objects.for_org(organisation)
        .exclude(status=InitiativeStatus.STOPPED)
        .prefetch_related("findings")
        .annotate(scenario_count=Count("scenarios", distinct=True))
    )
    return [
        InitiativeFacts(
            id=initiative.pk,
            name=initiative.name,
            status=initiative.status,
            finding_kinds=frozenset(f.kind for f in initiative.findings.all()),
            strategy=strategy_of(initiative.proposal_key),
            has_scenario=initiative.scenario_count > 0,
        )
        for initiative in initiatives
    ]
