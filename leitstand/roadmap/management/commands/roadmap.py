"""`leitstand roadmap --org SLUG [--json] [--language de]`: the plan on the command line."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from leitstand.analysis import analyze
from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.roadmap.cases import initiatives_for_plan, plan_cases
from leitstand.roadmap.models import InitiativeStatus
from leitstand.roadmap.serialize import plan_as_json
from leitstand.tenancy.models import Organisation


def _years(initiatives) -> list[int]:
    days = [timezone.localdate()]
    for initiative in initiatives:
        days += [phase.start_on for phase in initiative.phases.all()]
        days += [phase.end_on for phase in initiative.phases.all()]
    first, last = min(days).year, max(days).year
    return list(range(first, min(last, first + 5) + 1))


class Command(BaseCommand):
    help = (
        "Print an organisation's initiatives with phases, milestones, options and business cases."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="The organisation's short name (slug).")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the plan as JSON."
        )
        parser.add_argument(
            "--language", default="en", choices=["en", "de"], help="Language of the texts."
        )

    def handle(self, *args, org: str, as_json: bool = False, language: str = "en", **options):
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"No organisation with the short name {org!r}.")
        with translation.override(language):
            analysis = analyze(landscape_snapshot(organisation))
            initiatives = list(initiatives_for_plan(organisation))
            if as_json:
                document = plan_as_json(initiatives, analysis, _years(initiatives))
                self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            else:
                self._print_summary(organisation, initiatives, analysis)

    def _print_summary(self, organisation, initiatives, analysis) -> None:
        statuses = dict(InitiativeStatus.choices)
        lines = [
            _("%(org)s: %(count)s initiatives")
            % {"org": organisation.name, "count": len(initiatives)}
        ]
        for cases in plan_cases(initiatives, analysis):
            initiative = cases.initiative
            lines.append(f"- {initiative.name} [{statuses[initiative.status]}]")
            for view in cases.options:
                case = view.case
                payback = (
                    _("%(months)s months") % {"months": format_number(case.payback_months, 1)}
                    if case.payback_months is not None
                    else _("never")
                )
                marker = "*" if view.chosen else " "
                lines.append(
                    f"  {marker} {view.option.name}: "
                    + _(
                        "investment %(investment)s, cash %(cash)s a year, %(hours)s freed "
                        "(%(capacity)s), payback %(payback)s"
                    )
                    % {
                        "investment": format_eur(case.investment_eur),
                        "cash": format_eur(case.cash_eur_per_year),
                        "hours": format_hours(case.capacity_hours_per_year),
                        "capacity": format_eur(case.capacity_eur_per_year),
                        "payback": payback,
                    }
                )
            for warning in cases.warnings:
                lines.append(
                    "  ! "
                    + _("pays back only after %(system)s ends (%(day)s)")
                    % {"system": warning.system_end.system, "day": warning.system_end.on}
                )
        self.stdout.write("\n".join(lines))
