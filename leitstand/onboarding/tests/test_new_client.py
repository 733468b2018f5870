"""A consultant starts a new client from a template organisation, or restores a complete JSON
export through the page (the same loader as `leitstand import`)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leitstand.exports.document import export_document
from leitstand.inventory.models import Capability, System
from leitstand.inventory.tests.factories import CapabilityFactory, SystemFactory
from leitstand.processes.models import Process, ProcessStep
from leitstand.processes.tests.factories import ProcessFactory, ProcessStepFactory
from leitstand.tenancy.models import Membership, Organisation, Role

pytestmark = pytest.mark.django_db

NEW = {"name": "Neu GmbH", "slug": "neu"}


def test_new_client_from_a_template_gets_its_standards_but_no_facts(login, owner, org):
    CapabilityFactory(organisation=org, name_en="Route planning", name_de="Tourenplanung")
    erp = SystemFactory(organisation=org, name="ERP")
    process = ProcessFactory(organisation=org, name="Order intake")
    ProcessStepFactory(organisation=org, process=process, name="Type the order", system=erp)
    response = login(owner).post(reverse("organisation_create"), {**NEW, "template": org.pk})
    assert response.status_code == 302
    new = Organisation.objects.get(slug="neu")
    assert Membership.objects.get(organisation=new).role == Role.OWNER
    assert Capability.objects.filter(organisation=new, name_en="Route planning").exists()
    step = ProcessStep.objects.get(organisation=new)
    assert (step.process.name, step.name, step.system) == ("Order intake", "Type the order", None)
    assert not System.objects.filter(organisation=new).exists()


def test_only_own_organisations_can_be_templates(login, outsider, org):
    response = login(outsider).post(reverse("organisation_create"), {**NEW, "template": org.pk})
    assert response.status_code == 200 and not Organisation.objects.filter(slug="neu").exists()


def _upload(document) -> SimpleUploadedFile:
    return SimpleUploadedFile("export.json", json.dumps(document).encode(), "application/json")


def test_restore_a_json_export_through_the_page(login, owner, org):
    SystemFactory(organisation=org, name="CRM")
    ProcessFactory(organisation=org, name="Invoicing")
    document = export_document(org)
    response = login(owner).post(
        reverse("organisation_create"), {**NEW, "export_file": _upload(document)}
    )
    assert response.status_code == 302
    new = Organisation.objects.get(slug="neu")
    assert System.objects.filter(organisation=new, name="CRM").exists()
    assert Process.objects.filter(organisation=new, name="Invoicing").exists()


def test_a_broken_export_is_refused_and_leaves_nothing_behind(login, owner):
    response = login(owner).post(
        reverse("organisation_create"), {**NEW, "export_file": _upload({"format": "other"})}
    )
    assert response.status_code == 200
    assert "not a Leitstand export" in response.text
    assert not Organisation.objects.filter(slug="neu").exists()
