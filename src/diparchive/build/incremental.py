"""Every decision about what a build may take from the last one, in one object.

A build makes one `Incremental` and asks it once per phase:

- before anything: is the output exactly what these inputs make (`nothing_changed`)?
- load: which parsed records may be reused (`records`, `known` file digests)?
- plan: which pages need not be planned again (`unplanned`)?
- render: which pages, feeds and site files need not be rendered again (`pages`; an article
  page's view is made where it is rendered, and judged there: `judge`, `note`)?
- index: which parts of the search index need not be made again (`index`)?
- after: what the next build may reuse (`save`).

Without the cache (`use_cache=False`) every answer is "nothing"; the output is the same either
way. What is stored on disk, and how digests are taken, is `cache`'s.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import CONFIG_FILE, SiteConfig
from ..plan.archive import Archive
from ..plan.basis import Shapes
from ..plan.search_parts import FIRST_PART, indexed_view
from ..plan.site import Plan, site_shape
from ..plan.urls import output_file
from ..publish.output import MARKER, UPDATING, Written, built_from
from ..publish.render import Verdict, site_files
from ..publish.search import part_key
from ..publish.spare import Update
from ..read.loader import Loaded
from .cache import (
    CACHE_DIR,
    SPARE,
    BuildCache,
    LastBuild,
    OutputState,
    code_digest,
    inputs_digest,
    load_cache,
    load_last_build,
    output_state,
    restated,
    save_cache,
    scan_inputs,
    stat_digest,
    state_digest,
    tree_digest,
    view_digest,
)
from .report import BuildReport
from .selection import PUBLISHED, BuildOptions

# What load_with_cache returns: (relative path, file digest, record) per article file.
Read = Sequence[tuple[str, str, Loaded]]


@dataclass(frozen=True, slots=True)
class Reuse:
    """What a build takes from the last one; nothing, for a full build."""

    pages: dict[str, str] = field(
        default_factory=dict
    )  # output file → view digest, of pages the output holds as written
    reusable: dict[str, tuple[frozenset[str], str]] = field(
        default_factory=dict
    )  # pages that need not be planned again if their basis is the same → (the articles they show, basis)
    incremental: bool = False  # same shape of site: only pages showing a changed article are made
    parts: dict[str, Path] = field(default_factory=dict)  # search index part key → its bundle in the output


def reuse_from(
    cache: BuildCache,
    last: LastBuild | None,
    output: Path,
    state: Callable[[], OutputState],
    pages_key: str,
    shape: str,
    changed: frozenset[str],
) -> Reuse:
    """Only an output exactly as the last build left it (not an update cut short, nothing added
    or edited since) lends anything: its pages rendered with the same templates and settings,
    and its index parts. Pages that show no changed article are not even planned while their
    basis is the same (see plan.basis; with the same shape of site, see plan.site.site_shape,
    every basis is)."""
    trusted = (
        last is not None
        and cache.output == str(output.resolve())
        and built_from(output) not in (None, UPDATING)
        and state_digest(state()) == last.output_state
    )
    if not trusted:
        return Reuse()
    parts = {key: output / folder for key, folder in cache.index_parts.items()}
    if cache.pages_key != pages_key:
        return Reuse(parts=parts)
    reusable = {
        path: (shows, basis)
        for path, (shows, basis) in cache.shows.items()
        if not shows & changed and output_file(path) in cache.pages
    }
    return Reuse(cache.pages, reusable, cache.shape == shape, parts)


@dataclass(frozen=True, slots=True)
class PageReuse:
    """The render phase's answer."""

    views: dict[str, str]  # output file → digest of its view in this build (pages with a digest)
    unchanged: frozenset[str]  # pages whose view is as in the output: not rendered again
    kept: frozenset[str]  # feeds of unchanged articles, sitemaps and robots.txt: taken from the output

    @property
    def skipped(self) -> frozenset[str]:
        return self.unchanged | self.kept


@dataclass(frozen=True, slots=True)
class IndexReuse:
    """The index phase's answer."""

    indexed: dict[str, str]  # article page file → digest of its indexed view
    part_keys: tuple[str | None, ...]  # per part of the plan: its key, None to index it again
    parts: dict[str, Path]  # part key → its bundle in the output, for parts that may be taken from there
    update: Update | None  # what an update of the output needs (its pages are reused), or None: a full output


class Incremental:
    """The build's state across phases (Lektor's build state): what it read of the last build
    and what it decided, so that `save` records exactly what this build made."""

    def __init__(
        self,
        root: Path,
        config: SiteConfig,
        output: Path,
        search: bool,
        use_cache: bool,
        options: BuildOptions = PUBLISHED,
    ) -> None:
        """`options` are what else the output depends on besides the inputs, the day among them
        (it decides what is published and which events are ongoing; the pages' own views show
        what it changed)."""
        self.root, self.config, self.output, self.search, self.use_cache = root, config, output, search, use_cache
        self.output_key = str(output.resolve())
        self.code = code_digest()
        day = (options.today or dt.date.today()).isoformat()  # what is published, what is ongoing
        self.options = repr(replace(options, today=None))
        self.began_ns = time.time_ns()
        scan = scan_inputs((config.content_dir, config.templates_dir))
        self.stats = stat_digest(root / CONFIG_FILE, scan, search, self.code + self.options + day)
        self.last = load_last_build(root) if use_cache else None
        seen = self.last.inputs if self.last is not None else {}
        # Stat only tells which files need not be read again; a file touched near the last
        # build's start (within any file system's time granularity) is read, and digests decide.
        settled = self.last.started_ns - 2_000_000_000 if self.last else 0
        self.digest, self.known, seen = inputs_digest(
            root / CONFIG_FILE, scan, search, self.code + self.options + day, seen, settled
        )
        self.seen = seen
        self.cache = BuildCache()
        self.records_key = ""
        self.pages_key = ""
        self.shape = ""
        self.reuse = Reuse()
        self.previous: dict[str, tuple[str, Any]] = {}  # records that may be reused
        self.changed: frozenset[str] = frozenset()  # keys of articles whose file changed
        self.spare = root / CACHE_DIR / SPARE if use_cache else None  # see publish.spare
        self.state: OutputState | None = None  # the output's, looked at once
        # What render workers noted of the views they made (article pages): output file → digest
        self.made_views: dict[str, str] = {}
        self.made_indexed: dict[str, str] = {}  # of the indexed view, for article.html
        self.made_unchanged: set[str] = set()  # whose view the output holds rendered: not rendered

    def output_state(self) -> OutputState:
        if self.state is None:
            self.state = output_state(self.output)
        return self.state

    def nothing_changed(self) -> BuildReport | None:
        """The last build's report when the output is exactly as it left it, from the same inputs."""
        last = self.last
        if (
            last is not None
            and last.digest == self.digest
            and last.output == self.output_key
            and built_from(self.output) == self.digest
            and state_digest(self.output_state()) == last.output_state
        ):
            report: BuildReport = last.report
            return report
        return None

    def records(self) -> dict[str, tuple[str, Any]]:
        """Parsed records that may be reused: relative path → (file digest, Loaded), parsed with
        the same registry and code."""
        if self.use_cache:
            self.cache = load_cache(self.root)
        self.records_key = tree_digest(self.config.registry_dir, self.code)
        self.previous = self.cache.records if self.cache.records_key == self.records_key else {}
        return self.previous

    def unplanned(
        self, read: Read, archive: Archive, shapes: Shapes | None = None
    ) -> dict[str, tuple[frozenset[str], str]]:
        """Pages that need not be planned again if their basis is the same (path → the articles
        they show, their basis): with the same templates and settings, those showing no changed
        article. `shapes`: the archive's `article_shapes`, if made already."""
        self.pages_key = tree_digest(
            self.config.templates_dir,
            self.code + self.options + (self.root / CONFIG_FILE).read_text(encoding="utf-8"),
        )
        self.shape = site_shape(archive, shapes)
        self.changed = frozenset(
            item.article.key for relative, d, item in read if self.previous.get(relative, ("",))[0] != d
        )
        if self.use_cache:
            self.reuse = reuse_from(
                self.cache, self.last, self.output, self.output_state, self.pages_key, self.shape, self.changed
            )
        return self.reuse.reusable

    def pages(self, plan: Plan) -> PageReuse:
        """Pages whose view is in the plan, judged here; article pages are judged where their
        view is made (`judge`)."""
        if not self.use_cache:
            return PageReuse({}, frozenset(), frozenset())
        views = {
            output_file(p.path): self.reuse.pages[output_file(p.path)]
            if not p.planned
            else view_digest(p.template, p.context)
            for p in plan.pages
            if p.deferred is None
        }
        digests = {f: d for f, d in views.items() if d is not None}
        unchanged = frozenset(f for f, d in digests.items() if self.reuse.pages.get(f) == d)
        # Feeds of unchanged articles, sitemaps and robots.txt follow the shape: taken from the output.
        kept: frozenset[str] = frozenset()
        if self.reuse.incremental:
            kept = frozenset(
                [feed.path for feed in plan.feeds if not {a.key for a in feed.articles} & self.changed]
                + list(site_files(self.config.languages))
            )
        return PageReuse(digests, unchanged, kept)

    def judge(self, file: str, template: str, view: dict[str, Any]) -> Verdict:
        """In the render worker that made a page's view: its digests (of the view, and of what
        the search index reads of an article page), and whether the output holds it rendered."""
        if not self.use_cache:
            return Verdict(True)
        digest = view_digest(template, view)
        indexed = view_digest(template, indexed_view(view)) if self.search and template == "article.html" else None
        return Verdict(digest is None or self.reuse.pages.get(file) != digest, (digest, indexed))

    def note(self, file: str, verdict: Verdict) -> None:
        """In the build: what a render worker decided of a view it made."""
        digest, indexed = verdict.notes if verdict.notes else (None, None)
        if digest is not None:
            self.made_views[file] = digest
        if indexed is not None:
            self.made_indexed[file] = indexed
        if not verdict.render:
            self.made_unchanged.add(file)

    def update(self, plan: Plan) -> Update | None:
        """What an update of the output needs (its pages are reused), or None: a full output."""
        return Update(self._retired(plan), self._spare_differs()) if self.reuse.pages else None

    def index(self, plan: Plan) -> IndexReuse:
        """Parts of the search index whose pages' indexed views are unchanged are taken from the
        previous output (asked once the pages are rendered: article pages' views are made then).
        Only pages showing a changed article were made: the new files are staged
        and moved into the output (unless the search index is to be dropped, which a full output does)."""
        indexed: dict[str, str] = {}
        if self.use_cache and self.search:
            for p in plan.pages:
                if p.template == "article.html":
                    f = output_file(p.path)
                    if not p.planned:
                        d = self.cache.indexed.get(f)
                    elif p.context is None:
                        d = self.made_indexed.get(f)
                    else:
                        d = view_digest(p.template, indexed_view(p.context))
                    if d is not None:
                        indexed[f] = d
        keys = tuple(part_key(part, indexed, self.pages_key) if self.use_cache else None for part in plan.index_parts)
        return IndexReuse(indexed, keys, self.reuse.parts, self.update(plan))

    def _retired(self, plan: Plan) -> frozenset[str]:
        """The output's files an update deletes: pages, feeds and site files the plan no longer
        has, and the parts of the search index it has no more (all of them without search).
        Static files stay (the templates are the same), and the marker is written anew."""
        files = {output_file(p.path) for p in plan.pages} | {f.path for f in plan.feeds}
        files |= set(site_files(self.config.languages))
        parts = {part.folder for part in plan.index_parts} if self.search else set()

        def gone(f: str) -> bool:
            if f == MARKER or f.startswith("static/"):
                return False
            if f.startswith(FIRST_PART):
                inner = f.startswith(f"{FIRST_PART}part-") and "/" in f[len(FIRST_PART) :]
                return (f[: f.index("/", len(FIRST_PART)) + 1] if inner else FIRST_PART) not in parts
            return f not in files

        return frozenset(f for f in self.output_state() if gone(f))

    def _spare_differs(self) -> frozenset[str] | None:
        """The files in which the kept spare differs from the output, if it is the one the last
        build kept beside this output (both markers as it recorded them)."""
        record = self.cache.spare
        if record is None or self.spare is None or self.last is None:
            return None
        spare_from, output_from, differs = record
        if output_from != self.last.digest or built_from(self.output) != output_from:
            return None
        return differs if built_from(self.spare) == spare_from else None

    def save(
        self, report: BuildReport, read: Read, plan: Plan, pages: PageReuse, index: IndexReuse, written: Written
    ) -> None:
        """What the next build may reuse: this build's records, view digests, index parts, the
        state of the output it wrote (an update looks again only at the files it touched), and
        the spare it kept."""
        if not self.use_cache:
            return
        parts = (
            {key: part.folder for key, part in zip(index.part_keys, plan.index_parts) if key is not None}
            if self.search
            else {}
        )
        spare = None
        if written.spared and written.changed is not None and self.spare is not None:
            spare = (built_from(self.spare) or "", self.digest, written.changed)
        cache = BuildCache(
            self.records_key,
            {key: (d, item) for key, d, item in read},
            self.pages_key,
            self.output_key,
            {**pages.views, **self.made_views},
            parts,
            self.shape,
            {p.path: (p.shows, p.basis) for p in plan.pages if p.shows is not None},
            index.indexed,
            spare=spare,
        )
        if written.touched is not None and self.state is not None:
            # Pagefind read the pages of the parts it indexed through hard links: their change time moved
            read_by_search = {
                f
                for key, part in zip(index.part_keys, plan.index_parts)
                if self.search and (key is None or key not in index.parts)
                for f in part.files
            }
            state = restated(self.state, self.output, written.touched | read_by_search)
        else:
            state = output_state(self.output)
        last = LastBuild(
            self.digest,
            self.stats,
            self.output_key,
            state_digest(state),
            replace(report, phases=()),
            self.seen,
            self.began_ns,
        )
        save_cache(self.root, cache, last, self.cache)
