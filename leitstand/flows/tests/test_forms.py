import pytest
from django.utils import translation

from leitstand.flows.forms import DataObjectForm, IntegrationForm
from leitstand.flows.tests.factories import DataObjectFactory
from leitstand.inventory.tests.factories import SystemFactory

pytestmark = pytest.mark.django_db


def _data(source, target, **fields):
    return {
        "source": source.pk,
        "target": target.pk,
        "method": "manual",
        "frequency": "day",
        "runs_per_period": "40",
        "minutes_per_run": "17",
        "error_rate_percent": "3",
        "minutes_to_fix_error": "15",
        "status": "active",
        **fields,
    }


def test_a_valid_flow_saves(org):
    source, target = SystemFactory(organisation=org), SystemFactory(organisation=org)
    orders = DataObjectFactory(organisation=org)
    form = IntegrationForm(_data(source, target, data_objects=[orders.pk]), organisation=org)
    assert form.is_valid(), form.errors
    flow = form.save()
    assert flow.organisation == org
    assert list(flow.data_objects.all()) == [orders]


def test_self_loop_gets_a_clear_error(org):
    system = SystemFactory(organisation=org)
    form = IntegrationForm(_data(system, system), organisation=org)
    assert not form.is_valid()
    assert form.errors["target"] == [
        "Data cannot flow from a system to itself: choose two different systems."
    ]


def test_self_loop_error_in_german(org):
    system = SystemFactory(organisation=org)
    with translation.override("de"):
        form = IntegrationForm(_data(system, system), organisation=org)
        assert not form.is_valid()
        assert "sich selbst" in form.errors["target"][0]


def test_a_system_of_another_organisation_is_not_offered(org, other_org):
    mine, theirs = SystemFactory(organisation=org), SystemFactory(organisation=other_org)
    form = IntegrationForm(_data(mine, theirs), organisation=org)
    assert not form.is_valid()
    assert "target" in form.errors
    assert theirs not in form.fields["target"].queryset


def test_data_objects_of_another_organisation_are_refused(org, other_org):
    source, target = SystemFactory(organisation=org), SystemFactory(organisation=org)
    theirs = DataObjectFactory(organisation=other_org)
    form = IntegrationForm(_data(source, target, data_objects=[theirs.pk]), organisation=org)
    assert not form.is_valid()
    assert "data_objects" in form.errors


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("minutes_per_run", "-5"),
        ("error_rate_percent", "101"),
        ("error_rate_percent", "-1"),
        ("minutes_to_fix_error", "-1"),
        ("runs_per_period", "-2"),
    ],
)
def test_numbers_out_of_range_are_refused(org, field, value):
    source, target = SystemFactory(organisation=org), SystemFactory(organisation=org)
    form = IntegrationForm(_data(source, target, **{field: value}), organisation=org)
    assert not form.is_valid()
    assert field in form.errors


def test_unknown_numbers_may_stay_empty(org):
    source, target = SystemFactory(organisation=org), SystemFactory(organisation=org)
    data = _data(source, target, runs_per_period="", minutes_per_run="", error_rate_percent="")
    form = IntegrationForm(data, organisation=org)
    assert form.is_valid(), form.errors
    assert form.save().runs_per_period is None


def test_data_object_needs_a_name_and_unique_names(org):
    DataObjectFactory(organisation=org, name_en="Orders", name_de="Aufträge")
    assert not DataObjectForm({"name_en": "", "name_de": ""}, organisation=org).is_valid()
    form = DataObjectForm({"name_en": "orders", "name_de": "Bestellungen"}, organisation=org)
    assert not form.is_valid()
    assert "name_en" in form.errors


def test_data_object_masters_are_systems_of_the_organisation(org, other_org):
    mine, theirs = SystemFactory(organisation=org), SystemFactory(organisation=other_org)
    form = DataObjectForm(
        {"name_en": "Customers", "master_systems": [mine.pk, theirs.pk]}, organisation=org
    )
    assert not form.is_valid()
    form = DataObjectForm({"name_en": "Customers", "master_systems": [mine.pk]}, organisation=org)
    assert form.is_valid(), form.errors
