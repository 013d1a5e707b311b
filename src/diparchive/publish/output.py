"""Writing the site: all or nothing.

The new site is written to a fresh staging folder beside the output folder, indexed there, and
only then swapped in. If anything fails, the previous output is untouched. diparchive deletes
only its own staging folder and a folder it recognises as its own earlier output (it carries a
marker file); it refuses to replace any other folder.

An update (`update`: the build reuses the output's pages) writes only the files that changed, into
a copy of the output (the spare the last update retired, brought up to date: `publish.spare`),
which then takes the output's place. The output folder is therefore always one whole build, and
never written into: the two folders are exchanged in one step (Linux
`renameat2(RENAME_EXCHANGE)`), or, where that is not supported, by two renames, of which a build
killed in between leaves the previous output under its retired name, put back by the next build.
The leftovers of a killed build (its staging folders) are swept by the next one, and
an output folder is written by one build at a time (`output_lock`).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import queue
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import fail
from .spare import Update, bring_up, drop, keep, link_tree, move_in, open_copy, refit, retire

MARKER = ".diparchive-output"
MARKER_TEXT = "This folder is written by `diparchive build` and replaced whole on each build.\n"


def check_output_dir(output: Path, root: Path, protected: tuple[Path, ...]) -> None:
    output, root = output.resolve(), root.resolve()
    if output == root or root.is_relative_to(output):
        raise fail(output, None, "the output folder cannot be the site root or one of its parents")
    for folder in protected:
        folder = folder.resolve()
        if output == folder or output.is_relative_to(folder) or folder.is_relative_to(output):
            raise fail(output, None, f"the output folder overlaps {folder}, which holds the site's sources")
    if output.exists() and not output.is_dir():
        raise fail(output, None, "the output path exists and is not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise fail(
            output,
            None,
            f"refusing to replace a folder diparchive did not write (it has no {MARKER} file); empty it or choose another --output",
        )


UPDATING = "updating"  # the marker of an output that an earlier version was updating in place
_LEFTOVER = r"(staging|previous)-[a-z0-9_]{8}"  # tempfile.mkdtemp's names, as below


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold the output folder's parent locked while a build writes it: a second build of the same
    output stops with a message instead of interleaving. The lock (flock on the folder) dies with
    its process, so a killed build leaves no stale lock behind; then sweep what a killed build
    left beside the output."""
    output = output.resolve()
    parent = output.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        blocked = next((p for p in (parent, *parent.parents) if p.exists() and not p.is_dir()), None)
        reason = f"{blocked} is not a folder" if blocked else exc.strerror
        raise fail(output, None, f"cannot write the output folder: {reason}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise fail(
                output,
                None,
                "another diparchive build is writing this output folder now; try again when it has finished",
            ) from None
        sweep_leftovers(output)
        yield
    finally:
        os.close(fd)  # releases the lock


def sweep_leftovers(output: Path) -> list[Path]:
    """Remove what a killed build left beside `output`: its staging folders and retired outputs
    (named `.{output}.staging-XXXXXXXX`, `.{output}.previous-XXXXXXXX`, made by this user; the
    older `.diparchive-index-XXXXXXXX` too). Nothing else is touched. A retired output whose
    replacement never arrived (a kill between two renames) becomes the output again."""
    pattern = re.compile(rf"\.{re.escape(output.name)}\.{_LEFTOVER}|\.diparchive-index-[a-z0-9_]{{8}}")
    swept = []
    try:
        entries = sorted(os.scandir(output.parent), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        if not pattern.fullmatch(entry.name) or not entry.is_dir(follow_symlinks=False):
            continue
        if entry.stat(follow_symlinks=False).st_uid != os.geteuid():
            continue
        path = Path(entry.path)
        if ".previous-" in entry.name and not os.path.lexists(output) and (path / MARKER).is_file():
            os.rename(path, output)
            continue
        shutil.rmtree(path, ignore_errors=True)
        swept.append(path)
    return swept


def built_from(output: Path) -> str | None:
    """The input digest the output folder was built from, if diparchive wrote it."""
    try:
        lines = (output / MARKER).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((line.split(": ", 1)[1] for line in lines if line.startswith("inputs: ")), None)


@dataclass(frozen=True, slots=True)
class Written:
    files: int  # files written (reused ones aside)
    seconds: float  # time the build waited for writing, beyond producing the files
    # An update: the files in which the output it retired differs from the new one (what the
    # next update brings the spare up to date by), and the only files of the new output whose
    # size or times may differ from the old one's (None: any, the copy was made anew).
    changed: frozenset[str] | None = None
    touched: frozenset[str] | None = None
    spared: bool = False  # the retired output is kept as the spare


# finish(staged folder, base, written) → folders (site-relative) it made anew in the staged folder.
# With `base` (an update) the staged folder holds only what finish makes, `base` the rest of the new
# site; the old files of a folder made anew that are not in the new one are deleted.
Finish = Callable[[Path, Path | None, Written], tuple[str, ...]]


def write_site(
    files: Iterable[tuple[str, bytes]],
    static_dir: Path | None,
    output: Path,
    finish: Finish | None = None,
    digest: str = "",
    update: Update | None = None,
    spare: Path | None = None,
) -> Written:
    """Write `files` ((site-relative path, bytes), as they come) and `static_dir` into a fresh
    staged folder, run `finish` on it (the search index), then swap it in as `output`. With
    `update`, the output's other files stay: `files` are written into a copy of the output
    instead (the spare kept at `spare`, brought up to date, or hard links of the whole output:
    see publish.spare), `update.retired` deleted from it, and the retired output kept at `spare`
    for the next update. Without `update`, the retired output is made the spare of the new one.
    If anything fails, including the `files` iterator, what was staged is removed and `output`
    is untouched.

    Files are written by two threads while `files` are being produced (once the first has come:
    render workers are forked by then, never beside a running thread); `Written.seconds` counts
    only the time the build waited for them."""
    output = output.resolve()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = _scratch(output, "staging")
    except OSError as exc:
        raise fail(output, None, f"cannot write beside the output folder: {exc.strerror}") from None
    if spare is not None and not _same_file_system(spare.parent, output.parent):
        spare = None  # a spare is exchanged with the output
    copy: Path | None = None
    writers: _Writers | None = None
    try:
        synced = False
        if update is not None:
            if spare is not None:
                copy, synced = open_copy(output, spare, update.differs)
            else:
                copy = _scratch(output, "staging")
                link_tree(output, copy)
        writers = _Writers(copy or staging, replacing=copy is not None)
        count = 0
        for relative, data in files:
            writers.put(relative, data)
            count += 1
        written = Written(count, writers.join())
        if update is None or copy is None:
            if static_dir is not None and static_dir.is_dir():
                shutil.copytree(static_dir, staging / "static", dirs_exist_ok=True)
            if finish is not None:
                finish(staging, None, written)
            (staging / MARKER).write_text(_marker(digest), encoding="utf-8")
            staging.chmod(0o755)
            retired = _swap(staging, output)
            spared = retired is not None and spare is not None and refit(retired, output, spare)
            if not spared:
                if retired is not None and retired.exists():
                    _remove_tree(retired)
                if spare is not None:
                    drop(spare)
            return replace(written, changed=frozenset() if spared else None, spared=spared)
        if synced and update.differs is not None:
            bring_up(copy, output, sorted(update.differs - writers.names - update.retired))
        retire(copy, update.retired - writers.names)
        moved = move_in(staging, copy, finish(staging, copy, written) if finish is not None else ())
        (copy / MARKER).unlink(missing_ok=True)  # a hard link of the output's own marker
        (copy / MARKER).write_text(_marker(digest), encoding="utf-8")
        copy.chmod(output.stat().st_mode & 0o7777)
        shutil.rmtree(staging)
        changed = frozenset(writers.names | moved | update.retired | {MARKER})
        retired = _swap(copy, output)
        spared = retired is not None and spare is not None and keep(retired, spare)
        if retired is not None and not spared:
            _remove_tree(retired)
        touched = changed | update.differs if synced and update.differs is not None else None
        return replace(written, changed=changed, touched=touched, spared=spared)
    except OSError as exc:
        _abandon(writers, staging, copy)
        where = f" ({exc.filename})" if exc.filename else ""
        raise fail(
            output, None, f"cannot write the output{where}: {exc.strerror or exc}; the previous output is unchanged"
        ) from None
    except BaseException:
        _abandon(writers, staging, copy)
        raise


def _same_file_system(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


def _abandon(writers: _Writers | None, staging: Path, copy: Path | None) -> None:
    if writers is not None:
        writers.stop()
    for folder in (staging, copy):
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


class _Writers:
    """Files written by a few threads as they come, so that the building thread goes on taking
    rendered pages from the workers meanwhile; at most `depth` files wait in memory. With
    `replacing`, a file already there is unlinked first, never written into (it may be a hard
    link the output shares)."""

    def __init__(self, top: Path, replacing: bool, threads: int = 2, depth: int = 128) -> None:
        self.top, self.replacing, self.count = str(top), replacing, threads
        self.made: set[str] = set()  # folders made or found
        self.names: set[str] = set()  # the files given, site-relative
        self.queue: queue.Queue[tuple[str, bytes] | None] = queue.Queue(maxsize=depth)
        self.threads: list[threading.Thread] = []
        self.error: BaseException | None = None

    def put(self, relative: str, data: bytes) -> None:
        if not self.threads:  # after the first file: render workers are forked by then
            self.threads = [
                threading.Thread(target=self._run, name="diparchive-write", daemon=True) for _ in range(self.count)
            ]
            for thread in self.threads:
                thread.start()
        if self.error is not None:
            raise self.error
        self.names.add(relative)
        self.queue.put((relative, data))

    def _place(self, relative: str) -> str:
        target = os.path.join(self.top, relative)
        parent = os.path.dirname(target)
        if parent not in self.made:
            os.makedirs(parent, exist_ok=True)
            self.made.add(parent)
        if self.replacing:
            try:
                os.unlink(target)
            except FileNotFoundError:
                pass
        return target

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:  # after an error, only drain the queue
                try:
                    with open(self._place(item[0]), "wb") as f:
                        f.write(item[1])
                except BaseException as exc:  # raised in the building thread
                    self.error = exc

    def join(self) -> float:
        """Wait until every file is written; the seconds waited. A thread's error is raised here."""
        clock = time.perf_counter()
        self.stop()
        if self.error is not None:
            raise self.error
        return time.perf_counter() - clock

    def stop(self) -> None:
        for _ in self.threads:
            self.queue.put(None)
        for thread in self.threads:
            thread.join()
        self.threads = []


def _scratch(output: Path, kind: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f".{output.name}.{kind}-", dir=output.parent))


def _marker(digest: str) -> str:
    return MARKER_TEXT + (f"inputs: {digest}\n" if digest else "")


def _swap(staging: Path, output: Path) -> Path | None:
    """Put `staging` in the place of `output`: in one step where the system can exchange two
    folders, otherwise by two renames (see sweep_leftovers for a kill in between). The retired
    output is then where `staging` was, or under a name of its own: that path, for the caller to
    remove or keep (None: there was no output)."""
    if not os.path.lexists(output):
        os.rename(staging, output)
        return None
    if _exchange(staging, output):
        return staging  # now the previous output
    retired = _scratch(output, "previous")
    retired.rmdir()
    os.rename(output, retired)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(retired, output)
        raise
    return retired


def _remove_tree(folder: Path, threads: int = 2) -> None:
    """Remove a retired output, its subfolders' entries shared among a few threads: removing
    thousands of page folders is system calls, which threads make side by side."""
    entries = [
        inner
        for top in os.scandir(folder)
        if top.is_dir(follow_symlinks=False)
        for inner in os.scandir(top.path)
        if inner.is_dir(follow_symlinks=False)
    ]
    with ThreadPoolExecutor(threads, thread_name_prefix="diparchive-remove") as pool:
        for _ in pool.map(lambda entry: shutil.rmtree(entry.path), entries):
            pass
    shutil.rmtree(folder)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two paths at once (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
