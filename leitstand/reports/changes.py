"""What changed since the last report of the same kind: its key figures beside today's."""

# Formulas and ranges use the multiplication, division and minus signs people read.
# ruff: noqa: RUF001

from decimal import Decimal

from leitstand.reports.document import Cell, Report, Unit, names
from leitstand.reports.printing import cell_text


def snapshot_figures(report: Report) -> dict:
    """What a snapshot keeps of a report to compare a later one with."""
    return {
        "values": report.figures(),
        "labels": report.figure_labels(),
        "units": report.units(),
        "systems": list(report.system_names),
    }


def changes_since(previous, report: Report) -> dict | None:
    """Rows (label, then, now, change) for every key figure both reports have that changed;
    None when there is no earlier report of this kind."""
    if previous is None:
        return None
    before = (previous.figures or {}).get("values", {})
    labels = report.figure_labels()
    units = report.units()
    rows, unchanged = [], 0
    for key, after in report.figures().items():
        if key not in before:
            continue
        then = Decimal(str(before[key]))
        now = Decimal(str(after))
        if then == now:
            unchanged += 1
            continue
        unit = Unit(units[key])
        delta = Cell(now - then, unit)
        sign = "+" if now > then else "−"
        rows.append(
            {
                "key": key,
                "label": labels[key],
                "before": Cell(then, unit),
                "after": Cell(now, unit),
                "delta": delta,
                "delta_text": sign + cell_text(Cell(abs(now - then), unit)),
            }
        )
    earlier = (previous.figures or {}).get("systems")
    now_names = set(report.system_names)
    added = sorted(now_names - set(earlier)) if earlier is not None else []
    removed = sorted(set(earlier) - now_names) if earlier is not None else []
    return {
        "added": names(added) if added else None,
        "added_count": len(added),
        "removed": names(removed) if removed else None,
        "removed_count": len(removed),
        "previous_at": previous.created_at,
        "previous_by": previous.created_by_name or "–",
        "rows": rows,
        "unchanged": unchanged,
    }
