from decimal import Decimal

from leitstand.analysis import messages as m

#: Example values of the parameters only continuity messages use (leitstand.findings tests).
CONTINUITY_EXAMPLE_PARAMS = {
    "revenue_year": m.Eur(Decimal(3080000)),
    "operating": m.Hours(Decimal(10)),
    "margin": m.Percent(Decimal(25)),
    "people": m.Count(8),
    "penalty": m.Eur(Decimal(0)),
    "path": m.Label("A → B"),
    "rto": m.Hours(Decimal(4)),
    "rpo": m.Hours(Decimal(4)),
    "duration": m.Hours(Decimal(10)),
    "interval": m.Hours(Decimal(24)),
    "threshold": m.Eur(Decimal(1000)),
    "what": m.Label("RTO"),
}
