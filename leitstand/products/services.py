"""Writes of the products app: apply a proposal, keep end-of-support dates current, turn a
statement into recurring software payments and those into systems.

Systems, vendors and capabilities are written through the inventory's services, a catalogue
link through `save_product_link` / `delete_product_link` (the page and the API call them);
only `sync_end_of_support` writes in bulk."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from leitstand.core.actor import acting_as
from leitstand.core.audit import create_in_bulk, delete_object, save_values
from leitstand.inventory.models import Capability, System, Vendor, system_rule_errors
from leitstand.inventory.services import (
    capability_catalogue,
    create_capability,
    create_system,
    create_vendor,
    save_system,
)
from leitstand.products.catalogue import load_catalogue
from leitstand.products.matching import matcher
from leitstand.products.models import (
    PaymentStatus,
    ProductLink,
    RecurringPayment,
    StatementScan,
)
from leitstand.products.proposals import (
    EU_COUNTRIES,
    Proposal,
    empty_fields,
    proposal_for_product,
)
from leitstand.products.recurring import recurring_payments
from leitstand.products.statements import read_statement
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import bump_landscape

# -- catalogue links: the one write path of a ProductLink ---------------------------------------


def save_product_link(link: ProductLink, values: dict, *, actor) -> ProductLink:
    return save_values(link, values, actor)


def create_product_links(organisation: Organisation, values: list[dict], *, actor) -> list:
    return create_in_bulk(ProductLink, values, actor, organisation=organisation)


def delete_product_link(link: ProductLink, *, actor) -> None:
    delete_object(link, actor)


# -- proposals ---------------------------------------------------------------------------------


def vendor_for(organisation: Organisation, name: str, country: str, *, actor) -> Vendor:
    """The organisation's vendor of that name (any case), created with its country if new."""
    vendor = Vendor.objects.for_org(organisation).filter(name__iexact=name).first()
    if vendor is not None:
        return vendor
    product_vendor = next((v for v in load_catalogue().vendors.values() if v.name == name), None)
    jurisdiction = ""
    if country:
        jurisdiction = "eu" if country in EU_COUNTRIES else "non_eu"
    values = {
        "name": name,
        "country": country,
        "jurisdiction": jurisdiction,
        "website": product_vendor.website if product_vendor else "",
    }
    return create_vendor(organisation, values, actor=actor)


def capabilities_for(
    organisation: Organisation, keys: tuple[str, ...], *, actor
) -> list[Capability]:
    """The organisation's capabilities with these catalogue keys; missing ones are added from
    the reference list (organisations created before a key existed)."""
    existing = {c.key: c for c in Capability.objects.for_org(organisation).filter(key__in=keys)}
    reference = {entry["key"]: entry for entry in capability_catalogue()}
    result = []
    for key in keys:
        if key in existing:
            result.append(existing[key])
        elif key in reference:
            entry = reference[key]
            values = {
                "key": key,
                "name_en": entry["en"],
                "name_de": entry["de"],
                "differentiating": entry["differentiating"],
            }
            result.append(create_capability(organisation, values, actor=actor))
    return result


def apply_proposal(
    system: System, proposal: Proposal, user, *, capabilities_chosen: bool = False
) -> list[str]:
    """Fill the system's empty fields from the proposal, add the capabilities it lacks and
    link it to the catalogue.

    Returns the names of the fields that were filled. A date the user entered stays and is
    pinned; an empty one follows the catalogue from now on. The system's rules decide what
    can be filled: an end of support before the system was introduced stays empty. With
    `capabilities_chosen` (the form was just saved, where the proposal's capabilities were
    offered and a person may have unticked some) capabilities are added only to none.
    """
    filled = [name for name in empty_fields(system, proposal) if _fits(system, proposal, name)]
    if capabilities_chosen and "capabilities" in filled and system.capabilities.exists():
        filled.remove("capabilities")
    organisation = system.organisation
    with transaction.atomic(), acting_as(user):
        values = {
            name: getattr(proposal, name)
            for name in ("kind", "hosting", "jurisdiction", "end_of_support")
            if name in filled
        }
        if "vendor" in filled:
            values["vendor"] = vendor_for(
                organisation, proposal.vendor_name, proposal.vendor_country, actor=user
            )
        if "version" in filled:
            values["version"] = proposal.version[:60]
        if "capabilities" in filled:
            added = capabilities_for(organisation, proposal.capabilities, actor=user)
            values["capabilities"] = list(dict.fromkeys([*system.capabilities.all(), *added]))
        save_system(system, values, actor=user)
        pinned = (
            system.end_of_support is not None and system.end_of_support != proposal.end_of_support
        )
        link = ProductLink.objects.filter(system=system).first() or ProductLink(system=system)
        link_values = {
            "organisation": organisation,
            "product": proposal.product.id,
            "cycle": proposal.cycle.key if proposal.cycle else "",
            "pin_end_of_support": pinned if proposal.cycle else True,
            "catalogue_as_of": proposal.as_of,
            "confirmed_by": user,
        }
        save_product_link(link, link_values, actor=user)
    return filled


def _fits(system: System, proposal: Proposal, name: str) -> bool:
    """Whether filling the field from the proposal keeps the system within its rules."""
    if name != "end_of_support":
        return True
    errors = system_rule_errors(
        system.owner_id, system.deputy_id, system.introduced_on, proposal.end_of_support
    )
    return "end_of_support" not in errors


# -- end of support from the catalogue -------------------------------------------------------


def catalogue_end_of_support(link: ProductLink) -> tuple[date | None, date | None]:
    """(end of security support, as-of day) of the link's cycle in the current catalogue."""
    product = load_catalogue().get(link.product)
    if product is None or not link.cycle:
        return None, None
    cycle = product.cycle(link.cycle)
    if cycle is None:
        return None, None
    as_of = product.cycle_source.as_of if product.cycle_source else None
    return cycle.end_of_security_support, as_of


def sync_end_of_support(organisation: Organisation | None = None) -> int:
    """Bring every unpinned linked system to the catalogue's date; returns systems changed.

    Runs after every `migrate` (so an upgraded Leitstand brings its newer catalogue to all
    organisations) and with `leitstand catalogue sync`.
    """
    links = ProductLink.objects.filter(pin_end_of_support=False).exclude(cycle="")
    if organisation is not None:
        links = links.filter(organisation=organisation)
    changed_systems = []
    changed_links = []
    touched = set()
    for link in links.select_related("system"):
        end, as_of = catalogue_end_of_support(link)
        if end is None:
            continue
        if link.system.end_of_support != end:
            link.system.end_of_support = end
            changed_systems.append(link.system)
            touched.add(link.organisation_id)
        if link.catalogue_as_of != as_of:
            link.catalogue_as_of = as_of
            changed_links.append(link)
    with transaction.atomic():
        System.objects.bulk_update(changed_systems, ["end_of_support"], batch_size=500)
        ProductLink.objects.bulk_update(changed_links, ["catalogue_as_of"], batch_size=500)
        for organisation_id in touched:
            bump_landscape(organisation_id)
    return len(changed_systems)


def pin_end_of_support(link: ProductLink, day: date | None, user) -> None:
    """The user's own date wins over the catalogue's (None: follow the catalogue again).
    A date the system's rules refuse raises ValidationError and changes nothing."""
    with transaction.atomic():
        if day is None:
            save_product_link(link, {"pin_end_of_support": False}, actor=user)
            end, _as_of = catalogue_end_of_support(link)
            if end is not None:
                save_system(link.system, {"end_of_support": end}, actor=user)
            return
        save_product_link(link, {"pin_end_of_support": True}, actor=user)
        save_system(link.system, {"end_of_support": day}, actor=user)


def remove_link(link: ProductLink, user) -> None:
    """Forget the link; the fields it filled stay as they are."""
    delete_product_link(link, actor=user)


# -- statements ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanResult:
    scan: StatementScan
    payments: list[RecurringPayment]


def _system_for(organisation: Organisation, item, linked: dict, by_product: dict) -> System | None:
    if item.product is not None:
        if item.product.id in linked:
            return linked[item.product.id]
        if item.product.id in by_product:
            return by_product[item.product.id]
    vendor = item.vendor.name
    return (
        System.objects.for_org(organisation)
        .filter(Q(vendor__name__iexact=vendor) | Q(name__iexact=vendor))
        .order_by("name")
        .first()
    )


def scan_statement(organisation: Organisation, user, data: bytes) -> ScanResult:
    """Read a statement in memory and keep only its recurring software payments."""
    statement = read_statement(data)
    found = recurring_payments(statement.transactions)
    days = [t.day for t in statement.transactions]
    linked = {
        link.product: link.system
        for link in ProductLink.objects.for_org(organisation).select_related("system")
    }
    by_product: dict[str, System] = {}
    if found:
        for system in System.objects.for_org(organisation).only("id", "name", "annual_cost"):
            result = matcher().match(system.name)
            if result.recognised:
                by_product.setdefault(result.product.id, system)
    with transaction.atomic(), acting_as(user):
        scan = StatementScan.objects.create(
            organisation=organisation,
            kind=statement.kind,
            rows_read=statement.rows_read,
            period_start=min(days) if days else None,
            period_end=max(days) if days else None,
            created_by=user,
        )
        payments = []
        for item in found:
            system = _system_for(organisation, item, linked, by_product)
            payments.append(
                RecurringPayment.objects.create(
                    organisation=organisation,
                    scan=scan,
                    payee=item.payee or item.vendor.name,
                    product=item.product.id if item.product else "",
                    vendor_name=item.vendor.name,
                    interval=item.interval,
                    payment_count=len(item.payments),
                    first_paid=item.payments[0].day,
                    last_paid=item.payments[-1].day,
                    annual_cost=item.annual_cost,
                    per_year={str(year): str(total) for year, total in item.per_year.items()},
                    payments=[[p.day.isoformat(), str(-p.amount)] for p in item.payments],
                    system=system,
                    status=PaymentStatus.KNOWN if system else PaymentStatus.OPEN,
                )
            )
    return ScanResult(scan, payments)


def _free_name(organisation: Organisation, name: str) -> str:
    taken = {
        n.lower()
        for n in System.objects.for_org(organisation)
        .filter(name__istartswith=name)
        .values_list("name", flat=True)
    }
    if name.lower() not in taken:
        return name
    number = 2
    while f"{name} ({number})".lower() in taken:
        number += 1
    return f"{name} ({number})"


def add_payment_as_system(payment: RecurringPayment, user) -> System:
    """A system for a recurring payment nobody listed: shadow IT, with its annual cost."""
    organisation = payment.organisation
    product = load_catalogue().get(payment.product) if payment.product else None
    with transaction.atomic(), acting_as(user):
        name = product.name if product else payment.vendor_name
        values = {
            "name": _free_name(organisation, name[:200]),
            "centrally_managed": False,
            "annual_cost": payment.annual_cost,
            "vendor": vendor_for(
                organisation,
                product.vendor.name if product else payment.vendor_name,
                product.vendor.country if product else "",
                actor=user,
            ),
            "notes": _(
                "Found in a statement: %(count)s payments to %(payee)s (%(interval)s), "
                "%(first)s to %(last)s."
            )
            % {
                "count": payment.payment_count,
                "payee": payment.payee,
                "interval": payment.get_interval_display(),
                "first": payment.first_paid.isoformat(),
                "last": payment.last_paid.isoformat(),
            },
        }
        system = create_system(organisation, values, actor=user)
        if product is not None:
            apply_proposal(system, proposal_for_product(product, None, system), user)
        payment.system = system
        payment.status = PaymentStatus.ADDED
        payment.save(update_fields=["system", "status"])
    return system


def dismiss_payment(payment: RecurringPayment, user) -> None:
    with transaction.atomic(), acting_as(user):
        payment.status = PaymentStatus.DISMISSED
        payment.save(update_fields=["status"])


def save_recurring_payment(payment: RecurringPayment, values: dict, *, actor) -> RecurringPayment:
    """A payment's status or system, as the API sets them."""
    return save_values(payment, values, actor)


def delete_recurring_payment(payment: RecurringPayment, *, actor) -> None:
    delete_object(payment, actor)


def delete_statement_scan(scan: StatementScan, *, actor) -> None:
    """The scan and the payments it kept; systems made from them stay."""
    delete_object(scan, actor)


def cost_difference(payment: RecurringPayment) -> Decimal | None:
    """Statement's cost per year minus the inventory's figure (None when either is unknown)."""
    if payment.system is None or payment.system.annual_cost is None:
        return None
    return payment.annual_cost - payment.system.annual_cost
