"""A server process's memory: what the C library keeps after Python freed it.

Python hands larger blocks (lists and dicts of an analysis, rendered pages) to the C
library's allocator. glibc gives each thread that allocates an arena of its own (up to eight
per processor) and keeps freed memory in them for reuse; after a large analysis was computed in
one thread and forgotten in another, a worker held hundreds of MB it no longer used. Two
things return it: fewer arenas (`LEITSTAND_MALLOC_ARENAS`, set when a gunicorn worker starts)
and handing free memory back after a large landscape is forgotten (`release_free_memory`).
Elsewhere than on glibc (musl, macOS) both do nothing.
"""

import ctypes
import ctypes.util
import logging
from functools import cache

from django.conf import settings

logger = logging.getLogger(__name__)

#: mallopt's parameter for the number of arenas (glibc's malloc.h)
_M_ARENA_MAX = -8


@cache
def _glibc():
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return None
    if not hasattr(library, "mallopt") or not hasattr(library, "malloc_trim"):
        return None
    return library


def limit_malloc_arenas() -> bool:
    """At most LEITSTAND_MALLOC_ARENAS arenas in this process (0: the library's default).
    Call before the threads that answer requests start. True when it was applied."""
    arenas = settings.LEITSTAND_MALLOC_ARENAS
    library = _glibc()
    if arenas <= 0 or library is None:
        return False
    return bool(library.mallopt(_M_ARENA_MAX, arenas))


def release_free_memory() -> bool:
    """Hand the memory the C library keeps free back to the operating system (a few ms per
    hundred MB); True when it returned some."""
    library = _glibc()
    if library is None:
        return False
    return bool(library.malloc_trim(0))
