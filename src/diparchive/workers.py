"""Use every core: a function mapped over items in forked worker processes.

With the fork start method a child inherits everything the function closes over (the registry,
the page plan, the Jinja environment), so only the results travel back, pickled, in batches.
Results come back in input order, so the output does not depend on scheduling.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

BATCH = 64  # results per message from a worker
MIN_ITEMS = 64  # below this, forking costs more than it saves


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def fork_map(
    fn: Callable[[T], R], items: Sequence[T], workers: int, on_progress: Callable[[int], None] | None = None
) -> list[R]:
    """[fn(x) for x in items], computed by `workers` forked processes."""
    results: list[R | None] = [None] * len(items)
    for index, value in fork_imap(fn, items, workers, on_progress):
        results[index] = value
    return results  # type: ignore[return-value]


def fork_imap(
    fn: Callable[[T], R], items: Sequence[T], workers: int, on_progress: Callable[[int], None] | None = None
) -> Iterator[tuple[int, R]]:
    """(i, fn(items[i])) for every item, as they are ready, computed by `workers` forked
    processes (item i goes to worker i % workers), so the caller can use each result at once.
    `fn` should not raise: return errors as values. A crash in a worker is raised here as a
    RuntimeError carrying the worker's traceback."""
    if workers <= 1 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        for index, item in enumerate(items):
            yield index, fn(item)
            if on_progress is not None and (index + 1) % BATCH == 0:
                on_progress(index + 1)
        return
    context = multiprocessing.get_context("fork")
    pipes: list[Connection] = []
    processes = []
    for worker in range(workers):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(fn, items, worker, workers, send, os.getpid()), daemon=True)
        process.start()
        send.close()
        pipes.append(receive)
        processes.append(process)
    done = 0
    failure: str | None = None
    open_pipes = list(pipes)
    try:
        while open_pipes:
            for ready in wait(open_pipes):
                pipe = cast(Connection, ready)  # wait() returns the connections it was given
                try:
                    kind, payload = pickle.loads(pipe.recv_bytes())
                except EOFError:
                    open_pipes.remove(pipe)
                    continue
                if kind == "batch":
                    yield from payload
                    done += len(payload)
                    if on_progress is not None:
                        on_progress(done)
                elif kind == "crash":
                    failure = failure or payload
                else:  # "end"
                    open_pipes.remove(pipe)
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    if failure is not None or done != len(items):
        raise RuntimeError("a worker process failed:\n" + (failure or f"{len(items) - done} results missing"))


def _work(
    fn: Callable[[Any], Any], items: Sequence[Any], worker: int, workers: int, send: Connection, parent: int
) -> None:
    _die_with(parent)
    try:
        batch = []
        for index in range(worker, len(items), workers):
            batch.append((index, fn(items[index])))
            if len(batch) == BATCH:
                send.send_bytes(pickle.dumps(("batch", batch), protocol=pickle.HIGHEST_PROTOCOL))
                batch = []
        if batch:
            send.send_bytes(pickle.dumps(("batch", batch), protocol=pickle.HIGHEST_PROTOCOL))
        send.send_bytes(pickle.dumps(("end", None)))
    except BaseException:
        send.send_bytes(pickle.dumps(("crash", traceback.format_exc())))
    finally:
        send.close()
        os._exit(0)  # no atexit handlers or buffers of the parent run twice


def _die_with(parent: int) -> None:
    """A worker dies with the build (kill -9): an orphan would work on for nothing and keep the
    output's lock, which it shares, held (Linux's parent-death signal)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build died before the signal was asked for
        os._exit(1)
