"""`leitstand check import FILE --org SLUG`: a completed company check from the JSON exchange
format; prints its result as JSON (score, max_score, percent, top_unmet, ...).

Reached through `leitstand check import` (see leitstand/cli.py) or as `check_import`.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from leitstand.analysis.company_check.scoring import result_as_json
from leitstand.security_check.exchange import ExchangeError, parse_exchange
from leitstand.security_check.selectors import result_of
from leitstand.security_check.services import import_check
from leitstand.tenancy.models import Organisation


class Command(BaseCommand):
    help = "Import a company check's answers from JSON and print its result."

    def add_arguments(self, parser):
        parser.add_argument("file", help='A JSON file like {"answers": {"01": "met", ...}}.')
        parser.add_argument("--org", required=True, help="The organisation's short name (slug).")
        parser.add_argument(
            "--language", default="en", choices=["en", "de"], help="Language of the messages."
        )

    def handle(self, *args, file: str, org: str, language: str = "en", **options):
        with translation.override(language):
            try:
                content = Path(file).read_bytes()
            except OSError as error:
                raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
            try:
                parse_exchange(content)  # the file's own errors first, before any lookup
                organisation = Organisation.objects.filter(slug=org).first()
                if organisation is None:
                    raise CommandError(f"No organisation with the short name {org!r}.")
                check = import_check(organisation, content)
            except ExchangeError as error:
                raise CommandError("\n".join(error.messages)) from None
            document = {"check_id": check.pk, "date": check.checked_on.isoformat()}
            document.update(result_as_json(result_of(check)))
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
