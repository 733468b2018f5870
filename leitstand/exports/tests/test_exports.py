"""Exports: xlsx per entity, csv per entity, JSON that loads into an empty organisation."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from python_calamine import CalamineWorkbook

from leitstand.core.sheets import neutralise
from leitstand.exports.document import DocumentProblem, export_document, load_document
from leitstand.flows.models import DataObject
from leitstand.flows.services import seed_data_objects
from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.models import Capability, System
from leitstand.inventory.services import seed_capabilities
from leitstand.inventory.tests.factories import (
    CapabilityFactory,
    DepartmentFactory,
    PersonFactory,
    SystemFactory,
    VendorFactory,
)
from leitstand.onboarding.services import create_organisation


@pytest.fixture
def landscape(org):
    sales = DepartmentFactory(organisation=org, name="Vertrieb")
    erika = PersonFactory(organisation=org, name="Erika", department=sales)
    max_ = PersonFactory(organisation=org, name="Max")
    vendor = VendorFactory(organisation=org, name="=cmd|' /C calc'!A0")
    seed_capabilities(org)  # every organisation starts with the catalogue
    capability = CapabilityFactory(organisation=org, name_en="Route planning", name_de="Touren")
    system = SystemFactory(
        organisation=org,
        name="ERP",
        owner=erika,
        deputy=max_,
        vendor=vendor,
        annual_cost=Decimal("12345.67"),
        notes="@SUM(1+1)",
        personal_data=True,
    )
    system.departments.add(sales)
    system.capabilities.add(capability)
    other = SystemFactory(organisation=org, name="-2+3", annual_cost=None)
    seed_data_objects(org)
    orders = DataObject.objects.get(organisation=org, key="orders")
    orders.master_systems.add(system)
    flow = IntegrationFactory(
        organisation=org, source=system, target=other, method="manual", minutes_per_run=5
    )
    flow.data_objects.add(orders)
    return org


@pytest.mark.parametrize("text", ["=1+1", "+49 30 1234", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_cells_that_would_run_as_formulas_are_neutralised(text):
    assert neutralise(text) == "'" + text


def test_xlsx_has_one_sheet_per_entity_and_no_formulas(login, landscape, viewer):
    response = login(viewer).get(reverse("exports:download", kwargs={"org": "acme"}))
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheet_names == [
        "Systems",
        "Integrations",
        "Data objects",
        "Departments",
        "People",
        "Vendors",
        "Capabilities",
        "Processes",
        "Process steps",
        "Automation scenarios",
        "KPIs",
        "KPI measurements",
        "Members",
        "Organisation",
        "Assessments",
        "Recommendation overrides",
        "Business impacts",
        "Initiatives",
        "Options and business cases",
        "Phases",
        "Milestones",
        "Finding statuses",
        "Maturity answers",
        "Funding plans",
        "De-minimis aid",
        "Partner and linked enterprises",
        "Catalogue links",
        "Recurring payments",
    ]
    systems = workbook.get_sheet_by_name("Systems").to_python()
    assert systems[0][0] == "Name" and systems[0][12] == "Annual cost (EUR)"
    erp = next(row for row in systems if row[0] == "ERP")
    assert erp[12] == 12345.67
    assert erp[21] == "'@SUM(1+1)"
    assert any(row[0] == "'-2+3" for row in systems)
    vendors = workbook.get_sheet_by_name("Vendors").to_python()
    assert vendors[1][0].startswith("'=cmd")


def test_csv_per_entity_in_german_uses_semicolons_and_decimal_commas(login, landscape, viewer):
    client = login(viewer)
    client.cookies["leitstand_language"] = "de"
    url = reverse("exports:download", kwargs={"org": "acme"})
    response = client.get(url, {"format": "csv", "entity": "systems"})
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert "12345,67" in text and ";" in text.splitlines()[0]
    assert client.get(url, {"format": "csv", "entity": "nope"}).status_code == 400


def test_json_round_trip_into_an_empty_organisation(landscape, owner):
    document = json.loads(json.dumps(export_document(landscape)))
    copy = create_organisation(owner=owner, name="Copy GmbH", slug="copy")
    counts = load_document(copy, document)
    assert counts["systems"] == 2
    assert counts["integrations"] == 1
    assert _comparable(export_document(copy)) == _comparable(document)


def _comparable(document: dict) -> dict:
    """The document with ids replaced by names, so two organisations can be compared."""
    names = {}
    parts = ("departments", "people", "vendors", "capabilities", "systems", "data_objects")
    for key in parts:
        for record in document[key]:
            names[(key, record["id"])] = record.get("name") or record.get("name_en")
    refs = {
        "department": "departments",
        "departments": "departments",
        "owner": "people",
        "deputy": "people",
        "vendor": "vendors",
        "capabilities": "capabilities",
        "master_systems": "systems",
        "source": "systems",
        "target": "systems",
        "data_objects": "data_objects",
    }
    result = {
        "organisation": {
            k: v
            for k, v in document["organisation"].items()
            if k not in {"id", "name", "slug", "created_at"}
        }
    }
    for key in (*parts, "integrations"):
        records = []
        for record in document[key]:
            clean = {k: v for k, v in record.items() if k not in {"id", "created_at", "updated_at"}}
            for field, part in refs.items():
                if field in clean and clean[field] is not None:
                    value = clean[field]
                    clean[field] = (
                        sorted(names[(part, v)] for v in value)
                        if isinstance(value, list)
                        else names[(part, value)]
                    )
            records.append(clean)
        result[key] = sorted(records, key=lambda r: json.dumps(r, sort_keys=True))
    return result


def test_loading_a_broken_document_changes_nothing(landscape, owner):
    document = json.loads(json.dumps(export_document(landscape)))
    document["systems"][0]["owner"] = 999_999
    copy = create_organisation(owner=owner, name="Copy GmbH", slug="copy")
    with pytest.raises(DocumentProblem, match="not in the export"):
        load_document(copy, document)
    assert System.objects.for_org(copy).count() == 0
    with pytest.raises(DocumentProblem, match="not a Leitstand export"):
        load_document(copy, {"hello": "world"})


def test_export_command_writes_each_format(landscape, tmp_path, capsys):
    call_command("export", "--org", "acme", "--format", "json", "--out", str(tmp_path / "a.json"))
    call_command("export", "--org", "acme", "--format", "xlsx", "--out", str(tmp_path / "a.xlsx"))
    call_command("export", "--org", "acme", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert json.loads((tmp_path / "a.json").read_text())["format"] == "leitstand-export"
    assert (tmp_path / "a.xlsx").stat().st_size > 1000
    assert (tmp_path / "csv" / "systems.csv").exists()
    assert "Exported Acme GmbH." in capsys.readouterr().out


def test_json_export_re_imports_with_the_import_command(landscape, tmp_path):
    out = tmp_path / "acme.json"
    call_command("export", "--org", "acme", "--format", "json", "--out", str(out))
    call_command("import", str(out), "--org", "fresh", "--create-org", "Fresh GmbH")
    copy = System.objects.get(organisation__slug="fresh", name="ERP")
    assert copy.owner.name == "Erika" and copy.vendor.name.startswith("=cmd")
    assert Capability.objects.filter(organisation__slug="fresh", name_en="Route planning").exists()


def test_export_page_offers_every_format(login, landscape, viewer):
    page = login(viewer).get(reverse("exports:page", kwargs={"org": "acme"})).content.decode()
    assert "format=xlsx" in page and "format=json" in page and "entity=people" in page
