"""Writing the site: all or nothing.

The new site is written to a fresh staging folder beside the output folder, indexed there, and
only then swapped in. If anything fails, the previous output is untouched. diparchive deletes
only its own staging folder and a folder it recognises as its own earlier output (it carries a
marker file); it refuses to replace any other folder.

An update (`update=True`: the caller knows that every other file of the output stays as it is)
stages only the new files; once everything, the search index included, has been made, they are
moved into a copy of the output made of hard links, which then takes the output's place. The
output folder is therefore always one whole build: the two folders are exchanged in one step
(Linux `renameat2(RENAME_EXCHANGE)`), or, where that is not supported, by two renames, of which
a build killed in between leaves the previous output under its retired name, put back by the
next build. The leftovers of a killed build (its staging folders) are swept by the next one, and
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
from dataclasses import dataclass
from pathlib import Path

from ..errors import fail

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
    seconds: float  # time the build waited for writing and linking, beyond producing the files


# finish(staged folder, written) → folders (site-relative) it made anew in the staged folder, whose
# files the update replaces as a whole: the old files of such a folder that are not in the new
# one are deleted.
Finish = Callable[[Path, Written], tuple[str, ...]]


def write_site(
    files: Iterable[tuple[str, bytes]],
    static_dir: Path | None,
    output: Path,
    finish: Finish | None = None,
    digest: str = "",
    reuse: frozenset[str] = frozenset(),
    update: bool = False,
) -> Written:
    """Write `files` ((site-relative path, bytes), as they come), the files in `reuse` as they
    are in the current output (hard links: unchanged pages cost nothing), and `static_dir`; run
    `finish` on the staged folder (the search index), then swap the staged folder in as
    `output`. With `update`, only `files` are staged and then moved into `output`, whose other
    files stay. If anything fails, including the `files` iterator, the staged folder is removed
    and `output` is untouched.

    The hard links are made by a thread, and `files` written by two more, while `files` are being
    produced (once the first has come: render workers are forked by then, never beside a running
    thread); `Written.seconds` counts only the time the build waited for them."""
    output = output.resolve()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = _scratch(output, "staging")
    except OSError as exc:
        raise fail(output, None, f"cannot write beside the output folder: {exc.strerror}") from None
    made: set[str] = set()

    def place(relative: str) -> str:
        target = os.path.join(staging, relative)
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        return target

    linking = _Linking(output, [] if update else sorted(reuse), place)
    writers = _Writers(place)
    try:
        count = 0
        for relative, data in files:
            linking.start()
            writers.put(relative, data)
            count += 1
        linking.start()
        writing = writers.join() + linking.join()
        if static_dir is not None and static_dir.is_dir() and not update:
            shutil.copytree(static_dir, staging / "static", dirs_exist_ok=True)
        written = Written(count, writing)
        replaced = finish(staging, written) if finish is not None else ()
        if update:
            _update(staging, output, replaced, digest)
            return written
        (staging / MARKER).write_text(_marker(digest), encoding="utf-8")
        staging.chmod(0o755)
        _swap(staging, output)
    except OSError as exc:
        writers.stop()
        linking.stop()
        shutil.rmtree(staging, ignore_errors=True)
        where = f" ({exc.filename})" if exc.filename else ""
        raise fail(
            output, None, f"cannot write the output{where}: {exc.strerror or exc}; the previous output is unchanged"
        ) from None
    except BaseException:
        writers.stop()
        linking.stop()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


class _Writers:
    """Files written by a few threads as they come, so that the building thread goes on taking
    rendered pages from the workers meanwhile; at most `depth` files wait in memory."""

    def __init__(self, place: Callable[[str], str], threads: int = 2, depth: int = 128) -> None:
        self.place, self.count = place, threads
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
        self.queue.put((relative, data))

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:  # after an error, only drain the queue
                try:
                    with open(self.place(item[0]), "wb") as f:
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


class _Linking:
    """The hard links of the files an output keeps, made in a thread into the staged folder
    (system calls: the thread waits in the kernel, not for the interpreter)."""

    def __init__(self, output: Path, relatives: list[str], place: Callable[[str], str]) -> None:
        self.output, self.relatives, self.place = str(output), relatives, place
        self.halt = threading.Event()
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.thread is None and self.relatives:
            self.thread = threading.Thread(target=self._run, name="diparchive-link", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        try:
            for relative in self.relatives:
                if self.halt.is_set():
                    return
                source, target = os.path.join(self.output, relative), self.place(relative)
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copyfile(source, target)
        except BaseException as exc:  # raised in the building thread by join()
            self.error = exc

    def join(self) -> float:
        """Wait for every link; the seconds waited. The thread's error is raised here."""
        clock = time.perf_counter()
        if self.thread is not None:
            self.thread.join()
        if self.error is not None:
            raise self.error
        return time.perf_counter() - clock

    def stop(self) -> None:
        """Stop early (the build failed) and wait, so that nothing is linked into a removed folder."""
        self.halt.set()
        if self.thread is not None:
            self.thread.join()


def _scratch(output: Path, kind: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f".{output.name}.{kind}-", dir=output.parent))


def _marker(digest: str) -> str:
    return MARKER_TEXT + (f"inputs: {digest}\n" if digest else "")


def _update(staging: Path, output: Path, replaced: tuple[str, ...], digest: str) -> None:
    """Make a copy of `output` of hard links, move the staged files into it (each replacing its
    old name, never writing into a file the old output shares), delete the old files of
    `replaced` folders that the new ones lack, and put the copy in the output's place."""
    new = {(Path(folder) / name).relative_to(staging) for folder, _, names in os.walk(staging) for name in names}
    copy = _scratch(output, "staging")
    try:
        _link_tree(output, copy)
        stale = [
            old
            for folder in replaced
            for old in _folder_files(copy / folder, staging / folder)
            if old.relative_to(copy) not in new
        ]
        for folder, _, names in os.walk(staging):
            target = copy / Path(folder).relative_to(staging)
            target.mkdir(exist_ok=True)
            for name in names:
                os.replace(Path(folder) / name, target / name)
        for old in stale:
            old.unlink(missing_ok=True)
        (copy / MARKER).unlink(missing_ok=True)  # a hard link of the output's own marker
        (copy / MARKER).write_text(_marker(digest), encoding="utf-8")
        copy.chmod(output.stat().st_mode & 0o7777)
        shutil.rmtree(staging)
        _swap(copy, output)
    except BaseException:
        shutil.rmtree(copy, ignore_errors=True)
        raise


def _link_tree(source: Path, target: Path) -> None:
    for folder, _, names in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(exist_ok=True)
        for name in names:
            os.link(Path(folder) / name, here / name)


def _folder_files(old: Path, new: Path) -> list[Path]:
    """The files of the old folder, and of its subfolders that the new one also has."""
    if not old.is_dir():
        return []
    found = []
    for entry in os.scandir(old):
        if entry.is_dir(follow_symlinks=False):
            if (new / entry.name).is_dir():
                found += _folder_files(Path(entry.path), new / entry.name)
        else:
            found.append(Path(entry.path))
    return found


def _swap(staging: Path, output: Path) -> None:
    """Put `staging` in the place of `output`: in one step where the system can exchange two
    folders, otherwise by two renames (see sweep_leftovers for a kill in between)."""
    if not os.path.lexists(output):
        os.rename(staging, output)
        return
    if _exchange(staging, output):
        _remove_tree(staging)  # now the previous output
        return
    retired = _scratch(output, "previous")
    retired.rmdir()
    os.rename(output, retired)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(retired, output)
        raise
    _remove_tree(retired)


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
