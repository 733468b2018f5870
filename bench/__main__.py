"""Runs the benchmarks in bench/ against a throwaway database under var/bench/.

Each module `bench/bench_<name>.py` has `main() -> None`. They run in one process, one after
another, so their ratios come from the same machine state. Options (`--json`, `--quick`, ...)
are read by the benchmarks that take them (`python -m bench http --json`); with `--json` the
headings go to stderr, so stdout holds only the JSON.
"""

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def _prepare_environment() -> None:
    var = HERE.parent / "var" / "bench"
    var.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
    if "DATABASE_URL" not in os.environ:
        database = var / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("LEITSTAND_MANIFEST_STATIC", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _names(argv: list[str]) -> list[str]:
    """The benchmarks named on the command line; a word after an option is its value
    (`--systems 2000`)."""
    names = []
    for previous, arg in zip(["", *argv], argv, strict=False):
        if arg.startswith("-"):
            continue
        if arg.isidentifier() and (HERE / f"bench_{arg}.py").exists():
            names.append(arg)
        elif not previous.startswith("--") or "=" in previous:
            raise SystemExit(f"python -m bench: no benchmark named {arg!r}")
    return names


def main(argv: list[str]) -> None:
    names = _names(argv) or sorted(
        (
            module.name.removeprefix("bench_")
            for module in pkgutil.iter_modules([str(HERE)])
            if module.name.startswith("bench_")
        ),
        key=lambda name: (name == "http", name),  # over HTTP last: it needs wrk and a server
    )
    _prepare_environment()
    headings = sys.stderr if "--json" in argv else sys.stdout
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"\n=== {name} ===", file=headings, flush=True)
        started = time.perf_counter()
        module.main()
        print(f"({name} took {time.perf_counter() - started:.1f} s)", file=headings, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
