"""Over HTTP, as production runs it: `python -m bench http [--json] [--quick]`.

Builds a realistic landscape (10,000 systems, 50,000 flows, processes with their business
impact, assessments, resilience facts; `bench/realistic.py`) in the database DATABASE_URL
names (else a throwaway SQLite file under var/bench/), serves it with gunicorn (2 workers x
3 threads on 127.0.0.1, a free port, `gunicorn.conf.py`), and drives each endpoint with wrk
(Debian package `wrk`) at 8 and 32 connections. Per endpoint: requests per second, p50, p95,
p99 latency, errors (connection errors, timeouts and responses >= 400), and the requests per
second as a fraction of /healthz measured in the same run at the same connections: the
machine's speed and load cancel out of that fraction. The load average before and after
is printed, and each worker's memory (RSS) after the reads.

"cockpit (cold)": the landscape stamp is renewed, then `connections` requests arrive at
once (every one a cache miss), again and again for the duration; single-flight caching lets
each worker analyse once per change while the others wait. Driven from Python threads,
since wrk cannot renew the stamp between requests. After it, the next endpoint waits until both
workers show the current figures again (the last change's background computation is done).

Options: --json (only the JSON document on stdout), --quick (1,000 systems, 5,000 flows,
2 s per endpoint: for trying it out), --systems=N, --flows=N, --duration=S (default 6),
--only=name,name (only the endpoints whose names contain one of these, and healthz),
--reuse (keep the landscape an earlier run built, if it has at least as many systems and at
most a tenth more: the API create round adds some each run).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = (8, 32)
WORKERS, THREADS = 2, 3
SLUG = "bench-http"

STATS_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRKJSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"p50_us\\": %d, \\"p95_us\\": %d, "
    .. "\\"p99_us\\": %d, \\"errors\\": %d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
"""

CREATE_LUA = """
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end
local sent = 0
request = function()
  sent = sent + 1
  local body = string.format(
    '{"name": "wrk %s %d %d", "kind": "application", "lifecycle": "active"}',
    run, number, sent)
  return wrk.format("POST", nil, nil, body)
end
init = function(args)
  run = args[1]
end
"""


@dataclass
class Result:
    name: str
    connections: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    fraction_of_healthz: float | None = None


@dataclass
class Endpoint:
    name: str
    path: str
    auth: str  # "session", "token" or "none"
    method: str = "GET"
    cold: bool = False


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench http")
    parser.add_argument("--json", action="store_true", help="print only the JSON document")
    parser.add_argument("--quick", action="store_true", help="1,000 systems, 2 s per endpoint")
    parser.add_argument("--systems", type=int)
    parser.add_argument("--flows", type=int)
    parser.add_argument("--duration", type=float)
    parser.add_argument("--only", default="", help="endpoints whose names contain these")
    parser.add_argument("--reuse", action="store_true", help="keep an earlier run's landscape")
    options = parser.parse_args([arg for arg in sys.argv[1:] if arg.startswith("--")] + [])
    options.systems = options.systems or (1_000 if options.quick else 10_000)
    options.flows = options.flows or options.systems * 5
    options.duration = options.duration or (2.0 if options.quick else 6.0)
    return options


def _say(options, text: str) -> None:
    print(text, file=sys.stderr if options.json else sys.stdout, flush=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _prepare(options):
    """The landscape, a signed-in owner's session cookie, an API token, the endpoints."""
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from bench.realistic import build
    from leitstand.accounts.models import User
    from leitstand.api.tokens import create_token
    from leitstand.flows.models import Integration
    from leitstand.inventory.models import Department, System
    from leitstand.tenancy.models import Membership, Organisation, Role

    started = time.perf_counter()
    organisation = Organisation.objects.filter(slug=SLUG).first()
    existing = System.objects.for_org(organisation).count() if organisation else 0
    if not options.reuse or not options.systems <= existing <= options.systems * 1.1:
        organisation = build(SLUG, options.systems, options.flows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics (autovacuum may be off)
    _say(
        options,
        f"landscape: {options.systems:,} systems, {options.flows:,} flows, processes, "
        f"assessments, resilience facts ({time.perf_counter() - started:.0f} s, "
        f"{connection.vendor})",
    )
    user, _created = User.objects.get_or_create(email="bench-http@example.com")
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.OWNER)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.cookies["sessionid"].value
    _token, secret = create_token(organisation=organisation, user=user, name="bench-http")
    slug = organisation.slug
    flows = Integration.objects.for_org(organisation)
    degree: dict[int, int] = {}
    for column in ("source", "target"):
        for row in flows.values(column).annotate(n=Count("pk")):
            degree[row[column]] = degree.get(row[column], 0) + row["n"]
    hub = max(degree, key=degree.get)
    department = Department.objects.for_org(organisation).order_by("pk").first()
    systems = reverse("inventory:system_list", kwargs={"org": slug})
    api = reverse("api:system-list", kwargs={"org": slug})
    cockpit = reverse("cockpit:home", kwargs={"org": slug})
    endpoints = [
        Endpoint("healthz", "/healthz", "none"),
        Endpoint("API list 50", f"{api}?page_size=50", "token"),
        Endpoint("API search", f"{api}?page_size=50&q=order", "token"),
        Endpoint("HTML system list", systems, "session"),
        Endpoint(
            "HTML system list filtered",
            f"{systems}?department={department.pk}&lifecycle=active&eos_within=12",
            "session",
        ),
        Endpoint("HTML system list searched", f"{systems}?q=order", "session"),
        Endpoint(
            f"system detail ({degree[hub]} flows)",
            reverse("inventory:system_detail", kwargs={"org": slug, "pk": hub}),
            "session",
        ),
        Endpoint("cockpit (warm)", cockpit, "session"),
        Endpoint("cockpit (cold)", cockpit, "session", cold=True),
        Endpoint("findings", reverse("findings:findings", kwargs={"org": slug}), "session"),
        Endpoint("roadmap", reverse("roadmap:roadmap", kwargs={"org": slug}), "session"),
        Endpoint("API create", api, "token", method="POST"),
    ]
    wanted = [name.strip().lower() for name in options.only.split(",") if name.strip()]
    if wanted:
        endpoints = [
            e for e in endpoints if e.name == "healthz" or any(w in e.name.lower() for w in wanted)
        ]
    headers = {
        "session": {"Cookie": f"sessionid={session}"},
        "token": {"Authorization": f"Bearer {secret}"},
        "none": {},
    }
    return organisation, endpoints, headers


def _start_server(port: int, systems: int, flows: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "leitstand.wsgi",
        "-c",
        str(ROOT / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--threads",
        str(THREADS),
        "--log-level",
        "warning",
        "--timeout",
        "300",
    ]
    # "API create" adds some hundred systems to the 10,000 in each round: the server must not
    # take the organisation for one beyond the supported size (analysis in the background) in
    # the next round, so its limits leave room for them.
    env = {
        **os.environ,
        "LEITSTAND_MAX_SYSTEMS": str(max(2 * systems, 10_000)),
        "LEITSTAND_MAX_INTEGRATIONS": str(max(2 * flows, 50_000)),
    }
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if _get(port, "/healthz", {})[0] == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            raise RuntimeError("gunicorn did not start")
        time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /healthz within 120 s")


def _get(port: int, path: str, headers: dict) -> tuple[int, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def _wrk(port, endpoint: Endpoint, headers: dict, connections: int, duration: float, folder):
    script = Path(folder) / "stats.lua"
    lua = STATS_LUA
    if endpoint.method == "POST":
        lua = CREATE_LUA + lua
        headers = {**headers, "Content-Type": "application/json"}
    script.write_text(lua, encoding="utf-8")
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(duration))}s",
        "--timeout",
        "30s",
        "-s",
        str(script),
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{endpoint.path}")
    if endpoint.method == "POST":
        command += ["--", uuid.uuid4().hex[:8]]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"^WRKJSON (.*)$", output, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"wrk printed no figures:\n{output}")
    figures = json.loads(found.group(1))
    seconds = figures["duration_us"] / 1e6
    return Result(
        endpoint.name,
        connections,
        figures["requests"] / seconds if seconds else 0.0,
        figures["p50_us"] / 1000,
        figures["p95_us"] / 1000,
        figures["p99_us"] / 1000,
        figures["errors"],
    )


def _warm(port: int, endpoint: Endpoint, headers: dict) -> None:
    """Each worker computes what the page keeps: waves of requests at once (which reach both
    workers) until a whole wave is answered within half a second (at most ten waves)."""
    for _wave in range(10):
        seconds: list[float] = []

        def one(seconds=seconds):
            seconds.append(_get(port, endpoint.path, headers)[1])

        threads = [threading.Thread(target=one) for _ in range(2 * WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if seconds and max(seconds) < 0.5:
            return


def _settle(port: int, endpoint: Endpoint, headers: dict, timeout_s: float = 120.0) -> None:
    """After the cold round: wait until both workers show the current figures (the last
    change's background computation is done), so the next endpoint measures its own pages,
    not the end of this round's work."""
    current_in_a_row, deadline = 0, time.monotonic() + timeout_s
    while current_in_a_row < 4 * WORKERS and time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        try:
            connection.request("GET", endpoint.path, headers=headers)
            response = connection.getresponse()
            page = response.read()
        finally:
            connection.close()
        current = response.status == 200 and b'id="figures-from"' not in page
        current_in_a_row = current_in_a_row + 1 if current else 0
        if not current:
            time.sleep(0.2)


def _cold(port, endpoint: Endpoint, headers: dict, connections: int, duration, organisation):
    """Waves of `connections` simultaneous requests, each wave after a new landscape stamp."""
    from leitstand.tenancy.stamps import bump_landscape

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    started = time.perf_counter()
    while time.perf_counter() - started < duration or not latencies:
        bump_landscape(organisation)
        gate = threading.Barrier(connections)

        def one(gate=gate):
            nonlocal errors
            gate.wait()
            try:
                status, seconds = _get(port, endpoint.path, headers)
            except OSError:
                status, seconds = 0, 0.0
            with lock:
                if status >= 400 or status == 0:
                    errors += 1
                else:
                    latencies.append(seconds)

        threads = [threading.Thread(target=one) for _ in range(connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]

    def at(share):
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000

    return Result(
        endpoint.name,
        connections,
        (len(latencies) + errors) / elapsed,
        statistics.median(ordered) * 1000,
        at(0.95),
        at(0.99),
        errors,
    )


def _worker_rss_mb(server: subprocess.Popen) -> list[float]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    sizes = []
    for pid in children.read_text().split() if children.exists() else []:
        status = Path(f"/proc/{pid}/status").read_text()
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if found:
            sizes.append(round(int(found.group(1)) / 1024, 1))
    return sizes


def _loadavg() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def main() -> None:
    options = _options()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    load_before = _loadavg()
    organisation, endpoints, headers = _prepare(options)
    port = _free_port()
    server = _start_server(port, options.systems, options.flows)
    results: list[Result] = []
    memory: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for connections in CONNECTIONS:
                for endpoint in endpoints:
                    auth = headers[endpoint.auth]
                    if endpoint.method == "GET":
                        _warm(port, endpoint, auth)
                    if endpoint.cold:
                        result = _cold(
                            port, endpoint, auth, connections, options.duration, organisation
                        )
                        _settle(port, endpoint, auth)
                    else:
                        result = _wrk(port, endpoint, auth, connections, options.duration, folder)
                    results.append(result)
                    _say(options, _line(result))
                    if endpoint.method == "POST" and not memory:
                        memory = _worker_rss_mb(server)  # after the reads of the first round
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
    load_after = _loadavg()
    healthz = {r.connections: r.rps for r in results if r.name == "healthz"}
    for result in results:
        if healthz.get(result.connections):
            result.fraction_of_healthz = round(result.rps / healthz[result.connections], 4)
    document = {
        "endpoints": [_rounded(result) for result in results],
        "load_average_before": load_before,
        "load_average_after": load_after,
        "worker_rss_mb": memory,
        "systems": options.systems,
        "flows": options.flows,
        "duration_s": options.duration,
        "database": _database_vendor(),
    }
    if options.json:
        print(json.dumps(document, indent=2))
        return
    print()
    print(
        f"{'endpoint':<34} {'c':>3} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'errors':>6} {'of healthz':>10}"
    )
    for result in results:
        print(_line(result))
    print(f"load average before {load_before}, after {load_after}")
    print(f"worker memory (RSS) after the reads: {memory} MB")


def _rounded(result: Result) -> dict:
    data = asdict(result)
    for key in ("rps", "p50_ms", "p95_ms", "p99_ms"):
        data[key] = round(data[key], 1)
    return data


def _line(result: Result) -> str:
    fraction = "" if result.fraction_of_healthz is None else f"{result.fraction_of_healthz:.3f}"
    return (
        f"{result.name:<34} {result.connections:>3} {result.rps:>8.1f} {result.p50_ms:>8.1f} "
        f"{result.p95_ms:>8.1f} {result.p99_ms:>8.1f} {result.errors:>6} {fraction:>10}"
    )


def _database_vendor() -> str:
    from django.db import connection

    return connection.vendor
