"""How a radar process lets Python's garbage collector run.

Loading, Jinja, matplotlib and fpdf2 make hundreds of thousands of short-lived objects, and with Python's
default young generation (700 objects) the collector ran hundreds of times per build, each time walking
everything alive: at a thousand blips 0.27 s of the build's own CPU and 0.2 s of the drawing worker's.
Collected in batches of 20,000 it runs a few dozen times, for the same peak memory (bench/bench.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_OBJECTS = 20_000


def collect_in_batches() -> None:
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


@contextmanager
def kept_alive() -> Iterator[None]:
    """What exists now (a build's loaded radar) lives until the block ends: no older-generation collection
    walks it again (~0.05 s of a 1000-blip build), and a process that builds many times gets it back to
    collect afterwards.  Objects someone froze before are left as they were, and nothing more is frozen."""
    mine = gc.get_freeze_count() == 0
    if mine:
        gc.freeze()
    try:
        yield
    finally:
        if mine:
            gc.unfreeze()
