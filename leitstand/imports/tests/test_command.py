"""`leitstand import`: the same rules as the pages, clear failures, and no half-written import
when the process is killed midway."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from leitstand.flows.models import Integration
from leitstand.imports.models import ImportRun
from leitstand.imports.tests.corpus import (
    LANDSCAPE_SYSTEMS,
    german_csv_bytes,
    integrations_csv_bytes,
    write_german_xlsx,
    write_inventory_xlsx,
    write_landscape_xlsx,
)
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.tenancy.models import Organisation

ROOT = Path(__file__).resolve().parents[3]


def test_import_creates_the_organisation_and_prints_a_summary(db, tmp_path, capsys):
    path = write_german_xlsx(tmp_path / "liste.xlsx")
    call_command("import", str(path), "--org", "muster", "--create-org", "Muster GmbH")
    out = capsys.readouterr().out
    assert "Imported: 6 created, 0 updated, 0 unchanged, 1 skipped." in out
    assert "A totals row" in out
    organisation = Organisation.objects.get(slug="muster")
    assert System.objects.for_org(organisation).count() == 6
    assert ImportRun.objects.for_org(organisation).get().is_done


def test_dry_run_writes_nothing(org, tmp_path, capsys):
    path = tmp_path / "liste.csv"
    path.write_bytes(german_csv_bytes("cp1252"))
    call_command("import", str(path), "--org", "acme", "--dry-run")
    assert "Would import: 4 created" in capsys.readouterr().out
    assert System.objects.for_org(org).count() == 0
    assert ImportRun.objects.count() == 0


def test_mapping_file_is_used(org, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(german_csv_bytes())
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"Bemerkung": "description", "Kosten p.a.": None}))
    call_command("import", str(path), "--org", "acme", "--mapping", str(mapping))
    datev = System.objects.for_org(org).get(name="DATEV")
    assert datev.description == "Lohn und Fibu"
    assert datev.annual_cost is None


def test_a_workbook_with_systems_and_integrations_is_imported_in_one_go(db, tmp_path, capsys):
    path = write_landscape_xlsx(tmp_path / "landschaft.xlsx")
    call_command("import", str(path), "--org", "muster", "--create-org", "Muster GmbH")
    out = capsys.readouterr().out
    assert "Systems from sheet “Systeme”" in out
    assert "Integrations from sheet “Schnittstellen”, header row 3: Von → source" in out
    assert "Imported: 7 created" in out and "Imported: 6 created" in out
    assert "row 9 skipped (Altes Tool → ERP): From system: There is no system" in out
    organisation = Organisation.objects.get(slug="muster")
    assert Integration.objects.for_org(organisation).count() == 6
    runs = ImportRun.objects.for_org(organisation).order_by("pk")
    assert [(run.target, run.is_done) for run in runs] == [
        ("systems", True),
        ("integrations", True),
    ]


def test_dry_run_of_a_workbook_shows_both_steps_and_writes_nothing(org, tmp_path, capsys):
    path = write_landscape_xlsx(tmp_path / "landschaft.xlsx")
    call_command("import", str(path), "--org", "acme", "--dry-run")
    out = capsys.readouterr().out
    assert "Would import: 7 created" in out and "Would import: 6 created" in out
    assert System.objects.for_org(org).count() == 0
    assert ImportRun.objects.count() == 0
    assert not list((Path(settings.MEDIA_ROOT) / "imports").rglob("*.xlsx"))


def test_an_integration_csv_is_recognised_and_the_mapping_may_name_the_target(
    org, tmp_path, capsys
):
    for name in LANDSCAPE_SYSTEMS:
        SystemFactory(organisation=org, name=name)
    path = tmp_path / "schnittstellen.csv"
    path.write_bytes(integrations_csv_bytes("cp1252"))
    call_command("import", str(path), "--org", "acme")
    assert "Imported: 5 created, 0 updated, 0 unchanged, 5 skipped." in capsys.readouterr().out
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps({"target": "integrations", "columns": {"Bemerkung": None, "Art": "method"}})
    )
    call_command("import", str(path), "--org", "acme", "--mapping", str(mapping))
    assert "0 created, 0 updated, 5 unchanged" in capsys.readouterr().out
    assert Integration.objects.for_org(org).count() == 5


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.xlsx", "--org", "acme"], "No such file"),
        (["{csv}", "--org", "nobody"], "No organisation"),
        (["{csv}", "--org", "acme", "--create-org", "Again"], "exists already"),
        (["{csv}", "--org", "acme", "--mapping", "{bad_mapping}"], "Unknown fields"),
        (["{csv}", "--org", "acme", "--mapping", "{bad_target}"], "Unknown target 'flows'"),
        (["{pdf}", "--org", "acme"], "not what its name says"),
    ],
)
def test_failures_exit_with_a_clear_message(org, tmp_path, arguments, message):
    csv_path = tmp_path / "liste.csv"
    csv_path.write_bytes(german_csv_bytes())
    pdf = tmp_path / "liste.xlsx"
    pdf.write_bytes(b"%PDF-1.7")
    bad_mapping = tmp_path / "mapping.json"
    bad_mapping.write_text(json.dumps({"Anwendung": "colour"}))
    bad_target = tmp_path / "target.json"
    bad_target.write_text(json.dumps({"target": "flows", "columns": {}}))
    paths = {"csv": csv_path, "pdf": pdf, "bad_mapping": bad_mapping, "bad_target": bad_target}
    with pytest.raises(CommandError, match=message):
        call_command("import", *[argument.format(**paths) for argument in arguments])


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "leitstand.cli", *args]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(args[:2])} failed:\n{done.stdout}\n{done.stderr}"
    return done


def test_killing_the_import_midway_leaves_nothing_half_written(tmp_path):
    database = tmp_path / "kill.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "LEITSTAND_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "leitstand.settings",
        "LEITSTAND_MAX_SYSTEMS": "100000",  # beyond the supported size, to be slow enough
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # a command counts no metrics in a shared folder
    _run(["migrate", "--noinput", "-v0"], env)
    small = tmp_path / "small.csv"
    small.write_bytes(b"Name\nFirst system\n")
    _run(["import", str(small), "--org", "kill", "--create-org", "Kill GmbH"], env)
    big = write_inventory_xlsx(tmp_path / "big.xlsx", 30_000)
    wal = Path(f"{database}-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "leitstand.cli", "import", str(big), "--org", "kill"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > wal_before + 2_000_000:
            break  # the import is writing its rows inside the transaction
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, (
        f"the import ended by itself ({process.returncode}) before it could be killed: "
        f"{errors.read_text(errors='replace')[-2000:]}"
    )
    with sqlite3.connect(database) as connection:
        systems = connection.execute("select count(*) from inventory_system").fetchone()[0]
        people = connection.execute("select count(*) from inventory_person").fetchone()[0]
        runs = connection.execute("select count(*) from imports_importrun").fetchone()[0]
    assert (systems, people, runs) == (1, 0, 1)
    # The killed import left its upload behind, with no record: the cleanup removes it.
    uploads = (tmp_path / "var" / "media" / "imports").rglob("*.*")
    assert sorted(path.name for path in uploads) == ["big.xlsx", "small.csv"]
    _run(["cleanup_imports", "--older-than", "0"], env)
    left = (tmp_path / "var" / "media" / "imports").rglob("*.*")
    assert [path.name for path in left] == ["small.csv"]


def _messy_csv(tmp_path) -> Path:
    path = tmp_path / "geraete.csv"
    path.write_text(
        "System;Betrieb;Verantwortlich;Abteilung;Kritikalität;Zustand (1-5);Integration\n"
        "Firewall;Appliance;Thomas Becker;IT;5;4;keine\n"
        "Keller-Server;Keller;T. Becker;Vertieb;4;2;Datei\n"
        "CRM;Cloud (SaaS);Frau Krüger;Vertrieb;3;5;API\n",
        encoding="utf-8",
    )
    return path


def test_mapping_names_values_and_scales_and_yes_merge_merges(org, tmp_path, capsys):
    """The issue's example: "values": {"hosting": {"Appliance": "on_premises"}}."""
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "values": {"hosting": {"Appliance": "on_premises", "Keller": "on_premises"}},
                "scales": {"criticality": "1-5"},
            }
        )
    )
    path = _messy_csv(tmp_path)
    call_command("import", str(path), "--org", "acme", "--mapping", str(mapping), "--yes-merge")
    out = capsys.readouterr().out
    assert "“T. Becker” is probably “Thomas Becker”: merged" in out
    assert "“Vertieb” is probably “Vertrieb”: merged" in out
    assert "3 assessments recorded" in out
    systems = {s.name: s for s in System.objects.for_org(org).select_related("owner")}
    assert systems["Firewall"].hosting == systems["Keller-Server"].hosting == "on_premises"
    assert systems["Keller-Server"].owner.name == "Thomas Becker"
    assert systems["CRM"].owner.name == "Krüger"
    assert {d.name for d in systems["Keller-Server"].departments.all()} == {"Vertrieb"}
    scores = {a.system.name: a.criticality for a in systems["CRM"].assessments.all()}
    assert scores == {"CRM": 3}  # 3 on 1-5 is 3 on 1-4 (rounded half up from 2.5)


def test_without_yes_merge_names_stay_apart_and_unclear_values_are_listed(org, tmp_path, capsys):
    call_command("import", str(_messy_csv(tmp_path)), "--org", "acme")
    out = capsys.readouterr().out
    assert "“T. Becker” is probably “Thomas Becker”: kept apart (--yes-merge merges)" in out
    assert "“Keller” not understood, left empty (1 rows)" in out
    assert '"values": {"hosting": {"Keller": "..."}}' in out
    assert "hosting: “Appliance” read as" not in out  # "Appliance" is a known word
    assert "numbers from 3 to 5, scale unknown" in out
    keller = System.objects.for_org(org).get(name="Keller-Server")
    assert keller.hosting == "" and keller.owner.name == "T. Becker"


def test_a_value_that_is_no_choice_is_refused_with_the_choices(org, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"values": {"hosting": {"Keller": "basement"}}}))
    with pytest.raises(CommandError, match="“basement” is not a value of hosting"):
        call_command(
            "import", str(_messy_csv(tmp_path)), "--org", "acme", "--mapping", str(mapping)
        )
    assert System.objects.for_org(org).count() == 0


def test_choices_given_once_are_remembered_for_the_next_import(org, tmp_path, capsys):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"values": {"hosting": {"Keller": "on_premises"}}}))
    path = _messy_csv(tmp_path)
    call_command("import", str(path), "--org", "acme", "--mapping", str(mapping), "--dry-run")
    call_command("import", str(path), "--org", "acme", "--mapping", str(mapping))
    capsys.readouterr()
    other = tmp_path / "andere-liste.csv"
    other.write_text("Anwendung;Hosting\nArchiv;Keller\n", encoding="utf-8")
    call_command("import", str(other), "--org", "acme")
    out = capsys.readouterr().out
    assert "not understood" not in out
    assert System.objects.for_org(org).get(name="Archiv").hosting == "on_premises"
