import pytest
from django.urls import reverse

from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import (
    CapabilityFactory,
    PersonFactory,
    SystemFactory,
    VendorFactory,
)
from leitstand.processes.tests.factories import ProcessFactory, ProcessStepFactory

pytestmark = pytest.mark.django_db


def _landscape(org):
    crm = CapabilityFactory(organisation=org, name_en="CRM")
    for name in ("CAS", "HubSpot"):
        SystemFactory(organisation=org, name=name).capabilities.add(crm)
    IntegrationFactory(
        organisation=org,
        source__name="Outlook",
        target__name="ERP",
        runs_per_period=40,
        minutes_per_run=17,
        error_rate_percent=3,
        minutes_to_fix_error=15,
    )


def test_members_get_the_analysis_as_json(login, viewer, org):
    _landscape(org)
    response = login(viewer).get(reverse("findings:analysis_json", kwargs={"org": "acme"}))
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["systems"] == 4
    assert data["integrations"] == 1
    assert data["manual_hours_per_year"] == 2493.3
    assert data["manual_eur_per_year"] == 112200.0
    (overlap,) = data["overlaps"]
    assert overlap["capability"] == "CRM"
    assert sorted(overlap["systems"]) == ["CAS", "HubSpot"]
    assert overlap["saving_eur_per_year"] == 1200.0
    first = data["findings"][0]
    assert first["kind"] == "manual_transfer"
    assert first["subjects"][0] == "Outlook → ERP"
    assert first["eur_per_year"] == 115170.0
    assert first["hours_per_year"] == 2559.3
    assert "8,800 runs × 17 min ÷ 60 = 2,493 h" in first["explanation"]  # noqa: RUF001


def test_json_follows_the_users_language(login, viewer, org, client):
    _landscape(org)
    client = login(viewer)
    client.cookies["leitstand_language"] = "de"
    data = client.get(
        reverse("findings:analysis_json", kwargs={"org": "acme"}), HTTP_ACCEPT_LANGUAGE="de"
    ).json()
    assert "Arbeitstag" in data["findings"][0]["explanation"]


def test_outsiders_get_no_json(login, outsider, org):
    assert login(outsider).get("/o/acme/analysis.json").status_code == 404


def test_findings_page_shows_totals_findings_and_gaps(login, viewer, org):
    _landscape(org)
    IntegrationFactory(organisation=org, runs_per_period=None, source__name="Fax")
    response = login(viewer).get(reverse("findings:findings", kwargs={"org": "acme"}))
    html = response.content.decode()
    assert "2,493 h" in html
    assert "Manual data transfer" in html
    assert "Overlapping systems" in html
    assert 'id="data-gaps"' in html and "How often data goes from Fax" in html


def test_findings_page_filters_by_kind(login, viewer, org):
    _landscape(org)
    response = login(viewer).get(
        reverse("findings:findings", kwargs={"org": "acme"}), {"kind": "overlap"}
    )
    groups = response.context["worklist"]["groups"]
    assert [work.group.kind for work in groups] == ["overlap"]


def test_findings_page_without_data_explains_what_to_do(login, viewer):
    html = login(viewer).get(reverse("findings:findings", kwargs={"org": "acme"})).content.decode()
    assert "Nothing found yet" in html


def test_cockpit_shows_totals_and_top_findings_with_links(login, viewer, org):
    _landscape(org)
    html = login(viewer).get(reverse("cockpit:home", kwargs={"org": "acme"})).content.decode()
    assert 'id="findings-section"' in html
    assert 'id="kpi-manual-hours"' in html and "2,493 h" in html
    assert "€112,200" in html
    assert "/o/acme/integrations/" in html  # the finding links to its flow


@pytest.mark.parametrize("size", [2, 12])
def test_cockpit_and_findings_queries_do_not_grow(
    login, viewer, org, size, django_assert_max_num_queries
):
    for _ in range(size):
        IntegrationFactory(organisation=org)
    client = login(viewer)
    cockpit = reverse("cockpit:home", kwargs={"org": "acme"})
    # + the company check, + the landscape stamp (read for the analysis, the inventory figures
    # and the chart, which are kept together)
    with django_assert_max_num_queries(40):  # + the finding groups kept with the analysis,
        # + the cockpit's next steps (flows, processes, company check, milestones due)
        assert client.get(cockpit).status_code == 200
    # Kept: no snapshot (20) and no inventory counts, only the session, the membership, the
    # three stamp reads and the sections' own small queries.
    with django_assert_max_num_queries(11):
        assert client.get(cockpit).status_code == 200
    # The analysis the cockpit ran is kept: the findings page loads no snapshot (20 queries).
    with django_assert_max_num_queries(8):
        assert client.get(reverse("findings:findings", kwargs={"org": "acme"})).status_code == 200


def test_a_finding_with_many_subjects_links_the_first_nine_and_counts_all(login, viewer, org):
    for number in range(12):
        SystemFactory(organisation=org, name=f"Island {number:02d}")
    page = login(viewer).get(reverse("findings:findings", kwargs={"org": "acme"}))
    groups = page.context["worklist"]["page"]
    (work,) = [w for w in groups if w.group.kind == "isolated_systems"]
    (isolated,) = work.shown
    assert isolated.subject_count == 12
    assert len(isolated.subjects) == 9
    for link in isolated.subjects:
        system = System.objects.get(organisation=org, name=link.name)
        assert link.url == system.get_absolute_url()
    assert "12 in all" in page.content.decode()


def test_the_quick_win_total_stands_on_findings_cockpit_and_roadmap(login, viewer, org):
    _landscape(org)  # CAS and HubSpot overlap; the factory's CAS is kept, HubSpot's licence ends
    client = login(viewer)
    data = client.get(reverse("findings:analysis_json", kwargs={"org": "acme"})).json()
    total = data["quick_wins"]["total"]
    assert (
        total
        == data["quick_wins"]["cash_eur_per_year"] + data["quick_wins"]["capacity_eur_per_year"]
    )
    assert [row["retire"] for row in data["quick_wins"]["list"]] == data["overlaps"][0]["retire"]
    # The roadmap's interface (issue 16): eur_per_year and items with subject, action, figure.
    assert data["quick_wins"]["eur_per_year"] == total
    items = data["quick_wins"]["items"]
    assert [item["subject"] for item in items] == data["overlaps"][0]["retire"]
    assert sum(item["eur_per_year"] for item in items) == pytest.approx(total)
    assert all(item["action"].startswith("Retire ") for item in items)
    shown = f"€{total:,.0f}"
    for name in ("findings:findings", "cockpit:home", "roadmap:roadmap"):
        html = client.get(reverse(name, kwargs={"org": "acme"})).content.decode()
        assert shown in html, name
        assert "quick-win" in html, name


def test_every_quick_win_stands_on_the_findings_page_and_the_roadmap(login, viewer, org):
    """Issue 16, point 8: an unneeded step (capacity), a retired system still paid for (cash)
    and a person who alone runs a critical system (a risk) beside the retirements; each with
    what to do, cash or capacity, and the first 12 months."""
    _landscape(org)
    fax_vendor = VendorFactory(organisation=org, name="Fax AG", notice_period_months=1)
    SystemFactory(
        organisation=org, name="Old fax", lifecycle="retired", annual_cost=1200, vendor=fax_vendor
    )
    anna = PersonFactory(organisation=org, name="Anna Alone")
    SystemFactory(organisation=org, name="Payroll", owner=anna, personal_data=True)
    process = ProcessFactory(organisation=org, name="Invoicing", runs_per_period=10)
    ProcessStepFactory(
        organisation=org,
        process=process,
        name="File a paper copy",
        minutes_per_run=6,
        error_rate_percent=0,
        needed="no",
    )
    client = login(viewer)
    data = client.get(reverse("findings:analysis_json", kwargs={"org": "acme"})).json()
    quick = data["quick_wins"]
    assert quick["total"] == 1200.0  # the retirement of HubSpot alone, as before
    items = {item["kind"]: item for item in quick["items"]}
    assert set(items) == {"retire_overlap", "remove_step", "end_licence", "name_deputy"}
    step = items["remove_step"]
    assert step["subject"] == "File a paper copy"
    assert step["hours_per_year"] == 220.0  # 10 a day x 220 days x 6 min / 60
    assert step["capacity_eur_per_year"] == 9900.0
    assert step["first_12_months"]["capacity_eur"] == 9075.0  # from next month: 11 of 12
    fax = items["end_licence"]
    assert fax["subject"] == "Old fax"
    assert fax["cash_eur_per_year"] == 1200.0 and fax["capacity_eur_per_year"] == 0.0
    # Notice given now ends it in a month; it saves from the month after: 10 of 12 months.
    assert fax["first_12_months"]["cash_eur"] == 1000.0
    assert "notice given now" in fax["first_12_months"]["how"]
    deputy = items["name_deputy"]
    assert deputy["subject"] == "Anna Alone" and deputy["eur_per_year"] == 0.0
    assert quick["risks_removed"] == 1
    assert quick["eur_per_year"] == pytest.approx(sum(i["eur_per_year"] for i in quick["items"]))
    assert quick["items_cash_eur_per_year"] == 1200.0 + 1200.0

    for name, table in (
        ("findings:findings", "findings-all-quick-wins"),
        ("roadmap:roadmap", "roadmap-all-quick-wins"),
    ):
        html = client.get(reverse(name, kwargs={"org": "acme"})).content.decode()
        assert f'id="{table}"' in html, name
        for text in (
            "File a paper copy",
            "Remove the step",
            "End the licence of Old fax",
            "Name and train a deputy for Anna Alone",
            "€9,075 capacity",
            "€1,000 cash",
            "a risk removed",
        ):
            assert text in html, (name, text)
    german = client.get(
        reverse("roadmap:roadmap", kwargs={"org": "acme"}), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert "Alle schnellen Erfolge ohne neue Technik" in german


def test_the_quick_win_table_keeps_every_kind_when_one_kind_has_thousands():
    from types import SimpleNamespace

    from leitstand.analysis.quick_win_list import QuickWinKind
    from leitstand.roadmap.quick_wins import _first_of_each_kind

    retire = [SimpleNamespace(kind=QuickWinKind.RETIRE_OVERLAP, n=n) for n in range(4000)]
    step = [SimpleNamespace(kind=QuickWinKind.REMOVE_STEP, n=0)]
    deputy = [SimpleNamespace(kind=QuickWinKind.NAME_DEPUTY, n=n) for n in range(3)]
    kept = _first_of_each_kind(retire + step + deputy, 10)
    assert [item.n for item in kept[:10]] == list(range(10))  # the largest retirements
    assert kept[10:] == step + deputy


def test_a_manual_transfer_group_says_its_figure_includes_fixing_errors(login, viewer, org):
    """Issue 21: the group "Manual transfer (3 findings)" showed more hours than the totals
    above for all flows. The group adds up its findings (handling plus fixing errors), the
    totals show the two apart: the group says so, and its figure is their sum."""
    for _ in range(3):
        IntegrationFactory(organisation=org)  # manual, 2 % errors, 15 minutes to fix each
    page = login(viewer).get(reverse("findings:findings", kwargs={"org": "acme"}))
    totals = page.context["totals"]
    (work,) = [w for w in page.context["worklist"]["page"] if w.group.kind == "manual_transfer"]
    assert totals.counted == 3 and work.group.count == 3
    assert totals.error_hours > 0
    assert work.hours_per_year == totals.manual_hours + totals.error_hours
    assert work.eur_per_year == totals.manual_eur + totals.error_eur
    assert work.figure_note == (
        "a year for these 3 findings, including fixing errors (the totals above show them apart)"
    )
    assert work.figure_note in page.content.decode()
