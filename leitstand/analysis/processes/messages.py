"""Message keys of processes, automation scenarios and KPIs (templates: processes/explanations)."""

PROCESS_MESSAGE_KEYS = frozenset(
    {
        "process.minutes",
        "process.step_errors",
        "process.no_errors",
        "process.error_cost",
        "process.fte",
        "process.in_integrations",
        "process.revenue_per_run",
        "scenario.changes",
        "scenario.labour",
        "scenario.errors",
        "scenario.saving",
        "scenario.payback",
        "scenario.no_payback",
        "scenario.fte",
        "unneeded.summary",
        "action.remove_step",
        "candidate.summary",
        "candidate.summary_no_payback",
        "candidate.simplify_first",
        "candidate.includes_transfer",
        "action.automate_process",
        "process_totals.summary",
        "kpi.minutes_value",
    }
)
