from datetime import date

import pytest

from leitstand.inventory.forms import CapabilityForm, SystemForm
from leitstand.inventory.tests.factories import CapabilityFactory, PersonFactory, SystemFactory

pytestmark = pytest.mark.django_db


def system_form(org, **data):
    return SystemForm(
        data={"name": "ERP", "kind": "application", "lifecycle": "active", **data}, organisation=org
    )


def test_minimal_system_is_valid(org):
    form = system_form(org)
    assert form.is_valid(), form.errors


def test_negative_costs_are_rejected(org):
    form = system_form(org, annual_cost="-10", one_off_cost="-1")
    assert not form.is_valid()
    assert "annual_cost" in form.errors
    assert "one_off_cost" in form.errors


def test_end_of_support_before_introduction_is_rejected(org):
    form = system_form(org, introduced_on="2020-05-01", end_of_support="2019-01-01")
    assert not form.is_valid()
    assert "End of support cannot be before" in str(form.errors["end_of_support"])


def test_owner_from_another_organisation_is_not_a_valid_choice(org, other_org):
    stranger = PersonFactory(organisation=other_org)
    form = system_form(org, owner=stranger.pk)
    assert not form.is_valid()
    assert "owner" in form.errors


def test_relation_choices_offer_only_the_organisations_own_entries(org, other_org):
    own = PersonFactory(organisation=org)
    PersonFactory(organisation=other_org)
    form = system_form(org)
    assert list(form.fields["owner"].queryset) == [own]


def test_duplicate_name_is_rejected_ignoring_case(org):
    SystemFactory(organisation=org, name="ProLog ERP")
    form = system_form(org, name="prolog erp")
    assert not form.is_valid()
    assert "already exists" in str(form.errors["name"])


def test_renaming_keeps_its_own_name_valid(org):
    system = SystemFactory(organisation=org, name="ProLog ERP")
    form = SystemForm(
        data={"name": "ProLog ERP", "kind": "application", "lifecycle": "active"},
        instance=system,
        organisation=org,
    )
    assert form.is_valid(), form.errors


def test_script_and_formula_in_name_are_kept_as_text(org):
    form = system_form(org, name='=HYPERLINK("x") <script>alert(1)</script>')
    assert form.is_valid()
    system = form.save()
    assert system.name == '=HYPERLINK("x") <script>alert(1)</script>'


def test_dates_are_saved(org):
    form = system_form(org, introduced_on="2014-04-01", end_of_support="2027-06-30")
    assert form.is_valid(), form.errors
    assert form.save().end_of_support == date(2027, 6, 30)


def test_capability_needs_a_name_in_one_language(org):
    assert not CapabilityForm(data={}, organisation=org).is_valid()
    assert CapabilityForm(data={"name_de": "Tourenplanung"}, organisation=org).is_valid()


def test_capability_names_are_unique_per_language(org):
    CapabilityFactory(organisation=org, name_de="Tourenplanung")
    form = CapabilityForm(data={"name_de": "tourenplanung"}, organisation=org)
    assert not form.is_valid()
    assert "name_de" in form.errors


def test_kind_and_management_may_stay_unknown(org):
    form = system_form(org, kind="", centrally_managed="unknown")
    assert form.is_valid(), form.errors
    system = form.save()
    assert (system.kind, system.centrally_managed) == ("", None)
    assert not system.is_shadow_it


def test_kinds_of_system_are_the_methods_kinds_and_hosting_is_apart(org):
    form = system_form(org, kind="suite", hosting="saas", centrally_managed="false")
    assert form.is_valid(), form.errors
    system = form.save()
    assert (system.kind, system.hosting, system.is_shadow_it) == ("suite", "saas", True)
    offered = [value for value, _label in form.fields["kind"].choices]
    assert offered == [
        "",
        "application",
        "suite",
        "infrastructure",
        "device",
        "spreadsheet",
        "authority_portal",
    ]
    assert "saas" not in offered
