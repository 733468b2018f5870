"""Who writes: the audit log's actor for a block of writes.

auditlog's `set_actor` replaces the request's context (set by its middleware with the user and
their address) and does not put it back, so a write after a service call in the same request
was logged without anybody. `acting_as` puts the previous context back when the block ends.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor


@contextmanager
def acting_as(actor) -> Iterator[None]:
    try:
        previous = auditlog_value.get()
    except LookupError:
        previous = None
    try:
        with set_actor(actor):
            yield
    finally:
        if previous is not None:
            auditlog_value.set(previous)  # its receiver is still connected: it applies again
