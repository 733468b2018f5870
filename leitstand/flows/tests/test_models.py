import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from leitstand.flows.models import Integration
from leitstand.flows.tests.factories import DataObjectFactory, IntegrationFactory
from leitstand.inventory.tests.factories import SystemFactory

pytestmark = pytest.mark.django_db


def test_a_flow_reads_as_source_to_target(org):
    flow = IntegrationFactory(
        organisation=org,
        source__name="Outlook",
        target__name="ERP",
    )
    assert str(flow) == "Outlook → ERP"
    assert flow.get_absolute_url() == f"/o/acme/integrations/{flow.pk}/"


@pytest.mark.parametrize(
    ("method", "category", "automated"),
    [("api", "automated", True), ("file", "file", False), ("paper", "manual", False)],
)
def test_whether_a_flow_is_automated_follows_from_its_method(org, method, category, automated):
    flow = IntegrationFactory.build(organisation=org, method=method)
    assert flow.category == category
    assert flow.is_automated is automated


def test_self_loop_is_rejected_in_clean(org):
    system = SystemFactory(organisation=org)
    flow = Integration(organisation=org, source=system, target=system, method="api")
    with pytest.raises(ValidationError) as error:
        flow.full_clean()
    assert "target" in error.value.message_dict


def test_self_loop_is_rejected_by_the_database(org):
    system = SystemFactory(organisation=org)
    with pytest.raises(IntegrityError), transaction.atomic():
        Integration.objects.create(organisation=org, source=system, target=system, method="api")


def test_systems_of_another_organisation_are_rejected(org, other_org):
    mine = SystemFactory(organisation=org)
    theirs = SystemFactory(organisation=other_org)
    flow = Integration(organisation=org, source=mine, target=theirs, method="file")
    with pytest.raises(ValidationError) as error:
        flow.full_clean()
    assert error.value.message_dict["target"] == ["Choose a system of this organisation."]


def test_error_rate_above_100_is_rejected_by_the_database(org):
    flow = IntegrationFactory(organisation=org)
    flow.error_rate_percent = 120
    with pytest.raises(IntegrityError), transaction.atomic():
        flow.save()


def test_negative_minutes_fail_validation(org):
    flow = IntegrationFactory.build(
        organisation=org,
        source=SystemFactory(organisation=org),
        target=SystemFactory(organisation=org),
        minutes_per_run=-3,
    )
    with pytest.raises(ValidationError) as error:
        flow.full_clean()
    assert "minutes_per_run" in error.value.message_dict


def test_data_object_name_follows_the_language(org, settings):
    data = DataObjectFactory(organisation=org, name_en="Orders", name_de="Aufträge")
    from django.utils import translation

    with translation.override("de"):
        assert data.name == "Aufträge"
    assert data.name == "Orders"
