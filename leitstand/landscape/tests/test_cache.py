"""The analysis kept between requests: never served after a change, never to another
organisation, in the reader's language, and bounded."""

import threading
import time
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.analysis import analyze
from leitstand.api.tokens import create_token
from leitstand.core.audit import history_for
from leitstand.imports.tests.corpus import write_german_xlsx
from leitstand.inventory import views as cache_views
from leitstand.inventory.forms import SystemForm
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import CapabilityFactory, SystemFactory
from leitstand.landscape import cache
from leitstand.landscape.cache import cached_analysis
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.tenancy.models import LandscapeStamp, Role, TenantModel
from leitstand.tenancy.stamps import landscape_pending, landscape_token
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
    (
        model
        for model in factories_by_model()
        if issubclass(model, TenantModel) and model.in_landscape
    ),
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


def test_reads_and_writes_that_change_nothing_keep_the_stamp(login, editor, org):
    client = login(editor)
    system = SystemFactory(organisation=org, name="ERP", kind="application")
    before = landscape_token(org)
    client.get(reverse("inventory:system_list", kwargs={"org": "acme"}))
    assert landscape_token(org) == before
    # a form with errors writes nothing
    response = client.post(reverse("inventory:system_create", kwargs={"org": "acme"}), {"name": ""})
    assert response.status_code == 200
    assert landscape_token(org) == before
    # an edit saved without a change writes nothing either (and leaves no audit entry)
    entries = history_for(system).count()
    edit = reverse("inventory:system_edit", kwargs={"org": "acme", "pk": system.pk})
    form = SystemForm(instance=system, organisation=org)
    unchanged = {
        name: "" if form[name].value() is None else form[name].value() for name in form.fields
    }
    assert client.post(edit, unchanged).status_code == 302
    assert landscape_token(org) == before
    assert history_for(system).count() == entries
    assert client.post(edit, {**unchanged, "name": "ERP 2"}).status_code == 302
    assert landscape_token(org) != before


def _stamp_updates(captured) -> int:
    table = LandscapeStamp._meta.db_table
    return sum(
        1 for query in captured if query["sql"].startswith("UPDATE") and table in query["sql"]
    )


def test_a_post_renews_the_stamp_once_after_its_writes(login, editor, org):
    client = login(editor)
    capability = CapabilityFactory(organisation=org)
    before = landscape_token(org)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            reverse("inventory:system_create", kwargs={"org": "acme"}),
            {
                "name": "Shop",
                "kind": "application",
                "lifecycle": "active",
                "capabilities": [capability.pk],
            },
        )
    assert response.status_code == 302
    assert _stamp_updates(captured) == 1  # a save, a link and an audit entry: one renewal
    last_write = max(
        index
        for index, query in enumerate(captured)
        if "inventory_system" in query["sql"]
        and query["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
    )
    first_renewal = min(
        index
        for index, query in enumerate(captured)
        if query["sql"].startswith("UPDATE") and LandscapeStamp._meta.db_table in query["sql"]
    )
    assert first_renewal > last_write
    assert landscape_token(org) != before


def test_a_bulk_write_in_a_view_renews_the_stamp(login, editor, org, monkeypatch):
    """Writes that send no signals are seen on the connection."""
    system = SystemFactory(organisation=org, annual_cost=Decimal("10"))
    client = login(editor)
    before = landscape_token(org)
    original = cache_views.SystemUpdate.post

    def post_with_bulk_write(self, request, *args, **kwargs):
        System.objects.filter(pk=system.pk).update(annual_cost=Decimal("99"))
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(cache_views.SystemUpdate, "post", post_with_bulk_write)
    client.post(reverse("inventory:system_edit", kwargs={"org": "acme", "pk": system.pk}), {})
    assert landscape_token(org) != before


@pytest.mark.django_db(transaction=True)
def test_outside_a_request_the_stamp_changes_once_when_the_transaction_commits():
    org = OrganisationFactory()
    before = landscape_token(org)
    with CaptureQueriesContext(connection) as captured, transaction.atomic():
        for number in range(3):
            SystemFactory(organisation=org, name=f"System {number}")
        assert landscape_token(org) == before  # not before the rows are visible
        assert landscape_pending(org)
    assert _stamp_updates(captured) == 1
    assert landscape_token(org) != before
    assert not landscape_pending(org)
    committed = landscape_token(org)
    with pytest.raises(RuntimeError), transaction.atomic():
        SystemFactory(organisation=org, name="Never")
        raise RuntimeError
    assert landscape_token(org) == committed  # rolled back: nothing changed
    SystemFactory(organisation=org, name="Later")  # no transaction: at once
    assert landscape_token(org) != committed


def test_concurrent_misses_for_one_landscape_compute_once(settings, monkeypatch):
    """Single flight: threads asking for the same value while it is computed wait for it."""
    settings.LEITSTAND_ANALYSIS_CACHE_SIZE = 4
    monkeypatch.setattr(cache, "landscape_token", lambda organisation: "token")
    monkeypatch.setattr(cache, "landscape_pending", lambda organisation: False)
    organisation = SimpleNamespace(pk=1)
    calls = []
    started, release = threading.Event(), threading.Event()

    def compute():
        calls.append(threading.get_ident())
        started.set()
        assert release.wait(5)
        return "analysis"

    results = []

    def ask():
        results.append(cache.cached_for_landscape(organisation, "analysis", compute))

    leader = threading.Thread(target=ask)
    leader.start()
    assert started.wait(5)
    followers = [threading.Thread(target=ask) for _ in range(5)]
    for thread in followers:
        thread.start()
    time.sleep(0.2)  # the followers now wait for the leader's computation
    release.set()
    for thread in (leader, *followers):
        thread.join(5)
    assert len(calls) == 1
    assert results == ["analysis"] * 6
    # another value of the same landscape is computed on its own
    assert cache.cached_for_landscape(organisation, "other", lambda: "figures") == "figures"


def test_waiting_threads_compute_themselves_when_the_computation_fails(settings, monkeypatch):
    settings.LEITSTAND_ANALYSIS_CACHE_SIZE = 4
    monkeypatch.setattr(cache, "landscape_token", lambda organisation: "token")
    monkeypatch.setattr(cache, "landscape_pending", lambda organisation: False)
    organisation = SimpleNamespace(pk=1)
    started, release = threading.Event(), threading.Event()

    def failing():
        started.set()
        release.wait(5)
        raise ValueError("broken")

    errors, results = [], []

    def lead():
        try:
            cache.cached_for_landscape(organisation, "analysis", failing)
        except ValueError as error:
            errors.append(error)

    leader = threading.Thread(target=lead)
    leader.start()
    assert started.wait(5)
    follower = threading.Thread(
        target=lambda: results.append(
            cache.cached_for_landscape(organisation, "analysis", lambda: "fresh")
        )
    )
    follower.start()
    time.sleep(0.1)
    release.set()
    leader.join(5)
    follower.join(5)
    assert len(errors) == 1 and results == ["fresh"]


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


def test_the_cache_is_bounded_by_the_size_of_the_landscapes(settings, org, other_org):
    """Memory grows with systems and flows: large landscapes push out others sooner."""
    SystemFactory.create_batch(3, organisation=org)
    SystemFactory.create_batch(2, organisation=other_org)
    settings.LEITSTAND_ANALYSIS_CACHE_SIZE = 8
    settings.LEITSTAND_ANALYSIS_CACHE_ROWS = 4  # systems plus flows of all kept analyses
    computed = []

    def analyse(organisation):
        def compute():
            computed.append(organisation.pk)
            return analyze(landscape_snapshot(organisation))

        return cached_analysis(organisation, compute)

    analyse(org)  # 3 rows: kept
    analyse(org)
    assert computed == [org.pk]
    analyse(other_org)  # 2 more: 5 > 4, the older one goes
    assert cache.cached_count() == 1
    analyse(org)
    assert computed == [org.pk, other_org.pk, org.pk]
    settings.LEITSTAND_ANALYSIS_CACHE_ROWS = 1  # the latest stays even when larger alone
    analyse(other_org)
    analyse(other_org)
    assert cache.cached_count() == 1
    assert computed[-1] == other_org.pk and computed.count(other_org.pk) == 2


def test_a_large_kept_analysis_is_left_out_of_garbage_collection_until_evicted(
    settings, monkeypatch
):
    """Python's full collections walked every object of a kept analysis (pauses of about a
    second at 10,000 systems); a large kept value is frozen, and unfrozen when evicted."""
    import gc

    settings.LEITSTAND_ANALYSIS_CACHE_SIZE = 1
    settings.LEITSTAND_GC_FREEZE_ROWS = 3
    monkeypatch.setattr(cache, "landscape_pending", lambda organisation: False)
    monkeypatch.setattr(cache, "landscape_token", lambda organisation: f"t{organisation.pk}")

    def analysis(systems: int):
        return SimpleNamespace(snapshot=SimpleNamespace(systems=[0] * systems, integrations=[]))

    gc.unfreeze()
    cache.cached_for_landscape(SimpleNamespace(pk=1), "analysis", lambda: analysis(2))
    assert gc.get_freeze_count() == 0  # small: the collector keeps looking at it
    cache.cached_for_landscape(SimpleNamespace(pk=2), "analysis", lambda: analysis(3))
    assert gc.get_freeze_count() > 0
    cache.cached_for_landscape(SimpleNamespace(pk=3), "analysis", lambda: analysis(1))
    assert gc.get_freeze_count() == 0  # the large one was evicted: everything collectable


def test_forgetting_other_values_leaves_a_large_kept_analysis_frozen(settings, monkeypatch):
    """The large benchmark forgets every value but the analysis before each page: unfreezing
    it there let full collections walk its millions of objects again (3 s at 300,000 rows,
    the product proposals' first answer took 9 s instead of 3)."""
    import gc

    settings.LEITSTAND_GC_FREEZE_ROWS = 3
    monkeypatch.setattr(cache, "landscape_pending", lambda organisation: False)
    monkeypatch.setattr(cache, "landscape_token", lambda organisation: "t")
    organisation = SimpleNamespace(pk=1)
    large = SimpleNamespace(snapshot=SimpleNamespace(systems=[0] * 3, integrations=[]))

    gc.unfreeze()
    cache.cached_for_landscape(organisation, "analysis", lambda: large)
    cache.cached_for_landscape(organisation, "proposals", lambda: ["a proposal"])
    assert gc.get_freeze_count() > 0
    cache.forget_all(keeping=("analysis",))
    assert gc.get_freeze_count() > 0
    assert cache.cached_for_landscape(organisation, "analysis", lambda: None) is large
    cache.cached_for_landscape(organisation, "graph", lambda: large)  # holds the snapshot
    cache.forget_all(keeping=("analysis",))
    assert gc.get_freeze_count() > 0  # unfrozen with the dropped value, the analysis again
    cache.forget_all()
    assert gc.get_freeze_count() == 0  # the analysis is dropped: everything collectable
