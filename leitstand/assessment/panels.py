"""What the assessment adds to other pages: the recommendation on a system's page, and the
attention list on the cockpit."""

from django.http import HttpRequest

from leitstand.assessment.overview import attention, in_scope
from leitstand.assessment.presenters import present
from leitstand.assessment.selectors import current_override, latest_assessment
from leitstand.core.extensions import Panel
from leitstand.inventory.models import System
from leitstand.landscape.cache import kept_for_request, request_analysis

COCKPIT_ATTENTION = 5


def recommendation_panel(request: HttpRequest, system: System) -> Panel:
    """From the organisation's analysis (kept between requests), which holds the latest
    assessment and override; `recommendation_for` gives the same for one system alone."""
    latest = latest_assessment(system)
    override = current_override(system)
    analysis = request_analysis(request)
    recommendation = analysis.recommendation_by_system[system.pk]
    snapshot = analysis.snapshot
    return Panel(
        "assessment/_system_panel.html",
        {
            "system": system,
            "latest": latest,
            "override": override,
            "recommendation": present(recommendation, snapshot, request.org.slug),
        },
    )


def attention_section(request: HttpRequest) -> Panel:
    def context() -> dict:
        analysis = request_analysis(request)
        recommendations = in_scope(analysis)
        needing = attention(recommendations)
        slug = request.org.slug
        return {
            "attention": [present(r, analysis.snapshot, slug) for r in needing[:COCKPIT_ATTENTION]],
            "attention_count": len(needing),
            "unassessed": sum(1 for r in recommendations if r.assessment is None),
            "systems": len(recommendations),
        }

    # landscape data only: kept with the analysis (70 ms a visit at 10,000 systems)
    return Panel(
        "assessment/_cockpit_section.html", kept_for_request(request, "cockpit:attention", context)
    )
