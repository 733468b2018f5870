"""What the C library keeps after Python freed it goes back to the system
(leitstand.landscape.memory)."""

import threading

import pytest

from leitstand.landscape import memory

glibc = pytest.mark.skipif(memory._glibc() is None, reason="glibc's allocator only")


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


@glibc
def test_freed_memory_of_another_thread_goes_back_to_the_system():
    blocks: list[bytes] = []
    survivors: list[bytes] = []

    def allocate():  # as an analysis computed in a background thread
        blocks.extend(bytes(2000) for _ in range(60_000))  # 120 MB in blocks glibc keeps
        survivors.extend(blocks[::50])  # a few stay: the arena cannot shrink by itself

    thread = threading.Thread(target=allocate)
    thread.start()
    thread.join()
    blocks.clear()
    held = _rss_mb()
    assert memory.release_free_memory()
    assert _rss_mb() < held - 60
    assert len(survivors) == 1200


@glibc
@pytest.mark.parametrize("arenas", [2, 0])
def test_the_number_of_arenas_is_limited_when_set(settings, arenas):
    settings.LEITSTAND_MALLOC_ARENAS = arenas
    assert memory.limit_malloc_arenas() is (arenas > 0)
