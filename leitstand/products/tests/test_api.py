"""The products app's API resources."""

import json

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from leitstand.exports.document import export_document, load_document
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.products.models import ProductLink, RecurringPayment, StatementScan
from leitstand.products.tests.factories import ProductLinkFactory, RecurringPaymentFactory

pytestmark = pytest.mark.django_db


def api(name, org, **kwargs):
    return reverse(f"api:{name}", kwargs={"org": org.slug, **kwargs})


def test_links_are_validated_against_the_catalogue(org, editor, login):
    system = SystemFactory(organisation=org, name="Server")
    client = login(editor)
    good = client.post(
        api("catalogue-link-list", org),
        {"system": system.pk, "product": "windows-server", "cycle": "2016"},
        content_type="application/json",
    )
    assert good.status_code == 201, good.content
    other = SystemFactory(organisation=org, name="Other")
    bad = client.post(
        api("catalogue-link-list", org),
        {"system": other.pk, "product": "windows-server", "cycle": "2099"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "cycle" in bad.json()
    unknown = client.post(
        api("catalogue-link-list", org),
        {"system": other.pk, "product": "no-such-thing"},
        content_type="application/json",
    )
    assert unknown.status_code == 400 and "product" in unknown.json()


def test_payments_are_read_and_their_status_set(org, editor, viewer, login):
    payment = RecurringPaymentFactory(organisation=org)
    ProductLinkFactory(organisation=org)
    rows = login(viewer).get(api("recurring-payment-list", org)).json()
    assert rows["results"][0]["payee"] == "PAYPAL *DROPBOX"
    client = login(editor)
    changed = client.patch(
        api("recurring-payment-detail", org, pk=payment.pk),
        {"status": "dismissed", "annual_cost": "1.00"},
        content_type="application/json",
    )
    assert changed.status_code == 200
    payment.refresh_from_db()
    assert payment.status == "dismissed" and str(payment.annual_cost) == "143.88"
    scans = client.get(api("statement-scan-list", org)).json()
    assert scans["results"][0]["rows_read"] == 120
    assert client.post(api("statement-scan-list", org), {}).status_code == 405


def test_scans_and_payments_are_deleted_through_their_services_with_audit_entries(
    org, editor, login
):
    payment = RecurringPaymentFactory(organisation=org)
    other = RecurringPaymentFactory(organisation=org, scan=payment.scan)
    client = login(editor)
    gone = client.delete(api("recurring-payment-detail", org, pk=payment.pk))
    assert gone.status_code == 204
    assert client.delete(api("statement-scan-detail", org, pk=payment.scan_id)).status_code == 204
    assert not RecurringPayment.objects.filter(pk__in=[payment.pk, other.pk]).exists()
    for deleted in (payment, payment.scan):
        entry = LogEntry.objects.get_for_object(deleted).latest("pk")
        assert (entry.action, entry.actor) == (LogEntry.Action.DELETE, editor)


def test_the_json_export_carries_links_scans_and_payments_and_loads_again(org, other_org):
    RecurringPaymentFactory(organisation=org)
    ProductLinkFactory(organisation=org, cycle="2016", pin_end_of_support=True)
    document = json.loads(json.dumps(export_document(org), default=str))
    assert document["catalogue_links"][0]["product"] == "windows-server"
    assert document["recurring_payments"][0]["annual_cost"] == "143.88"
    counts = load_document(other_org, document)
    assert counts["catalogue_links"] == 1 and counts["recurring_payments"] == 1
    link = ProductLink.objects.get(organisation=other_org)
    assert (link.cycle, link.pin_end_of_support) == ("2016", True)
    assert link.system.organisation == other_org
    payment = RecurringPayment.objects.get(organisation=other_org)
    assert payment.scan.organisation == other_org and payment.per_year == {"2025": "143.88"}
    assert StatementScan.objects.get(organisation=other_org).rows_read == 120
