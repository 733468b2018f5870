"""How the resilience findings and gaps read, one template per message key
(`leitstand.analysis.resilience.messages`);
registered in apps.py, rendered by `leitstand.core.wording`."""

# The formulas use the multiplication and division signs people know from school.
# ruff: noqa: RUF001

from django.utils.translation import gettext_lazy, ngettext_lazy

RESILIENCE_TEMPLATES = {
    "restore.never": gettext_lazy("No restore test of %(system)s's backup is recorded."),
    "restore.no_backup": gettext_lazy("%(system)s has no backup, so nothing can be restored."),
    "restore.old": gettext_lazy(
        "The last restore test of %(system)s was on %(date)s, more than 12 months ago; an older "
        "test counts as none."
    ),
    "restore.failed": gettext_lazy("The restore test of %(system)s on %(date)s failed."),
    "restore.critical": gettext_lazy(
        "The system is critical to the business: without a tested backup nobody knows whether "
        "or how fast it comes back after ransomware or a broken disk."
    ),
    "restore.holds_data": gettext_lazy(
        "The system holds the company's data (it masters data or holds personal data)."
    ),
    "action.test_restore": gettext_lazy(
        "Restore %(system)s from its backup onto a test machine, note the date, the result and "
        "how many hours it took, and repeat it at least once a year."
    ),
    "action.test_saas_export": gettext_lazy(
        "%(system)s runs at its provider: export its data with the provider's export function "
        "into a second copy the company keeps (not at the same provider), check that the export "
        "is complete and can be read, note the date, and repeat it at least once a year. Ask "
        "the provider how and how fast it restores after a failure."
    ),
    "check_top.summary": gettext_lazy(
        "The company check of %(date)s found TOP requirement %(number)s not met: it counts -3 "
        "points and marks the result red whatever the other answers."
    ),
    "check_top.01": gettext_lazy(
        "01: the management carries the overall responsibility for information security."
    ),
    "check_top.05": gettext_lazy("05: all staff are trained to use IT safely."),
    "check_top.11": gettext_lazy("11: backups run often enough to keep the business going."),
    "check_top.15": gettext_lazy("15: updates are installed promptly."),
    "check_top.20": gettext_lazy("20: office macros are switched off by default."),
    "check_top.other": gettext_lazy("Requirement %(number)s is a TOP requirement."),
    "action.meet_check_top": gettext_lazy(
        "Meet TOP requirement %(number)s first: the company check's recommendation for it "
        "says how; then repeat the check."
    ),
    "plan.missing": gettext_lazy("There is no emergency plan for the critical system %(system)s."),
    "plan.untested": gettext_lazy(
        "The emergency plan for %(system)s has never been tested, so nobody knows whether it works."
    ),
    "plan.old": gettext_lazy(
        "The emergency plan for %(system)s was last tested on %(date)s, more than 12 months ago."
    ),
    "action.write_plan": gettext_lazy(
        "Write down what to do when %(system)s fails: who decides, whom to call, how to work "
        "without it, how to bring it back; then test it."
    ),
    "action.test_plan": gettext_lazy(
        "Walk through the emergency plan for %(system)s with the people named in it, at least "
        "once a year, and note the date."
    ),
    "two_factor.none": gettext_lazy(
        "%(system)s can be reached from the internet and its login has no second factor: a "
        "stolen password is enough to get in."
    ),
    "two_factor.offered": gettext_lazy(
        "%(system)s can be reached from the internet; two-factor login is offered but not "
        "enforced, so accounts without it are open to a stolen password."
    ),
    "action.enforce_two_factor": gettext_lazy(
        "Switch on two-factor login for every account of %(system)s and make it mandatory."
    ),
    "support.past": gettext_lazy(
        "Support for %(system)s ended on %(date)s: security updates no longer come."
    ),
    "support.soon": gettext_lazy(
        "Support for %(system)s ends on %(date)s, within the next 12 months."
    ),
    "action.plan_replacement": gettext_lazy(
        "Plan the upgrade or replacement of %(system)s before %(date)s, or agree extended support."
    ),
    "action.replace_unsupported": gettext_lazy(
        "Replace or upgrade %(system)s soon; until then keep it away from the internet and "
        "make sure its backup is restore-tested."
    ),
    "single_person.summary": ngettext_lazy(
        "Only %(person)s can run the critical system %(systems)s: owner with no deputy "
        "(bus factor 1).",
        "Only %(person)s can run the %(count)s critical systems %(systems)s: owner with no "
        "deputy (bus factor 1).",
        "plural_n",
    ),
    "action.name_deputy": gettext_lazy(
        "Name a deputy for each of these systems and let %(person)s show them the routine tasks."
    ),
    "vendor.critical_share": gettext_lazy(
        "%(vendor)s supplies %(count)s of %(total)s critical systems = %(percent)s."
    ),
    "vendor.cost_share": gettext_lazy(
        "%(vendor)s accounts for %(cost)s of %(cost_total)s annual system cost = %(percent)s."
    ),
    "vendor.threshold": gettext_lazy(
        "Share = the vendor's systems (or cost) ÷ all critical systems (or all annual cost) × "
        "100; from %(percent)s on, a failure or price rise of one vendor hits the company hard."
    ),
    "action.reduce_vendor_dependency": gettext_lazy(
        "Check the contracts with %(vendor)s (notice periods, data export, escrow) and keep an "
        "exit plan; buy new systems elsewhere where it makes sense."
    ),
    "outside_eu.summary": gettext_lazy(
        "%(system)s holds personal data and is hosted by a provider outside the EU."
    ),
    "action.check_transfer": gettext_lazy(
        "Check the legal basis for the transfer of %(system)s's personal data (adequacy "
        "decision or standard contractual clauses) or move it to an EU provider."
    ),
    "gap.resilience": ngettext_lazy(
        "Nothing is recorded about the backup and emergency plan of the critical system "
        "%(systems)s.",
        "Nothing is recorded about the backups and emergency plans of %(count)s critical "
        "systems: %(systems)s.",
        "plural_n",
    ),
    "gap.emergency_plan": gettext_lazy(
        "Whether there is an emergency plan for the critical system %(system)s is unknown."
    ),
    "gap.two_factor": gettext_lazy(
        "%(system)s can be reached from the internet, but whether its login has two factors is "
        "unknown."
    ),
    "gap.owner": ngettext_lazy(
        "The critical system %(systems)s has no owner.",
        "%(count)s critical systems have no owner: %(systems)s.",
        "plural_n",
    ),
}

RESILIENCE_KINDS = {
    "no_restore_test": gettext_lazy("No restore-tested backup"),
    "no_emergency_plan": gettext_lazy("No tested emergency plan"),
    "missing_two_factor": gettext_lazy("Missing two-factor login"),
    "end_of_support": gettext_lazy("Past or near end of support"),
    "single_person_dependency": gettext_lazy("Single-person dependency"),
    "vendor_concentration": gettext_lazy("Vendor concentration"),
    "personal_data_outside_eu": gettext_lazy("Personal data outside the EU"),
    "check_top_unmet": gettext_lazy("Company check: TOP requirement not met"),
}

RESILIENCE_GAP_FIELDS = {
    "resilience": gettext_lazy("resilience facts"),
    "emergency_plan": gettext_lazy("emergency plan"),
    "two_factor": gettext_lazy("two-factor login"),
    "owner": gettext_lazy("owner"),
}
