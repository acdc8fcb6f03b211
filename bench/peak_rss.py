"""Peak RSS of a process's children, read from ``/proc`` while they run.

``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is no worker's peak: a spawned child is forked before
it runs the new interpreter, and Linux counts the fork's copy of the parent's pages as the
child's, so the figure is at least the driver's RSS at the moment of each spawn (a driver at
514 MB spawning a worker that uses 15 MB reports 514). This samples each child's ``VmHWM``
(its own high-water mark since it started the interpreter) instead.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

__all__ = ["ChildPeaks"]


class ChildPeaks:
    """``with ChildPeaks() as peaks: ...`` then ``peaks.largest_mb``: the largest ``VmHWM``
    any child of this process reached, sampled every ``every`` seconds (a child that grows and
    exits between two samples is read at its last sample)."""

    def __init__(self, every: float = 0.25) -> None:
        self.every = every
        self.peaks: dict[int, int] = {}  # pid -> VmHWM in kB
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="child-peaks", daemon=True)

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def largest_mb(self) -> float:
        return max(self.peaks.values(), default=0) / 1024

    def _watch(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.every):
            for pid in _children(me):
                kb = _hwm_kb(pid)
                if kb > self.peaks.get(pid, 0):
                    self.peaks[pid] = kb


def _children(pid: int) -> list[int]:
    """This process's children, from every thread's ``children`` list (Linux)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
