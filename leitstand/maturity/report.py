"""The assessment's result as a PDF (WeasyPrint; the radar as SVG, like on the page)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from leitstand.core.pdf import html_to_pdf, svg_data_uri


def render_pdf(request: HttpRequest, context: dict) -> bytes:
    context = dict(context)
    context["org"] = context["assessment"].organisation
    context["radar_uri"] = svg_data_uri(context["radar"])
    html = render_to_string("maturity/report.html", context, request=request)
    return html_to_pdf(html, request.build_absolute_uri("/"), tagged=True)
