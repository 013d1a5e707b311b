"""Pages, feeds and sitemaps → bytes, through Jinja2 (autoescape on, StrictUndefined)."""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import jinja2

from ..config import SiteConfig
from ..errors import DiparchiveError, Problem, fail
from ..plan.i18n import count_phrase
from ..plan.site import Feed, Page, Plan
from ..plan.urls import Urls, output_file
from ..plan.views import display_title
from ..records import Article
from ..workers import fork_imap


class _ViewEnvironment(jinja2.Environment):
    """Views are plain dicts, so `{{ page.title }}` looks up a key first: Jinja's default tries
    an attribute first, and the failed lookup costs more than the rest of rendering a page.
    (No view has a key named like a dict method.)"""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class _Compiled(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in a folder of the build cache; one that cannot be kept (the
    cache deleted meanwhile) is only compiled again next time."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def make_environment(
    templates_dir: Path, catalogs: dict[str, dict[str, str]], compiled: Path | None = None
) -> jinja2.Environment:
    """The templates' environment. `compiled`: a folder keeping each template compiled (Jinja's
    bytecode cache, keyed by the template's source), so that no process of a later build compiles
    an unchanged template again."""
    if not templates_dir.is_dir():
        raise fail(templates_dir, None, "templates folder not found (set templates_dir in site.yaml)")
    env = _ViewEnvironment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build reads each template once: no stat of its file per page
        bytecode_cache=_Compiled(str(compiled)) if compiled is not None else None,
    )
    # {{ count|articles(lang) }}: "1 article", "2 articles", "2 bài viết" (CLDR plural rules).
    env.filters["articles"] = lambda n, lang: count_phrase(n, lang, catalogs[lang])
    return env


def _render(env: jinja2.Environment, templates_dir: Path, template: str, context: dict[str, Any], what: str) -> bytes:
    try:
        text = env.get_template(template).render(context)
        # One spelling for each letter (NFC) in every page, whatever the templates, registry or
        # catalogs were typed with: Pagefind and browsers then match "Tô Lâm" however it was typed.
        return (text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        raise fail(
            templates_dir / (exc.name or template), exc.lineno, f"template syntax error: {exc.message}"
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise fail(templates_dir / str(exc.name), None, f"template not found (needed for {what})") from None
    except jinja2.UndefinedError as exc:
        file, line = _template_frame(exc, templates_dir / template)
        raise fail(file, line, f"{exc.message} (rendering {what})") from None
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, jinja2.TemplateError) as exc:
        # A mistake in an edited template, such as calling something that is not a macro.
        file, line = _template_frame(exc, templates_dir / template)
        raise fail(file, line, f"{type(exc).__name__}: {exc} (rendering {what})") from None


def _template_frame(exc: BaseException, fallback: Path) -> tuple[Path, int | None]:
    """The innermost template file and line the error passed through."""
    tb = exc.__traceback__
    where: tuple[Path, int | None] = (fallback, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            where = (Path(filename), tb.tb_lineno)
        tb = tb.tb_next
    return where


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the build decides of a view made where its page is rendered (an article page's, see
    plan.pages.Deferred): whether to render it, and what it notes of it (its digests)."""

    render: bool
    notes: tuple[str | None, ...] = ()


class Judge(Protocol):
    """The build's reuse, asked of every view made in a render worker."""

    def judge(self, file: str, template: str, view: dict[str, Any]) -> Verdict:
        """In the process that made the view: render it, or is the output's file the same?"""
        ...

    def note(self, file: str, verdict: Verdict) -> None:
        """In the build's process, as results come: what was decided."""
        ...


def render_site(
    plan: Plan,
    config: SiteConfig,
    env: jinja2.Environment,
    on_progress: Callable[[int], None] | None = None,
    workers: int = 1,
    unchanged: frozenset[str] = frozenset(),
    judge: Judge | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(output file, bytes) for every file of the site except static assets, the search index,
    and the pages, feeds and site files in `unchanged` (the previous build wrote them the same), as they are
    rendered, so that they can be written at once and need not all be held in memory. An article
    page's view is made by the worker rendering it (`Plan.view`), then `judge`d there: a page whose
    view the output holds rendered is not rendered again. Template errors are collected over all
    pages and raised together at the end."""
    urls = Urls(config.base_url, config.base_path)

    def one(page: Page) -> tuple[bytes | tuple[Problem, ...] | None, Verdict | None]:
        verdict = None
        try:
            view = plan.view(page)
            assert view is not None  # pages not planned again are not rendered again either
            if page.context is None and judge is not None:  # made here: judged here
                verdict = judge.judge(output_file(page.path), page.template, view)
                if not verdict.render:
                    return None, verdict
            return _render(env, config.templates_dir, page.template, view, f"/{page.path}"), verdict
        except DiparchiveError as exc:
            return exc.problems, verdict

    failures: dict[
        tuple[Path | None, int | None, str], list[int]
    ] = {}  # one template mistake usually breaks many pages
    pages = [page for page in plan.pages if output_file(page.path) not in unchanged]
    for index, (result, verdict) in fork_imap(one, pages, workers, on_progress):
        if verdict is not None and judge is not None:
            judge.note(output_file(pages[index].path), verdict)
        if isinstance(result, bytes):
            yield output_file(pages[index].path), result
        elif result is not None:
            for p in result:
                failures.setdefault((p.path, p.line, p.message.rsplit(" (rendering", 1)[0]), []).append(index)
    if failures:
        problems = [  # in page order, whichever worker finished first
            Problem(
                path,
                line,
                f"{message} (rendering /{pages[min(at)].path}"
                + (f" and {len(at) - 1} more pages)" if len(at) > 1 else ")"),
            )
            for (path, line, message), at in sorted(failures.items(), key=lambda item: min(item[1]))
        ]
        raise DiparchiveError(problems, heading="the templates could not be rendered")
    for feed in plan.feeds:
        if feed.path not in unchanged:
            yield feed.path, _render(env, config.templates_dir, "atom.xml", feed_view(feed, urls), feed.path)
    for lang in config.languages:
        if f"sitemap-{lang}.xml" not in unchanged:
            yield (
                f"sitemap-{lang}.xml",
                _render(env, config.templates_dir, "sitemap.xml", dict(plan.sitemaps[lang]), "sitemap"),
            )
    if "sitemap.xml" not in unchanged:
        yield (
            "sitemap.xml",
            _render(
                env,
                config.templates_dir,
                "sitemap-index.xml",
                {"sitemaps": [urls.absolute(f"sitemap-{l}.xml") for l in config.languages]},
                "sitemap index",
            ),
        )
    if "robots.txt" not in unchanged:
        yield (
            "robots.txt",
            _render(env, config.templates_dir, "robots.txt", {"sitemap": urls.absolute("sitemap.xml")}, "robots.txt"),
        )


def site_files(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The files render_site writes besides pages and feeds."""
    return (*(f"sitemap-{l}.xml" for l in languages), "sitemap.xml", "robots.txt")


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def entry_id(urls: Urls, article: Article) -> str:
    """An Atom entry's id: the article's language and key under the site's address, so that it
    never changes (RFC 4287 4.2.6) when a corrected title moves the article to another URL."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{urls.absolute('')}#{article.lang}:{article.key}"))


def feed_view(feed: Feed, urls: Urls) -> dict[str, Any]:
    entries = []
    for a in feed.articles:
        assert a.date is not None  # feeds hold dated articles
        url = urls.absolute(urls.article(a.lang, a.slug))
        entries.append(
            {
                "id": entry_id(urls, a),
                "url": url,
                "title": display_title(a),
                "updated": _timestamp(a.date.first_day),
                "summary": a.summary,
                "author": a.author or a.outlet or feed.anonymous,
            }
        )
    return {
        "lang": feed.lang,
        "title": feed.title,
        "id": urls.absolute(feed.path),
        "self_url": urls.absolute(feed.path),  # `self` is reserved by Jinja
        "page": urls.absolute(feed.page_path),
        "updated": max(e["updated"] for e in entries) if entries else _timestamp(feed.updated or dt.date.min),
        "entries": entries,
    }
