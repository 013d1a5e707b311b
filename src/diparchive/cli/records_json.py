"""How `diparchive parse` shows a record: JSON for machines, text for editors."""

from __future__ import annotations

import textwrap
from typing import Any

from ..records import Article


def article_json(article: Article) -> dict[str, Any]:
    return {
        "path": article.path.as_posix(),
        "key": article.key,
        "lang": article.lang,
        "title": article.title,
        "slug": article.slug,
        "date": article.date.iso if article.date else None,
        "date_edtf": article.date.edtf if article.date else None,
        "date_precision": article.date.precision.value if article.date else None,
        "date_source": article.date.source.value if article.date else None,
        "author": article.author,
        "outlet": article.outlet,
        "leaders": list(article.leaders),
        "events": list(article.events),
        "mentions": list(article.mentions),
        "countries": list(article.countries),
        "country_mentions": list(article.country_mentions),
        "type": article.doc_type.value,
        "body": [{"kind": b.kind.value, "text": b.text, "line": b.line} for b in article.body],
        "removed": [{"reason": r.reason, "text": r.text, "line": r.line} for r in article.removed],
        "warnings": [{"message": w.message, "line": w.line} for w in article.warnings],
    }


def article_text(article: Article) -> str:
    date = (
        f"{article.date.edtf} ({'interval' if article.date.is_interval else article.date.precision.value + ' precision'}, source: {article.date.source.value})"
        if article.date
        else "none"
    )
    lines = [
        f"== {article.path.as_posix()}",
        f"title:    {article.title}",
        f"language: {article.lang}    key: {article.key}    slug: {article.slug}",
        f"date:     {date}",
        f"author:   {article.author or '-'}    outlet: {article.outlet or '-'}",
        f"leaders:  {', '.join(article.leaders) or '-'}",
        f"events:   {', '.join(article.events) or '-'}",
        f"mentions: {', '.join(article.mentions) or '-'}",
        f"countries: {', '.join(article.countries) or '-'}    in passing: {', '.join(article.country_mentions) or '-'}",
        f"type:     {article.doc_type.value}",
    ]
    lines += [f"warning:  {f'line {w.line}: ' if w.line else ''}{w.message}" for w in article.warnings]
    lines.append(f"body ({len(article.body)} blocks):")
    for block in article.body:
        lines.append(textwrap.shorten(f"  {block.line:>4} {block.kind.value:<9} {block.text}", 150, placeholder="…"))
    lines.append(f"removed ({len(article.removed)} blocks):")
    for removed in article.removed:
        lines.append(textwrap.shorten(f"  {removed.line:>4} {removed.reason}: {removed.text}", 150, placeholder="…"))
    return "\n".join(lines) + "\n"
