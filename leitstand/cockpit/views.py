from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from leitstand.cockpit.next_steps import next_steps
from leitstand.cockpit.selectors import InventoryFigures, inventory_figures
from leitstand.core.charts import horizontal_eur_bars
from leitstand.core.extensions import cockpit_sections
from leitstand.landscape.cache import cached_for_landscape
from leitstand.tenancy.access import org_view


def _cost_chart(figures: InventoryFigures) -> str | None:
    rows = list(reversed(figures.cost_by_department))  # the chart draws the first bar lowest
    if not rows:
        return None
    return horizontal_eur_bars(
        [row.name or _("(no department)") for row in rows], [row.eur_per_year for row in rows]
    )


@org_view(page_cache=True)
def home(request: HttpRequest) -> HttpResponse:
    organisation = request.org
    # Both kept with the analysis until the landscape changes (leitstand.landscape.cache).
    figures = cached_for_landscape(
        organisation, "cockpit.inventory", lambda: inventory_figures(organisation)
    )
    chart = cached_for_landscape(organisation, "cockpit.cost_chart", lambda: _cost_chart(figures))
    sections = cockpit_sections.render(request)
    context = {
        "figures": figures,
        "cost_chart": chart,
        "sections": sections,
        "next_steps": next_steps(request, figures),
    }
    return render(request, "cockpit/home.html", context)
