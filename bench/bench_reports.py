"""Reports: the demo company's three reports (goal under 5 s each) and those of a landscape of
10,000 systems and 50,000 flows (goal under 60 s, with bounded memory: the PDF lists the first
rows of inventory-wide tables and says so, the xlsx has them all).

`python -m bench reports`. Each report is made as the task worker makes it: the analysis (from
the landscape cache, cold for the first report), the chapters, the PDF and the xlsx, stored as
a snapshot. Memory is the growth of the process's peak resident size during the report. Wall
time and CPU time are both printed: on a shared machine the wall time includes waiting for a
core, so the load average is printed before each size.
"""

import os
import resource
import subprocess
import tempfile
import time

from django.core.management import call_command

from bench.landscape import build_landscape
from leitstand.landscape.cache import forget_all
from leitstand.reports import services
from leitstand.tenancy.models import Organisation

KINDS = ("summary", "risk", "consulting")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pages(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=False)
    return next(
        (line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")), "?"
    )


def _load_average() -> str:
    return "load average " + " ".join(f"{load:.2f}" for load in os.getloadavg())


def measure(organisation: Organisation, label: str) -> None:
    forget_all()
    print(f"{label}: {_load_average()}", flush=True)
    for kind in KINDS:
        before = _peak_mb()
        started, cpu = time.perf_counter(), time.process_time()
        snapshot = services.render_snapshot(
            services.create_snapshot(organisation, kind, "de", created_by_name="bench")
        )
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert snapshot.status == "done", snapshot.error
        size_kb = len(snapshot.pdf) / 1024
        print(
            f"{label}: {kind:<10} {seconds:6.2f} s (CPU {cpu:5.2f} s)   PDF {size_kb:5.0f} KB "
            f"({_pages(bytes(snapshot.pdf))} pages), xlsx {len(snapshot.xlsx) / 1024:7.0f} KB, "
            f"peak memory +{_peak_mb() - before:.0f} MB (process peak {_peak_mb():.0f} MB)",
            flush=True,
        )


def main() -> None:
    os.environ.setdefault("LEITSTAND_DEMO_PASSWORD", "bench-demo-password")
    call_command("load_demo", verbosity=0)
    # A worker renders many reports: WeasyPrint, its fonts, the German hyphenation dictionary,
    # the URL map and the templates are loaded once, by a report of another organisation,
    # before measuring. What that first report costs is printed too: a process's first report
    # (a web worker's, or the command's) pays it.
    bakery = Organisation.objects.get(slug="baeckerei-beispiel")
    for label in ("first report of the process", "the same report again"):
        forget_all()  # both compute the analysis: the difference is the process's warm-up
        started, cpu = time.perf_counter(), time.process_time()
        services.render_snapshot(services.create_snapshot(bakery, "summary", "de"))
        print(
            f"bakery summary, {label}: {time.perf_counter() - started:.2f} s "
            f"(CPU {time.process_time() - cpu:.2f} s)",
            flush=True,
        )
    measure(Organisation.objects.get(slug="muster-logistik"), "demo (23 systems)")
    organisation = build_landscape("bench-reports-10000", 10_000, 50_000)
    measure(organisation, "10,000 systems / 50,000 flows")
