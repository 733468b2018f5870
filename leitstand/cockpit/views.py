from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from leitstand.cockpit.selectors import inventory_figures
from leitstand.core.charts import horizontal_eur_bars
from leitstand.core.extensions import cockpit_sections
from leitstand.tenancy.access import org_view


@org_view()
def home(request: HttpRequest) -> HttpResponse:
    figures = inventory_figures(request.org)
    rows = list(reversed(figures.cost_by_department))  # the chart draws the first bar lowest
    chart = (
        horizontal_eur_bars(
            [row.name or _("(no department)") for row in rows], [row.eur_per_year for row in rows]
        )
        if rows
        else None
    )
    sections = cockpit_sections.render(request)
    context = {"figures": figures, "cost_chart": chart, "sections": sections}
    return render(request, "cockpit/home.html", context)
