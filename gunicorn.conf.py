"""Settings gunicorn reads from the project folder (`make demo` starts it there).

- When a worker has loaded the application, it removes the uploaded files of imports that
  never finished (leitstand/imports/cleanup.py). Deployments that start gunicorn elsewhere run
  `leitstand cleanup_imports` in their start script instead.
- Prometheus metrics are collected across all workers in `PROMETHEUS_MULTIPROC_DIR` (default
  `var/prometheus/`, emptied when gunicorn starts), so `/metrics` counts every worker.
- With LOG_FORMAT=json the access log and gunicorn's own messages are JSON lines too.
"""

import os
import shutil
from pathlib import Path

_var = Path(os.environ.get("LEITSTAND_VAR_DIR", Path(__file__).resolve().parent / "var"))
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(_var / "prometheus"))

if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "leitstand.core.logs.JsonFormatter"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json"},
            "error_console": {"class": "logging.StreamHandler", "formatter": "json"},
        },
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }


def on_starting(server) -> None:
    folder = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    shutil.rmtree(folder, ignore_errors=True)  # counts of an earlier run
    folder.mkdir(parents=True, exist_ok=True)


def post_worker_init(worker) -> None:
    from leitstand.imports.cleanup import on_start
    from leitstand.landscape.memory import limit_malloc_arenas

    limit_malloc_arenas()
    on_start()


def child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
