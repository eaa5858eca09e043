"""Drawing on the machine's other cores: the pictures and PDFs a cold build makes, in worker processes.

A cold build spends half its time in matplotlib and fpdf2 (the radar PNG and PDF, the review pack, the
slides, the charts), each independent of the pages, which Jinja renders meanwhile in the build's own
process.  Workers are forked from the build once the site is listed, so they start with its loaded radar
and imports and cost only the fork; each returns the bytes of one path, made by the same code as in the
build's own process, so the site is the same byte for byte whoever made a file.  A file the build reaches
before a worker took it is made in the build itself (the queue balances itself).  No pool when little is
to be drawn (a warm build takes every picture from the cache), on one core, or when the process runs other
threads (a fork copies only the calling thread: a lock another thread holds would never be released).
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor

from ..collector import collect_in_batches

WORKERS = 1  # the build's own process renders the pages on one core; one worker draws on the other
MIN_JOBS = 2  # fewer files to draw than this do not pay for a pool
ORPHAN_CHECK = 0.5  # seconds between a worker's looks at whether its build still runs
# Imported by both sides of the fork: the drawing (radar.png, the slides) and the build's own charts (their
# labels are measured with Pillow's font).  Imported once before it, not once in each process.
SHARED_IMPORTS = ("PIL.ImageFont",)

_makers: dict[str, Callable[[], bytes]] = {}  # what a forked worker makes, inherited from the build


def _make(path: str) -> bytes:
    return _makers[path]()


def _start() -> None:
    """In a new worker: what it inherited from the build (the loaded radar, the site's listing) lives as long
    as the worker, so no collection walks it (`gc.freeze`), and the young generation is collected in
    larger batches."""
    gc.freeze()
    collect_in_batches()
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()


def _exit_with(build: int) -> None:
    """End the worker once the build that forked it is gone (killed, say): otherwise it would wait for
    ever to hand over a picture no one reads, holding its memory (it holds the pipe's other end too)."""
    while os.getppid() == build:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Drawing:
    """Files being drawn by a worker; `take(path)` gives one's bytes, made here if no worker started it."""

    def __init__(self, jobs: Iterable[tuple[str, Callable[[], bytes]]]) -> None:
        jobs = list(jobs)
        self.futures: dict[str, Future[bytes]] = {}
        self.pool: ProcessPoolExecutor | None = None
        usable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
        if len(jobs) < MIN_JOBS or cores() < 2 or not usable:
            return
        _makers.clear()
        _makers.update(jobs)
        for name in SHARED_IMPORTS:
            importlib.import_module(name)
        self.pool = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork"), initializer=_start)
        self.futures = {path: self.pool.submit(_make, path) for path, _ in jobs}

    def take(self, path: str, make: Callable[[], bytes]) -> bytes:
        future = self.futures.pop(path, None)
        if future is None or future.cancel():  # not queued, or no worker started it yet: made here
            return make()
        return future.result()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        _makers.clear()
