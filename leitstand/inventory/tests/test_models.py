from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import PersonFactory, SystemFactory, VendorFactory

pytestmark = pytest.mark.django_db


def test_system_names_are_unique_per_organisation_ignoring_case(org, other_org):
    SystemFactory(organisation=org, name="DATEV")
    SystemFactory(organisation=other_org, name="datev")  # another organisation may use it
    with pytest.raises(IntegrityError):
        SystemFactory(organisation=org, name="datev")


def test_negative_cost_is_refused_by_the_database(org):
    with pytest.raises(IntegrityError):
        SystemFactory(organisation=org, annual_cost=Decimal("-1"))


def test_clean_rejects_owner_from_another_organisation(org, other_org):
    system = SystemFactory.build(organisation=org, owner=PersonFactory(organisation=other_org))
    with pytest.raises(ValidationError) as error:
        system.clean()
    assert "owner" in error.value.message_dict


def test_clean_rejects_end_of_support_before_introduction(org):
    system = SystemFactory.build(
        organisation=org, introduced_on=date(2020, 1, 1), end_of_support=date(2019, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        system.clean()
    assert "end_of_support" in error.value.message_dict


def test_clean_rejects_owner_as_own_deputy(org):
    person = PersonFactory(organisation=org)
    system = SystemFactory.build(organisation=org, owner=person, deputy=person)
    with pytest.raises(ValidationError) as error:
        system.clean()
    assert "deputy" in error.value.message_dict


@pytest.mark.parametrize(
    ("end_of_support", "expected"),
    [
        (None, "unknown"),
        (date(2026, 11, 22), "past"),
        (date(2026, 11, 23), "soon"),
        (date(2027, 11, 22), "soon"),
        (date(2027, 11, 23), "ok"),
    ],
)
def test_support_status_counts_twelve_months_from_today(end_of_support, expected):
    system = System(end_of_support=end_of_support)
    assert system.support_status(today=date(2026, 11, 23)) == expected


def test_shadow_it_is_what_is_not_centrally_managed(org):
    SystemFactory(organisation=org, centrally_managed=False)
    SystemFactory(organisation=org, centrally_managed=True)
    assert System.objects.for_org(org).shadow_it().count() == 1


def test_vendor_notice_deadline_is_notice_period_before_contract_end(org):
    vendor = VendorFactory(organisation=org, contract_end=date(2027, 3, 31), notice_period_months=3)
    assert vendor.notice_deadline == date(2026, 12, 31)
    assert VendorFactory(organisation=org, contract_end=None).notice_deadline is None
