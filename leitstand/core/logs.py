"""Structured logs: with LOG_FORMAT=json every log line is one JSON object (JSON lines), for
a log collector (journald, Loki, Elasticsearch, a container runtime) to read without parsing
free text. gunicorn's access log uses the same formatter (gunicorn.conf.py)."""

import json
import logging
from datetime import UTC, datetime

#: Attributes every LogRecord has; anything else was passed as `extra=` and is kept.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
#: gunicorn's access log atoms, under readable names.
_ACCESS_FIELDS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "L": "duration_s",
    "a": "user_agent",
}


def _plain(value):
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            for atom, name in _ACCESS_FIELDS.items():
                if atom in record.args:
                    entry[name] = _plain(record.args[atom])
        request = getattr(record, "request", None)
        if request is not None:  # django.request's errors: the address, not the object
            entry["method"] = _plain(getattr(request, "method", None))
            entry["path"] = _plain(getattr(request, "path", None))
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in entry and key not in ("request", "server_time"):
                entry[key] = _plain(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)
