"""Muster Logistik's resilience facts per system (DOMAIN.md, "Resilience: per system").

The ERP is backed up properly and its last restore test (12 March 2026) worked but took 10
hours; only Thomas Becker can run it. The NAS is backed up onto a USB disk next to it in the
server room (two copies, one medium, not off site, not offline) and was never restore-tested.
The warehouse system has a nightly backup nobody ever tried to restore. The customer portal's
admin login is reachable from the internet without a second factor. Emergency plans are
mostly missing; only the SaaS payroll has a tested one (from its provider).
"""

from datetime import date
from decimal import Decimal as D

ERP = "ProLog ERP 9"
NAS = "Synology NAS (Netzlaufwerk)"
BECKER = "Thomas Becker"


TESTED_BY_PROVIDER = {"restore_tested_on": date(2026, 6, 15), "restore_test_ok": True}


def _saas(provider: str, **more) -> dict:
    """A SaaS service: the provider backs up and updates it."""
    return {
        "backup_exists": True,
        "backup_offsite": True,
        "updates_by": provider,
        "updates_behind": "current",
        "internet_facing": True,
        "emergency_plan": False,
        **more,
    }


# System name -> the facts; people by name.
RESILIENCE = {
    ERP: {
        "backup_exists": True,
        "backup_interval_hours": 24,
        "backup_copies": 3,
        "backup_media": 2,
        "backup_offsite": True,
        "backup_offline": False,
        "backup_responsible": BECKER,
        "restore_tested_on": date(2026, 3, 12),
        "restore_test_ok": True,
        "restore_duration_hours": D("10"),
        "two_factor": "none",
        "internet_facing": False,
        "updates_by": "ProLog Software GmbH (Wartungsvertrag)",
        "updates_behind": "weeks",
        "emergency_plan": False,
        "notes": "Sicherung nachts mit Veeam auf das NAS und wöchentlich in die Cloud.",
    },
    NAS: {
        "backup_exists": True,
        "backup_interval_hours": 168,
        "backup_copies": 2,
        "backup_media": 1,
        "backup_offsite": False,
        "backup_offline": False,
        "backup_responsible": BECKER,
        "two_factor": "none",
        "internet_facing": False,
        "updates_by": BECKER,
        "updates_behind": "months",
        "emergency_plan": False,
        "notes": "USB-Festplatte steht direkt neben dem NAS im Serverraum.",
    },
    "LagerMeister LVS 4": {
        "backup_exists": True,
        "backup_interval_hours": 24,
        "backup_copies": 2,
        "backup_media": 2,
        "backup_offsite": False,
        "backup_offline": False,
        "backup_responsible": BECKER,
        "two_factor": "none",
        "internet_facing": False,
        "updates_by": "Andreas Koch",
        "updates_behind": "months",
        "emergency_plan": False,
    },
    "MDE-Handscanner": {
        "backup_exists": False,
        "internet_facing": False,
        "updates_by": "Andreas Koch",
        "updates_behind": "years",
        "emergency_plan": False,
    },
    "Kundenportal (Shopware)": {
        "backup_exists": True,
        "backup_interval_hours": 24,
        "backup_copies": 2,
        "backup_media": 1,
        "backup_offsite": True,
        "backup_offline": False,
        "two_factor": "none",
        "internet_facing": True,
        "updates_by": "Agentur Webwerk",
        "updates_behind": "weeks",
        "emergency_plan": False,
        "notes": "Admin-Oberfläche /admin ist ohne zweiten Faktor aus dem Internet erreichbar.",
    },
    "Website (WordPress)": {
        "backup_exists": True,
        "backup_interval_hours": 168,
        "backup_copies": 2,
        "backup_media": 1,
        "backup_offsite": True,
        "backup_offline": False,
        "two_factor": "offered",
        "internet_facing": True,
        "updates_by": "Lisa Neumann",
        "updates_behind": "months",
        "emergency_plan": False,
    },
    "CAS genesisWorld": {
        "backup_exists": True,
        "backup_interval_hours": 24,
        "backup_copies": 3,
        "backup_media": 2,
        "backup_offsite": True,
        "backup_offline": False,
        "backup_responsible": BECKER,
        "restore_tested_on": date(2024, 11, 5),
        "restore_test_ok": True,
        "restore_duration_hours": D("4"),
        "two_factor": "none",
        "internet_facing": False,
        "updates_by": BECKER,
        "updates_behind": "current",
        "emergency_plan": False,
    },
    "Veeam Backup": {
        "backup_exists": True,
        "backup_interval_hours": 24,
        "backup_copies": 3,
        "backup_media": 2,
        "backup_offsite": True,
        "backup_offline": True,
        "backup_responsible": BECKER,
        "restore_tested_on": date(2026, 3, 12),
        "restore_test_ok": True,
        "restore_duration_hours": D("10"),
        "two_factor": "offered",
        "internet_facing": False,
        "updates_by": BECKER,
        "updates_behind": "current",
        "emergency_plan": True,
    },
    "Rechnungsdruck (Access-Datenbank)": {
        "backup_exists": True,
        "backup_interval_hours": 24,
        "backup_copies": 2,
        "backup_media": 1,
        "backup_offsite": False,
        "backup_offline": False,
        "internet_facing": False,
        "updates_by": "Helga Schulz",
        "updates_behind": "years",
        "emergency_plan": False,
    },
    "Microsoft 365 Business Standard": _saas(
        "Microsoft", two_factor="enforced", backup_copies=3, backup_media=2, backup_offline=False
    ),
    "DATEV Unternehmen online": _saas("DATEV eG", two_factor="enforced", **TESTED_BY_PROVIDER),
    "DATEV Lohn und Gehalt": _saas(
        "DATEV eG",
        two_factor="enforced",
        **TESTED_BY_PROVIDER,
        emergency_plan=True,
        emergency_plan_tested_on=date(2026, 5, 20),
    ),
    "TourPlan Pro": _saas("TourPlan GmbH", two_factor="offered", **TESTED_BY_PROVIDER),
    "FleetTrack Telematik": _saas(
        "FleetTrack Telematik GmbH", two_factor="offered", **TESTED_BY_PROVIDER
    ),
    "sipgate Telefonanlage": _saas("sipgate", two_factor="enforced", **TESTED_BY_PROVIDER),
}
