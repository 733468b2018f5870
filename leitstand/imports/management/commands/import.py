"""`leitstand import FILE --org SLUG [--create-org "Name"] [--dry-run] [--mapping mapping.json]
[--yes-merge]`

The same rules as the import pages: an xlsx or csv of systems or integrations (what it holds,
the header row and the mapping are found automatically), or a complete JSON export. A workbook
with a systems sheet and an integrations sheet is imported in one go, systems first, all or
nothing. The mapping file is either {"column title": "field" or null, ...}, or names the list:
{"target": "integrations", "sheet": "Schnittstellen", "columns": {...}}, or is a list of such
objects, one per step. Each may also say what unclear values mean and the scale of score
columns: "values": {"hosting": {"Appliance": "on_premises", "Keller": ""}},
"scales": {"health": "1-5"}. Choices made before (pages or command) are remembered per
organisation and file layout and used again. --yes-merge takes every proposed merge of
near-identical names ("T. Becker" is "Thomas Becker"); without it they stay apart.
"""

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from leitstand.exports.document import DocumentProblem, load_document
from leitstand.imports import services
from leitstand.imports.reader import FileProblem, check_size, file_kind
from leitstand.imports.scores import SCALES
from leitstand.imports.targets import TARGETS
from leitstand.onboarding.services import create_organisation
from leitstand.tenancy.models import Organisation


@dataclass
class Step:
    """One list to import, as the mapping file may give it."""

    target: str | None = None
    sheet: str | None = None
    columns: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)  # field -> {text as written: value or ""}
    scales: dict = field(default_factory=dict)  # field -> scale key


class Command(BaseCommand):
    help = (
        "Import a spreadsheet (.xlsx/.csv) of systems, of integrations or of both (one sheet "
        "each), or a Leitstand JSON export."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the .xlsx, .csv or .json file")
        parser.add_argument("--org", required=True, help="the organisation's short name (slug)")
        parser.add_argument(
            "--create-org", metavar="NAME", help="create the organisation with this name first"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would change, write nothing"
        )
        parser.add_argument(
            "--yes-merge",
            action="store_true",
            help='merge near-identical names as proposed ("T. Becker" and "Thomas Becker", '
            '"Vertieb" and "Vertrieb"); without it they are listed and kept apart',
        )
        parser.add_argument(
            "--mapping",
            metavar="MAPPING.JSON",
            help='JSON object {"column title": "field name" or null}, or {"target": "...", '
            '"sheet": "...", "columns": {...}}, or a list of these (one per sheet); each may '
            'add "values": {"field": {"text": "value" or ""}} and "scales": {"field": '
            '"1-5"} (scales: '
            + ", ".join(SCALES)
            + "). Fields: "
            + "; ".join(
                f"{key}: " + ", ".join(spec.name for spec in target.fields)
                for key, target in TARGETS.items()
            ),
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            check_size(path.stat().st_size)
            kind = file_kind(path.name)
            with transaction.atomic():
                organisation = self._organisation(options)
                if kind == "json":
                    self._load_json(organisation, path)
                else:
                    self._import_table(organisation, path, options)
                if options["dry_run"]:
                    transaction.set_rollback(True)
        except (FileProblem, DocumentProblem) as problem:
            raise CommandError(str(problem)) from problem

    def _organisation(self, options) -> Organisation:
        slug = options["org"]
        if options["create_org"]:
            if Organisation.objects.filter(slug=slug).exists():
                raise CommandError(f"An organisation with the short name {slug!r} exists already.")
            if slug != slugify(slug):
                raise CommandError(f"{slug!r} is not a valid short name (use a-z, 0-9 and -).")
            return create_organisation(owner=None, name=options["create_org"], slug=slug)
        try:
            return Organisation.objects.get(slug=slug)
        except Organisation.DoesNotExist:
            raise CommandError(
                f'No organisation with the short name {slug!r}. Add --create-org "Name".'
            ) from None

    def _load_json(self, organisation: Organisation, path: Path) -> None:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path.name} is not valid JSON: {exc}") from exc
        counts = load_document(organisation, document)
        summary = ", ".join(f"{count} {key}" for key, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded into {organisation.name}: {summary}."))

    def _import_table(self, organisation: Organisation, path: Path, options) -> None:
        """Each list of the file in turn (systems, then integrations); the caller's
        transaction makes the whole file all or nothing."""
        steps = _read_mapping(Path(options["mapping"])) if options["mapping"] else [Step()]
        dry_run = options["dry_run"]
        self.yes_merge = options["yes_merge"]
        with path.open("rb") as handle:
            run = services.start_import(
                organisation, File(handle), path.name, None, steps[0].target
            )
        runs = [run]
        try:
            for number in itertools.count():  # each step moves on in import order
                step = steps[number] if number < len(steps) else Step()
                self._prepare(run, step)
                following = steps[number + 1] if number + 1 < len(steps) else None
                found = _next_list(run, following)
                if dry_run and found is None:
                    plan = services.plan_run(run)  # the last step: nothing needs it written
                else:
                    plan = services.commit_run(run, None)  # a dry run rolls it back at the end
                self._summary(plan, dry_run)
                if found is None:
                    break
                run = services.continue_import(run, None, found)
                runs.append(run)
        except BaseException:
            _delete_files(runs)
            raise
        if dry_run:
            _delete_files(runs)

    def _prepare(self, run, step: Step) -> None:
        if step.sheet or (step.target and step.target != run.target):
            sheets = services.sheets_of(run)
            sheet = services.sheet_of_name(sheets, step.sheet or run.sheet)
            if step.sheet and sheet.name != step.sheet:
                raise CommandError(f"The file has no sheet {step.sheet!r}.")
            services.change_sheet(run, sheet, target=step.target or run.target)
        if step.columns:
            services.apply_mapping_by_title(run, step.columns)
        if step.values or step.scales or self.yes_merge:
            services.choose(run, step.values, step.scales, self.yes_merge)
        mapped = ", ".join(f"{title} → {field}" for title, field in services.mapped_titles(run))
        self.stdout.write(
            f"{run.target.capitalize()} from sheet “{run.sheet}”, header row "
            f"{run.header_row + 1}: {mapped}"
        )

    def _summary(self, plan, dry_run: bool) -> None:
        for row in plan.skipped:
            name = plan.describe(row) or "-"
            self.stdout.write(f"  row {row.number} skipped ({name}): {row.skip_reason}")
        for row in plan.with_warnings:
            name = plan.describe(row) or "-"
            for field_name, message in row.warnings.items():
                label = plan.target.label_for(field_name)
                self.stdout.write(f"  row {row.number} ({name}), {label}: {message}")
        self._values(plan)
        for note in plan.notes:
            self.stdout.write(f"  note: {note}")
        for key, names in plan.new_names().items():
            if names:
                self.stdout.write(f"  new {key}: {', '.join(names)}")
        counts = plan.counts
        verb = "Would import" if dry_run else "Imported"
        assessed = f", {plan.assessments} assessments recorded" if plan.assessments else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: {counts['create']} created, {counts['update']} updated, "
                f"{counts['unchanged']} unchanged, {counts['skip']} skipped{assessed}."
            )
        )

    def _values(self, plan) -> None:
        """Values read by closeness, values nobody can tell, scales and merges to decide."""
        for field_name, notes in plan.values.items():
            for text, (value, how, rows) in notes.noted.items():
                if how == "close":
                    self.stdout.write(f"  {field_name}: “{text}” read as {value!r} ({rows} rows)")
            for text, rows in notes.unclear.items():
                self.stdout.write(
                    f"  {field_name}: “{text}” not understood, left empty ({rows} rows); "
                    f'say what it means in --mapping: "values": {{"{field_name}": '
                    f'{{"{text}": "..."}}}}'
                )
            if notes.unclear_scale:
                low, high = notes.unclear_scale
                self.stdout.write(
                    f"  {field_name}: numbers from {low} to {high}, scale unknown, left empty; "
                    f'give it in --mapping: "scales": {{"{field_name}": "1-5"}}'
                )
        for proposal in plan.merges:
            state = {True: "merged", False: "kept apart", None: "kept apart"}[proposal.decided]
            self.stdout.write(
                f"  {proposal.reference}: “{proposal.name}” is probably “{proposal.same_as}”: "
                f"{state}" + ("" if proposal.decided is not None else " (--yes-merge merges)")
            )


def _next_list(run, following: Step | None) -> dict | None:
    """The list to import after this run: the next step of the mapping file, else the next
    list found in the file."""
    if following is None:
        return run.next_list
    found = run.next_list or {}
    target = following.target or found.get("target")
    sheet = following.sheet or found.get("sheet")
    if not target or not sheet:
        raise CommandError("Each further step of the mapping needs a target and a sheet.")
    return {"target": target, "sheet": sheet}


def _delete_files(runs) -> None:
    for run in runs:
        run.file.delete(save=False)


def _read_mapping(path: Path) -> list[Step]:
    try:
        mapping = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"Cannot read the mapping {path}: {exc}") from exc
    entries = mapping if isinstance(mapping, list) else [mapping]
    steps = [_step(entry) for entry in entries]
    if not steps:
        raise CommandError("The mapping names no list.")
    return steps


def _step(entry: object) -> Step:
    if not isinstance(entry, dict):
        raise CommandError('The mapping must be a JSON object {"column title": "field"}.')
    entry = dict(entry)
    values, scales = _object(entry, "values"), _object(entry, "scales")
    if not isinstance(entry.get("columns"), dict):
        return Step(columns=entry, values=values, scales=scales)  # the short form
    target = entry.get("target")
    if target is not None and target not in TARGETS:
        known = ", ".join(TARGETS)
        raise CommandError(f"Unknown target {target!r} in the mapping; known: {known}.")
    return Step(target, entry.get("sheet"), entry["columns"], values, scales)


def _object(entry: dict, key: str) -> dict:
    """ "values" or "scales" of a mapping entry (an object), taken out of it."""
    found = entry.pop(key, None)
    if found is None:
        return {}
    if not isinstance(found, dict):
        raise CommandError(f'"{key}" in the mapping must be a JSON object.')
    return found
