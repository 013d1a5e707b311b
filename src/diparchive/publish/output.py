"""Writing the site: all or nothing.

The new site is written to a fresh staging folder beside the output folder, indexed there, and
only then swapped in. If anything fails, the previous output is untouched. diparchive deletes
only its own staging folder and a folder it recognises as its own earlier output (it carries a
marker file); it refuses to replace any other folder.

An update (`update=True`: the caller knows that every other file of the output stays as it is)
stages only the new files, and moves them in once everything, the search index included, has
been made. While they are moved the marker says so; a build that finds it so (the update was
cut short) rebuilds everything.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
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


UPDATING = "updating"  # the marker's input digest while an update moves its files in


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
    seconds: float  # time spent writing and linking, while the files were being produced


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
    and `output` is untouched."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.staging-", dir=output.parent))
    made: set[Path] = set()

    def place(relative: str) -> Path:
        target = staging / relative
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        return target

    try:
        clock = time.perf_counter()
        for relative in [] if update else sorted(reuse):
            try:
                os.link(output / relative, place(relative))
            except OSError:
                shutil.copyfile(output / relative, place(relative))
        count, writing = 0, time.perf_counter() - clock
        for relative, data in files:
            clock = time.perf_counter()
            place(relative).write_bytes(data)
            writing += time.perf_counter() - clock
            count += 1
        if static_dir is not None and static_dir.is_dir() and not update:
            shutil.copytree(static_dir, staging / "static", dirs_exist_ok=True)
        written = Written(count, writing)
        replaced = finish(staging, written) if finish is not None else ()
        if update:
            _move_in(staging, output, replaced, digest)
            return written
        (staging / MARKER).write_text(_marker(digest), encoding="utf-8")
        staging.chmod(0o755)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


def _marker(digest: str) -> str:
    return MARKER_TEXT + (f"inputs: {digest}\n" if digest else "")


def _move_in(staging: Path, output: Path, replaced: tuple[str, ...], digest: str) -> None:
    """Move the staged files into `output` (each one replaced at once), delete the old files of
    `replaced` folders that the new ones lack, and only then record the new input digest."""
    new = {(Path(folder) / name).relative_to(staging) for folder, _, names in os.walk(staging) for name in names}
    stale = [
        old
        for folder in replaced
        for old in _folder_files(output / folder, staging / folder)
        if old.relative_to(output) not in new
    ]
    (output / MARKER).write_text(_marker(UPDATING), encoding="utf-8")
    for folder, _, names in os.walk(staging):
        target = output / Path(folder).relative_to(staging)
        target.mkdir(exist_ok=True)
        for name in names:
            os.replace(Path(folder) / name, target / name)
    for old in stale:
        old.unlink(missing_ok=True)
    shutil.rmtree(staging)
    (output / MARKER).write_text(_marker(digest), encoding="utf-8")


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
    if not output.exists():
        os.rename(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.previous-", dir=output.parent))
    retired.rmdir()
    os.rename(output, retired)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(retired, output)
        raise
    shutil.rmtree(retired)
