"""`leitstand load_demo`: the demo company, a second organisation and the demo login.

Safe to run again: existing demo organisations are kept unless --reset is given, and the demo
user's password is set to the printed one each time.
"""

import os
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from leitstand.accounts.models import User
from leitstand.demo.loader import BAECKEREI, MUSTER_LOGISTIK, load_organisation
from leitstand.tenancy.models import Organisation, Role
from leitstand.tenancy.services import delete_organisation

DEMO_EMAIL = "demo@example.com"
BAKERY_OWNER_EMAIL = "inhaberin@baeckerei-beispiel.example"


def demo_password() -> str:
    """LEITSTAND_DEMO_PASSWORD, or a random one kept under var/ so it stays the same."""
    configured = os.environ.get("LEITSTAND_DEMO_PASSWORD")
    if configured:
        return configured
    path = settings.VAR_DIR / "demo-password.txt"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    path.write_text(password, encoding="utf-8")
    path.chmod(0o600)
    return password


class Command(BaseCommand):
    help = (
        "Load the demo organisations (Muster Logistik GmbH and a small bakery) and the demo user."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete and reload the demo organisations."
        )

    @transaction.atomic
    def handle(self, *args, reset: bool = False, **options):
        password = demo_password()
        demo_user, _ = User.objects.get_or_create(email=DEMO_EMAIL, defaults={"first_name": "Demo"})
        demo_user.set_password(password)
        demo_user.save()
        bakery_owner, created = User.objects.get_or_create(
            email=BAKERY_OWNER_EMAIL, defaults={"first_name": "Anna"}
        )
        if created:
            bakery_owner.set_unusable_password()
            bakery_owner.save()

        plans = [
            (MUSTER_LOGISTIK, {demo_user: Role.OWNER}),
            (BAECKEREI, {bakery_owner: Role.OWNER, demo_user: Role.VIEWER}),
        ]
        for slug, members in plans:
            existing = Organisation.objects.filter(slug=slug).first()
            if existing and not reset:
                self.stdout.write(f"{existing.name}: already loaded (use --reset to reload).")
                continue
            if existing:
                delete_organisation(existing, actor=None)
            organisation = load_organisation(slug, members)
            self.stdout.write(self.style.SUCCESS(f"{organisation.name}: loaded."))
        self.stdout.write(f"Demo login: {DEMO_EMAIL} / {password}")
