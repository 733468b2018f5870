from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from leitstand.cockpit.next_steps import next_steps
from leitstand.cockpit.selectors import InventoryFigures, inventory_figures
from leitstand.core.charts import horizontal_eur_bars
from leitstand.core.extensions import Panel, cockpit_sections
from leitstand.landscape.cache import kept_for_request, kept_page, while_older_shown
from leitstand.landscape.middleware import REFRESH_S
from leitstand.tenancy.access import org_view


def _cost_chart(figures: InventoryFigures) -> str | None:
    rows = list(reversed(figures.cost_by_department))  # the chart draws the first bar lowest
    if not rows:
        return None
    return horizontal_eur_bars(
        [row.name or _("(no department)") for row in rows], [row.eur_per_year for row in rows]
    )


@dataclass
class CockpitValues:
    figures: InventoryFigures
    cost_chart: str | None
    sections: list[Panel]


def _values(request: HttpRequest) -> CockpitValues:
    """Every value of the landscape the cockpit shows, kept with the analysis until the
    landscape changes (leitstand.landscape.cache)."""
    organisation = request.org
    figures = kept_for_request(
        request, "cockpit.inventory", lambda: inventory_figures(organisation)
    )
    chart = kept_for_request(request, "cockpit.cost_chart", lambda: _cost_chart(figures))
    return CockpitValues(figures, chart, cockpit_sections.render(request))


@org_view(page_cache=True)
def home(request: HttpRequest) -> HttpResponse:
    # a large landscape shows its previous figures while the current ones are computed
    values, figures_from = kept_page(request, "cockpit", _values)
    context = {
        "figures": values.figures,
        "cost_chart": values.cost_chart,
        "sections": values.sections,
        "next_steps": next_steps(request, values.figures),
        "figures_from": figures_from,
        "refresh_s": REFRESH_S,
    }
    response = render(request, "cockpit/home.html", context)
    if figures_from is not None:
        add_never_cache_headers(response)
        # every reader gets the same earlier figures until the current ones are kept: sent
        # from memory until then, also after further changes (leitstand.tenancy.pagecache)
        response.page_cache_while = while_older_shown(request, "cockpit")
    return response
