"""Funding sheets of the xlsx/csv export (registered in FundingConfig.ready)."""

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field
from leitstand.funding.models import COST_FIELDS, DeMinimisAid, FundingPlan, LinkedEnterprise

FUNDING_SHEETS = (
    ExportSheet(
        "funding_plans",
        _("Funding plans"),
        lambda org: FundingPlan.objects.for_org(org).order_by(Lower("name")),
        (
            field("name", _("Name")),
            field("description", _("Description")),
            Column(_("What the project is about"), lambda p: ", ".join(p.topics)),
            field("goals", _("Measurable goals")),
            *(
                field(name, FundingPlan._meta.get_field(name).verbose_name)
                for name in COST_FIELDS.values()
            ),
            field("running_cost_per_year", _("Running cost per year (EUR)")),
            field("contract_signed_on", _("First contract signed on")),
            Column(_("Chosen programmes"), lambda p: ", ".join(p.chosen_programmes)),
            field("apply_by", _("Apply by")),
            field("approval_expected", _("Approval expected")),
            field("project_start", _("Project start")),
            field("project_end", _("Project end")),
            field("proof_of_use_due", _("Proof of use due")),
            field("milestones", _("Milestones")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "de_minimis_aid",
        _("De-minimis aid"),
        lambda org: DeMinimisAid.objects.for_org(org).order_by("-granted_on", "pk"),
        (
            field("granted_on", _("Granted on")),
            field("amount", _("Amount (EUR)")),
            field("grantor", _("Grantor")),
            field("programme", _("Programme")),
        ),
    ),
    ExportSheet(
        "linked_enterprises",
        _("Partner and linked enterprises"),
        lambda org: LinkedEnterprise.objects.for_org(org).order_by(Lower("name")),
        (
            field("name", _("Name")),
            field("relation", _("Relation")),
            field("share_percent", _("Share held (%)")),
            field("fte", _("Staff (FTE)")),
            field("turnover", _("Annual turnover (EUR)")),
            field("balance_sheet_total", _("Balance-sheet total (EUR)")),
        ),
    ),
)
