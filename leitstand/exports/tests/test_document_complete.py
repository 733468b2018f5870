"""The complete JSON export is complete (issue 22, point 2): generated from the app registry,
every row of every model an organisation owns comes back, field for field, when the demo
company's export is loaded into a new organisation; only ids, the organisation, automatic
timestamps and a survey's public link are new."""

import io
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models

from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.exports.document import NOT_IN_DOCUMENT, PARTS, export_document, load_document
from leitstand.onboarding.services import create_organisation
from leitstand.tenancy.models import Organisation, TenantModel

#: Fields made anew on loading, by model label.
MADE_ANEW = {"surveys.Survey": {"token"}}


def _tenant_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if issubclass(m, TenantModel)]


def test_every_tenant_owned_model_is_a_part_or_left_out_with_a_reason():
    parts = {part.model._meta.label for part in PARTS}
    owned = {m._meta.label for m in _tenant_models()}
    assert owned == parts | set(NOT_IN_DOCUMENT), "add a Part (or a reason) for new models"
    assert not parts & set(NOT_IN_DOCUMENT)


def _compared(model) -> list[models.Field]:
    skip = MADE_ANEW.get(model._meta.label, set())
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key
        and f.name != "organisation"
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
        and f.name not in ("created_at", "updated_at")  # when recorded here
        and f.name not in skip
    ]


class Canon:
    """Rows written without ids: a relation becomes the canonical form of the row it names
    (a user: the e-mail address), so two organisations' rows can be compared."""

    def __init__(self, organisation):
        self.organisation = organisation
        self.memo: dict = {}

    def row(self, model, pk):
        if pk is None:
            return None
        if model is get_user_model():
            return model.objects.get(pk=pk).email
        key = (model, pk)
        if key not in self.memo:
            self.memo[key] = None  # a cycle ends here
            obj = model._base_manager.get(pk=pk)
            self.memo[key] = self._values(model, obj)
        return self.memo[key]

    def _values(self, model, obj) -> str:
        values = {}
        for field in _compared(model):
            value = getattr(obj, field.attname)
            if field.is_relation:
                value = self.row(field.related_model, value)
            values[field.name] = value
        for field in model._meta.many_to_many:
            related = getattr(obj, field.name).values_list("pk", flat=True)
            values[field.name] = sorted(self.row(field.related_model, pk) for pk in related)
        return json.dumps(values, sort_keys=True, default=str)

    def table(self, model) -> list[str]:
        rows = model._base_manager.filter(organisation=self.organisation).values_list(
            "pk", flat=True
        )
        return sorted(self.row(model, pk) for pk in rows)


def _difference(mine: list[str], theirs: list[str]) -> str:
    """The fields that differ between the first rows that differ."""
    lost = [json.loads(r) for r in mine if r not in theirs]
    new = [json.loads(r) for r in theirs if r not in mine]
    if not lost or not new:
        return f"{len(mine)} rows before, {len(theirs)} after"
    fields = sorted(k for k in lost[0] if lost[0].get(k) != new[0].get(k))
    return f"fields differ: {fields}; before {[lost[0][k] for k in fields]!r:.300}"


@pytest.mark.django_db
def test_the_demo_company_comes_back_row_for_row_and_field_for_field(capsys):
    call_command("load_demo", stdout=io.StringIO())
    original = Organisation.objects.get(slug="muster-logistik")
    document = json.loads(json.dumps(export_document(original)))
    copy = create_organisation(owner=None, name="Kopie GmbH", slug="kopie")
    load_document(copy, document)

    before, after = Canon(original), Canon(copy)
    rows = fields = 0
    for part in PARTS:
        mine, theirs = before.table(part.model), after.table(part.model)
        if part.match_on:  # catalogue rows seeded into every new organisation may be extra
            assert set(mine) <= set(theirs), part.key
        else:
            assert theirs == mine, f"{part.key}: {_difference(mine, theirs)}"
        rows += len(mine)
        fields += len(mine) * (len(_compared(part.model)) + len(part.model._meta.many_to_many))
    assert len(document["surveys"]) and len(document["survey_answers"])
    with capsys.disabled():
        print(f"\nJSON export round trip: {len(PARTS)} parts, {rows} rows, {fields} fields equal")


@pytest.mark.django_db
def test_who_assessed_and_decided_is_linked_by_e_mail_or_kept_as_text(org, owner):
    from leitstand.assessment.tests.factories import AssessmentFactory
    from leitstand.inventory.tests.factories import SystemFactory

    system = SystemFactory(organisation=org)
    AssessmentFactory(organisation=org, system=system, assessed_by=owner)
    RecommendationOverride.objects.create(
        organisation=org,
        system=system,
        strategy="retire",
        reason="Licence ends",
        computed_strategy="replace",
        decided_by=owner,
    )
    document = json.loads(json.dumps(export_document(org)))
    assert document["recommendation_overrides"][0]["computed_strategy"] == "replace"
    assert document["assessments"][0]["assessed_by_email"] == owner.email
    document["recommendation_overrides"][0]["decided_by_email"] = "gone@elsewhere.example"

    copy = create_organisation(owner=None, name="Kopie GmbH", slug="kopie")
    load_document(copy, document)
    assessment = Assessment.objects.get(organisation=copy)
    assert assessment.assessed_by == owner and assessment.assessed_by_name == ""
    override = RecommendationOverride.objects.get(organisation=copy)
    assert override.computed_strategy == "replace"
    assert override.decided_by is None and override.decided_by_name == "gone@elsewhere.example"
    assert override.decider == "gone@elsewhere.example"
    again = export_document(copy)["recommendation_overrides"][0]
    assert again["decided_by_email"] == "gone@elsewhere.example"
