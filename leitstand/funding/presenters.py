"""Plain dictionaries for pages, PDF, xlsx, API and command line, built from the method's
results; texts rendered in the active language."""

from datetime import date
from decimal import Decimal

from django.utils.translation import get_language

from leitstand.analysis.funding.catalogue import COST_CATEGORIES, Programme
from leitstand.analysis.funding.matching import Match, MatchResult, effective_status
from leitstand.analysis.funding.plan import FundingPlan as PlanFigures
from leitstand.funding import explanations as ex
from leitstand.funding.catalogue import catalogue


def programme_view(programme: Programme, today: date) -> dict:
    language = get_language()
    cat = catalogue()
    status = effective_status(programme, today, cat.stale_after_days)
    return {
        "id": programme.id,
        "name": programme.name.get(language),
        "grantor": programme.grantor,
        "kind": programme.kind,
        "kind_label": ex.term(f"kind:{programme.kind}"),
        "level": programme.level,
        "states": [ex.term(f"state:{s}") for s in programme.states],
        "state_codes": list(programme.states),
        "status": status,
        "status_label": ex.term(f"status:{status}"),
        "catalogue_status": programme.status,
        "stale": status in ("expired", "check_needed"),
        "last_verified": programme.last_verified,
        "valid_from": programme.valid_from,
        "valid_until": programme.valid_until,
        "unverified": [ex.term(f"verify:{f}") for f in programme.unverified],
        "summary": programme.summary.get(language),
        "how_to_apply": ex.APPLY[programme.how_to_apply],
        "how_to_apply_note": programme.how_to_apply_note.get(language)
        if programme.how_to_apply_note
        else "",
        "apply_before_contract": programme.apply_before_contract,
        "de_minimis": programme.de_minimis,
        "costs": [ex.term(f"cost:{c}") for c in programme.costs],
        "size_classes": [ex.term(f"size:{c}") for c in programme.size_classes],
        "source": programme.source,
        "sources": list(programme.sources),
        "successor": ex.term(f"programme:{programme.successor}") if programme.successor else "",
        "confirm": [text.get(language) for text in programme.confirm],
    }


def match_view(match: Match, today: date) -> dict:
    return {
        **programme_view(match.programme, today),
        "decision": match.decision,
        "decision_label": ex.DECISIONS[match.decision],
        "eligible": match.eligible,
        "reasons": ex.render_all(match.reasons),
        "blockers": ex.render_all(match.blockers),
        "missing": ex.render_all(match.missing),
        "warnings": ex.render_all(match.warnings),
        "eligible_total": match.eligible_total,
        "rate_percent": match.rate_percent,
        "amount_eur": match.amount_eur,
        "loan_eur": match.loan_eur,
        "conflicts": list(match.conflicts),
    }


def company_view(result: MatchResult) -> dict:
    size = result.size
    return {
        "sme_class": size.sme_class,
        "sme_label": ex.term(f"size:{size.sme_class}") if size.sme_class else "",
        "possible": [ex.term(f"size:{c}") for c in size.possible],
        "sme_reasons": ex.render_all(size.reasons),
        "missing_facts": [ex.term(f"fact:{f}") for f in size.missing],
        "fte": size.fte,
        "turnover": size.turnover_eur,
        "balance_sheet": size.balance_sheet_eur,
        "headroom": result.de_minimis.headroom_eur,
        "de_minimis_used": result.de_minimis.used_eur,
        "de_minimis_reasons": ex.render_all(result.de_minimis.reasons),
        "window_start": result.de_minimis.window_start,
    }


def plan_view(figures: PlanFigures, today: date) -> dict:
    lines = []
    for line in figures.lines:
        lines.append(
            {
                **programme_view(line.match.programme, today),
                "eligible_costs": line.eligible_costs_eur,
                "grant": line.grant_eur,
                "loan": line.loan_eur,
                "rate": line.match.rate_percent,
                "by_category": [
                    line.funded_by_category.get(c, Decimal(0)) for c in COST_CATEGORIES
                ],
            }
        )
    grant_only = sum((x.grant_eur for x in figures.lines if x.loan_eur == 0), Decimal(0))
    amounts = [
        *figures.costs.values(),
        *figures.funded_by_category.values(),
        *(amount for x in figures.lines for amount in (x.grant_eur, x.loan_eur)),
        figures.grants_eur,
        figures.own_share_eur,
    ]
    return {
        # whole euros, unless an amount has cents: rounded halves would not add up
        "cents": 2 if any(amount != amount.to_integral() for amount in amounts) else 0,
        "categories": [
            {
                "key": c,
                "label": ex.term(f"cost:{c}"),
                "cost": figures.costs[c],
                "per_line": [line["by_category"][index] for line in lines],
                "funded": figures.funded_by_category[c],
                "own": figures.costs[c] - figures.funded_by_category[c],
            }
            for index, c in enumerate(COST_CATEGORIES)
        ],
        "grant_only": grant_only,
        "grant_shares": figures.grants_eur - grant_only,
        "lines": lines,
        "total": figures.total_eur,
        "grants": figures.grants_eur,
        "loans": figures.loans_eur,
        "own_share": figures.own_share_eur,
        "own_funds": figures.own_funds_eur,
        "funding_rate": figures.funding_rate_percent,
        "de_minimis": figures.de_minimis_eur,
        "issues": ex.render_all(figures.issues),
        "documents": [{"key": d, "label": ex.DOCUMENTS[d]} for d in figures.documents],
    }


def _number(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral() else int(value)
    return value


def match_json(result: MatchResult) -> dict:
    """The command line's and the API's shape (keys named by issue 17)."""
    return {
        "sme_class": result.size.sme_class,
        "sme_class_possible": list(result.size.possible),
        "sme_reasons": ex.render_all(result.size.reasons),
        "missing_facts": list(result.size.missing),
        "de_minimis_headroom_eur": _number(result.de_minimis.headroom_eur),
        "de_minimis_reasons": ex.render_all(result.de_minimis.reasons),
        "costs": {c: _number(v) for c, v in result.costs.items()},
        "programmes": [
            {
                "id": x.programme.id,
                "name": x.programme.name.get(get_language()),
                "eligible": x.eligible,
                "decision": x.decision,
                "reasons": ex.render_all(x.reasons),
                "disqualifying": ex.render_all(x.blockers),
                "missing": ex.render_all(x.missing),
                "warnings": ex.render_all(x.warnings),
                "amount_eur": _number(x.amount_eur),
                "loan_eur": _number(x.loan_eur),
                "eligible_costs_eur": _number(x.eligible_total),
                "kind": x.programme.kind,
                "last_verified": x.programme.last_verified.isoformat(),
                "status": effective_status(x.programme, result.today, catalogue().stale_after_days),
                "unverified": list(x.programme.unverified),
                "not_combinable_with": list(x.conflicts),
                "source": x.programme.source,
            }
            for x in result.matches
        ],
    }


def plan_json(figures: PlanFigures) -> dict:
    return {
        "total_eur": _number(figures.total_eur),
        "grants_eur": _number(figures.grants_eur),
        "loans_eur": _number(figures.loans_eur),
        "own_share_eur": _number(figures.own_share_eur),
        "own_funds_eur": _number(figures.own_funds_eur),
        "de_minimis_eur": _number(figures.de_minimis_eur),
        "costs": {c: _number(v) for c, v in figures.costs.items()},
        "lines": [
            {
                "id": line.programme_id,
                "grant_eur": _number(line.grant_eur),
                "loan_eur": _number(line.loan_eur),
                "eligible_costs_eur": _number(line.eligible_costs_eur),
                "by_category": {c: _number(v) for c, v in line.funded_by_category.items()},
            }
            for line in figures.lines
        ],
        "issues": ex.render_all(figures.issues),
        "documents": list(figures.documents),
    }
