"""How a flow's effort and the totals were computed, as messages with the actual numbers."""

from decimal import Decimal

from leitstand.analysis.costs import IntegrationFigures, ManualTotals
from leitstand.analysis.messages import (
    Count,
    Eur,
    Fte,
    Hours,
    Label,
    Labels,
    Message,
    Minutes,
    Percent,
    Term,
)
from leitstand.analysis.snapshot import Integration, Snapshot
from leitstand.analysis.vocabulary import Frequency


def explain_runs(integration: Integration, figures: IntegrationFigures, days: int) -> Message:
    return runs_message(
        integration.runs_per_period, integration.frequency, figures.runs_per_year, days
    )


def runs_message(
    runs_per_period: Decimal, frequency: str, runs_per_year: Decimal, days: int
) -> Message:
    """'40 per working day x 220 working days = 8,800 runs a year', and so on per frequency."""
    runs = Count(runs_per_period)
    per_year = Count(runs_per_year)
    frequency = Frequency(frequency)
    if frequency is Frequency.DAY:
        return Message("runs.day", {"runs": runs, "days": Count(days), "runs_per_year": per_year})
    if frequency in (Frequency.WEEK, Frequency.MONTH):
        return Message(f"runs.{frequency}", {"runs": runs, "runs_per_year": per_year})
    return Message(f"runs.{frequency}", {"runs_per_year": per_year})


def flow_summary(snapshot: Snapshot, integration: Integration) -> Message:
    names = tuple(
        snapshot.data_object_by_id[data_object_id].name
        for data_object_id in integration.data_object_ids
        if data_object_id in snapshot.data_object_by_id
    )
    return Message(
        "flow.summary",
        {
            "data": Labels(names),
            "source": Label(snapshot.system_by_id[integration.source_id].name),
            "target": Label(snapshot.system_by_id[integration.target_id].name),
            "method": Term(f"method:{integration.method}"),
        },
    )


def _errors(integration: Integration, figures: IntegrationFigures) -> list[Message]:
    if figures.error_hours is None:
        return [Message("effort.errors_unknown")]
    if not figures.error_hours:
        return []
    return [
        Message(
            "effort.errors",
            {
                "runs_per_year": Count(figures.runs_per_year),
                "error_rate": Percent(integration.error_rate_percent),
                "fix_minutes": Minutes(integration.minutes_to_fix_error),
                "error_hours": Hours(figures.error_hours),
            },
        )
    ]


def explain_effort(
    snapshot: Snapshot, integration: Integration, figures: IntegrationFigures
) -> tuple[Message, ...]:
    """Runs per year, hours, errors and euros of one flow whose effort is known."""
    settings = snapshot.settings
    messages = [flow_summary(snapshot, integration)]
    if figures.runs_per_year is not None:
        messages.append(explain_runs(integration, figures, settings.working_days_per_year))
        messages.append(
            Message(
                "effort.manual",
                {
                    "runs_per_year": Count(figures.runs_per_year),
                    "minutes": Minutes(integration.minutes_per_run or 0),
                    "hours": Hours(figures.manual_hours),
                },
            )
        )
    messages.extend(_errors(integration, figures))
    money = {
        "hours": Hours(figures.manual_hours),
        "rate": Eur(settings.labour_cost_per_hour),
        "eur": Eur(figures.total_eur),
        "fte": Fte(figures.fte),
    }
    if figures.error_hours:
        messages.append(
            Message("effort.eur_with_errors", {**money, "error_hours": Hours(figures.error_hours)})
        )
    else:
        messages.append(Message("effort.eur", money))
    return tuple(messages)


def explain_totals(totals: ManualTotals) -> tuple[Message, ...]:
    messages = [
        Message(
            "totals.manual",
            {
                "count": Count(totals.counted),
                "hours": Hours(totals.manual_hours),
                "rate": Eur(totals.labour_cost_per_hour),
                "eur": Eur(totals.manual_eur),
                "fte_hours": Hours(totals.productive_hours_per_fte),
                "fte": Fte(totals.manual_fte),
            },
        )
    ]
    if totals.left_out:
        messages.append(Message("totals.incomplete", {"count": Count(totals.left_out)}))
    return tuple(messages)
