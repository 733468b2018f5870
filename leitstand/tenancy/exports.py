"""The members and the organisation's settings in the xlsx/csv export (registered in
TenancyConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field
from leitstand.tenancy.models import Membership

TENANCY_SHEETS: tuple[ExportSheet, ...] = (
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
            field("wrap_min_manual_hours", _("Manual hours a year that make a wrap pay")),
        ),
    ),
)
