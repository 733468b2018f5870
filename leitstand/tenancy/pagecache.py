"""Rendered pages kept until the landscape changes: a page read again, by the same user in the
same language on the same day, is sent from memory instead of being built again.

The pages that opt in (`org_view(page_cache=True)`, `OrgViewMixin.page_cache = True`) show
nothing but the organisation's landscape: the cockpit, the system list and a system's page, the
findings, the roadmap. Building one at 10,000 systems costs 30-250 ms of a worker's time (the
template alone is most of it); sending it again costs the session and login lookups and one
query for the landscape stamp (`leitstand.tenancy.stamps`), which changes with every write an
analysis could notice, so a kept page is never sent after a change. Keyed by:
- the organisation and its stamp, the user and their role, the language, the day;
- the scheme, host and full path with its query (filters, search, sort, page; the API's links
  to the next page are absolute).
The REST API's lists and objects are kept the same way (`answer_from_cache`, `keep_answer`: its
answers are rendered after the view returns), keyed also by the Accept header.
Not kept: anything but a plain 200 HTML or JSON answer, an answer that sets a cookie or forbids
keeping (`Cache-Control: no-store`: the "being computed" page, a figure shown from before the
latest change), htmx requests, a request with messages waiting to be shown, a request that
wrote something. A page may be kept on a condition (`page_cache_while` on the response, a
function of the request asked before the page is sent again), whatever its Cache-Control tells
browsers: the cockpit showing its previous figures while the current ones are computed is kept
for as long as it would show the same figures, across changes of the stamp meanwhile (each
change would otherwise build the same page again while the processor computes the figures).
Each worker process keeps up to `LEITSTAND_PAGE_CACHE_MB` of pages (least recently used go
first), each for at most `LEITSTAND_PAGE_CACHE_SECONDS` (what is not part of the landscape -
the user's list of organisations, "3 minutes ago" - is never older than that).

The form protection token (CSRF) differs from session to session: it is taken out of a kept
page and the requester's own put in when it is sent.
"""

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language
from prometheus_client import Counter

from leitstand.tenancy.stamps import landscape_pending, landscape_token

#: Stands for the form protection token in a kept page.
_PLACEHOLDER = b"\x00csrf\x00"
#: Where a rendered page carries the token: hidden form fields and the htmx header.
_TOKEN_PLACES = re.compile(
    rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{32,128})"'
    rb'|"X-CSRFToken": "([A-Za-z0-9]{32,128})"'
)
#: The kinds of answer kept (pages and the REST API's JSON; not CSV or files).
_KEPT_TYPES = ("text/html", "application/json")
#: Response headers sent again with a kept page (the middleware adds the rest anew).
_KEPT_HEADERS = ("Content-Type", "Content-Language")

page_cache_lookups = Counter(
    "leitstand_page_cache_lookups_total",
    "Pages sent from memory (hit), built (miss) or built without looking (skip)",
    ["result"],
)


@dataclass(frozen=True)
class _Page:
    body: bytes  # as sent (encoded once, not on every send)
    headers: tuple[tuple[str, str], ...]
    expires: float  # time.monotonic()
    still_valid: Callable[[HttpRequest], bool] | None

    @property
    def size(self) -> int:
        return len(self.body)


_lock = threading.Lock()
_pages: OrderedDict[tuple, _Page] = OrderedDict()
_size = 0


def _limit() -> int:
    return settings.LEITSTAND_PAGE_CACHE_MB * 1024 * 1024


def _key(request: HttpRequest, *more: str) -> tuple | None:
    """The kept page's key, or None when this request must be built afresh."""
    if _limit() <= 0 or request.method != "GET" or request.headers.get("HX-Request"):
        return None
    organisation = request.org
    if landscape_pending(organisation) or len(get_messages(request)):
        return None  # messages are shown once; counting them does not mark them shown
    return (
        organisation.pk,
        landscape_token(organisation),
        request.user.pk,
        request.membership.role,
        get_language(),
        timezone.localdate(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        *more,
    )


def _while_key(key: tuple) -> tuple:
    """Where a page kept on a condition is kept: its key without the landscape stamp."""
    return (key[0], None, *key[2:])


def _lookup(key: tuple, request: HttpRequest) -> _Page | None:
    with _lock:
        found = next(((k, _pages[k]) for k in (key, _while_key(key)) if k in _pages), None)
        if found is None:
            return None
        key, page = found
        if time.monotonic() > page.expires:
            _drop(key)
            return None
        _pages.move_to_end(key)
    if page.still_valid is not None and not page.still_valid(request):
        with _lock:
            if _pages.get(key) is page:
                _drop(key)
        return None
    return page


def _drop(key: tuple) -> None:
    global _size
    page = _pages.pop(key)
    _size -= page.size


def _keepable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(_KEPT_TYPES):
        return False
    if getattr(response, "page_cache_while", None) is not None:
        return True
    control = response.get("Cache-Control", "")
    return "no-store" not in control and "no-cache" not in control


def _keep(key: tuple, response: HttpResponse) -> None:
    global _size
    body = response.content
    for found in {match.group(1) or match.group(2) for match in _TOKEN_PLACES.finditer(body)}:
        body = body.replace(found, _PLACEHOLDER)
    page = _Page(
        body,
        tuple((name, response[name]) for name in _KEPT_HEADERS if response.has_header(name)),
        time.monotonic() + settings.LEITSTAND_PAGE_CACHE_SECONDS,
        getattr(response, "page_cache_while", None),
    )
    if page.size > _limit():
        return
    if page.still_valid is not None:
        key = _while_key(key)
    with _lock:
        if key in _pages:
            _drop(key)
        _pages[key] = page
        _size += page.size
        while _size > _limit():
            _drop(next(iter(_pages)))


def _send(request: HttpRequest, page: _Page) -> HttpResponse:
    body = page.body
    if _PLACEHOLDER in body:
        body = body.replace(_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(body)
    for name, value in page.headers:
        response[name] = value
    return response


def page_from_cache(request: HttpRequest, build: Callable[[], HttpResponse]) -> HttpResponse:
    """The page from memory, or `build()` it (and keep it when it may be kept).

    Call after the request's organisation and membership are known (`authorize`)."""
    key = _key(request)
    sent = _from_memory(request, key)
    if sent is not None:
        return sent
    response = build()
    return response if key is None else _kept_if_keepable(request, key, response)


def answer_from_cache(request: HttpRequest) -> HttpResponse | None:
    """The REST API's kept answer to this request, or None: then build it, and pass it to
    `keep_answer` once it is ready to be rendered. Call after the organisation and
    membership are known (the API's permission check)."""
    key = _key(request, request.headers.get("Accept", ""))
    sent = _from_memory(request, key)
    if sent is None and key is not None:
        request.page_cache_key = key
    return sent


def _from_memory(request: HttpRequest, key: tuple | None) -> HttpResponse | None:
    """The kept answer under `key` (None: not to be looked up), counted."""
    if key is None:
        page_cache_lookups.labels("skip").inc()
        return None
    page = _lookup(key, request)
    if page is None:
        page_cache_lookups.labels("miss").inc()
        return None
    page_cache_lookups.labels("hit").inc()
    return _send(request, page)


def keep_answer(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Keep the answer built after `answer_from_cache` found none (when it may be kept)."""
    key = getattr(request, "page_cache_key", None)
    if key is None:
        return response
    request.page_cache_key = None
    return _kept_if_keepable(request, key, response)


def _kept_if_keepable(request: HttpRequest, key: tuple, response: HttpResponse) -> HttpResponse:
    render = getattr(response, "render", None)
    if callable(render) and not getattr(response, "is_rendered", True):
        response = render()
    if _keepable(response) and not landscape_pending(request.org):
        _keep(key, response)
    return response


def forget_pages() -> None:
    """Forget every kept page (tests; nothing in the application needs it)."""
    global _size
    with _lock:
        _pages.clear()
        _size = 0
