"""Signing in: password, lockout after repeated failures, two-factor login, recovery codes."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from axes.models import AccessAttempt
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from leitstand.tenancy.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def log_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def activate_totp(client) -> str:
    """Set up an authenticator app; allauth asks for the password once more first."""
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302, response.content
    return secret


def test_login_with_email_and_password(client):
    user = UserFactory(email="helga@example.com")
    response = log_in(client, "Helga@Example.com")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused(client):
    UserFactory(email="helga@example.com")
    response = log_in(client, "helga@example.com", "wrong")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_login(client, settings):
    UserFactory(email="helga@example.com")
    UserFactory(email="colleague@example.com")
    responses = [
        log_in(client, "helga@example.com", "wrong") for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert responses[-1].status_code == 429
    assert "Too many failed logins" in responses[-1].content.decode()
    assert AccessAttempt.objects.get().username == "helga@example.com"
    log_in(client, "helga@example.com")  # even the right password
    assert "_auth_user_id" not in client.session
    # A colleague behind the same office address is not locked out.
    assert log_in(client, "colleague@example.com").status_code == 302


def test_enabling_totp_then_logging_in_needs_the_code(client):
    user = UserFactory(email="thomas@example.com")
    log_in(client, user.email)
    secret = activate_totp(client)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    client.logout()

    response = log_in(client, user.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_recovery_code_logs_in_once(client):
    user = UserFactory(email="thomas@example.com")
    log_in(client, user.email)
    activate_totp(client)
    codes = RecoveryCodes(
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    )
    code = codes.get_unused_codes()[0]
    client.logout()

    log_in(client, user.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.session["_auth_user_id"] == str(user.pk)
    client.logout()
    log_in(client, user.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(client):
    UserFactory(email="sabine@example.com")
    client.post(reverse("account_reset_password"), {"email": "sabine@example.com"})
    assert mail.outbox[-1].to == ["sabine@example.com"]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mail.outbox[-1].body).group(0)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "new long pass phrase 7", "password2": "new long pass phrase 7"},
    )
    assert response.status_code == 302
    assert log_in(client, "sabine@example.com", "new long pass phrase 7").status_code == 302


def test_organisation_requiring_2fa_sends_members_without_it_to_set_up(login, owner, org):
    org.require_2fa = True
    org.save()
    response = login(owner).get(org.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_member_with_2fa_enters_an_organisation_that_requires_it(client, org, owner):
    org.require_2fa = True
    org.save()
    log_in(client, owner.email)
    activate_totp(client)
    assert client.get(org.get_absolute_url()).status_code == 200
