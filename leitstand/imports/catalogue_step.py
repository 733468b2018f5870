"""Proposals from the product catalogue: "DATEV UO" in a file is DATEV Unternehmen online.

For each system row whose name the catalogue recognises surely (the same bar at which the
catalogue's bulk page ticks a system), the empty cells get the product's kind, vendor,
hosting, provider jurisdiction, capabilities (those the organisation has), and, where the
name says the version, that version and its end of security support. Each distinct name is
matched once. The preview shows the step as one switch ("apply all"); switched off, the rows
keep exactly what the file says. Rows that update a stored system get nothing. Linking the
systems to the catalogue stays a confirmed step on the catalogue's page (the import report
points there).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.imports.proposals import Proposal, ProposalInput, ProposalStep, register
from leitstand.imports.targets import CAPABILITIES, SYSTEMS
from leitstand.inventory.models import System
from leitstand.products.matching import match_name, may_reach
from leitstand.products.proposals import proposal_for_match

#: Confidence from which a recognised name is proposed (the catalogue's bulk page ticks from
#: here too); below it a person links the system on its page.
SURE = 0.9


def _capability_names(keys, known: dict) -> list[str]:
    """The organisation's names of the product's capabilities (by catalogue key)."""
    by_key = {}
    for obj in known.values():
        key = getattr(obj, "key", "")
        if key and key not in by_key:
            by_key[key] = obj
    return [by_key[key].name for key in keys if key in by_key]


def propose_from_catalogue(given: ProposalInput) -> list[Proposal]:
    capabilities = given.known.get(CAPABILITIES.key, {})
    proposals: list[Proposal] = []
    seen: dict[str, object] = {}
    # A row that updates a stored system leaves it as it is: what a person entered there may
    # be empty on purpose; the catalogue's page links stored systems with a confirmation.
    stored = {
        name.lower()
        for name in System.objects.for_org(given.organisation).values_list("name", flat=True)
    }
    for row in given.rows:
        name = str(row.values.get("name") or "").strip()
        if not name or name.lower() in stored:
            continue
        if name not in seen:
            match = match_name(name) if may_reach(name, SURE) else None
            sure = match is not None and match.confidence >= SURE
            seen[name] = proposal_for_match(match) if sure else None
        found = seen[name]
        if found is None:
            continue
        reason = _("catalogue: %(product)s") % {"product": found.product.name}
        values = {
            "kind": found.kind,
            "vendor": found.vendor_name,
            "hosting": found.hosting,
            "jurisdiction": found.jurisdiction,
            "capabilities": _capability_names(found.capabilities, capabilities),
        }
        if found.match is not None and found.cycle is not None and not found.match.cycle_assumed:
            values["version"] = found.version
            values["end_of_support"] = found.end_of_support
        proposals.extend(
            Proposal(row, field_name, value, reason)
            for field_name, value in values.items()
            if value
        )
    return proposals


register(
    ProposalStep(
        key="product_catalogue",
        label=gettext_lazy(
            "Kind, vendor, hosting, capabilities and end of support from the catalogue"
        ),
        targets=(SYSTEMS.key,),
        propose=propose_from_catalogue,
    )
)
