"""Addresses for the people who run Leitstand: a reverse proxy, a container runtime, Prometheus.

- `/healthz`: the process answers (no database query), for a liveness probe.
- `/readyz`: the database answers and every migration is applied, for a readiness probe or
  a load balancer; 503 with the reason otherwise.
- `/metrics`: Prometheus text format (django-prometheus: request rate, responses by status,
  latency histogram per view; Leitstand's own: analysis cache hits, import durations). Only
  with `Authorization: Bearer <LEITSTAND_METRICS_TOKEN>`, or without a token set, only to a
  client on this machine that did not come through a proxy.
"""

import hmac
import ipaddress
import sys

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_prometheus.exports import ExportToDjangoView

#: Once every migration was seen applied, later probes skip reading the migration graph
#: (migrations are not unapplied while the process runs).
_migrations_seen_applied = False

#: Headers a reverse proxy adds: a request carrying one did not come from this machine even
#: when the proxy connects from 127.0.0.1.
_PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


@never_cache
@require_safe
def healthz(request):
    """The process is up and answers. Never touches the database."""
    return JsonResponse({"status": "ok"})


def _unapplied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    global _migrations_seen_applied
    if _migrations_seen_applied:
        return []
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    unapplied = [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
    if not unapplied:
        _migrations_seen_applied = True
    return unapplied


@never_cache
@require_safe
def readyz(request):
    """The database answers and its schema is current: this process can serve requests."""
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means: not ready
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable", "error": type(exc).__name__},
            status=503,
            headers={"Retry-After": "5"},
        )
    unapplied = _unapplied_migrations()
    if unapplied:
        return JsonResponse(
            {
                "status": "unavailable",
                "database": "ok",
                "migrations": "pending",
                "unapplied": unapplied,
            },
            status=503,
            headers={"Retry-After": "5"},
        )
    return JsonResponse({"status": "ok", "database": "ok", "migrations": "applied"})


def _local_client(request) -> bool:
    if any(request.META.get(header) for header in _PROXY_HEADERS):
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


def metrics_allowed(request) -> bool:
    token = settings.LEITSTAND_METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "")
        scheme, _space, value = given.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            value.strip().encode(), token.encode()
        )
    return _local_client(request)


@never_cache
@require_safe
def metrics(request):
    """Prometheus metrics of this installation (all server processes when gunicorn runs with
    `PROMETHEUS_MULTIPROC_DIR`, which gunicorn.conf.py sets)."""
    if not metrics_allowed(request):
        return HttpResponse(
            "Metrics need 'Authorization: Bearer <LEITSTAND_METRICS_TOKEN>' "
            "(or, without a token configured, a request from this machine).\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return ExportToDjangoView(request)


#: Seconds a client is asked to wait when the database was busy.
BUSY_RETRY_AFTER = 5
_BUSY_MESSAGES = ("database is locked", "database table is locked", "database is busy")


def database_busy(exc: BaseException | None) -> bool:
    """SQLite could not get its lock within the busy timeout (nothing was written)."""
    while exc is not None:
        if isinstance(exc, OperationalError) and any(
            text in str(exc).lower() for text in _BUSY_MESSAGES
        ):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request, *args, **kwargs):
    """handler500: a busy database is "try again shortly" (503, Retry-After), not a fault;
    everything else is Django's own 500 page."""
    if not database_busy(sys.exc_info()[1]):
        return defaults.server_error(request, *args, **kwargs)
    message = _(
        "The database is busy with another change. Nothing was saved; please try again in a "
        "few seconds."
    )
    headers = {"Retry-After": str(BUSY_RETRY_AFTER)}
    if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        body = {"detail": message, "retry_after": BUSY_RETRY_AFTER}
        return JsonResponse(body, status=503, headers=headers)
    return HttpResponse(loader.render_to_string("503.html"), status=503, headers=headers)


def page_not_found(request, exception=None, *args, **kwargs):
    """handler404: the API answers in JSON like its other errors (the schema says so)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception, *args, **kwargs)
