"""A figure with no data behind it says "no data yet" with a link, never 0 h / 0 € / 0,00."""

import pytest
from django.urls import reverse

from leitstand.processes.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db


def test_manual_transfer_totals_without_flows_say_no_data_yet(login, viewer, org):
    html = login(viewer).get(reverse("findings:findings", kwargs={"org": org.slug})).text
    totals = html.split('id="manual-totals"')[1].split("</div>")[0]
    assert "No data yet" in totals
    assert reverse("flows:integration_list", kwargs={"org": org.slug}) in totals
    assert 'id="kpi-manual-hours"' not in html


def test_process_without_steps_says_no_data_yet(login, viewer, org):
    process = ProcessFactory(organisation=org)
    html = login(viewer).get(reverse("processes:process_list", kwargs={"org": org.slug})).text
    row = html.split(f'href="{process.get_absolute_url()}"')[1].split("</tr>")[0]
    assert "No data yet" in row and "0.00" not in row and "0 h" not in row
