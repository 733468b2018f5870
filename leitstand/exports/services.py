"""Producing export files; the pages and `leitstand export` both call these."""

import json
from pathlib import Path
from typing import IO

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from leitstand.core.sheets import export_sheets
from leitstand.exports.document import export_document
from leitstand.exports.writers import csv_bytes, write_csv_zip, write_xlsx
from leitstand.tenancy.models import Organisation

FORMATS = ("xlsx", "csv", "json")


def file_stem(organisation: Organisation) -> str:
    return f"leitstand-{organisation.slug}-{timezone.localdate().isoformat()}"


def export_xlsx(organisation: Organisation, target: IO) -> None:
    write_xlsx(organisation, export_sheets.all(), target)


def export_json(organisation: Organisation, target: IO[str]) -> None:
    json.dump(
        export_document(organisation), target, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1
    )


def export_csv(organisation: Organisation, entity: str) -> bytes:
    return csv_bytes(organisation, export_sheets.get(entity))


def export_to_path(organisation: Organisation, export_format: str, out: Path) -> list[Path]:
    """Write the export to `out`; csv writes one file per entity into a folder (or a .zip)."""
    if export_format == "xlsx":
        with out.open("wb") as handle:
            export_xlsx(organisation, handle)
        return [out]
    if export_format == "json":
        with out.open("w", encoding="utf-8") as handle:
            export_json(organisation, handle)
        return [out]
    if out.suffix.lower() == ".zip":
        with out.open("wb") as handle:
            write_csv_zip(organisation, export_sheets.all(), handle)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in export_sheets.all():
        path = out / f"{sheet.key}.csv"
        path.write_bytes(csv_bytes(organisation, sheet))
        written.append(path)
    return written
