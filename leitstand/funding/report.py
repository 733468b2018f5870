"""The funding plan as a PDF annex for a house bank or funding agency (WeasyPrint)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from leitstand.core.pdf import html_to_pdf
from leitstand.funding.models import FundingPlan


def render_pdf(request: HttpRequest, plan: FundingPlan, context: dict) -> bytes:
    html = render_to_string(
        "funding/report.html", {**context, "org": plan.organisation}, request=request
    )
    return html_to_pdf(html, request.build_absolute_uri("/"), tagged=True)
