"""The analysis as a page (findings) and as JSON for members of the organisation."""

from functools import partial

from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from leitstand.core.language import is_german
from leitstand.core.presenters import present_gap
from leitstand.core.wording import render_all
from leitstand.findings.serialize import QUICK_WINS_SHOWN, analysis_as_json, quick_wins_lines
from leitstand.landscape.cache import (
    beyond_supported_size,
    kept_download,
    kept_for_request,
    kept_fragment,
    request_analysis,
)
from leitstand.roadmap.quick_wins import quick_win_table
from leitstand.roadmap.worklist import worklist_context, worklist_csv
from leitstand.tenancy.access import org_view


@org_view()
def analysis_json(request: HttpRequest) -> HttpResponse:
    """Beyond the supported size written in the background into a file kept until the
    landscape changes (tens of megabytes: 503 with Retry-After meanwhile)."""
    if beyond_supported_size(request):
        path = kept_download(request, "analysis.json", partial(_write_analysis, request))
        return FileResponse(path.open("rb"), content_type="application/json")
    analysis = request_analysis(request)
    return JsonResponse(analysis_as_json(analysis), json_dumps_params={"ensure_ascii": False})


def _write_analysis(request: HttpRequest, handle) -> None:
    document = analysis_as_json(request_analysis(request))
    # in pieces: json.dumps in one piece holds the interpreter lock until it is done (20 s
    # for 300 MB), and every request of the process would wait that long
    for piece in DjangoJSONEncoder(ensure_ascii=False).iterencode(document):
        handle.write(piece.encode())


@org_view(page_cache=True)
def findings(request: HttpRequest) -> HttpResponse:
    """The findings as a working list: groups of the same kind and remedy with their members'
    statuses, filtered; `?format=csv` downloads the filtered list."""
    analysis = request_analysis(request)
    worklist = worklist_context(request, analysis)
    if request.GET.get("format") == "csv":
        german = is_german()
        response = HttpResponse(
            worklist_csv(worklist["groups"], german), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="findings.csv"'
        return response
    context = {
        "analysis": analysis,
        "totals": analysis.totals,
        "totals_explanation": render_all(analysis.totals_explanation),
        "worklist": worklist,
        "gap_section": kept_fragment(
            request,
            "findings_gaps",
            "findings/_gaps.html",
            lambda: {
                "gaps": [present_gap(gap, request.org.slug) for gap in analysis.data_gaps[:200]],
                "gap_count": len(analysis.data_gaps),
            },
        ),
        "overlapping_systems": kept_for_request(
            request, "overlapping_systems", lambda: len(analysis.overlapping_system_ids)
        ),
        "quick_win_section": kept_fragment(
            request,
            "findings_quick_wins",
            "findings/_quick_wins.html",
            lambda: {
                "quick_wins": analysis.quick_wins,
                "quick_wins_explanation": quick_wins_lines(analysis),
                "quick_win_table": quick_win_table(analysis, QUICK_WINS_SHOWN),
            },
        ),
    }
    return render(request, "findings/findings.html", context)
