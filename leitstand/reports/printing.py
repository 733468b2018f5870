"""A report's tables as the PDF prints them: each cell's text in the reader's language, column
widths estimated here from that text, and which cells may hyphenate.

WeasyPrint would size the columns itself (automatic table layout), but only by laying out every
cell's text twice more; and hyphenating every line of every cell costs as much again. So every
table gets a fixed layout with the widths below, which follow the rule of automatic layout
(each column at least its widest word, the rest shared by how much more text it holds) with the
text's width estimated from the font's character widths; and only a cell with a word long for
its column hyphenates. Numbers and short texts never wrap: their column is as wide as the
widest of them.
"""

from dataclasses import dataclass

from django.utils.formats import date_format

from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.reports.document import Cell, Table, Unit

#: The A4 text area's width and a cell's padding (1.4 mm left and right), in millimetres; cells
#: print at 9.5 pt, those of tables with more than five columns at 8 pt.
LINE_MM, PADDING_MM = 180, 2.8
FONT_PT, WIDE_FONT_PT = 9.5, 8
WIDE_TABLE_COLUMNS = 5
#: Headers are printed at 8 pt bold (DejaVu Sans Bold is about 15 % wider).
HEADER_PT, BOLD = 8, 1.16
#: A text this short stays on one line (dates, "0,75 min", "Angabe fehlt"); its column gets a
#: little more than its estimated width, for kerning and rounding.
SHORT_TEXT = 14
WHOLE_SLACK = 1.03
#: A longer word may be hyphenated, so its column needs only this much of it (about 10 letters).
BREAKABLE_EM = 6.0
#: A word wider than this share of its column's line hyphenates (else the line stays ragged).
HYPHENATE_SHARE = 0.5
#: Advance widths of DejaVu Sans in em, by kind of character (from the font's metrics, rounded
#: up); anything else counts as 0.62, a lower-case letter's.
_GLYPH_EM = {
    **dict.fromkeys(" .,:;!|'ijlIJ()[]/-\u00a0", 0.35),
    **dict.fromkeys("frt", 0.41),
    **dict.fromkeys("0123456789€", 0.64),
    **dict.fromkeys("ABCDEFGHKLNOPQRSTUVXYZÄÖÜ", 0.72),
    **dict.fromkeys("→", 0.84),
    **dict.fromkeys("mwMW%—", 1.0),
}
OTHER_GLYPH_EM = 0.62


def _em(mm: float, font_pt: float) -> float:
    return mm / (font_pt * 25.4 / 72)


def text_em(text: str) -> float:
    """About how wide `text` prints, in em of its font."""
    return sum(_GLYPH_EM.get(character, OTHER_GLYPH_EM) for character in text)


def cell_text(cell: Cell) -> str:
    """A typed value written in the active language (also in the xlsx for text cells)."""
    value = cell.value
    if cell.unit == Unit.TEXT:
        return str(value)
    if value is None:
        return "—"
    if cell.unit == Unit.EUR:
        return format_eur(value)
    if cell.unit == Unit.HOURS:
        return format_hours(value)
    if cell.unit == Unit.DECIMAL:
        return format_number(value, 2)
    if cell.unit == Unit.PERCENT:
        return f"{format_number(value, 1)}\u00a0%"
    if cell.unit == Unit.DATE:
        return date_format(value, "SHORT_DATE_FORMAT")
    return format_number(value)


@dataclass(frozen=True)
class PrintedCell:
    text: str
    css: str = ""  # "num" (right-aligned, never wraps) or "hyphenate"


@dataclass(frozen=True)
class PrintedTable:
    wide: bool  # more than five columns: printed smaller
    widths: tuple[float, ...]  # percent of the text area per column
    header: tuple[PrintedCell, ...]
    rows: tuple[tuple[PrintedCell, ...], ...]


def _widest_word(text: str) -> float:
    return max((text_em(word) for word in text.split()), default=0.0)


def _least_and_most(header: float, cells: list[tuple[str, bool]]) -> tuple[float, float]:
    """A column's narrowest width (its widest word, a short text or number whole) and the width
    its longest text would take on one line, in em; `header` is the header's own pair (a header
    wraps to its column: it asks only for room for its widest word)."""
    least, most = header
    for text, is_number in cells:
        if is_number or len(text) <= SHORT_TEXT:
            least = max(least, text_em(text) * WHOLE_SLACK)
        else:
            least = max(least, min(_widest_word(text), BREAKABLE_EM))
        most = max(most, text_em(text))
    return least, max(least, most)


def column_em(columns: list[tuple[float, float]], available: float) -> list[float]:
    """The width of each column's text, in em: every column gets its least, the rest of the
    `available` width is shared in proportion to how much more each would take; when every
    text fits on one line, in proportion to the longest texts; when not even the least fits,
    in proportion to the least."""
    least = [low for low, _ in columns]
    most = [high for _, high in columns]
    if sum(most) <= available:
        return [available * high / (sum(most) or 1) for high in most]
    if sum(least) >= available:
        return [available * low / (sum(least) or 1) for low in least]
    spare, more = available - sum(least), sum(most) - sum(least)
    return [low + spare * (high - low) / more for low, high in columns]


def printed_table(table: Table) -> PrintedTable:
    """The rows the PDF lists, written out, with the columns' widths and hyphenation."""
    wide = len(table.columns) > WIDE_TABLE_COLUMNS
    font_pt = WIDE_FONT_PT if wide else FONT_PT
    line_em, padding_em = _em(LINE_MM, font_pt), _em(PADDING_MM, font_pt)
    header_scale = BOLD * HEADER_PT / font_pt  # a header's em in the cells' em
    numeric = table.numeric_columns
    titles = [str(title) for title in table.columns]
    texts = [[(cell_text(cell), cell.is_number) for cell in row] for row in table.shown_rows]
    columns = [
        _least_and_most(
            (min(_widest_word(title), BREAKABLE_EM) * header_scale,) * 2,
            [row[index] for row in texts],
        )
        for index, title in enumerate(titles)
    ]
    widths = column_em(columns, line_em - padding_em * len(columns))

    def hyphenates(text: str, index: int, scale: float = 1.0) -> bool:
        return _widest_word(text) * scale > widths[index] * HYPHENATE_SHARE

    def long(text: str, index: int) -> bool:  # a short text is whole: its column fits it
        return len(text) > SHORT_TEXT and hyphenates(text, index)

    def header_css(title: str, index: int) -> str:
        classes = ["num"] if index in numeric else []
        if hyphenates(title, index, header_scale):
            classes.append("hyphenate")
        return " ".join(classes)

    header = tuple(
        PrintedCell(title, header_css(title, index)) for index, title in enumerate(titles)
    )
    rows = tuple(
        tuple(
            PrintedCell(text, "num" if is_number else "hyphenate" if long(text, index) else "")
            for index, (text, is_number) in enumerate(row)
        )
        for row in texts
    )
    # Rounded down to a tenth, so the columns never add up to more than the page's width.
    percent = tuple(int(1000 * (em + padding_em) / line_em) / 10 for em in widths)
    return PrintedTable(wide=wide, widths=percent, header=header, rows=rows)
