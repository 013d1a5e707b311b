"""`diparchive new`: the text of a new article file, ready for an editor to fill in. A new file
is a draft (`draft: true`) until the editor removes that line; a translation (`--key`) takes its
original's date, outlet and leaders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

import yaml

from ..errors import fail
from ..read.frontmatter import NEW_BODY, slug_of, text_problem
from ..records import Article

# Optional keys, each with a comment; a key the file already sets is not offered again.
HINTS = {
    "key": "# key: 000_aedb57b13cd0445d   # the original's file name, when this file is its translation",
    "author": "# author: ...",
    "outlet": "# outlet: ...",
    "leaders": "# leaders: [to-lam]            # replaces the leaders recognised in the text",
    "events": "# events: [unga-79]            # replaces the events recognised in the text",
}


def new_article(title: str, lang: str, today: dt.date, original: Article | None = None) -> tuple[str, str]:
    """(file name, file text) for a new Markdown draft: dated `today`, or, translating `original`,
    with its key, date, outlet and leaders (no date when the original's is only an interval or
    unknown: settle it in both files)."""
    slug = slug_of(title) or "article"
    front: dict[str, object] = {"title": title}
    date: str | None = today.isoformat()
    if original is not None:
        date = original.date.edtf if original.date and not original.date.is_interval else None
    if date is not None:
        front["date"] = dt.date.fromisoformat(date) if len(date) == 10 else date
    front["lang"] = lang
    front["draft"] = True
    if original is not None:
        front["key"] = original.key
        if original.outlet:
            front["outlet"] = original.outlet
        if original.leaders:
            front["leaders"] = list(original.leaders)
    hints = [line for key, line in HINTS.items() if key not in front]
    text = (
        "---\n"
        + yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        + "# draft: true keeps the file out of the site (serve shows it); remove the line to publish it.\n"
        + ("# Optional keys (remove the # to use one):\n" + "\n".join(hints) + "\n" if hints else "")
        + "---\n\n"
        + NEW_BODY[lang]
        + "\n"
    )
    return f"{date or today.isoformat()}-{slug}.md", text


def new_file(root: Path, title: str, lang: str, key: str | None, today: dt.date, out: TextIO) -> int:
    """Write the new file (in content/, or content/en/ for English) and print its path."""
    from ..config import load_config

    config = load_config(root)
    if not title.strip():
        raise fail(None, None, "the title is empty")
    if (problem := text_problem("title", title)) is not None:
        raise fail(None, None, f"{problem}: nothing was written")
    original = translated(root, key, lang) if key is not None else None
    name, text = new_article(title.strip(), lang, today, original)
    folder = config.content_dir / ("en" if lang == "en" else "")
    path = folder / name
    if path.exists():
        raise fail(path, None, "already exists; choose another title or edit that file")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path, file=out)
    return 0


def translated(root: Path, key: str, lang: str) -> Article:
    """The article `new --key KEY` translates: it must exist, and have no version in `lang` yet."""
    from ..build.loading import article_files, load_articles
    from .check import read_site

    config, registry, recognizer = read_site(root)
    resolved = root.resolve()
    versions = {
        item.article.lang: item.article
        for item in load_articles(article_files(config.content_dir, resolved), resolved, registry, recognizer)
        if item.article.key == key
    }
    if not versions:
        raise fail(
            None,
            None,
            f"no article has the key '{key}' (an article's key is its file name without extension, or its key:): nothing was written",
        )
    if lang in versions:
        raise fail(versions[lang].path, None, f"already the '{lang}' version of '{key}': nothing was written")
    return versions.get(config.default_language) or next(iter(versions.values()))
