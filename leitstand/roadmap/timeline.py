"""The roadmap's timeline as SVG drawn on the server: one row per initiative, quarters across,
phases as bars, milestones as diamonds, today's line, dependencies as arrows. Works without
JavaScript, in print and in the PDF."""

from dataclasses import dataclass
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from leitstand.roadmap.models import Initiative, PhaseKind

#: Okabe-Ito colours (safe for colour-blind readers) per phase kind.
PHASE_COLOURS = {
    PhaseKind.SIMPLIFY: "#E69F00",
    PhaseKind.PILOT: "#56B4E9",
    PhaseKind.EVALUATE: "#009E73",
    PhaseKind.ROLLOUT: "#0072B2",
    PhaseKind.HANDOVER: "#CC79A7",
}
WIDTH = 1100
LABEL_WIDTH = 260
ROW = 30
HEADER = 44
LEGEND = 30
MAX_QUARTERS = 24


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter(day: date) -> date:
    month = day.month + 3
    return date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


@dataclass(frozen=True)
class Scale:
    start: date
    end: date  # exclusive

    @property
    def days(self) -> int:
        return max(self.end.toordinal() - self.start.toordinal(), 1)

    def x(self, day: date) -> float:
        span = WIDTH - LABEL_WIDTH - 10
        offset = min(max(day.toordinal() - self.start.toordinal(), 0), self.days)
        return LABEL_WIDTH + span * offset / self.days

    def quarters(self) -> list[date]:
        found, day = [], self.start
        while day < self.end:
            found.append(day)
            day = next_quarter(day)
        return found


def scale_for(initiatives: list[Initiative], today: date) -> Scale:
    days = [today]
    for initiative in initiatives:
        days += [p.start_on for p in initiative.phases.all()]
        days += [p.end_on for p in initiative.phases.all()]
        days += [m.due_on for m in initiative.milestones.all()]
    start = quarter_start(min(days))
    end = next_quarter(quarter_start(max(days)))
    quarters = 0
    day = start
    while day < end and quarters < MAX_QUARTERS:
        day, quarters = next_quarter(day), quarters + 1
    return Scale(start, max(day, next_quarter(start)))


def _text(x, y, content, **attrs) -> str:
    extra = " ".join(f'{key.replace("_", "-")}="{escape(value)}"' for key, value in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" {extra}>{escape(content)}</text>'


def _quarter_label(day: date) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}


def timeline_svg(initiatives: list[Initiative], today: date, phase_labels: dict) -> SafeString:
    """The SVG of the initiatives (phases and milestones prefetched)."""
    if not initiatives:
        return mark_safe("")
    scale = scale_for(initiatives, today)
    height = HEADER + ROW * len(initiatives) + LEGEND + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" class="roadmap-timeline" id="roadmap-timeline" '
        f'font-family="sans-serif" font-size="12">',
        f"<title>{escape(_('Roadmap by quarter'))}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#444"/></marker></defs>',
    ]
    bottom = HEADER + ROW * len(initiatives)
    for quarter in scale.quarters():
        x = scale.x(quarter)
        parts.append(
            f'<line x1="{x:.1f}" y1="{HEADER - 18}" x2="{x:.1f}" y2="{bottom}" stroke="#ddd"/>'
        )
        end_x = scale.x(next_quarter(quarter))
        parts.append(
            _text((x + end_x) / 2, HEADER - 24, _quarter_label(quarter), text_anchor="middle")
        )
    rows: dict[int, int] = {}
    for index, initiative in enumerate(initiatives):
        y = HEADER + ROW * index
        rows[initiative.pk] = y
        if index % 2:
            parts.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="{ROW}" fill="#f6f7f9"/>')
        name = initiative.name if len(initiative.name) <= 38 else initiative.name[:37] + "…"
        parts.append(_text(6, y + ROW / 2 + 4, name, font_weight="600"))
        for phase in initiative.phases.all():
            x1, x2 = scale.x(phase.start_on), scale.x(phase.end_on)
            label = f"{phase_labels.get(phase.kind, phase.kind)}"
            if phase.scope:
                label += f": {phase.scope}"
            parts.append(
                f'<rect x="{x1:.1f}" y="{y + 7}" width="{max(x2 - x1, 2):.1f}" height="{ROW - 14}" '
                f'rx="3" fill="{PHASE_COLOURS.get(phase.kind, "#999")}">'
                f"<title>{escape(label)}: {phase.start_on:%Y-%m-%d} - {phase.end_on:%Y-%m-%d}"
                "</title></rect>"
            )
        for milestone in initiative.milestones.all():
            x, cy = scale.x(milestone.due_on), y + ROW / 2
            fill = "#222" if milestone.done else "#fff"
            parts.append(
                f'<path d="M {x:.1f} {cy - 7:.1f} L {x + 6:.1f} {cy:.1f} L {x:.1f} {cy + 7:.1f} '
                f'L {x - 6:.1f} {cy:.1f} z" fill="{fill}" stroke="#222" stroke-width="1.5">'
                f"<title>{escape(milestone.name)}: {milestone.due_on:%Y-%m-%d}</title></path>"
            )
    by_pk = {initiative.pk: initiative for initiative in initiatives}
    for initiative in initiatives:
        phases = list(initiative.phases.all())
        rollout = next((p for p in phases if p.kind == PhaseKind.ROLLOUT), None)
        first = rollout or (phases[0] if phases else None)  # what waits for the dependency
        for dependency in initiative.depends_on.all():
            if dependency.pk not in rows or first is None:
                continue
            ends = [phase.end_on for phase in by_pk[dependency.pk].phases.all()]
            if not ends:
                continue
            x1, y1 = scale.x(max(ends)), rows[dependency.pk] + ROW / 2
            x2, y2 = scale.x(first.start_on), rows[initiative.pk] + ROW / 2
            bend = max(x1, x2) + 12 if x2 <= x1 + 12 else (x1 + x2) / 2
            parts.append(
                f'<path d="M {x1:.1f} {y1:.1f} C {bend:.1f} {y1:.1f}, {bend:.1f} {y2:.1f}, '
                f'{x2:.1f} {y2:.1f}" fill="none" stroke="#444" stroke-width="1.2" '
                f'stroke-dasharray="4 2" marker-end="url(#arrow)"/>'
            )
    x = scale.x(today)
    if scale.start <= today < scale.end:
        parts.append(
            f'<line x1="{x:.1f}" y1="{HEADER - 14}" x2="{x:.1f}" y2="{bottom}" stroke="#D55E00" '
            'stroke-width="2"/>'
        )
        parts.append(_text(x + 3, HEADER - 8, _("today"), fill="#D55E00", font_weight="600"))
    legend_y = bottom + 20
    legend_x = 6.0
    for kind, colour in PHASE_COLOURS.items():
        parts.append(
            f'<rect x="{legend_x:.1f}" y="{legend_y - 10}" width="14" height="10" fill="{colour}"/>'
        )
        label = str(phase_labels.get(kind, kind))
        parts.append(_text(legend_x + 18, legend_y, label))
        legend_x += 30 + 6.5 * len(label)
    parts.append(
        f'<path d="M {legend_x + 6:.1f} {legend_y - 12} L {legend_x + 12:.1f} {legend_y - 5} '
        f'L {legend_x + 6:.1f} {legend_y + 2} L {legend_x:.1f} {legend_y - 5} z" fill="#fff" '
        'stroke="#222"/>'
    )
    parts.append(_text(legend_x + 18, legend_y, _("milestone (filled: done)")))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)
