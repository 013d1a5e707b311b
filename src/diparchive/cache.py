"""The build cache: what the last build read and wrote, so the next one redoes only what changed.

Everything lives in one hidden folder beside site.yaml (`.diparchive-cache/`), which can be
deleted at any time: the next build is then a full one, with the same output.

- The *input digest* covers every file the output depends on (site.yaml, content, templates,
  diparchive's own code, the Pagefind version, the search switch). The output folder's marker
  records the digest it was built from: same digest, nothing to do.
- *Records*: each article file's parsed record, keyed by the file's bytes and by the digest of
  what parsing depends on (the registry and diparchive's code).
- *Pages*: the digest of each page's view (template inputs); a page whose view and templates are
  unchanged is taken from the previous output instead of being rendered again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field, fields
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_DIR = ".diparchive-cache"
_PACKAGE = Path(__file__).resolve().parent


def _files(folder: Path) -> list[tuple[str, os.DirEntry]]:
    """(path relative to `folder`, entry) for every file under it, sorted; one walk with
    os.scandir, so a file's size and time cost one system call at most."""
    found: list[tuple[str, os.DirEntry]] = []
    pending = [(folder, "")]
    while pending:
        current, prefix = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((Path(entry.path), f"{prefix}{entry.name}/"))
            else:
                found.append((f"{prefix}{entry.name}", entry))
    return sorted(found, key=lambda item: item[0])


def file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def _add_contents(folder: Path, h: "hashlib._Hash", digests: dict[Path, str], suffix: str = "") -> None:
    for relative, entry in _files(folder):
        if not relative.endswith(suffix):
            continue
        digests[Path(entry.path)] = digest = file_digest(Path(entry.path))
        h.update(f"{relative}\0{digest}\0".encode("utf-8", "surrogateescape"))


def _add_stats(folder: Path, h: "hashlib._Hash") -> None:
    for relative, entry in _files(folder):
        stat = entry.stat(follow_symlinks=False)
        h.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))


def code_digest() -> str:
    """diparchive's own source and the Pagefind version: a new release invalidates the cache."""
    h = hashlib.blake2b(digest_size=16)
    _add_contents(_PACKAGE, h, {}, suffix=".py")  # not __pycache__
    try:
        h.update(metadata.version("pagefind").encode())
    except metadata.PackageNotFoundError:
        h.update(b"no pagefind")
    return h.hexdigest()


def inputs_digest(config_file: Path, folders: tuple[Path, ...], search: bool, code: str) -> tuple[str, dict[Path, str]]:
    """The digest of everything the output depends on, and each input file's own digest."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{code}\0search={search}\0{file_digest(config_file)}\0".encode())
    digests: dict[Path, str] = {}
    for folder in folders:
        h.update(b"\0folder\0")
        _add_contents(folder, h, digests)
    return h.hexdigest(), digests


def tree_digest(folder: Path, extra: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(extra.encode())
    _add_contents(folder, h, {})
    return h.hexdigest()


def folder_digest(folder: Path) -> str:
    """Any file added, removed or touched in the output since the build shows here."""
    h = hashlib.blake2b(digest_size=16)
    _add_stats(folder, h)
    return h.hexdigest()


def stat_digest(config_file: Path, folders: tuple[Path, ...], search: bool, code: str) -> str:
    """The inputs' paths, sizes and times: a cheap stand-in for inputs_digest. When it is the
    same as at the last build, so are the inputs (an edit changes a file's time)."""
    h = hashlib.blake2b(digest_size=16)
    stat = config_file.stat()
    h.update(f"{code}\0search={search}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for folder in folders:
        h.update(b"\0folder\0")
        _add_stats(folder, h)
    return h.hexdigest()


def view_digest(template: str, context: Any) -> str | None:
    """The digest of a page's view; None when it cannot be pickled (the page is then rendered)."""
    try:
        return hashlib.blake2b(template.encode() + b"\0" + pickle.dumps(context, protocol=5), digest_size=16).hexdigest()
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
    index_parts: dict[str, str] = field(default_factory=dict)  # search.part_key → that part's bundle folder in the output
    shape: str = ""  # pages.site_shape of the archive those pages show
    shows: dict[str, frozenset[str]] = field(default_factory=dict)  # page path → keys of the articles it shows
    indexed: dict[str, str] = field(default_factory=dict)  # article page file → digest of what Pagefind reads of it


@dataclass(frozen=True)
class LastBuild:
    """Small, read first: enough to tell that nothing changed without reading the rest."""

    digest: str  # inputs_digest of that build
    stats: str  # stat_digest of its inputs
    output: str
    output_state: str  # folder_digest of the output right after it
    report: Any  # its BuildReport


def _read(path: Path, kind: type) -> Any:
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
        # a cache written by another version may lack fields: then it is no cache
        return value if isinstance(value, kind) and all(hasattr(value, f.name) for f in fields(kind)) else None
    except Exception:  # noqa: BLE001 — a missing, old or damaged cache only means a full build
        return None


def _write(path: Path, value: Any) -> None:
    temporary = path.with_name(path.name + ".new")
    with temporary.open("wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)


def load_last_build(root: Path) -> LastBuild | None:
    return _read(root / CACHE_DIR / "last.pickle", LastBuild)


def load_cache(root: Path) -> BuildCache:
    return _read(root / CACHE_DIR / "cache.pickle", BuildCache) or BuildCache()


def save_cache(root: Path, cache: BuildCache, last: LastBuild) -> None:
    folder = root / CACHE_DIR
    folder.mkdir(exist_ok=True)
    (folder / "README").write_text("diparchive's build cache: safe to delete at any time (the next build is then a full one).\n", encoding="utf-8")
    (folder / "last.pickle").unlink(missing_ok=True)  # never a new last build with an old cache
    _write(folder / "cache.pickle", cache)
    _write(folder / "last.pickle", last)
