"""Print quality read off the printed pages: no table row split across two pages, no text cut
off or running past the page's margins, and German text hyphenated. The demo's three reports
are checked as printed, and again with names too long for any column (they once pushed tables
past the right edge of the page).

A row is whole when the text of all its cells, in order, stands on one page as pdftotext reads
it (WeasyPrint writes a table cell by cell); a split row has part of its text on each page and
a cut-off cell is missing text, so either way the row's text is not found on one page."""

import re
import subprocess
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from leitstand.inventory.tests.factories import SystemFactory, VendorFactory
from leitstand.reports import services
from leitstand.reports.render import render_pdf, report_html

pytestmark = pytest.mark.django_db

KINDS = ("summary", "risk", "consulting")
MM = 72 / 25.4  # PDF points per millimetre
#: The page margins of core/print.css (left and right, top) and the footer's line at the bottom.
SIDE_MARGIN, TOP_MARGIN, FOOTER_BOTTOM = 15 * MM, 18 * MM, 8 * MM
TOLERANCE = 1.0  # points: glyph boxes may reach a little past the text's box
#: WeasyPrint's hyphenate-character (U+2010) at a line's end, then the word's rest in lower case.
HYPHENATED_BREAK = re.compile(r"(\w+)\u2010\n([a-zäöüß]\w*)")
#: What a line break may add to a cell's text in the PDF: spaces, new lines and hyphens.
BREAK_MARKS = re.compile(r"[\s\-\u00ad\u2010]")

LONG_NAMES = (
    "Kundenbeziehungsmanagementsystemkonfigurationsdatenbankverwaltungsanwendung",
    "https://intranet.example.com/anwendungen/lagerverwaltung/produktiv/version-2",
    "ERP_PRODUKTIV_MANDANT_0001_HAUPTSITZ_BUCHHALTUNG_UND_LOHNABRECHNUNG_ARCHIV",
)


class _TableRows(HTMLParser):
    """The text of each cell of every body row of the report's tables, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_body = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("thead", "tbody", "tfoot"):
            self._in_body = tag == "tbody"
        elif tag == "tr" and self._in_body:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _squeezed(text: str) -> str:
    return BREAK_MARKS.sub("", text)


def _pdftotext(path, *options: str) -> str:
    return subprocess.run(
        ["/usr/bin/pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def rows_not_whole_on_a_page(html: str, path) -> list[list[str]]:
    """Rows whose cells' text is not found together, in order, on one page (after the rows
    before it: tables are printed in document order)."""
    parser = _TableRows()
    parser.feed(html)
    pages = [_squeezed(page) for page in _pdftotext(path, "-raw").split("\f")]
    page, offset, broken = 0, 0, []
    for row in parser.rows:
        whole = _squeezed("".join(row))
        if not whole:
            continue
        for number in range(page, len(pages)):
            at = pages[number].find(whole, offset if number == page else 0)
            if at >= 0:
                page, offset = number, at + len(whole)
                break
        else:
            broken.append(row)
    assert len(parser.rows) > len(broken)  # the check saw rows at all
    return broken


def words_outside_the_margins(path) -> list[tuple[int, str]]:
    """Words printed (partly) outside the page's text area, with their page number."""
    outside = []
    bbox = _pdftotext(path, "-bbox")
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S)
    assert pages
    word = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    for number, (width, height, words) in enumerate(pages, start=1):
        area_left, area_top = SIDE_MARGIN - TOLERANCE, TOP_MARGIN - TOLERANCE
        area_right = float(width) - SIDE_MARGIN + TOLERANCE
        area_bottom = float(height) - FOOTER_BOTTOM  # the footer stands in the bottom margin
        for match in word.finditer(words):
            left, top, right, bottom = map(float, match.groups()[:4])
            if left < area_left or top < area_top or right > area_right or bottom > area_bottom:
                outside.append((number, match.group(5)))
    return outside


def hyphenated_words(html: str, path) -> list[str]:
    """Words the PDF breaks with a hyphen at a line's end that the report writes in one piece."""
    joined = (start + rest for start, rest in HYPHENATED_BREAK.findall(_pdftotext(path, "-raw")))
    return [word for word in joined if word in html]


def _printed(organisation, kind: str, tmp_path) -> tuple[str, object]:
    report = services.build_report(organisation, kind, "de")
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(render_pdf(report))
    return report_html(report), path


def test_demo_reports_keep_rows_whole_text_on_the_page_and_german_hyphenated(muster, tmp_path):
    for kind in KINDS:
        html, path = _printed(muster, kind, tmp_path)
        assert rows_not_whole_on_a_page(html, path) == [], kind
        assert words_outside_the_margins(path) == [], kind
        assert '<html lang="de">' in html
        # Cells with a word long for their column hyphenate (not every line: that is slow).
        assert re.search(r"\.hyphenate[^{]*\{[^}]*hyphens: auto", html)
        assert 'class="hyphenate"' in html, kind
        assert hyphenated_words(html, path), kind  # e.g. "Abhängig-keiten" in the risk report


def test_names_too_long_for_a_column_break_inside_the_page(org, tmp_path):
    for name in LONG_NAMES:
        vendor = VendorFactory(organisation=org, name=name.upper())
        SystemFactory(
            organisation=org, name=name, vendor=vendor, annual_cost=Decimal("12345678.90")
        )
    SystemFactory.create_batch(5, organisation=org)
    printed = []
    for kind in KINDS:
        html, path = _printed(org, kind, tmp_path)
        assert rows_not_whole_on_a_page(html, path) == [], kind
        assert words_outside_the_margins(path) == [], kind
        printed.append(html)
    assert all(name in "".join(printed) for name in LONG_NAMES)
