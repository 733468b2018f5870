"""Analyses kept in memory between requests, until the organisation's landscape changes.

A large landscape takes up to a second to analyse; the cockpit, a system's page, the
findings and the resilience pages all read the same analysis. Each worker process keeps the
most recently used ones (`LEITSTAND_ANALYSIS_CACHE_SIZE`, 0 turns this off), keyed by:
- the organisation and its landscape stamp (`leitstand.tenancy.stamps`), read with one query
  per request, so a change made through any worker is seen by every other one at once;
- the language (names of capabilities and data objects are taken in the reader's language);
- the day (support dates and restore tests are judged against today).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from leitstand.analysis import Analysis
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import landscape_token

_lock = threading.Lock()
_analyses: OrderedDict[tuple, Analysis] = OrderedDict()


def cached_analysis(organisation: Organisation, compute: Callable[[], Analysis]) -> Analysis:
    """The organisation's analysis from memory, or `compute()`d and remembered."""
    size = settings.LEITSTAND_ANALYSIS_CACHE_SIZE
    if size <= 0:
        return compute()
    key = (
        organisation.pk,
        landscape_token(organisation),
        get_language() or settings.LANGUAGE_CODE,
        timezone.localdate(),
    )
    with _lock:
        analysis = _analyses.get(key)
        if analysis is not None:
            _analyses.move_to_end(key)
            return analysis
    analysis = compute()  # outside the lock: other organisations need not wait
    with _lock:
        _analyses[key] = analysis
        _analyses.move_to_end(key)
        while len(_analyses) > size:
            _analyses.popitem(last=False)
    return analysis


def cached_count() -> int:
    return len(_analyses)


def forget_all() -> None:
    """Empty the cache (tests; nothing in the application needs it)."""
    with _lock:
        _analyses.clear()
