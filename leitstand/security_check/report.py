"""The check's result as a PDF for the owner-manager (WeasyPrint; the chart as SVG)."""

import base64
import logging

from django.http import HttpRequest
from django.template.loader import render_to_string

from leitstand.security_check.models import SecurityCheck
from leitstand.security_check.presenters import result_context
from leitstand.security_check.scoring import CheckResult
from leitstand.security_check.selectors import notes_of

# WeasyPrint reports each rendering step at INFO; the log needs only its warnings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(
    request: HttpRequest, check: SecurityCheck, result: CheckResult, comparison: dict | None
) -> bytes:
    notes = notes_of(check)
    context = {"check": check, "org": check.organisation, **result_context(result, notes)}
    context["chart_uri"] = "data:image/svg+xml;base64," + base64.b64encode(
        str(context["area_chart"]).encode("utf-8")
    ).decode("ascii")
    context["comparison"] = comparison
    from weasyprint import HTML  # imported on first use: it loads its stylesheets at import

    html = render_to_string("security_check/report.html", context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
