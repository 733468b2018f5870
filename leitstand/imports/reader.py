"""Opening an uploaded spreadsheet safely: size, true file type, zip bombs, CSV dialects.

Everything is checked before python-calamine or the csv module reads a cell: a file over the
size limit, an xlsx whose zip members decompress to absurd sizes, or a sheet whose cells span
an absurd area is refused with a message, without exhausting memory. Formula cells give their
cached value (calamine never evaluates formulas).
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

#: Limits for what an xlsx may unpack to; real inventories stay far below them.
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200
MAX_COLUMNS = 300
MAX_CELLS = 6_000_000
CHUNK = 1024 * 1024
_ROW_REF = re.compile(rb'<row[^>]*?\sr="(\d+)"')
#: Cells from column AA on: ' r="AB12"'. The pattern starts with text, not with the space
#: before it, so the regex engine can skip ahead; the space is checked on each match.
_WIDE_CELL = re.compile(rb'r="([A-Z]{2,3})\d')
_XML_SPACE = frozenset(b" \t\n\r\f\v")
_SIGNATURES = {
    b"PK\x03\x04": "zip",
    b"\xd0\xcf\x11\xe0": "ole",
    b"%PDF": "pdf",
}
CSV_DELIMITERS = (";", ",", "\t")


class FileProblem(Exception):
    """The file cannot be read; the message tells the user what to do."""


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]


def max_upload_bytes() -> int:
    return settings.LEITSTAND_IMPORT_MAX_BYTES


def check_size(size: int) -> None:
    limit = max_upload_bytes()
    if size > limit:
        raise FileProblem(
            _("The file is %(size)s MB; files up to %(limit)s MB can be imported.")
            % {"size": round(size / 1024 / 1024, 1), "limit": round(limit / 1024 / 1024, 1)}
        )


def file_kind(name: str) -> str:
    """'xlsx', 'csv' or 'json' from the file name; anything else is refused."""
    suffix = Path(name).suffix.lower()
    kinds = {".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".txt": "csv", ".json": "json"}
    if suffix == ".xls":
        raise FileProblem(
            _("This is the old Excel format (.xls). Open it in Excel and save it as .xlsx.")
        )
    if suffix not in kinds:
        raise FileProblem(_("Leitstand reads .xlsx, .csv and .json files."))
    return kinds[suffix]


def _signature(head: bytes) -> str:
    for magic, kind in _SIGNATURES.items():
        if head.startswith(magic):
            return kind
    if utf16_encoding(head):
        return "text"  # Excel's "Unicode text": UTF-16, usually with a byte order mark
    return "binary" if b"\x00" in head else "text"


def utf16_encoding(head: bytes) -> str | None:
    """ "utf-16" when the bytes start with a UTF-16 byte order mark; "utf-16-le" / "-be" when,
    without one, they are text whose every other byte is zero (Latin letters in UTF-16)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def read_sheets(path: Path, name: str) -> list[Sheet]:
    """All sheets of an xlsx, or the one table of a CSV file, as rows of raw cells."""
    check_size(path.stat().st_size)
    kind = file_kind(name)
    with path.open("rb") as handle:
        head = handle.read(4096)
    found = _signature(head)
    if kind == "xlsx":
        if found != "zip":
            raise FileProblem(_not_what_it_says(name, found))
        check_zip(path)
        return _read_xlsx(path)
    if kind == "csv":
        if found != "text":
            raise FileProblem(_not_what_it_says(name, found))
        return [Sheet(Path(name).stem, read_csv_rows(path.read_bytes()))]
    raise FileProblem(_("A JSON file is a complete Leitstand export, not a table."))


def _not_what_it_says(name: str, found: str) -> str:
    described = {
        "zip": _("an Excel workbook or another zip archive"),
        "ole": _("an old Excel (.xls) or Word file"),
        "pdf": _("a PDF document"),
        "binary": _("a binary file"),
        "text": _("a text file"),
    }[found]
    return _(
        "“%(name)s” is not what its name says: it looks like %(found)s. "
        "Save the list as .xlsx or .csv and upload that file."
    ) % {"name": name, "found": described}


def check_zip(path: Path) -> None:
    """Refuse zip bombs: absurd declared sizes or ratios, lying headers, absurd sheet areas."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
                raise FileProblem(_bomb_message())
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > CHUNK and ratio > MAX_RATIO:
                    raise FileProblem(_bomb_message())
                _check_member(archive, member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise FileProblem(
            _("The workbook is damaged and cannot be opened (%(error)s).") % {"error": exc}
        ) from exc


def _check_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Decompress in chunks (the CRC check catches a lying size); measure sheet areas."""
    is_sheet = member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
    max_row, max_column, tail, read = 0, 26, b"", 0
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            if read > member.file_size:
                raise FileProblem(_bomb_message())
            if is_sheet:
                window = tail + chunk
                max_row = max([max_row, *(int(row) for row in _ROW_REF.findall(window))])
                columns = (
                    _column_index(match[1])
                    for match in _WIDE_CELL.finditer(window)
                    if match.start() and window[match.start() - 1] in _XML_SPACE
                )
                max_column = max([max_column, *columns])
                tail = chunk[-200:]
    if max_column > MAX_COLUMNS or max_row * max_column > MAX_CELLS:
        raise FileProblem(
            _(
                "A sheet in this workbook spans an absurd area (%(rows)s rows, %(columns)s "
                "columns). Copy the list into a new workbook and try again."
            )
            % {"rows": max_row, "columns": max_column}
        )


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + (letter - 64)
    return index


def _bomb_message() -> str:
    return _(
        "This workbook unpacks to far more data than a spreadsheet of this size can hold "
        "(a “zip bomb”). It was not opened."
    )


def _read_xlsx(path: Path) -> list[Sheet]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            sheets.append(Sheet(name, rows))
        return sheets
    except CalamineError as exc:
        raise FileProblem(
            _("The workbook cannot be read (%(error)s). Save it again in Excel and retry.")
            % {"error": exc}
        ) from exc


def decode_text(data: bytes) -> str:
    """UTF-16 (Excel's "Unicode text"), UTF-8 with or without BOM, else Windows-1252 (what
    German Excel writes as CSV)."""
    utf16 = utf16_encoding(data[:4096])
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise FileProblem(
                _("The file looks like Unicode text (UTF-16) but is damaged (%(error)s).")
                % {"error": exc.reason}
            ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def detect_delimiter(text: str) -> str:
    """The separator that splits the most lines into the same number of columns."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ";", -1.0
    for delimiter in CSV_DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [count for count in counts if count > 1]
        if not wide:
            continue
        common = max(set(wide), key=wide.count)
        score = wide.count(common) * common
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_rows(data: bytes) -> list[list[object]]:
    text = decode_text(data)
    delimiter = detect_delimiter(text)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
