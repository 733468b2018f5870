"""What the catalogue proposes for a system, field by field, and which of it is new.

A proposal never overwrites: a field counts as "to fill" only when the system's value is
empty (the kind only while it is still the default the form starts with); the product's
capabilities that the system lacks are added beside those it has (a CRM whose only
capability someone typed as "Vertrieb" still gets CRM, so it overlaps with the other CRM).
Pages show the proposal with its source; a person applies it with one click
(services.apply_proposal).
"""

from dataclasses import dataclass, field
from datetime import date

from leitstand.inventory.models import Hosting, Jurisdiction, System, SystemKind
from leitstand.products.catalogue import Cycle, Product, catalogue_as_of, load_catalogue
from leitstand.products.matching import Match, match_name

EU_COUNTRIES = frozenset(
    (
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    )
)


def system_kind(product: Product) -> str:
    """The catalogue uses the inventory's kinds (DOMAIN.md); anything else stays unknown."""
    return product.kind if product.kind in SystemKind.values else ""


def provider_jurisdiction(product: Product) -> str:
    """Whose law the provider that hosts the data falls under; empty when the company hosts."""
    if product.typical_hosting == "on_premises" or not product.vendor.country:
        return ""
    return Jurisdiction.EU if product.vendor.country in EU_COUNTRIES else Jurisdiction.NON_EU


def hosting(product: Product) -> str:
    value = product.typical_hosting
    return value if value in Hosting.values else ""


@dataclass(frozen=True)
class Proposal:
    match: Match | None  # None when the product was chosen, not recognised from a name
    product: Product
    cycle: Cycle | None
    kind: str
    hosting: str
    jurisdiction: str
    vendor_name: str
    vendor_country: str
    capabilities: tuple[str, ...]
    end_of_support: date | None
    version: str
    #: the system fields that are empty now; "capabilities" when some are missing
    to_fill: tuple[str, ...] = field(default=())

    @property
    def source(self) -> str:
        """Where the end-of-support date comes from, for the page ("endoflife.date")."""
        if self.cycle and self.product.cycle_source:
            return self.product.cycle_source.name
        return "Leitstand"

    @property
    def as_of(self) -> date | None:
        if self.cycle and self.product.cycle_source and self.product.cycle_source.as_of:
            return self.product.cycle_source.as_of
        return catalogue_as_of()

    @property
    def verified(self) -> bool:
        if self.cycle and self.product.cycle_source:
            return self.product.cycle_source.verified and not self.cycle.unverified
        return self.product.verified is not None


def proposal_for_match(match: Match, system: System | None = None) -> Proposal | None:
    if not match.recognised:
        return None
    return proposal_for_product(match.product, match.cycle, system, match)


def proposal_for_product(
    product: Product, cycle: Cycle | None, system: System | None = None, match: Match | None = None
) -> Proposal:
    proposal = Proposal(
        match=match,
        product=product,
        cycle=cycle,
        kind=system_kind(product),
        hosting=hosting(product),
        jurisdiction=provider_jurisdiction(product),
        vendor_name=product.vendor.name,
        vendor_country=product.vendor.country,
        capabilities=product.capabilities,
        end_of_support=cycle.end_of_security_support if cycle else None,
        version=(cycle.label or cycle.key) if cycle else "",
    )
    if system is None:
        return proposal
    return Proposal(**{**proposal.__dict__, "to_fill": empty_fields(system, proposal)})


def proposal_for_name(name: str, system: System | None = None) -> Proposal | None:
    return proposal_for_match(match_name(name), system)


def empty_fields(system: System, proposal: Proposal) -> tuple[str, ...]:
    fields = []
    if proposal.kind and not system.kind:
        fields.append("kind")
    if proposal.vendor_name and system.vendor_id is None:
        fields.append("vendor")
    if proposal.hosting and not system.hosting:
        fields.append("hosting")
    if proposal.jurisdiction and not system.jurisdiction:
        fields.append("jurisdiction")
    if proposal.end_of_support and system.end_of_support is None:
        fields.append("end_of_support")
    if proposal.version and not system.version:
        fields.append("version")
    if system.pk and missing_capabilities(system, proposal):
        fields.append("capabilities")
    return tuple(fields)


def missing_capabilities(system: System, proposal: Proposal) -> tuple[str, ...]:
    """The product's capabilities (catalogue keys) the saved system does not have yet."""
    has = {capability.key for capability in system.capabilities.all()}
    return tuple(key for key in proposal.capabilities if key not in has)


def product_of(system: System) -> Product | None:
    link = getattr(system, "product_link", None)
    return load_catalogue().get(link.product) if link else None
