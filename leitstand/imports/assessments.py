"""Assessment columns of a systems list: business criticality, technical health, integration
capability (each 1-4 after the scale is applied), optionally when and by whom.

Each row with all three scores records a dated assessment of its system, as if entered by
hand: it becomes the system's latest assessment and the earlier ones stay its history, so the
recommendations are there right after the import. A score the row leaves out is taken from the
system's latest assessment; a system never assessed needs all three. Importing the same file
again records nothing new. The rules of the assessment form apply: no date in the future, and
a system past its vendor's end of support has technical health 1 at most.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from leitstand.assessment.models import Assessment
from leitstand.assessment.services import record_imported_assessments
from leitstand.imports.names import person_key
from leitstand.imports.rows import SKIP, RowResult
from leitstand.imports.targets import ImportTarget
from leitstand.inventory.models import System
from leitstand.tenancy.models import Membership, Organisation

#: import field -> Assessment field
AXES = {"criticality": "criticality", "health": "health", "integration_capability": "integration"}
DATE, BY = "assessed_on", "assessed_by"


@dataclass(frozen=True)
class PlannedAssessment:
    criticality: int
    health: int
    integration: int
    assessed_on: date
    assessed_by_id: int | None  # a member of the organisation of that name
    assessed_by_name: str  # as the file names them (kept in the notes when no member)
    end_of_support: date | None  # the system's, as the import leaves it


def has_assessments(target: ImportTarget, mapped: set[str]) -> bool:
    return any(field in mapped for field in AXES) and target.key == "systems"


def plan_assessments(
    organisation: Organisation, rows: list[RowResult], mapped: set[str]
) -> list[str]:
    """Give each row its planned assessment; return notes about the whole file."""
    today = timezone.localdate()
    missing = [field for field in AXES if field not in mapped]
    latest, ends = _latest_assessments(organisation)
    members = _members(organisation) if BY in mapped else {}
    for row in rows:
        if row.action == SKIP:
            continue
        scores = {field: row.values.get(field) for field in AXES}
        if all(score is None for score in scores.values()):
            continue
        pk = row.existing["pk"] if row.existing else None
        _plan_row(row, scores, latest.get(pk), ends.get(pk), members, today)
    return _notes(missing)


def _plan_row(row, scores, latest, end_of_support_stored, members, today) -> None:
    if latest is not None:
        scores = {field: scores[field] or latest[field] for field in AXES}
    absent = [field for field, score in scores.items() if score is None]
    if absent:
        row.warnings.setdefault(
            absent[0],
            _(
                "No assessment is recorded: it needs all three scores (business criticality, "
                "technical health and integration capability)."
            ),
        )
        return
    given = row.values.get(DATE)
    day = given or today
    if day > today:
        row.warnings[DATE] = _("An assessment cannot be dated in the future: today is used.")
        day = today
    end = row.values.get("end_of_support") or end_of_support_stored
    if end and end < day and scores["health"] > 1:
        row.warnings["health"] = _(
            "Vendor support ended on %(date)s, so its technical health is 1 (poor)."
        ) % {"date": formats.date_format(end, "SHORT_DATE_FORMAT")}
        scores["health"] = 1
    same_scores = latest is not None and all(latest[f] == scores[f] for f in AXES)
    if same_scores and (given is None or given == latest[DATE]):
        return  # the same scores again: nothing new to record
    name = row.values.get(BY) or ""
    row.assessment = PlannedAssessment(
        scores["criticality"],
        scores["health"],
        scores["integration_capability"],
        day,
        members.get(person_key(name)) if name else None,
        name,
        end,
    )


def _latest_assessments(organisation) -> tuple[dict[int, dict], dict[int, date]]:
    """system id -> its latest scores and date; system id -> its end of support."""
    latest: dict[int, dict] = {}
    rows = (
        Assessment.objects.for_org(organisation)
        .order_by("system_id", "assessed_on", "created_at", "pk")
        .values_list("system_id", "criticality", "health", "integration", "assessed_on")
    )
    for system_id, criticality, health, integration, day in rows:
        latest[system_id] = {
            "criticality": criticality,
            "health": health,
            "integration_capability": integration,
            DATE: day,
        }
    ends = dict(
        System.objects.for_org(organisation)
        .filter(end_of_support__isnull=False)
        .values_list("pk", "end_of_support")
    )
    return latest, ends


def _members(organisation) -> dict[str, int]:
    """Key of a member's name (and of their e-mail address) -> user id."""
    found: dict[str, int] = {}
    memberships = Membership.objects.filter(organisation=organisation).select_related("user")
    for membership in memberships:
        user = membership.user
        for name in (user.get_full_name(), user.email):
            if name:
                found.setdefault(person_key(name), user.pk)
    return found


def _notes(missing: list[str]) -> list[str]:
    if not missing or len(missing) == len(AXES):
        return []
    labels = {
        "criticality": _("business criticality"),
        "health": _("technical health"),
        "integration_capability": _("integration capability"),
    }
    return [
        _(
            "The file has no column for %(missing)s: assessments take it from the system's "
            "last assessment, and systems never assessed get none."
        )
        % {"missing": ", ".join(str(labels[field]) for field in missing)}
    ]


def write_assessments(
    organisation: Organisation, rows_with_ids: list[tuple[RowResult, int]], actor, source: str
) -> int:
    """Record the planned assessments of the rows (system ids known after writing)."""
    assessments = []
    for row, system_id in rows_with_ids:
        planned = row.assessment
        if planned is None:
            continue
        notes = [_("Imported from %(file)s.") % {"file": source}]
        if planned.assessed_by_name and planned.assessed_by_id is None:
            notes.append(_("Assessed by %(name)s.") % {"name": planned.assessed_by_name})
        system = System(
            pk=system_id, organisation=organisation, end_of_support=planned.end_of_support
        )
        assessments.append(
            Assessment(
                organisation=organisation,
                system=system,
                assessed_on=planned.assessed_on,
                criticality=planned.criticality,
                health=planned.health,
                integration=planned.integration,
                assessed_by_id=planned.assessed_by_id
                if planned.assessed_by_name
                else getattr(actor, "pk", None),
                notes=" ".join(notes),
            )
        )
    record_imported_assessments(assessments, actor)
    return len(assessments)
