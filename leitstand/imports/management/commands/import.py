"""`leitstand import FILE --org SLUG [--create-org "Name"] [--dry-run] [--mapping mapping.json]`

The same rules as the import pages: xlsx or csv of systems (header row and mapping found
automatically, or given as JSON {"column title": "field", ...}), or a complete JSON export.
"""

import json
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from leitstand.exports.document import DocumentProblem, load_document
from leitstand.imports import services
from leitstand.imports.reader import FileProblem, check_size, file_kind
from leitstand.imports.targets import SYSTEMS
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.services import create_organisation


class Command(BaseCommand):
    help = "Import a spreadsheet of systems (.xlsx/.csv) or a Leitstand JSON export."

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
            "--mapping",
            metavar="MAPPING.JSON",
            help='JSON object {"column title": "field name" or null}; fields: '
            + ", ".join(spec.name for spec in SYSTEMS.fields),
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
        with path.open("rb") as handle:
            run = services.start_import(organisation, File(handle), path.name, None)
        if options["mapping"]:
            services.apply_mapping_by_title(run, _read_mapping(Path(options["mapping"])))
        mapped = ", ".join(f"{title} → {field}" for title, field in services.mapped_titles(run))
        self.stdout.write(f"Sheet “{run.sheet}”, header row {run.header_row + 1}: {mapped}")
        if options["dry_run"]:
            plan = services.plan_run(run)
            run.file.delete(save=False)
        else:
            plan = services.commit_run(run, None)
        self._summary(plan, options["dry_run"])

    def _summary(self, plan, dry_run: bool) -> None:
        for row in plan.skipped:
            self.stdout.write(f"  row {row.number} skipped ({row.name or '-'}): {row.skip_reason}")
        for key, names in plan.new_names().items():
            if names:
                self.stdout.write(f"  new {key}: {', '.join(names)}")
        counts = plan.counts
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: {counts['create']} created, {counts['update']} updated, "
                f"{counts['unchanged']} unchanged, {counts['skip']} skipped."
            )
        )


def _read_mapping(path: Path) -> dict:
    try:
        mapping = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"Cannot read the mapping {path}: {exc}") from exc
    if not isinstance(mapping, dict):
        raise CommandError('The mapping must be a JSON object {"column title": "field"}.')
    return mapping
