# The explanations use the multiplication and division signs.
# ruff: noqa: RUF001
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from leitstand.kpis.models import Kpi, Measurement
from leitstand.kpis.tests.factories import KpiFactory, MeasurementFactory
from leitstand.processes.tests.factories import ProcessFactory, ProcessStepFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"kpis:{name}", kwargs={"org": "acme", **kwargs})


@pytest.mark.parametrize(
    ("unit", "value"),
    [
        ("error_rate", "101"),
        ("share_automated", "-1"),
        ("satisfaction", "6"),
        ("minutes_per_run", "-2"),
    ],
)
def test_values_outside_the_units_range_are_refused(org, unit, value):
    kpi = KpiFactory.build(organisation=org, process=None, unit=unit, baseline_value=Decimal(value))
    with pytest.raises(ValidationError) as caught:
        kpi.full_clean()
    assert "baseline_value" in caught.value.message_dict


def test_a_measurement_must_fit_its_kpi(org):
    measurement = MeasurementFactory.build(
        organisation=org,
        kpi=KpiFactory(organisation=org, unit="satisfaction", baseline_value=3, target_value=4),
        value=Decimal(0),
    )
    with pytest.raises(ValidationError):
        measurement.full_clean()


def test_a_custom_unit_needs_its_name(org):
    kpi = KpiFactory.build(organisation=org, process=None, unit="custom", custom_unit=" ")
    with pytest.raises(ValidationError) as caught:
        kpi.full_clean()
    assert "custom_unit" in caught.value.message_dict


def test_minutes_kpi_shows_its_improvement_in_hours_and_euros(login, viewer, org):
    kpi = KpiFactory(organisation=org, process=ProcessFactory(organisation=org))
    MeasurementFactory(organisation=org, kpi=kpi, value=Decimal("0.75"))
    html = login(viewer).get(kpi.get_absolute_url()).content.decode()
    assert "Better by 14.25 min" in html and "95%" in html
    # measured 15 -> 0.75 min: 8,800 x 14.25 / 60 = 2,090 h; / 1,600 = 1.31 FTE; x 45 = 94,050
    assert "Measured: worth 2,090 h (1.31 FTE) and €94,050 a year" in html
    assert "(15 min − 0.75 min) × 8,800 runs ÷ 60 = 2,090 h a year" in html
    assert "<svg" in html  # the before/after chart
    assert "target: 1 min" in html


def test_the_process_offers_the_standard_kpis_with_baselines_from_its_steps(login, editor, org):
    process = ProcessFactory(organisation=org)
    ProcessStepFactory(organisation=org, process=process, minutes_per_run=15, error_rate_percent=3)
    ProcessStepFactory(
        organisation=org, process=process, minutes_per_run=2, error_rate_percent=0, automated=True
    )
    client = login(editor)
    html = client.get(process.get_absolute_url()).content.decode()
    assert 'id="standard-kpis"' in html and "17 min" in html and "50%" in html
    client.post(
        url("standard", pk=process.pk),
        {"unit": ["minutes_per_run", "error_rate", "share_automated", "satisfaction"]},
    )
    kpis = {k.unit: k for k in Kpi.objects.filter(process=process)}
    assert kpis["minutes_per_run"].baseline_value == 17
    assert kpis["error_rate"].baseline_value == 3
    assert kpis["share_automated"].baseline_value == 50
    assert kpis["satisfaction"].baseline_value is None
    assert kpis["minutes_per_run"].direction == "lower"
    assert 'id="standard-kpis"' not in client.get(process.get_absolute_url()).content.decode()


def test_editor_adds_edits_and_removes_a_measurement(login, editor, org):
    kpi = KpiFactory(organisation=org)
    client = login(editor)
    client.post(
        url("measurement_add", pk=kpi.pk),
        {"measured_on": "2026-06-01", "value": "2.5", "source": "pilot"},
    )
    measurement = Measurement.objects.get(kpi=kpi)
    assert measurement.value == Decimal("2.5")
    client.post(
        url("measurement_edit", pk=measurement.pk),
        {"measured_on": "2026-06-02", "value": "1", "source": "pilot"},
    )
    measurement.refresh_from_db()
    assert measurement.measured_on == date(2026, 6, 2)
    assert (
        "Yes, delete" in client.get(url("measurement_delete", pk=measurement.pk)).content.decode()
    )
    client.post(url("measurement_delete", pk=measurement.pk))
    assert not Measurement.objects.exists()


def test_a_wrong_measurement_is_explained(login, editor, org):
    kpi = KpiFactory(organisation=org, unit="error_rate", baseline_value=3, target_value=1)
    response = login(editor).post(
        url("measurement_add", pk=kpi.pk), {"measured_on": "2026-06-01", "value": "150"}
    )
    assert response.status_code == 200
    assert "Must be between 0 and 100." in response.content.decode()


def test_new_kpi_from_a_process_page_preselects_it(login, editor, org):
    process = ProcessFactory(organisation=org)
    html = login(editor).get(url("kpi_create"), {"process": process.pk}).content.decode()
    assert f'value="{process.pk}" selected' in html


def test_list_shows_baseline_latest_and_change(login, viewer, org):
    kpi = KpiFactory(organisation=org, name="Minutes per order")
    MeasurementFactory(organisation=org, kpi=kpi, value=Decimal(20))
    html = login(viewer).get(url("kpi_list")).content.decode()
    assert "Minutes per order" in html and "worse by 5 min" in html


def test_a_measured_baseline_and_the_steps_estimate_are_both_shown_and_labelled(login, viewer, org):
    process = ProcessFactory(organisation=org)
    for minutes in (15, 2):  # the steps say 17 minutes; the stopwatch said 15
        ProcessStepFactory(organisation=org, process=process, minutes_per_run=minutes)
    kpi = KpiFactory(organisation=org, process=process)
    MeasurementFactory(organisation=org, kpi=kpi, value=Decimal("0.75"))
    html = login(viewer).get(kpi.get_absolute_url()).content.decode()
    assert "Measured: worth 2,090 h (1.31 FTE) and €94,050 a year" in html
    assert "(capacity: labour value, not cash)" in html
    # (17 - 0.75) x 8,800 / 60 = 2,383.3 h; / 1,600 = 1.49 FTE; x 45 = 107,250
    estimate = html.split('class="small mb-2 kpi-estimate"')[1].split("</p>")[0]
    assert "Estimate from the process steps" in estimate
    assert "2,383 h (1.49 FTE) and €107,250 a year" in estimate
