"""`leitstand maturity --org SLUG [--json]`: the latest maturity assessment of an organisation
(the latest completed one, else the latest in progress), with the change against the one
before."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from leitstand.maturity import selectors
from leitstand.maturity.serialize import result_json
from leitstand.tenancy.models import Organisation


class Command(BaseCommand):
    help = "Print the latest digital maturity assessment of an organisation."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="The organisation's short name (slug).")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of text.")
        parser.add_argument(
            "--language", default="en", choices=["en", "de"], help="Language of the texts."
        )

    def handle(self, *args, org: str, json: bool = False, language: str = "en", **options):
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"No organisation with the short name {org!r}.")
        assessment = selectors.latest_completed(organisation) or (
            selectors.assessments_of(organisation).first()
        )
        if assessment is None:
            raise CommandError(f"{organisation.name} has no maturity assessment yet.")
        with translation.override(language):
            document = result_json(assessment)
        if json:
            self.stdout.write(_dumps(document))
            return
        self.stdout.write(_text(organisation.name, document))


def _dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def _text(name: str, document: dict) -> str:
    lines = [f"{name}: maturity assessment of {document['date']} ({document['status']})"]
    for axis in document["axes"]:
        lines.append(f"  {axis['name']:<40} {axis['score']:>3} / 100  {axis['band']}")
    lines.append(
        f"  {'Overall (mean of the six)':<40} {document['overall']:>5}  {document['overall_band']}"
    )
    lines.append(
        f"  DII {document['dii_variant']}: {document['dii_count']} of 12 ({document['dii_band']})"
    )
    change = document["change"]
    if change:
        delta = change["overall"]["delta"]
        lines.append(f"  Change since {change['previous_date']}: overall {delta:+}")
        for axis in change["axes"]:
            if axis["delta"]:
                lines.append(f"    {axis['key']}: {axis['before']} -> {axis['after']}")
    unconfirmed = sum(1 for item in document["items"] if item["source"] == "prefilled")
    if unconfirmed:
        lines.append(f"  {unconfirmed} suggested answers are not confirmed yet.")
    return "\n".join(lines)
