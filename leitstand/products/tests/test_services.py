"""Applying proposals, following the catalogue's dates, and statements turned into systems."""

from datetime import date
from decimal import Decimal

import pytest

from leitstand.inventory.models import Capability, System, Vendor
from leitstand.inventory.tests.factories import CapabilityFactory, SystemFactory, VendorFactory
from leitstand.products.models import PaymentStatus, ProductLink, RecurringPayment
from leitstand.products.proposals import proposal_for_name
from leitstand.products.services import (
    add_payment_as_system,
    apply_proposal,
    dismiss_payment,
    pin_end_of_support,
    scan_statement,
    sync_end_of_support,
)
from leitstand.products.tests import statement_files as files

pytestmark = pytest.mark.django_db


def test_proposal_leaves_an_end_of_support_before_the_introduction_empty(org, editor):
    system = SystemFactory(
        organisation=org, name="Win Server 2012R2", introduced_on=date(2024, 1, 1)
    )
    filled = apply_proposal(system, proposal_for_name(system.name, system), editor)
    system.refresh_from_db()
    assert "end_of_support" not in filled and system.end_of_support is None
    assert system.product_link.product == "windows-server"


def test_proposal_fills_only_empty_fields_and_links_the_system(org, editor):
    system = SystemFactory(
        organisation=org, name="Win Server 2012R2", kind="", hosting="", version=""
    )
    proposal = proposal_for_name(system.name, system)
    assert proposal.product.id == "windows-server"
    assert proposal.end_of_support == date(2023, 10, 10)
    filled = apply_proposal(system, proposal, editor)
    system.refresh_from_db()
    assert set(filled) >= {"kind", "vendor", "hosting", "end_of_support", "version"}
    assert system.kind == "infrastructure"
    assert system.vendor.name == "Microsoft" and system.vendor.jurisdiction == "non_eu"
    assert system.end_of_support == date(2023, 10, 10)
    link = system.product_link
    assert (link.product, link.cycle, link.pin_end_of_support) == (
        "windows-server",
        "2012-r2",
        False,
    )
    assert link.catalogue_as_of == date(2026, 8, 22)


def test_proposal_never_overwrites_what_the_user_typed(org, editor):
    vendor = VendorFactory(organisation=org, name="Systemhaus Müller")
    system = SystemFactory(
        organisation=org,
        name="Exchange 2016",
        vendor=vendor,
        hosting="private_cloud",
        end_of_support=date(2026, 1, 31),
        kind="application",
    )
    apply_proposal(system, proposal_for_name(system.name, system), editor)
    system.refresh_from_db()
    assert system.vendor == vendor
    assert system.kind == "application"
    assert system.hosting == "private_cloud"
    assert system.end_of_support == date(2026, 1, 31)
    assert system.product_link.pin_end_of_support is True  # the typed date stays


def test_capabilities_missing_in_an_older_organisation_are_added(org, editor):
    Capability.objects.for_org(org).filter(key="chat").delete()
    system = SystemFactory(organisation=org, name="WhatsApp Gruppe Fahrer")
    apply_proposal(system, proposal_for_name(system.name, system), editor)
    assert [c.key for c in system.capabilities.all()] == ["chat"]


def test_a_crm_with_its_own_capability_gets_the_catalogue_s_beside_it(org, editor):
    """Someone typed "Vertrieb" as Pipedrive's capability: the proposal still adds CRM (so
    it overlaps with the other CRM), and "Vertrieb" stays."""
    own = CapabilityFactory(organisation=org, name_en="Sales", name_de="Vertrieb")
    system = SystemFactory(organisation=org, name="Pipedrive")
    system.capabilities.set([own])
    proposal = proposal_for_name(system.name, system)
    assert "capabilities" in proposal.to_fill
    filled = apply_proposal(system, proposal, editor)
    assert "capabilities" in filled
    assert {c.key or c.name_de for c in system.capabilities.all()} == {"Vertrieb", "crm"}
    assert "capabilities" not in proposal_for_name(system.name, system).to_fill


def test_capabilities_chosen_in_the_form_are_not_added_to(org, editor):
    """Saving the form that offered the proposal: the person chose the capabilities there
    (and may have unticked some), so saving adds none unless none are chosen."""
    own = CapabilityFactory(organisation=org, name_en="Sales", name_de="Vertrieb")
    chosen = SystemFactory(organisation=org, name="Pipedrive")
    chosen.capabilities.set([own])
    proposal = proposal_for_name(chosen.name, chosen)
    assert "capabilities" not in apply_proposal(chosen, proposal, editor, capabilities_chosen=True)
    assert [c.name_de for c in chosen.capabilities.all()] == ["Vertrieb"]
    none = SystemFactory(organisation=org, name="Pipedrive CRM")
    apply_proposal(none, proposal_for_name(none.name, none), editor, capabilities_chosen=True)
    assert [c.key for c in none.capabilities.all()] == ["crm"]


def test_linked_dates_follow_the_catalogue_unless_pinned(org, editor):
    follows = SystemFactory(organisation=org, name="A", end_of_support=date(2020, 1, 1))
    pinned = SystemFactory(organisation=org, name="B", end_of_support=date(2020, 1, 1))
    ProductLink.objects.create(organisation=org, system=follows, product="office", cycle="2016")
    ProductLink.objects.create(
        organisation=org, system=pinned, product="office", cycle="2016", pin_end_of_support=True
    )
    # "office" is no catalogue id: nothing to follow
    assert sync_end_of_support(org) == 0
    ProductLink.objects.filter(system=follows).update(product="microsoft-office")
    ProductLink.objects.filter(system=pinned).update(product="microsoft-office")
    assert sync_end_of_support(org) == 1
    follows.refresh_from_db()
    pinned.refresh_from_db()
    assert follows.end_of_support == date(2025, 10, 14)
    assert pinned.end_of_support == date(2020, 1, 1)
    pin_end_of_support(pinned.product_link, None, editor)
    pinned.refresh_from_db()
    assert pinned.end_of_support == date(2025, 10, 14)


def test_statement_scan_keeps_only_recurring_software_payments(org, editor):
    SystemFactory(organisation=org, name="Dropbox Business", annual_cost=Decimal("100"))
    rows = (
        [
            files.Row(date(2025, month, 3), Decimal("-11.99"), "PAYPAL *DROPBOX", "")
            for month in range(1, 7)
        ]
        + [
            files.Row(date(2025, month, 5), Decimal("-29.00"), "CANVA* 1041", "")
            for month in range(1, 7)
        ]
        + [
            files.Row(date(2025, 3, 9), Decimal("-89.00"), "REWE Markt", ""),
            files.Row(date(2025, 4, 9), Decimal("-399.00"), "ADOBE *ACROPRO SUBS", ""),
        ]
    )
    result = scan_statement(org, editor, files.sparkasse_csv(rows))
    assert result.scan.rows_read == 14
    payments = {payment.product: payment for payment in result.payments}
    assert set(payments) == {"dropbox", "canva"}
    assert payments["dropbox"].status == PaymentStatus.KNOWN
    assert payments["dropbox"].system.name == "Dropbox Business"
    assert payments["canva"].status == PaymentStatus.OPEN
    assert RecurringPayment.objects.for_org(org).count() == 2
    stored = RecurringPayment.objects.get(pk=payments["canva"].pk)
    assert len(stored.payments) == 6 and stored.annual_cost == Decimal("348.00")


def test_an_unlisted_payment_becomes_a_shadow_it_system(org, editor):
    rows = [
        files.Row(date(2025, month, 5), Decimal("-29.00"), "CANVA* 1041", "")
        for month in range(1, 7)
    ]
    payment = scan_statement(org, editor, files.card_csv(rows)).payments[0]
    system = add_payment_as_system(payment, editor)
    assert system.name == "Canva" and system.centrally_managed is False
    assert system.annual_cost == Decimal("348.00")
    assert system.vendor.name == "Canva" and system.vendor.country == "AU"
    assert system.product_link.product == "canva"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.ADDED and payment.system == system
    # A second statement with the same payee does not create a second "Canva".
    again = scan_statement(org, editor, files.card_csv(rows)).payments[0]
    assert again.status == PaymentStatus.KNOWN and again.system == system
    dismiss_payment(again, editor)
    again.refresh_from_db()
    assert again.status == PaymentStatus.DISMISSED
    assert System.objects.for_org(org).count() == 1
    assert Vendor.objects.for_org(org).count() == 1
