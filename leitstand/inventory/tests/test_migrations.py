"""The migration that separates the kind of system from its hosting, on rows of the old kinds."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("inventory", "0003_system_cost_index")]
AFTER = [("inventory", "0004_kind_separate_from_hosting")]


def _migrate(targets):
    """Migrate the given apps to the given migrations; the organisation (an app this one only
    points to) stays at its latest, so the rows written here have every column it holds."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = [*targets, *executor.loader.graph.leaf_nodes("tenancy")]
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest():
    """Whatever the test migrated back, every app is at its latest migration afterwards."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_saas_kind_becomes_hosting_and_an_application_or_a_suite():
    old = _migrate(BEFORE)
    organisation = old.get_model("tenancy", "Organisation").objects.create(name="A", slug="a")
    System = old.get_model("inventory", "System")

    def system(name, **fields):
        return System.objects.create(organisation=organisation, name=name, **fields).pk

    ids = {
        "crm": system("HubSpot CRM", kind="saas", hosting=""),
        "m365": system("Microsoft 365 Business Standard", kind="saas", hosting="saas"),
        "workspace": system("Google Workspace", kind="saas", hosting=""),
        "hosted": system("Shop", kind="saas", hosting="private_cloud"),
        "erp": system("ERP", kind="application", hosting="on_premises"),
        "nas": system("NAS", kind="infrastructure", centrally_managed=False),
        "sheet": system("Liste.xlsx", kind="spreadsheet"),
    }
    new = _migrate(AFTER)
    rows = {
        row["pk"]: row
        for row in new.get_model("inventory", "System")
        .objects.values("pk", "kind", "hosting", "centrally_managed")
        .order_by("pk")
    }
    found = {key: (rows[pk]["kind"], rows[pk]["hosting"]) for key, pk in ids.items()}
    assert found == {
        "crm": ("application", "saas"),
        "m365": ("suite", "saas"),
        "workspace": ("suite", "saas"),
        "hosted": ("application", "private_cloud"),  # a recorded hosting is kept
        "erp": ("application", "on_premises"),
        "nas": ("infrastructure", ""),
        "sheet": ("spreadsheet", ""),
    }
    # Recorded answers stay; nothing becomes unknown that was known.
    assert rows[ids["nas"]]["centrally_managed"] is False
    assert rows[ids["erp"]]["centrally_managed"] is True
