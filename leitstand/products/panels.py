"""The catalogue on a system's page: its link (end of support from the catalogue, or the
user's own date), or what the catalogue proposes for its name."""

from django.http import HttpRequest

from leitstand.core.extensions import Panel
from leitstand.inventory.models import System
from leitstand.products import selectors
from leitstand.products.catalogue import load_catalogue
from leitstand.products.forms import OwnEndOfSupportForm
from leitstand.products.proposals import proposal_for_name, proposal_for_product
from leitstand.products.services import apply_proposal


def catalogue_panel(request: HttpRequest, system: System) -> Panel:
    link = selectors.link_view(system)
    proposal = None if link else proposal_for_name(system.name, system)
    return Panel(
        "products/_system_panel.html",
        {
            "system": system,
            "link": link,
            "date_form": OwnEndOfSupportForm(
                initial={"date": system.end_of_support}, auto_id="own-%s"
            ),
            "proposal": proposal,
            "match": proposal.match if proposal else selectors.match(system.name),
        },
    )


def proposal_form_panel(request: HttpRequest, system: System | None) -> Panel:
    """In the system form: what the catalogue knows about the name being typed."""
    return Panel("products/_form_proposal.html", {"system": system})


def link_saved_system(request: HttpRequest, system: System) -> None:
    """After the form was saved: link the product its proposal named (posted by the panel's
    "apply" button) and fill what is still empty (a new vendor, the capabilities)."""
    product = load_catalogue().get(request.POST.get("catalogue_product", ""))
    if product is None:
        return
    key = request.POST.get("catalogue_cycle", "")
    cycle = product.cycle(key) if key else None
    proposal = proposal_for_product(product, cycle, system)
    apply_proposal(system, proposal, request.user, capabilities_chosen=True)
