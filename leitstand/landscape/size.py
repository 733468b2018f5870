"""How large an organisation's landscape is against the supported size (README: Size limits).

The apps whose rows the supported size counts register a counter in AppConfig.ready():

    landscape_size.register(
        "systems", System.objects.all(), limit=lambda: settings.LEITSTAND_MAX_SYSTEMS
    )

Beyond the supported size the analysis is computed in the background (`landscape.cache`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Subquery
from django.db.models.functions import Coalesce

from leitstand.tenancy.models import Organisation


@dataclass(frozen=True)
class LandscapeSize:
    counts: dict[str, int]  # rows by what they are ("systems", "integrations")
    beyond_supported: bool

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class _Counter:
    rows: QuerySet  # of a tenant model
    limit: Callable[[], int]  # read when measured: a setting


class LandscapeSizes:
    def __init__(self) -> None:
        self._counters: dict[str, _Counter] = {}

    def register(self, name: str, rows: QuerySet, *, limit: Callable[[], int]) -> None:
        self._counters[name] = _Counter(rows, limit)

    def measure(self, organisation: Organisation) -> LandscapeSize:
        """Every registered count in one query."""
        counts = {
            f"count_{name}": Coalesce(
                Subquery(
                    counter.rows.filter(organisation=organisation)
                    .order_by()
                    .values("organisation")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            )
            for name, counter in self._counters.items()
        }
        row = Organisation.objects.filter(pk=organisation.pk).values(**counts).get()
        counts = {name: row[f"count_{name}"] for name in self._counters}
        beyond = any(counts[name] > counter.limit() for name, counter in self._counters.items())
        return LandscapeSize(counts, beyond)


landscape_size = LandscapeSizes()
