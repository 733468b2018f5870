"""Funding on the roadmap's pages: a panel on an initiative's page and a section on the
roadmap (registered in FundingConfig.ready through core.extensions)."""

from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import get_language

from leitstand.analysis.funding.matching import match_company
from leitstand.analysis.funding.plan import build_plan, suggested_programmes
from leitstand.core.extensions import Panel
from leitstand.funding import selectors
from leitstand.funding.catalogue import catalogue
from leitstand.funding.models import FundingPlan


def initiative_panel(request: HttpRequest, initiative) -> Panel:
    """The initiative's funding plan in figures, or what its chosen option could get."""
    plan = selectors.plan_for_initiative(initiative)
    if plan is not None:
        figures = selectors.plan_figures(plan)
        lines = [
            {
                "name": line.match.programme.name.get(get_language()),
                "grant": line.grant_eur,
                "loan": line.loan_eur,
            }
            for line in figures.lines
            if line.grant_eur or line.loan_eur
        ]
        return Panel(
            "funding/_initiative_panel.html",
            {"plan": plan, "figures": figures, "lines": lines, "initiative": initiative},
        )
    option = initiative.chosen_option
    preview = None
    if option is not None:
        costs = selectors.business_case_costs(option, initiative.organisation)
        facts = selectors.company_facts(initiative.organisation)
        result = match_company(catalogue(), facts, costs, selectors.today())
        preview = build_plan(result, suggested_programmes(result), costs)
    return Panel(
        "funding/_initiative_panel.html",
        {"plan": None, "option": option, "preview": preview, "initiative": initiative},
    )


def roadmap_section(request: HttpRequest, initiatives) -> Panel | None:
    """Funding expected for the initiatives the roadmap shows, from their funding plans."""
    ids = [initiative.pk for initiative in initiatives]
    plans = list(
        FundingPlan.objects.for_org(request.org)
        .filter(initiative_id__in=ids)
        .select_related("initiative")
        .order_by("initiative__name")
    )
    rows = []
    for plan in plans:
        figures = selectors.plan_figures(plan)
        rows.append({"plan": plan, "figures": figures})
    return Panel(
        "funding/_roadmap_section.html",
        {
            "rows": rows,
            "grants": sum((r["figures"].grants_eur for r in rows), Decimal(0)),
            "loans": sum((r["figures"].loans_eur for r in rows), Decimal(0)),
            "without_plan": len(ids) - len(rows),
        },
    )
