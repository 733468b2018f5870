"""The roadmap page (summary, timeline, warnings) and the analysis's proposals."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leitstand.analysis.formulas import eur_for_hours, fte_for_hours
from leitstand.core.extensions import roadmap_sections
from leitstand.inventory.models import Person
from leitstand.landscape.cache import kept_for_request, kept_fragment, request_analysis
from leitstand.roadmap import services
from leitstand.roadmap.cases import NOT_PLANNED, initiatives_for_timeline
from leitstand.roadmap.models import DroppedProposal, Initiative, InitiativeStatus, PhaseKind
from leitstand.roadmap.plan import kept_plan, page_cases, plan_summary
from leitstand.roadmap.proposals import proposals
from leitstand.roadmap.quick_wins import quick_win_table
from leitstand.roadmap.timeline import timeline_svg
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role

#: Initiatives per page of the timeline and the table (the summary counts all of them); each
#: costs almost a millisecond to load, draw and render (40 took 48 ms of CPU, 20 take 31 ms).
PER_PAGE = 20
#: Quick wins listed on the page; the totals count all of them, the analysis JSON lists all.
QUICK_WINS_SHOWN = 25
#: Proposals per page (each about 2 kB of HTML: 3,000 proposals at 50,000 systems sent 6 MB);
#: the count above them covers all of them.
PROPOSALS_PER_PAGE = 50


def _quick_win_rows(analysis) -> list[dict]:
    """The largest of the analysis's quick wins (leitstand.analysis.quick_wins) as table rows;
    a large landscape has thousands of tools to retire, the totals count all of them."""
    names = analysis.snapshot.system_by_id
    return [
        {
            "retire": names[win.system_id].name,
            "move_to": names[win.keep_id].name,
            "licence": win.licence_eur,
            "hours": win.hours,
            "hours_eur": win.hours_eur,
            "saving": win.saving_eur,
        }
        for win in analysis.quick_wins.wins[:QUICK_WINS_SHOWN]
    ]


@org_view(page_cache=True)
def roadmap(request: HttpRequest) -> HttpResponse:
    analysis = request_analysis(request)
    status = request.GET.get("status", "")
    owner = request.GET.get("owner", "")
    today = timezone.localdate()
    summary = plan_summary(request, analysis, status, owner, today)
    plan = summary.totals
    page = Paginator(summary.initiative_ids, PER_PAGE).get_page(request.GET.get("page"))
    initiatives = list(initiatives_for_timeline(request.org).filter(pk__in=list(page.object_list)))
    cases = page_cases(kept_plan(request, analysis), initiatives)
    shown = [i for i in initiatives if i.phases.all() or i.milestones.all()]
    context = {
        "cases": cases,
        "page_obj": page,
        "total": len(summary.initiative_ids),
        "plan": plan,
        # Without an option that counts, the sums are unknown rather than zero (issue 21, 5).
        "plan_has_figures": summary.has_figures,
        "has_initiatives": summary.has_initiatives,
        "overlaps": [
            (overlap, [summary.names[pk] for pk in overlap.initiative_ids])
            for overlap in plan.overlaps
        ],
        "settings": analysis.snapshot.settings,
        "capacity_fte": fte_for_hours(
            plan.capacity_hours_per_year, analysis.snapshot.settings.productive_hours_per_fte
        ),
        "capacity_eur": eur_for_hours(
            plan.capacity_hours_per_year, analysis.snapshot.settings.labour_cost_per_hour
        ),
        "timeline": timeline_svg(shown, today, dict(PhaseKind.choices)),
        "unscheduled": [i for i in initiatives if not (i.phases.all() or i.milestones.all())],
        "statuses": InitiativeStatus.choices,
        "status": status,
        "owners": Person.objects.for_org(request.org)
        .filter(pk__in=Initiative.objects.for_org(request.org).values("owner"))
        .order_by("name")
        .values_list("pk", "name"),
        "owner": owner,
        "today": today,
        "sections": roadmap_sections.render(request, initiatives),
        "stopped": [c for c in cases if c.initiative.status in NOT_PLANNED],
        "quick_win_section": kept_fragment(
            request,
            "roadmap_quick_wins",
            "roadmap/_quick_win_section.html",
            lambda: {
                "quick_wins": analysis.quick_wins,
                "quick_win_rows": _quick_win_rows(analysis),
                "quick_win_rows_more": max(0, len(analysis.quick_wins.wins) - QUICK_WINS_SHOWN),
                "quick_win_table": quick_win_table(analysis, QUICK_WINS_SHOWN),
            },
        ),
    }
    return render(request, "roadmap/roadmap.html", context)


def _open_proposals(request: HttpRequest):
    """The open proposals, kept with the analysis: any write (an accepted or dropped proposal
    too) renews the landscape stamp, so they are never stale."""
    analysis = request_analysis(request)
    return kept_for_request(
        request, "roadmap_proposals", lambda: _compute_proposals(request, analysis)
    )


def _compute_proposals(request: HttpRequest, analysis):
    organisation = request.org
    taken = set(
        Initiative.objects.for_org(organisation)
        .exclude(proposal_key="")
        .values_list("proposal_key", flat=True)
    )
    taken |= set(DroppedProposal.objects.for_org(organisation).values_list("key", flat=True))
    planned = set(
        Initiative.findings.through.objects.filter(
            initiative__organisation=organisation
        ).values_list("findingstate__key", flat=True)
    )
    replaced = frozenset(
        Initiative.replaces.through.objects.filter(
            initiative__organisation=organisation
        ).values_list("system_id", flat=True)
    )
    return proposals(analysis, organisation, taken, planned, replaced)


@org_view()
def proposal_list(request: HttpRequest) -> HttpResponse:
    proposals = _open_proposals(request)
    page = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "proposals": page.object_list,
        "page_obj": page,
        "total": len(proposals),
        "dropped": DroppedProposal.objects.for_org(request.org)[:100],
    }
    return render(request, "roadmap/proposals.html", context)


def _proposals_page(request: HttpRequest) -> str:
    """The proposals page the decision was made on (its page number kept)."""
    back = reverse("roadmap:proposals", kwargs={"org": request.org.slug})
    page = request.POST.get("page", "")
    return f"{back}?page={page}" if page.isdigit() and page != "1" else back


@org_view(Role.EDITOR)
@require_POST
def proposal_decide(request: HttpRequest) -> HttpResponse:
    """Accept one proposal, merge several into one initiative, or drop them."""
    keys = request.POST.getlist("key")
    action = request.POST.get("action", "")
    by_key = {proposal.key: proposal for proposal in _open_proposals(request)}
    chosen = [by_key[key] for key in keys if key in by_key]
    back = _proposals_page(request)
    if not chosen:
        messages.error(request, _("Tick at least one proposal (it may have been taken already)."))
        return HttpResponseRedirect(back)
    if action == "drop":
        for proposal in chosen:
            services.drop_proposal(request.org, proposal, request.user)
        messages.success(
            request, _("Dropped: %(names)s.") % {"names": ", ".join(p.name for p in chosen)}
        )
        return HttpResponseRedirect(back)
    if action == "merge" and len(chosen) < 2:
        messages.error(request, _("Tick two or more proposals to merge them."))
        return HttpResponseRedirect(back)
    if action not in ("accept", "merge"):
        return HttpResponseRedirect(back)
    if action == "accept" and len(chosen) > 1:
        created = [
            services.accept_proposals(request.org, [proposal], "", request.user)
            for proposal in chosen
        ]
        messages.success(request, _("%(count)s initiatives created.") % {"count": len(created)})
        return HttpResponseRedirect(back)
    name = request.POST.get("name", "")[:200]
    initiative = services.accept_proposals(request.org, chosen, name, request.user)
    messages.success(
        request,
        _("Initiative “%(name)s” created from the analysis; describe the problem in your words.")
        % {"name": initiative.name},
    )
    return HttpResponseRedirect(initiative.get_absolute_url())


@org_view(Role.EDITOR, model=DroppedProposal)
@require_POST
def proposal_restore(request: HttpRequest, pk: int) -> HttpResponse:
    dropped = get_for_org(DroppedProposal, request.org, pk)
    services.restore_proposal(dropped, request.user)
    messages.success(request, _("“%(name)s” is proposed again.") % {"name": dropped.name})
    return HttpResponseRedirect(reverse("roadmap:proposals", kwargs={"org": request.org.slug}))
