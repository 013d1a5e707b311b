"""Article files → complete, typed `Article` records.

A file is UTF-8 text (BOM, CRLF and CR accepted), optionally topped by YAML front matter that
overrides anything the loader would find. `.md` bodies are Markdown (CommonMark), read by their
own structure (`read_header`); `.txt` bodies are raw scrapes, read line by line by the segmenter
(`scrape.read_scrape`). Both then go through the same reading:

    body rules (question, caption, subheading, repeated line, pull quote, placeholder, credit)
    →  closing signature  →  the article's date (`dating`)  →  recognition.

Whatever is left out of the body is kept in `Article.removed` with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import escape

from ..errors import fail
from ..records import Article, Block, BlockKind, Notice, PubDate, Removed
from . import boilerplate
from .blocks import RawBlock, markdown_blocks
from .bylines import byline_name, closing_signature
from .countries import recognise_countries
from .dates import parse_dateline
from .dating import date_of_scrape
from .decode import read_text, split_front_matter
from .doctype import document_type
from .features import placeholder_at_end
from .folding import detect_language, fold
from .frontmatter import front_matter, slug_of
from .headline import TITLE_WORDS, derive_title, paragraph
from .marks import mark_code
from .passages import passages
from .prune import CONSENT_BANNER
from .recognition import Candidate, recognise
from .recognizer import Recognizer
from .registry import Registry
from .scrape import ScrapeHeader, read_scrape
from .segment import Segmenter

ARTICLE_SUFFIXES = (".txt", ".md")
BOILERPLATE_WARN_SHARE = 0.5  # warn when more of a file is left out than kept (seeds: at most 0.37)


@dataclass(frozen=True, slots=True)
class Loaded:
    article: Article
    candidates: tuple[Candidate, ...]  # for `diparchive check`


# Header -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None
    date: PubDate | None
    author: str | None
    outlet: str | None
    consumed: int  # blocks at the top that were header, not body
    removed: tuple[Removed, ...]


_SENTENCE_END = re.compile(r"[.!;:]$|[.!?][\"”’»)]*$")


def _is_headline(text: str) -> bool:
    return (
        3 <= len(text) <= 220 and not _SENTENCE_END.search(text) and len(text.split()) >= 2 and not text.endswith("|")
    )


def _is_label(text: str) -> bool:
    return len(text) <= 30 and 1 <= len(text.split()) <= 3 and not _SENTENCE_END.search(text)


def read_header(blocks: list[RawBlock], registry: Registry) -> Header:
    title = date = author = outlet = None
    removed: list[Removed] = []
    above_title: list[tuple[Removed, PubDate, str | None]] = []  # datelines met before the headline
    index = 0
    while index < len(blocks) and index < 8:
        block = blocks[index]
        text = block.text
        if block.image_slot:
            break
        dateline = parse_dateline(text) if block.kind is not BlockKind.LIST else None
        if dateline:
            if dateline.rest and title is None and _is_headline(dateline.rest):
                title = dateline.rest  # " date 2024-09 Title": the marker and the headline share a line
            elif (
                dateline.rest and len(dateline.rest.split()) > TITLE_WORDS
            ):  # " date 2017-12 Body text…": keep the text
                blocks[index] = replace(block, text=dateline.rest, html=str(escape(dateline.rest)))
                removed.append(Removed(text[: len(text) - len(dateline.rest)].strip(), block.line, "dateline"))
                break
            entry = Removed(text, block.line, "dateline")
            if title is None:
                above_title.append((entry, dateline.date, dateline.author))
            else:
                removed.append(entry)
                if date is None:
                    date, author = dateline.date, author or dateline.author
            index += 1
            continue
        mark = mark_code(text)
        if mark and outlet is None:
            code = mark.code
            outlet = registry.outlets[code].vi if code in registry.outlets else code
            removed.append(Removed(text, block.line, "outlet marker"))
            index += 1
            continue
        if title is not None:
            break
        if block.kind is BlockKind.HEADING and block.heading_level == 1:
            title = text
            index += 1
            continue
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        if _is_label(text) and _is_headline(following) and not parse_dateline(following):
            removed.append(Removed(text, block.line, "category label"))
            index += 1
            continue
        if block.kind is BlockKind.PARAGRAPH and _is_headline(text):
            title = text
            index += 1
            continue
        break
    # A date above the headline with none below it is the article's; with one below it, the
    # upper one is the site's chrome (a clock, the day the page was read).
    for entry, found, byline in above_title:
        if date is None:
            date, author = found, author or byline
            removed.append(entry)
        else:
            removed.append(replace(entry, reason="site chrome date"))
    return Header(title, date, author, outlet, index, tuple(removed))


# Body -------------------------------------------------------------------------------------

_QUESTION_LABEL = re.compile(r"^(?:\d+[.)]\s*)?(?:câu hỏi|hỏi|pv|phóng viên|question|q)\s*[:.]\s*", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\d+[.)]\s+")
_PHOTO_CREDIT = re.compile(
    r"(?:\(\s*(?:ảnh|photo|nguồn|source|video)\s*:[^)]{1,60}\)|(?:^|[.\s])(?:ảnh|photo)\s*:\s*[^.!?]{1,40}\.?)\s*\|?\s*$",
    re.IGNORECASE,
)
# A line that only credits a source: "Source: VNA", "Nguồn: …/https://…", "TTXVN/Tin Tức".
_SOURCE_CREDIT = re.compile(
    r"^(?:nguồn(?:\s+tin)?|source|credit|theo nguồn)\b[^.!?]{0,40}(?::\s*(?:\S+\s*){1,6}|:?\s*https?://\S+)$",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(r"^[A-ZĐ]{2,10}\s*/\s*[^\W\d_][^/.!?]{1,25}$")
# A line that invites the reader elsewhere: "Mời quý độc giả theo dõi…", "(For more, click here https://…)".
_PROMO = re.compile(
    r"^\W*(?:mời\s+(?:quý\s+)?(?:độc giả|bạn đọc|quý vị|bạn)\b|(?:[^.!?]{0,60}\b)?(?:click here|bấm vào đây|nhấn vào đây)\b)",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"^\(.*\)$")  # "(placeholder image)", "(04/06/2017)": a bracketed line on its own
_ALT_TEXT = re.compile(r"^[a-z0-9 ]+$")
_PLACEHOLDER_SUFFIX = re.compile(r"\s*-\s*\d+$")


def _words(text: str) -> int:
    return len(text.split())


def _normal(text: str) -> str:
    """Folded, with runs of space collapsed: the form lines are compared in."""
    return " ".join(fold(text).rstrip("| ").split())


def _repeats(text: str, normal: str, previous: str) -> bool:
    """A pull quote: the line restates the start of the previous paragraph."""
    if len(text) <= 80:
        return False
    head = " ".join(normal.strip("\"“”'‘’ ").split()[:12])
    return len(head) > 40 and head in _normal(previous)


def _is_subheading(text: str, rest: list[RawBlock]) -> bool:
    """A short line with no closing punctuation, followed by a paragraph of the article."""
    following = next((b for b in rest if not b.image_slot), None)
    return (
        _words(text) <= 15
        and not re.search(r"[.!?:;…\"”’)\]]$", text)
        and not re.search(r"\d$", text)
        and following is not None
        and _words(following.text) > 15
    )


def _story_goes_on(text: str) -> bool:
    """Inside the body, a line the model read as the site's that is surely the story's: a whole
    paragraph of sentences (no credit, no teaser cut short)."""
    return paragraph(text) and not _PHOTO_CREDIT.search(text)


def classify(blocks: list[RawBlock], title: str, cut_at_markers: bool = True) -> tuple[list[RawBlock], list[Removed]]:
    """Kinds for the body's blocks, and what is not body at all. With `cut_at_markers`, a
    section marker ("Tin liên quan") ends the body; a segmented scrape has labelled those
    lines already, and its article may go on after one."""
    kept: list[RawBlock] = []
    removed: list[Removed] = []
    interview = sum(1 for b in blocks if b.text.endswith("?")) >= 2 or any(
        _QUESTION_LABEL.match(b.text) for b in blocks
    )
    after_image = False
    previous: RawBlock | None = None
    normals = [_normal(b.text) for b in blocks]
    for index, block in enumerate(blocks):
        text = block.text
        repeated = index > 0 and normals[index] == normals[index - 1]
        if block.image_slot:
            after_image = True
            continue
        if cut_at_markers and boilerplate.is_section_marker(text):
            removed.extend(
                Removed(b.text, b.line, f"site section: {text.strip().rstrip(':')}")
                for b in blocks[index:]
                if not b.image_slot
            )
            break
        if block.kind is BlockKind.CAPTION and placeholder_at_end(text):
            removed.append(Removed(text, block.line, "image placeholder"))  # "… - ảnh 1": alt text, not a caption
            after_image = True
            continue
        if block.kind is BlockKind.CAPTION and previous is not None and repeated:
            removed.append(Removed(text, block.line, "repeated line"))
            continue
        credit = _SOURCE_CREDIT.match(text) or (_AGENCY_CREDIT.match(text) and _words(text) <= 5)
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.CAPTION) and credit:
            removed.append(Removed(text, block.line, "source credit"))  # a credit alone credits no picture
            continue
        if block.kind is not BlockKind.QUESTION and boilerplate.is_link_line(text):
            removed.append(Removed(text, block.line, "link to another article"))  # "Read more: …"
            continue
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.CAPTION) and _PROMO.match(text):
            removed.append(Removed(text, block.line, "site promotion or link"))
            continue
        if block.kind is not BlockKind.PARAGRAPH:  # kinds Markdown or the segmenter already decided
            kept.append(block)
            previous, after_image = block, False
            continue
        if (
            text.rstrip("\n")[-1:].isdigit()
            and _PLACEHOLDER_SUFFIX.search(text)
            and _normal(_PLACEHOLDER_SUFFIX.sub("", text)) == _normal(title)
        ):
            removed.append(Removed(text, block.line, "image placeholder"))
            after_image = True
            continue
        if (
            block.kind is BlockKind.PARAGRAPH
            and _ASIDE.match(text)
            and _words(text) <= 6
            and not _PHOTO_CREDIT.search(text)
        ):
            removed.append(Removed(text, block.line, "site chrome (a bracketed aside)"))
            continue
        if placeholder_at_end(text) and block.kind is BlockKind.PARAGRAPH:
            removed.append(Removed(text, block.line, "image placeholder"))
            after_image = True
            continue
        if _ALT_TEXT.match(text) and _words(text) <= 6:
            removed.append(Removed(text, block.line, "image alt text"))
            after_image = True
            continue
        if previous is not None and repeated:
            removed.append(Removed(text, block.line, "repeated line"))
            if previous.kind is BlockKind.PARAGRAPH and _words(text) <= 30 and kept and kept[-1] is previous:
                kept[-1] = previous = replace(previous, kind=BlockKind.CAPTION)
            continue
        if (
            previous is not None
            and previous.kind is BlockKind.PARAGRAPH
            and _repeats(text, normals[index], previous.text)
        ):
            if len(text) <= len(previous.text) or kept[-1] is not previous:
                removed.append(Removed(text, block.line, "pull quote repeating the previous paragraph"))
                continue
            # The previous line was a summary that this paragraph repeats word for word and goes
            # on from: keep the paragraph, leave the summary out.
            kept.pop()
            removed.append(Removed(previous.text, previous.line, "summary repeated by the next paragraph"))
        if block.chrome and kept and _story_goes_on(text):
            block = replace(block, chrome=False)  # a whole paragraph of the story
        if block.chrome:
            reason = (
                "link to another article"
                if text.endswith("|")
                else "site chrome (menu, widget, clock, counter, credit or link)"
            )
            removed.append(Removed(text, block.line, reason))
            continue
        kind = BlockKind.PARAGRAPH
        html = block.html
        if _PHOTO_CREDIT.search(text):
            kind = BlockKind.CAPTION
        elif text.endswith("|"):
            removed.append(Removed(text, block.line, "link to another article"))
            continue
        elif after_image and _words(text) <= 40:
            kind = BlockKind.CAPTION
        elif _is_subheading(text, blocks[index + 1 :]):
            kind = BlockKind.HEADING
        elif _QUESTION_LABEL.match(text) or (interview and text.endswith("?")):
            kind = BlockKind.QUESTION
            stripped = _LIST_MARKER.sub("", text)
            if stripped != text:
                text, html = stripped, str(escape(stripped))
        if kind is BlockKind.CAPTION and text.endswith("|"):
            text = text.rstrip("| ").strip()
            html = str(escape(text))
        after_image = False
        block = replace(block, kind=kind, text=text, html=html)
        kept.append(block)
        previous = block
    return kept, removed


# The whole article ------------------------------------------------------------------------


def load_article(
    path: Path, root: Path, registry: Registry, recognizer: Recognizer, segmenter: Segmenter | None = None
) -> Loaded:
    """One file → its record. Scrapes (.txt) are read by `segmenter` (the shipped model unless
    one is given); curated Markdown by its own structure."""
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    text = read_text(path, shown)
    located, body, first_line = split_front_matter(text, shown)
    meta = front_matter(located, shown, registry)
    header: Header | ScrapeHeader
    if path.suffix == ".md":
        raw = markdown_blocks(body, first_line)
        printed = tuple(b.text for b in raw)  # as printed, before the header takes a date marker off a line
        printed_at = tuple(b.line for b in raw)
        header = read_header(raw, registry)
        body_at = header.consumed
        raw = raw[header.consumed :]
    else:
        header, raw = read_scrape(body, first_line, registry, segmenter or Segmenter.open())
        printed, body_at, printed_at = header.printed, header.body_at, header.printed_at
    warnings: list[Notice] = []
    title = meta.get("title") or header.title
    blocks, removed = classify(raw, title or "", cut_at_markers=path.suffix == ".md")
    title_supplied = title is None or meta.get("title_supplied", False)
    if title is None:
        title = derive_title(blocks)
        if title is None:
            raise fail(shown, first_line, "no text: the file has neither a title nor a body")
    lang = meta.get("lang") or detect_language(title + " " + " ".join(b.text for b in blocks[:5]))
    blocks, tail_removed, signature = closing_signature(blocks)
    removed = list(header.removed) + removed + tail_removed
    if not blocks:
        raise fail(shown, first_line, "no body text left after reading the header")

    kept = sum(len(b.text) for b in blocks)
    dropped = sum(len(r.text) for r in removed if r.reason != CONSENT_BANNER)  # surely no text of the article
    if dropped > BOILERPLATE_WARN_SHARE * (kept + dropped):
        warnings.append(boilerplate.left_out(removed, blocks[0].line, kept, dropped, shown))

    paragraphs = [b.text for b in blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.QUESTION)]
    first = blocks[0].line
    if not paragraphs:  # all captions, headings or lists: likely a gallery page, or the body was missed
        warnings.append(
            Notice(f"no paragraph: only captions, headings or lists were read (`diparchive parse {shown}`)", first)
        )
    dated = date_of_scrape(
        printed, header.title, body_at, paragraphs, [b.text for b in blocks if b.kind is BlockKind.CAPTION]
    )
    date = meta.get("date") or dated.date
    if "date" not in meta and dated.note:
        # At the line that printed the date, else where the text the date is looked for opens.
        at = printed_at[dated.index] if dated.index is not None and dated.index < len(printed_at) else first
        warnings.append(Notice(dated.note, at))
    beside_date = byline_name(dated.author) if dated.author else None  # a name, never a place or a zone
    bio = header.bio_author if isinstance(header, ScrapeHeader) else None  # "X is …" after the body: the last resort
    author = meta.get("author") or header.author or beside_date or signature or bio

    title_line = header.title_line if isinstance(header, ScrapeHeader) and "title" not in meta else None
    texts = passages(title, title_line or first_line, blocks)  # a name in the headline is told at its line
    found = recognise(recognizer, texts, date)
    countries = recognise_countries(recognizer.country_finder, texts)
    article = Article(
        path=shown,
        key=meta.get("key") or path.stem,
        lang=lang,
        title=title,
        title_supplied=title_supplied,
        title_set="title" in meta,
        title_line=title_line,
        title_doubt=header.title_doubt if isinstance(header, ScrapeHeader) and "title" not in meta else None,
        slug=meta.get("slug") or slug_of(title) or slug_of(path.stem) or "article",
        slug_set="slug" in meta,
        aliases=meta.get("aliases", ()),
        source_url=meta.get("source_url"),
        retrieved=meta.get("retrieved"),
        translator=meta.get("translator"),
        draft=meta.get("draft", False),
        date=date,
        author=author,
        outlet=_outlet_named(meta.get("outlet"), lang, registry) or _in_language(header.outlet, lang, registry),
        body=tuple(Block(b.kind, b.text, b.html, b.line) for b in blocks),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        leaders=meta.get("leaders", found.leaders),
        events=meta.get("events", found.events),
        mentions=meta.get("mentions", tuple(e for e in found.mentions if e not in meta.get("events", ()))),
        warnings=tuple(warnings),
        doc_type=meta.get("type") or document_type(title, blocks),
        countries=meta.get("countries", countries.about),
        country_mentions=meta.get(
            "country_mentions", tuple(c for c in countries.mentions if c not in meta.get("countries", ()))
        ),
    )
    return Loaded(article, found.candidates)


def _in_language(outlet: str | None, lang: str, registry: Registry) -> str | None:
    """An outlet the page's mark named, by the registry's name in the article's language
    ("Thông tấn xã Việt Nam" on an English page from "Hanoi (VNA) –" is "Vietnam News Agency")."""
    known = next((name for name in registry.outlets.values() if outlet in (name.vi, name.en)), None)
    return known.get(lang) if known is not None else outlet


def _outlet_named(outlet: str | None, lang: str, registry: Registry) -> str | None:
    """The front matter's outlet: a code of the registry's outlets ("NDO", "TG&VN") is its name."""
    if outlet is not None and outlet in registry.outlets:
        return registry.outlets[outlet].get(lang)
    return outlet
