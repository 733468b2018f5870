"""The radar chart of the six axes as SVG, drawn here rather than by pygal: pygal's radar
turns or crowds long axis names, and the names ("Data management and connectedness") are
long. The same SVG goes into the page and the PDF; it contains no script."""

from math import cos, pi, sin
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 490
CENTRE_X, CENTRE_Y, RADIUS = 320, 215, 150
RINGS = (25, 50, 75, 100)
CURRENT, PREVIOUS = "#0d6efd", "#6c757d"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -pi / 2 + 2 * pi * index / count  # the first axis points up, clockwise
    distance = RADIUS * value / 100
    return CENTRE_X + distance * cos(angle), CENTRE_Y + distance * sin(angle)


def _lines(label: str, width: int = 20) -> list[str]:
    """The label broken into lines of about `width` characters at spaces."""
    lines, current = [], ""
    for word in label.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def _polygon(values: list[int], colour: str, fill_opacity: float, dashed: bool) -> str:
    points = " ".join(
        f"{x:.1f},{y:.1f}" for x, y in (_point(i, len(values), v) for i, v in enumerate(values))
    )
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    return (
        f'<polygon points="{points}" fill="{colour}" fill-opacity="{fill_opacity}" '
        f'stroke="{colour}" stroke-width="2"{dash}/>'
    )


def radar_svg(
    labels: list[str], scores: list[int], previous: list[int] | None, names: tuple[str, str]
) -> SafeString:
    count = len(labels)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="{escape(FONT)}" font-size="13" '
        f'role="img" class="maturity-radar">',
        f"<title>{escape(names[0])}</title>",
    ]
    for ring in RINGS:
        ring_points = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (_point(i, count, ring) for i in range(count))
        )
        parts.append(
            f'<polygon points="{ring_points}" fill="none" stroke="#ced4da" '
            f'stroke-width="{1.5 if ring == 100 else 1}"/>'
        )
        x, y = _point(0, count, ring)
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="11" fill="#6c757d">{ring}</text>'
        )
    for index, label in enumerate(labels):
        x, y = _point(index, count, 100)
        parts.append(
            f'<line x1="{CENTRE_X}" y1="{CENTRE_Y}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ced4da"/>'
        )
        lx, ly = _point(index, count, 112)
        anchor = "middle" if abs(lx - CENTRE_X) < 20 else ("start" if lx > CENTRE_X else "end")
        lines = _lines(label)
        top = ly - (len(lines) - 1) * 8 if abs(ly - CENTRE_Y) < RADIUS * 0.9 else ly
        if ly < CENTRE_Y - RADIUS * 0.9:
            top = ly - (len(lines) - 1) * 16
        tspans = "".join(
            f'<tspan x="{lx:.1f}" y="{top + 16 * n + 4:.1f}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="{anchor}" fill="#212529">{tspans}</text>')
    if previous is not None:
        parts.append(_polygon(previous, PREVIOUS, 0.12, dashed=True))
    parts.append(_polygon(scores, CURRENT, 0.25, dashed=False))
    for index, value in enumerate(scores):
        x, y = _point(index, count, value)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{CURRENT}"/>')
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y - 6:.1f}" font-size="12" font-weight="600" '
            f'fill="{CURRENT}">{value}</text>'
        )
    # one legend line each, left-aligned under the chart: names can be long in German
    legend_x, legend_y = 120, HEIGHT - 34
    parts.append(
        f'<rect x="{legend_x}" y="{legend_y - 10}" width="14" height="10" fill="{CURRENT}" '
        f'fill-opacity="0.5" stroke="{CURRENT}"/>'
        f'<text x="{legend_x + 20}" y="{legend_y}">{escape(names[0])}</text>'
    )
    if previous is not None:
        legend_y += 20
        parts.append(
            f'<rect x="{legend_x}" y="{legend_y - 10}" width="14" height="10" fill="{PREVIOUS}" '
            f'fill-opacity="0.25" stroke="{PREVIOUS}" stroke-dasharray="3 2"/>'
            f'<text x="{legend_x + 20}" y="{legend_y}">{escape(names[1])}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)
