"""The build cache on disk: what the last build read and wrote, and the digests it is keyed by.
What a build may reuse of it is decided in `incremental`.

Everything lives in one hidden folder beside site.yaml (`.diparchive-cache/`), which can be
deleted at any time: the next build is then a full one, with the same output.

- The *input digest* covers every file the output depends on (site.yaml, content, templates,
  diparchive's own code, the Pagefind version, the search switch). The output folder's marker
  records the digest it was built from: same digest, nothing to do.
- *Records*: each article file's parsed record, keyed by the file's bytes and by the digest of
  what parsing depends on (the registry and diparchive's code).
- *Pages*: the digest of each page's view (template inputs); a page whose view and templates are
  unchanged is taken from the previous output instead of being rendered again.
- The *spare* (`spare/`): the output the last update retired, which the next update is written
  into (publish.spare); the templates compiled (`templates/`).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from ..errors import DiparchiveError, fail

CACHE_DIR = ".diparchive-cache"
SPARE = "spare"  # in CACHE_DIR: the spare copy of the output an update is written into (publish.spare)
TEMPLATES = "templates"  # in CACHE_DIR: the templates compiled (publish.render.make_environment)
_PACKAGE = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """(path relative to `folder`, entry) for every file under it, sorted; one walk with
    os.scandir, so a file's size and time cost one system call at most."""
    found: list[tuple[str, os.DirEntry[str]]] = []
    pending = [(str(folder), "")]
    while pending:
        current, prefix = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, f"{prefix}{entry.name}/"))
            else:
                found.append((f"{prefix}{entry.name}", entry))
    return sorted(found, key=lambda item: item[0])


def file_digest(path: Path) -> str:
    """The bytes' digest, read in chunks (a huge file never sits in memory). A symlink or any
    other non-regular file is digested as what it is, never followed: the loader refuses it."""
    h = hashlib.blake2b(digest_size=16)
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        h.update(b"symlink\0" + os.fsencode(os.readlink(path)))
    elif not stat.S_ISREG(mode):
        h.update(f"special\0{mode}".encode())
    else:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    return h.hexdigest()


def _add_contents(folder: Path, h: Any, suffix: str = "") -> None:
    for relative, entry in _files(folder):
        if relative.endswith(suffix):
            h.update(f"{relative}\0{file_digest(Path(entry.path))}\0".encode("utf-8", "surrogateescape"))


# The files of each input folder, from one walk: the stat digest and the input digest both read
# it, and an entry's size and time are fetched once.
Scan = tuple[list[tuple[str, os.DirEntry[str]]], ...]


def scan_inputs(folders: tuple[Path, ...]) -> Scan:
    return tuple(_files(folder) for folder in folders)


def _add_stats(files: list[tuple[str, os.DirEntry[str]]], h: Any) -> None:
    """Size, modification and change time: a write changes the change time even when the
    modification time is put back (`touch -r`, tools that keep times)."""
    for relative, entry in files:
        stat = entry.stat(follow_symlinks=False)
        h.update(
            f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0".encode("utf-8", "surrogateescape")
        )


def code_digest() -> str:
    """diparchive's own source and the Pagefind version: a new release invalidates the cache."""
    h = hashlib.blake2b(digest_size=16)
    _add_contents(_PACKAGE, h, suffix=".py")  # not __pycache__
    try:
        h.update(metadata.version("pagefind").encode())
    except metadata.PackageNotFoundError:
        h.update(b"no pagefind")
    return h.hexdigest()


# A file's (size, modification time, change time in ns, digest), as the last build saw it.
Seen = dict[str, tuple[int, int, int, str]]


def inputs_digest(
    config_file: Path, scan: Scan, search: bool, code: str, seen: Seen | None = None, settled_before_ns: int = 0
) -> tuple[str, dict[Path, str], Seen]:
    """The digest of everything the output depends on, each input file's own digest, and what
    was seen of each file. A file whose size and times (modification and change) are as in `seen`
    is not read again, unless a time is so close to that build (`settled_before_ns`) that an
    edit in the same clock tick could hide behind it: stat is a short cut, the digest decides."""
    seen = seen or {}
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{code}\0search={search}\0{file_digest(config_file)}\0".encode())
    digests: dict[Path, str] = {}
    now: Seen = {}
    for files in scan:
        h.update(b"\0folder\0")
        for relative, entry in files:
            stat = entry.stat(follow_symlinks=False)
            before = seen.get(entry.path)
            if (
                before is not None
                and len(before) == 4
                and before[:3] == (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
                and max(stat.st_mtime_ns, stat.st_ctime_ns) < settled_before_ns
            ):
                digest = before[3]
            else:
                digest = file_digest(Path(entry.path))
            digests[Path(entry.path)] = digest
            now[entry.path] = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, digest)
            h.update(f"{relative}\0{digest}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest(), digests, now


def check_cache_dir(root: Path) -> None:
    """The cache folder must be a folder `save_cache` can write, each place it writes free: found
    out before the output is replaced, not after (a file where its `records` folder goes, a folder
    where a file goes, a folder that cannot be written)."""
    folder = root / CACHE_DIR
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise _unusable(folder, "is not a folder")
    places = (folder, folder / "records", folder / TEMPLATES)
    files = [folder / name for name in ("README", "cache.pickle", "cache.pickle.new", "last.pickle", "last.pickle.new")]
    if (folder / "records").is_dir():
        files += [p for p in (folder / "records").iterdir() if p.name.endswith((".pickle", ".pickle.new"))]
    for place in places[1:]:
        if place.is_symlink() or (place.exists() and not place.is_dir()):
            raise _unusable(folder, f"cannot be written ({place.name} is not a folder)")
    taken = next((p for p in files if p.is_symlink() or (p.exists() and not p.is_file())), None)
    if taken is not None:
        raise _unusable(folder, f"cannot be written ({taken.relative_to(folder)} is not a file)")
    try:
        for place in places:
            place.mkdir(exist_ok=True)
            probe = place / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
    except OSError as exc:
        raise _unusable(folder, f"cannot be written ({exc.strerror})") from None


def _unusable(folder: Path, what: str) -> DiparchiveError:
    return fail(folder, None, f"the build cache {what}; delete it (it is safe to), or build with --no-cache")


def tree_digest(folder: Path, extra: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(extra.encode())
    _add_contents(folder, h)
    return h.hexdigest()


# Each file of an output folder (site-relative) → its size, modification and change time (ns).
OutputState = dict[str, tuple[int, int, int]]


def output_state(folder: Path) -> OutputState:
    """Any file added, removed or touched in the output since the build shows here."""
    state: OutputState = {}
    for relative, entry in _files(folder):
        stat = entry.stat(follow_symlinks=False)
        state[relative] = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    return state


def restated(state: OutputState, folder: Path, relatives: frozenset[str]) -> OutputState:
    """`state` with `relatives` looked at again in `folder` (the only files an update touched)."""
    new = dict(state)
    for relative in relatives:
        try:
            stat = os.lstat(os.path.join(folder, relative))
        except FileNotFoundError:
            new.pop(relative, None)
            continue
        new[relative] = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    return new


def state_digest(state: OutputState) -> str:
    h = hashlib.blake2b(digest_size=16)
    for relative in sorted(state):
        size, modified, changed = state[relative]
        h.update(f"{relative}\0{size}\0{modified}\0{changed}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def folder_digest(folder: Path) -> str:
    return state_digest(output_state(folder))


def stat_digest(config_file: Path, scan: Scan, search: bool, code: str) -> str:
    """The inputs' paths, sizes and times: a cheap stand-in for inputs_digest. When it is the
    same as at the last build, so are the inputs (an edit changes a file's time)."""
    h = hashlib.blake2b(digest_size=16)
    stat = config_file.stat()
    h.update(f"{code}\0search={search}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for files in scan:
        h.update(b"\0folder\0")
        _add_stats(files, h)
    return h.hexdigest()


def view_digest(template: str, context: Any) -> str | None:
    """The digest of a page's view; None when it cannot be pickled (the page is then rendered)."""
    try:
        return hashlib.blake2b(
            template.encode() + b"\0" + pickle.dumps(context, protocol=5), digest_size=16
        ).hexdigest()
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


@dataclass
class BuildCache:
    """Read at the start of a build, written after it succeeded."""

    records_key: str = ""  # registry + code digest the records were parsed with
    records: dict[str, tuple[str, Any]] = field(default_factory=dict)  # relative path → (file digest, Loaded)
    pages_key: str = ""  # templates + config + code digest the pages were rendered with
    output: str = ""  # the output folder those pages are in
    pages: dict[str, str] = field(default_factory=dict)  # output file → view digest
    index_parts: dict[str, str] = field(
        default_factory=dict
    )  # search.part_key → that part's bundle folder in the output
    shape: str = ""  # plan.site.site_shape of the archive those pages show
    shows: dict[str, tuple[frozenset[str], str]] = field(
        default_factory=dict
    )  # page path → (keys of the articles it shows, its basis: see plan.basis)
    indexed: dict[str, str] = field(default_factory=dict)  # article page file → digest of what Pagefind reads of it
    record_sums: dict[int, str] = field(
        default_factory=dict
    )  # records bucket → digest of its entries (records are kept apart, by bucket)
    # the spare copy of the output (publish.spare): (input digest it was built from, the output's,
    # the files in which the two differ), or None when no spare is kept
    spare: tuple[str, str, frozenset[str]] | None = None


@dataclass(frozen=True)
class LastBuild:
    """Small, read first: enough to tell that nothing changed without reading the rest."""

    digest: str  # inputs_digest of that build
    stats: str  # stat_digest of its inputs
    output: str
    output_state: str  # state_digest of the output right after it
    report: Any  # its BuildReport
    inputs: Seen = field(default_factory=dict)  # each input file as that build saw it
    started_ns: int = 0  # when that build read its inputs


def _read(path: Path, kind: type) -> Any:
    try:
        with path.open("rb") as f, _collector_paused():
            value = pickle.load(f)
        # a cache written by another version may lack fields: then it is no cache
        return (
            value
            if isinstance(value, kind)
            and all(hasattr(value, f.name) for f in (fields(kind) if is_dataclass(kind) else ()))
            else None
        )
    except Exception:
        return None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling makes a few hundred thousand objects at once, none of them in a reference
    cycle: the cyclic garbage collector, run again and again meanwhile, only costs time (a
    third of reading the cache)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _write(path: Path, value: Any) -> None:
    temporary = path.with_name(path.name + ".new")
    with temporary.open("wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)


def load_last_build(root: Path) -> LastBuild | None:
    last: LastBuild | None = _read(root / CACHE_DIR / "last.pickle", LastBuild)
    return last


# Parsed records are most of the cache; kept in buckets by file name, a change to one file
# rewrites one bucket, not all of them.
RECORD_BUCKETS = 64


def _bucket(relative: str) -> int:
    return (
        int.from_bytes(hashlib.blake2b(relative.encode("utf-8", "surrogateescape"), digest_size=4).digest(), "big")
        % RECORD_BUCKETS
    )


def _bucket_path(folder: Path, bucket: int) -> Path:
    return folder / "records" / f"{bucket:02d}.pickle"


def load_cache(root: Path) -> BuildCache:
    folder = root / CACHE_DIR
    cache = _read(folder / "cache.pickle", BuildCache) or BuildCache()
    records: dict[str, tuple[str, Any]] = {}
    for bucket in cache.record_sums:
        stored = _read(_bucket_path(folder, bucket), tuple)  # (records key, {relative path: (file digest, Loaded)})
        if (
            stored is not None and stored[0] == cache.records_key
        ):  # a missing bucket only means its files are parsed again
            records.update(stored[1])
    cache.records = records
    return cache


def save_cache(root: Path, cache: BuildCache, last: LastBuild, previous: BuildCache) -> None:
    """Write `cache` and `last`; record buckets whose entries are as in `previous` (the cache
    the build read) are not written again."""
    folder = root / CACHE_DIR
    (folder / "records").mkdir(parents=True, exist_ok=True)
    (folder / "README").write_text(
        "diparchive's build cache: safe to delete at any time (the next build is then a full one).\n", encoding="utf-8"
    )
    (folder / "last.pickle").unlink(missing_ok=True)  # never a new last build with an old cache
    buckets: dict[int, dict[str, tuple[str, Any]]] = {}
    for relative, entry in cache.records.items():
        buckets.setdefault(_bucket(relative), {})[relative] = entry
    sums = {}
    for bucket, entries in sorted(buckets.items()):
        h = hashlib.blake2b(cache.records_key.encode(), digest_size=16)
        for relative, (digest, _) in sorted(entries.items()):
            h.update(f"\0{relative}\0{digest}".encode("utf-8", "surrogateescape"))
        sums[bucket] = h.hexdigest()
        if previous.record_sums.get(bucket) != sums[bucket] or not _bucket_path(folder, bucket).is_file():
            _write(_bucket_path(folder, bucket), (cache.records_key, entries))
    for bucket in set(previous.record_sums) - set(sums):
        _bucket_path(folder, bucket).unlink(missing_ok=True)
    _write(folder / "cache.pickle", replace(cache, records={}, record_sums=sums))
    _write(folder / "last.pickle", last)
