"""Proposals from the product catalogue: "DATEV UO" in a file is DATEV Unternehmen online.

For each system row whose name the catalogue recognises surely (the same bar at which the
catalogue's bulk page ticks a system), the empty cells get the product's kind, vendor,
hosting, provider jurisdiction, and, where the name says the version, that version and its
end of security support. The product's capabilities (those the organisation has) that the
row lacks are added beside the file's own: "Pipedrive; Vertrieb" keeps "Vertrieb" and gets
CRM, so it overlaps with a HubSpot whose row says "Kunden". Each distinct name is matched
once. The preview shows the step as one switch ("apply all"); switched off, the rows keep
exactly what the file says. Rows that update a stored system get nothing. Linking the
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


def _by_key(known: dict) -> dict:
    """The organisation's capabilities by catalogue key."""
    by_key = {}
    for obj in known.values():
        key = getattr(obj, "key", "")
        if key and key not in by_key:
            by_key[key] = obj
    return by_key


def _capability_names(keys, by_key: dict, known: dict, written) -> list[str]:
    """The organisation's names of the product's capabilities (by catalogue key) that the
    row's cell does not name yet, under any of their names ("Kunden" is CRM)."""
    has = {known.get(str(name).lower()) for name in written or ()}
    return [by_key[key].name for key in keys if key in by_key and by_key[key] not in has]


def propose_from_catalogue(given: ProposalInput) -> list[Proposal]:
    capabilities = given.known.get(CAPABILITIES.key, {})
    by_key = _by_key(capabilities)
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
        }
        if found.match is not None and found.cycle is not None and not found.match.cycle_assumed:
            values["version"] = found.version
            values["end_of_support"] = found.end_of_support
        proposals.extend(
            Proposal(row, field_name, value, reason)
            for field_name, value in values.items()
            if value
        )
        written = row.values.get("capabilities")
        missing = _capability_names(found.capabilities, by_key, capabilities, written)
        if missing:
            proposals.append(Proposal(row, "capabilities", missing, reason, adds=True))
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
