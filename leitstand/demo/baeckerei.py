"""A second, small demo organisation, so multi-tenancy is visible: the demo user only reads it."""

from datetime import date
from decimal import Decimal

ORGANISATION = {
    "name": "Bäckerei Beispiel KG",
    "slug": "baeckerei-beispiel",
    "industry": "Bäckerhandwerk",
    "employees": 14,
    "annual_revenue": Decimal("1200000"),
    "federal_state": "BY",
}

DEPARTMENTS = [("Backstube", ""), ("Verkauf", ""), ("Büro", "")]

PEOPLE = [
    ("Anna Beispiel", "Inhaberin", "Büro"),
    ("Peter Korn", "Backstubenleiter", "Backstube"),
]

VENDORS = [
    ("Kassenhaus Süd GmbH", "Deutschland", "eu", date(2027, 12, 31), 3),
    ("DATEV eG", "Deutschland", "eu", None, 3),
]

OWN_CAPABILITIES: list = []

SYSTEMS = [
    {
        "name": "Kassensystem",
        "kind": "application",
        "hosting": "on_premises",
        "jurisdiction": "eu",
        "departments": ["Verkauf"],
        "capabilities": ["invoicing"],
        "owner": "Anna Beispiel",
        "deputy": None,
        "vendor": "Kassenhaus Süd GmbH",
        "annual_cost": Decimal("1440"),
        "lifecycle": "active",
        "centrally_managed": True,
        "personal_data": False,
    },
    {
        "name": "DATEV Unternehmen online",
        "kind": "application",
        "hosting": "saas",
        "jurisdiction": "eu",
        "departments": ["Büro"],
        "capabilities": ["accounting"],
        "owner": "Anna Beispiel",
        "deputy": None,
        "vendor": "DATEV eG",
        "annual_cost": Decimal("900"),
        "lifecycle": "active",
        "centrally_managed": True,
        "personal_data": True,
    },
    {
        "name": "Rezepturen.xlsx",
        "kind": "spreadsheet",
        "hosting": "on_premises",
        "jurisdiction": "eu",
        "departments": ["Backstube"],
        "capabilities": ["production_planning"],
        "owner": "Peter Korn",
        "deputy": None,
        "vendor": None,
        "annual_cost": Decimal("0"),
        "lifecycle": "active",
        "centrally_managed": False,
        "personal_data": False,
    },
]
