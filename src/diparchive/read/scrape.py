"""A raw scrape → its headline, dateline, byline and outlet, and the lines of its body.

The segmenter (`segment`) says what each line is; this module turns those labels into the
article's parts and keeps every line it leaves out in `removed`, with the reason, so an editor
can check the decision (`diparchive parse`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markupsafe import escape

from ..records import BlockKind, Removed
from . import teasers
from .blocks import RawBlock
from .boilerplate import SUBSCRIPTION, inline_chrome, is_link_line, is_section_marker
from .bylines import (
    BYLINE_HEAD,
    END_MARK,
    STAFF,
    beside_widget,
    byline_name,
    full_name_in_capitals,
    headed_byline,
    in_menu,
    name_after_date,
    over_role,
    over_stamp,
    signature_at,
)
from .captions import (
    AGENCY_CREDIT,
    CREDIT_ALONE,
    credited,
    headline_words,
    is_image_line,
    names_headline,
    settle_captions,
)
from .dates import DATE_RE, parse_dateline
from .folding import fold
from .furniture import BIO, bio_name, end_furniture, signature_place
from .headline import (
    BULLET,
    NO_SHARED_WORD,
    PHOTO_CUE,
    SENTENCE,
    TRUNCATED,
    could_be_headline,
    headline_at,
    headline_over_meta,
    headline_span,
    menu_line,
    numbered_sections,
    opens_with_headline,
    paragraph,
    sentence_like,
    shares_words,
    standfirst_at,
    unmarked_over_marked,
    without_site_name,
)
from .marks import OUTLET_MARK, copyright_holder
from .places import outlet_of
from .prune import pruned
from .registry import Registry
from .segment import LONG, Label, Labelled, Segmenter, split_glued
from .unwrap import unwrap

META_LINES = 5  # lines between the lead and the next body line where its dateline and outlet stand
SENTENCE_WORDS = 15  # a dateline is a few words; a line this long ending in its stop is a sentence
_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|gov)\s*[-–—]?$", re.IGNORECASE)  # "tnv.vn"
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
    author: str | None
    outlet: str | None
    removed: tuple[Removed, ...]
    printed: tuple[str, ...]  # every line as the scrape prints it (glued lines cut), where dates are read
    body_at: int  # the index in `printed` of the body's first line
    title_line: int | None = None  # where the headline was read
    title_doubt: str | None = None  # why the headline may be a line of the site instead
    printed_at: tuple[int, ...] = ()  # the file's line of each of `printed`
    bio_author: str | None = None  # the person a bio after the body opens with ("X is a senior fellow …")


def scrape_blocks(body: str, first_line: int) -> list[RawBlock]:
    """Every non-empty line (a print column's wrapped lines joined), glued lines cut apart; a whitespace-only line with a non-breaking
    space is kept as an image slot (a figure stood there, so a caption may follow)."""
    blocks: list[RawBlock] = []
    for offset, line in unwrap(body.split("\n")):  # a print column's lines joined into their paragraphs
        number = first_line + offset
        if not line.strip():
            if "\u00a0" in line:
                blocks.append(RawBlock("", "", number, image_slot=True))
            continue
        blocks.extend(RawBlock(piece, str(escape(piece)), number) for piece in split_glued(line))
    return blocks


def read_scrape(
    body: str, first_line: int, registry: Registry, segmenter: Segmenter
) -> tuple[ScrapeHeader, list[RawBlock]]:
    """The scrape's header and its body blocks (captions marked, image slots kept)."""
    blocks, removed = pruned(scrape_blocks(body, first_line))  # a consent banner, a live blog's stamps
    lines = [b for b in blocks if not b.image_slot]
    read = segmenter.read([" ".join(b.text.split()) for b in lines])
    tags = _settled(lines, read)
    texts = [b.text for b in lines]
    furniture = end_furniture(texts, tags)  # a bio, a contact line, a disclaimer after the body: never its text
    tags = [Label.TAIL if i in furniture and tag in (Label.BODY, Label.CAPTION) else tag for i, tag in enumerate(tags)]
    labels = {id(b): tag for b, tag in zip(lines, tags)}
    positions = {id(b): i for i, b in enumerate(lines)}
    first_body = _first_of(tags, Label.BODY, Label.CAPTION)
    # A photo over the lead comes before the body, not in it: the headline may stand above either.
    lead_at = _first_of(tags, Label.BODY)
    title_at, title_doubt = headline_at(lines, read, lead_at)
    if (
        title_at is None
        and first_body == 1 < len(lines)
        and could_be_headline(lines[0].text)
        and not sentence_like(lines[0].text)
        and not unmarked_over_marked(lines[0].text, lines[1].text)
    ):
        title_at = 0  # the plainest shape, a headline line over the lead, needs no model to read
        if not shares_words(lines[0].text, lines[1].text):
            title_doubt = NO_SHARED_WORD  # or a site's name over its text
    if title_at is None and first_body == 0 and opens_with_headline(lines, tags):
        title_at, first_body = 0, 1  # the same shape, the headline read as the body's first line
        tags[0] = labels[id(lines[0])] = Label.TITLE
    elif title_at is None and headline_over_meta(lines, tags, lead_at):
        # A headline read as the lead, with the site's lines (time to read, date, desk) under it.
        tags[lead_at] = labels[id(lines[lead_at])] = Label.TITLE
        title_at = lead_at
        first_body = lead_at = _first_of(tags, Label.BODY)
    while first_body + 1 < len(lines) and tags[first_body] is Label.BODY and _label(lines[first_body].text):
        tags[first_body] = labels[id(lines[first_body])] = Label.CHROME  # "NỘI DUNG" over the lead: a label
        first_body = _first_of(tags, Label.BODY, Label.CAPTION)
    title_at, title_end = headline_span(lines, title_at, lead_at) if title_at is not None else (None, -1)
    title = " ".join(BULLET.sub("", b.text) for b in lines[title_at : title_end + 1]) if title_at is not None else None
    if title is not None and title_at == 0:  # a browser tab's title opens the file
        said = " ".join(t for t, tag in zip(texts, tags) if tag is Label.BODY)
        title = without_site_name(title, [t for t in texts[title_end + 1 :] if len(t.split()) <= SITE_LINE_WORDS], said)
    for i in range(title_end + 1, lead_at):
        if tags[i] is Label.TITLE and i > 0 and is_image_line(texts[i - 1]):
            tags[i] = labels[id(lines[i])] = Label.CAPTION  # under the headline, a picture's caption, not a second line
    standfirst = set(standfirst_at(lines, title_end, lead_at)) if title_at is not None else set()

    body_blocks: list[RawBlock] = []
    datelines: list[tuple[int, RawBlock]] = []
    author = outlet = section = None
    # Lines where a byline stands (labelled so, between headline and lead, right after the body),
    # each with whether it surely is one: labelled so, headed so, or the file's last line.
    bylines: list[tuple[str, bool]] = []
    last_kept = max((i for i, tag in enumerate(tags) if tag in (Label.BODY, Label.CAPTION)), default=len(lines))
    next_body = min(_first_of(tags[first_body + 1 :], Label.BODY) + first_body + 1, first_body + META_LINES)
    after_end = signature_place(texts, last_kept, furniture)  # past its end mark, its furniture, its last photo
    body_text = " ".join(b.text for b, tag in zip(lines, tags) if tag is Label.BODY)
    for block in blocks:
        if block.image_slot:
            body_blocks.append(block)
            continue
        label = labels[id(block)]
        position = positions[id(block)]
        if title_at is not None and title_at <= position <= title_end:
            continue
        if position in standfirst and label is not Label.CAPTION:
            body_blocks.append(block)  # the story's summary under its headline opens the body
            continue
        if END_MARK.fullmatch(block.text):
            removed.append(Removed(block.text, block.line, "end mark"))
            continue
        if position in furniture:
            removed.append(Removed(block.text, block.line, furniture[position]))
            continue
        if label is Label.TITLE and position > lead_at:
            label = Label.BODY  # a headline-like line inside the body is a subheading
        if label in (Label.BODY, Label.CAPTION):
            section = None  # the text goes on: a box inside it has ended
        if label is Label.CAPTION:
            text = block.text.rstrip("| ").strip() or block.text  # "Caption. (Ảnh: X) |": the pipe is a link's
            body_blocks.append(replace(block, kind=BlockKind.CAPTION, text=text, html=str(escape(text))))
            continue
        # Under the lead, before the next body line, the site may print the article's own
        # dateline and outlet line ("TNV.vn", "TNV.vn -") over its photo.
        if first_body < position < next_body and label in (Label.CHROME, Label.DATELINE, Label.TAIL):
            own = outlet_of(block.text, registry, texts) or (
                block.text.strip(" -–—") if _HOST.match(block.text) else None
            )
            if own is not None and outlet is None:
                outlet = own
                removed.append(Removed(block.text, block.line, "outlet marker"))
                continue
            if parse_dateline(block.text) is not None and len(block.text.split()) <= SENTENCE_WORDS:
                datelines.append((position, block))
                removed.append(Removed(block.text, block.line, _REASONS[Label.DATELINE]))
                continue
        if position > first_body and (why := inline_chrome(block.text)):
            removed.append(Removed(block.text, block.line, why))  # an advertisement's or a player's line
            continue
        if label is Label.CHROME and position == after_end and signature_at(texts, position, body_text):
            label = Label.BYLINE  # the article's signature right after it, which the model read as the site's
        if label is Label.BODY or (label is Label.CHROME and position > max(first_body, lead_at)):
            # Chrome inside the body goes to the body's own rules, which can say what it is
            # (a repeated caption, an image placeholder, a pull quote) before it is left out.
            body_blocks.append(block if label is Label.BODY else replace(block, chrome=True))
            continue
        if (
            label is Label.CHROME
            and title_at is not None
            and position == title_at - 1
            and len(block.text) <= 30
            and not DATE_RE.search(block.text)
            and not headed_byline(block.text)  # "By X", "TS. X" over the headline
        ):
            removed.append(Removed(block.text, block.line, "category label"))
            continue
        found_outlet = outlet_of(block.text, registry, texts)
        if found_outlet is not None and outlet is None and position <= first_body:
            outlet = found_outlet or None
            removed.append(Removed(block.text, block.line, "outlet marker" if outlet else "place of the dateline"))
            continue
        closing = position in (len(lines) - 1, after_end)  # right after the body (and its "./."), or the file's end
        explicit = (position <= first_body or closing) and headed_byline(block.text)
        between = (
            title_at is not None
            and title_at < position < max(first_body, lead_at)  # under the headline, over the lead (a photo between)
            and (
                label is Label.BYLINE
                or not in_menu(texts, position, title_at, max(first_body, lead_at))
                or over_role(texts, position)
            )
        )
        over_date = title_at is not None and (
            over_stamp(texts, position, title_at, between, body_text)
            or beside_widget(texts, position, between, body_text)
        )
        # Over the headline, a name the model alone calls a byline must be a person's printed once
        # (the site's name is printed in its title and footer too).
        unsure = label is Label.BYLINE and title_at is not None and position < title_at and not explicit
        if unsure and not over_date and signature_at(texts, position, body_text) is None:
            label = Label.CHROME
        if (label is Label.BYLINE or between or closing or explicit or over_date) and not (
            is_section_marker(block.text) or menu_line(block.text)
        ):
            # Above the lead, the model's label alone does not make a line in capitals a name
            # ("NỘI DUNG HỘI ĐÀM" is a label over the text): there it must be headed so, or over the date.
            # Right after the body, a person's name printed once signs it, in capitals too.
            signs = position == after_end and signature_at(texts, position, body_text) is not None
            signed = (label is Label.BYLINE and position > first_body) or signs
            bylines.append((block.text, signed or explicit or over_date or position == len(lines) - 1))
            label = Label.BYLINE if explicit or over_date or signs else label
        if label in (Label.DATELINE, Label.BYLINE, Label.CHROME) and position <= first_body + 1:
            datelines.append((position, block))
        if is_section_marker(block.text):
            section = block.text.strip().rstrip(":")
        if label is Label.TAIL and section and first_body < position < last_kept:
            reason = f"related-news box inside the article: {section}"
        elif section and label in (Label.TAIL, Label.CHROME):
            reason = f"site section: {section}"
        else:
            reason = _REASONS[label]
        removed.append(Removed(block.text, block.line, reason))
    last_paragraph = next(
        (b.text for b in reversed(body_blocks) if not b.image_slot and b.kind is BlockKind.PARAGRAPH), ""
    )
    if outlet is None and (signed_by := SIGNED_END.search(last_paragraph)):
        code = signed_by.group(1)  # "… community. — VNS": the paper signs its text at the end
        outlet = registry.outlets[code].vi if code in registry.outlets else code
    if outlet is None:  # the site's copyright notice at its foot names whose it is
        outlet = next((h for t in reversed(texts[-FOOTER_LINES:]) if (h := copyright_holder(t))), None)
    dateline_author = _mark_datelines(datelines, title_at, removed)
    author = next(
        (
            name
            for line, sure in bylines
            if (name := byline_name(line))
            and (sure or name in STAFF or not name.isupper() or full_name_in_capitals(name, body_text))
        ),  # a line in capitals is a name where a byline surely stands (after the body, headed so, or
        # last), or when it is a person's full name
        None,
    )
    if author is None and dateline_author:
        author = byline_name(dateline_author)
    body_at = next((i for i, b in enumerate(blocks) if first_body < len(lines) and b is lines[first_body]), len(blocks))
    printed = tuple(b.text for b in blocks)
    title_line = lines[title_at].line if title_at is not None else None
    at = tuple(b.line for b in blocks)
    bio = next((name for i in sorted(furniture) if furniture[i] == BIO and (name := bio_name(texts[i]))), None)
    if bio is not None and any(fold(text) == fold(bio) for text in texts[: max(first_body, next_body)]):
        author = bio  # the name printed alone over the text, whose bio follows it: the author (not a section's name)
    header = ScrapeHeader(title, author, outlet, tuple(removed), printed, body_at, title_line, title_doubt, at, bio)
    return header, body_blocks


def _first_of(tags: list[Label], *labels: Label) -> int:
    """The first line with one of `labels` (the number of lines if none has)."""
    return next((i for i, tag in enumerate(tags) if tag in labels), len(tags))


def _settled(lines: list[RawBlock], read: list[Labelled]) -> list[Label]:
    """The segmenter's labels, with the constraints it cannot learn from few examples:
    - a line that cannot be a headline (a full sentence, a date, a mark) is not labelled one;
    - the first line of the body is the lead, not a caption, unless it credits a photo;
    - a file with no body line at all has one: its long lines (the longest at least);
    - the article does not end while whole sentences go on with no marker, headline or teaser
      cut short ("…") between them: related news comes under a headline, and a scrape cut off
      in the middle of its body ends in body. (Sharing words with the article tells nothing
      here: related news shares as many as the body's own paragraphs.)"""
    tags = [
        Label.CHROME
        if is_link_line(b.text) or inline_chrome(b.text) or OUTLET_MARK.match(b.text)
        else Label.CHROME
        if r.label is Label.BODY and is_image_line(b.text)  # a picture's slot ("4/6", "[image: …]") is no text
        else Label.CAPTION
        if CAPTION_LABEL.match(b.text)
        and len(b.text) <= CAPTION_LABELLED  # "Chú thích hình ảnh, …", "Image caption, …"
        else r.label
        for b, r in zip(lines, read)
    ]  # a link, an advertisement's line, an outlet's mark alone on its line ("(TTXVN) -"): never text
    lead = _first_of(tags, Label.BODY)
    for i, b in enumerate(lines):
        if tags[i] is Label.BYLINE and i > lead and BYLINE_HEAD.match(b.text) and sentence_like(b.text):
            if byline_name(b.text) is None:
                tags[i] = Label.BODY  # "PV: Xin cảm ơn Thứ trưởng!": the interviewer's last words, no byline
        if is_section_marker(b.text) and tags[i] in (Label.BODY, Label.CAPTION, Label.TITLE):
            tags[i] = Label.TAIL if i > lead else Label.CHROME  # "XEM THÊM:" opens a box: never text
    for i, tag in enumerate(tags):
        if tag is Label.TITLE and not could_be_headline(lines[i].text, lines[i + 1].text if i + 1 < len(lines) else ""):
            tags[i] = Label.BODY if sentence_like(lines[i].text) else Label.CHROME
        elif tag is Label.DATELINE and sentence_like(lines[i].text) and len(lines[i].text.split()) >= SENTENCE_WORDS:
            tags[i] = Label.BODY  # a whole sentence that names a date is text (a lead), not a dateline
    kept = (Label.BODY, Label.CAPTION)
    # Never the body, whatever the model says: a link ("Xem thêm: …") or a marker.
    open_ = [not (is_link_line(b.text) or is_section_marker(b.text) or inline_chrome(b.text)) for b in lines]
    if not any(tag is Label.BODY for tag in tags):
        longest = max((len(b.text) for b, free in zip(lines, open_) if free), default=0)
        tags = [
            Label.BODY if tag is not Label.TITLE and free and (len(b.text) >= LONG or len(b.text) == longest) else tag
            for b, tag, free in zip(lines, tags, open_)
        ]
    if not any(tag is Label.BODY for tag in tags):
        tags = [
            Label.BODY if sentence_like(b.text) and tag is not Label.TITLE and free else tag
            for b, tag, free in zip(lines, tags, open_)
        ]
    if not any(tag is Label.BODY for tag in tags) and len(lines) > 1:
        longest = max(range(1, len(lines)), key=lambda i: (open_[i], len(lines[i].text)))
        tags[longest] = Label.BODY
    first = next((i for i, tag in enumerate(tags) if tag in kept), None)
    whole = [i for i, tag in enumerate(tags) if tag is Label.BODY and paragraph(lines[i].text)]
    signed = next((i for i, tag in enumerate(tags) if tag is Label.BYLINE and sum(j < i for j in whole) >= 2), None)
    if signed is not None:  # the article signed after its body ends there: what follows is the site's
        # (after two whole paragraphs: a desk's name under the lead and its date opens no end)
        tags[signed + 1 :] = [Label.TAIL if tag in kept else tag for tag in tags[signed + 1 :]]
    opening = lines[first].text if first is not None else ""
    credit_under = (
        first is not None and first + 1 < len(lines) and CREDIT_ALONE.fullmatch(lines[first + 1].text.strip())
    )
    if (
        first is not None
        and tags[first] is Label.CAPTION
        and not (PHOTO_CUE.search(opening) or credited(opening) or credit_under)
    ):
        after = lines[first + 1].text if first + 1 < len(lines) and tags[first + 1] is Label.BODY else ""
        headline = could_be_headline(opening, after) and not sentence_like(opening) and shares_words(opening, after)
        # No photo's caption without its credit over the lead: a headline in the lead's words, or else the text.
        tags[first] = Label.TITLE if headline and paragraph(after) else Label.BODY
    elif first is not None and tags[first] is Label.BODY and AGENCY_CREDIT.search(lines[first].text):
        if any(tag is Label.BODY for tag in tags[first + 1 :]):
            tags[first] = Label.CAPTION  # "… on Saturday. — VNA/VNS Trí Dũng" over the story: its photo
    body = [i for i, tag in enumerate(tags) if tag is Label.BODY]
    if body:
        heads = headline_words([b.text for b in lines[: body[0]]])
        boxed = -1  # the last line of a subscription's box inside the text
        for i in range(body[-1] + 1, len(lines)):
            text = lines[i].text
            if i <= boxed:
                continue
            if inline_chrome(text) == SUBSCRIPTION and (end := _box_end(lines, i)) is not None:
                tags[i : end + 1] = [Label.CHROME] * (end + 1 - i)  # "Subscribe to X … Type your email… Subscribe"
                boxed = end
                continue
            if (DATE_RE.search(text) and len(text) <= 60 and len(text.split()) <= 8) or inline_chrome(text):
                continue  # a dateline printed under the lead, an advertisement's label: the body goes on past it
            if headed_byline(text):
                break  # "Bài và ảnh: X" signs the article: it ends there, its photo's word no caption's
            if PHOTO_CUE.search(text) and len(text) < 400:
                tags[i] = Label.CAPTION
                continue
            if is_image_line(text):
                tags[i] = Label.CHROME  # a picture's slot: its caption may follow
                continue
            if i > 0 and is_image_line(lines[i - 1].text) and len(text.split()) <= CAPTION_UNDER_SLOT:
                tags[i] = Label.CAPTION  # under a picture's slot ("4/6"), its caption
                continue
            if OUTLET_MARK.match(text) or _HOST.match(text):
                tags[i] = Label.CHROME  # the outlet's line under the lead ("TNV.vn"): the body goes on past it
                continue
            if names_headline(text, heads) and i + 1 < len(lines):
                if sentence_like(lines[i + 1].text) and len(lines[i + 1].text) >= SENTENCE:
                    tags[i] = Label.CAPTION  # the photo under the lead, captioned with the headline's words
                    continue
            last = i == len(lines) - 1
            if teasers.teaser_at(lines, i):
                break  # a headline over its summary: another article's teaser
            if _subheading(text) and i + 1 < len(lines) and paragraph(lines[i + 1].text):
                tags[i] = Label.BODY  # a subheading over the next whole paragraph: the article goes on
                continue
            sentence = (text.rstrip()[-1:] in '.!?"”»' or SIGNED_END.search(text) is not None) and not TRUNCATED.search(
                text
            )
            short = len(text) < SENTENCE and not (sentence and _bridged(lines, i))
            if not (sentence or last) or short or is_section_marker(text) or tags[i] in kept:
                break
            tags[i] = Label.BODY
    tags = teasers.resumed(lines, numbered_sections([b.text for b in lines], tags))
    tags = teasers.signed_close(
        lines, teasers.trailing(lines, teasers.teaser_leads(lines, teasers.closed(lines, tags)))
    )
    lead, last_kept = (
        _first_of(tags, Label.BODY),
        max((i for i, tag in enumerate(tags) if tag in (Label.BODY, Label.CAPTION)), default=0),
    )
    for i in range(lead + 1, len(tags)):
        if tags[i] is Label.TITLE:  # a headline's shape under the lead: a subheading, or after the body a teaser
            tags[i] = Label.BODY if i < last_kept else Label.TAIL
    for i, tag in enumerate(tags):
        if tag is Label.BODY and i != first and len(lines[i].text) < 400 and credited(lines[i].text):
            tags[i] = Label.CAPTION  # a line that ends in a photo's credit is that photo's caption
    tags = settle_captions([b.text for b in lines], tags)
    # Teasers a site cut short ("…") at the end are not the article's last paragraphs.
    # (A mark or a place's dateline, "HÀ NỘI —", is no paragraph: it does not count as one left.)
    ends = [i for i, tag in enumerate(tags) if tag is Label.BODY and len(lines[i].text) >= SENTENCE]
    while len(ends) > 1 and TRUNCATED.search(lines[ends[-1]].text):
        tags[ends.pop()] = Label.TAIL
    return tags


# A paragraph closed by the agency's or paper's sign after its last stop ("… community. — VNS").
SIGNED_END = re.compile(r"[.!?]\s*[-–—]\s*\(?([A-ZĐ][A-ZĐ&]{1,9})\)?\s*$")
SITE_LINE_WORDS = 10  # a line that names the site (a byline's, a footer's), not the text's
# A caption's own label, which a screen reader's text keeps before it (a generic list of both languages).
CAPTION_LABEL = re.compile(
    r"^\W{0,3}(?:chú thích (?:hình )?ảnh|image caption|caption|photo caption)\s*[,:]\s*\S", re.IGNORECASE
)
CAPTION_LABELLED = 400  # characters of a labelled caption at most
CAPTION_UNDER_SLOT = 45  # words of a caption under a picture's slot after the body, at most
FOOTER_LINES = 15  # lines at the file's end where a site's copyright notice stands
BOX_LINES = 6  # lines of a subscription's box inside the text at most (its pitch, blurb, field and button)
BOX_WORDS = 10  # words of each of them at most


def _box_end(lines: list[RawBlock], at: int) -> int | None:
    """The last line of a subscription's box opened at `at`: short lines up to a whole paragraph
    of the story that goes on after it; None when no paragraph follows (the box ends the page)."""
    for j in range(at + 1, min(len(lines), at + 1 + BOX_LINES)):
        if paragraph(lines[j].text):
            return j - 1
        if len(lines[j].text.split()) > BOX_WORDS:
            return None
    return None


BRIDGE_LINES = 4  # short sentences in a row (a list's items) the body goes on over, to a whole paragraph


def _bridged(lines: list[RawBlock], at: int) -> bool:
    """The short sentence at `at` is one of a few in a row (a list's items: "2018: Ties are raised
    …") with a whole paragraph of the story right after them, no marker between."""
    for line in lines[at + 1 : at + 1 + BRIDGE_LINES]:
        text = line.text
        if is_section_marker(text) or is_link_line(text) or TRUNCATED.search(text):
            return False
        if paragraph(text):
            return True
        if not sentence_like(text) and not text.rstrip().endswith("."):
            return False
    return False


def _label(text: str) -> bool:
    """A few words in capitals with no sentence: a label the site prints over the text."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(text.split()) <= 6 and len(letters) >= 4 and all(c.isupper() for c in letters) and not sentence_like(text)
    )


def _subheading(text: str) -> bool:
    """A short line of words inside an article: not a marker, a date, a credit or a teaser."""
    return (
        2 <= len(text.split()) <= 15
        and not is_section_marker(text)
        and not DATE_RE.search(text)
        and not PHOTO_CUE.search(text)
        and not TRUNCATED.search(text)
    )


def _mark_datelines(datelines: list[tuple[int, RawBlock]], title_at: int | None, removed: list[Removed]) -> str | None:
    """The byline name a dateline carries ("Hà Thu 19/09/2024 15:00"), if any; a date above
    the headline with another below it is marked as the site's chrome (a clock, the day the
    page was read). Which date is the article's is `dating.date_of_scrape`'s to say."""
    dated = [
        (position, block, found) for position, block in datelines if (found := parse_dateline(block.text)) is not None
    ]
    if not dated:
        return None
    below = [item for item in dated if title_at is None or item[0] > title_at]
    if below and len(dated) > len(below):
        for _, other, _ in (item for item in dated if item not in below):
            at = next(i for i, r in enumerate(removed) if r.line == other.line and r.text == other.text)
            removed[at] = replace(removed[at], reason="site chrome date")
    _, block, found = (below or dated)[0]
    return found.author or name_after_date(block.text)
