"""The cockpit's section "What could stop us": the costliest outages without a tested
restore or a tested emergency plan."""

from django.http import HttpRequest

from leitstand.continuity import selectors
from leitstand.core.extensions import Panel
from leitstand.landscape.cache import request_analysis


def what_could_stop_us(request: HttpRequest) -> Panel:
    request_analysis(request)  # the cockpit runs it anyway; the figures reuse it
    figures = selectors.request_figures(request)
    return Panel(
        "continuity/_cockpit_section.html",
        {
            "rows": selectors.what_could_stop_us(figures),
            "has_impacts": bool(figures.snapshot.business_impacts),
        },
    )
