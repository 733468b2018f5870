"""What every report reads: the organisation, its analysis (from the landscape cache, the same
one the pages show) and the day it is written."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.utils.translation import get_language

from leitstand.analysis import Analysis, analyze
from leitstand.analysis.resilience.figures import today as analysis_day
from leitstand.analysis.vocabulary import Lifecycle
from leitstand.landscape.cache import cached_analysis
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.tenancy.models import Organisation

#: Above this many systems in operation, inventory-wide tables in the PDF are cut to this many
#: rows and say so; the xlsx keeps every row.
FULL_LIST_LIMIT = 400


@dataclass
class Sources:
    organisation: Organisation
    analysis: Analysis

    @cached_property
    def today(self) -> date:
        return analysis_day(self.analysis.snapshot)

    @cached_property
    def systems_in_use(self):
        """Systems not retired (planned ones too), as the cockpit counts them."""
        return [s for s in self.analysis.snapshot.systems if s.lifecycle != Lifecycle.RETIRED]

    @cached_property
    def language(self) -> str:
        return get_language() or "en"

    @property
    def large(self) -> bool:
        return len(self.systems_in_use) > FULL_LIST_LIMIT


def sources_for(organisation: Organisation) -> Sources:
    """The organisation's analysis from the landscape cache (computed once while the landscape
    is unchanged), in the active language."""
    analysis = cached_analysis(organisation, lambda: analyze(landscape_snapshot(organisation)))
    return Sources(organisation, analysis)
