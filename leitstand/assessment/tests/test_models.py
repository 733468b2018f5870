"""Invariants of assessments and overrides, in clean() and in the database."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.assessment.tests.factories import AssessmentFactory, RecommendationOverrideFactory
from leitstand.inventory.tests.factories import SystemFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["criticality", "health", "integration"])
@pytest.mark.parametrize("value", [0, 5])
def test_scores_outside_1_to_4_are_rejected(org, field, value):
    assessment = AssessmentFactory.build(organisation=org, system=SystemFactory(organisation=org))
    setattr(assessment, field, value)
    with pytest.raises(ValidationError) as error:
        assessment.full_clean()
    assert field in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        assessment.save()


def test_a_system_of_another_organisation_cannot_be_assessed(org, other_org):
    foreign = SystemFactory(organisation=other_org)
    assessment = AssessmentFactory.build(organisation=org, system=foreign)
    with pytest.raises(ValidationError) as error:
        assessment.full_clean()
    assert "system" in error.value.message_dict


def test_health_is_never_above_1_after_the_end_of_support(org):
    system = SystemFactory(organisation=org, end_of_support=date(2020, 10, 13))
    assessment = AssessmentFactory.build(organisation=org, system=system, health=2)
    with pytest.raises(ValidationError) as error:
        assessment.full_clean()
    assert "13 Oct 2020" in error.value.message_dict["health"][0]
    assessment.health = 1
    assessment.full_clean()
    before = AssessmentFactory.build(
        organisation=org, system=system, health=3, assessed_on=date(2020, 1, 1)
    )
    before.full_clean()  # an assessment from before the end of support may say more


def test_answers_must_be_known_questions_and_options(org):
    assessment = AssessmentFactory.build(organisation=org, system=SystemFactory(organisation=org))
    assessment.answers = {"gone_for_a_day": "meteor"}
    with pytest.raises(ValidationError) as error:
        assessment.full_clean()
    assert "answers" in error.value.message_dict
    assessment.answers = {"gone_for_a_day": "company_stops"}
    assessment.full_clean()


def test_an_assessment_cannot_be_dated_in_the_future(org):
    tomorrow = timezone.localdate() + timedelta(days=1)
    assessment = AssessmentFactory.build(
        organisation=org, system=SystemFactory(organisation=org), assessed_on=tomorrow
    )
    with pytest.raises(ValidationError) as error:
        assessment.full_clean()
    assert "assessed_on" in error.value.message_dict


def test_an_override_needs_a_reason(org):
    override = RecommendationOverrideFactory.build(
        organisation=org, system=SystemFactory(organisation=org), reason="   "
    )
    with pytest.raises(ValidationError) as error:
        override.full_clean()
    assert "reason" in error.value.message_dict
    override.reason = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        override.save()


def test_one_override_per_system(org):
    first = RecommendationOverrideFactory(organisation=org)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationOverride.objects.create(
            organisation=org, system=first.system, strategy="retain", reason="Again."
        )


def test_the_newest_assessment_comes_first(org):
    system = SystemFactory(organisation=org)
    old = AssessmentFactory(organisation=org, system=system, assessed_on=date(2025, 1, 1))
    new = AssessmentFactory(organisation=org, system=system, assessed_on=date(2026, 1, 1))
    assert list(Assessment.objects.for_org(org)) == [new, old]
    assert str(new) == f"{system.name}, assessed on 1 Jan 2026"
