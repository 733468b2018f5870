"""Opening uploads safely: CSV dialects, files that are not what they say, size, zip bombs."""

import zipfile
from pathlib import Path

import pytest

from leitstand.imports import reader
from leitstand.imports.reader import FileProblem, read_sheets
from leitstand.imports.tests.corpus import german_csv_bytes, write_german_xlsx


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", ","), ("cp1252", "\t")],
)
def test_csv_encoding_and_delimiter_are_detected(tmp_path, encoding, delimiter):
    path = tmp_path / "liste.csv"
    path.write_bytes(german_csv_bytes(encoding, delimiter))
    (sheet,) = read_sheets(path, path.name)
    assert sheet.rows[2][0] == "Anwendung"
    assert sheet.rows[3][1] == "Buchhaltung; Geschäftsführung"
    assert sheet.rows[3][4] == "1.234,56 €"


@pytest.mark.parametrize(
    ("encoding", "suffix"),
    [("utf-16", ".txt"), ("utf-16", ".csv"), ("utf-16-le", ".txt"), ("utf-16-be", ".csv")],
)
def test_excel_unicode_text_utf16_tab_separated_reads_like_any_csv(tmp_path, encoding, suffix):
    """Excel's "Save as Unicode text": UTF-16 with a byte order mark, separated by tabs (and
    the same without the mark, as some tools write it)."""
    path = tmp_path / f"liste{suffix}"
    path.write_bytes(german_csv_bytes(encoding, "\t"))
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"S\x00", b"\x00S")
    (sheet,) = read_sheets(path, path.name)
    assert sheet.rows[2][0] == "Anwendung"
    assert sheet.rows[3][1] == "Buchhaltung; Geschäftsführung"
    assert sheet.rows[3][4] == "1.234,56 €"


def test_real_binary_named_csv_is_still_refused(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(b"\x00\x01\x02\x03binary\x00\xff\x10" * 20)
    with pytest.raises(FileProblem, match="binary file"):
        read_sheets(path, path.name)


def test_xlsx_sheets_are_read_with_cached_formula_values(tmp_path):
    path = write_german_xlsx(tmp_path / "liste.xlsx")
    sheets = read_sheets(path, path.name)
    assert [sheet.name for sheet in sheets] == ["Hinweise", "Software 2024"]
    teams = next(row for row in sheets[1].rows if row and row[0] == "Teams")
    assert teams[7] == 2  # the cached value of =1+1, never evaluated by us


def test_a_pdf_named_xlsx_gets_a_clear_message(tmp_path):
    path = tmp_path / "liste.xlsx"
    path.write_bytes(b"%PDF-1.4 not a workbook")
    with pytest.raises(FileProblem, match=r"not what its name says.*PDF"):
        read_sheets(path, path.name)


def test_a_workbook_named_csv_gets_a_clear_message(tmp_path):
    path = write_german_xlsx(tmp_path / "liste.csv")
    with pytest.raises(FileProblem, match="not what its name says"):
        read_sheets(path, path.name)


def test_old_excel_and_unknown_types_are_refused_by_name():
    with pytest.raises(FileProblem, match=r"\.xls"):
        reader.file_kind("liste.xls")
    with pytest.raises(FileProblem, match="reads"):
        reader.file_kind("liste.docx")


def test_files_over_the_limit_are_refused_before_parsing(tmp_path, settings, monkeypatch):
    settings.LEITSTAND_IMPORT_MAX_BYTES = 1024
    path = tmp_path / "big.csv"
    path.write_bytes(b"Name;Kosten\n" + b"x;1\n" * 1000)
    monkeypatch.setattr(reader, "read_csv_rows", _must_not_be_called)
    with pytest.raises(FileProblem, match="up to"):
        read_sheets(path, path.name)


def _must_not_be_called(*args, **kwargs):
    raise AssertionError("the file was parsed")


def _workbook_with_sheet(path: Path, sheet_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def test_a_zip_bomb_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = _workbook_with_sheet(tmp_path / "bomb.xlsx", b"<sheetData>" + b" " * 20_000_000)
    monkeypatch.setattr(reader, "CalamineWorkbook", None)  # calamine must never be reached
    with pytest.raises(FileProblem, match="zip bomb"):
        read_sheets(path, path.name)


def test_a_sheet_spanning_an_absurd_area_is_refused(tmp_path, monkeypatch):
    xml = b'<sheetData><row r="1"><c r="A1"/></row><row r="1048576"><c r="XFD1048576"/></row>'
    path = _workbook_with_sheet(tmp_path / "wide.xlsx", xml)
    monkeypatch.setattr(reader, "CalamineWorkbook", None)
    with pytest.raises(FileProblem, match="absurd area"):
        read_sheets(path, path.name)


def test_a_zip_whose_headers_lie_about_sizes_is_refused(tmp_path):
    path = _workbook_with_sheet(tmp_path / "liar.xlsx", b"<sheetData>" + b"a" * 100_000)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    # Shrink the declared size in the central directory: the CRC check must catch it.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")
    local = info.header_offset
    data[local + 22 : local + 26] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(FileProblem):
        read_sheets(path, path.name)


def test_a_damaged_workbook_gets_a_message(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(FileProblem, match="damaged"):
        read_sheets(path, path.name)
