"""How the findings on deadlines set by law read, one template per message key
(`leitstand.analysis.regulation.messages`), plus their kinds and data-gap fields."""

from django.utils.translation import gettext_lazy

REGULATION_TEMPLATES = {
    "e_invoice.issue_large": gettext_lazy(
        "From %(date)s %(organisation)s must issue e-invoices (XRechnung or ZUGFeRD) for "
        "domestic business customers: its turnover is above %(threshold)s."
    ),
    "e_invoice.issue_all": gettext_lazy(
        "From %(date)s %(organisation)s must issue e-invoices (XRechnung or ZUGFeRD) for "
        "domestic business customers, like every business."
    ),
    "e_invoice.issue_all_unknown_turnover": gettext_lazy(
        "From %(date)s at the latest %(organisation)s must issue e-invoices (XRechnung or "
        "ZUGFeRD) for domestic business customers; already from %(early)s if last year's "
        "turnover was above %(threshold)s (not recorded)."
    ),
    "e_invoice.from_system": gettext_lazy(
        "Today invoices are written in %(system)s, which is not recorded as able to issue "
        "e-invoices."
    ),
    "e_invoice.from_system_ended": gettext_lazy(
        "Today invoices are written in %(system)s, which is out of support since %(date)s and "
        "not recorded as able to issue e-invoices."
    ),
    "e_invoice.kind_spreadsheet": gettext_lazy(
        "Today invoices leave as documents (PDF or paper) from %(system)s, a spreadsheet or "
        "desktop database, not as e-invoices."
    ),
    "e_invoice.kind_spreadsheet_ended": gettext_lazy(
        "Today invoices leave as documents (PDF or paper) from %(system)s, a spreadsheet or "
        "desktop database out of support since %(date)s, not as e-invoices."
    ),
    "e_invoice.source": gettext_lazy(
        "Legal basis: %(basis)s (checked on %(checked)s against %(source)s)."
    ),
    "e_invoice.source_unchecked": gettext_lazy(
        "Legal basis: %(basis)s (source: %(source)s, not checked yet)."
    ),
    "action.e_invoice": gettext_lazy(
        "Before %(date)s, issue invoices from a system that writes XRechnung or ZUGFeRD (most "
        "accounting and ERP software does), or add an e-invoice module; then mark it with the "
        "capability “E-invoices”."
    ),
    "gap.invoicing_system": gettext_lazy(
        "Which system writes the invoices? Give it the capability “Invoicing” so "
        "Leitstand can check the e-invoice duty (all businesses from %(date)s)."
    ),
    "gap.annual_revenue": gettext_lazy(
        "Enter last year's turnover in the organisation settings: above %(threshold)s, "
        "e-invoices are due from %(date)s."
    ),
    "archive.summary": gettext_lazy(
        "Invoices and booking vouchers must be kept unchanged and findable for %(years)s "
        "years, books for %(books)s (GoBD). They are written in %(systems)s, but no system for "
        "document management or archiving is recorded."
    ),
    "archive.in_spreadsheet": gettext_lazy(
        "%(systems)s can be changed at any time: its invoices are no unchanged archive."
    ),
    "action.archive": gettext_lazy(
        "Archive invoices (e-invoices in their original electronic form) in a GoBD-compliant "
        "archive or document management system before paper copies are thrown away."
    ),
    "nis2.summary": gettext_lazy(
        "NIS2 may apply to %(organisation)s: its industry points to the listed sector "
        "“%(sector_en)s” and it has at least %(employees)s employees or more than "
        "%(turnover)s turnover. The German NIS2 act is in force since %(date)s."
    ),
    "nis2.transport": gettext_lazy(
        "Postal and courier services and parts of transport are listed; a plain freight "
        "forwarder may not be."
    ),
    "action.nis2_check": gettext_lazy(
        "Check whether NIS2 applies (the BSI offers a free check of whether a company is "
        "concerned). If it does: register with the BSI within three months, report serious "
        "incidents, and have the management approve the security measures."
    ),
    "gap.nis2_facts": gettext_lazy(
        "Enter the industry, the number of employees and last year's turnover in the "
        "organisation settings: NIS2 may apply from %(employees)s employees in listed sectors."
    ),
}

REGULATION_KINDS = {
    "e_invoicing": gettext_lazy("E-invoice duty"),
    "archiving": gettext_lazy("Archiving (GoBD)"),
    "nis2": gettext_lazy("NIS2: may apply"),
}

REGULATION_GAP_FIELDS = {
    "annual_revenue": gettext_lazy("turnover"),
    "invoicing_system": gettext_lazy("system that writes the invoices"),
    "nis2_facts": gettext_lazy("industry and size"),
}
