"""Reads of the products app for its pages: catalogue lists, a system's link, scan results."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from leitstand.core.language import is_german
from leitstand.inventory.models import System
from leitstand.inventory.services import capability_catalogue
from leitstand.products.catalogue import Cycle, Product, catalogue_as_of, load_catalogue
from leitstand.products.matching import Match, match_name
from leitstand.products.models import ProductLink, RecurringPayment, StatementScan
from leitstand.products.names import fold
from leitstand.products.proposals import proposal_for_name

KIND_LABELS = {
    "application": _("business application"),
    "suite": _("office or collaboration suite"),
    "infrastructure": _("infrastructure"),
    "device": _("device"),
    "spreadsheet": _("spreadsheet or desktop database"),
    "authority_portal": _("public authority portal"),
}
EU_LABELS = {
    "available": _("EU data residency available"),
    "not_available": _("no EU data residency"),
    "unknown": _("EU data residency not known"),
    "self_hosted": _("data stays where it is installed"),
    "not_applicable": _("no data held by the vendor"),
}
HOSTING_LABELS = {
    "on_premises": _("on-premises"),
    "private_cloud": _("private cloud / hosted"),
    "public_cloud": _("public cloud"),
    "saas": _("SaaS"),
}
CATEGORY_LABELS = {
    "accounting": _("Accounting and tax"),
    "payroll": _("Payroll"),
    "erp": _("ERP and merchandise management"),
    "crm": _("CRM"),
    "customer_service": _("Customer service"),
    "shop": _("Web shop and marketplaces"),
    "payments": _("Payments"),
    "website": _("Website and CMS"),
    "marketing": _("Marketing and design"),
    "office": _("Office and collaboration"),
    "email": _("E-mail"),
    "file_sharing": _("File sharing"),
    "chat": _("Chat"),
    "video": _("Video conferencing"),
    "project": _("Projects and tasks"),
    "time_tracking": _("Time recording"),
    "hr": _("HR"),
    "dms": _("Document management and archive"),
    "esign": _("E-signature"),
    "banking": _("Banking"),
    "transport": _("Transport and telematics"),
    "craft_trade": _("Craft-trade software"),
    "telephony": _("Telephony"),
    "firewall": _("Firewall and router"),
    "endpoint_security": _("Virus protection and mail security"),
    "remote_access": _("Remote access"),
    "password": _("Password managers"),
    "identity": _("User accounts"),
    "backup": _("Backup"),
    "nas": _("NAS and storage"),
    "server_os": _("Servers and server operating systems"),
    "client_os": _("PC operating systems"),
    "virtualisation": _("Virtualisation"),
    "database": _("Databases"),
    "runtime": _("Runtimes and web servers"),
    "browser": _("Browsers"),
    "cloud": _("Cloud and hosting"),
    "monitoring": _("Monitoring"),
    "ai": _("AI assistants"),
    "automation": _("Automation"),
    "authority_portal": _("Authority portals"),
    "device": _("Devices"),
    "pos": _("Point of sale"),
}
FIELD_LABELS = {
    "kind": _("kind"),
    "vendor": _("vendor"),
    "hosting": _("hosting"),
    "jurisdiction": _("provider jurisdiction"),
    "end_of_support": _("end of support"),
    "version": _("version"),
    "capabilities": _("missing capabilities"),
}


def form_values(proposal) -> dict:
    """What the form's "apply" button fills in (only where a field is empty; capabilities
    beside those ticked)."""
    return {
        "product": proposal.product.id,
        "cycle": proposal.cycle.key if proposal.cycle else "",
        "kind": proposal.kind,
        "hosting": proposal.hosting,
        "jurisdiction": proposal.jurisdiction,
        "version": proposal.version[:60],
        "end_of_support": proposal.end_of_support.isoformat() if proposal.end_of_support else "",
        "vendor": proposal.vendor_name,
        "capabilities": [capability_label(key) for key in proposal.capabilities],
    }


def capability_label(key: str) -> str:
    german = is_german()
    for entry in capability_catalogue():
        if entry["key"] == key:
            return entry["de"] if german else entry["en"]
    return key


def category_label(key: str) -> str:
    return str(CATEGORY_LABELS.get(key, key))


def field_labels(fields) -> list[str]:
    return [str(FIELD_LABELS.get(name, name)) for name in fields]


def match(name: str) -> Match:
    return match_name(name)


def data_age() -> date | None:
    return catalogue_as_of()


def catalogue_products(query: str, category: str, kind: str) -> list[Product]:
    products = list(load_catalogue().products)
    if category:
        products = [p for p in products if p.category == category]
    if kind:
        products = [p for p in products if p.kind == kind]
    if query:
        needle = fold(query)
        products = [
            p
            for p in products
            if needle in fold(p.name)
            or needle in fold(p.vendor.name)
            or any(needle in fold(alias) for alias in p.aliases)
        ]
    return sorted(products, key=lambda p: fold(p.name))


@dataclass(frozen=True)
class LinkView:
    link: ProductLink
    product: Product | None
    cycle: Cycle | None
    catalogue_end: date | None
    as_of: date | None
    source: str
    source_url: str
    verified: bool
    differs: bool  # the system's date is not the catalogue's


def link_view(system: System) -> LinkView | None:
    link = ProductLink.objects.for_org(system.organisation).filter(system=system).first()
    if link is None:
        return None
    product = load_catalogue().get(link.product)
    cycle = product.cycle(link.cycle) if product and link.cycle else None
    source = product.cycle_source if product else None
    end = cycle.end_of_security_support if cycle else None
    return LinkView(
        link=link,
        product=product,
        cycle=cycle,
        catalogue_end=end,
        as_of=source.as_of if source and cycle else catalogue_as_of(),
        source=source.name if source and cycle else "Leitstand",
        source_url=source.url if source and cycle else (product.url if product else ""),
        verified=bool(source and source.verified and cycle and not cycle.unverified),
        differs=end is not None and system.end_of_support != end,
    )


@dataclass(frozen=True)
class PaymentRow:
    payment: RecurringPayment
    product: Product | None
    inventory_cost: Decimal | None
    difference: Decimal | None  # statement's cost per year minus the inventory's

    @property
    def difference_size(self) -> Decimal | None:
        return abs(self.difference) if self.difference is not None else None


def scan_rows(scan: StatementScan) -> list[PaymentRow]:
    catalogue = load_catalogue()
    rows = []
    for payment in scan.payments.select_related("system").order_by("-annual_cost", "payee"):
        cost = payment.system.annual_cost if payment.system else None
        rows.append(
            PaymentRow(
                payment=payment,
                product=catalogue.get(payment.product) if payment.product else None,
                inventory_cost=cost,
                difference=(payment.annual_cost - cost) if cost is not None else None,
            )
        )
    return rows


@dataclass(frozen=True)
class OpenProposal:
    system: System
    proposal: object  # proposals.Proposal


def open_proposals(organisation, system_ids: Iterable[int] | None = None) -> list[OpenProposal]:
    """Systems without a catalogue link whose name is a catalogue product, by name; only
    those of `system_ids` when given (recognising 50,000 names takes seconds)."""
    systems = System.objects.for_org(organisation)
    if system_ids is not None:
        systems = systems.filter(pk__in=list(system_ids))
    systems = (
        systems.filter(product_link__isnull=True)
        .select_related("vendor")
        .prefetch_related("capabilities")
        .order_by("name")
    )
    rows = []
    for system in systems:
        proposal = proposal_for_name(system.name, system)
        if proposal is not None:
            rows.append(OpenProposal(system, proposal))
    return rows
