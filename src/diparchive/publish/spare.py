"""An update of the output written into a spare copy of it, which then takes the output's place.

The output is never written into. An update (the build reuses the output's pages) writes the files
that changed into a copy of the output and exchanges the two folders in one step (see
`output.write_site`), so the output is always one whole build. The copy is the *spare*: the output
the last update retired, kept in the build cache (same file system), with the files in which it
differs from the output it gave way to (`Update.differs`). Bringing it up to date costs those files
alone, so an update costs the files it changes, not the whole tree: no folder of the site is made
or removed but those that appear or go. A full build makes the output it retired the spare too
(`refit`: every file relinked, cheaper than removing it). Without a spare (the first build, one left
half done by a killed build, a cache on another file system) the copy is made of hard links of the
whole output. Where the file system makes no hard links, files are copied instead (and a full build
keeps no spare).

The spare shares its unchanged files with the output (hard links): a file is never written into,
only replaced by a new one. A spare whose update was cut short keeps a `BUSY` name and is removed
by the next build (`sweep_spare`), which then trusts nothing of the output: removing the links
moved the change time of the output's files, which its recorded state includes.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

BUSY = ".busy"  # the spare's name, with this added, while an update is written into it


@dataclass(frozen=True, slots=True)
class Update:
    """What an update needs besides the new files: decided by `build.incremental`."""

    retired: frozenset[str]  # the output's files the new output no longer has (site-relative)
    differs: frozenset[str] | None  # files in which the kept spare differs from the output; None: no spare to use


def busy_name(spare: Path) -> Path:
    return spare.with_name(spare.name + BUSY)


def sweep_spare(spare: Path) -> None:
    """Remove a spare whose update a killed build left half done."""
    drop(busy_name(spare))


def drop(folder: Path) -> None:
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.is_dir():
        shutil.rmtree(folder)


def open_copy(output: Path, spare: Path, differs: frozenset[str] | None) -> tuple[Path, bool]:
    """The folder to write the update into (the spare's busy name), and whether it is the kept
    spare, to be brought up to date by `differs` (True), or a new copy of hard links of the whole
    output (False)."""
    busy = busy_name(spare)
    drop(busy)
    if differs is not None and spare.is_dir() and not spare.is_symlink():
        os.rename(spare, busy)
        return busy, True
    drop(spare)
    busy.mkdir()
    link_tree(output, busy)
    return busy, False


def link_tree(source: Path, target: Path) -> None:
    for folder, _, names in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(exist_ok=True)
        for name in names:
            _link(os.path.join(folder, name), os.path.join(here, name))


def bring_up(copy: Path, output: Path, relatives: list[str]) -> None:
    """Make each of `relatives` in `copy` what it is in `output`: the same file (a hard link),
    or, where the output has none, no file (its folders removed once empty)."""
    for relative in relatives:
        source, target = os.path.join(output, relative), os.path.join(copy, relative)
        _unlink(target)
        try:
            _link(source, target)
        except FileNotFoundError:
            if not os.path.lexists(source):  # the output has no such file
                prune(os.path.dirname(target), copy)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)  # a folder the copy lacks
            _link(source, target)


def retire(copy: Path, relatives: frozenset[str]) -> None:
    for relative in sorted(relatives):
        target = os.path.join(copy, relative)
        if _unlink(target):
            prune(os.path.dirname(target), copy)


def move_in(staging: Path, copy: Path, replaced: tuple[str, ...]) -> set[str]:
    """Move the staged files into `copy` (each replacing its old name), and delete the old files
    of `replaced` folders that the new ones lack; the files so changed (site-relative)."""
    new = {
        Path(os.path.relpath(os.path.join(folder, name), staging)).as_posix()
        for folder, _, names in os.walk(staging)
        for name in names
    }
    stale = {
        old.relative_to(copy).as_posix()
        for folder in replaced
        for old in _folder_files(copy / folder, staging / folder)
        if old.relative_to(copy).as_posix() not in new
    }
    for folder, _, names in os.walk(staging):
        target = copy / Path(folder).relative_to(staging)
        target.mkdir(exist_ok=True)
        for name in names:
            os.replace(Path(folder) / name, target / name)
    retire(copy, frozenset(stale))
    return new | stale


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


def refit(retired: Path, output: Path, spare: Path) -> bool:
    """Make the output a full build retired the spare of the new one: each file replaced by a hard
    link of the new output's, the files and folders the new output lacks removed. Its folders, most
    of which the new output has too, are kept: cheaper than removing it, and the first update then
    needs no copy of the whole output. A link (to a folder, anywhere) the retired output had is
    removed, never followed. False if that fails (then nothing is kept)."""
    busy = busy_name(spare)
    try:
        drop(busy)
        drop(spare)
        os.rename(retired, busy)
        files, folders = set(), set()
        for folder, _, names in os.walk(output):
            here = os.path.relpath(folder, output)
            folders.add(here)
            into = os.path.join(busy, here)
            if os.path.islink(into) or (os.path.lexists(into) and not os.path.isdir(into)):
                os.unlink(into)  # a link put there by hand: never followed out of the output
            os.makedirs(into, exist_ok=True)
            for name in names:
                _unlink(os.path.join(into, name))
                os.link(os.path.join(folder, name), os.path.join(into, name), follow_symlinks=False)
                files.add(os.path.normpath(os.path.join(here, name)))
        for folder, dirs, names in os.walk(busy, topdown=False):
            here = os.path.relpath(folder, busy)
            for name in dirs:  # a link to a folder is listed with the folders, and never walked
                if os.path.islink(os.path.join(folder, name)):
                    os.unlink(os.path.join(folder, name))
            for name in names:
                if os.path.normpath(os.path.join(here, name)) not in files:
                    os.unlink(os.path.join(folder, name))
            if here not in folders:
                os.rmdir(folder)
        os.rename(busy, spare)
    except OSError:
        shutil.rmtree(busy, ignore_errors=True)
        return False
    return True


def keep(retired: Path, spare: Path) -> bool:
    """Keep the output an update retired as the next spare; False if it cannot be put there."""
    try:
        drop(spare)
        os.rename(retired, spare)
    except OSError:
        return False
    return True


def prune(folder: str, top: Path) -> None:
    """Remove `folder` and its parents below `top` while they are empty."""
    stop = str(top)
    while folder != stop and folder.startswith(stop):
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)


def _link(source: str, target: str) -> None:
    """A hard link of `source` at `target`, or a copy of it where the file system makes none
    (or no more: too many links); a missing file or folder is raised as it is."""
    try:
        os.link(source, target, follow_symlinks=False)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _unlink(path: str) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    return True
