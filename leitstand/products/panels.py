"""The catalogue on a system's page: its link (end of support from the catalogue, or the
user's own date), or what the catalogue proposes for its name."""

from django.http import HttpRequest

from leitstand.core.extensions import Panel
from leitstand.inventory.models import System
from leitstand.products import selectors
from leitstand.products.proposals import proposal_for_name


def catalogue_panel(request: HttpRequest, system: System) -> Panel:
    link = selectors.link_view(system)
    proposal = None if link else proposal_for_name(system.name, system)
    return Panel(
        "products/_system_panel.html",
        {
            "system": system,
            "link": link,
            "proposal": proposal,
            "match": proposal.match if proposal else selectors.match(system.name),
        },
    )
