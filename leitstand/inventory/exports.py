"""The inventory's sheets in the xlsx/csv export (registered in InventoryConfig.ready())."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field, names, related
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.tenancy.models import Organisation


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


#: The columns of the import template (leitstand.imports.targets.SYSTEMS), in its order, so
#: that an exported sheet can be imported again; a test holds the two equal.
SYSTEM_COLUMNS = (
    field("name", _("Name")),
    field("description", _("Description")),
    field("kind", _("Kind")),
    field("lifecycle", _("Lifecycle")),
    Column(_("Departments"), names("departments")),
    Column(_("Capabilities"), names("capabilities")),
    Column(_("Owner"), related("owner")),
    Column(_("Deputy"), related("deputy")),
    Column(_("Vendor"), related("vendor")),
    field("hosting", _("Hosting")),
    field("jurisdiction", _("Provider jurisdiction")),
    field("user_count", _("Number of users")),
    field("annual_cost", _("Annual cost (EUR)")),
    field("one_off_cost", _("One-off cost (EUR)")),
    field("introduced_on", _("Introduced on")),
    field("end_of_support", _("End of support")),
    field("version", _("Version")),
    field("centrally_managed", _("Centrally managed")),
    field("personal_data", _("Personal data")),
    field("personal_data_categories", _("Categories of personal data")),
    field("url", _("Address (URL)")),
    field("notes", _("Notes")),
)

SYSTEM_SHEETS: tuple[ExportSheet, ...] = (
    ExportSheet("systems", _("Systems"), _systems, SYSTEM_COLUMNS),
)

INVENTORY_SHEETS: tuple[ExportSheet, ...] = (
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
)
