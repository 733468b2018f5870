"""The HTTP benchmark's interface (`python -m bench http --json`): options, wrk's figures read
back, the JSON keys the issue names. The benchmark itself runs with `make bench`."""

import subprocess
import sys
from dataclasses import asdict

from bench import bench_http

WRK_OUTPUT = (
    "Running 2s test @ http://127.0.0.1:8000/healthz\n  2 threads and 8 connections\n"
    'WRKJSON {"requests": 1200, "duration_us": 2000000, "p50_us": 4100, "p95_us": 9000, '
    '"p99_us": 15500, "errors": 3}\n'
)


def test_options(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["bench", "http", "--quick", "--json"])
    options = bench_http._options()
    assert (options.systems, options.flows, options.json) == (1_000, 5_000, True)
    monkeypatch.setattr(sys, "argv", ["bench", "http"])
    options = bench_http._options()
    assert (options.systems, options.flows, options.duration) == (10_000, 50_000, 6.0)


def test_wrk_figures_are_read_back(monkeypatch, tmp_path):
    calls = []

    def run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, stdout=WRK_OUTPUT, stderr="")

    monkeypatch.setattr(bench_http.subprocess, "run", run)
    endpoint = bench_http.Endpoint("healthz", "/healthz", "none")
    result = bench_http._wrk(8000, endpoint, {"Cookie": "x"}, 8, 2.0, tmp_path)
    assert (result.rps, result.p50_ms, result.p95_ms, result.p99_ms) == (600.0, 4.1, 9.0, 15.5)
    assert result.errors == 3
    assert "-c8" in calls[0] and "Cookie: x" in calls[0]
    assert set(asdict(result)) == {
        "name",
        "connections",
        "rps",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "errors",
        "fraction_of_healthz",
    }


def test_posts_carry_json_and_a_run_token(monkeypatch, tmp_path):
    calls = []

    def run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, stdout=WRK_OUTPUT, stderr="")

    monkeypatch.setattr(bench_http.subprocess, "run", run)
    endpoint = bench_http.Endpoint("API create", "/api/v1/o/x/systems/", "token", method="POST")
    bench_http._wrk(8000, endpoint, {}, 32, 2.0, tmp_path)
    assert "Content-Type: application/json" in calls[0]
    assert calls[0][-2] == "--"  # the run's token: unique names per run
    assert 'wrk.format("POST"' in (tmp_path / "stats.lua").read_text()
