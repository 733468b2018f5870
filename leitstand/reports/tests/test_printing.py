"""Column widths and hyphenation of the PDF's tables, estimated from their text (no database)."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from leitstand.reports import document as d
from leitstand.reports.document import Table
from leitstand.reports.printing import (
    FONT_PT,
    LINE_MM,
    PADDING_MM,
    column_em,
    printed_table,
    text_em,
)


def test_columns_get_their_least_and_share_the_rest_by_how_much_more_they_hold():
    assert column_em([(2, 2), (2, 12)], 10) == [2, 8]
    assert column_em([(1, 3), (1, 5)], 10) == [3.75, 6.25]  # all fits: as the longest texts
    assert column_em([(6, 9), (4, 9)], 5) == [3, 2]  # not even the least fits: as the least


def test_digits_and_capitals_print_wider_than_small_letters():
    assert text_em("0000") > text_em("nnnn") > text_em("iiii")


def test_dates_and_numbers_stay_whole_and_long_words_hyphenate_in_narrow_columns():
    table = Table("t", "T", ["Befund", "Maßnahme", "Datum", "Pro Jahr"])
    for _ in range(3):
        table.add(
            d.text("Datenübertragung von Hand"),
            d.text("Ersetzen Sie die Übertragung durch eine Schnittstelle. " * 4),
            d.day(date(2026, 5, 8)),
            d.eur(Decimal("115170")),
        )
    table.add(d.text("Kein"), d.text("kurz"), d.day(None), d.eur(None))
    with translation.override("de"):
        printed = printed_table(table)
    assert sum(printed.widths) <= 100
    em_mm = FONT_PT * 25.4 / 72
    date_mm = printed.widths[2] / 100 * LINE_MM - PADDING_MM
    assert date_mm >= text_em("08.05.2026") * em_mm  # the date fits on one line
    assert printed.widths[1] == max(printed.widths)  # the long text gets the room left
    first, last = printed.rows[0], printed.rows[-1]
    assert first[0].css == "hyphenate"  # "Datenübertragung" is long for its narrow column
    assert first[1].css == ""  # no word is long for the wide column: no hyphenation
    assert (first[2].css, first[3].css) == ("", "num")
    assert (first[2].text, first[3].text) == ("08.05.2026", "115.170\u00a0€")
    assert last[0].css == "" and last[3].text == "—"
    assert printed.header[3].css.startswith("num")
