"""Every page of an organisation five times the supported size: `python -m bench large [--json]
[--systems N --flows N]`.

Builds the realistic landscape of `bench/realistic.py` scaled up (default 50,000 systems and
250,000 flows: five times LEITSTAND_MAX_SYSTEMS and LEITSTAND_MAX_INTEGRATIONS; with people,
vendors, processes and their business impact, assessments, resilience facts, and the
roadmap of `bench/bench_roadmap.py` with 2,500 initiatives) in the database DATABASE_URL names
(else a throwaway SQLite file under var/bench/), signs in an editor and requests every page of
the organisation in-process with Django's test client, GET only: the URL configuration is
walked like tests/urlwalk.py and the browser's page walk do (every route under /o/<org>/, with
an object of the organisation for a `pk`: the system with the most flows, else the first one,
else one made by the app's test factory), plus the organisation list.

First the analysis alone, with nothing kept: the cockpit is asked until it stops answering
"being computed" (202), which is how long a landscape beyond the supported size takes to be
analysed in the background. Then per page:
- "first": the first request with nothing kept but the analysis (every other value derived
  from the landscape, the counts and choice lists, the roadmap's plan, rendered tables, is
  forgotten first): what the first visitor of a page after a change waits once the
  background analysis is done;
- "second": the same page again (what every later visitor waits);
- "ready": for a page that answered "being computed", the seconds until the real page came;
- "settled": the seconds background computations the page started still ran after its last
  request (the walk waits for them before the next page, so that one page's background work
  does not slow the next page down).

Prints the build time, the load average before and after, the worst page, the five slowest
and how many pages took longer than 5 s. `--systems 2000 --flows 10000` tries it at a small
size in a minute; `--skip name,name` leaves pages out (e.g. `--skip exports:download`),
`--only name,name` requests only those; `--reuse` keeps the organisation of an earlier run in
the same database (with DATABASE_URL set, which is then not emptied) instead of building it
again. Pages an editor may not
open (members, settings, API tokens) are requested as the owner.
"""

import argparse
import gc
import json
import logging
import os
import sys
import time
from dataclasses import asdict, dataclass

SLUG = "bench-large"
LIMIT_S = 5.0
READY_TIMEOUT_S = 900.0
INITIATIVES_PER_SYSTEM = 500 / 10_000  # as bench roadmap at 10,000 systems
# kinds of page the walk requests once only, like the browser's page walk: one template
GENERIC_KINDS = ("delete", "history", "remove", "revoke")


@dataclass
class PageTiming:
    name: str
    path: str
    first_status: int  # 202: "being computed"
    status: int
    first_s: float
    second_s: float
    ready_s: float | None  # seconds until the real page, when it answered "being computed"
    kilobytes: float
    content_type: str
    settled_s: float = 0.0  # background work the page started, still running after it

    @property
    def slowest_s(self) -> float:
        return max(self.first_s, self.second_s)


def _options() -> argparse.Namespace:
    from django.conf import settings

    parser = argparse.ArgumentParser(prog="python -m bench large")
    parser.add_argument("--json", action="store_true", help="print only the JSON document")
    parser.add_argument("--systems", type=int, default=5 * settings.LEITSTAND_MAX_SYSTEMS)
    parser.add_argument("--flows", type=int, default=5 * settings.LEITSTAND_MAX_INTEGRATIONS)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the organisation an earlier run built"
    )
    parser.add_argument("--build-only", action="store_true", help="build, request nothing")
    parser.add_argument("--skip", default="", help="pages not to request: names, comma between")
    parser.add_argument("--only", default="", help="the only pages to request: names, comma")
    options, _names = parser.parse_known_args(sys.argv[1:])  # the names of the benchmarks
    return options


def _say(options, text: str) -> None:
    print(text, file=sys.stderr if options.json else sys.stdout, flush=True)


def _loadavg() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def _build(options):
    """The organisation, its hub system (the most flows) and an editor."""
    from django.db import connection
    from django.db.models import Count

    from bench.bench_roadmap import build_plan
    from bench.realistic import build
    from leitstand.accounts.models import User
    from leitstand.flows.models import Integration
    from leitstand.inventory.models import System
    from leitstand.tenancy.models import Membership, Organisation, Role
    from leitstand.tenancy.stamps import bump_landscape

    organisation = Organisation.objects.filter(slug=SLUG).first()
    existing = System.objects.for_org(organisation).count() if organisation else 0
    if not options.reuse or existing != options.systems:
        organisation = build(SLUG, options.systems, options.flows)
        gc.collect()
        build_plan(organisation, max(5, round(options.systems * INITIATIVES_PER_SYSTEM)))
        bump_landscape(organisation)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as after a large import
    degree: dict[int, int] = {}
    flows = Integration.objects.for_org(organisation)
    for column in ("source", "target"):
        for row in flows.values(column).annotate(n=Count("pk")):
            degree[row[column]] = degree.get(row[column], 0) + row["n"]
    hub = max(degree, key=degree.get)
    editor, _created = User.objects.get_or_create(email="bench-large@example.com")
    Membership.objects.get_or_create(user=editor, organisation=organisation, role=Role.EDITOR)
    owner, _created = User.objects.get_or_create(email="bench-large-owner@example.com")
    Membership.objects.get_or_create(user=owner, organisation=organisation, role=Role.OWNER)
    return organisation, hub, editor, owner


def _object_for(model, organisation, hub: int, factories: dict):
    """The object of the organisation a page of `model` shows: the hub for systems, the first
    one otherwise, or a new one from the app's test factory when there is none."""
    from django.core.exceptions import FieldError

    from leitstand.inventory.models import System

    if model is System:
        return System.objects.get(pk=hub)
    for path in ("organisation", "process__organisation", "system__organisation"):
        try:
            found = model.objects.filter(**{path: organisation}).order_by("pk").first()
        except FieldError:
            continue
        if found is not None:
            return found
    return factories[model](organisation=organisation)


def _paths(organisation, hub: int) -> list[tuple[str, str]]:
    """(name, path) of every organisation page, plus the organisation list."""
    from django.urls import reverse

    from leitstand.tenancy.stamps import bump_landscape
    from tests.urlwalk import factories_by_model, org_routes

    factories = factories_by_model()
    found = [("organisation_list", reverse("organisation_list"))]
    seen_generic = set()
    for route in org_routes():
        kind = route.name.rsplit("_", 1)[-1]
        if kind in GENERIC_KINDS:
            if kind in seen_generic:
                continue
            seen_generic.add(kind)
        kwargs = {"org": organisation.slug}
        if "area" in route.params:
            kwargs["area"] = "organisation"
        if "pk" in route.params:
            kwargs["pk"] = _object_for(route.model, organisation, hub, factories).pk
        found.append((route.name, reverse(route.name, kwargs=kwargs)))
    bump_landscape(organisation)  # factories wrote rows
    return found


def _get(client, path: str):
    started = time.perf_counter()
    response = client.get(path)
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return response, content, time.perf_counter() - started


def _being_computed(response) -> bool:
    """The page (202) or a JSON client's answer (503 with Retry-After) "being computed"."""
    return response.status_code == 202 or (
        response.status_code == 503 and response.has_header("Retry-After")
    )


def _until_ready(client, path: str) -> float:
    """Seconds until `path` stops answering "being computed"."""
    started = time.perf_counter()
    while time.perf_counter() - started < READY_TIMEOUT_S:
        response, _content, _seconds = _get(client, path)
        if not _being_computed(response):
            return time.perf_counter() - started
        time.sleep(0.25)
    raise RuntimeError(f"{path} still being computed after {READY_TIMEOUT_S:.0f} s")


def _settle() -> float:
    """Seconds until no value is computed in the background any more."""
    from leitstand.landscape.cache import wait_for_background

    started = time.perf_counter()
    if not wait_for_background(READY_TIMEOUT_S):
        raise RuntimeError(f"background work still running after {READY_TIMEOUT_S:.0f} s")
    return time.perf_counter() - started


def _measure(client, name: str, path: str) -> PageTiming:
    from leitstand.landscape.cache import forget_all

    _settle()  # nothing of an earlier page still running
    forget_all(keeping=("analysis",))
    response, content, first = _get(client, path)
    if response.status_code == 403:  # the owner's pages (members, settings, API tokens)
        client = client.owner
        forget_all(keeping=("analysis",))
        response, content, first = _get(client, path)
    ready = _until_ready(client, path) + first if _being_computed(response) else None
    again, content, second = _get(client, path)
    settled = _settle()
    return PageTiming(
        name,
        path,
        response.status_code,
        again.status_code,
        first,
        second,
        ready,
        len(content) / 1024,
        response.get("Content-Type", "").split(";")[0],
        settled,
    )


def main() -> None:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from leitstand.landscape.cache import forget_all

    options = _options()
    load_before = _loadavg()
    started = time.perf_counter()
    organisation, hub, editor, owner = _build(options)
    build_s = time.perf_counter() - started
    _say(
        options,
        f"landscape: {options.systems:,} systems, {options.flows:,} flows, processes, "
        f"assessments, resilience facts, initiatives ({build_s:.0f} s, {connection.vendor}; "
        f"load average {load_before})",
    )
    if options.build_only:
        return
    skipped = set(filter(None, options.skip.split(",")))
    only = set(filter(None, options.only.split(",")))
    paths = [
        (name, path)
        for name, path in _paths(organisation, hub)
        if name not in skipped and (not only or name in only)
    ]
    client, client.owner = Client(), Client()  # as an editor; the owner's pages as the owner
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    client.owner.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # 403/405 are expected

    forget_all()
    cockpit = reverse("cockpit:home", kwargs={"org": organisation.slug})
    response, _content, answer_s = _get(client, cockpit)
    analysis_s = _until_ready(client, cockpit) + answer_s if _being_computed(response) else None
    _say(
        options,
        f"cockpit with nothing kept: status {response.status_code} in {answer_s:.2f} s; "
        + (
            f"the analysis in the background took {analysis_s:.1f} s"
            if analysis_s is not None
            else "no background analysis (within the supported size)"
        ),
    )
    timings = []
    for name, path in paths:
        timing = _measure(client, name, path)
        timings.append(timing)
        ready = "" if timing.ready_s is None else f"   ready {timing.ready_s:6.2f} s"
        if timing.settled_s >= 0.05:
            ready += f"   settled {timing.settled_s:6.2f} s later"
        over = "   OVER 5 s" if timing.slowest_s > LIMIT_S else ""
        _say(
            options,
            f"{name:<45} {timing.first_status}>{timing.status}  first {timing.first_s:6.2f} s  "
            f"second {timing.second_s:6.2f} s  {timing.kilobytes:8.0f} kB{ready}{over}",
        )
    load_after = _loadavg()
    worst = max(timings, key=lambda timing: timing.slowest_s)
    over = [timing for timing in timings if timing.slowest_s > LIMIT_S]
    slowest = sorted(timings, key=lambda timing: -timing.slowest_s)[:5]
    _say(
        options,
        f"\n{len(timings)} pages; worst: {worst.name} ({worst.path}) first {worst.first_s:.2f} s, "
        f"second {worst.second_s:.2f} s; over {LIMIT_S:.0f} s: {len(over)}"
        + "".join(f"\n  {timing.name} {timing.slowest_s:.2f} s" for timing in over)
        + "\nslowest: "
        + ", ".join(f"{timing.name} {timing.slowest_s:.2f} s" for timing in slowest)
        + f"\nbuild {build_s:.0f} s; load average before {load_before}, after {load_after}",
    )
    if options.json:
        document = {
            "systems": options.systems,
            "flows": options.flows,
            "database": connection.vendor,
            "build_s": round(build_s, 1),
            "analysis_in_background_s": analysis_s,
            "load_before": load_before,
            "load_after": load_after,
            "pages": [asdict(timing) for timing in timings],
            "worst": worst.name,
            "over_limit": [timing.name for timing in over],
            "slowest": [timing.name for timing in slowest],
        }
        print(json.dumps(document, indent=2))
