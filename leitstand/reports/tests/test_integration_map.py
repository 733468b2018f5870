"""The consulting report's integration map as a diagram (no database)."""

from leitstand.reports.integration_map import MAP_SYSTEMS, integration_map_svg

LEGEND = {"automated": "automated", "file": "file", "manual": "by hand"}


def test_each_flow_direction_is_an_arrow_drawn_by_its_method_and_names_are_escaped():
    flows = [
        ("ERP", "Shop <alt>", "api"),
        ("Shop <alt>", "ERP", "manual"),
        ("ERP", "Lager", "file"),
        ("ERP", "Lager", "api"),  # a second flow the same way: one arrow, the automated one
        ("Mail", "ERP", "email"),
    ]
    svg = integration_map_svg(flows, "Integration map", LEGEND)
    assert svg.count("marker-end=") == 4
    assert svg.count('marker-end="url(#head-automated)"') == 2
    assert svg.count('marker-end="url(#head-manual)"') == 2
    assert "Shop &lt;alt&gt;" in svg and "<alt>" not in svg
    assert '<text x="360.0" y="276.0" text-anchor="middle" font-weight="bold">ERP</text>' in svg
    assert "by hand" in svg


def test_no_diagram_without_flows_or_for_more_systems_than_a_page_holds():
    assert integration_map_svg([], "Map", LEGEND) is None
    many = [(f"System {n}", f"System {n + 1}", "api") for n in range(MAP_SYSTEMS)]
    assert integration_map_svg(many, "Map", LEGEND) is None
    assert integration_map_svg(many[:-1], "Map", LEGEND) is not None
