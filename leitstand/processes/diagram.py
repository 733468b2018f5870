"""The process as a swimlane diagram: one lane per department (or system), steps left to right.

Computed here as plain geometry and drawn as SVG by `processes/_diagram.html`, so it needs
no JavaScript and looks the same on screen and in print.
"""

import itertools
import textwrap
from dataclasses import dataclass

from django.utils.translation import gettext as _

from leitstand.analysis.messages import Minutes
from leitstand.core.wording import format_param
from leitstand.processes.models import ProcessStep

LABEL_WIDTH = 180
COLUMN_WIDTH = 196
BOX_WIDTH = 172
BOX_HEIGHT = 66
LANE_HEIGHT = 92
LINE_CHARACTERS = 20  # of the bold 12 px step names that fit a box
BY_SYSTEM = "system"
BY_DEPARTMENT = "department"


@dataclass(frozen=True)
class Lane:
    label: str
    y: int
    lines: tuple[str, ...]

    @property
    def text_y(self) -> int:
        return self.y + LANE_HEIGHT // 2 + 5 - 8 * (len(self.lines) - 1)


@dataclass(frozen=True)
class Box:
    step: ProcessStep
    x: int
    y: int
    lines: tuple[str, ...]
    minutes: str

    @property
    def text_x(self) -> int:
        return self.x + 8

    @property
    def minutes_y(self) -> int:
        return self.y + BOX_HEIGHT - 9


@dataclass(frozen=True)
class Diagram:
    lanes: tuple[Lane, ...]
    boxes: tuple[Box, ...]
    arrows: tuple[str, ...]  # SVG path data
    width: int
    height: int
    box_width: int = BOX_WIDTH
    lane_height: int = LANE_HEIGHT
    box_height: int = BOX_HEIGHT
    label_width: int = LABEL_WIDTH


def lane_label(step: ProcessStep, by: str) -> str:
    if by == BY_SYSTEM:
        return step.system.name if step.system_id else _("no system (paper, phone, talk)")
    if step.department_id:
        return step.department.name
    return step.role or _("no department given")


def _lines(name: str) -> tuple[str, ...]:
    lines = textwrap.wrap(name, LINE_CHARACTERS) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), LINE_CHARACTERS, placeholder="…")]
    return tuple(lines)


def _arrow(start: Box, end: Box) -> str:
    x1, y1 = start.x + BOX_WIDTH, start.y + BOX_HEIGHT // 2
    x2, y2 = end.x, end.y + BOX_HEIGHT // 2
    if y1 == y2:
        return f"M{x1},{y1} H{x2 - 2}"
    middle = x1 + (x2 - x1) // 2
    return f"M{x1},{y1} H{middle} V{y2} H{x2 - 2}"


def build_diagram(steps: list[ProcessStep], by: str = BY_DEPARTMENT) -> Diagram:
    """Lanes in the order they first appear; one column per step."""
    lanes: dict[str, int] = {}
    for step in steps:
        lanes.setdefault(lane_label(step, by), len(lanes))
    margin_x = (COLUMN_WIDTH - BOX_WIDTH) // 2
    margin_y = (LANE_HEIGHT - BOX_HEIGHT) // 2
    boxes = tuple(
        Box(
            step=step,
            x=LABEL_WIDTH + index * COLUMN_WIDTH + margin_x,
            y=lanes[lane_label(step, by)] * LANE_HEIGHT + margin_y,
            lines=_lines(step.name),
            minutes=format_param(Minutes(step.minutes_per_run)),
        )
        for index, step in enumerate(steps)
    )
    return Diagram(
        lanes=tuple(
            Lane(label, index * LANE_HEIGHT, _lines(label)) for label, index in lanes.items()
        ),
        boxes=boxes,
        arrows=tuple(_arrow(a, b) for a, b in itertools.pairwise(boxes)),
        width=LABEL_WIDTH + max(len(steps), 1) * COLUMN_WIDTH,
        height=max(len(lanes), 1) * LANE_HEIGHT,
    )
