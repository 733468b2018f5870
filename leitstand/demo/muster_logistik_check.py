"""Muster Logistik's company checks: a first one in October 2025 and the repeat in October 2026.

Led by an external digitalisation adviser with the managing director and the part-time IT
person. The repeat shows progress (inventory, written rules, updates now automatic) and the
gaps the per-system facts also show: the Access database needs office macros switched on, the
web shop admin has no two-factor login, one backup lives only on a disk in the server room, and
the last restore test of one system is more than twelve months old. Remote maintenance by
outsiders does not happen (the ERP vendor works on site), so 26 is not relevant.

A requirement is given by its outcome (met / not_met / unknown / not_relevant) or, where the
parts differ, by its answers per part. Result of the repeat: 18 of 36 points, 50.0 %, TOP
requirements 05 and 20 not met.
"""

from datetime import date

INTERVIEWER = "Dr. Eva Berger (Digitalisierungsberatung)"

FIRST = {
    "checked_on": date(2025, 10, 14),
    "interviewer": INTERVIEWER,
    "notes": "Erster Check, zusammen mit Geschäftsführung und IT-Verantwortlichem.",
    "answers": {
        "01": "met",
        "02": "met",
        "03": "not_met",
        "04": "not_met",
        "05": {"a": "no", "b": "yes"},
        "06": "not_met",
        "07": "met",
        "08": "met",
        "09": "not_met",
        "10": "unknown",
        "11": "met",
        "12": {"a": "no", "b": "no"},
        "13": "met",
        "14": "not_met",
        "15": {"a": "no", "b": "yes"},
        "16": "not_met",
        "17": "not_met",
        "18": "met",
        "19": "met",
        "20": "not_met",
        "21": "met",
        "22": "not_met",
        "23": "met",
        "24": "met",
        "25": "met",
        "26": "not_relevant",
        "27": "not_met",
    },
    "notes_per_answer": {},
}

REPEAT = {
    "checked_on": date(2026, 10, 27),
    "interviewer": INTERVIEWER,
    "notes": "Wiederholung nach einem Jahr. Bestandsaufnahme und Updates deutlich besser.",
    "answers": {
        "01": "met",
        "02": "met",
        "03": "met",
        "04": "met",
        "05": {"a": "no", "b": "yes"},
        "06": {"a": "yes", "b": "no"},
        "07": "met",
        "08": "met",
        "09": {"a": "yes", "b": "no"},
        "10": "met",
        "11": "met",
        "12": {"a": "no", "b": "no"},
        "13": {"a": "no", "b": "yes"},
        "14": "met",
        "15": "met",
        "16": "not_met",
        "17": {"a": "yes", "b": "unknown"},
        "18": "met",
        "19": "met",
        "20": "not_met",
        "21": "met",
        "22": "met",
        "23": "met",
        "24": "met",
        "25": "met",
        "26": "not_relevant",
        "27": "met",
    },
    "notes_per_answer": {
        ("05", "a"): "Nur Einweisung bei Eintritt, keine jährliche Schulung.",
        ("09", "b"): "Admin-Zugang des Webshops ohne Zwei-Faktor-Anmeldung.",
        ("12", "a"): "Lager-Scanner-Server: Sicherung nur auf USB-Platte im Serverraum.",
        ("13", "a"): "Kundenportal: noch nie eine Wiederherstellung getestet.",
        ("16", "a"): "Rechnungsdruck (Access 2010) ohne Herstellerunterstützung seit 2020.",
        ("17", "b"): "Unklar, ob Freigabe für Cloud-Dienste verlangt wird.",
        ("20", "a"): "Makros bleiben an, weil die Access-Datenbank sie braucht.",
    },
}

CHECKS = [FIRST, REPEAT]
