"""The wording of the findings on deadlines set by law."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from leitstand.analysis import messages as m
from leitstand.core.wording import render

#: Example values of the parameters only these messages use (read by the renderer's test).
REGULATION_EXAMPLE_PARAMS = {
    "organisation": m.Label("Muster Logistik GmbH"),
    "threshold": m.Eur(Decimal("800000")),
    "turnover": m.Eur(Decimal("10000000")),
    "early": m.Day(date(2027, 1, 1)),
    "books": m.Count(10),
    "employees": m.Count(50),
    "sector_en": m.Label("transport, postal and courier services"),
    "sector_de": m.Label("Transport, Post- und Kurierdienste"),
    "basis": m.Label("§ 27 Abs. 38 UStG"),
    "checked": m.Day(date(2026, 12, 7)),
}


def test_the_issue_example_reads_as_promised():
    message = m.Message(
        "e_invoice.issue_large",
        {
            "organisation": m.Label("Muster Logistik GmbH"),
            "date": m.Day(date(2027, 1, 1)),
            "threshold": m.Eur(Decimal("800000")),
        },
    )
    assert render(message) == (
        "From 1 Jan 2027 Muster Logistik GmbH must issue e-invoices (XRechnung or ZUGFeRD) for "
        "domestic business customers: its turnover is above €800,000."
    )
    with translation.override("de"):
        assert render(message).startswith("Ab dem 01.01.2027 muss Muster Logistik GmbH")


def test_nis2_names_the_sector_in_the_readers_language():
    params = {
        **REGULATION_EXAMPLE_PARAMS,
        "date": m.Day(date(2025, 12, 6)),
    }
    message = m.Message("nis2.summary", params)
    assert "transport, postal and courier services" in render(message)
    with translation.override("de"):
        assert "Transport, Post- und Kurierdienste" in render(message)
