"""Loading every article file: discovery under content/, parsing in worker processes, and
records reused by file digest from the last build."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from ..errors import DiparchiveError, Problem, fail
from ..read.loader import ARTICLE_SUFFIXES, Loaded, load_article
from ..read.recognizer import Recognizer
from ..read.registry import Registry
from ..read.segment import Segmenter
from ..workers import fork_map
from .cache import file_digest


def article_files(content_dir: Path, root: Path | None = None) -> list[Path]:
    """Every article file under content/, in a stable order; the registry folder is not content.
    Content is regular files and folders inside content/: a symlink (to a file, a folder, itself
    or nothing) is refused by name, never followed, so nothing outside the site can be published."""
    if not content_dir.is_dir() or content_dir.is_symlink():
        shown = content_dir.relative_to(root) if root and content_dir.is_relative_to(root) else content_dir
        what = "is a file, not a folder" if content_dir.exists() else "does not exist"
        if content_dir.is_symlink():
            what = f"is a symlink (to {os.readlink(content_dir)}), not a folder of the site"
        raise fail(shown, None, f"content_dir (site.yaml) {what}")
    found = regular_files(content_dir, root, "content", skip=(content_dir / "registry",))
    return [path for path in found if path.suffix in ARTICLE_SUFFIXES]


def regular_files(folder: Path, root: Path | None, what: str, skip: tuple[Path, ...] = ()) -> list[Path]:
    """Every file under `folder` (names starting with "." left out), sorted; a symlink anywhere
    (or `folder` itself one) and a name that is not UTF-8 are refused by name, all together, in
    the heading's `what` ("content", "templates"). Nothing is followed out of the site."""

    def shown(path: str) -> Path:
        relative = Path(path).relative_to(root) if root and Path(path).is_relative_to(root) else Path(path)
        # A name that is not UTF-8 holds surrogates: show its bytes escaped, never print them raw.
        return Path(str(relative).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))

    problems: list[Problem] = []
    rule = f"{what} must be regular files inside {folder.name}/; copy the file in instead"
    if folder.is_symlink():
        problems.append(Problem(shown(str(folder)), None, f"is a symlink (to {os.readlink(folder)}): {rule}"))
    found: list[Path] = []
    pending = [] if problems else [str(folder)]
    skipped = {str(path) for path in skip}
    while pending:  # os.scandir: one system call per folder, where rglob and is_file make several per file
        for entry in os.scandir(pending.pop()):
            if entry.name.startswith("."):
                continue
            if not _utf8(entry.name):
                bad = os.fsencode(entry.name).decode("utf-8", "backslashreplace")
                problems.append(Problem(shown(entry.path), None, f"the name '{bad}' is not UTF-8 text; rename it"))
            elif entry.is_symlink():
                problems.append(
                    Problem(shown(entry.path), None, f"is a symlink (to {os.readlink(entry.path)}): {rule}")
                )
            elif entry.is_dir(follow_symlinks=False):
                if entry.path not in skipped:
                    pending.append(entry.path)
            elif entry.is_file(follow_symlinks=False):
                found.append(Path(entry.path))
    if problems:
        raise DiparchiveError(sorted(problems, key=str), heading=f"{len(problems)} problem(s) in the {what}")
    return sorted(found)


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load_articles(
    paths: list[Path],
    root: Path,
    registry: Registry,
    recognizer: Recognizer,
    on_progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> tuple[Loaded, ...]:
    """Load every file (in `workers` processes); report all files' problems together."""
    return tuple(
        loaded for _, _, loaded in load_with_cache(paths, root, registry, recognizer, {}, on_progress, workers)
    )


def load_with_cache(
    paths: list[Path],
    root: Path,
    registry: Registry,
    recognizer: Recognizer,
    previous: Mapping[str, tuple[str, Loaded]],
    on_progress: Callable[[int], None] | None = None,
    workers: int = 1,
    known: Mapping[Path, str] | None = None,
) -> list[tuple[str, str, Loaded]]:
    """(relative path, file digest, record) for every file. A file whose bytes have the digest
    recorded in `previous` (parsed with the same registry and code) is not parsed again.
    `known` holds digests already computed (the build's input digest), so no file is hashed twice."""

    segmenter = Segmenter.open()  # once, before the workers fork: they share it

    def one(path: Path) -> Loaded | tuple[Problem, ...]:
        try:
            return load_article(path, root, registry, recognizer, segmenter)
        except DiparchiveError as exc:
            return exc.problems

    keys = [p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p) for p in paths]
    known = known or {}
    digests = [known.get(p) or file_digest(p) for p in paths]
    misses = [i for i, (key, digest) in enumerate(zip(keys, digests)) if previous.get(key, ("",))[0] != digest]
    parsed = dict(zip(misses, fork_map(one, [paths[i] for i in misses], workers, on_progress)))
    problems = [p for r in parsed.values() if not isinstance(r, Loaded) for p in r]
    if problems:
        raise DiparchiveError(problems, heading=f"{len(problems)} problem(s) in the content")
    loaded = {i: r for i, r in parsed.items() if isinstance(r, Loaded)}  # all of them, with no problem
    return [
        (key, digest, loaded[i] if i in loaded else previous[key][1])
        for i, (key, digest) in enumerate(zip(keys, digests))
    ]
