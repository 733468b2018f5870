"""Muster Logistik's processes, automation scenarios, KPIs and surveys (DOMAIN.md demo facts).

Order intake: an order arrives by e-mail as a PDF, is typed into the ERP and confirmed, 17
minutes an order, 40 orders a working day. Its typing and confirming steps perform the manual
integration Microsoft 365 → ProLog ERP 9 (17 minutes there too), so the analysis counts those
hours once, in the integration. A workflow tool brings it under a minute with no manual step.
The field-service report is filled in on paper and typed in at the office (90 minutes per
technician per day: two jobs of 45), invoices go out two weeks late. Invoice dispatch has a
step nobody needs: the paper copy for the folder.
"""

from datetime import date
from decimal import Decimal as D

ERP = "ProLog ERP 9"
M365 = "Microsoft 365 Business Standard"
ACCESS = "Rechnungsdruck (Access-Datenbank)"
SALES = "Vertrieb & Kundenservice"
SERVICE = "Werkstatt & Service"
FINANCE = "Finanzen & Personal"


def _step(name, department, system, minutes, *, automated=False, error="0", fix="0", **more):
    return {
        "name": name,
        "department": department,
        "system": system,
        "automated": automated,
        "minutes_per_run": D(minutes),
        "error_rate_percent": D(error),
        "minutes_to_fix_error": D(fix),
        **more,
    }


ORDER_INTAKE = "Auftragsannahme per E-Mail"
FIELD_SERVICE = "Servicebericht Außendienst"
INVOICE_DISPATCH = "Rechnungsversand"

PROCESSES = [
    {
        "name": ORDER_INTAKE,
        "description": "Kunden schicken Aufträge als PDF per E-Mail. Der Kundenservice tippt "
        "jeden Auftrag ins ERP und schickt eine Auftragsbestätigung: 15 bis 20 Minuten.",
        "owner": "Julia Wagner",
        "department": SALES,
        "frequency": "day",
        "runs_per_period": D(40),
        "revenue_per_run": D(350),
        "steps": [
            _step("Auftrag kommt als PDF per E-Mail", SALES, M365, "0", automated=True),
            _step(
                "Auftrag von Hand ins ERP tippen",
                SALES,
                ERP,
                "15",
                error="3",
                fix="15",
                role="Innendienst",
                integration=(M365, ERP),
            ),
            _step(
                "Auftragsbestätigung aus Outlook senden",
                SALES,
                M365,
                "2",
                role="Innendienst",
                integration=(M365, ERP),
            ),
        ],
        "scenarios": [
            {
                "name": "Workflow-Tool liest Bestell-E-Mails ins ERP ein",
                "description": "Texterkennung liest das PDF, legt den Auftrag über die "
                "ERP-Schnittstelle an und verschickt die Bestätigung. Der Kundenservice "
                "sieht nur noch Ausnahmen (45 Sekunden pro Auftrag im Mittel).",
                "steps": [
                    "Auftrag von Hand ins ERP tippen",
                    "Auftragsbestätigung aus Outlook senden",
                ],
                "minutes_after": D("0.75"),
                "error_rate_after_percent": D("0.2"),
                "automates_steps": True,
                "investment": D(24000),
                "running_cost_per_year": D(4800),
            },
            {
                "name": "Alle Kunden bestellen über das Kundenportal",
                "description": "Kunden erfassen ihre Aufträge selbst im Shopware-Portal; der "
                "Kundenservice prüft sie (2 Minuten). Braucht Überzeugungsarbeit bei Kunden.",
                "steps": [
                    "Auftrag von Hand ins ERP tippen",
                    "Auftragsbestätigung aus Outlook senden",
                ],
                "minutes_after": D(2),
                "error_rate_after_percent": D("0.5"),
                "automates_steps": True,
                "investment": D(60000),
                "running_cost_per_year": D(12000),
            },
        ],
    },
    {
        "name": FIELD_SERVICE,
        "description": "Servicetechniker füllen pro Einsatz einen Papierbericht aus, fotografieren "
        "ihn für Dropbox, das Büro tippt ihn ins ERP, dann wird die Rechnung geschrieben: "
        "zwei Einsätze am Tag, 90 Minuten pro Techniker. Rechnungen gehen zwei Wochen zu spät "
        "hinaus.",
        "owner": "Markus Weber",
        "department": SERVICE,
        "frequency": "day",
        "runs_per_period": D(8),
        "revenue_per_run": D(420),
        "steps": [
            _step("Bericht auf Papier ausfüllen", SERVICE, None, "20", role="Servicetechniker"),
            _step("Foto des Berichts in Dropbox ablegen", SERVICE, "Dropbox", "3"),
            _step(
                "Bericht im Büro ins ERP abtippen",
                SERVICE,
                ERP,
                "15",
                error="3",
                fix="20",
                role="Büro",
                integration=("Dropbox", ERP),
            ),
            _step("Rechnung schreiben", FINANCE, ERP, "7"),
        ],
        "scenarios": [
            {
                "name": "Digitaler Servicebericht per Tablet-App",
                "description": "Die Techniker füllen den Bericht auf dem Tablet aus; er landet "
                "direkt im ERP, die Rechnung wird daraus vorgeschlagen.",
                "steps": [
                    "Bericht auf Papier ausfüllen",
                    "Foto des Berichts in Dropbox ablegen",
                    "Bericht im Büro ins ERP abtippen",
                    "Rechnung schreiben",
                ],
                "minutes_after": D(10),
                "error_rate_after_percent": D("0.5"),
                "automates_steps": False,
                "investment": D(18000),
                "running_cost_per_year": D(3600),
            },
        ],
    },
    {
        "name": INVOICE_DISPATCH,
        "description": "Rechnungen werden in der Access-Datenbank gedruckt, eine Papierkopie "
        "kommt in den Ordner, das PDF geht einzeln per Outlook an den Kunden.",
        "owner": "Helga Schulz",
        "department": FINANCE,
        "frequency": "day",
        "runs_per_period": D(30),
        "steps": [
            _step("Rechnung in Access drucken", FINANCE, ACCESS, "1"),
            _step(
                "Papierkopie im Ordner ablegen",
                FINANCE,
                None,
                "2",
                needed="no",
                notes="Das PDF wird ohnehin in DocuWare archiviert; den Ordner liest niemand.",
            ),
            _step(
                "Rechnung als PDF per Outlook versenden",
                FINANCE,
                M365,
                "2",
                error="1",
                fix="10",
                integration=(ACCESS, M365),
            ),
        ],
        "scenarios": [
            {
                "name": "Rechnungen automatisch per E-Mail aus dem ERP",
                "description": "Das ERP verschickt die Rechnung beim Buchen selbst.",
                "steps": ["Rechnung in Access drucken", "Rechnung als PDF per Outlook versenden"],
                "minutes_after": D(0),
                "error_rate_after_percent": D(0),
                "automates_steps": True,
                "investment": D(6000),
                "running_cost_per_year": D(1200),
            },
        ],
    },
]

BEFORE = date(2026, 3, 2)

# process, name, unit, direction, baseline (value, date, source), target, measurements
KPIS = [
    {
        "process": ORDER_INTAKE,
        "name": "Bearbeitungszeit pro Auftrag",
        "unit": "minutes_per_run",
        "direction": "lower",
        "baseline": (D(15), BEFORE, "Zeitmessung an 20 Aufträgen im März"),
        "target": D(1),
        "measurements": [
            (date(2026, 6, 12), D("2.5"), "Pilot, Woche 2 (Ausnahmen noch von Hand)"),
            (date(2026, 6, 26), D("0.75"), "Pilot, Woche 4: 45 Sekunden pro Auftrag"),
        ],
    },
    {
        "process": ORDER_INTAKE,
        "name": "Fehlerquote Auftragserfassung",
        "unit": "error_rate",
        "direction": "lower",
        "baseline": (D(3), BEFORE, "Reklamationen Januar bis Februar: 1 bis 4 % der Aufträge"),
        "target": D("0.5"),
        "measurements": [(date(2026, 6, 26), D("0.2"), "Pilot, 800 Aufträge, 2 Korrekturen")],
    },
    {
        "process": ORDER_INTAKE,
        "name": "Anteil automatisierter Schritte",
        "unit": "share_automated",
        "direction": "higher",
        "baseline": (D("33.3"), BEFORE, "aus den Prozessschritten: 1 von 3"),
        "target": D(100),
        "measurements": [(date(2026, 6, 26), D(100), "Pilot")],
    },
    {
        "process": ORDER_INTAKE,
        "name": "Zufriedenheit im Kundenservice",
        "unit": "satisfaction",
        "direction": "higher",
        "baseline": None,  # comes from the survey before the change
        "target": D(4),
        "measurements": [],
    },
    {
        "process": FIELD_SERVICE,
        "name": "Tage vom Einsatz bis zur Rechnung",
        "unit": "custom",
        "custom_unit": "Tage",
        "direction": "lower",
        "baseline": (D(14), BEFORE, "Stichprobe von 30 Einsätzen"),
        "target": D(2),
        "measurements": [],
    },
]

# Anonymous answers: one tuple of scores (1 to 5) per person, then the free text.
SURVEYS = [
    {
        "process": ORDER_INTAKE,
        "title": "Auftragsannahme: vor der Umstellung",
        "phase": "before",
        "kpi": "Zufriedenheit im Kundenservice",
        "answered_on": date(2026, 3, 6),
        "answers": [
            ((2, 1, 2, 2), "Die PDFs sind oft schlecht lesbar."),
            ((3, 2, 3, 2), ""),
            ((2, 1, 2, 3), "Abtippen nervt, besonders bei langen Aufträgen."),
            ((3, 2, 2, 2), ""),
            ((2, 1, 3, 2), "Montags kommen wir kaum hinterher."),
            ((3, 2, 2, 3), ""),
        ],
    },
    {
        "process": ORDER_INTAKE,
        "title": "Auftragsannahme: nach dem Pilot",
        "phase": "after",
        "kpi": "Zufriedenheit im Kundenservice",
        "answered_on": date(2026, 6, 30),
        "answers": [
            ((4, 5, 4, 4), "Endlich Zeit für Kundengespräche."),
            ((4, 4, 4, 5), ""),
            ((5, 5, 4, 4), ""),
            ((4, 4, 3, 4), "Die Ausnahmen-Liste könnte übersichtlicher sein."),
            ((4, 5, 4, 4), ""),
        ],
    },
]
