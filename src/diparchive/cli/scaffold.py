"""`diparchive new`: the text of a new article file, ready for an editor to fill in."""

from __future__ import annotations

import datetime as dt

import yaml

from ..read.frontmatter import slug_of

PLACEHOLDER = {
    "vi": "Viết nội dung bài ở đây. Mỗi đoạn cách nhau một dòng trống; chú thích ảnh viết trong *dấu sao*.",
    "en": "Write the article here. Leave a blank line between paragraphs; put photo captions in *asterisks*.",
}
HINTS = """\
# Optional keys (remove the # to use one):
# key: 000_aedb57b13cd0445d   # the original's file name, when this file is its translation
# author: ...
# outlet: ...
# leaders: [to-lam]            # replaces the leaders recognised in the text
# events: [unga-79]            # replaces the events recognised in the text
"""


def new_article(title: str, lang: str, today: dt.date, key: str | None = None) -> tuple[str, str]:
    """(file name, file text) for a new Markdown article dated `today`."""
    slug = slug_of(title) or "article"
    front: dict[str, object] = {"title": title, "date": today, "lang": lang}
    if key:
        front["key"] = key
    text = (
        "---\n"
        + yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        + HINTS
        + "---\n\n"
        + PLACEHOLDER[lang]
        + "\n"
    )
    return f"{today.isoformat()}-{slug}.md", text
