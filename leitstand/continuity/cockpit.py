"""The cockpit's section "What could stop us": the costliest outages without a tested
restore or a tested emergency plan."""

from django.http import HttpRequest

from leitstand.continuity import selectors
from leitstand.core.extensions import Panel
from leitstand.landscape.cache import kept_for_request


def what_could_stop_us(request: HttpRequest) -> Panel:
    # landscape data only: kept with the analysis (ranking every needed system took 60-280 ms
    # a visit at 10,000 systems)
    context = kept_for_request(request, "cockpit:continuity", lambda: _context(request))
    return Panel("continuity/_cockpit_section.html", context)


def _context(request: HttpRequest) -> dict:
    figures = selectors.request_figures(request)
    return {
        "rows": selectors.what_could_stop_us(figures),
        "has_impacts": bool(figures.snapshot.business_impacts),
    }
