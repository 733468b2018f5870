"""`leitstand funding match --org SLUG [--initiative ID | --plan ID] [--json]`,
`leitstand funding match --facts FILE.json [--json]` and `leitstand funding check`."""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from leitstand.analysis.funding.matching import (
    ENDS_SOON_DAYS,
    effective_status,
    match_company,
    needs_reverification,
)
from leitstand.analysis.funding.plan import build_plan, suggested_programmes
from leitstand.funding import selectors
from leitstand.funding.catalogue import catalogue
from leitstand.funding.exchange import FactsError, read_facts
from leitstand.funding.models import FundingPlan
from leitstand.funding.presenters import match_json, plan_json
from leitstand.roadmap.models import Initiative
from leitstand.tenancy.models import Organisation


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--on: {value!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Funding programmes: match a company or a plan, or list entries to re-verify."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        match = sub.add_parser("match", help="Which programmes fit, why, and how much.")
        match.add_argument("--org", help="Organisation slug.")
        match.add_argument(
            "--initiative", type=int, help="Initiative id: its plan, or its chosen option's costs."
        )
        match.add_argument("--plan", type=int, help="Funding plan id.")
        match.add_argument("--facts", help="Company facts and costs as a JSON file.")
        match.add_argument("--json", action="store_true", help="Print JSON.")
        match.add_argument("--on", help="Evaluate on this date (YYYY-MM-DD); default today.")
        match.add_argument("--language", default="en", choices=["en", "de"])
        check = sub.add_parser("check", help="Programmes that need re-verification.")
        check.add_argument("--json", action="store_true")
        check.add_argument("--on", help="Evaluate on this date (YYYY-MM-DD); default today.")

    def handle(self, *args, **options) -> None:
        today = _day(options["on"]) if options.get("on") else selectors.today()
        if options["action"] == "check":
            return self.reverification(today, options["json"])
        with translation.override(options["language"]):
            document = self.match(options, today)
        if options["json"]:
            self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False))
        else:
            self.print_match(document)

    def match(self, options, today: date) -> dict:
        if options["facts"]:
            if options["org"] or options["initiative"] or options["plan"]:
                raise CommandError("--facts stands alone: do not combine it with --org.")
            path = Path(options["facts"])
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            try:
                facts, costs = read_facts(path.read_bytes())
            except FactsError as error:
                raise CommandError("The facts file has errors:\n" + str(error)) from None
            result = match_company(catalogue(), facts, costs, today)
            return {
                **match_json(result),
                "plan": plan_json(build_plan(result, suggested_programmes(result), costs)),
            }
        if not options["org"]:
            raise CommandError("Give --org SLUG or --facts FILE.json.")
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {options['org']!r}.")
        if options["initiative"] is not None:
            return self.match_initiative(organisation, options["initiative"], today)
        if options["plan"] is not None:
            plan = FundingPlan.objects.for_org(organisation).filter(pk=options["plan"]).first()
            if plan is None:
                raise CommandError(f"No funding plan {options['plan']} in {organisation.slug}.")
            result = selectors.plan_match(plan, today)
            figures = build_plan(result, selectors.chosen_ids(plan, result), plan.costs())
            return {**match_json(result), "plan": plan_json(figures)}
        return match_json(selectors.company_match(organisation, today))

    def match_initiative(self, organisation, initiative_id: int, today: date) -> dict:
        """The initiative's funding plan, or else its chosen option's business case."""
        initiative = Initiative.objects.for_org(organisation).filter(pk=initiative_id).first()
        if initiative is None:
            raise CommandError(f"No initiative {initiative_id} in {organisation.slug}.")
        plan = selectors.plan_for_initiative(initiative)
        if plan is not None:
            result = selectors.plan_match(plan, today)
            figures = build_plan(result, selectors.chosen_ids(plan, result), plan.costs())
            return {**match_json(result), "plan": plan_json(figures)}
        option = initiative.chosen_option
        if option is None:
            raise CommandError(
                f"Initiative {initiative_id} has no funding plan and no chosen option with costs."
            )
        costs = selectors.business_case_costs(option, organisation)
        result = match_company(catalogue(), selectors.company_facts(organisation), costs, today)
        figures = build_plan(result, suggested_programmes(result), costs)
        return {**match_json(result), "plan": plan_json(figures)}

    def print_match(self, document: dict) -> None:
        write = self.stdout.write
        write(f"SME class: {document['sme_class'] or 'not decided'}")
        for reason in document["sme_reasons"]:
            write(f"  {reason}")
        headroom = document["de_minimis_headroom_eur"]
        write(f"De-minimis headroom: {'unknown' if headroom is None else headroom} EUR")
        for item in document["programmes"]:
            write("")
            flag = "yes" if item["eligible"] else item["decision"].replace("_", " ")
            write(
                f"[{flag}] {item['id']}: {item['name']} ({item['kind']}, {item['status']}, "
                f"verified {item['last_verified']})"
            )
            if item["amount_eur"] or item["loan_eur"]:
                write(f"  amount {item['amount_eur']} EUR, loan {item['loan_eur']} EUR")
            for text in item["disqualifying"] + item["missing"] + item["reasons"]:
                write(f"  - {text}")
        if "plan" in document:
            plan = document["plan"]
            write("")
            write(
                f"Plan: costs {plan['total_eur']}, grants {plan['grants_eur']}, "
                f"loans {plan['loans_eur']}, own share {plan['own_share_eur']} EUR"
            )

    def reverification(self, today: date, as_json: bool) -> None:
        cat = catalogue()
        rows = []
        for programme in cat.programmes:
            status = effective_status(programme, today, cat.stale_after_days)
            ends_soon = (
                programme.valid_until is not None
                and status in ("open", "paused")
                and (programme.valid_until - today).days <= ENDS_SOON_DAYS
            )
            if needs_reverification(programme, today, cat.stale_after_days) or ends_soon:
                age = (today - programme.last_verified).days
                if status == "expired":
                    why = f"past its valid-until date {programme.valid_until}"
                elif status == "check_needed":
                    why = f"not verified for {age} days (limit {cat.stale_after_days})"
                else:
                    why = f"ends on {programme.valid_until}: check for a successor"
                rows.append(
                    {
                        "id": programme.id,
                        "name": programme.name.en,
                        "status": status,
                        "last_verified": programme.last_verified.isoformat(),
                        "valid_until": programme.valid_until.isoformat()
                        if programme.valid_until
                        else None,
                        "why": why,
                        "source": programme.source,
                    }
                )
        if as_json:
            self.stdout.write(json.dumps({"on": today.isoformat(), "programmes": rows}, indent=2))
            return
        if not rows:
            self.stdout.write(f"No programme needs re-verification on {today}.")
            return
        self.stdout.write(f"{len(rows)} programme(s) need re-verification on {today}:")
        for row in rows:
            self.stdout.write(f"- {row['id']} ({row['status']}): {row['why']}; {row['source']}")
