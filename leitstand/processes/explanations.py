"""How process, scenario and KPI figures read, one template per message key
(`leitstand.analysis.processes.messages`);
registered in apps.py, rendered by `leitstand.core.wording`."""

# The formulas use the multiplication and division signs people know from school.
# ruff: noqa: RUF001

from django.utils.translation import gettext_lazy, ngettext_lazy

PROCESS_TEMPLATES = {
    "process.minutes": ngettext_lazy(
        "%(count)s step takes %(minutes)s of work per run.",
        "%(count)s steps take %(minutes)s of work per run together.",
        "plural_n",
    ),
    "process.step_errors": gettext_lazy(
        "%(step)s: %(runs_per_year)s runs × %(error_rate)s × %(fix_minutes)s ÷ 60 "
        "= %(error_hours)s of fixing errors."
    ),
    "process.no_errors": gettext_lazy(
        "No step has an error rate above zero, so no time for fixing errors is counted."
    ),
    "process.error_cost": gettext_lazy("%(error_hours)s × %(rate)s per hour = %(eur)s a year."),
    "process.fte": gettext_lazy(
        "%(hours)s ÷ %(fte_hours)s per full-time employee = %(fte)s full-time equivalents."
    ),
    "process.in_integrations": gettext_lazy(
        "%(hours)s of it are the manual transfers %(flows)s, already counted there: the "
        "organisation's totals count them once."
    ),
    "process.revenue_per_run": gettext_lazy(
        "%(revenue)s per run × %(runs_per_year)s runs = %(eur)s a year."
    ),
    "scenario.changes": gettext_lazy(
        "Changes %(steps)s: %(before)s per run today, %(after)s afterwards."
    ),
    "scenario.labour": gettext_lazy(
        "(%(before)s − %(after)s) × %(runs_per_year)s runs ÷ 60 = %(hours)s; × %(rate)s per "
        "hour = %(eur)s of work saved a year."
    ),
    "scenario.errors": gettext_lazy(
        "Fixing errors takes %(before)s a year today; afterwards, at %(error_rate)s and "
        "%(fix_minutes)s per error, %(after)s; the difference × %(rate)s per hour = %(eur)s "
        "avoided."
    ),
    "scenario.saving": gettext_lazy(
        "Saving: %(labour)s + %(errors)s − %(running)s running cost = %(saving)s a year."
    ),
    "scenario.payback": gettext_lazy(
        "Payback: %(investment)s ÷ %(saving)s × 12 = %(months)s months."
    ),
    "scenario.no_payback": gettext_lazy(
        "It saves %(saving)s a year, so nothing pays the investment back: no payback."
    ),
    "scenario.fte": gettext_lazy(
        "%(hours)s freed ÷ %(fte_hours)s per full-time employee = %(fte)s full-time equivalents."
    ),
    "unneeded.summary": gettext_lazy(
        "“%(step)s” in %(process)s is marked as not needed, yet takes %(runs_per_year)s runs "
        "× %(minutes)s ÷ 60 = %(hours)s a year; with fixing its errors, %(total_hours)s × "
        "%(rate)s per hour = %(eur)s."
    ),
    "action.remove_step": gettext_lazy(
        "Remove “%(step)s”, don't automate it: check with the people who do it that nobody "
        "uses its result, then stop doing it."
    ),
    "candidate.summary": gettext_lazy(
        "“%(scenario)s” for %(process)s saves %(saving)s a year and frees %(hours)s "
        "(%(fte)s full-time equivalents); it pays back in %(months)s months."
    ),
    "candidate.summary_no_payback": gettext_lazy(
        "“%(scenario)s” for %(process)s saves %(saving)s a year and frees %(hours)s "
        "(%(fte)s full-time equivalents); it does not pay back."
    ),
    "candidate.simplify_first": ngettext_lazy(
        "%(count)s step of this process is marked as not needed: remove it first, then "
        "automate what is left.",
        "%(count)s steps of this process are marked as not needed: remove them first, then "
        "automate what is left.",
        "plural_n",
    ),
    "candidate.includes_transfer": gettext_lazy(
        "It replaces the manual transfer %(flows)s: the same hours as that finding, not "
        "additional ones."
    ),
    "action.automate_process": gettext_lazy(
        "Run it as a pilot first: measure minutes per run and the error rate against the KPI "
        "baselines, then roll it out."
    ),
    "process_totals.summary": ngettext_lazy(
        "The steps of %(count)s process take %(hours)s a year including fixing errors; "
        "%(counted)s of it are manual transfers counted above, so %(additional)s (%(eur)s) "
        "come on top.",
        "The steps of %(count)s processes take %(hours)s a year including fixing errors; "
        "%(counted)s of it are manual transfers counted above, so %(additional)s (%(eur)s) "
        "come on top.",
        "plural_n",
    ),
    "kpi.minutes_value": gettext_lazy(
        "(%(before)s − %(after)s) × %(runs_per_year)s runs ÷ 60 = %(hours)s a year; × "
        "%(rate)s per hour = %(eur)s a year."
    ),
}

PROCESS_KINDS = {
    "unneeded_step": gettext_lazy("Step nobody needs"),
    "automation_candidate": gettext_lazy("Automation candidate"),
}
