"""The registries apps plug into: snapshot parts, wording, demo data; and record columns."""

from pathlib import Path
from typing import NamedTuple

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from leitstand.analysis import messages as m
from leitstand.core.demo import DemoLoader, demo_data
from leitstand.core.queries import column_position, record_columns
from leitstand.core.wording import KINDS, TEMPLATES, Wording, render
from leitstand.landscape.parts import SNAPSHOT_FIELDS, snapshot_parts


class Row(NamedTuple):
    id: int
    name: str
    links: tuple = ()
    cost: int | None = None


def test_record_columns_follow_the_records_field_order_whatever_the_mapping_order():
    columns = record_columns(Row, {"cost": "c", "name": "n", "id": "i"}, filled_in=("links",))
    assert columns == ["i", "n", "c"]
    assert column_position(Row, "cost", filled_in=("links",)) == 2


@pytest.mark.parametrize(
    "mapping",
    [{"id": "i", "name": "n"}, {"id": "i", "name": "n", "cost": "c", "colour": "x"}],
)
def test_a_record_field_without_a_column_or_a_column_without_a_field_stops_the_loader(mapping):
    with pytest.raises(ImproperlyConfigured):
        record_columns(Row, mapping, filled_in=("links",))


def test_every_part_of_the_snapshot_is_loaded_by_an_app():
    assert snapshot_parts.fields() == set(SNAPSHOT_FIELDS)


def test_a_snapshot_part_is_named_after_a_snapshot_field_and_loaded_once():
    with pytest.raises(ValueError, match="no part"):
        snapshot_parts.register("roadmap", lambda organisation: ())
    with pytest.raises(ValueError, match="already loaded"):
        snapshot_parts.register("systems", lambda organisation: ())


def test_the_landscape_wide_kinds_come_first_then_each_apps_in_order():
    kinds = list(KINDS)
    assert kinds[:2] == ["manual_transfer", "overlap"]
    assert kinds.index("isolated_systems") < kinds.index("unneeded_step")


def test_wording_refuses_a_second_template_for_a_key():
    registry = Wording()
    registry.register(templates={"x.summary": "one"})
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(templates={"x.summary": "two"})


def test_a_term_is_shown_with_the_label_of_its_choice():
    params = {"source": m.Label("A"), "target": m.Label("B"), "data": m.Labels(())}
    with translation.override("en"):
        text = render(m.Message("flow.summary", {**params, "method": m.Term("method:manual")}))
    assert text.startswith("From A to B") and "method:" not in text
    assert "flow.summary" in TEMPLATES


def test_demo_loaders_run_in_the_order_they_build_on_each_other():
    orders = [loader.order for loader in demo_data.loaders()]
    labels = [loader.label for loader in demo_data.loaders()]
    assert orders == sorted(orders)
    assert labels.index("processes") < labels.index("continuity")


def test_an_app_reads_its_demo_file_for_an_organisation_and_none_without_one():
    continuity = next(loader for loader in demo_data.loaders() if loader.label == "continuity")
    data = continuity.data_for("muster-logistik")
    assert data["business_impacts"][0]["process"] == "Auftragsannahme per E-Mail"
    assert continuity.data_for("baeckerei-beispiel") is None


def test_a_demo_file_that_is_not_a_mapping_is_refused(tmp_path: Path):
    (tmp_path / "broken.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    loader = DemoLoader("x", tmp_path, lambda organisation, data: None, 10)
    with pytest.raises(ImproperlyConfigured, match="mapping"):
        loader.data_for("broken")
    assert apps.get_app_config("continuity").path
