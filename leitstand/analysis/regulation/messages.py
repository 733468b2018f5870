"""Message keys of the findings on deadlines set by law (templates: products/explanations)."""

REGULATION_MESSAGE_KEYS = frozenset(
    {
        "e_invoice.issue_large",
        "e_invoice.issue_all",
        "e_invoice.issue_all_unknown_turnover",
        "e_invoice.from_system",
        "e_invoice.from_system_ended",
        "e_invoice.kind_spreadsheet",
        "e_invoice.kind_spreadsheet_ended",
        "e_invoice.source",
        "e_invoice.source_unchecked",
        "action.e_invoice",
        "gap.invoicing_system",
        "gap.annual_revenue",
        "archive.summary",
        "archive.in_spreadsheet",
        "action.archive",
        "nis2.summary",
        "nis2.transport",
        "action.nis2_check",
        "gap.nis2_facts",
    }
)
