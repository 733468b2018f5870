"""The assessment's result as a PDF (WeasyPrint; the radar as SVG, like on the page)."""

import base64
import logging

from django.http import HttpRequest
from django.template.loader import render_to_string

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(request: HttpRequest, context: dict) -> bytes:
    context = dict(context)
    context["org"] = context["assessment"].organisation
    context["radar_uri"] = "data:image/svg+xml;base64," + base64.b64encode(
        str(context["radar"]).encode("utf-8")
    ).decode("ascii")
    from weasyprint import HTML  # imported on first use: it loads its stylesheets at import

    html = render_to_string("maturity/report.html", context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
