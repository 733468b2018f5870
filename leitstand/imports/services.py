"""Import a spreadsheet: store the upload, propose a mapping, plan, commit. Pages and the
`leitstand import` command both go through these functions."""

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from auditlog.models import LogEntry
from django.conf import settings
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from prometheus_client import Histogram

from leitstand.core.queries import refresh_statistics
from leitstand.imports import memory, staging
from leitstand.imports.decisions import Decisions
from leitstand.imports.headers import (
    HeaderGuess,
    choose_sheet,
    detect_lists,
    guess_header,
    headers_of,
    propose_mapping,
)
from leitstand.imports.models import ImportRun
from leitstand.imports.planning import ImportPlan, plan_import
from leitstand.imports.reader import FileProblem, Sheet, check_size, file_kind, read_sheets
from leitstand.imports.rows import CREATE
from leitstand.imports.scores import SCALES
from leitstand.imports.targets import SYSTEMS, TARGETS, ImportTarget, target_for
from leitstand.imports.writer import write_plan
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import bump_landscape

#: Prometheus (/metrics): how long writing an import took, by what was imported.
import_duration = Histogram(
    "leitstand_import_duration_seconds",
    "Time to write an import (plan and write, all or nothing), by target list",
    ["target"],
    buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, float("inf")),
)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading and writing a large list creates a few hundred thousand objects that all live
    until the import ends and form no reference cycles; the cyclic garbage collector would walk
    them (and the whole application) again and again, which cost about 15% of an import.
    It pauses meanwhile and runs as usual afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def start_import(
    organisation: Organisation,
    upload: UploadedFile | File,
    name: str,
    actor,
    target: str | None = None,
) -> ImportRun:
    """Keep the uploaded file, find its list and propose a mapping. Raises FileProblem.

    Without a `target`, the column titles decide what the file holds; a workbook with several
    lists starts with the one the others refer to (systems before integrations)."""
    check_size(upload.size)
    if file_kind(name) == "json":
        raise FileProblem(
            _("JSON exports are loaded with the command “leitstand import FILE.json --org SLUG”.")
        )
    if target is not None and target not in TARGETS:
        raise FileProblem(_unknown_target(target))
    run = ImportRun(organisation=organisation, original_name=name[:255], created_by=actor)
    run.file.save(name, upload, save=False)
    try:
        with collector_paused():
            sheets = read_sheets(Path(run.file.path), name)
            lists = detect_lists(sheets)
            guess = _first_list(lists, sheets, target)
    except FileProblem:
        run.file.delete(save=False)
        raise
    run.read_sheets = sheets  # kept for this request or command: the file is read once
    run.detected = [{"sheet": found.sheet.name, "target": found.target} for found in lists]
    _use_guess(run, guess)
    memory.recall(run, headers_of(guess.sheet, guess.row))
    run.save()
    return run


def _first_list(lists: list[HeaderGuess], sheets: list[Sheet], target: str | None) -> HeaderGuess:
    for found in lists:
        if target in (None, found.target):
            return found
    return choose_sheet(target or SYSTEMS.key, sheets)


def _use_guess(run: ImportRun, guess: HeaderGuess) -> None:
    run.target = guess.target
    run.sheet = guess.sheet.name
    run.header_row = guess.row
    run.mapping = {str(column): field for column, field in guess.mapping.items()}


def _unknown_target(target: str) -> str:
    return _("“%(target)s” cannot be imported. Known lists: %(known)s.") % {
        "target": target,
        "known": ", ".join(TARGETS),
    }


def continue_import(run: ImportRun, actor, found: dict | None = None) -> ImportRun:
    """Start the import of the file's next list (the integrations after the systems), from a
    copy of the same file, so each import keeps its own file in the history. `found` names
    another sheet and target ({"sheet": ..., "target": ...}) than the one detected."""
    with transaction.atomic():
        ImportRun.objects.select_for_update().get(pk=run.pk)  # one next step, even on two clicks
        earlier = run.continuations.order_by("pk").first()
        if earlier is not None:
            return earlier
        found = found or run.next_list
        if found is None:
            raise FileProblem(_("This file holds no further list to import."))
        if found["target"] not in TARGETS:
            raise FileProblem(_unknown_target(found["target"]))
        if not run.is_done:
            raise FileProblem(_("Import this list first: the next one refers to it."))
        follow = ImportRun(
            organisation=run.organisation,
            original_name=run.original_name,
            created_by=actor,
            detected=run.detected,
            continued_from=run,
        )
        try:
            with run.file.open("rb") as handle:
                follow.file.save(run.original_name, File(handle), save=False)
        except FileNotFoundError:
            raise FileProblem(_("The original file is no longer stored.")) from None
        try:
            sheets = read_sheets(Path(follow.file.path), follow.original_name)
        except FileProblem:
            follow.file.delete(save=False)
            raise
        follow.read_sheets = sheets
        sheet = sheet_of_name(sheets, found["sheet"])
        guess = guess_header(found["target"], sheet)
        _use_guess(follow, guess)
        follow.decisions = _carried_over(run.decisions)
        memory.recall(follow, headers_of(sheet, guess.row))
        follow.save()
    return follow


def _carried_over(decisions: dict) -> dict:
    """The next list of a file keeps the first's merges of names and --yes-merge."""
    earlier = Decisions.from_json(decisions)
    return Decisions(merges=earlier.merges, merge_all=earlier.merge_all).to_json()


def sheets_of(run: ImportRun) -> list[Sheet]:
    cached = getattr(run, "read_sheets", None)
    if cached is not None:
        return cached
    return read_sheets(Path(run.file.path), run.original_name)


def sheet_of(run: ImportRun, sheets: list[Sheet]) -> Sheet:
    return sheet_of_name(sheets, run.sheet)


def sheet_of_name(sheets: list[Sheet], name: str) -> Sheet:
    for sheet in sheets:
        if sheet.name == name:
            return sheet
    return sheets[0]


def mapping_of(run: ImportRun) -> dict[int, str]:
    return {int(column): field for column, field in run.mapping.items() if field}


def change_sheet(
    run: ImportRun, sheet: Sheet, header_row: int | None = None, target: str | None = None
) -> None:
    """Another sheet, header row or kind of list: propose the mapping afresh for its headers.

    A new sheet without a chosen kind of list takes the kind found in it when the file was
    read (the integrations sheet of a workbook holds integrations)."""
    if target is None and sheet.name != run.sheet:
        found = {entry["sheet"]: entry["target"] for entry in run.detected}
        target = found.get(sheet.name)
    if target is not None:
        if target not in TARGETS:
            raise FileProblem(_unknown_target(target))
        run.target = target
    guess = guess_header(run.target, sheet)
    run.sheet = sheet.name
    run.header_row = guess.row if header_row is None else header_row
    headers = sheet.rows[run.header_row] if run.header_row < len(sheet.rows) else []
    run.mapping = {str(c): f for c, f in propose_mapping(run.target, headers).items()}
    memory.recall(run, headers_of(sheet, run.header_row))
    run.save(update_fields=["target", "sheet", "header_row", "mapping", "decisions"])


def save_mapping(run: ImportRun, mapping: dict[str, str]) -> None:
    """The columns' fields as the person chose them on the mapping page."""
    run.mapping = mapping
    run.save(update_fields=["mapping"])


def mapped_titles(run: ImportRun) -> list[tuple[str, str]]:
    titles = headers_of(sheet_of(run, sheets_of(run)), run.header_row or 0)
    return [
        (titles[column] if column < len(titles) else str(column + 1), field)
        for column, field in sorted(mapping_of(run).items())
    ]


def apply_mapping_by_title(run: ImportRun, by_title: dict[str, str | None]) -> None:
    """Use a mapping given as {"column title": "field" or null}; titles match ignoring case."""
    target = target_for(run.target)
    valid = {spec.name for spec in target.fields}
    unknown = sorted(str(field) for field in by_title.values() if field and field not in valid)
    if unknown:
        raise FileProblem(
            _("Unknown fields in the mapping: %(fields)s. Known fields: %(valid)s.")
            % {"fields": ", ".join(unknown), "valid": ", ".join(sorted(valid))}
        )
    titles = headers_of(sheet_of(run, sheets_of(run)), run.header_row or 0)
    columns = {title.strip().lower(): index for index, title in enumerate(titles) if title}
    missing = [title for title in by_title if title.strip().lower() not in columns]
    if missing:
        raise FileProblem(
            _("The header row has no column “%(title)s”. Its columns are: %(titles)s.")
            % {"title": missing[0], "titles": ", ".join(t for t in titles if t)}
        )
    mapping = {str(column): field for column, field in mapping_of(run).items()}
    for title, field in by_title.items():
        column = str(columns[title.strip().lower()])
        mapping = {c: f for c, f in mapping.items() if f != field or not field}
        mapping.pop(column, None)
        if field:
            mapping[column] = field
    run.mapping = mapping
    run.save(update_fields=["mapping"])


def decisions_of(run: ImportRun) -> Decisions:
    return Decisions.from_json(run.decisions)


def save_decisions(run: ImportRun, decisions: Decisions) -> None:
    """Keep a person's decisions with the import (and the note of what was remembered)."""
    remembered = (run.decisions or {}).get("remembered")
    run.decisions = decisions.to_json()
    if remembered is not None:
        run.decisions["remembered"] = remembered
    run.save(update_fields=["decisions"])


def choosable_values(target: ImportTarget, field_name: str) -> list[tuple[str, str]]:
    """(value, label) a person may give an unclear value of this field ("" leaves it empty)."""
    spec = target.field(field_name)
    if spec.kind == "bool":
        return [("true", _("yes")), ("false", _("no"))]
    if spec.kind == "score":
        return [(str(score), str(score)) for score in range(1, 5)]
    return [(str(value), str(label)) for value, label in target.model_field(field_name).choices]


def choose(
    run: ImportRun,
    values: dict | None = None,
    scales: dict | None = None,
    merge_all: bool = False,
) -> None:
    """Decide what unclear values mean ({"hosting": {"Appliance": "on_premises"}}), the scale
    of score columns ({"health": "1-5"}) and whether proposed merges are taken. Raises
    FileProblem naming what is not known, and keeps nothing then."""
    target = target_for(run.target)
    decisions = decisions_of(run)
    for field_name, chosen in (values or {}).items():
        allowed = _choosable(target, field_name)
        if not isinstance(chosen, dict):
            raise FileProblem(_('“values” needs an object per field: {"hosting": {...}}.'))
        for text, value in chosen.items():
            value = "" if value is None else str(value)
            if value and value not in allowed:
                raise FileProblem(
                    _("“%(value)s” is not a value of %(field)s. Values: %(allowed)s.")
                    % {"value": value, "field": field_name, "allowed": ", ".join(allowed)}
                )
            decisions.choose_value(field_name, str(text), value)
    for field_name, scale in (scales or {}).items():
        if field_name not in target_fields(target, "score") or scale not in SCALES:
            raise FileProblem(
                _("Scales are given for %(fields)s, as one of %(scales)s.")
                % {
                    "fields": ", ".join(target_fields(target, "score")) or "-",
                    "scales": ", ".join(SCALES),
                }
            )
        decisions.scales[field_name] = scale
    decisions.merge_all = decisions.merge_all or merge_all
    save_decisions(run, decisions)


def _choosable(target: ImportTarget, field_name: str) -> list[str]:
    names = target_fields(target, "choice", "bool", "score")
    if field_name not in names:
        raise FileProblem(
            _("Values can be chosen for %(fields)s, not for “%(field)s”.")
            % {"fields": ", ".join(names), "field": field_name}
        )
    return [value for value, _label in choosable_values(target, field_name)]


def target_fields(target: ImportTarget, *kinds: str) -> list[str]:
    return [spec.name for spec in target.fields if spec.kind in kinds]


def plan_run(run: ImportRun, sheets: list[Sheet] | None = None) -> ImportPlan:
    sheet = sheet_of(run, sheets if sheets is not None else sheets_of(run))
    return plan_import(
        run.organisation,
        target_for(run.target),
        sheet,
        run.header_row or 0,
        mapping_of(run),
        decisions_of(run),
    )


#: Warnings a report keeps; a list of thousands of rows with one odd column says the rest.
MAX_REPORTED_WARNINGS = 1000


def report_of(plan: ImportPlan) -> dict:
    """What the import history keeps: counts, skipped rows with reasons, rows imported with
    a cell left empty (warnings), new entries, assessments recorded."""
    warnings = [
        {
            "row": row.number,
            "name": plan.describe(row),
            "field": plan.target.label_for(field),
            "message": message,
        }
        for row in plan.with_warnings
        for field, message in row.warnings.items()
    ]
    return {
        "counts": plan.counts,
        "skipped": [
            {"row": row.number, "name": plan.describe(row), "reason": row.skip_reason}
            for row in plan.skipped
        ],
        "warnings": warnings[:MAX_REPORTED_WARNINGS],
        "warning_count": len(warnings),
        "new": plan.new_names(),
        "assessments": plan.assessments,
        "notes": plan.notes,
    }


class OpenQuestions(FileProblem):
    """The preview still asks something the import needs (a merge, a scale)."""


def commit_run(run: ImportRun, actor, require_decisions: bool = False) -> ImportPlan:
    """Write the import, all or nothing, with one audit entry. With `require_decisions` (the
    pages), nothing is written while a proposed merge of names or the scale of a score column
    is undecided; elsewhere merges stay apart and such scores empty.

    A list longer than `staging.BATCH_ROWS` rows, outside a caller's transaction, is planned
    without writing and its new rows are written in batches through a staging organisation
    (leitstand/imports/staging.py), so other writers are never held up for long; a shorter
    one (or one inside the caller's transaction, like the command line's whole workbook) is
    written in one transaction."""
    started = time.perf_counter()
    sheets = sheets_of(run)
    rows = len(sheet_of(run, sheets).rows) - (run.header_row or 0) - 1
    check_supported_size(run, rows, alone=True)  # refused before any planning
    large = rows > staging.BATCH_ROWS
    if large and not transaction.get_connection().in_atomic_block:
        plan = _commit_staged(run, actor, require_decisions, sheets)
    else:
        plan = _commit_in_one_transaction(run, actor, require_decisions, sheets)
    counts = plan.counts
    refresh_statistics(target_for(run.target).model, counts["create"] + counts["update"])
    import_duration.labels(run.target).observe(time.perf_counter() - started)
    return plan


def supported_size(target: str) -> int | None:
    """The most rows of the target an organisation may hold (README: Size limits)."""
    return {
        SYSTEMS.key: settings.LEITSTAND_MAX_SYSTEMS,
        "integrations": settings.LEITSTAND_MAX_INTEGRATIONS,
    }.get(target)


def check_supported_size(run: ImportRun, new_rows: int, alone: bool = False) -> None:
    """Refuse an import that would take the organisation past the supported size: a list
    longer than it (`alone`, before planning), or new rows that with those already recorded
    exceed it (after planning, before writing)."""
    limit = supported_size(run.target)
    if limit is None or new_rows <= 0:
        return
    model = target_for(run.target).model
    existing = 0 if alone else model.objects.for_org(run.organisation).count()
    if existing + new_rows > limit:
        raise FileProblem(
            _(
                "Leitstand supports organisations of up to %(limit)s %(what)s; this import "
                "would add up to %(new)s to the %(existing)s already recorded. Nothing was "
                "imported. Split the organisation, or see “Size limits” in the README."
            )
            % {
                "limit": f"{limit:,}",
                "what": model._meta.verbose_name_plural,
                "new": f"{new_rows:,}",
                "existing": f"{existing:,}",
            }
        )


def _check_open_questions(plan: ImportPlan, require_decisions: bool) -> None:
    if require_decisions and (plan.undecided_merges or plan.unclear_scales):
        raise OpenQuestions(_("Decide the open questions in step 2 first."))


def _lock_draft(run: ImportRun) -> None:
    locked = ImportRun.objects.select_for_update().get(pk=run.pk)
    if locked.is_done:
        raise FileProblem(_("This file has already been imported."))


def _commit_in_one_transaction(run, actor, require_decisions, sheets) -> ImportPlan:
    with collector_paused(), transaction.atomic():
        _lock_draft(run)
        plan = plan_run(run, sheets)
        _check_open_questions(plan, require_decisions)
        check_supported_size(run, plan.count(CREATE))
        write_plan(run.organisation, plan, actor, run.original_name)
        _finish(run, plan, actor, sheets)
    return plan


def _commit_staged(run, actor, require_decisions, sheets) -> ImportPlan:
    if ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.DONE).exists():
        raise FileProblem(_("This file has already been imported."))
    with collector_paused():
        plan = plan_run(run, sheets)  # reads only: writers go on meanwhile
    _check_open_questions(plan, require_decisions)
    check_supported_size(run, plan.count(CREATE))
    creating = [row for row in plan.rows if row.action == CREATE]
    new_references = plan.new
    # Without new rows nothing would be staged: the updates go in with the switch-over.
    hidden = staging.create_staging(run) if creating else None
    try:
        with collector_paused():
            for start in range(0, len(creating), staging.BATCH_ROWS):
                batch = replace(
                    plan, rows=creating[start : start + staging.BATCH_ROWS], new=new_references
                )
                with transaction.atomic():  # a short write, then others get their turn
                    write_plan(hidden, batch, actor, run.original_name)
                new_references = {}
            rest = replace(plan, rows=[row for row in plan.rows if row.action != CREATE])
            rest.new = new_references
            with transaction.atomic():  # the switch-over: everything appears at once
                _lock_draft(run)
                write_plan(run.organisation, rest, actor, run.original_name)
                if hidden is not None:
                    staging.move_rows(hidden, run.organisation)
                _finish(run, plan, actor, sheets)
    except IntegrityError as exc:
        if hidden is not None:
            staging.discard(hidden)
        raise FileProblem(
            _(
                "While the import was being written, someone entered rows that clash with it "
                "(the same name, for example). Nothing was imported; start the import again."
            )
        ) from exc
    except BaseException:
        if hidden is not None:
            staging.discard(hidden)
        raise
    return plan


def _finish(run: ImportRun, plan: ImportPlan, actor, sheets) -> None:
    """Inside the import's (last) transaction: the record is done, with its audit entry."""
    bump_landscape(run.organisation)  # bulk writes send no signals
    counts = plan.counts
    run.status = ImportRun.Status.DONE
    run.committed_at = timezone.now()
    run.created_count = counts["create"]
    run.updated_count = counts["update"]
    run.unchanged_count = counts["unchanged"]
    run.skipped_count = counts["skip"]
    run.report = report_of(plan)
    run.save()
    log_import(run, actor)
    memory.remember(run, headers_of(sheet_of(run, sheets), run.header_row or 0))


def log_import(run: ImportRun, actor) -> LogEntry:
    """The single audit entry of an import batch, with actor and organisation."""
    changes = {
        "status": [ImportRun.Status.DRAFT.value, ImportRun.Status.DONE.value],
        "created_count": ["0", str(run.created_count)],
        "updated_count": ["0", str(run.updated_count)],
        "unchanged_count": ["0", str(run.unchanged_count)],
        "skipped_count": ["0", str(run.skipped_count)],
    }
    if run.report.get("assessments"):
        changes["assessment_count"] = ["0", str(run.report["assessments"])]
    return LogEntry.objects.log_create(
        run,
        action=LogEntry.Action.CREATE,
        changes=changes,
        actor=actor,
        additional_data={"organisation": run.organisation_id},
    )


def delete_run(run: ImportRun) -> None:
    """Forget an import and its stored file; what it imported stays."""
    run.file.delete(save=False)
    run.delete()
