"""Message keys of business impact, outage cost and RTO/RPO gaps (templates:
continuity/explanations)."""

CONTINUITY_MESSAGE_KEYS = frozenset(
    {
        "outage.no_impact",
        "outage.no_revenue",
        "outage.revenue_per_hour",
        "outage.no_margin",
        "outage.process",
        "outage.labour_only",
        "outage.none",
        "outage.total",
        "outage.via",
        "rto_gap.summary",
        "rto_gap.no_test",
        "rto_gap.set_by",
        "action.speed_up_restore",
        "action.test_restore_against_rto",
        "rpo_gap.summary",
        "rpo_gap.no_backup",
        "action.back_up_more_often",
        "outage_plan.summary",
        "outage_plan.no_restore_test",
        "outage_plan.no_emergency_plan",
        "action.recovery_plan",
    }
)
