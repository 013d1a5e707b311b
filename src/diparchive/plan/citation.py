"""How an article is cited: the sentence under it, Zotero/Google Scholar meta tags, and the RIS and
BibTeX files offered for download. The outlet is the publisher of its text; the archive only holds
a copy, so it is named as the place the copy is kept, never as publisher. A translation (a
`translator`, or a version in the other language of an article first published in the site's
default language) is cited as such, with a pointer to its original."""

from __future__ import annotations

from ..records import Article
from .views import Site, View, display_title

CITE_FILES = ("cite.ris", "cite.bib")


def sentence(text: str) -> str:
    """A sentence of the citation: capitalised, ending with one full stop."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…", "”")) else text + "."


def original_of(s: Site, article: Article) -> Article | None:
    """The article this one translates, when it is a translation."""
    if article.lang == s.config.default_language and article.translator is None:
        return None
    for lang in s.config.languages:
        if lang != article.lang and (found := s.archive.counterpart(article, lang)) is not None:
            if article.translator is not None or lang == s.config.default_language:
                return found
    return None


def cited_title(article: Article, *, closed: bool = False) -> str:
    """A title as a citation names it: in quotation marks (`closed`: with the sentence's full stop
    inside them, “Title.”); a title the archive supplied is not the text's own, so it stands in
    square brackets without quotation marks, as archives write devised titles."""
    if article.title_supplied:
        return display_title(article)
    stop = "." if closed and not article.title.endswith((".", "?", "!", "…")) else ""
    return f"“{article.title}{stop}”"


def translation_note(s: Site, article: Article, original: Article | None) -> str:
    """What a translation is: by whom (when known), of which text, and where that text is."""
    ui = s.ui[article.lang]
    if original is None:
        return ui["cite_translated_by"].format(name=article.translator) if article.translator else ""
    title = cited_title(original)
    where = original.source_url or s.urls.absolute(s.urls.article(original.lang, original.slug))
    if article.translator:
        return ui["cite_translated_by_from"].format(name=article.translator, title=title, url=where)
    return ui["cite_translation_of"].format(title=title, url=where)


def citation(s: Site, article: Article) -> View:
    ui = s.ui[article.lang]
    url = s.urls.absolute(s.urls.article(article.lang, article.slug))
    original = original_of(s, article)
    # A translation is by the author of the text it translates, first published by its outlet.
    author = (original.author if original else None) or article.author
    outlet = article.outlet or (original.outlet if original else None)
    note = translation_note(s, article, original)
    parts = [author or "", cited_title(article, closed=True), note]
    if outlet:
        parts.append(outlet)
    if article.date:
        parts.append(s.date_text(article.date, article.lang))
    if article.source_url:
        parts.append(ui["cite_source"].format(url=article.source_url))
    if article.retrieved:
        parts.append(ui["cite_retrieved"].format(date=s.date_text(article.retrieved, article.lang)))
    held = ui["cite_held"].format(archive=s.config.title[article.lang])
    parts.append(held)
    date = article.date.html_datetime.replace("-", "/") if article.date and not article.date.is_interval else ""
    meta = [("citation_title", display_title(article))]
    meta += [("citation_author", author)] if author else []
    meta += [("citation_publication_date", date), ("citation_date", date)] if date else []
    meta += [("citation_publisher", outlet)] if outlet else []
    meta += [("citation_language", article.lang), ("citation_public_url", url)]
    fields = {
        "title": display_title(article),
        "author": author,
        "translator": article.translator,
        "outlet": outlet,
        "url": article.source_url or url,  # where the text was published, else the copy
        "copy": url if article.source_url else None,  # the archive's copy, when the original is known
        "archive": s.config.title[article.lang],
        "retrieved": (article.retrieved.html_datetime or None) if article.retrieved else None,
        "date": date,
        "note": (f"{sentence(note)} " if note else "") + f"{held}: {url}" if article.source_url else note or None,
    }
    return {
        "text": " ".join(sentence(p) for p in parts if p),
        "url": url,
        "meta": meta,
        "ris": s.urls.href(s.urls.article(article.lang, article.slug) + "cite.ris"),
        "bib": s.urls.href(s.urls.article(article.lang, article.slug) + "cite.bib"),
        "files": {"cite.ris": ris(fields, article), "cite.bib": bibtex(fields, article)},
    }


def ris(f: dict[str, str | None], article: Article) -> str:
    lines = [("TY", "NEWS"), ("TI", f["title"]), ("AU", f["author"]), ("A4", f["translator"]), ("PB", f["outlet"])]
    lines += [("DA", f["date"]), ("PY", str(article.date.year) if article.date else None), ("LA", article.lang)]
    # A4: the translator, L2: the archive's copy, Y2: the day of access, DB: where the copy is held,
    # as Zotero reads them
    retrieved = f["retrieved"].replace("-", "/") if f["retrieved"] else None
    lines += [("UR", f["url"]), ("L2", f["copy"]), ("Y2", retrieved), ("DB", f["archive"])]
    lines += [("N1", f["note"]), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value is not None)


def _bib(text: str) -> str:
    # BibTeX's specials, so a title with "%" or "{" cannot break the entry.
    return "".join("\\" + c if c in "{}%&$#_" else c for c in text)


def _bib_value(name: str, value: str) -> str:
    if name == "url":
        return value
    if name in ("author", "translator"):
        # One name as printed, in braces: BibTeX would otherwise take a Vietnamese name's last
        # word ("Hà Thu") for the family name, which comes first.
        return "{" + _bib(value) + "}"
    return _bib(value)


def bibtex(f: dict[str, str | None], article: Article) -> str:
    key = "".join(c for c in f"{article.lang}{article.key}" if c.isalnum())
    entries = [
        ("title", f["title"]),
        ("author", f["author"]),
        ("translator", f["translator"]),
        ("publisher", f["outlet"]),
        ("year", str(article.date.year) if article.date else None),
    ]
    entries += [
        ("date", f["date"].replace("/", "-") if f["date"] else None),
        ("language", article.lang),
        ("url", f["url"]),
        ("urldate", f["retrieved"]),
    ]
    entries += [("note", f["note"])]
    body = ",\n".join(f"  {name} = {{{_bib_value(name, value)}}}" for name, value in entries if value)
    return f"@online{{{key},\n{body}\n}}\n"
