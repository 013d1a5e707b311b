"""Article files → complete, typed `Article` records.

A file is UTF-8 text (BOM, CRLF and CR accepted), optionally topped by YAML front matter that
overrides anything the loader would find. `.md` bodies are Markdown (CommonMark); `.txt` bodies
are raw scrapes, read a line at a time. Both go through the same reading:

    header (category label, headline, dateline, outlet)  →  blocks (paragraph, question,
    caption…)  →  boilerplate (section markers, unrelated trailing teasers)  →  recognition.

Whatever is left out of the body is kept in `Article.removed` with the reason.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import escape
from slugify import slugify

from ..config import LANGUAGES
from ..errors import DiparchiveError, Problem, fail
from ..records import Article, Block, BlockKind, DateSource, PubDate, Removed
from ..yamlsource import Located, parse_yaml
from . import boilerplate
from .dates import infer_date, parse_dateline
from .folding import fold
from .recognition import Candidate, Recognizer, recognise
from .registry import Registry

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = {
    "title": "Headline shown for the article.",
    "date": "Publication date: YYYY-MM-DD, YYYY-MM or YYYY.",
    "lang": "Language: vi or en.",
    "key": "Shared by an article and its translations; defaults to the file name.",
    "slug": "Last part of the article's URL; defaults to the slug of the title.",
    "author": "Byline.",
    "outlet": "Publishing outlet.",
    "leaders": "Leader ids, replacing the recognised ones.",
    "events": "Event ids, replacing the recognised ones.",
}
TITLE_WORDS = 14  # a title derived from the opening is cut near this many words
SLUG_CHARS = 80
BOILERPLATE_WARN_SHARE = 0.5  # warn when more of a file is left out than kept (seeds: at most 0.37)
KEY_CHARS = 200

_MD = MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A unit of body text before classification: a line of a scrape, a block of Markdown."""

    text: str
    html: str
    line: int
    kind: BlockKind = BlockKind.PARAGRAPH
    heading_level: int = 0
    image_slot: bool = False  # a whitespace-only line left where a scraped figure stood


@dataclass(frozen=True, slots=True)
class Loaded:
    article: Article
    candidates: tuple[Candidate, ...]  # for `diparchive check`


# Reading ----------------------------------------------------------------------------------


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invalid in XML feeds, invisible in pages
MAX_ARTICLE_BYTES = 5_000_000  # the longest real article is well under 1 MB
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_text(path: Path, shown: Path) -> str:
    """The file's text, NFC. UTF-8 (with or without BOM), or UTF-16/32 with a BOM; nothing is
    guessed: other encodings are reported with the line and column of the first bad byte."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise fail(shown, None, f"file is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES // 1_000_000} MB an article can be: is it an export or a data dump? Split it or move it out of content/")
    data = path.read_bytes()
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\0" in data:
        raise fail(shown, data[: data.index(b"\0")].count(b"\n") + 1, "binary data (NUL bytes), not article text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data[: exc.start].count(b"\n") + 1
        column = len(data[line_start: exc.start].decode(encoding, errors="replace")) + 1
        raise fail(shown, line, f"not {encoding.upper().replace('-SIG', '')} text: byte 0x{data[exc.start]:02X} at column {column} ({exc.reason}). "
                   "Save the file as UTF-8; diparchive does not guess other encodings such as Windows-1258 or Latin-1") from None
    text = _CONTROL.sub("", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise fail(shown, None, "empty file: no title and no text")
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str, shown: Path) -> tuple[Located | None, str, int]:
    """(front matter, body, line number of the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            located = parse_yaml("\n".join(lines[1:index]), shown, first_line=2)
            if not isinstance(located.value, dict):
                raise fail(shown, 2, "front matter must be a mapping of keys to values")
            return located, "\n".join(lines[index + 1:]), index + 2
    raise fail(shown, 1, "front matter opened with '---' is never closed")


# Front matter -----------------------------------------------------------------------------


def _front_matter(located: Located | None, shown: Path, registry: Registry) -> dict[str, Any]:
    if located is None:
        return {}
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for key, item in located.value.items():
        value = item.plain()
        if key not in FRONT_MATTER_KEYS:
            problems.append(Problem(shown, item.line, f"unknown front matter key '{key}' (known: {', '.join(FRONT_MATTER_KEYS)})"))
        elif key == "date":
            date = _front_matter_date(value)
            if date is None:
                problems.append(Problem(shown, item.line, f"'date' must be YYYY-MM-DD, YYYY-MM or YYYY, not '{value}'"))
            out[key] = date
        elif key == "lang":
            if value not in LANGUAGES:
                problems.append(Problem(shown, item.line, f"'lang' must be one of {', '.join(LANGUAGES)}, not '{value}'"))
            out[key] = value
        elif key in ("leaders", "events"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(Problem(shown, item.line, f"'{key}' must be a list of ids"))
                continue
            for entry, v in zip(item.value, value):
                known = v in registry.leaders if key == "leaders" else _known_event(registry, v)
                if not known:
                    problems.append(Problem(shown, entry.line, f"unknown {key[:-1]} id '{v}' (not in the registry)"))
            out[key] = tuple(value)
        else:
            if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
                problems.append(Problem(shown, item.line, f"'{key}' must be non-empty text"))
                continue
            text = str(value).strip()
            control = next((c for c in text if unicodedata.category(c) == "Cc"), None)
            if control is not None:
                problems.append(Problem(shown, item.line, f"'{key}' contains a control character (U+{ord(control):04X})"))
            elif key == "slug":
                # A slug becomes a folder name: only letters, digits and hyphens ever reach it,
                # so "../x", "/abs" or a 400-character slug cannot leave or break the output.
                out[key] = slug_of(text)
                if not out[key]:
                    problems.append(Problem(shown, item.line, f"'slug' must contain letters or digits, not '{text}'"))
            elif key == "key" and len(text) > KEY_CHARS:
                problems.append(Problem(shown, item.line, f"'key' is {len(text)} characters long; keep it under {KEY_CHARS}"))
            else:
                out[key] = text
    if problems:
        raise DiparchiveError(problems)
    return out


def _known_event(registry: Registry, event_id: str) -> bool:
    if event_id in registry.events:
        return True
    series, _, number = event_id.rpartition("-")
    return series in registry.series and number.isdigit()


def slug_of(text: str) -> str:
    """The URL slug of a title: python-slugify's, cut at the last whole word within SLUG_CHARS.
    (Its own word_boundary option skips a long word and goes on with shorter ones after it.)"""
    slug = slugify(text)
    if len(slug) > SLUG_CHARS:
        slug = slug[: SLUG_CHARS + 1].rsplit("-", 1)[0] if "-" in slug[: SLUG_CHARS + 1] else slug[:SLUG_CHARS]
    return slug.strip("-")


def _front_matter_date(value: Any) -> PubDate | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:  # a quoted full date, date: "2024-09-19"
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if isinstance(value, dt.date):
        return PubDate(value.year, value.month, value.day, DateSource.FRONT_MATTER)
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", str(value).strip())
    if not match:
        return None
    month = int(match.group(2)) if match.group(2) else None
    if month is not None and not 1 <= month <= 12:
        return None
    return PubDate(int(match.group(1)), month, None, DateSource.FRONT_MATTER)


# Raw blocks -------------------------------------------------------------------------------


def text_blocks(body: str, first_line: int) -> list[RawBlock]:
    """A scrape: every non-empty line is a block; a whitespace-only line with a non-breaking
    space is where a figure stood."""
    blocks = []
    for offset, line in enumerate(body.split("\n")):
        stripped = line.strip()
        number = first_line + offset
        if not stripped:
            if "\u00a0" in line:
                blocks.append(RawBlock("", "", number, image_slot=True))
            continue
        blocks.append(RawBlock(stripped, str(escape(stripped)), number))
    return blocks


def markdown_blocks(body: str, first_line: int) -> list[RawBlock]:
    tokens = _MD.parse(body)
    blocks: list[RawBlock] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = index
        if token.nesting == 1:  # find the matching close at the same level
            depth = 0
            for end in range(index, len(tokens)):
                depth += tokens[end].nesting
                if depth == 0:
                    break
        line = first_line + (token.map[0] if token.map else 0)
        inline = [t for t in tokens[index:end + 1] if t.type == "inline"]
        text = " ".join(_plain(t) for t in inline).strip()
        if token.type == "paragraph_open":
            children = inline[0].children or []
            # A paragraph wholly in emphasis is how curated Markdown marks a photo caption.
            if len(children) >= 3 and children[0].type == "em_open" and children[-1].type == "em_close":
                blocks.append(RawBlock(text, _MD.renderer.render(children[1:-1], _MD.options, {}), line, BlockKind.CAPTION))
            else:
                blocks.append(RawBlock(text, _MD.renderer.render(children, _MD.options, {}), line))
        elif token.type == "heading_open" and text:
            blocks.append(RawBlock(text, _MD.renderer.render(inline[0].children, _MD.options, {}), line, BlockKind.HEADING, int(token.tag[1])))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            blocks.append(RawBlock(text, _MD.renderer.render(tokens[index:end + 1], _MD.options, {}), line, BlockKind.LIST))
        elif token.type == "blockquote_open":
            inner = _MD.renderer.render(tokens[index + 1:end], _MD.options, {})
            blocks.append(RawBlock(text, inner, line, BlockKind.QUOTE))
        elif token.type in ("fence", "code_block", "html_block"):
            blocks.append(RawBlock(token.content.strip(), str(escape(token.content.strip())), line))
        index = end + 1
    return blocks


def _plain(inline) -> str:
    return "".join(" " if c.type in ("softbreak", "hardbreak") else c.content for c in inline.children or [])


# Header -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None
    date: PubDate | None
    author: str | None
    outlet: str | None
    consumed: int  # blocks at the top that were header, not body
    removed: tuple[Removed, ...]


_OUTLET_MARK = re.compile(r"^\(?([A-ZĐ][\w&.]{1,15})\)?\s*[-–—]\s*$")
_SENTENCE_END = re.compile(r"[.!;:]$|[.!?][\"”’»)]*$")


def _is_headline(text: str) -> bool:
    return 3 <= len(text) <= 220 and not _SENTENCE_END.search(text) and len(text.split()) >= 2 and not text.endswith("|")


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
            entry = Removed(text, block.line, "dateline")
            if title is None:
                above_title.append((entry, dateline.date, dateline.author))
            else:
                removed.append(entry)
                if date is None:
                    date, author = dateline.date, author or dateline.author
            index += 1
            continue
        mark = _OUTLET_MARK.match(text)
        if mark and outlet is None:
            code = mark.group(1)
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
_PHOTO_CREDIT = re.compile(r"(?:\(\s*(?:ảnh|photo|nguồn|source|video)\s*:[^)]{1,60}\)|(?:^|[.\s])(?:ảnh|photo)\s*:\s*[^.!?]{1,40}\.?)\s*\|?\s*$", re.IGNORECASE)
_ALT_TEXT = re.compile(r"^[a-z0-9 ]+$")
_PLACEHOLDER_SUFFIX = re.compile(r"\s*-\s*\d+$")
_SIGNATURE = re.compile(r"^(?:[A-ZĐ][^\W\d_]*\.?\s*){1,4}$")


def _words(text: str) -> int:
    return len(text.split())


def _normal(text: str) -> str:
    """Folded, with runs of space collapsed: the form lines are compared in."""
    return " ".join(fold(text).split())


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
        _words(text) <= 15 and not re.search(r"[.!?:;…\"”’)\]]$", text) and not re.search(r"\d$", text)
        and following is not None and _words(following.text) > 15
    )


def classify(blocks: list[RawBlock], title: str) -> tuple[list[RawBlock], list[Removed]]:
    """Kinds for the body's blocks, and what is not body at all."""
    kept: list[RawBlock] = []
    removed: list[Removed] = []
    interview = sum(1 for b in blocks if b.text.endswith("?")) >= 2 or any(_QUESTION_LABEL.match(b.text) for b in blocks)
    after_image = False
    previous: RawBlock | None = None
    normals = [_normal(b.text) for b in blocks]
    for index, block in enumerate(blocks):
        text = block.text
        repeated = index > 0 and normals[index] == normals[index - 1]
        if block.image_slot:
            after_image = True
            continue
        if boilerplate.is_section_marker(text):
            removed.extend(Removed(b.text, b.line, f"site section: {text.strip().rstrip(':')}") for b in blocks[index:] if not b.image_slot)
            break
        if block.kind is not BlockKind.PARAGRAPH:  # kinds Markdown already decided
            kept.append(block)
            previous, after_image = block, False
            continue
        if _PLACEHOLDER_SUFFIX.search(text) and _normal(_PLACEHOLDER_SUFFIX.sub("", text)) == _normal(title):
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
        if previous is not None and previous.kind is BlockKind.PARAGRAPH and _repeats(text, normals[index], previous.text):
            removed.append(Removed(text, block.line, "pull quote repeating the previous paragraph"))
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
        elif _is_subheading(text, blocks[index + 1:]):
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


def drop_tail(blocks: list[RawBlock], title: str, lang: str, scraped: bool) -> tuple[list[RawBlock], list[Removed], str | None]:
    """A closing signature (returned as a byline), then trailing teasers of unrelated news."""
    removed: list[Removed] = []
    signature = None
    if len(blocks) > 1 and blocks[-1].kind is BlockKind.PARAGRAPH and _SIGNATURE.match(blocks[-1].text) and _words(blocks[-1].text) <= 4:
        signature = blocks[-1].text.strip()
        removed.append(Removed(blocks[-1].text, blocks[-1].line, "byline"))
        blocks = blocks[:-1]
    paragraphs = [b for b in blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.QUESTION)]
    # Teasers of other news are scrape debris; curated Markdown is taken as the editor left it.
    cut = boilerplate.unrelated_tail([b.text for b in paragraphs], title, lang) if scraped else 0
    if cut:
        position = blocks.index(paragraphs[-cut])
        removed.extend(Removed(b.text, b.line, "trailing text unrelated to the article") for b in blocks[position:])
        blocks = blocks[:position]
    return blocks, removed, signature


def derive_title(blocks: list[RawBlock]) -> str | None:
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and block.text:
            sentence = re.split(r"(?<=[.!?])\s", block.text, maxsplit=1)[0].rstrip(".")
            if not any(c.isalnum() for c in sentence):
                continue
            words = sentence.split()
            return sentence if len(words) <= TITLE_WORDS else " ".join(words[:TITLE_WORDS]) + "…"
    return None


def detect_language(text: str) -> str:
    letters = [c for c in text[:4000] if c.isalpha()]
    marked = sum(1 for c in letters if not c.isascii())
    return "vi" if letters and marked / len(letters) > 0.04 else "en"


# The whole article ------------------------------------------------------------------------


def load_article(path: Path, root: Path, registry: Registry, recognizer: Recognizer) -> Loaded:
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    text = read_text(path, shown)
    located, body, first_line = split_front_matter(text, shown)
    meta = _front_matter(located, shown, registry)
    raw = markdown_blocks(body, first_line) if path.suffix == ".md" else text_blocks(body, first_line)

    header = read_header(raw, registry)
    warnings: list[str] = []
    title = meta.get("title") or header.title
    blocks, removed = classify(raw[header.consumed:], title or "")
    if title is None:
        title = derive_title(blocks)
        if title is None:
            raise fail(shown, first_line, "no text: the file has neither a title nor a body")
        warnings.append("no headline found: title derived from the opening")
    lang = meta.get("lang") or detect_language(title + " " + " ".join(b.text for b in blocks[:5]))
    blocks, tail_removed, signature = drop_tail(blocks, title, lang, scraped=path.suffix == ".txt")
    removed = list(header.removed) + removed + tail_removed
    if not blocks:
        raise fail(shown, first_line, "no body text left after reading the header")

    kept = sum(len(b.text) for b in blocks)
    dropped = sum(len(r.text) for r in removed)
    if dropped > BOILERPLATE_WARN_SHARE * (kept + dropped):
        warnings.append(f"{dropped} of {kept + dropped} characters were left out as boilerplate: check with `diparchive parse {shown}`")

    date = meta.get("date") or header.date
    if date is None:
        paragraphs = [b.text for b in blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.QUESTION)]
        date, reason = infer_date(paragraphs[:2], paragraphs)
        if date is not None:
            warnings.append(f"date inferred from the text ({reason})")
        else:
            warnings.append("no publication date found")
    author = meta.get("author") or header.author or signature

    found = recognise(recognizer, [(title, first_line)] + [(b.text, b.line) for b in blocks], date)
    article = Article(
        path=shown,
        key=meta.get("key") or path.stem,
        lang=lang,
        title=title,
        slug=meta.get("slug") or slug_of(title) or slug_of(path.stem) or "article",
        date=date,
        author=author,
        outlet=meta.get("outlet") or header.outlet,
        body=tuple(Block(b.kind, b.text, b.html, b.line) for b in blocks),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        leaders=meta.get("leaders", found.leaders),
        events=meta.get("events", found.events),
        warnings=tuple(warnings),
    )
    return Loaded(article, found.candidates)
