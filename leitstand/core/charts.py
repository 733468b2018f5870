"""Server-side SVG charts (pygal): the same picture on a page and in a PDF, no JavaScript."""

import re
from collections.abc import Callable, Sequence

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

from leitstand.core.formatting import format_eur

_COMMON = {
    "background": "transparent",
    "plot_background": "transparent",
    "foreground": "#212529",
    "foreground_strong": "#212529",
    "foreground_subtle": "#6c757d",
    "colors": ("#0d6efd", "#198754", "#fd7e14", "#dc3545", "#6f42c1", "#20c997"),
    "font_family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif",
}
_STYLE = Style(
    **_COMMON,
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=12,
    title_font_size=15,
)
_BAR_STYLE = Style(
    **_COMMON,
    label_font_size=16,
    major_label_font_size=16,
    value_font_size=15,
    title_font_size=17,
)


def horizontal_eur_bars(
    labels: Sequence[str], values: Sequence[float], title: str = "", for_print: bool = False
) -> SafeString:
    """A horizontal bar per label (the figures are in the table that goes with it).

    Drawn narrow with large letters, so that a phone's screen (390 pixels) scales it down
    only a little and the department names stay readable; `for_print` draws it as wide as an
    A4 page's text with the usual letters, for long labels (flows "A → B") in a PDF.
    """
    chart = pygal.HorizontalBar(
        style=_STYLE if for_print else _BAR_STYLE,
        show_legend=False,
        print_values=False,  # the table beside the chart has the figures; small bars had no room
        value_formatter=format_eur,
        height=max(140, 44 * len(labels) + 60),
        width=720 if for_print else 440,
        margin=8,
        js=[],
        disable_xml_declaration=True,
        show_y_guides=False,
        show_x_guides=False,
        show_x_labels=False,
        truncate_label=-1,
        title=title or None,
    )
    chart.x_labels = list(labels)
    chart.add("", [float(v) for v in values])
    return render_svg(chart)


_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)


def render_svg(chart: pygal.graph.graph.Graph) -> SafeString:
    """The chart as inline SVG, without the configuration script pygal always embeds.

    The Content-Security-Policy refuses inline scripts, and the charts need none.
    """
    svg = _SCRIPT.sub("", chart.render(is_unicode=True))
    return mark_safe(svg)  # noqa: S308  (pygal escapes labels itself)


def before_after_line(
    labels: Sequence[str],
    values: Sequence[float],
    value_formatter: Callable[[float], str],
    series_label: str,
    target: float | None = None,
    target_label: str = "",
) -> SafeString:
    """A KPI over time: baseline first, then each measurement, with its target as a dashed
    line. Values are printed at their points; the target's value is in its legend."""
    chart = pygal.Line(
        style=_STYLE,
        height=280,
        width=620,
        margin=8,
        js=[],
        disable_xml_declaration=True,
        print_values=True,
        value_formatter=value_formatter,
        legend_at_bottom=True,
        truncate_label=-1,
        truncate_legend=-1,
        dots_size=5,
        show_x_guides=False,
        include_x_axis=True,
        max_scale=6,
        margin_right=56,  # room for the last point's value
    )
    chart.x_labels = list(labels)
    chart.add(series_label, [float(v) for v in values])
    if target is not None:
        chart.add(
            target_label,
            [float(target)] * len(labels),
            show_dots=False,
            stroke_style={"dasharray": "8, 5", "width": 2},
            formatter=lambda value: "",
        )
    return render_svg(chart)
