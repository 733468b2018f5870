"""The login and account pages say "Sie" in German, like the rest of Leitstand.

django-allauth's own German catalogue says "du"; leitstand/accounts/allauth_locale overrides it.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from leitstand.tenancy.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)


def _visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize(
    "name", ["account_login", "account_reset_password", "account_reset_password_done"]
)
def test_anonymous_account_pages_say_sie(client, name):
    text = _visible_text(client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="de").text)
    assert "Passwort" in text  # German, not English
    assert not INFORMAL.findall(text), INFORMAL.findall(text)


@pytest.mark.parametrize("name", ["account_logout", "account_change_password", "mfa_index"])
def test_signed_in_account_pages_say_sie(client, name):
    user = UserFactory(email="eva@example.com")
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    text = _visible_text(client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="de").text)
    assert not INFORMAL.findall(text), INFORMAL.findall(text)


@pytest.mark.parametrize(
    ("message", "german"),
    [
        ("Please type your current password.", "Bitte geben Sie Ihr aktuelles Passwort ein."),
        ("You have signed out.", "Sie haben sich abgemeldet."),
    ],
)
def test_allauth_messages_say_sie(message, german):
    with translation.override("de"):
        assert translation.gettext(message) == german
