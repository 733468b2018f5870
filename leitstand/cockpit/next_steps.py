"""The cockpit's "Next steps": what this company should do next, from what it has recorded.

Checked in the order a company builds its picture: systems, owners, flows, processes, company
check, then the top open finding and the roadmap's milestones that are due (as many as fit).
At most three, each with its link. An organisation without any system gets the guided start
instead.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from leitstand.analysis.vocabulary import Severity
from leitstand.cockpit.selectors import InventoryFigures
from leitstand.flows.models import Integration
from leitstand.landscape.cache import request_analysis
from leitstand.processes.models import Process
from leitstand.roadmap.groups import finding_groups, group_action
from leitstand.roadmap.models import Milestone
from leitstand.security_check.models import SecurityCheck

MOST = 3
DUE_WITHIN_DAYS = 30


@dataclass(frozen=True)
class Step:
    key: str  # for tests and the page's ids
    text: str
    link_label: str
    url: str


def next_steps(request: HttpRequest, figures: InventoryFigures) -> list[Step]:
    """`figures`: the cockpit's counts of systems in use, which it has already."""
    organisation = request.org

    def url(name: str, **kwargs) -> str:
        return reverse(name, kwargs={"org": organisation.slug, **kwargs})

    steps: list[Step] = []
    if not figures.systems:
        return []  # the cockpit shows the guided start (import, template, by hand) instead
    without_owner = figures.without_owner
    if without_owner:
        steps.append(
            Step(
                "owners",
                ngettext(
                    "%(n)s system has nobody who answers for it: assign an owner.",
                    "%(n)s systems have nobody who answers for them: assign owners.",
                    without_owner,
                )
                % {"n": without_owner},
                _("Systems without owner"),
                url("inventory:system_list") + "?in_use=true&no_owner=true",
            )
        )
    if not Integration.objects.for_org(organisation).exists():
        steps.append(
            Step(
                "flows",
                _("Map the three busiest data transfers between your systems."),
                _("Add a data flow"),
                url("flows:integration_create"),
            )
        )
    if not Process.objects.for_org(organisation).exists():
        steps.append(
            Step(
                "processes",
                _("Record the main business process with its steps and minutes."),
                _("Record a process"),
                url("processes:process_create"),
            )
        )
    if not SecurityCheck.objects.for_org(organisation).exists():
        steps.append(
            Step(
                "check",
                _("Start the company check: how well the company is protected and prepared."),
                _("Start the company check"),
                url("security_check:new"),
            )
        )
    if len(steps) < MOST:
        analysis = request_analysis(request)
        high = [g for g in finding_groups(analysis, organisation) if g.severity == Severity.HIGH]
        if high:
            steps.append(
                Step(
                    "finding",
                    _("Most urgent: %(action)s") % {"action": group_action(high[0])},
                    _("Findings"),
                    url("findings:findings") + "?severity=high",
                )
            )
    if len(steps) < MOST:
        steps.extend(_due_milestones(organisation, MOST - len(steps)))
    return steps[:MOST]


def _due_milestones(organisation, room: int) -> list[Step]:
    """The open milestones due within DUE_WITHIN_DAYS (or overdue), soonest first, each with
    a link to its initiative's milestones."""
    horizon = timezone.localdate() + timedelta(days=DUE_WITHIN_DAYS)
    due = (
        Milestone.objects.for_org(organisation)
        .filter(done=False, due_on__lte=horizon)
        .select_related("initiative")
        .order_by("due_on", "pk")[:room]
    )
    return [
        Step(
            "milestone",
            _("Milestone “%(name)s” of “%(initiative)s” is due on %(day)s.")
            % {
                "name": milestone.name,
                "initiative": milestone.initiative.name,
                "day": date_format(milestone.due_on, "SHORT_DATE_FORMAT"),
            },
            _("Milestones"),
            reverse(
                "roadmap:initiative_detail",
                kwargs={"org": organisation.slug, "pk": milestone.initiative_id},
            )
            + "#milestones",
        )
        for milestone in due
    ]
