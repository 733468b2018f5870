"""The cockpit's section on automation: per process its best scenario, by payback, and the
hours of all processes beside the manual transfers."""

from django.http import HttpRequest

from leitstand.analysis.messages import Count, Eur, Hours, Message
from leitstand.analysis.processes.costs import unneeded_steps
from leitstand.core.extensions import Panel
from leitstand.core.wording import render
from leitstand.landscape.cache import kept_for_request, request_analysis

TOP_CANDIDATES = 5


def automation_section(request: HttpRequest) -> Panel:
    # landscape data only: kept with the analysis
    context = kept_for_request(request, "cockpit:automation", lambda: _context(request))
    return Panel("processes/_cockpit_section.html", context)


def _context(request: HttpRequest) -> dict:
    analysis = request_analysis(request)
    facts = analysis.processes
    totals = facts.totals
    summary = Message(
        "process_totals.summary",
        {
            "count": Count(totals.processes),
            "hours": Hours(totals.manual_hours + totals.error_hours),
            "counted": Hours(totals.hours_in_integrations),
            "additional": Hours(totals.additional_hours),
            "eur": Eur(totals.additional_eur),
        },
    )
    return {
        "processes": totals.processes,
        # Without a step's minutes the processes' hours are unknown, not 0 h (issue 21).
        "minutes_recorded": any(
            step.minutes_per_run for p in analysis.snapshot.processes for step in p.steps
        ),
        "totals_explanation": render(summary),
        "candidates": list(facts.best_candidates.values())[:TOP_CANDIDATES],
        "unneeded": sum(len(unneeded_steps(p)) for p in analysis.snapshot.processes),
    }
