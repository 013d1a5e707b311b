"""Writing the site: all or nothing.

The new site is written to a fresh staging folder beside the output folder, indexed there, and
only then swapped in. If anything fails, the previous output is untouched. diparchive deletes
only its own staging folder and a folder it recognises as its own earlier output (it carries a
marker file); it refuses to replace any other folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import fail

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
        raise fail(output, None, f"refusing to replace a folder diparchive did not write (it has no {MARKER} file); empty it or choose another --output")


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


def write_site(files: Iterable[tuple[str, bytes]], static_dir: Path | None, output: Path, finish: Callable[[Path, Written], None] | None = None,
               digest: str = "", reuse: frozenset[str] = frozenset()) -> Written:
    """Write `files` ((site-relative path, bytes), as they come), the files in `reuse` as they
    are in the current output (hard links: unchanged pages cost nothing), and `static_dir`; run
    `finish` on the staged folder (the search index), then swap the staged folder in as
    `output`. If anything fails, including the `files`
    iterator, the staged folder is removed and `output` is untouched."""
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
        for relative in sorted(reuse):
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
        if static_dir is not None and static_dir.is_dir():
            shutil.copytree(static_dir, staging / "static", dirs_exist_ok=True)
        (staging / MARKER).write_text(MARKER_TEXT + (f"inputs: {digest}\n" if digest else ""), encoding="utf-8")
        written = Written(count, writing)
        if finish is not None:
            finish(staging, written)
        staging.chmod(0o755)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


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
