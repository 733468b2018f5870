"""Data files parsed once and kept for the next process.

A fresh worker, command or import parsed the product catalogue's 600 KB of YAML and JSON and
indexed its aliases again (about 75 ms of CPU); now the first process keeps the result as a
pickle under var/ and the next ones load it in a few milliseconds.

A kept file is named by a hash of everything it is built from: the data files, the modules
whose code builds it, and the Python version. A changed data file or a newer Leitstand thus
builds it afresh (and removes the older file of the same name); a kept file is never used for
anything else. It lives in `settings.VAR_DIR / "compiled"`, where only Leitstand writes (like
the database and the secret key beside it): a pickle is code, so nothing else may write
there. Without Django settings (a plain script), or when the folder cannot be written, the
files are parsed in each process as before, and the reason is logged.
"""

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from django.conf import settings

logger = logging.getLogger(__name__)

T = TypeVar("T")


def folder() -> Path | None:
    """Where kept files live; None outside a configured Django project."""
    if not settings.configured:
        return None
    return Path(settings.VAR_DIR) / "compiled"


def digest(sources: Iterable[Path]) -> str:
    """A hash of the files' contents and the Python version (the pickle's classes)."""
    hashed = hashlib.blake2b(sys.version.encode(), digest_size=12)
    for path in sources:
        hashed.update(path.name.encode())
        hashed.update(path.read_bytes())
    return hashed.hexdigest()


def kept(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or what an earlier process kept of it for the same `sources`."""
    place = folder()
    if place is None:
        return build()
    path = place / f"{name}-{digest(sources)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 (written by `_keep` below, under var/)
    except FileNotFoundError:
        pass
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError) as exc:
        logger.warning("Kept %s at %s is unreadable (%s); building it afresh.", name, path, exc)
    value = build()
    _keep(path, name, value)
    return value


def _keep(path: Path, name: str, value: object) -> None:
    """Write atomically (a process reading meanwhile sees the whole file or none), then
    remove the files of earlier builds."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for older in path.parent.glob(f"{name}-*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError as exc:
        logger.warning("Could not keep %s at %s (%s); parsing it in each process.", name, path, exc)
