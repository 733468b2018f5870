"""The funding plan as an xlsx workbook for the house bank: plan, timeline, checklist and the
matching with its reasons. Every text is written as a string (never as a formula)."""

import io

import xlsxwriter
from django.utils.translation import gettext as _

from leitstand.funding.models import FundingPlan


def _money(workbook):
    return workbook.add_format({"num_format": "#,##0.00 €"})


def _sheet_plan(workbook, plan: FundingPlan, context: dict) -> None:
    sheet = workbook.add_worksheet(_("Funding plan")[:31])
    bold = workbook.add_format({"bold": True})
    money = _money(workbook)
    money_bold = workbook.add_format({"num_format": "#,##0.00 €", "bold": True})
    figures = context["plan"]
    sheet.write_string(0, 0, _("Funding plan"), bold)
    sheet.write_string(0, 1, plan.name)
    sheet.write_string(1, 0, _("Organisation"), bold)
    sheet.write_string(1, 1, plan.organisation.name)
    headers = [
        _("Cost category"),
        _("Costs"),
        *[line["name"] for line in figures["lines"]],
        _("Funded"),
        _("Own funds"),
    ]
    row = 3
    for column, header in enumerate(headers):
        sheet.write_string(row, column, header, bold)
    for index, category in enumerate(figures["categories"]):
        row += 1
        sheet.write_string(row, 0, category["label"])
        sheet.write_number(row, 1, float(category["cost"]), money)
        for offset, line in enumerate(figures["lines"]):
            sheet.write_number(row, 2 + offset, float(line["by_category"][index]), money)
        sheet.write_number(row, 2 + len(figures["lines"]), float(category["funded"]), money)
        sheet.write_number(row, 3 + len(figures["lines"]), float(category["own"]), money)
    row += 2
    for label, value in (
        (_("Total costs"), figures["total"]),
        (_("Grants and grant shares (not repaid)"), figures["grants"]),
        (_("Loans"), figures["loans"]),
        (_("Own share (total minus grants)"), figures["own_share"]),
        (_("Own funds (total minus grants minus loans)"), figures["own_funds"]),
    ):
        sheet.write_string(row, 0, label, bold)
        sheet.write_number(row, 1, float(value), money_bold)
        row += 1
    row += 1
    sheet.write_string(row, 0, _("Programme"), bold)
    sheet.write_string(row, 1, _("Kind"), bold)
    sheet.write_string(row, 2, _("Eligible costs"), bold)
    sheet.write_string(row, 3, _("Rate (%)"), bold)
    sheet.write_string(row, 4, _("Grant"), bold)
    sheet.write_string(row, 5, _("Loan"), bold)
    sheet.write_string(row, 6, _("Last verified"), bold)
    sheet.write_string(row, 7, _("Source"), bold)
    for line in figures["lines"]:
        row += 1
        sheet.write_string(row, 0, line["name"])
        sheet.write_string(row, 1, str(line["kind_label"]))
        sheet.write_number(row, 2, float(line["eligible_costs"]), money)
        if line["rate"] is not None:
            sheet.write_number(row, 3, float(line["rate"]))
        sheet.write_number(row, 4, float(line["grant"]), money)
        sheet.write_number(row, 5, float(line["loan"]), money)
        sheet.write_string(row, 6, line["last_verified"].isoformat())
        sheet.write_string(row, 7, line["source"])
    for issue in figures["issues"]:
        row += 2
        sheet.write_string(row, 0, issue)
    sheet.set_column(0, 0, 42)
    sheet.set_column(1, 3 + len(figures["lines"]), 18)


def _sheet_timeline(workbook, plan: FundingPlan, context: dict) -> None:
    sheet = workbook.add_worksheet(_("Timeline")[:31])
    bold = workbook.add_format({"bold": True})
    milestones = context["milestones"]
    before_start = [
        (_("%(milestone)s (before the project start)") % {"milestone": what}, when)
        for when, what in milestones["before_start"]
    ]
    rows = [
        *before_start,
        (_("Apply by"), plan.apply_by),
        (_("Approval expected"), plan.approval_expected),
        (_("Project start"), plan.project_start),
        *[(what, when) for when, what in milestones["during"]],
        (_("Project end"), plan.project_end),
        (_("Proof of use due"), plan.proof_of_use_due),
    ]
    sheet.write_string(0, 0, _("Step"), bold)
    sheet.write_string(0, 1, _("Date"), bold)
    for row, (label, value) in enumerate(rows, start=1):
        sheet.write_string(row, 0, label)
        sheet.write_string(row, 1, value.isoformat() if value else "")
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 1, 14)


def _sheet_checklist(workbook, plan: FundingPlan, context: dict) -> None:
    sheet = workbook.add_worksheet(_("Checklist")[:31])
    bold = workbook.add_format({"bold": True})
    sheet.write_string(0, 0, _("Documents usually asked for"), bold)
    row = 0
    for document in context["plan"]["documents"]:
        row += 1
        sheet.write_string(row, 0, str(document["label"]))
    row += 2
    sheet.write_string(row, 0, _("Measurable goals"), bold)
    for goal in context["goals"]:
        row += 1
        sheet.write_string(row, 0, goal)
    sheet.set_column(0, 0, 70)


def _sheet_matching(workbook, context: dict) -> None:
    sheet = workbook.add_worksheet(_("Matching")[:31])
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    money = _money(workbook)
    headers = [
        _("Programme"),
        _("Decision"),
        _("Status"),
        _("Amount"),
        _("Loan"),
        _("Why"),
        _("Last verified"),
    ]
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header, bold)
    for row, match in enumerate(context["matches"], start=1):
        why = " ".join(
            [*match["blockers"], *match["missing"], *match["reasons"], *match["warnings"]]
        )
        sheet.write_string(row, 0, match["name"], wrap)
        sheet.write_string(row, 1, str(match["decision_label"]))
        sheet.write_string(row, 2, str(match["status_label"]))
        sheet.write_number(row, 3, float(match["amount_eur"]), money)
        sheet.write_number(row, 4, float(match["loan_eur"]), money)
        sheet.write_string(row, 5, why, wrap)
        sheet.write_string(row, 6, match["last_verified"].isoformat())
    sheet.set_column(0, 0, 40)
    sheet.set_column(5, 5, 90)
    sheet.set_column(1, 4, 16)


def plan_workbook(plan: FundingPlan, context: dict) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    _sheet_plan(workbook, plan, context)
    _sheet_timeline(workbook, plan, context)
    _sheet_checklist(workbook, plan, context)
    _sheet_matching(workbook, context)
    workbook.close()
    return buffer.getvalue()
