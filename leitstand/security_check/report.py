"""The check's result as a PDF for the owner-manager (WeasyPrint; the chart as SVG)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from leitstand.analysis.company_check.scoring import CheckResult
from leitstand.core.pdf import html_to_pdf, svg_data_uri
from leitstand.security_check.models import SecurityCheck
from leitstand.security_check.presenters import result_context
from leitstand.security_check.selectors import notes_of


def render_pdf(
    request: HttpRequest, check: SecurityCheck, result: CheckResult, comparison: dict | None
) -> bytes:
    notes = notes_of(check)
    context = {"check": check, "org": check.organisation, **result_context(result, notes)}
    context["chart_uri"] = svg_data_uri(context["area_chart"])
    context["comparison"] = comparison
    html = render_to_string("security_check/report.html", context, request=request)
    return html_to_pdf(html, request.build_absolute_uri("/"), tagged=True)
