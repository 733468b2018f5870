"""The consulting report's integration map as a diagram: the systems with active data flows on a
circle, the system with the most flows in the middle, one arrow per flow direction between two
systems, drawn by how the data travels (automated, as a file, by hand). Drawn here as SVG like
the maturity radar; above MAP_SYSTEMS systems it would be unreadable on a page, and the report
keeps only the table."""

from collections import Counter
from math import cos, hypot, pi, sin
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

from leitstand.analysis.vocabulary import METHOD_CATEGORY, MethodCategory

MAP_SYSTEMS = 30  # systems with a flow; more and the names crowd on the circle
WIDTH, HEIGHT = 720, 540
CENTRE_X, CENTRE_Y, RADIUS = 360, 255, 185
FONT_SIZE, CHAR_WIDTH = 13, 7.5  # about, for the white band behind the middle system's name
NODE_RADIUS = 5
LABEL_CHARS = 26
FONT = "'DejaVu Sans', sans-serif"
#: How a flow is drawn by its method's category: colour and dash pattern.
STROKES = {
    MethodCategory.AUTOMATED: ("#0d6efd", ""),
    MethodCategory.FILE: ("#6c757d", "6 3"),
    MethodCategory.MANUAL: ("#d63384", "2 3"),
}
#: When a system takes part in at least this share of the flows, it stands in the middle.
HUB_SHARE = 0.3


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _positions(names: list[str], hub: str | None) -> dict[str, tuple[float, float, float]]:
    """Each system's point and its angle on the circle (the hub's in the middle)."""
    around = [name for name in names if name != hub]
    places = {}
    for index, name in enumerate(around):
        angle = -pi / 2 + 2 * pi * index / max(len(around), 1)
        places[name] = (
            CENTRE_X + RADIUS * cos(angle),
            CENTRE_Y + RADIUS * sin(angle),
            angle,
        )
    if hub is not None:
        places[hub] = (CENTRE_X, CENTRE_Y, None)
    return places


def _arrow(start, end, bend: float) -> str:
    """A slightly bent path from one system to the other, stopping short of both points, so the
    two directions between the same systems are two arrows."""
    (x1, y1), (x2, y2) = start, end
    length = hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    x1, y1 = x1 + ux * (NODE_RADIUS + 2), y1 + uy * (NODE_RADIUS + 2)
    x2, y2 = x2 - ux * (NODE_RADIUS + 4), y2 - uy * (NODE_RADIUS + 4)
    control_x = (x1 + x2) / 2 - uy * bend
    control_y = (y1 + y2) / 2 + ux * bend
    return f"M{x1:.1f},{y1:.1f} Q{control_x:.1f},{control_y:.1f} {x2:.1f},{y2:.1f}"


def _text(x: float, y: float, angle: float | None, name: str) -> str:
    if angle is None:  # the hub: its name below its point, on a white band over the arrows
        label = _label(name)
        width = CHAR_WIDTH * len(label) + 8
        return (
            f'<rect x="{x - width / 2:.1f}" y="{y + 8:.1f}" width="{width:.1f}" height="18" '
            f'fill="#fff" fill-opacity="0.85"/><text x="{x:.1f}" y="{y + 21:.1f}" '
            f'text-anchor="middle" font-weight="bold">{escape(label)}</text>'
        )
    right = cos(angle) >= -0.01
    dx = 9 if right else -9
    dy = 4 + 8 * sin(angle)  # names at the top and bottom move away from the circle
    anchor = "start" if right else "end"
    return (
        f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">'
        f"{escape(_label(name))}</text>"
    )


def integration_map_svg(
    flows: list[tuple[str, str, str]], title: str, legend: dict[str, str]
) -> SafeString | None:
    """`flows` are (source name, target name, method) of the active flows; `legend` names each
    method category. None when no system has a flow, or more than MAP_SYSTEMS do."""
    degree = Counter(name for source, target, _ in flows for name in (source, target))
    if not degree or len(degree) > MAP_SYSTEMS:
        return None
    top, top_flows = degree.most_common(1)[0]
    hub = top if top_flows >= HUB_SHARE * len(flows) and len(degree) > 3 else None
    places = _positions(sorted(degree, key=str.lower), hub)
    pairs: dict[tuple[str, str], str] = {}
    for source, target, method in flows:  # one arrow per direction, the most automated kept
        category = METHOD_CATEGORY.get(method, MethodCategory.MANUAL)
        if pairs.get((source, target)) != MethodCategory.AUTOMATED:
            pairs[source, target] = category
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="{escape(FONT)}" font-size="{FONT_SIZE}" '
        f'fill="#212529" role="img">',
        f"<title>{escape(title)}</title><defs>",
    ]
    for category, (colour, _dash) in STROKES.items():
        parts.append(
            f'<marker id="head-{category}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    for (source, target), category in pairs.items():
        colour, dash = STROKES[category]
        start, end = places[source][:2], places[target][:2]
        bend = 14 if (target, source) in pairs else 0
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<path d="{_arrow(start, end, bend)}" fill="none" stroke="{colour}" '
            f'stroke-width="1.6"{dashes} marker-end="url(#head-{category})"/>'
        )
    for name, (x, y, angle) in places.items():
        size = NODE_RADIUS + (2 if name == hub else 0)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size}" fill="#212529"/>')
        parts.append(_text(x, y, angle, name))
    x = 20
    for category, (colour, dash) in STROKES.items():
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x}" y1="{HEIGHT - 14}" x2="{x + 34}" y2="{HEIGHT - 14}" '
            f'stroke="{colour}" stroke-width="2"{dashes}/>'
            f'<text x="{x + 42}" y="{HEIGHT - 10}">{escape(legend[category])}</text>'
        )
        x += 60 + CHAR_WIDTH * len(legend[category])
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
