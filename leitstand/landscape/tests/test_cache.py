"""The analysis kept between requests: never served after a change, never to another
organisation, in the reader's language, and bounded."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.analysis import analyze
from leitstand.api.tokens import create_token
from leitstand.imports.tests.corpus import write_german_xlsx
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import CapabilityFactory, SystemFactory
from leitstand.landscape import cache
from leitstand.landscape.cache import cached_analysis
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.tenancy.models import Role, TenantModel
from leitstand.tenancy.stamps import landscape_token
from leitstand.tenancy.tests.factories import MembershipFactory, OrganisationFactory
from tests.urlwalk import factories_by_model

pytestmark = pytest.mark.django_db


def analysis_of(client, slug: str = "acme") -> dict:
    response = client.get(reverse("findings:analysis_json", kwargs={"org": slug}))
    assert response.status_code == 200
    return response.json()


def two_crm_systems(org) -> tuple[System, System]:
    crm = CapabilityFactory(organisation=org, name_en="CRM", name_de="Kundenverwaltung")
    first = SystemFactory(organisation=org, name="CAS", annual_cost=Decimal("1000"))
    second = SystemFactory(organisation=org, name="HubSpot", annual_cost=Decimal("1000"))
    first.capabilities.add(crm)
    second.capabilities.add(crm)
    return first, second


def saving(data: dict) -> float:
    (overlap,) = data["overlaps"]
    return overlap["saving_eur_per_year"]


TENANT_MODELS = sorted(
    (model for model in factories_by_model() if issubclass(model, TenantModel)),
    key=lambda model: model.__name__,
)


@pytest.mark.parametrize("model", TENANT_MODELS, ids=lambda model: model.__name__)
def test_every_save_and_delete_of_a_tenant_row_changes_the_stamp(org, model):
    factory = factories_by_model()[model]
    before = landscape_token(org)
    row = factory(organisation=org)
    created = landscape_token(org)
    assert created != before
    row.save()
    saved = landscape_token(org)
    assert saved != created
    row.delete()
    assert landscape_token(org) != saved


def test_links_and_the_organisations_settings_change_the_stamp(org):
    system = SystemFactory(organisation=org)
    capability = CapabilityFactory(organisation=org)
    before = landscape_token(org)
    system.capabilities.add(capability)
    linked = landscape_token(org)
    assert linked != before
    org.labour_cost_per_hour = Decimal("60")
    org.save()
    assert landscape_token(org) != linked


def test_another_organisations_change_leaves_the_stamp_alone(org, other_org):
    before = landscape_token(org)
    SystemFactory(organisation=other_org)
    assert landscape_token(org) == before


def test_unsafe_requests_to_an_organisation_change_the_stamp_reads_do_not(login, editor, org):
    client = login(editor)
    before = landscape_token(org)
    client.get(reverse("inventory:system_list", kwargs={"org": "acme"}))
    assert landscape_token(org) == before
    # Even a POST that writes nothing (a form with errors): bulk writes inside a view send
    # no signals, so every unsafe request counts as a change.
    client.post(reverse("inventory:system_create", kwargs={"org": "acme"}), {"name": ""})
    assert landscape_token(org) != before


def test_inline_validation_while_typing_keeps_the_stamp(login, editor, org):
    client = login(editor)
    before = landscape_token(org)
    response = client.post(
        reverse("inventory:system_create", kwargs={"org": "acme"}),
        {"name": "", "annual_cost": "-5"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert landscape_token(org) == before
    assert not System.objects.for_org(org).exists()


def test_the_page_shows_the_kept_analysis_until_a_form_changes_the_landscape(login, editor, org):
    _keep, retire = two_crm_systems(org)  # equal in all but the name: CAS stays
    client = login(editor)
    assert saving(analysis_of(client)) == 1000.0
    assert cache.cached_count() == 1
    assert saving(analysis_of(client)) == 1000.0  # from the cache
    assert cache.cached_count() == 1

    response = client.post(
        reverse("inventory:system_edit", kwargs={"org": "acme", "pk": retire.pk}),
        {
            "name": "HubSpot",
            "kind": "application",
            "lifecycle": "active",
            "annual_cost": "2500",
            "capabilities": [retire.capabilities.get().pk],
        },
    )
    assert response.status_code == 302
    assert saving(analysis_of(client)) == 2500.0
    assert cache.cached_count() == 2


def test_deleting_a_system_is_seen_at_once(login, editor, org):
    first, _second = two_crm_systems(org)
    client = login(editor)
    assert analysis_of(client)["systems"] == 2
    client.post(reverse("inventory:system_delete", kwargs={"org": "acme", "pk": first.pk}))
    data = analysis_of(client)
    assert data["systems"] == 1
    assert data["overlaps"] == []


def test_an_api_write_is_seen_at_once(login, editor, org):
    two_crm_systems(org)
    client = login(editor)
    assert analysis_of(client)["systems"] == 2
    api = APIClient()
    _token, secret = create_token(organisation=org, user=editor, name="test")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = api.post(
        reverse("api:system-list", kwargs={"org": "acme"}), {"name": "Shop"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert analysis_of(client)["systems"] == 3


def test_an_import_from_the_command_line_is_seen_at_once(login, viewer, org, tmp_path):
    client = login(viewer)
    assert analysis_of(client)["systems"] == 0
    call_command("import", str(write_german_xlsx(tmp_path / "liste.xlsx")), "--org", "acme")
    assert analysis_of(client)["systems"] == System.objects.for_org(org).count() > 0


def test_a_company_check_import_is_seen_at_once(login, viewer, org, tmp_path):
    client = login(viewer)
    assert analysis_of(client)["resilience"]["check"] is None
    path = tmp_path / "check.json"
    path.write_text('{"answers": {"01": "met"}}', encoding="utf-8")
    call_command("check_import", str(path), "--org", "acme")
    # 01 met (+3); the other TOP requirements left out count as unknown, not met (-3 each)
    assert analysis_of(client)["resilience"]["check"]["score"] == -9


def test_each_organisation_gets_its_own_analysis(login, viewer, org, other_org):
    MembershipFactory(user=viewer, organisation=other_org, role=Role.VIEWER)
    two_crm_systems(org)
    SystemFactory(organisation=other_org)
    client = login(viewer)
    assert analysis_of(client, "acme")["systems"] == 2
    assert analysis_of(client, other_org.slug)["systems"] == 1
    assert analysis_of(client, "acme")["systems"] == 2


def test_each_language_gets_its_own_names(login, viewer, org):
    two_crm_systems(org)
    client = login(viewer)
    english = analysis_of(client)
    client.cookies["leitstand_language"] = "de"
    german = client.get(
        reverse("findings:analysis_json", kwargs={"org": "acme"}), HTTP_ACCEPT_LANGUAGE="de"
    ).json()
    assert english["overlaps"][0]["capability"] == "CRM"
    assert german["overlaps"][0]["capability"] == "Kundenverwaltung"


def test_the_cache_keeps_the_most_recently_used_and_can_be_off(settings, org):
    organisations = [org, *(OrganisationFactory() for _ in range(2))]
    computed = []

    def analyse(organisation):
        def compute():
            computed.append(organisation.pk)
            return analyze(landscape_snapshot(organisation))

        return cached_analysis(organisation, compute)

    settings.LEITSTAND_ANALYSIS_CACHE_SIZE = 2
    analyse(organisations[0])
    analyse(organisations[1])
    analyse(organisations[0])  # used again: now the most recent
    analyse(organisations[2])  # pushes out organisations[1]
    assert cache.cached_count() == 2
    analyse(organisations[0])
    analyse(organisations[1])
    first, second, third = (organisation.pk for organisation in organisations)
    assert computed == [first, second, third, second]

    cache.forget_all()
    settings.LEITSTAND_ANALYSIS_CACHE_SIZE = 0
    analyse(organisations[0])
    analyse(organisations[0])
    assert cache.cached_count() == 0
    assert computed[-2:] == [organisations[0].pk, organisations[0].pk]
