"""The client-side search index: the real Pagefind binary, run over the article pages in
parts, and its output made stable so that the same site always gives the same index bytes.

With `search_part_pages` set (or, for `auto`, in a large archive), the index is cut into parts
of that many article pages in date order, oldest first, indexed side by side (one per core);
each part is a Pagefind bundle of its own (`pagefind/`, then `pagefind/part-2/`, …) that the
search page merges (Pagefind's `mergeIndex`). A part whose pages did not change is taken from
the previous output instead of being indexed again, and Pagefind's memory grows with a part,
not with the archive.
"""

from __future__ import annotations

import ctypes
import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import cbor2

from ..errors import fail
from ..plan.search_parts import IndexPart

# The real Pagefind binary, from the `pagefind[bin]` wheel, run with the Python that runs diparchive.
PAGEFIND = (sys.executable, "-m", "pagefind")
# Pagefind's binary files: gzip around a signature and a CBOR document.
_SIGNATURE = b"pagefind_dcd"


def _meta_path(folder: Path, name: str) -> Path:
    return folder / f"pagefind.{name}.pf_meta"


def part_key(part: IndexPart, page_digests: dict[str, str], pages_key: str) -> str | None:
    """What a part's index is made from: the digests of its pages' indexed views under the same
    templates and code (Pagefind's version included). None when a page has no digest: index it
    again."""
    if any(f not in page_digests for f in part.files):
        return None
    h = hashlib.blake2b(pages_key.encode(), digest_size=16)
    for f in part.files:
        h.update(f"\0{f}\0{page_digests[f]}".encode())
    return h.hexdigest()


def index_site(
    site_dir: Path,
    parts: tuple[IndexPart, ...],
    keys: tuple[str | None, ...] = (),
    previous: dict[str, Path] | None = None,
    base: Path | None = None,
) -> tuple[str, tuple[str, ...]]:
    """Index the article pages of `site_dir` part by part into it; a part whose key is in
    `previous` (key → that part's bundle in the previous output) is taken from there. Then
    number the date order across parts. With `base`, `site_dir` holds only the files that
    changed and `base` the rest of the site, bundles included: only new bundles are written to
    `site_dir`. Returns a summary line and the bundle folders written; raises a user error on
    failure."""
    previous = previous or {}

    def locate(relative: str) -> Path:
        staged = site_dir / relative
        return staged if base is None or staged.exists() else base / relative

    made: list[str] = []
    fresh: list[IndexPart] = []
    for number, part in enumerate(parts):
        key = keys[number] if keys else None
        source = previous.get(key) if key else None
        if source is not None and (source / "pagefind-entry.json").is_file():
            if base is None or source != base / part.folder:
                _link_bundle(source, site_dir / part.folder)
                made.append(part.folder)
            continue
        fresh.append(part)
    _run_pagefind(locate, fresh, site_dir)
    for part in fresh:
        stabilise_index(site_dir / part.folder)
        made.append(part.folder)
    indexed = len(fresh)
    made += _number_sorts_across(site_dir, base, parts)
    pages = sum(len(part.files) for part in parts)
    return (
        f"{pages} article pages in {len(parts)} part(s) of the index, {indexed} indexed, {len(parts) - indexed} unchanged",
        tuple(made),
    )


def _link_bundle(source: Path, target: Path) -> None:
    """A bundle of the previous output, as hard links (the first part's folder holds the others:
    they are not its files)."""
    for folder, dirs, files in os.walk(source):
        here = Path(folder)
        if here == source:
            dirs[:] = [d for d in dirs if not d.startswith("part-")]
        destination = target / here.relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in files:
            _link(here / name, destination / name)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)


def _run_pagefind(locate: Callable[[str], Path], parts: list[IndexPart], site_dir: Path) -> None:
    """Pagefind over each part, up to one run per core at a time (Pagefind indexes on about one
    core), each over a folder of `site_dir` (the staged output: a killed build's leftovers are
    all in one folder) holding only the part's pages (hard links), written to its bundle."""
    hint = "the previous output is unchanged; build with --no-search to skip the search index"
    works = []
    try:
        for part in parts:
            work = Path(tempfile.mkdtemp(prefix=".diparchive-index-", dir=site_dir))
            works.append(work)
            for relative in part.files:
                (work / relative).parent.mkdir(parents=True, exist_ok=True)
                _link(locate(relative), work / relative)
            if not part.files:  # an empty archive still gets a (empty) search index
                (work / "index.html").write_text(
                    '<!doctype html><html lang="en"><title>-</title><body data-pagefind-body></body></html>',
                    encoding="utf-8",
                )
        commands = [
            [*PAGEFIND, "--site", str(work), "--output-path", str(site_dir / part.folder)]
            for part, work in zip(parts, works)
        ]
        _pagefind(commands, hint, os.cpu_count() or 1)
        for part in parts:
            if not (site_dir / part.folder / "pagefind-entry.json").is_file():
                raise fail(
                    None,
                    None,
                    f"Pagefind reported success but wrote no index ({part.folder}pagefind-entry.json); {hint}",
                )
    finally:
        for work in works:
            shutil.rmtree(work, ignore_errors=True)


# A part of a few thousand pages takes seconds; a Pagefind that runs this long is hung.
PAGEFIND_TIMEOUT = 600.0


def _pagefind(commands: list[list[str]], hint: str, at_once: int) -> None:
    """Run Pagefind once per command, `at_once` at a time, each in a process group of its own,
    all killed whenever the build stops (an error, Ctrl-C, SIGTERM as a CI cancellation sends)
    and, on Linux, when the build process dies (the kernel's parent-death signal). At the first
    failure the others are stopped and it is reported."""
    waiting = list(enumerate(commands))
    running: dict[int, tuple[subprocess.Popen[str], Any, float]] = {}
    failures: dict[int, str] = {}
    try:
        while waiting or running:
            while waiting and len(running) < max(1, at_once):
                number, command = waiting.pop(0)
                log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
                try:
                    process = subprocess.Popen(
                        command,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        text=True,
                        start_new_session=True,
                        preexec_fn=_parent_death_signal(),
                    )
                except OSError as exc:
                    log.close()
                    raise fail(None, None, f"could not run Pagefind ({exc}); {hint}") from None
                running[number] = (process, log, time.monotonic())
            if not running:
                break
            for number, (process, log, began) in sorted(running.items()):
                code = process.poll()
                if code is None:
                    if time.monotonic() - began > PAGEFIND_TIMEOUT:
                        raise fail(
                            None,
                            None,
                            f"Pagefind did not finish within {PAGEFIND_TIMEOUT:.0f} s and was stopped; {hint}",
                        )
                    continue
                del running[number]
                if code != 0:
                    log.seek(0)
                    failures[number] = log.read()
                log.close()
            if failures:
                break  # the others are stopped: the build fails anyway
            if running:
                time.sleep(0.02)
    finally:
        for process, log, _ in running.values():
            _stop(process)
            log.close()
    if failures:
        _failed(failures[min(failures)], hint)


def _failed(output: str, hint: str) -> None:
    detail = output.strip().splitlines()[-5:]
    if any("No module named" in line for line in detail):
        raise fail(
            None,
            None,
            f"Pagefind is not installed in this Python ({sys.executable}): pip install 'pagefind[bin]'; {hint}",
        )
    raise fail(None, None, f"Pagefind failed to index the site ({hint}):\n  " + "\n  ".join(detail))


def _stop(process: subprocess.Popen[str]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def _parent_death_signal() -> Callable[[], None] | None:
    """What the child runs before Pagefind starts (looked up here, not in the child, where only
    a system call is safe): be killed when the build process dies."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return partial(prctl, 1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _replace(path: Path, data: bytes) -> None:
    """Write a new file, never into an existing one: a part taken from the previous output
    shares its files with it (hard links)."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def _number_sorts_across(site_dir: Path, base: Path | None, parts: tuple[IndexPart, ...]) -> list[str]:
    """Pagefind ranks a sorted result by its position in its own bundle's sort order, and merged
    bundles' results are then ordered by that number: "newest first" would interleave parts.
    Parts are consecutive runs of one date order, so shifting each part's positions by the
    pages of the parts before it (page numbers that match no page, in front of its sort lists)
    makes the positions those of a single index. A bundle of `base` that needs new numbers is
    first linked into `site_dir`; the folders so made are returned."""
    before: dict[tuple[str, str], int] = {}
    made = []
    for part in parts:
        folder = site_dir / part.folder
        if base is not None and not (folder / "pagefind-entry.json").is_file():
            folder = base / part.folder
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        renumbered = {}
        for lang, info in sorted(entry["languages"].items()):
            version, pages, chunks, filters, sorts, meta_fields = read_index_file(
                folder / f"pagefind.{info['hash']}.pf_meta"
            )
            numbered = []
            for name, order in sorts:
                own = [i for i in order if i < len(pages)]  # without an earlier build's shift
                numbered.append([name, [len(pages)] * before.get((lang, name), 0) + own])
                before[(lang, name)] = before.get((lang, name), 0) + len(own)
            if numbered != sorts:
                renumbered[lang] = [version, pages, chunks, filters, numbered, meta_fields]
        if not renumbered:
            continue
        if folder != site_dir / part.folder:
            _link_bundle(folder, site_dir / part.folder)
            folder = site_dir / part.folder
            made.append(part.folder)
        for lang, document in renumbered.items():
            old = folder / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta"
            entry["languages"][lang]["hash"] = _write(document, lang, 10, partial(_meta_path, folder))
            old.unlink()
        _replace(
            folder / "pagefind-entry.json", json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        )
    return made


def read_index_file(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise fail(path, None, "not a Pagefind index file (unknown Pagefind version?)")
    return cbor2.loads(raw[len(_SIGNATURE) :])


def _write(document: Any, lang: str, digits: int, path_of: Callable[[str], Path]) -> str:
    """Write `document` under a name made from its content, as Pagefind names its files."""
    raw = _SIGNATURE + cbor2.dumps(document)
    name = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    if not path_of(name).exists():  # the same name holds the same bytes
        path_of(name).write_bytes(gzip.compress(raw, mtime=0))
    return name


def stabilise_index(pagefind_dir: Path) -> None:
    """Pagefind (1.5) numbers pages in the order it finds their files, which is the file
    system's listing order (hash order on ext4, newest first on tmpfs): the same site built on
    two machines would number its pages differently. And the values in a filter file, the
    filter list in the meta file and the languages of the entry file come out of hash maps in an
    order that changes from run to run (Pagefind issue #638). So the pages are numbered again in
    the order of their fragments' names (made from their content), every page number is
    rewritten (word index, filters, sorts), the hash-map orders are sorted, and the rewritten
    files are renamed by their content: the same site then gives the same bytes anywhere."""
    entry_path = pagefind_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry["languages"].items()):
        meta_path = pagefind_dir / f"pagefind.{info['hash']}.pf_meta"
        version, pages, chunks, filters, sorts, meta_fields = read_index_file(meta_path)
        order = sorted(range(len(pages)), key=lambda number: pages[number][0])
        new_number = {old: new for new, old in enumerate(order)}
        pages = [pages[old] for old in order]
        sorts = [[name, [new_number[old] for old in numbers]] for name, numbers in sorts]
        chunks = [
            [*chunk[:2], _renumber_chunk(pagefind_dir / "index", chunk[2], lang, new_number), *chunk[3:]]
            for chunk in chunks
        ]
        renamed = []
        for name, old_hash in sorted(filters, key=lambda f: f[0]):
            filter_path = pagefind_dir / "filter" / f"{old_hash}.pf_filter"
            key, values = read_index_file(filter_path)
            values = sorted([value, sorted(new_number[old] for old in numbers)] for value, numbers in values)
            filter_path.unlink()
            renamed.append([name, _write([key, values], lang, 7, lambda n: pagefind_dir / "filter" / f"{n}.pf_filter")])
        meta_path.unlink()
        document = [version, pages, chunks, renamed, sorts, meta_fields]
        info["hash"] = _write(document, lang, 10, lambda n: pagefind_dir / f"pagefind.{n}.pf_meta")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _renumber_chunk(index_dir: Path, name: str, lang: str, new_number: dict[int, int]) -> str:
    """A word index chunk with its pages numbered anew; returns its new name. Each word (and
    each of its variants, e.g. without diacritics) lists its pages in ascending order, each
    page's number given as the step from the one before; the variants come in the order they
    were first met, so they are sorted."""
    path = index_dir / f"{name}.pf_index"
    (words,) = read_index_file(path)
    for word in words:
        word[1] = _renumbered_pages(word[1], new_number)
        for variant in word[2]:
            variant[1] = _renumbered_pages(variant[1], new_number)
        word[2].sort(key=lambda variant: variant[0])
    path.unlink()
    return _write([words], lang, 7, lambda n: index_dir / f"{n}.pf_index")


def _renumbered_pages(entries: list[list[Any]], new_number: dict[int, int]) -> list[list[Any]]:
    numbered, number = [], 0
    for step, *rest in entries:
        number += step
        numbered.append([new_number[number], *rest])
    numbered.sort(key=lambda entry: entry[0])
    previous = 0
    for entry in numbered:
        entry[0], previous = entry[0] - previous, entry[0]
    return numbered
