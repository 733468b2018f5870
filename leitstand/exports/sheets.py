"""What an export contains: one `ExportSheet` per entity, with readable columns.

Adding an entity (integrations, assessments, ...) means adding one ExportSheet to SHEETS:
its key, its model's queryset for the organisation and its columns. The xlsx and csv writers
are generic. (The JSON document, which must be complete and re-importable, is in document.py.)
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from leitstand.flows.models import DataObject, Integration
from leitstand.imports.targets import SYSTEMS
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.kpis.models import Kpi, Measurement
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.models import Membership, Organisation


@dataclass(frozen=True)
class Column:
    header: object  # a lazy translation: the header in the user's language
    value: Callable[[object], object]


@dataclass(frozen=True)
class ExportSheet:
    key: str  # also the csv file name
    title: object
    rows: Callable[[Organisation], Iterable]
    columns: tuple[Column, ...]


def field(name: str, header) -> Column:
    """A column showing a model field; choices show their label, not the stored value."""

    def value(obj):
        display = getattr(obj, f"get_{name}_display", None)
        return display() if callable(display) and getattr(obj, name) else getattr(obj, name)

    return Column(header, value)


def names(attribute: str) -> Callable[[object], str]:
    def value(obj) -> str:
        return ", ".join(str(item) for item in getattr(obj, attribute).all())

    return value


def related(attribute: str) -> Callable[[object], str]:
    def value(obj) -> str:
        item = getattr(obj, attribute)
        return str(item) if item is not None else ""

    return value


def _systems(organisation: Organisation) -> QuerySet:
    return (
        System.objects.for_org(organisation)
        .select_related("owner", "deputy", "vendor")
        .prefetch_related(
            Prefetch("departments", queryset=Department.objects.order_by(Lower("name"))),
            Prefetch("capabilities", queryset=Capability.objects.order_by("name_en")),
        )
        .order_by(Lower("name"))
    )


def _system_columns() -> tuple[Column, ...]:
    """The import template's columns, so an exported sheet can be imported again."""
    columns = []
    for spec in SYSTEMS.fields:
        if spec.kind == "many":
            columns.append(Column(spec.label, names(spec.name)))
        elif spec.kind == "one":
            columns.append(Column(spec.label, related(spec.name)))
        else:
            columns.append(field(spec.name, spec.label))
    return tuple(columns)


def _integrations(organisation: Organisation) -> QuerySet:
    return (
        Integration.objects.for_org(organisation)
        .select_related("source", "target")
        .prefetch_related("data_objects")
        .order_by(Lower("source__name"), Lower("target__name"), "pk")
    )


PROCESS_SHEETS: tuple[ExportSheet, ...] = (
    ExportSheet(
        "processes",
        _("Processes"),
        lambda org: Process.objects.for_org(org).select_related("owner", "department"),
        (
            field("name", _("Name")),
            field("description", _("Description")),
            Column(_("Owner"), related("owner")),
            Column(_("Department"), related("department")),
            field("frequency", _("Frequency")),
            field("runs_per_period", _("How many times")),
            field("revenue_per_run", _("Revenue per run (EUR)")),
            field("revenue_per_year", _("Revenue per year (EUR)")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "process_steps",
        _("Process steps"),
        lambda org: ProcessStep.objects.for_org(org).select_related(
            "process", "department", "system", "integration__source", "integration__target"
        ),
        (
            Column(_("Process"), related("process")),
            field("position", _("Position")),
            field("name", _("What happens")),
            Column(_("Department"), related("department")),
            field("role", _("Role")),
            Column(_("System"), related("system")),
            Column(_("Automated"), lambda step: step.automated),
            field("minutes_per_run", _("Minutes per run")),
            field("error_rate_percent", _("Error rate (%)")),
            field("minutes_to_fix_error", _("Minutes to fix one error")),
            field("needed", _("Needed?")),
            Column(_("Integration it performs"), related("integration")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "automation_scenarios",
        _("Automation scenarios"),
        lambda org: (
            AutomationScenario.objects.for_org(org)
            .select_related("process")
            .prefetch_related(Prefetch("steps", queryset=ProcessStep.objects.order_by("position")))
        ),
        (
            Column(_("Process"), related("process")),
            field("name", _("Name")),
            Column(_("Steps it changes"), names("steps")),
            field("minutes_after", _("Minutes per run afterwards")),
            field("error_rate_after_percent", _("Error rate afterwards (%)")),
            Column(_("Automated afterwards"), lambda scenario: scenario.automates_steps),
            field("investment", _("One-off investment (EUR)")),
            field("running_cost_per_year", _("Running cost per year (EUR)")),
            field("description", _("Description")),
        ),
    ),
    ExportSheet(
        "kpis",
        _("KPIs"),
        lambda org: Kpi.objects.for_org(org).select_related("process"),
        (
            Column(_("Process"), related("process")),
            field("name", _("Name")),
            Column(_("Unit"), lambda kpi: kpi.unit_label),
            field("direction", _("Which way is better")),
            field("baseline_value", _("Baseline")),
            field("baseline_date", _("Baseline measured on")),
            field("baseline_source", _("Source of the baseline")),
            field("target_value", _("Target")),
        ),
    ),
    ExportSheet(
        "kpi_measurements",
        _("KPI measurements"),
        lambda org: Measurement.objects.for_org(org).select_related("kpi__process"),
        (
            Column(_("KPI"), related("kpi")),
            Column(_("Process"), lambda m: str(m.kpi.process or "")),
            field("measured_on", _("Measured on")),
            field("value", _("Value")),
            field("source", _("Source")),
        ),
    ),
)


SHEETS: tuple[ExportSheet, ...] = (
    ExportSheet("systems", _("Systems"), _systems, _system_columns()),
    ExportSheet(
        "integrations",
        _("Integrations"),
        _integrations,
        (
            Column(_("From system"), related("source")),
            Column(_("To system"), related("target")),
            Column(_("Data carried"), names("data_objects")),
            field("method", _("Method")),
            field("frequency", _("Frequency")),
            field("runs_per_period", _("How many times")),
            field("minutes_per_run", _("Minutes of manual work per run")),
            field("error_rate_percent", _("Error rate (%)")),
            field("minutes_to_fix_error", _("Minutes to fix one error")),
            field("status", _("Status")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "data_objects",
        _("Data objects"),
        lambda org: (
            DataObject.objects.for_org(org).prefetch_related("master_systems").order_by("name_en")
        ),
        (
            field("name_de", _("Name (German)")),
            field("name_en", _("Name (English)")),
            Column(_("Master system(s)"), names("master_systems")),
            field("description", _("Description")),
        ),
    ),
    ExportSheet(
        "departments",
        _("Departments"),
        lambda org: Department.objects.for_org(org).order_by(Lower("name")),
        (field("name", _("Name")), field("description", _("Description"))),
    ),
    ExportSheet(
        "people",
        _("People"),
        lambda org: (
            Person.objects.for_org(org).select_related("department").order_by(Lower("name"))
        ),
        (
            field("name", _("Name")),
            field("job_title", _("Role")),
            Column(_("Department"), related("department")),
            field("email", _("E-mail address")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "vendors",
        _("Vendors"),
        lambda org: Vendor.objects.for_org(org).order_by(Lower("name")),
        (
            field("name", _("Name")),
            field("country", _("Country")),
            field("jurisdiction", _("Jurisdiction")),
            field("contract_end", _("Contract end")),
            field("notice_period_months", _("Notice period (months)")),
            field("website", _("Website")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "capabilities",
        _("Capabilities"),
        lambda org: Capability.objects.for_org(org).order_by("name_en"),
        (
            field("name_de", _("Name (German)")),
            field("name_en", _("Name (English)")),
            field("differentiating", _("Differentiating")),
        ),
    ),
    *PROCESS_SHEETS,
    ExportSheet(
        "members",
        _("Members"),
        lambda org: (
            Membership.objects.filter(organisation=org)
            .select_related("user")
            .order_by("user__email")
        ),
        (
            Column(_("E-mail address"), lambda m: m.user.email),
            field("role", _("Role")),
            field("created_at", _("Member since")),
        ),
    ),
    ExportSheet(
        "organisation",
        _("Organisation"),
        lambda org: [org],
        (
            field("name", _("Name")),
            field("industry", _("Industry")),
            field("employees", _("Employees")),
            field("annual_revenue", _("Annual revenue (EUR)")),
            field("federal_state", _("Federal state")),
            field("labour_cost_per_hour", _("Labour cost per hour (EUR)")),
            field("working_days_per_year", _("Working days per year")),
            field("productive_hours_per_fte", _("Productive hours per full-time employee")),
        ),
    ),
)


def _later_sheets() -> tuple[ExportSheet, ...]:
    """Sheets of apps that build on this module's helpers (imported late to avoid a cycle)."""
    from leitstand.assessment.exports import ASSESSMENT_SHEETS
    from leitstand.continuity.exports import CONTINUITY_SHEETS
    from leitstand.maturity.exports import MATURITY_SHEETS
    from leitstand.roadmap.exports import ROADMAP_SHEETS

    return ASSESSMENT_SHEETS + CONTINUITY_SHEETS + ROADMAP_SHEETS + MATURITY_SHEETS


SHEETS += _later_sheets()


def sheet_for(key: str) -> ExportSheet:
    for sheet in SHEETS:
        if sheet.key == key:
            return sheet
    raise KeyError(key)
