"""The cockpit's section on where time and money go: totals and the top groups of findings
(one line for "13 systems have no tested emergency plan", not thirteen)."""

from django.http import HttpRequest

from leitstand.analysis.findings import Kind
from leitstand.core.extensions import Panel
from leitstand.core.presenters import present_finding
from leitstand.core.wording import render_all
from leitstand.findings.serialize import quick_wins_lines
from leitstand.landscape.cache import kept_for_request, request_analysis
from leitstand.roadmap.groups import finding_groups

TOP_FINDINGS = 5


def findings_section(request: HttpRequest) -> Panel:
    # landscape data only (finding statuses too): kept with the analysis
    context = kept_for_request(request, "cockpit:findings", lambda: _context(request))
    return Panel("findings/_cockpit_section.html", context)


def _context(request: HttpRequest) -> dict:
    analysis = request_analysis(request)
    groups = finding_groups(analysis, request.org)  # the cockpit counts groups, not duplicates
    return {
        "totals": analysis.totals,
        "totals_explanation": render_all(analysis.totals_explanation),
        "groups": [
            (present_finding(group.findings[0], request.org.slug), group.count - 1)
            for group in groups[:TOP_FINDINGS]
        ],
        "finding_count": len(analysis.findings),
        "group_count": len(groups),
        "gap_count": len(analysis.data_gaps),
        "integrations": len(analysis.snapshot.integrations),
        "check_top": [
            present_finding(finding, request.org.slug)
            for finding in analysis.findings
            if finding.kind == Kind.CHECK_TOP_UNMET
        ],
        "quick_wins": analysis.quick_wins,
        "quick_wins_explanation": quick_wins_lines(analysis),
    }
