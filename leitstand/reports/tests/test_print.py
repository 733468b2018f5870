"""Print quality: A4 pages with numbers, a tagged PDF in the report's language, table headers
repeated on every page of a long table, German number formats, long inventories cut in the PDF
(and said so) but complete in the xlsx, the management summary's lists kept short; and "changed
since" as a property. Split rows, cut-off text and hyphenation: test_print_quality.py."""

import io
import re
import subprocess
import zlib
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.reports import services
from leitstand.reports.changes import changes_since
from leitstand.reports.document import Chapter, Figure, Report, count, eur
from leitstand.reports.sections import SUMMARY_ROWS
from leitstand.reports.sources import FULL_LIST_LIMIT
from leitstand.reports.tests.conftest import pdf_text

pytestmark = pytest.mark.django_db


def _pdfinfo(path) -> str:
    return subprocess.run(
        ["/usr/bin/pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout


def _page_text(path, number: int) -> str:
    return subprocess.run(
        ["/usr/bin/pdftotext", "-raw", "-f", str(number), "-l", str(number), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _document_language(pdf: bytes) -> str | None:
    """The catalogue's /Lang (WeasyPrint compresses it into an object stream)."""
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        found = re.search(rb"/Lang\s*\(([^)]*)\)", text)
        if found:
            return found.group(1).decode()
    return None


def test_long_inventory_prints_a4_tagged_german_with_headers_on_every_page(org, tmp_path):
    for number in range(FULL_LIST_LIMIT + 30):
        SystemFactory(organisation=org, name=f"Anwendungssystem {number:04d}", annual_cost=1234)
    snapshot = services.render_snapshot(
        services.create_snapshot(
            org, "consulting", "de", options={"chapters": ["situation", "appendix"]}
        )
    )
    path = tmp_path / "consulting.pdf"
    path.write_bytes(bytes(snapshot.pdf))
    info = _pdfinfo(path)
    assert "Tagged:          yes" in info
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    assert _document_language(bytes(snapshot.pdf)) == "de"
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    inventory_pages = [n for n in range(1, pages + 1) if "Anwendungssystem" in _page_text(path, n)]
    assert len(inventory_pages) >= 3
    for number in inventory_pages:  # the header is repeated, the page numbered
        text = _page_text(path, number)
        assert "System Art" in text, number
        assert f"{number} / {pages}" in text
    last = _page_text(path, inventory_pages[-1])
    assert "Die ersten 400 Zeilen sind aufgeführt; 30 weitere stehen in der Tabelle" in last
    assert "1.234 €" in _page_text(path, inventory_pages[0])  # German number format

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(bytes(snapshot.xlsx)))
    inventory = workbook.get_sheet_by_name("Bestandsaufnahme").to_python()
    assert len(inventory) == 1 + FULL_LIST_LIMIT + 30  # every row in the spreadsheet


def test_summary_lists_the_first_rows_of_a_long_list_and_says_so(org, tmp_path):
    soon = timezone.localdate() + timedelta(days=30)
    for number in range(SUMMARY_ROWS + 3):
        SystemFactory(organisation=org, name=f"Altsystem {number:02d}", end_of_support=soon)
    snapshot = services.render_snapshot(services.create_snapshot(org, "summary", "de"))
    path = tmp_path / "summary.pdf"
    path.write_bytes(bytes(snapshot.pdf))
    text = pdf_text(path)
    assert f"Altsystem {SUMMARY_ROWS - 1:02d}" in text
    assert f"Altsystem {SUMMARY_ROWS:02d}" not in text
    assert f"Die ersten {SUMMARY_ROWS} Zeilen sind aufgeführt; 3 weitere stehen in der" in text
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(bytes(snapshot.xlsx)))
    assert len(workbook.get_sheet_by_name("Support endet").to_python()) == 1 + SUMMARY_ROWS + 3


def _report(values: dict[str, Decimal]) -> Report:
    chapter = Chapter("c", "C")
    chapter.figures = [
        Figure("systems", "Systems", count(int(values["systems"]))),
        Figure("cost", "Cost", eur(values["cost"])),
    ]
    return Report("summary", "S", "Org", "en", timezone.localdate(), [chapter])


amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)


@given(
    before_systems=st.integers(0, 10_000),
    after_systems=st.integers(0, 10_000),
    before_cost=amounts,
    after_cost=amounts,
)
def test_changes_are_now_minus_then_and_only_for_changed_figures(
    before_systems, after_systems, before_cost, after_cost
):
    earlier = _report({"systems": before_systems, "cost": before_cost})
    previous = SimpleNamespace(
        figures={"values": earlier.figures()}, created_at=timezone.now(), created_by_name="A"
    )
    changes = changes_since(previous, _report({"systems": after_systems, "cost": after_cost}))
    rows = {row["key"]: row for row in changes["rows"]}
    for key, then, now in (
        ("systems", before_systems, after_systems),
        ("cost", before_cost, after_cost),
    ):
        if Decimal(str(float(then))) == Decimal(str(float(now))):
            assert key not in rows
        else:
            assert rows[key]["delta"].value == Decimal(str(float(now))) - Decimal(str(float(then)))
            assert rows[key]["delta_text"][0] == ("+" if now > then else "\u2212")
    assert changes["unchanged"] + len(rows) == 2
