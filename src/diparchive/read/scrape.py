"""A raw scrape → its headline, dateline, byline and outlet, and the lines of its body.

The segmenter (`segment`) says what each line is; this module turns those labels into the
article's parts and keeps every line it leaves out in `removed`, with the reason, so an editor
can check the decision (`diparchive parse`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markupsafe import escape

from ..records import BlockKind, PubDate, Removed
from .blocks import RawBlock
from .boilerplate import is_section_marker
from .dates import parse_dateline
from .registry import Registry
from .segment import LONG, Label, Labelled, Segmenter, split_glued

OUTLET_MARK = re.compile(r"^\(?([A-ZĐ][\w&.]{1,15})\)?\s*[-–—]\s*$")
# A byline's own words around the name: "Theo Hải Minh /VGP", "Tác giả: …", "By …", "PV".
_BYLINE_HEAD = re.compile(r"^(?:theo|by|tác giả|bài(?:\s+và\s+ảnh)?|bài, ảnh|written by|reporter)\s*[:.\-–]?\s*", re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\s*(?:[-–—/|(]\s*[\w.&]{2,20}\)?|\(\s*(?:ghi|tổng hợp|lược dịch|dịch|biên dịch|theo [^)]{1,30})\s*\))\s*$", re.IGNORECASE)
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\w’'.-]*\.?\s*){1,5}$")
TITLE_CHANCE = 0.25  # the least probability of "title" for a line to be taken as the headline
_PHOTO_CUE = re.compile(r"\b(?:ảnh|photo|nguồn|source|credit)\b\s*[:.]|\((?:ảnh|photo)", re.IGNORECASE)
_REASONS = {
    Label.CHROME: "site chrome (menu, widget, clock, counter, credit or link)",
    Label.TAIL: "after the article (related headlines and the rest of the site)",
    Label.DATELINE: "dateline",
    Label.BYLINE: "byline",
    Label.TITLE: "second headline line",
}


@dataclass(frozen=True, slots=True)
class ScrapeHeader:
    title: str | None
    date: PubDate | None
    author: str | None
    outlet: str | None
    removed: tuple[Removed, ...]


def outlet_of(text: str, registry: Registry) -> str | None:
    """The outlet a line like "NDO -" or "(TTXVN) –" names, in the registry's words if known."""
    mark = OUTLET_MARK.match(text)
    if mark is None:
        return None
    code = mark.group(1)
    return registry.outlets[code].vi if code in registry.outlets else code


def byline_name(text: str) -> str | None:
    """The person a byline line names ("Theo Hải Minh /VGP" → "Hải Minh"), if it names one."""
    name = _BYLINE_TAIL.sub("", _BYLINE_HEAD.sub("", text.strip())).strip(" .,:;-–—")
    if not name or len(name) > 60 or not any(c.isalpha() for c in name):
        return None
    return name if _NAME.match(name) or "," in name or " và " in name or " and " in name else None


def scrape_blocks(body: str, first_line: int) -> list[RawBlock]:
    """Every non-empty line, glued lines cut apart; a whitespace-only line with a non-breaking
    space is kept as an image slot (a figure stood there, so a caption may follow)."""
    blocks: list[RawBlock] = []
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if not line.strip():
            if "\u00a0" in line:
                blocks.append(RawBlock("", "", number, image_slot=True))
            continue
        blocks.extend(RawBlock(piece, str(escape(piece)), number) for piece in split_glued(line))
    return blocks


def read_scrape(body: str, first_line: int, registry: Registry, segmenter: Segmenter) -> tuple[ScrapeHeader, list[RawBlock]]:
    """The scrape's header and its body blocks (captions marked, image slots kept)."""
    blocks = scrape_blocks(body, first_line)
    lines = [b for b in blocks if not b.image_slot]
    read = segmenter.read([" ".join(b.text.split()) for b in lines])
    tags = [_settled(lines, read, i) for i in range(len(lines))]
    labels = {id(b): tag for b, tag in zip(lines, tags)}
    positions = {id(b): i for i, b in enumerate(lines)}
    first_body = next((i for i, tag in enumerate(tags) if tag in (Label.BODY, Label.CAPTION)), len(lines))
    # The headline is the line above the body most likely to be one, if any is likely enough.
    chances = [(read[i].chance(Label.TITLE), -i) for i in range(first_body)]
    best = max(chances, default=(0.0, 0))
    title_at = -best[1] if best[0] >= TITLE_CHANCE else None
    title = lines[title_at].text if title_at is not None else None

    removed: list[Removed] = []
    body_blocks: list[RawBlock] = []
    datelines: list[tuple[int, RawBlock]] = []
    author = outlet = section = None
    for block in blocks:
        if block.image_slot:
            body_blocks.append(block)
            continue
        label = labels[id(block)]
        position = positions[id(block)]
        if position == title_at:
            continue
        if label is Label.TITLE and position > first_body:
            label = Label.BODY  # a headline-like line inside the body is a subheading
        if label is Label.CAPTION:
            text = block.text.rstrip("| ").strip() or block.text  # "Caption. (Ảnh: X) |": the pipe is a link's
            body_blocks.append(replace(block, kind=BlockKind.CAPTION, text=text, html=str(escape(text))))
            continue
        if label is Label.BODY or (label is Label.CHROME and position > first_body):
            # Chrome inside the body goes to the body's own rules, which can say what it is
            # (a repeated caption, an image placeholder, a pull quote) before it is left out.
            body_blocks.append(block if label is Label.BODY else replace(block, chrome=True))
            continue
        if label is Label.CHROME and title_at is not None and position == title_at - 1 and len(block.text) <= 30:
            removed.append(Removed(block.text, block.line, "category label"))
            continue
        found_outlet = outlet_of(block.text, registry)
        if found_outlet is not None and outlet is None and position <= first_body:
            outlet = found_outlet
            removed.append(Removed(block.text, block.line, "outlet marker"))
            continue
        if label is Label.BYLINE and author is None:
            author = byline_name(block.text)
        if label in (Label.DATELINE, Label.BYLINE, Label.CHROME) and position <= first_body + 1:
            datelines.append((position, block))
        if is_section_marker(block.text):
            section = block.text.strip().rstrip(":")
        reason = f"site section: {section}" if section and label in (Label.TAIL, Label.CHROME) else _REASONS[label]
        removed.append(Removed(block.text, block.line, reason))
    date, dateline_author = _publication_date(datelines, title_at, removed)
    return ScrapeHeader(title, date, author or dateline_author, outlet, tuple(removed)), body_blocks


def _settled(lines: list[RawBlock], read: list[Labelled], index: int) -> Label:
    """The segmenter's label, with one constraint it cannot learn from few examples: the first
    long line of the body is the lead, not a caption, unless it credits a photo or follows
    an image."""
    label = read[index].label
    if label is Label.CAPTION and not _PHOTO_CUE.search(lines[index].text):
        if all(read[j].label not in (Label.BODY, Label.CAPTION) for j in range(index)):
            return Label.BODY
    return label


def _publication_date(datelines: list[tuple[int, RawBlock]], title_at: int | None, removed: list[Removed]) -> tuple[PubDate | None, str | None]:
    """The date of the datelines around the headline. A date above the headline with another
    below it is the site's chrome (a clock, the day the page was read): the lower one wins."""
    read = [(position, block, parse_dateline(block.text)) for position, block in datelines]
    dated = [(position, block, found) for position, block, found in read if found is not None]
    if not dated:
        return None, None
    below = [item for item in dated if title_at is None or item[0] > title_at]
    position, block, found = (below or dated)[0]
    if below and len(dated) > len(below):
        for _, other, _ in dated:
            if other not in [b for _, b, _ in below]:
                at = next(i for i, r in enumerate(removed) if r.line == other.line and r.text == other.text)
                removed[at] = replace(removed[at], reason="site chrome date")
    return found.date, found.author
