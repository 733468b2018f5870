"""The funding plan as a PDF annex for a house bank or funding agency (WeasyPrint)."""

import logging

from django.http import HttpRequest
from django.template.loader import render_to_string

from leitstand.funding.models import FundingPlan

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(request: HttpRequest, plan: FundingPlan, context: dict) -> bytes:
    from weasyprint import HTML  # imported on first use: it loads its stylesheets at import

    html = render_to_string(
        "funding/report.html", {**context, "org": plan.organisation}, request=request
    )
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
