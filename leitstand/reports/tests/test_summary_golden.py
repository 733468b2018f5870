"""Golden test on the demo company: the figures printed in the management summary (as
pdftotext reads them) are the analysis's and the cockpit's, in German and in English."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from python_calamine import CalamineWorkbook

from leitstand.analysis import analyze
from leitstand.cockpit.selectors import inventory_figures
from leitstand.continuity.selectors import Figures, needed_systems
from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.reports.models import ReportSnapshot, ReportStatus
from leitstand.reports.tests.conftest import pdf_text

pytestmark = pytest.mark.django_db


def expected_figures(organisation, language: str) -> list[str]:
    with translation.override(language):
        analysis = analyze(landscape_snapshot(organisation))
        cockpit = inventory_figures(organisation)
        totals = analysis.totals
        outage = needed_systems(Figures(analysis.snapshot, analysis.facts.continuity))[0]
        quick_wins = analysis.quick_wins.total_eur  # the figure the cockpit and the JSON show
        return [
            f"{cockpit.systems} ",
            format_eur(cockpit.annual_cost),
            format_hours(totals.manual_hours),
            format_eur(totals.manual_eur),
            format_number(totals.manual_fte, 2),
            format_eur(totals.error_eur),
            format_eur(outage.eur_per_hour),
            format_eur(quick_wins),
            format_eur(analysis.snapshot.settings.labour_cost_per_hour),
        ]


def test_summary_pdf_prints_the_analysis_figures(muster, tmp_path):
    for language, words in (("de", "Was zu tun ist"), ("en", "What to do")):
        out = tmp_path / f"summary-{language}.pdf"
        call_command(
            "report", "summary", org=muster.slug, out=str(out), language=language, verbosity=0
        )
        text = pdf_text(out)
        assert words in text
        for figure in expected_figures(muster, language):
            assert figure.replace("\u00a0", " ") in text, (language, figure)
    # Each run is kept as a snapshot with its figures; the second knows what changed.
    snapshots = ReportSnapshot.objects.for_org(muster).filter(kind="summary")
    assert snapshots.count() == 2
    assert all(s.status == ReportStatus.DONE and s.figures["values"] for s in snapshots)
    assert snapshots.first().figures["values"]["systems"] == 23.0


def test_command_writes_the_xlsx_with_the_reports_tables(org, tmp_path):
    SystemFactory(organisation=org, name="Warenwirtschaft", annual_cost=Decimal("4321.50"))
    SystemFactory(organisation=org, name="Kassensystem", annual_cost=None)
    out = tmp_path / "consulting.data"
    call_command(
        "report", "consulting", org=org.slug, out=str(out), file_format="xlsx", verbosity=0
    )
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(out.read_bytes()))
    assert workbook.sheet_names[0] == "Kennzahlen" and "Annahmen" in workbook.sheet_names
    figures = {row[0]: row[1] for row in workbook.get_sheet_by_name("Kennzahlen").to_python()}
    assert figures["Systeme im Einsatz"] == 2  # a number, not text
    header, *rows = workbook.get_sheet_by_name("Bestandsaufnahme").to_python()
    assert header[:2] == ["System", "Art"] and "Jährliche Kosten" in header
    by_name = {row[0]: row for row in rows}
    assert set(by_name) == {"Kassensystem", "Warenwirtschaft"}
    cost = header.index("Jährliche Kosten")
    assert by_name["Warenwirtschaft"][cost] == 4321.5 and by_name["Kassensystem"][cost] == ""
    # The file name's suffix chooses the format when --format is not given.
    call_command("report", "risk", org=org.slug, out=str(tmp_path / "risk.xlsx"), verbosity=0)
    risk = CalamineWorkbook.from_filelike(io.BytesIO((tmp_path / "risk.xlsx").read_bytes()))
    assert "Anbieterkonzentration" in risk.sheet_names


def test_unknown_organisation_or_kind_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="No organisation"):
        call_command("report", "summary", org="nobody", out=str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="Unknown report"):
        call_command("report", "poem", org="nobody", out=str(tmp_path / "x.pdf"))
