"""Reads of the company check: answers as the scorer wants them, results, the check before,
and the answers the inventory already suggests."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from leitstand.analysis.company_check.scoring import NO, YES, CheckResult, score_check
from leitstand.analysis.resilience.backup_yardstick import (
    within_twelve_months,  # a test counts for 12 months
)
from leitstand.inventory.models import Lifecycle, System
from leitstand.resilience.models import SystemResilience
from leitstand.security_check.catalogue import load_catalogue
from leitstand.security_check.models import Answer, CheckStatus, SecurityCheck
from leitstand.tenancy.models import Organisation


def answer_rows(check: SecurityCheck) -> dict[tuple[str, str], Answer]:
    return {(a.requirement, a.item): a for a in Answer.objects.filter(security_check=check)}


def nested_answers(rows) -> dict[str, dict[str, str]]:
    """{number: {item: value}} from (number, item, value) triples."""
    answers: dict[str, dict[str, str]] = defaultdict(dict)
    for number, item, value in rows:
        answers[number][item] = value
    return dict(answers)


def notes_of(check: SecurityCheck) -> dict[str, list[str]]:
    """The interviewer's notes per requirement number, in item order."""
    notes: dict[str, list[str]] = defaultdict(list)
    rows = (
        Answer.objects.filter(security_check=check)
        .exclude(note="")
        .order_by("requirement", "item")
        .values_list("requirement", "note")
    )
    for number, note in rows:
        notes[number].append(note)
    return dict(notes)


def answers_of(check: SecurityCheck) -> dict[str, dict[str, str]]:
    rows = Answer.objects.filter(security_check=check).values_list("requirement", "item", "value")
    return nested_answers(rows)


def result_of(check: SecurityCheck) -> CheckResult:
    return score_check(load_catalogue(), answers_of(check))


def checks_of(organisation: Organisation):
    return SecurityCheck.objects.for_org(organisation)


def latest_completed(organisation: Organisation) -> SecurityCheck | None:
    return checks_of(organisation).filter(status=CheckStatus.COMPLETED).first()


def previous_completed(check: SecurityCheck) -> SecurityCheck | None:
    """The completed check before this one (by date, then by creation)."""
    earlier = (
        checks_of(check.organisation).filter(status=CheckStatus.COMPLETED).exclude(pk=check.pk)
    )
    return (
        earlier.filter(checked_on__lt=check.checked_on).first()
        or earlier.filter(checked_on=check.checked_on, pk__lt=check.pk).first()
    )


def results_by_check(checks) -> dict[int, CheckResult]:
    """Results of many checks in one query (the list page)."""
    ids = [check.pk for check in checks]
    rows: dict[int, list] = defaultdict(list)
    for check_id, number, item, value in Answer.objects.filter(
        security_check_id__in=ids
    ).values_list("security_check_id", "requirement", "item", "value"):
        rows[check_id].append((number, item, value))
    catalogue = load_catalogue()
    return {pk: score_check(catalogue, nested_answers(rows.get(pk, []))) for pk in ids}


@dataclass
class Proposal:
    """An answer the inventory suggests for a part, with the facts it rests on."""

    value: str
    evidence: list[str] = field(default_factory=list)


def _unsupported_software(organisation: Organisation, today: date) -> Proposal | None:
    systems = list(System.objects.for_org(organisation).in_use().only("name", "end_of_support"))
    if not systems:
        return None
    past = [s for s in systems if s.end_of_support and s.end_of_support < today]
    if past:
        evidence = [
            _("%(system)s: support ended on %(date)s")
            % {"system": s.name, "date": s.end_of_support.isoformat()}
            for s in past
        ]
        return Proposal(NO, evidence)
    unknown = [s.name for s in systems if s.end_of_support is None]
    if unknown:
        return None
    return Proposal(
        YES,
        [
            ngettext(
                "The one system in use is still supported by its vendor.",
                "None of the %(count)d systems in use is past its end of support.",
                len(systems),
            )
            % {"count": len(systems)}
        ],
    )


def _resilience_rows(organisation: Organisation) -> list[SystemResilience]:
    return list(
        SystemResilience.objects.for_org(organisation)
        .exclude(system__lifecycle=Lifecycle.RETIRED)
        .select_related("system", "backup_responsible")
        .order_by("system__name")
    )


def _two_factor(rows) -> Proposal | None:
    facing = [r for r in rows if r.internet_facing]
    if not facing:
        return None
    weak = [r for r in facing if r.two_factor != "enforced"]
    if weak:
        return Proposal(
            NO,
            [
                _("%(system)s is reachable from the internet without enforced two-factor login.")
                % {"system": r.system.name}
                for r in weak
            ],
        )
    return Proposal(
        YES,
        [_("%(system)s enforces two-factor login.") % {"system": r.system.name} for r in facing],
    )


def _backups_exist(rows) -> Proposal | None:
    known = [r for r in rows if r.backup_exists is not None]
    if not known:
        return None
    missing = [r for r in known if not r.backup_exists]
    if missing:
        return Proposal(
            NO, [_("%(system)s has no backup.") % {"system": r.system.name} for r in missing]
        )
    return Proposal(YES, [_("%(system)s is backed up.") % {"system": r.system.name} for r in known])


def _copy_kept(rows, attribute: str, missing_text: str, present_text: str) -> Proposal | None:
    backed_up = [r for r in rows if r.backup_exists]
    known = [r for r in backed_up if getattr(r, attribute) is not None]
    if not known:
        return None
    lacking = [r for r in known if not getattr(r, attribute)]
    if lacking:
        return Proposal(NO, [missing_text % {"system": r.system.name} for r in lacking])
    if len(known) < len(backed_up):
        return None
    return Proposal(YES, [present_text % {"system": r.system.name} for r in known])


def _restore_tested(rows, today: date) -> Proposal | None:
    backed_up = [r for r in rows if r.backup_exists]
    if not backed_up:
        return None
    untested = [r for r in backed_up if not within_twelve_months(r.restore_tested_on, today)]
    if untested:
        return Proposal(
            NO,
            [
                _("%(system)s: no restore test in the last 12 months.") % {"system": r.system.name}
                for r in untested
            ],
        )
    return Proposal(
        YES,
        [
            _("%(system)s: restore tested on %(date)s.")
            % {"system": r.system.name, "date": r.restore_tested_on.isoformat()}
            for r in backed_up
        ],
    )


def _backup_owner(rows) -> Proposal | None:
    backed_up = [r for r in rows if r.backup_exists]
    if not backed_up:
        return None
    without = [r for r in backed_up if r.backup_responsible_id is None]
    if without:
        return Proposal(
            NO,
            [
                _("%(system)s: nobody is responsible for the backup.") % {"system": r.system.name}
                for r in without
            ],
        )
    return Proposal(
        YES,
        [
            _("%(system)s: %(person)s looks after the backup.")
            % {"system": r.system.name, "person": r.backup_responsible.name}
            for r in backed_up
        ],
    )


def _restore_ok(rows, today: date) -> Proposal | None:
    tested = [r for r in rows if within_twelve_months(r.restore_tested_on, today)]
    known = [r for r in tested if r.restore_test_ok is not None]
    if not known:
        return None
    failed = [r for r in known if not r.restore_test_ok]
    if failed:
        return Proposal(
            NO,
            [
                _("%(system)s: the last restore test failed.") % {"system": r.system.name}
                for r in failed
            ],
        )
    return Proposal(
        YES,
        [_("%(system)s: the last restore test worked.") % {"system": r.system.name} for r in known],
    )


def proposals(
    organisation: Organisation, today: date | None = None
) -> dict[tuple[str, str], Proposal]:
    """Answers the inventory and the per-system resilience facts already suggest, by
    (requirement, part). The interviewer confirms or changes each one."""
    today = today or timezone.localdate()
    rows = _resilience_rows(organisation)
    found = {
        ("16", "a"): _unsupported_software(organisation, today),
        ("09", "b"): _two_factor(rows),
        ("11", "a"): _backups_exist(rows),
        ("12", "a"): _copy_kept(
            rows,
            "backup_offsite",
            _("%(system)s: no backup copy off site."),
            _("%(system)s: a backup copy is kept off site."),
        ),
        ("12", "b"): _copy_kept(
            rows,
            "backup_offline",
            _("%(system)s: no offline or immutable backup copy."),
            _("%(system)s: a backup copy is offline or immutable."),
        ),
        ("13", "a"): _restore_tested(rows, today),
        ("13", "b"): _restore_ok(rows, today),
        ("14", "b"): _backup_owner(rows),
    }
    return {key: _shortened(proposal) for key, proposal in found.items() if proposal is not None}


#: Facts a proposal names; a large organisation has thousands of systems behind one answer.
EVIDENCE_SHOWN = 10


def _shortened(proposal: Proposal) -> Proposal:
    more = len(proposal.evidence) - EVIDENCE_SHOWN
    if more <= 0:
        return proposal
    rest = ngettext("… and %(n)s more system.", "… and %(n)s more systems.", more) % {"n": more}
    return Proposal(proposal.value, [*proposal.evidence[:EVIDENCE_SHOWN], rest])
