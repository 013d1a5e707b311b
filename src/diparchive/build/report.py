"""What a build tells: findings (warnings `--strict` turns into errors), phase times, the report."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import DiparchiveError, Problem
from ..plan.archive import Archive, missing_translations, translation_warnings
from ..plan.site import Plan
from ..read.frontmatter import NEW_BODY
from ..read.loader import Loaded
from ..records import Article, DateSource


@dataclass(frozen=True, slots=True)
class Findings:
    """What a build or `check` reports without stopping; `--strict` makes each one an error."""

    warnings: tuple[Problem, ...]  # inferred or missing dates, derived titles, heavy boilerplate, orphan translations
    suggestions: tuple[Problem, ...]  # people and numbered meetings the registry lacks
    untranslated: tuple[Problem, ...]  # articles with no version in the other language

    def all(self) -> tuple[Problem, ...]:
        return self.warnings + self.suggestions + self.untranslated


def findings(
    loaded: tuple[Loaded, ...],
    archive: Archive,
    languages: tuple[str, ...],
    default_language: str,
    left_out: list[Problem] | None = None,
) -> Findings:
    """What to tell of the published records (`loaded`, `archive`); `left_out` names articles
    the build left out that an editor may not expect to miss (dated in the future)."""
    warnings = [Problem(item.article.path, w.line, w.message) for item in loaded for w in item.article.warnings]
    warnings += [problem for item in loaded if (problem := title_problem(item.article))]
    warnings += [
        Problem(item.article.path, None, "the text `diparchive new` wrote is still there: write the article")
        for item in loaded
        if holds_new_body(item.article)
    ]
    warnings += translation_warnings(archive, default_language)
    warnings += pair_dates(archive, default_language)
    warnings += left_out or []
    suggestions = [
        Problem(
            item.article.path,
            c.line,
            f"{'person' if c.kind == 'leader' else 'numbered meeting'} not in the registry: {c.text}",
        )
        for item in loaded
        for c in item.candidates
    ]
    untranslated = [
        Problem(a.path, None, f"no version in '{lang}'")
        for lang, articles in missing_translations(archive, languages).items()
        for a in sorted(articles, key=lambda a: str(a.path))
    ]
    return Findings(tuple(warnings), tuple(suggestions), tuple(untranslated))


def holds_new_body(article: Article) -> bool:
    """The body still holds the placeholder `diparchive new` wrote for the editor to replace."""
    opening = NEW_BODY[article.lang].split(".")[0]
    return any(b.text.startswith(opening) for b in article.body)


def _date_text(article: Article) -> str:
    return article.date.edtf if article.date else "undated"


def pair_dates(archive: Archive, default_language: str) -> list[Problem]:
    """A translation whose date is not its original's (an article and its translation were
    published together; a translation dated the day it was written files it in the wrong month)."""
    problems = []
    for versions in archive.by_key.values():
        original = versions.get(default_language) or next(iter(versions.values()))
        for lang, other in sorted(versions.items()):
            if other is not original and _date_text(other) != _date_text(original):
                problems.append(
                    Problem(
                        other.path,
                        None,
                        f"dated {_date_text(other)}, but {original.path}, of which it is the '{lang}' version, is "
                        f"dated {_date_text(original)}: give both the same date in front matter",
                    )
                )
    return sorted(problems, key=lambda p: str(p.path))


def title_problem(article: Article) -> Problem | None:
    """A title an editor should settle in front matter: supplied from the opening (no line of
    the file was a headline), or read from a line that may be the site's own."""
    if article.title_supplied and not article.title_set:
        line = article.body[0].line if article.body else None
        return Problem(
            article.path, line, f"no headline found: title supplied from the opening, shown as [{article.title}]"
        )
    if article.title_doubt:
        return Problem(
            article.path,
            article.title_line,
            f"the title may be a line of the site, not the headline ({article.title_doubt})",
        )
    return None


def stop_if_strict(strict: bool, found: Findings) -> None:
    if strict and found.all():
        raise DiparchiveError(found.all(), heading=f"--strict: {len(found.all())} warning(s) stop the build")


# progress(phase, done, total): called as a phase advances, and with done == total when it ends.
Progress = Callable[[str, int, int], None]


def silent(phase: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True, slots=True)
class PhaseTime:
    name: str  # load, plan, render, write, search
    items: int  # files read, pages planned or rendered, files written, pages indexed
    seconds: float
    peak_mib: float  # peak resident memory of the build process so far (Pagefind not included)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Phases:
    """The phases' progress and times, as the build goes."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.times: list[PhaseTime] = []
        self.started = time.perf_counter()

    def begin(self) -> None:
        self.started = time.perf_counter()

    def advancing(self, name: str, total: int) -> Callable[[int], None]:
        """Progress within a phase; only `done` reports it complete."""
        return lambda done: self.progress(name, done, total) if done < total else None

    def done(self, name: str, items: int, less: float = 0.0) -> None:
        self.progress(name, items, items)
        self.times.append(PhaseTime(name, items, time.perf_counter() - self.started - less, peak_mib()))

    def add(self, name: str, items: int, seconds: float, reported: int) -> None:
        """A phase timed by someone else (writing, which overlaps rendering); `reported` items
        are shown as done (`items` also counts the files taken from the last output)."""
        self.times.append(PhaseTime(name, items, seconds, peak_mib()))
        self.progress(name, reported, reported)


@dataclass(frozen=True, slots=True)
class BuildReport:
    output: Path
    articles: int
    pages: int
    files: int
    pages_by_language: dict[str, int]  # besides the site-wide ones (the root page, data files), of none
    inferred_dates: int
    findings: Findings
    phases: tuple[PhaseTime, ...]
    search: str | None  # Pagefind's summary, or None when the index was skipped
    rendered: int = 0  # pages rendered by this build (the others were unchanged)
    planned: int = 0  # pages whose view this build made (the others showed no changed article)
    unchanged: bool = False  # nothing changed since the build that wrote the output: nothing done
    drafts: int = 0  # drafts left out
    base_path: str = "/"  # the URL path the site is served under

    @property
    def site_wide_pages(self) -> int:
        """The pages of no language: the root page, the data files and their schemas."""
        return self.pages - sum(self.pages_by_language.values())

    @classmethod
    def of(
        cls,
        output: Path,
        languages: tuple[str, ...],
        archive: Archive,
        plan: Plan,
        found: Findings,
        phases: tuple[PhaseTime, ...],
        summary: list[str],
        files: int,
        rendered: int,
    ) -> BuildReport:
        """The report of a build that wrote `files` files (rendered or taken from the last output)
        and rendered `rendered` pages."""
        return cls(
            output,
            len(archive.articles),
            len(plan.pages),
            files,
            {lang: sum(1 for p in plan.pages if p.lang == lang) for lang in languages},
            sum(1 for a in archive.articles if a.date and a.date.source is DateSource.INFERRED),
            found,
            phases,
            summary[0] if summary else None,
            rendered=rendered,
            planned=sum(1 for p in plan.pages if p.planned),
        )
