"""/healthz, /readyz, /metrics and JSON-lines logs (issue 22, point 7)."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client

from leitstand.core import operations
from leitstand.core.logs import JsonFormatter

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _migrations_not_yet_seen(monkeypatch):
    monkeypatch.setattr(operations, "_migrations_seen_applied", False)


def test_healthz_answers_without_the_database(client):
    """No django_db mark: pytest-django fails any query this request would make."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_even_when_the_database_is_gone(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("unable to open database file")

    monkeypatch.setattr(operations, "readyz", broken)  # nothing on the way may need it
    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken)
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_ready_with_a_migrated_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "applied"}


@pytest.mark.django_db
def test_readyz_is_unavailable_while_migrations_are_pending(client, monkeypatch):
    class Pending:
        app_label, name = "inventory", "9999_not_yet"

    monkeypatch.setattr(
        "django.db.migrations.executor.MigrationExecutor.migration_plan",
        lambda self, targets: [(Pending(), False)],
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["unapplied"] == ["inventory.9999_not_yet"]


@pytest.mark.django_db
def test_readyz_is_unavailable_without_a_database(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_metrics_from_this_machine_in_prometheus_format(client, settings):
    settings.LEITSTAND_METRICS_TOKEN = ""
    client.get("/healthz")
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    # the golden signals: traffic and errors by status, latency per view, saturation of caches
    assert "django_http_requests_total_by_view_transport_method_total" in text
    assert "django_http_responses_total_by_status_view_method_total" in text
    assert 'django_http_requests_latency_seconds_by_view_method_bucket{le="0.01"' in text
    assert 'view="healthz"' in text
    assert "leitstand_analysis_cache_lookups_total" in text
    assert "leitstand_import_duration_seconds" in text


@pytest.mark.django_db
def test_metrics_refused_from_elsewhere_and_through_a_proxy(client, settings):
    settings.LEITSTAND_METRICS_TOKEN = ""
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    proxied = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert proxied.status_code == 403


@pytest.mark.django_db
def test_metrics_with_a_token_only_with_that_token(client, settings):
    settings.LEITSTAND_METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
    wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong", REMOTE_ADDR="203.0.113.9")
    assert wrong.status_code == 403
    right = client.get(
        "/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token", REMOTE_ADDR="203.0.113.9"
    )
    assert right.status_code == 200
    assert b"django_http_requests" in right.content


@pytest.mark.django_db
def test_an_analysis_read_twice_counts_one_miss_and_one_hit(org):
    from leitstand.analysis import analyze
    from leitstand.landscape.cache import cache_lookups, cached_analysis
    from leitstand.landscape.snapshot import landscape_snapshot

    def value(result):
        return cache_lookups.labels("analysis", result)._value.get()

    hits, misses = value("hit"), value("miss")
    for _ in range(2):
        cached_analysis(org, lambda: analyze(landscape_snapshot(org)))
    assert (value("miss") - misses, value("hit") - hits) == (1, 1)


@pytest.mark.django_db
def test_probes_pass_the_https_redirect(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/organisations/").status_code == 301


def test_json_formatter_writes_one_object_per_line_with_extras():
    formatter = JsonFormatter()
    record = logging.makeLogRecord(
        {"name": "leitstand.imports", "levelname": "INFO", "msg": "Imported %s rows", "args": (3,)}
    )
    record.organisation = "acme"
    line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Imported 3 rows"
    assert entry["level"] == "INFO" and entry["logger"] == "leitstand.imports"
    assert entry["organisation"] == "acme"
    assert entry["time"].endswith("+00:00")


def test_json_formatter_keeps_exceptions_and_gunicorn_access_fields():
    formatter = JsonFormatter()
    try:
        raise ValueError("bad\nvalue")
    except ValueError:
        record = logging.makeLogRecord(
            {
                "name": "django.request",
                "levelname": "ERROR",
                "msg": "Boom",
                "exc_info": sys.exc_info(),
            }
        )
    entry = json.loads(formatter.format(record))
    assert "ValueError: bad" in entry["exception"]
    access = logging.makeLogRecord(
        {
            "name": "gunicorn.access",
            "levelname": "INFO",
            "msg": "%(h)s %(m)s %(U)s %(s)s",
            "args": {"h": "127.0.0.1", "m": "GET", "U": "/healthz", "s": "200", "L": "0.002"},
        }
    )
    entry = json.loads(formatter.format(access))
    assert entry["method"] == "GET" and entry["path"] == "/healthz" and entry["status"] == "200"


def test_log_format_json_makes_the_django_logs_json_lines(tmp_path):
    """A fresh process with LOG_FORMAT=json logs JSON lines (settings read at start-up)."""
    env = {**os.environ, "LOG_FORMAT": "json", "DJANGO_SETTINGS_MODULE": "leitstand.settings"}
    script = "import django, logging; django.setup(); logging.getLogger('leitstand').warning('hi')"
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    entry = json.loads(done.stderr.strip().splitlines()[-1])
    assert entry["message"] == "hi" and entry["level"] == "WARNING"


def test_an_unknown_log_format_stops_start_up():
    env = {**os.environ, "LOG_FORMAT": "xml", "DJANGO_SETTINGS_MODULE": "leitstand.settings"}
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "LOG_FORMAT" in done.stderr


def _locked(*args, **kwargs):
    raise OperationalError("database is locked")


@pytest.mark.django_db
def test_a_write_that_cannot_get_the_lock_gets_503_with_retry_after(org, editor, monkeypatch):
    """The landscape stamp (written after every unsafe request) meets a locked database."""
    from leitstand.api.tokens import create_token

    _token, secret = create_token(organisation=org, user=editor, name="t")
    monkeypatch.setattr("leitstand.tenancy.stamps.bump_landscape_by_slug", _locked)
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = client.post(
        f"/api/v1/o/{org.slug}/systems/", {"name": "CRM"}, content_type="application/json"
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "try again" in response.json()["detail"]


@pytest.mark.django_db
def test_a_page_that_cannot_get_the_lock_gets_the_busy_page(org, editor, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    monkeypatch.setattr("leitstand.tenancy.stamps.bump_landscape_by_slug", _locked)
    response = client.post(f"/o/{org.slug}/systems/new/", {"name": "CRM", "lifecycle": "active"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Gerade beschäftigt" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_stay_500(org, editor, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("no such table: inventory_system")

    monkeypatch.setattr("leitstand.tenancy.stamps.bump_landscape_by_slug", broken)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = client.post(f"/o/{org.slug}/systems/new/", {"name": "CRM", "lifecycle": "active"})
    assert response.status_code == 500
