"""The cyclic garbage collector around building many objects (engine.collector_paused)."""

import gc

from leitstand.analysis.engine import collector_paused


def test_objects_frozen_before_stay_frozen():
    """A kept large analysis is frozen (landscape.cache); unfreezing it on the way out let
    full collections walk its millions of objects again, seconds holding every thread."""
    gc.unfreeze()
    kept = [[n] for n in range(1000)]  # lists: always tracked by the collector
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with collector_paused():
            built = [[n] for n in range(1000)]
        assert gc.get_freeze_count() >= frozen + len(built)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert kept


def test_with_nothing_frozen_the_new_objects_are_left_to_full_collections():
    gc.unfreeze()
    with collector_paused():
        built = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0 and gc.isenabled() and built
