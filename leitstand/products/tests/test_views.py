"""The catalogue's pages as users meet them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import CapabilityFactory, SystemFactory
from leitstand.products import selectors
from leitstand.products.models import PaymentStatus, ProductLink, RecurringPayment, StatementScan
from leitstand.products.tests import statement_files as files
from leitstand.products.tests.factories import ProductLinkFactory, RecurringPaymentFactory

pytestmark = pytest.mark.django_db


def url(name, org, **kwargs):
    return reverse(f"products:{name}", kwargs={"org": org.slug, **kwargs})


def test_proposal_partial_for_a_typed_name(org, viewer, login):
    response = login(viewer).get(url("propose", org), {"name": "Win Server 2012R2"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Microsoft Windows Server" in text and "Microsoft (US)" in text
    assert "endoflife.date" in text and 'id="catalogue-proposal-fields"' in text
    unknown = login(viewer).get(url("propose", org), {"name": "Kundenkartei"})
    assert "Not in the product catalogue" in unknown.content.decode()
    family = login(viewer).get(url("propose", org), {"name": "SAP"})
    assert "SAP Business One" in family.content.decode()


def test_system_page_proposes_and_applies_with_one_click(org, editor, login):
    system = SystemFactory(organisation=org, name="Exchange 2016", hosting="")
    client = login(editor)
    page = client.get(system.get_absolute_url()).content.decode()
    assert "Microsoft Exchange Server" in page and 'id="catalogue-panel"' in page
    response = client.post(
        url("apply", org, pk=system.pk), {"product": "exchange-server", "cycle": "2016"}
    )
    assert response.status_code == 302
    system.refresh_from_db()
    assert system.end_of_support == date(2025, 10, 14)
    assert system.product_link.cycle == "2016"
    page = client.get(system.get_absolute_url()).content.decode()
    assert "follows the catalogue" in page and "as of" in page


def test_system_page_says_the_proposal_adds_missing_capabilities(org, editor, login):
    own = CapabilityFactory(organisation=org, name_en="Sales", name_de="Vertrieb")
    system = SystemFactory(organisation=org, name="Pipedrive")
    system.capabilities.set([own])
    page = login(editor).get(system.get_absolute_url()).content.decode()
    assert "Pipedrive" in page and "missing capabilities" in page


def test_viewer_cannot_apply_or_upload(org, viewer, login):
    system = SystemFactory(organisation=org, name="Zoom")
    client = login(viewer)
    assert client.post(url("apply", org, pk=system.pk), {"product": "zoom"}).status_code == 403
    assert client.post(url("statements", org), {}).status_code == 403
    assert not ProductLink.objects.exists()


def test_own_date_is_kept_and_catalogue_can_be_followed_again(org, editor, login):
    link = ProductLinkFactory(organisation=org)
    client = login(editor)
    client.post(url("end_of_support", org, pk=link.system.pk), {"date": "31.12.2027"})
    link.refresh_from_db()
    link.system.refresh_from_db()
    assert link.pin_end_of_support and link.system.end_of_support == date(2027, 12, 31)
    client.post(url("end_of_support", org, pk=link.system.pk), {"follow": "1"})
    link.system.refresh_from_db()
    assert link.system.end_of_support == date(2023, 10, 10)
    bad = client.post(url("end_of_support", org, pk=link.system.pk), {"date": "soon"})
    assert bad.status_code == 302
    client.post(url("unlink", org, pk=link.system.pk))
    assert not ProductLink.objects.filter(pk=link.pk).exists()


def test_own_date_field_follows_the_language(org, editor, login):
    """German: shown and typed as 31.12.2027; a day the calendar lacks is explained."""
    link = ProductLinkFactory(organisation=org, system__end_of_support=date(2023, 10, 10))
    client = login(editor)
    page = client.get(link.system.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de")
    html = page.content.decode()
    assert 'id="own-date"' in html and 'value="10.10.2023"' in html
    assert 'placeholder="TT.MM.JJJJ"' in html
    response = client.post(
        url("end_of_support", org, pk=link.system.pk),
        {"date": "30.02.2027"},
        HTTP_ACCEPT_LANGUAGE="de",
        follow=True,
    )
    assert "Den 30.02.2027 gibt es im Kalender nicht." in response.content.decode()
    client.post(
        url("end_of_support", org, pk=link.system.pk),
        {"date": "30.06.2027"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    link.system.refresh_from_db()
    assert link.system.end_of_support == date(2027, 6, 30)


def test_own_date_before_the_system_was_introduced_is_refused(org, editor, login):
    link = ProductLinkFactory(organisation=org, system__introduced_on=date(2024, 1, 1))
    before = link.system.end_of_support
    response = login(editor).post(
        url("end_of_support", org, pk=link.system.pk), {"date": "31.12.2023"}, follow=True
    )
    assert "cannot be before the system was introduced" in response.content.decode()
    link.refresh_from_db()
    link.system.refresh_from_db()
    assert link.system.end_of_support == before and not link.pin_end_of_support


def test_statement_upload_finds_shadow_it_and_adds_the_ticked(org, editor, login):
    rows = [
        files.Row(date(2025, month, 3), Decimal("-11.99"), "PAYPAL *DROPBOX", "")
        for month in range(1, 8)
    ] + [files.Row(date(2025, 2, 9), Decimal("-45.10"), "REWE Markt", "")]
    client = login(editor)
    upload = SimpleUploadedFile("umsaetze.csv", files.sparkasse_csv(rows), "text/csv")
    response = client.post(url("statements", org), {"file": upload})
    scan = StatementScan.objects.get()
    assert response.status_code == 302
    page = client.get(url("scan", org, pk=scan.pk)).content.decode()
    assert "PAYPAL *DROPBOX" in page and "not listed: shadow IT" in page
    assert "REWE" not in page and "not stored" in page
    payment = RecurringPayment.objects.get()
    client.post(url("scan_add", org, pk=scan.pk), {"payment": [payment.pk]})
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.ADDED
    assert payment.system.annual_cost == Decimal("143.88")


def test_broken_upload_says_why_and_stores_nothing(org, editor, login):
    upload = SimpleUploadedFile("x.csv", b"Name;Wert\nA;1\n", "text/csv")
    response = login(editor).post(url("statements", org), {"file": upload})
    assert response.status_code == 200
    assert "No column with a booking date" in response.content.decode()
    assert not StatementScan.objects.exists()


def test_dismiss_and_catalogue_page(org, editor, login):
    payment = RecurringPaymentFactory(organisation=org)
    client = login(editor)
    client.post(url("payment_dismiss", org, pk=payment.pk))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.DISMISSED
    page = client.get(url("catalogue", org), {"q": "lexoffice"}).content.decode()
    assert "Lexware Office" in page
    empty = client.get(url("catalogue", org), {"q": "zzzz"}).content.decode()
    assert 'id="catalogue-empty"' in empty


def test_apply_all_links_the_ticked_systems_only(org, editor, login, monkeypatch):
    exchange = SystemFactory(organisation=org, name="Exchange 2016", kind="", vendor=None)
    zoom = SystemFactory(organisation=org, name="Zoom")
    SystemFactory(organisation=org, name="Lagerprogramm vom Schwager")
    client = login(editor)
    page = client.get(url("proposals", org)).content.decode()
    assert 'data-system="Exchange 2016"' in page and 'data-system="Zoom"' in page
    assert "Lagerprogramm" not in page
    matched = []
    match = selectors.proposal_for_name
    monkeypatch.setattr(
        selectors,
        "proposal_for_name",
        lambda name, system: matched.append(name) or match(name, system),
    )
    client.post(url("proposals", org), {"system": [exchange.pk]})
    assert matched == ["Exchange 2016"]  # the ticked names alone are recognised again
    exchange.refresh_from_db()
    assert exchange.kind == "infrastructure" and exchange.product_link.cycle == "2016"
    assert not ProductLink.objects.filter(system=zoom).exists()
    page = client.get(url("proposals", org)).content.decode()
    assert "Exchange 2016" not in page


def test_system_form_shows_the_proposal_and_saving_links_the_product(org, editor, login):
    client = login(editor)
    create = reverse("inventory:system_create", kwargs={"org": org.slug})
    page = client.get(create).content.decode()
    assert 'id="catalogue-form-panel"' in page and "products/proposal.js" in page
    response = client.post(
        create,
        {
            "name": "Win Server 2012R2",
            "kind": "infrastructure",
            "lifecycle": "active",
            "catalogue_product": "windows-server",
            "catalogue_cycle": "2012-r2",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    system = System.objects.get(organisation=org, name="Win Server 2012R2")
    assert system.product_link.cycle == "2012-r2"
    assert system.vendor.name == "Microsoft" and system.end_of_support == date(2023, 10, 10)
    own = CapabilityFactory(organisation=org, name_en="Sales", name_de="Vertrieb")
    chosen = client.post(
        create,
        {
            "name": "Pipedrive",
            "lifecycle": "active",
            "capabilities": [own.pk],
            "catalogue_product": "pipedrive",
        },
    )
    assert chosen.status_code == 302
    pipedrive = System.objects.get(organisation=org, name="Pipedrive")
    assert pipedrive.product_link.product == "pipedrive"
    assert [c.name_de for c in pipedrive.capabilities.all()] == ["Vertrieb"]  # as chosen
    plain = client.post(create, {"name": "Kundenkartei", "lifecycle": "active"})
    assert plain.status_code == 302
    assert not ProductLink.objects.filter(system__name="Kundenkartei").exists()
