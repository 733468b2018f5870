"""Muster Logistik's business impact per process (read by leitstand.continuity.demo).

Order intake may stand still for at most a day (customers order elsewhere after that), must
run again within 4 hours and may lose at most 4 hours of orders. Its figures put an hour
without the ERP at about 1,500 EUR: revenue per hour 3,080,000 / (220 x 10 h) = 1,400 EUR at a
30 % margin, twelve people in customer service and the warehouse waiting, and the same-day
delivery promise to two key customers (150 EUR an hour in penalties). The ERP's last restore
test took 10 hours (resilience demo), so it misses the 4-hour RTO: a gap finding.
"""

from decimal import Decimal as D

from leitstand.demo.muster_logistik_processes import FIELD_SERVICE, INVOICE_DISPATCH, ORDER_INTAKE


def _damage(money: str, contracts: str, reputation: str) -> dict:
    """Each argument: five letters for 1 h, 4 h, 1 day, 3 days, 1 week
    (l low, n normal, h high, v very high)."""
    levels = {"l": "low", "n": "normal", "h": "high", "v": "very_high"}
    fields = {}
    for category, ratings in (
        ("money", money),
        ("contracts", contracts),
        ("reputation", reputation),
    ):
        for hours, letter in zip((1, 4, 24, 72, 168), ratings, strict=True):
            fields[f"damage_{category}_{hours}h"] = levels[letter]
    return fields


BUSINESS_IMPACTS = [
    {
        "process": ORDER_INTAKE,
        **_damage("lnhvv", "lnnhv", "lnhvv"),
        "rto_hours": D(4),
        "rpo_hours": D(4),
        "margin_percent": D(30),
        "people_idle": 12,
        "penalty_per_hour": D(150),
        "operating_hours_per_day": D(10),
        "notes": "Zwei Großkunden haben Lieferung am selben Tag zugesagt bekommen.",
    },
    {
        "process": FIELD_SERVICE,
        **_damage("llnhv", "llnnh", "llnhh"),
        "rto_hours": D(24),
        "rpo_hours": D(24),
        "margin_percent": D(35),
        "people_idle": 4,
        "operating_hours_per_day": D(8),
    },
    {
        "process": INVOICE_DISPATCH,
        **_damage("llnnh", "llnnn", "lllnn"),
        "rto_hours": D(72),
        "rpo_hours": D(24),
        "people_idle": 2,
        "operating_hours_per_day": D(8),
    },
]
