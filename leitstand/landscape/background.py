"""Values of an organisation beyond the supported size (README: Size limits) computed in a
background thread, so that no page waits longer than a few seconds for them.

`landscape.cache` keeps the values and runs one computation per value and landscape (single
flight); this module holds what the background adds: the thread, how long a request waits for
it (`WAIT_S` from the start of the request), the estimate of how long it takes, and
`BeingComputed`, which `landscape.middleware.BeingComputedMiddleware` turns into the page
saying so.
"""

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar, Token

from django.conf import settings
from django.db import connections
from django.utils import translation
from django.utils.translation import get_language

from leitstand.landscape.size import LandscapeSize
from leitstand.tenancy.models import Organisation

logger = logging.getLogger(__name__)

#: How long a request waits for values computed in the background before it answers "being
#: computed" (counted from the start of the request; pages must answer within 5 s).
WAIT_S = 3.0
#: Systems plus flows analysed per second, measured with `python -m bench large` (300,000 in
#: 95 s on two busy cores, SQLite): the first estimate of how long a computation takes, until
#: the process has measured one of the organisation.
ROWS_PER_SECOND = 5_000
#: Per (organisation pk, value name), the seconds its last computation in the background took.
_took: dict[tuple[int, str], float] = {}
#: Computations that failed, by (landscape key, value name): the next request computes the
#: value itself (and shows the error) rather than waiting for a computation that fails.
failed: set[tuple] = set()


class BeingComputed(Exception):
    """A value of an organisation beyond the supported size (its analysis, a page's figures
    derived from it) is being computed in the background."""

    def __init__(
        self, organisation: Organisation, name: str, expected_s: int, elapsed_s: int
    ) -> None:
        super().__init__(f"The {name} of {organisation.slug} is being computed.")
        self.organisation = organisation
        self.name = name  # of the kept value; "file:..." for a download
        self.expected_s = expected_s
        self.elapsed_s = elapsed_s

    @property
    def download(self) -> bool:
        return self.name.startswith("file:")


def being_computed(
    organisation: Organisation, name: str, size: LandscapeSize, started: float
) -> BeingComputed:
    took = _took.get((organisation.pk, name), size.rows / ROWS_PER_SECOND)
    elapsed = round(time.monotonic() - started)
    # longer than the last time: it is not done yet, so at least a little more than so far
    return BeingComputed(organisation, name, max(round(took), elapsed + 1), elapsed)


#: Until when the request this thread answers may wait (None outside a request: a command,
#: the report worker and the background threads compute what they need themselves).
_request_deadline: ContextVar[float | None] = ContextVar("leitstand_deadline", default=None)


#: Requests this process is answering (`wait_until_idle`).
_answering = 0
_idle = threading.Condition()


def mark_request_start(request) -> Token:
    """Where the request's time budget starts (`BeingComputedMiddleware` calls it, and
    `end_request` with what this returns when the answer is there)."""
    global _answering
    with _idle:
        _answering += 1
    request._leitstand_started = time.monotonic()
    return _request_deadline.set(request._leitstand_started + WAIT_S)


def end_request(token: Token) -> None:
    global _answering
    _request_deadline.reset(token)
    with _idle:
        _answering -= 1
        if not _answering:
            _idle.notify_all()


def wait_until_idle(timeout_s: float) -> bool:
    """Wait until this process answers no request (at most `timeout_s`): work that holds
    every thread for a moment (a full garbage collection after a large landscape was
    forgotten) then falls between the clicks of the people reading. False after the timeout."""
    with _idle:
        return _idle.wait_for(lambda: not _answering, timeout_s)


def request_deadline() -> float | None:
    """Until when the request this thread answers may wait, None outside a request."""
    return _request_deadline.get()


def deadline(request) -> float:
    """Until when the request may wait for values computed in the background."""
    started = getattr(request, "_leitstand_started", None)
    if started is None:
        started = request._leitstand_started = time.monotonic()
    return started + WAIT_S


def start(lead: Callable[[], object], key: tuple, name: str, organisation: Organisation) -> None:
    """Run `lead()` (which computes and keeps the value) in a thread of its own, in the
    language of the request."""
    threading.Thread(
        target=_run,
        args=(lead, key, name, organisation.pk, time.monotonic(), get_language()),
        name=f"{name} of {organisation.slug}",
        daemon=True,
    ).start()


def _lower_priority() -> None:
    """Let the operating system run this thread after the threads answering requests (on
    Linux a thread has a priority of its own)."""
    nice = min(19, settings.LEITSTAND_BACKGROUND_NICE)
    if nice and hasattr(os, "setpriority"):
        # where it is not allowed, the thread runs at the process's priority
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)


def _run(lead, key: tuple, name: str, organisation_pk: int, started: float, language) -> None:
    _lower_priority()
    try:
        with translation.override(language):
            lead()
    except BeingComputed:
        pass  # it needs a value still under way: the next request asks again
    except Exception:
        failed.add((key, name))
        logger.exception("Computing %s of organisation %s failed.", name, organisation_pk)
    else:
        _took[organisation_pk, name] = time.monotonic() - started
    finally:
        connections.close_all()  # this thread's own connections
