"""A pool worker whose driver is killed on its own exits instead of running on as an orphan."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

DRIVER = """
import os, time
from storyline.engine import local


def pid() -> int:
    return os.getpid()


if __name__ == "__main__":
    pool = local._pool(1, warm=False)
    print(pool.submit(pid).result(), flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has exited


def test_a_killed_drivers_worker_exits(tmp_path: Path) -> None:
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    driver = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert driver.stdout is not None
    worker = int(driver.stdout.readline())
    try:
        assert worker != driver.pid and _alive(worker)
        driver.kill()  # SIGKILL: the driver cannot shut its pool down
        driver.wait()
        deadline = time.monotonic() + 60
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(worker)
    finally:
        if _alive(worker):
            os.kill(worker, 9)
