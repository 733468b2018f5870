"""Finding groups in the reader's language: one action for all members, and the JSON rows
(`finding_groups` of the analysis JSON)."""

from django.utils.translation import gettext_lazy, ngettext

from leitstand.analysis import Analysis
from leitstand.analysis.worklist import FindingGroup, group_findings
from leitstand.core.formatting import format_number
from leitstand.core.wording import KINDS, render
from leitstand.landscape.cache import kept_with_analysis

#: One sentence per remedy for a group of several findings; %(count)s is the number of
#: members. A remedy without an entry says the members' first action and how many more.
GROUP_ACTIONS = {
    "action.write_plan": gettext_lazy(
        "Write one emergency handbook that covers these %(count)s systems: per system who "
        "decides, whom to call, how to work without it and how to bring it back; test it once."
    ),
    "action.test_plan": gettext_lazy(
        "Walk through the emergency plans of these %(count)s systems with the people named in "
        "them, once a year, and note the date."
    ),
    "action.recovery_plan": gettext_lazy(
        "Write down how each of these %(count)s systems is brought back (who, in which order, "
        "with which backup) and rehearse it once a year."
    ),
    "action.test_restore": gettext_lazy(
        "Make a backup concept for these %(count)s systems and restore each from its backup "
        "onto a test machine once; note date, result and hours taken."
    ),
    "action.test_restore_against_rto": gettext_lazy(
        "Restore these %(count)s systems from their backups as a test, time each and compare "
        "it with its RTO."
    ),
    "action.speed_up_restore": gettext_lazy(
        "Make the restore of these %(count)s systems faster (standby, restore image, faster "
        "media) or agree longer recovery times."
    ),
    "action.back_up_more_often": gettext_lazy(
        "Back up these %(count)s systems as often as their processes need, and test the restore."
    ),
    "action.enforce_two_factor": gettext_lazy(
        "Switch on two-factor login for every account of these %(count)s systems and make it "
        "mandatory."
    ),
    "action.check_transfer": gettext_lazy(
        "Check the legal basis for the transfer of personal data of these %(count)s systems "
        "outside the EU."
    ),
    "action.manage_shadow_it": gettext_lazy(
        "Bring these %(count)s systems under central management (owner, data-processing "
        "agreement, access rights, backups) or move their data into managed systems."
    ),
    "action.name_deputy": gettext_lazy(
        "Name deputies for the systems that only one person can run (%(count)s people) and let "
        "them learn the routine tasks."
    ),
    "action.automate_transfer": gettext_lazy(
        "Replace these %(count)s manual transfers with interfaces, starting with the costliest, "
        "or drop those nobody needs."
    ),
    "action.automate_file": gettext_lazy(
        "Let the systems exchange these %(count)s files on a schedule or through an API."
    ),
    "action.consolidate": gettext_lazy(
        "Consolidate these %(count)s groups of overlapping systems: move users and data to the "
        "one kept, then switch the others off."
    ),
    "action.choose_master": gettext_lazy(
        "Decide on one system of record for each of these %(count)s kinds of data."
    ),
    "action.plan_replacement": gettext_lazy(
        "Plan the upgrade or replacement of these %(count)s systems before their support ends."
    ),
    "action.replace_unsupported": gettext_lazy(
        "Replace or upgrade these %(count)s systems past their end of support; until then keep "
        "them away from the internet."
    ),
    "action.remove_step": gettext_lazy(
        "Remove these %(count)s unneeded process steps rather than automating them."
    ),
    "action.automate_process": gettext_lazy(
        "Pilot these %(count)s automation candidates one by one, best payback first."
    ),
}


def group_action(group: FindingGroup) -> str:
    first = render(group.findings[0].action)
    if group.count == 1:
        return first
    template = GROUP_ACTIONS.get(group.remedy)
    if template is not None:
        return str(template) % {"count": group.count}
    more = ngettext("(and %(n)s more like it)", "(and %(n)s more like it)", group.count - 1) % {
        "n": group.count - 1
    }
    return f"{first} {more}"


#: Kinds whose findings count the time for fixing errors in their figures: the totals above
#: the findings show manual work and fixing errors apart, so a group's figure is a different
#: quantity from the manual-transfer totals and says so (issue 21).
WITH_FIXING_ERRORS = frozenset({"manual_transfer", "manual_only_data"})


def group_figure_note(group: FindingGroup) -> str:
    """What a group's figure adds up, where it differs from the totals above the findings."""
    if group.kind not in WITH_FIXING_ERRORS:
        return ""
    if group.eur_per_year is None and group.hours_per_year is None:
        return ""
    return ngettext(
        "a year, including fixing errors (the totals above show them apart)",
        "a year for these %(n)s findings, including fixing errors (the totals above show "
        "them apart)",
        group.count,
    ) % {"n": format_number(group.count)}


def group_title(group: FindingGroup) -> str:
    label = str(KINDS.get(group.kind, group.kind))
    if group.count == 1:
        return label
    return ngettext("%(kind)s (%(n)s finding)", "%(kind)s (%(n)s findings)", group.count) % {
        "kind": label,
        "n": group.count,
    }


def finding_groups(analysis: Analysis, organisation=None) -> tuple[FindingGroup, ...]:
    """The analysis's findings in groups, kept with the analysis when an organisation is
    given (building the texts of every finding once is what grouping costs)."""
    if organisation is None:
        return group_findings(analysis.findings)
    return kept_with_analysis(analysis, "finding_groups", lambda: group_findings(analysis.findings))


def finding_groups_as_json(analysis: Analysis) -> list[dict]:
    return [
        {
            "kind": group.kind,
            "count": group.count,
            "subjects": [subject.name for subject in group.subjects],
            "action": group_action(group),
            "severity": group.severity.value,
            "eur_per_year": None
            if group.eur_per_year is None
            else round(float(group.eur_per_year), 2),
            "hours_per_year": None
            if group.hours_per_year is None
            else round(float(group.hours_per_year), 1),
        }
        for group in group_findings(analysis.findings)
    ]
