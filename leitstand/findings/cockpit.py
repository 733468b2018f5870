"""The cockpit's section on where time and money go: totals and the top findings."""

from django.http import HttpRequest

from leitstand.core.extensions import Panel
from leitstand.core.presenters import present_finding
from leitstand.core.wording import render_all
from leitstand.landscape.cache import request_analysis

TOP_FINDINGS = 5


def findings_section(request: HttpRequest) -> Panel:
    analysis = request_analysis(request)
    return Panel(
        "findings/_cockpit_section.html",
        {
            "totals": analysis.totals,
            "totals_explanation": render_all(analysis.totals_explanation),
            "findings": [
                present_finding(finding, request.org.slug)
                for finding in analysis.findings[:TOP_FINDINGS]
            ],
            "finding_count": len(analysis.findings),
            "gap_count": len(analysis.data_gaps),
            "integrations": len(analysis.snapshot.integrations),
        },
    )
