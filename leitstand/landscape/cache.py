"""The organisation's analysis, and other values derived from its landscape, kept in memory
until the landscape changes; `request_analysis(request)` is what pages read.

A large landscape takes up to a second to analyse, and the cockpit, a system's page, the
findings and the resilience pages all read the same analysis; long choice lists of the filter
forms are read on every list page. Each worker process keeps the values of the most recently
used landscapes (`LEITSTAND_ANALYSIS_CACHE_SIZE`, 0 turns this off), and no more than
`LEITSTAND_ANALYSIS_CACHE_ROWS` systems plus flows in all of them together (a worker's memory
grows with the size of the landscapes it keeps, not with their number), keyed by:
- the organisation and its landscape stamp (`leitstand.tenancy.stamps`), read with one query
  per lookup, so a change made through any worker is seen by every other one at once;
- the language (names of capabilities and data objects are taken in the reader's language);
- the day (support dates and restore tests are judged against today).

An organisation beyond the supported size (`landscape.size`, README: Size limits) takes longer
to analyse than a page may take: when its analysis, or a value a page keeps with it, is not
kept, it is computed in a background thread (`landscape.background`), the request waits a few
seconds for it, then raises `BeingComputed`, which `BeingComputedMiddleware` turns into a page
saying so that refreshes itself until the figures are there.

The cockpit of a large landscape (`LEITSTAND_STALE_COCKPIT_ROWS`) is shown from the values of
the organisation's previous landscape while the current ones are computed in the background
(`kept_page`): after every change it would otherwise take seconds.
"""

import gc
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from prometheus_client import Counter

from leitstand.analysis import Analysis, analyze
from leitstand.landscape import background
from leitstand.landscape.memory import release_free_memory
from leitstand.landscape.size import landscape_size
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import landscape_pending, landscape_token

T = TypeVar("T")

_lock = threading.Lock()
#: Per landscape (organisation, stamp, language, day): its values by name, least recently
#: used first.
_landscapes: OrderedDict[tuple, dict[str, Any]] = OrderedDict()

#: Prometheus (/metrics): how often a kept value was found, by value name.
cache_lookups = Counter(
    "leitstand_analysis_cache_lookups_total",
    "Values derived from a landscape (the analysis, the cockpit's figures) read from memory "
    "(hit), computed (miss), or shown from the previous landscape while computed (stale)",
    ["name", "result"],
)


class _Flight:
    """One computation of a value that other threads asking for it wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: Any = None
        self.failed = False
        self.error: BaseException | None = None
        self.started = time.monotonic()


#: Per kept landscape, the systems plus flows of the analyses kept for it.
_weights: dict[tuple, int] = {}
#: Set in a thread computing a page's values in the background (`kept_page`): it computes what
#: it needs itself (or waits for another thread computing it) instead of starting yet another
#: thread, and freezes a large analysis once the values are all there.
_in_background: ContextVar[bool] = ContextVar("leitstand_in_background", default=False)


def _rows(value: Any) -> int:
    """The size of a kept value in systems plus flows (an analysis; other values are small)."""
    snapshot = getattr(value, "snapshot", None)
    if snapshot is None:
        return 0
    return len(snapshot.systems) + len(snapshot.integrations)


def _evict(count: int, rows: int) -> None:
    """Forget the least recently used landscapes beyond `count` or `rows` (under the lock);
    the most recent one stays even when it alone is larger, and so does one shown while its
    successor is computed (`_shown_older`)."""
    for key in [key for key in list(_landscapes)[:-1] if key not in _shown_older]:
        if len(_landscapes) <= count and sum(_weights.values()) <= rows:
            return
        _forget(key)


#: A large landscape was forgotten: the next collection unfreezes first, so that its reference
#: cycles (frozen with it) are collected too (`_collect`).
_unfreeze_due = False


def _forget(key: tuple) -> None:
    """Forget a kept landscape (under the lock). Reference counting frees its objects now,
    frozen or not; what forms cycles among a large (frozen) one waits for the next
    `_collect`."""
    global _unfreeze_due
    _landscapes.pop(key, None)
    if _weights.pop(key, 0) >= settings.LEITSTAND_GC_FREEZE_ROWS:
        _unfreeze_due = True


def _collect(freeze: bool) -> None:
    """A full collection (of everything, when a large landscape was forgotten since the last
    one: 0.6-0.8 s holding every thread at 10,000 systems / 50,000 flows; else of what is not
    frozen, tens of ms), then, if `freeze`, freeze what is left."""
    _unfreeze_if_due()
    gc.collect()
    if freeze:
        gc.freeze()


def _unfreeze_if_due() -> None:
    global _unfreeze_due
    with _lock:
        unfreeze, _unfreeze_due = _unfreeze_due, False
    if unfreeze:
        gc.unfreeze()


def _freeze_if_large(value: Any) -> None:
    """A kept analysis of a large landscape is millions of objects that live until the
    landscape changes: Python's full garbage collection walked them all, a pause of about
    0.9 s that any request of the worker could hit (system page p95 3.6 s over HTTP at 10,000
    systems / 50,000 flows). Frozen, the collector leaves them alone (gen2 pauses 879 -> 17 ms);
    forgetting a large landscape unfreezes at the next collection, so nothing stays out of the
    collector's reach for long."""
    if _in_background.get():
        return  # the background collects once it is done (`_freeze_kept`)
    if _rows(value) >= settings.LEITSTAND_GC_FREEZE_ROWS:
        # collect first: the garbage of computing it (and what was forgotten) would otherwise
        # be frozen with it and never freed
        _collect(freeze=True)
    else:
        _unfreeze_if_due()  # the collector finds the forgotten one's cycles in its own time


def _freeze_kept() -> None:
    """After a large landscape was forgotten, or a page's values were computed in the
    background: collect, and freeze the large landscapes kept (one collection of about a
    second holding every thread, not one per analysis kept and one per landscape forgotten)."""
    with _lock:
        large = any(rows >= settings.LEITSTAND_GC_FREEZE_ROWS for rows in _weights.values())
    _collect(freeze=large)
    release_free_memory()  # what a forgotten landscape held goes back to the system


#: How long the background waits for a moment without requests before collecting.
COLLECT_WHEN_IDLE_S = 5.0

#: Computations under way, by (landscape key, name).
_flights: dict[tuple, _Flight] = {}


def cached_for_landscape(organisation: Organisation, name: str, compute: Callable[[], T]) -> T:
    """A value derived from the organisation's landscape (the analysis, the cockpit's
    figures, ...), from memory, or `compute()`d and remembered under `name`.

    Single flight: while one thread computes a value, other threads of the process asking
    for the same value of the same landscape wait for it instead of computing it again (six
    threads analysing the same large landscape at once would each take six times as long).
    Other values and other organisations do not wait. If the computation fails, each
    waiting thread computes the value itself. In a request for an organisation beyond the
    supported size computed in the background (`BeingComputed` until kept).
    """
    deadline = background.request_deadline()
    if deadline is None:
        return _kept(_landscape_key(organisation), name, compute)
    return _kept_by_size(_landscape_key(organisation), organisation, name, compute, deadline)


def _landscape_key(organisation: Organisation) -> tuple | None:
    """The key of the organisation's current landscape (one query), None when its values
    must be computed afresh."""
    if settings.LEITSTAND_ANALYSIS_CACHE_SIZE <= 0 or landscape_pending(organisation):
        return None
    return (
        organisation.pk,
        landscape_token(organisation),
        get_language() or settings.LANGUAGE_CODE,
        timezone.localdate(),
    )


def kept_for_request(request, name: str, compute: Callable[[], T]) -> T:
    """`cached_for_landscape` for the request's organisation, with the landscape stamp read
    once per request (a page that shows several kept values pays one query, not one each).
    Beyond the supported size computed in the background (`BeingComputed` until kept)."""
    key = _request_key(request)
    return _kept_by_size(key, request.org, name, compute, background.deadline(request))


def _request_key(request) -> tuple | None:
    key = getattr(request, "_leitstand_landscape_key", _UNREAD)
    if key is _UNREAD:
        key = request._leitstand_landscape_key = _landscape_key(request.org)
    if key is not None and landscape_pending(request.org):
        key = None  # this request changed the landscape: read it fresh from here on
    return key


_UNREAD = object()


def release_request(request) -> None:
    """Drop what an answered request read of the landscape (its `_leitstand_*` attributes: the
    analysis, figures derived from it). A thread keeps its last request alive until its next
    one (auditlog's context variable holds its user), which kept an analysis the cache had
    forgotten in memory (and frozen by the next collection) for as long: 150 MB at 10,000
    systems / 50,000 flows after the cockpit showed the previous figures."""
    for name in [name for name in vars(request) if name.startswith("_leitstand_")]:
        delattr(request, name)


_MISSING = object()


def _hit(key: tuple, name: str) -> Any:
    """The kept value (counted as a hit), or _MISSING; under the lock."""
    values = _landscapes.get(key)
    if values is None or name not in values:
        return _MISSING
    _landscapes.move_to_end(key)
    cache_lookups.labels(name, "hit").inc()
    return values[name]


def _kept(key: tuple | None, name: str, compute: Callable[[], T]) -> T:
    if key is None:
        return compute()  # a change of this thread is not stamped yet: read it fresh
    with _lock:
        found = _hit(key, name)
        if found is not _MISSING:
            return found
        flight = _flights.get((key, name))
        leading = flight is None
        if leading:
            flight = _flights[key, name] = _Flight()
    if not leading:
        flight.done.wait()
        if flight.failed:
            return compute()
        cache_lookups.labels(name, "hit").inc()  # computed once, for this thread too
        return flight.value
    return _lead(key, name, compute, flight)


def _lead(key: tuple, name: str, compute: Callable[[], T], flight: _Flight) -> T:
    """Compute the value of a flight this thread leads, keep it, and let the waiting go."""
    cache_lookups.labels(name, "miss").inc()
    try:
        value = compute()  # outside the lock: other organisations need not wait
    except BaseException as error:
        flight.failed = True
        flight.error = error
        raise
    else:
        flight.value = value
        with _lock:
            _landscapes.setdefault(key, {})[name] = value
            _landscapes.move_to_end(key)
            _weights[key] = _weights.get(key, 0) + _rows(value)
            _evict(settings.LEITSTAND_ANALYSIS_CACHE_SIZE, settings.LEITSTAND_ANALYSIS_CACHE_ROWS)
        _freeze_if_large(value)  # outside the lock: the collection takes up to a second
        return value
    finally:
        with _lock:
            del _flights[key, name]
        flight.done.set()


def kept_fragment(
    request, name: str, template_name: str, context: Callable[[], dict]
) -> SafeString:
    """A part of a page that shows only values of the landscape (no user, no request), rendered
    once per kept landscape: a table of hundreds of rows costs tens of milliseconds to render
    on every view. The key holds the language, so the fragment is in the reader's language."""
    return kept_for_request(
        request, f"html:{name}", lambda: render_to_string(template_name, context())
    )


def kept_with_analysis(analysis: Analysis, name: str, compute: Callable[[], T]) -> T:
    """A value derived from `analysis` alone (its findings in groups, ...), kept with it while
    it is kept, else computed: keyed by the analysis, not by the landscape the organisation has
    now, which a page showing an older landscape's values (`kept_page`) does not read."""
    with _lock:
        key = next((k for k, v in _landscapes.items() if v.get("analysis") is analysis), None)
    return _kept(key, name, compute)


def cached_analysis(organisation: Organisation, compute: Callable[[], Analysis]) -> Analysis:
    """The organisation's analysis from memory, or `compute()`d and remembered."""
    return cached_for_landscape(organisation, "analysis", compute)


def request_analysis(request) -> Analysis:
    """The organisation's analysis, once per request (cockpit sections share it) and from
    memory while the landscape has not changed. Beyond the supported size computed in the
    background (`BeingComputed` until kept)."""
    cached = getattr(request, "_leitstand_analysis", None)
    if cached is None:
        organisation = request.org
        cached = request._leitstand_analysis = _kept_by_size(
            _request_key(request),
            organisation,
            "analysis",
            lambda: analyze(landscape_snapshot(organisation)),
            background.deadline(request),
        )
    return cached


def beyond_supported_size(request) -> bool:
    """The request's organisation has more systems or flows than Leitstand supports (counted
    once per landscape)."""
    organisation = request.org
    size = _kept(_request_key(request), "size", lambda: landscape_size.measure(organisation))
    return size.beyond_supported


def kept_download(request, name: str, write: Callable[[BinaryIO], None]) -> Path:
    """A file derived from the landscape alone (an export, the analysis as JSON), written by
    `write(handle)` into var/downloads/ once per landscape and language; beyond the supported
    size in the background like every kept value (`BeingComputed` until it is written). The
    files of the organisation's earlier landscapes are removed."""
    organisation = request.org
    stem = f"{organisation.pk}-{name}-{get_language()}-"

    def compute() -> Path:
        folder = settings.VAR_DIR / "downloads"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{stem}{uuid.uuid4().hex}"
        with path.open("wb") as handle:
            write(handle)
        for earlier in folder.glob(f"{stem}*"):
            if earlier != path:
                earlier.unlink(missing_ok=True)
        return path

    return kept_for_request(request, f"file:{name}", compute)


def analysis_if_ready(organisation: Organisation) -> Analysis | None:
    """The organisation's analysis for a page about several organisations (the client
    overview): None while it is computed in the background (started here if need be)."""
    try:
        return _kept_by_size(
            _landscape_key(organisation),
            organisation,
            "analysis",
            lambda: analyze(landscape_snapshot(organisation)),
            time.monotonic(),
        )
    except background.BeingComputed:
        return None


def _kept_by_size(
    key: tuple | None, organisation: Organisation, name: str, compute: Callable[[], T], deadline
) -> T:
    """The value kept, else computed here, or, beyond the supported size, in the background,
    waited for until `deadline` (the size is counted when a value is not kept: one query per
    landscape)."""
    if key is None or (key, name) in background.failed or _in_background.get():
        return _kept(key, name, compute)
    with _lock:
        found = _hit(key, name)
    if found is not _MISSING:
        return found
    size = _kept(key, "size", lambda: landscape_size.measure(organisation))
    if not size.beyond_supported:
        return _kept(key, name, compute)
    with _lock:
        if name in _landscapes.get(key, {}):  # came while the size was counted
            return _landscapes[key][name]
        flight = _flights.get((key, name))
        if flight is None:
            flight = _flights[key, name] = _Flight()
            lead = partial(_lead, key, name, compute, flight)
            background.start(lead, key, name, organisation)
    if flight.done.wait(max(0.0, deadline - time.monotonic())):
        if not flight.failed:
            return flight.value
        if not isinstance(flight.error, background.BeingComputed):
            raise flight.error  # the page shows the error, it does not wait for ever
    raise background.being_computed(organisation, name, size, flight.started)


#: Older landscapes shown while their organisation's current values are computed (`kept_page`):
#: kept beyond the cache's bounds until then, at most one per organisation.
_shown_older: set[tuple] = set()


def kept_page(
    request: HttpRequest, page: str, compute: Callable[[HttpRequest], T]
) -> tuple[T, datetime | None]:
    """The values a page shows, `compute(request)` (each read through `kept_for_request`, which
    keeps them with the landscape), and None: they are current.

    Stale while computing: for an organisation of at least `LEITSTAND_STALE_COCKPIT_ROWS`
    systems plus flows whose page values are not kept for its current landscape, but are for an
    older one of the same language and day, the request reads the older values, and returns
    when they were computed, while one thread per organisation computes the current ones with
    `compute` (the older ones are forgotten once they are kept). Only for a page whose values
    need no lookup in the current landscape: other pages look systems up in the analysis, and a
    system created after the older analysis is not in it.
    """
    shown = _show_older(request, page, compute)
    values = compute(request)
    if shown is not None:
        return values, shown
    _kept(_request_key(request), page, timezone.now)  # all of the page's values are kept
    return values, None


def _show_older(request: HttpRequest, page: str, compute: Callable[[HttpRequest], T]):
    """When the page's values of an older landscape are shown: have the request read them, and
    start computing the current ones unless that is under way; their time, else None."""
    key = _request_key(request)
    threshold = settings.LEITSTAND_STALE_COCKPIT_ROWS
    if key is None or threshold <= 0 or (key, page) in background.failed:
        return None
    with _lock:
        if page in _landscapes.get(key, {}):
            return None
        older = _older_landscape(key, page)
        if older is None or not _large(older, threshold):
            return None
        if not _computing(key[0], page):
            _start_computing(request.org, key, page, compute, older)
        cache_lookups.labels(page, "stale").inc()
        shown = _landscapes[older][page]
    request._leitstand_landscape_key = older  # every kept value of this request: the older one
    return shown


def while_older_shown(request: HttpRequest, page: str) -> Callable[[HttpRequest], bool]:
    """For a request that showed an older landscape's values of `page` (`kept_page`): whether
    a later request would be shown the same, i.e. its current landscape's values are not kept
    yet, the same older ones are the latest kept, and they are being computed (the page cache,
    `leitstand.tenancy.pagecache`, sends such a page again just so long, also after further
    changes while the computation runs)."""
    shown = request._leitstand_landscape_key

    def still(later: HttpRequest) -> bool:
        key = _request_key(later)
        if key is None or key[0] != shown[0]:
            return False
        with _lock:
            return (
                page not in _landscapes.get(key, {})
                and _older_landscape(key, page) == shown
                and _computing(key[0], page)
            )

    return still


def _computing(organisation_pk: int, page: str) -> bool:
    """Whether the page's values of some landscape of the organisation are being computed
    (under the lock)."""
    return any(k[0] == organisation_pk and name == page for k, name in _flights)


def _older_landscape(key: tuple, page: str) -> tuple | None:
    """The latest other landscape of the organisation, language and day with the page's values
    kept (under the lock)."""
    organisation, _token, *language_day = key
    older = [
        (values[page], k)
        for k, values in _landscapes.items()
        if k[0] == organisation and k[2:] == tuple(language_day) and k != key and page in values
    ]
    return max(older)[1] if older else None


def _large(key: tuple, threshold: int) -> bool:
    size = _landscapes[key].get("size")
    return _weights.get(key, 0) >= threshold or (size is not None and size.beyond_supported)


def _start_computing(organisation, key: tuple, page: str, compute, older: tuple) -> None:
    """Compute the page's values of `key` in the background, showing `older` until then; the
    organisation's other older landscapes of this language and day are forgotten now (under the
    lock)."""
    for other in list(_landscapes):
        if other[0] == key[0] and other[2:] == key[2:] and other not in (key, older):
            _forget(other)
    _shown_older.add(older)
    # a stand-in for the request: the page's values are of the landscape alone
    stand_in = HttpRequest()
    stand_in.org = organisation
    stand_in._leitstand_landscape_key = key

    def compute_all() -> datetime:
        token = _in_background.set(True)
        try:
            compute(stand_in)
        finally:
            _in_background.reset(token)
        with _lock:
            _forget(older)
        return timezone.now()

    def lead() -> None:
        try:
            _lead(key, page, compute_all, flight)
        finally:
            # the collection after forgetting the older landscape holds every thread of the
            # process (0.6-0.8 s at 10,000 systems / 50,000 flows): between requests if any
            background.wait_until_idle(COLLECT_WHEN_IDLE_S)
            _freeze_kept()
            with _lock:
                _shown_older.discard(older)  # done (`wait_for_background`)

    flight = _flights[key, page] = _Flight()
    background.start(lead, key, page, organisation)


def wait_for_background(timeout_s: float) -> bool:
    """Wait until no value is being computed (tests, the benchmark); False after the timeout."""
    deadline = time.monotonic() + timeout_s
    while True:
        with _lock:
            flights = list(_flights.values())
            shown = bool(_shown_older)
        if not flights and not shown:
            return True
        if not flights:  # a computation in the background forgets the landscape it replaces
            time.sleep(0.01)
        if time.monotonic() > deadline:
            return False
        for flight in flights:
            if not flight.done.wait(max(0.0, deadline - time.monotonic())):
                return False


def cached_count() -> int:
    """How many landscapes are kept."""
    return len(_landscapes)


def forget_all(keeping: tuple[str, ...] = ()) -> None:
    """Empty the cache but for the values named in `keeping` (tests, the benchmark; nothing in
    the application needs it)."""
    global _unfreeze_due
    with _lock:
        dropped_large = False
        for key, values in list(_landscapes.items()):
            kept = {name: value for name, value in values.items() if name in keeping}
            dropped = _weights.get(key, 0) - sum(_rows(value) for value in kept.values())
            # only what was frozen needs the full collection (tests forget small landscapes
            # after each test: a full collection each, about 10 % of the suite's time)
            dropped_large |= dropped >= settings.LEITSTAND_GC_FREEZE_ROWS
            if kept:
                _landscapes[key] = kept
                _weights[key] = sum(_rows(value) for value in kept.values())
            else:
                del _landscapes[key]
                _weights.pop(key, None)
        _shown_older.clear()
        background.failed.clear()
    if dropped_large:
        # as an eviction, and a large analysis kept is frozen again: else every full
        # collection walks its millions of objects (3-10 s at 300,000 rows, holding every
        # thread)
        with _lock:
            _unfreeze_due = True
        _freeze_kept()
