"""Muster Logistik's assessments and one override: what its portfolio shows.

Rated by the part-time IT person with the managing director. An axis is either a value set
directly or the answers to the guided questions (catalogue keys), from which the loader
computes the value exactly as the form does. Two systems are left unassessed on purpose: the
portfolio shows them as a data gap. The rules then give (as of November 2026): the ERP near its
end of support "replace" (overridden to "wrap", with the reason), the overlapping tools
"consolidate", the Access database that prints invoices "replace", and so on.
"""

from datetime import date

ERP = "ProLog ERP 9"
PORTAL = "Kundenportal (Shopware)"
ACCESS = "Rechnungsdruck (Access-Datenbank)"


def rated(criticality, health, integration, notes: str = "") -> dict:
    """Three values set directly."""
    return {
        "criticality": criticality,
        "health": health,
        "integration": integration,
        "notes": notes,
    }


# Earlier assessments, from the first inventory in spring 2025: the history shows what changed.
EARLIER = [
    (ERP, date(2025, 3, 10), rated(4, 3, 2, "Erste Einschätzung bei der Bestandsaufnahme.")),
    (PORTAL, date(2025, 6, 2), rated(3, 3, 4, "Kurz nach dem Update auf Shopware 6.5.")),
]

# The current assessment of each system: (system, date, axes). A dict value is a set of answers.
CURRENT = [
    (
        ERP,
        date(2026, 10, 20),
        {
            "criticality": {
                "gone_for_a_day": "company_stops",
                "who_needs_it": "several_teams",
                "records": "originals",
            },
            "health": {
                "vendor_updates": "ending",
                "trouble": "few_times_a_year",
                "who_can_run_it": "one",
                "written_down": "partly",
            },
            "integration": 2,
            "notes": "Nur Herr Becker kennt die Einrichtung. Die einzige Schnittstelle ist der "
            "Auftragsimport aus dem Kundenportal; alles andere läuft über Dateien oder von Hand.",
        },
    ),
    ("Microsoft 365 Business Standard", date(2026, 10, 20), rated(4, 4, 4)),
    ("DATEV Unternehmen online", date(2026, 10, 21), rated(3, 4, 3)),
    ("DATEV Lohn und Gehalt", date(2026, 10, 21), rated(3, 4, 3)),
    (
        "CAS genesisWorld",
        date(2026, 10, 21),
        {
            "criticality": {"gone_for_a_day": "customers_notice", "who_needs_it": "one_team"},
            "health": 3,
            "integration": 2,
            "notes": "Schnittstellen-Modul nicht lizenziert; Kontakte kommen per Hand oder Excel.",
        },
    ),
    ("HubSpot CRM (Free)", date(2026, 10, 21), rated(1, 3, 3)),
    ("Kundenliste.xlsx", date(2026, 10, 21), rated(2, 1, 1)),
    ("Trello", date(2026, 10, 22), rated(1, 4, 3)),
    ("Airtable", date(2026, 10, 22), rated(1, 4, 3)),
    ("Dropbox", date(2026, 10, 22), rated(1, 3, 2)),
    ("Synology NAS (Netzlaufwerk)", date(2026, 10, 22), rated(3, 3, 2)),
    ("TourPlan Pro", date(2026, 10, 22), rated(4, 4, 3)),
    ("FleetTrack Telematik", date(2026, 10, 22), rated(3, 4, 4)),
    (
        "LagerMeister LVS 4",
        date(2026, 10, 23),
        rated(3, 3, 3, "Version 5 ist angekündigt; das Update ist im Wartungsvertrag enthalten."),
    ),
    ("MDE-Handscanner", date(2026, 10, 23), rated(3, 1, 3)),
    (
        PORTAL,
        date(2026, 10, 23),
        {
            "criticality": 3,
            "health": {
                "vendor_updates": "behind",
                "trouble": "monthly",
                "who_can_run_it": "two",
                "written_down": "partly",
            },
            "integration": 4,
            "notes": "Eigene Plugins der Agentur; das Update auf Shopware 6.6 steht aus.",
        },
    ),
    ("Veeam Backup", date(2026, 10, 23), rated(3, 3, 2)),
    (
        ACCESS,
        date(2026, 10, 23),
        {
            "criticality": {
                "gone_for_a_day": "customers_notice",
                "who_needs_it": "one_or_two",
                "records": "originals",
            },
            "health": {
                "vendor_updates": "ended",
                "trouble": "monthly",
                "who_can_run_it": "one",
                "written_down": "not_at_all",
            },
            "integration": {
                "read_automatically": "file_export",
                "write_automatically": "file_import",
                "connectors": "none",
            },
        },
    ),
    ("DocuWare", date(2026, 10, 24), rated(2, 4, 3)),
    ("Personio", date(2026, 10, 24), rated(2, 4, 3)),
    ("Clockodo Zeiterfassung", date(2026, 10, 24), rated(2, 4, 2)),
]

# Not assessed yet (a data gap on purpose): "Website (WordPress)", "sipgate Telefonanlage".

# (system, strategy, reason)
OVERRIDES = [
    (
        ERP,
        "wrap",
        "Die Ablösung des ERP ist erst für 2028 budgetiert, und der Hersteller verlängert die "
        "Wartung gegen Aufpreis bis Ende 2028. Bis dahin kommt eine API-Schicht vor das ERP, "
        "damit die Auftragserfassung aus E-Mails automatisiert werden kann.",
    ),
]
