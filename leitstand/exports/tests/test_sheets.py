"""The sheet registry: every app's sheets in one order, and the systems sheet re-importable."""

import pytest
from django.utils import translation

from leitstand.core.sheets import ExportSheet, export_sheets
from leitstand.imports.targets import SYSTEMS
from leitstand.maturity.exports import MATURITY_SHEETS

MATURITY_KEYS = [sheet.key for sheet in MATURITY_SHEETS]


def test_every_apps_sheets_are_registered_in_the_order_of_the_export():
    assert [sheet.key for sheet in export_sheets.all()] == [
        "systems",
        "integrations",
        "data_objects",
        "departments",
        "people",
        "vendors",
        "capabilities",
        "processes",
        "process_steps",
        "automation_scenarios",
        "kpis",
        "kpi_measurements",
        "members",
        "organisation",
        "assessments",
        "recommendation_overrides",
        "business_impacts",
        "initiatives",
        "initiative_options",
        "initiative_phases",
        "milestones",
        "finding_states",
        *MATURITY_KEYS,
        "funding_plans",
        "de_minimis_aid",
        "linked_enterprises",
        "catalogue_links",
        "recurring_payments",
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_systems_sheet_has_the_import_templates_columns(language):
    """An exported systems sheet imports again: same titles, same order as the template."""
    with translation.override(language):
        exported = [str(column.header) for column in export_sheets.get("systems").columns]
        template = [str(spec.label) for spec in SYSTEMS.row_fields]  # not the assessment
    assert exported == template


def test_a_sheet_key_is_registered_once():
    sheet = export_sheets.get("systems")
    export_sheets.register(sheet, order=10)  # the same sheet again: nothing changes
    with pytest.raises(ValueError, match="already registered"):
        export_sheets.register(ExportSheet("systems", "Copy", lambda org: [], ()), order=10)
    assert [s.key for s in export_sheets.all()].count("systems") == 1


def test_an_unknown_sheet_is_a_key_error():
    with pytest.raises(KeyError):
        export_sheets.get("nothing")
