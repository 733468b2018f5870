"""How outage cost, RTO and RPO gap figures read, one template per message key
(`leitstand.analysis.continuity.messages`);
registered in apps.py, rendered by `leitstand.core.wording`."""

# The formulas use the multiplication and division signs people know from school.
# ruff: noqa: RUF001

from django.utils.translation import gettext_lazy, ngettext_lazy

CONTINUITY_TEMPLATES = {
    "outage.no_impact": gettext_lazy(
        "%(process)s: no business impact recorded yet, so it counts 0 until its margin, the "
        "people left idle and any penalties are entered."
    ),
    "outage.no_revenue": gettext_lazy(
        "%(process)s: no revenue recorded for the process, so no lost margin is counted."
    ),
    "outage.revenue_per_hour": gettext_lazy(
        "%(process)s: revenue per hour = %(revenue_year)s a year ÷ (%(days)s working days × "
        "%(operating)s a day) = %(revenue)s."
    ),
    "outage.no_margin": gettext_lazy(
        "%(process)s: no margin recorded, so its revenue is not counted."
    ),
    "outage.process": gettext_lazy(
        "%(process)s: %(revenue)s × %(margin)s margin + %(people)s people idle × %(rate)s per "
        "hour + %(penalty)s penalties = %(eur)s per hour."
    ),
    "outage.labour_only": gettext_lazy(
        "%(process)s: %(people)s people idle × %(rate)s per hour + %(penalty)s penalties = "
        "%(eur)s per hour."
    ),
    "outage.none": gettext_lazy(
        "No process needs %(system)s: none of its steps uses it, and it feeds none of their "
        "systems through an automated integration that runs at least as often as their RTO. So "
        "it has no RTO and its outage cost is 0. Record the processes that use it to see what an "
        "outage costs."
    ),
    "outage.total": ngettext_lazy(
        "An hour without %(system)s costs %(eur)s: the process it stops.",
        "An hour without %(system)s costs %(eur)s: the sum over the %(count)s processes it stops.",
        "plural_n",
    ),
    "outage.via": gettext_lazy(
        "%(process)s needs %(system)s through automated integrations that run at least as often "
        "as its RTO of %(rto)s: %(path)s. Manual transfers pass no requirement on."
    ),
    "rto_gap.summary": gettext_lazy(
        "%(system)s must run again within %(rto)s, but its last restore test on %(date)s took "
        "%(duration)s."
    ),
    "rto_gap.no_test": gettext_lazy(
        "%(system)s must run again within %(rto)s, but no successful restore test in the last "
        "12 months shows that it can."
    ),
    "rto_gap.set_by": gettext_lazy("The %(what)s of %(hours)s is set by %(process)s (%(path)s)."),
    "action.speed_up_restore": gettext_lazy(
        "Make the restore of %(system)s faster (a standby system, a restore image, a faster "
        "medium) or agree a longer RTO with the process owner, then test again."
    ),
    "action.test_restore_against_rto": gettext_lazy(
        "Restore %(system)s from its backup as a test, time it and compare it with the RTO of "
        "%(rto)s."
    ),
    "rpo_gap.summary": gettext_lazy(
        "At most %(rpo)s of data in %(system)s may be lost, but it is backed up only every "
        "%(interval)s."
    ),
    "rpo_gap.no_backup": gettext_lazy(
        "At most %(rpo)s of data in %(system)s may be lost, but it has no backup."
    ),
    "action.back_up_more_often": gettext_lazy(
        "Back up %(system)s at least every %(rpo)s (or replicate it), and test the restore."
    ),
    "outage_plan.summary": gettext_lazy(
        "An hour without %(system)s costs %(eur)s, above the threshold of %(threshold)s per hour."
    ),
    "outage_plan.no_restore_test": gettext_lazy(
        "No successful restore test in the last 12 months."
    ),
    "outage_plan.no_emergency_plan": gettext_lazy(
        "No emergency plan tested in the last 12 months."
    ),
    "action.recovery_plan": gettext_lazy(
        "Write down how %(system)s is brought back (who, in which order, with which backup) and "
        "rehearse it once a year, restore test included."
    ),
}

CONTINUITY_KINDS = {
    "rto_gap": gettext_lazy("Restore slower than required (RTO)"),
    "rpo_gap": gettext_lazy("Backups rarer than required (RPO)"),
    "outage_without_recovery_plan": gettext_lazy("High outage cost without a recovery plan"),
}
