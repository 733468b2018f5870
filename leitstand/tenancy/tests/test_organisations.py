from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leitstand.inventory.models import Capability
from leitstand.inventory.services import capability_catalogue
from leitstand.tenancy.models import Invitation, Membership, Organisation, Role
from leitstand.tenancy.tests.factories import InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_creating_an_organisation_makes_the_creator_owner_and_seeds_capabilities(login):
    user = UserFactory()
    response = login(user).post(
        reverse("organisation_create"),
        {"name": "Muster Bau GmbH", "employees": "45", "federal_state": "BW"},
    )
    organisation = Organisation.objects.get(slug="muster-bau-gmbh")
    assert response["Location"] == organisation.get_absolute_url()
    assert Membership.objects.get(organisation=organisation, user=user).role == Role.OWNER
    assert Capability.objects.for_org(organisation).count() == len(capability_catalogue()) >= 30
    assert organisation.labour_cost_per_hour == 45
    assert organisation.working_days_per_year == 220
    assert organisation.productive_hours_per_fte == 1600


def test_slug_must_be_unique(login, org):
    response = login(UserFactory()).post(
        reverse("organisation_create"), {"name": "X", "slug": org.slug}
    )
    assert "taken" in str(response.context["form"].errors["slug"])


def test_owner_changes_method_defaults(login, owner, org):
    response = login(owner).post(
        reverse("organisation_settings", kwargs={"org": org.slug}),
        {
            "name": org.name,
            "slug": org.slug,
            "labour_cost_per_hour": "52.50",
            "working_days_per_year": "215",
            "productive_hours_per_fte": "1560",
            "wrap_min_manual_hours": "80",
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (
        float(org.labour_cost_per_hour),
        org.working_days_per_year,
        org.productive_hours_per_fte,
        org.wrap_min_manual_hours,
    ) == (52.5, 215, 1560, 80)


def test_negative_labour_cost_is_rejected(login, owner, org):
    response = login(owner).post(
        reverse("organisation_settings", kwargs={"org": org.slug}),
        {
            "name": org.name,
            "slug": org.slug,
            "labour_cost_per_hour": "-1",
            "working_days_per_year": "220",
            "productive_hours_per_fte": "1600",
        },
    )
    assert "labour_cost_per_hour" in response.context["form"].errors


def test_editor_cannot_open_settings_or_members(login, editor, org):
    client = login(editor)
    assert client.get(reverse("organisation_settings", kwargs={"org": org.slug})).status_code == 403
    assert client.get(reverse("members", kwargs={"org": org.slug})).status_code == 403


def test_home_opens_the_only_organisation_or_the_last_used(login, owner, org, other_org):
    client = login(owner)
    assert client.get(reverse("home"))["Location"] == org.get_absolute_url()
    MembershipFactory(user=owner, organisation=other_org)
    assert client.get(reverse("home"))["Location"] == reverse("organisation_list")
    client.get(org.get_absolute_url())
    assert client.get(reverse("home"))["Location"] == org.get_absolute_url()
    client.get(other_org.get_absolute_url())
    assert client.get(reverse("home"))["Location"] == other_org.get_absolute_url()


def test_the_session_is_written_only_when_the_organisation_changes(login, owner, org, other_org):
    MembershipFactory(user=owner, organisation=other_org, role=Role.VIEWER)
    client = login(owner)

    def session_writes(slug: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("cockpit:home", kwargs={"org": slug})).status_code == 200
        return sum('UPDATE "django_session"' in query["sql"] for query in captured)

    assert session_writes(org.slug) == 1  # remembers the organisation last used
    assert session_writes(org.slug) == 0  # nothing changed: no write on every page
    assert session_writes(other_org.slug) == 1
    assert client.session["last_org"] == other_org.slug


def test_switcher_lists_every_organisation_of_the_user(login, owner, org, other_org):
    MembershipFactory(user=owner, organisation=other_org, role=Role.VIEWER)
    content = login(owner).get(org.get_absolute_url()).content.decode()
    assert other_org.get_absolute_url() in content
    assert "Other AG" in content


def _invite(client, org, email="new@example.com", role="editor"):
    return client.post(reverse("members", kwargs={"org": org.slug}), {"email": email, "role": role})


def _link_from_mail() -> str:
    body = mail.outbox[-1].body
    return next(line for line in body.splitlines() if "/invite/" in line).strip()


def test_invitation_mail_carries_a_link_that_makes_the_recipient_a_member(
    client, login, owner, org
):
    _invite(login(owner), org)
    assert mail.outbox[-1].to == ["new@example.com"]
    link = _link_from_mail()
    client.logout()
    invitee = UserFactory(email="new@example.com")
    page = client.get(link)
    assert "You are invited to Acme GmbH" in page.content.decode()
    client.force_login(invitee, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(link)
    assert response["Location"] == org.get_absolute_url()
    assert Membership.objects.get(user=invitee, organisation=org).role == Role.EDITOR
    assert client.get(link).status_code == 404  # used up


def test_invitation_for_someone_else_is_refused(client, login, owner, org):
    _invite(login(owner), org)
    link = _link_from_mail()
    intruder = UserFactory(email="intruder@example.com")
    client.force_login(intruder, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(link).status_code == 403
    assert not Membership.objects.filter(user=intruder, organisation=org).exists()


def test_token_is_stored_only_as_hash(login, owner, org):
    _invite(login(owner), org)
    token = _link_from_mail().rstrip("/").rsplit("/", 1)[-1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash
    assert len(invitation.token_hash) == 64


def test_expired_invitation_shows_a_plain_page(client, org):
    InvitationFactory(
        organisation=org, token_hash="x" * 64, expires_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(reverse("invitation", kwargs={"token": "whatever"}))
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_invitation_opens_sign_up_even_when_it_is_closed(client, login, owner, org, settings):
    settings.LEITSTAND_OPEN_SIGNUP = False
    assert "closed" in client.get(reverse("account_signup")).content.decode().lower()
    _invite(login(owner), org, email="fresh@example.com")
    link = _link_from_mail()
    client.logout()
    client.get(link)
    response = client.post(
        reverse("account_signup"),
        {
            "email": "fresh@example.com",
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )
    assert response.status_code == 302
    invitation_path = "/invite/" + link.rstrip("/").rsplit("/", 1)[-1] + "/"
    assert response["Location"] == invitation_path
    assert client.post(link)["Location"] == org.get_absolute_url()


def test_inviting_an_existing_member_is_refused(login, owner, org):
    response = _invite(login(owner), org, email=owner.email)
    assert "already a member" in str(response.context["form"].errors["email"])


def test_owner_changes_a_role(login, owner, editor, org):
    membership = Membership.objects.get(user=editor, organisation=org)
    login(owner).post(
        reverse("member_role", kwargs={"org": org.slug, "pk": membership.pk}), {"role": "viewer"}
    )
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_the_last_owner_cannot_step_down_or_leave(login, owner, org):
    membership = Membership.objects.get(user=owner, organisation=org)
    client = login(owner)
    client.post(
        reverse("member_role", kwargs={"org": org.slug, "pk": membership.pk}), {"role": "viewer"}
    )
    client.post(reverse("member_remove", kwargs={"org": org.slug, "pk": membership.pk}))
    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_owner_removes_a_member_after_confirmation(login, owner, editor, org):
    membership = Membership.objects.get(user=editor, organisation=org)
    client = login(owner)
    path = reverse("member_remove", kwargs={"org": org.slug, "pk": membership.pk})
    assert "Remove editor@acme.example" in client.get(path).content.decode()
    client.post(path)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert login(editor).get(org.get_absolute_url()).status_code == 404
