"""Which loaded records a build publishes: drafts (`draft: true`) and articles dated after
`today` are left out unless asked for (`--drafts`, `--future`), as Hugo does. `today` is an
input of the build, so that the output is the same for a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Problem
from ..read.loader import Loaded
from ..records import Article


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What a build publishes besides site.yaml's say: drafts, articles dated after `today`, and
    another base_url (a preview). A build with any of them is a preview: it leaves urls.lock alone."""

    drafts: bool = False
    future: bool = False
    today: dt.date | None = None  # None: the day the build runs
    base_url: str | None = None  # instead of site.yaml's

    @property
    def preview(self) -> bool:
        return self.drafts or self.future or self.base_url is not None


PUBLISHED = BuildOptions()  # what `diparchive build` publishes by default


@dataclass(frozen=True, slots=True)
class Selection:
    published: tuple[Loaded, ...]
    drafts: tuple[Article, ...]  # left out: `draft: true`
    future: tuple[Article, ...]  # left out: dated after today

    def warnings(self, today: dt.date) -> list[Problem]:
        """Each article left out for its date, named (a date in the future is as often a typo as a schedule)."""
        return [
            Problem(
                a.path,
                None,
                f"dated {a.date.edtf if a.date else '?'}, after today ({today.isoformat()}): left out of the site "
                "until then (--future builds it)",
            )
            for a in self.future
        ]


def is_future(article: Article, today: dt.date) -> bool:
    """Dated after `today`: even the earliest day its date allows is to come."""
    return article.date is not None and article.date.first_day > today


def select(loaded: tuple[Loaded, ...], drafts: bool, future: bool, today: dt.date) -> Selection:
    kept, left_drafts, left_future = [], [], []
    for item in loaded:
        if item.article.draft and not drafts:
            left_drafts.append(item.article)
        elif is_future(item.article, today) and not future:
            left_future.append(item.article)
        else:
            kept.append(item)
    return Selection(
        tuple(kept),
        tuple(sorted(left_drafts, key=lambda a: str(a.path))),
        tuple(sorted(left_future, key=lambda a: str(a.path))),
    )
