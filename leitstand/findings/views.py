"""The analysis as a page (findings) and as JSON for members of the organisation."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from leitstand.core.presenters import present_finding, present_gap
from leitstand.core.wording import KINDS, SEVERITIES, render_all
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.cache import request_analysis
from leitstand.tenancy.access import org_view

FINDINGS_PER_PAGE = 50


@org_view()
def analysis_json(request: HttpRequest) -> JsonResponse:
    analysis = request_analysis(request)
    return JsonResponse(analysis_as_json(analysis), json_dumps_params={"ensure_ascii": False})


@org_view()
def findings(request: HttpRequest) -> HttpResponse:
    analysis = request_analysis(request)
    kind = request.GET.get("kind", "")
    severity = request.GET.get("severity", "")
    selected = [
        finding
        for finding in analysis.findings
        if (not kind or finding.kind == kind) and (not severity or finding.severity == severity)
    ]
    page = Paginator(selected, FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "analysis": analysis,
        "totals": analysis.totals,
        "totals_explanation": render_all(analysis.totals_explanation),
        "page_obj": page,
        "findings": [present_finding(finding, request.org.slug) for finding in page],
        "gaps": [present_gap(gap, request.org.slug) for gap in analysis.data_gaps[:200]],
        "gap_count": len(analysis.data_gaps),
        "kinds": [(key, label) for key, label in KINDS.items()],
        "severities": list(SEVERITIES.items()),
        "kind": kind,
        "severity": severity,
        "overlapping_systems": len(analysis.overlapping_system_ids),
    }
    return render(request, "findings/findings.html", context)
