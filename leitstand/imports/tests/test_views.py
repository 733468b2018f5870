"""The import pages: upload, correct the mapping, preview, commit, report, history."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leitstand.flows.models import Integration
from leitstand.imports.models import ImportRun
from leitstand.imports.reader import read_sheets
from leitstand.imports.tests.corpus import (
    german_csv_bytes,
    write_german_xlsx,
    write_landscape_xlsx,
)
from leitstand.inventory.models import System


def _upload(client, org, name: str, data: bytes):
    return client.post(
        reverse("imports:start", kwargs={"org": org.slug}),
        {"file": SimpleUploadedFile(name, data)},
    )


def test_editor_uploads_corrects_mapping_previews_and_commits(login, org, editor, tmp_path):
    client = login(editor)
    data = write_german_xlsx(tmp_path / "liste.xlsx").read_bytes()
    response = _upload(client, org, "IT-Liste.xlsx", data)
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("imports:preview", kwargs={"org": "acme", "pk": run.pk})

    page = client.get(response["Location"])
    text = page.content.decode()
    assert "Software 2024" in text
    assert "Erika Muster" in text and "DATEV eG" in text  # new people and vendors listed
    assert "A totals row" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # shown escaped
    assert "<script>alert(1)" not in text

    form = {"sheet": "Software 2024", "header_row": "4"}
    form.update({f"column_{c}": f for c, f in run.mapping.items()})
    form["column_7"] = "description"  # "Bemerkung" goes to the description instead
    client.post(response["Location"], form)
    run.refresh_from_db()
    assert run.mapping["7"] == "description"

    committed = client.post(reverse("imports:commit", kwargs={"org": "acme", "pk": run.pk}))
    assert committed["Location"] == reverse("imports:report", kwargs={"org": "acme", "pk": run.pk})
    assert System.objects.for_org(org).get(name="DATEV").description == "Lohn und Fibu"
    report = client.get(committed["Location"]).content.decode()
    assert 'id="count-created">6<' in report
    assert "A totals row, not a system." in report


def test_two_columns_for_one_field_are_refused(login, org, editor):
    client = login(editor)
    _upload(client, org, "liste.csv", german_csv_bytes())
    run = ImportRun.objects.get()
    form = {"sheet": run.sheet, "header_row": str(run.header_row + 1)}
    form.update({f"column_{c}": f for c, f in run.mapping.items()})
    form["column_7"] = "name"
    response = client.post(reverse("imports:preview", kwargs={"org": "acme", "pk": run.pk}), form)
    assert response.status_code == 200
    assert "is already filled from the column" in response.content.decode()


def test_changing_the_header_row_proposes_a_new_mapping(login, org, editor):
    client = login(editor)
    _upload(client, org, "liste.csv", german_csv_bytes())
    run = ImportRun.objects.get()
    form = {"sheet": run.sheet, "header_row": "2"}  # the empty row below the title
    client.post(reverse("imports:preview", kwargs={"org": "acme", "pk": run.pk}), form)
    run.refresh_from_db()
    assert run.header_row == 1
    assert run.mapping == {}
    page = client.get(reverse("imports:preview", kwargs={"org": "acme", "pk": run.pk}))
    assert "Choose the column that holds the name" in page.content.decode()


def test_a_wrong_file_gets_a_message_on_the_page(login, org, editor):
    response = _upload(login(editor), org, "liste.xlsx", b"%PDF-1.5")
    assert response.status_code == 200
    assert "not what its name says" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_files_over_the_limit_are_refused(login, org, editor, settings):
    settings.LEITSTAND_IMPORT_MAX_BYTES = 100
    response = _upload(login(editor), org, "liste.csv", german_csv_bytes())
    assert "files up to" in response.content.decode()


def test_viewer_sees_history_and_template_but_cannot_upload(login, org, viewer):
    client = login(viewer)
    page = client.get(reverse("imports:start", kwargs={"org": "acme"}))
    assert "Only editors and owners can import." in page.content.decode()
    template = client.get(reverse("imports:template", kwargs={"org": "acme"}))
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    assert _upload(client, org, "liste.csv", german_csv_bytes()).status_code == 403


def test_template_has_headers_in_the_users_language_and_imports_cleanly(
    login, org, editor, tmp_path
):
    client = login(editor)
    client.cookies["leitstand_language"] = "de"
    template = client.get(reverse("imports:template", kwargs={"org": "acme"}))
    path = tmp_path / "vorlage.xlsx"
    path.write_bytes(template.content)
    sheets = read_sheets(path, path.name)
    assert sheets[0].name == "Systeme"
    assert sheets[0].rows[0][12] == "Jährliche Kosten (EUR)"
    assert sheets[1].name == "Schnittstellen"
    assert sheets[1].rows[0][:4] == [
        "Von System",
        "An System",
        "Übertragene Daten",
        "Art der Übertragung",
    ]
    assert sheets[1].rows[1][3] == "von Hand abgetippt"
    response = _upload(client, org, "vorlage.xlsx", template.content)
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert len(run.mapping) == 27  # every template column is recognised
    client.post(reverse("imports:commit", kwargs={"org": "acme", "pk": run.pk}))
    assert System.objects.for_org(org).count() == 2
    follow = client.post(reverse("imports:continue", kwargs={"org": "acme", "pk": run.pk}))
    second = ImportRun.objects.get(continued_from=run)
    assert follow["Location"] == reverse("imports:preview", kwargs={"org": "acme", "pk": second.pk})
    assert len(second.mapping) == 11  # every column of the integrations sheet too
    client.post(reverse("imports:commit", kwargs={"org": "acme", "pk": second.pk}))
    flow = Integration.objects.for_org(org).get()
    assert (flow.method, flow.frequency, flow.runs_per_period) == ("manual", "day", 40)


def test_original_file_is_kept_and_can_be_downloaded(login, org, editor):
    client = login(editor)
    data = german_csv_bytes()
    _upload(client, org, "liste.csv", data)
    run = ImportRun.objects.get()
    download = client.get(reverse("imports:file", kwargs={"org": "acme", "pk": run.pk}))
    assert b"".join(download.streaming_content) == data
    assert f"imports/{org.pk}/" in run.file.name


def test_removing_an_import_from_the_history_asks_first(login, org, editor):
    client = login(editor)
    _upload(client, org, "liste.csv", german_csv_bytes())
    run = ImportRun.objects.get()
    url = reverse("imports:delete", kwargs={"org": "acme", "pk": run.pk})
    assert "Remove" in client.get(url).content.decode()
    client.post(url)
    assert ImportRun.objects.count() == 0


def _url(name: str, run: ImportRun) -> str:
    return reverse(f"imports:{name}", kwargs={"org": "acme", "pk": run.pk})


def test_integrations_of_a_workbook_are_imported_in_a_second_step(login, org, editor, tmp_path):
    client = login(editor)
    data = write_landscape_xlsx(tmp_path / "landschaft.xlsx").read_bytes()
    _upload(client, org, "Landschaft.xlsx", data)
    first = ImportRun.objects.get()
    preview = client.get(_url("preview", first)).content.decode()
    assert "also holds integrations, in the sheet “Schnittstellen”" in preview
    client.post(_url("commit", first))
    report = client.get(_url("report", first)).content.decode()
    assert "Import the integrations from this file" in report

    response = client.post(_url("continue", first))
    second = ImportRun.objects.get(continued_from=first)
    assert response["Location"] == _url("preview", second)
    page = client.get(response["Location"]).content.decode()
    assert '<option value="integrations" selected>' in page
    assert "Newsletter-Kontakte" in page  # a data object that will be created
    assert "There is no system “Altes Tool”." in page
    assert "17,5" not in page and "17.5" in page  # minutes "15-20", in English notation
    assert "2\u00a0%" in page
    assert "Altes Tool → ERP" in page  # a skipped row is named by its systems

    client.post(_url("commit", second))
    assert Integration.objects.for_org(org).count() == 6
    report = client.get(_url("report", second)).content.decode()
    assert "Show the integrations" in report and 'id="count-created">6<' in report
    assert "The integrations in the sheet" in client.get(_url("report", first)).content.decode()
    history = client.get(reverse("imports:start", kwargs={"org": "acme"})).content.decode()
    assert "Integrations <span" in history and "Systems <span" in history


def test_the_upload_can_say_what_the_file_holds(login, org, editor, tmp_path):
    client = login(editor)
    data = write_landscape_xlsx(tmp_path / "landschaft.xlsx").read_bytes()
    client.post(
        reverse("imports:start", kwargs={"org": "acme"}),
        {"file": SimpleUploadedFile("Landschaft.xlsx", data), "target": "integrations"},
    )
    run = ImportRun.objects.get()
    assert (run.target, run.sheet) == ("integrations", "Schnittstellen")


def test_the_preview_can_change_what_the_sheet_holds(login, org, editor):
    client = login(editor)
    _upload(client, org, "liste.csv", german_csv_bytes())
    run = ImportRun.objects.get()
    form = {"target": "integrations", "sheet": run.sheet, "header_row": str(run.header_row + 1)}
    client.post(_url("preview", run), form)
    run.refresh_from_db()
    assert run.target == "integrations"
    assert "name" not in run.mapping.values()
    page = client.get(_url("preview", run)).content.decode()
    assert "Choose a column for each of: From system, To system, Method." in page


def test_viewer_cannot_start_the_next_step(login, org, editor, viewer, tmp_path):
    data = write_landscape_xlsx(tmp_path / "landschaft.xlsx").read_bytes()
    _upload(login(editor), org, "Landschaft.xlsx", data)
    run = ImportRun.objects.get()
    assert login(viewer).post(_url("continue", run)).status_code == 403
    assert ImportRun.objects.count() == 1
