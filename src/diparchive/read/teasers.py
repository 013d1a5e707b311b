"""Other articles printed in a page: the related-news boxes inside an article, the teasers after it.

A site prints other articles' headlines around its own: a box inside the text (a marker like
"Xem thêm:", "Read more:", "Tin liên quan" and one to four headlines), a list after it (with or
without a marker, headlines alone or each over its summary), another article's lead opened by
the outlet's mark. None of it is the article, but the article may go on after a box. These
rules settle, after the segmenter (`scrape._settled`), where the box ends and the article goes
on, and which headline-like lines are teasers rather than the article's subheadings:

- a teaser's summary repeats its headline (a lead restates its own headline); a subheading's
  paragraph does not: two words in a row of the headline, found again in the paragraph, tell;
- a box inside the article is a marker with a few lines, and the article goes on after it with
  whole paragraphs: two, or one that closes the article (its end mark "./.", or nothing but
  short lines after it) and is no summary of the headline over it;
- after the body's last paragraph, a run of headline-like lines is a list of teasers, and so
  are headlines each over its summary;
- a Vietnamese news text ends at its end mark "./.": what the page prints after it is not the article's.

Every rule reads a line and its neighbours: linear in the lines of the file.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import RawBlock
from .boilerplate import is_footer, is_link_line, is_section_marker
from .bylines import headed_byline, signature_at
from .dates import DATE_RE
from .folding import fold, words
from .headline import PHOTO_CUE, SENTENCE, TRUNCATED, paragraph
from .marks import OUTLET_MARK
from .segment import Label

BOX_LINES = 6  # lines of a related-news box inside an article, its marker included
BOX_HEADLINES = 4  # a box the article's one last paragraph follows holds this many lines at most
SUMMARY_SHARE = 0.5  # the share of a headline's word pairs its summary repeats
TEASER_WORDS = (4, 25)  # a teaser's headline: words, at least and at most
SUMMED_WORDS = 6  # a headline over its summary has this many words at least (a subheading is shorter)
_KEPT = (Label.BODY, Label.CAPTION, Label.TITLE)


def _pairs(text: str) -> set[tuple[str, str]]:
    tokens = [w for w in words(fold(text)) if not w.isdigit()]
    return set(zip(tokens, tokens[1:]))


def continues(head: str, text: str) -> bool:
    """`text` repeats most of `head`'s words in their order: a teaser's summary under its headline."""
    own = _pairs(head)
    return len(own) >= 2 and sum(1 for pair in own if pair in _pairs(text)) >= SUMMARY_SHARE * len(own)


def headline_shaped(text: str) -> bool:
    """A few words with no sentence's stop, no date, credit, marker or cut: how a headline is written."""
    n = len(text.split())
    return (
        TEASER_WORDS[0] <= n <= TEASER_WORDS[1]
        and text.rstrip()[-1:] not in '.!?:;"”»…)|'
        and sum(1 for c in text if c.isalpha()) >= 12
        and not is_section_marker(text)
        and not DATE_RE.search(text)
        and not PHOTO_CUE.search(text)
        and not TRUNCATED.search(text)
        and not OUTLET_MARK.match(text)
    )


def teaser_at(lines: Sequence[RawBlock], i: int) -> bool:
    """Line `i` is a headline with its summary under it."""
    return (
        i + 1 < len(lines)
        and headline_shaped(lines[i].text)
        and len(lines[i].text.split()) >= SUMMED_WORDS
        and paragraph(lines[i + 1].text)
        and continues(lines[i].text, lines[i + 1].text)
    )


def resumed(lines: Sequence[RawBlock], tags: list[Label]) -> list[Label]:
    """A related-news box inside the article (a marker and a few headlines, some with their
    summaries) does not end it: where the article's own paragraphs follow the box, the body
    goes on there, and the box's lines are the site's (TAIL between body lines), whatever the
    segmenter read its headlines as."""
    tags = list(tags)
    lead = next((i for i, tag in enumerate(tags) if tag is Label.BODY), None)
    if lead is None:
        return tags
    # later[j]: a whole paragraph stands after line j (read once: every test below is then local)
    later = [False] * len(lines)
    for j in range(len(lines) - 2, -1, -1):
        later[j] = later[j + 1] or paragraph(lines[j + 1].text)

    def goes_on(j: int) -> bool:  # a paragraph, or a sentence the article may end with
        return paragraph(lines[j].text) or _end_marked(lines[j].text) or (_sentence(lines[j].text) and not later[j])

    last_body, marker = lead, lead + 1
    while marker < len(lines):
        if not (is_section_marker(lines[marker].text) or is_link_line(lines[marker].text)):
            last_body = marker if tags[marker] is Label.BODY else last_body
            marker += 1
            continue
        start = last_body + 1
        resume = next(
            (
                j
                for j in range(marker + 1, min(len(lines), start + BOX_LINES + 1))
                if goes_on(j) and not teaser_at(lines, j - 1) and not continues(lines[j - 1].text, lines[j].text)
            ),
            None,
        )
        if resume is None:
            marker += 1
            continue
        run, paragraphs = resume, 0
        while run < len(lines) and not is_section_marker(lines[run].text):
            if goes_on(run):
                paragraphs += 1
            elif not (run + 1 < len(lines) and paragraph(lines[run + 1].text)) or teaser_at(lines, run):
                break  # a short line goes on the body only as a subheading over its paragraph
            run += 1
        text = lines[resume].text
        # One paragraph after a short box closes the article: it ends in the end mark, or no whole
        # paragraph follows it (only the site's short lines, a signature, the file's end), and it
        # is not the site's footer (a copyright, a licence, an address).
        closes = (
            resume - marker - 1 <= BOX_HEADLINES and not is_footer(text) and (_end_marked(text) or not later[run - 1])
        )
        if paragraphs < 2 and tags[resume] is not Label.BODY and not closes:
            marker = resume  # one paragraph under a box that goes on with more: a teaser's summary
            continue
        for i in range(start, resume):
            if tags[i] is not Label.CAPTION:
                # The box; the site's lines over it, and links ("Xem thêm: …"), which the body's rules name
                tags[i] = Label.TAIL if i >= marker and not is_link_line(lines[i].text) else Label.CHROME
        for i in range(resume, run):
            if tags[i] is not Label.CAPTION:
                tags[i] = Label.BODY
        last_body, marker = run - 1, run
    return tags


def closed(lines: list[RawBlock], tags: list[Label]) -> list[Label]:
    """A Vietnamese news text ends at its end mark "./.": after the body line that closes with
    it, what the page prints (a bio box, another article's paragraph) is not the article's."""
    closing = next(
        (i for i, tag in enumerate(tags) if tag is Label.BODY and lines[i].text.rstrip().endswith("./.")), None
    )
    if closing is None:
        return tags
    return [*tags[: closing + 1], *(Label.TAIL if tag is Label.BODY else tag for tag in tags[closing + 1 :])]


def _end_marked(text: str) -> bool:
    """A sentence closed by the end mark "./.": a Vietnamese news text's last, however short."""
    return text.rstrip().endswith("./.") and len(text) >= SENTENCE


def _sentence(text: str) -> bool:
    """A whole sentence, not a teaser cut short."""
    return len(text) >= SENTENCE and text.rstrip()[-1:] in '.!?"”»' and not TRUNCATED.search(text)


def trailing(lines: Sequence[RawBlock], tags: list[Label]) -> list[Label]:
    """Teasers after the article: read back from the body's end, headline-like lines kept as
    text, each alone or over its summary, two of them at least (or one headline and summary under
    a line of the site), are other articles' (TAIL); not a list the article announces (":")."""
    tags = list(tags)
    lead = next((i for i, tag in enumerate(tags) if tag is Label.BODY), None)
    if lead is None:
        return tags
    kept = [i for i in range(lead, len(tags)) if tags[i] in _KEPT]
    units: list[tuple[int, ...]] = []
    k = len(kept) - 1
    while k >= 1 and tags[kept[k]] is not Label.CAPTION:
        i = kept[k]
        if k >= 2 and kept[k - 1] == i - 1 and tags[i - 1] is not Label.CAPTION and teaser_at(lines, i - 1):
            units.append((i - 1, i))  # a headline over its summary
            k -= 2
        elif headline_shaped(lines[i].text):
            units.append((i,))
            k -= 1
        else:
            break
    announced = lines[kept[k]].text.rstrip().endswith(":")
    opened = len(units) == 1 and len(units[0]) == 2 and units[0][0] > kept[k] + 1  # a line of the site over it
    if (len(units) >= 2 or opened) and not announced:
        for unit in units:
            for i in unit:
                tags[i] = Label.TAIL
    return tags


def teaser_leads(lines: Sequence[RawBlock], tags: list[Label]) -> list[Label]:
    """An outlet's mark ("VTV.vn -", "(TTXVN) –") that opened the article's lead opens another
    article's when printed again after it: a related teaser (its headline over it, its summary
    under it). From that headline on, the kept lines are the site's, unless two whole
    paragraphs follow the summary (then the teaser is a box inside the article). A mark over a
    copy of the lead (the site printing its lead twice) opens no other article, and a mark where
    none opened the lead is the article's own outlet line, printed under its lead."""
    lead = next((i for i, tag in enumerate(tags) if tag is Label.BODY and not OUTLET_MARK.match(lines[i].text)), None)
    if lead is None or not any(OUTLET_MARK.match(lines[i].text) for i in range(max(0, lead - 2), lead)):
        return tags
    opening = fold(lines[lead].text)[:60]
    for mark in range(lead + 1, len(lines)):
        if not OUTLET_MARK.match(lines[mark].text):
            continue
        summary = mark + 1
        if summary >= len(lines) or fold(lines[summary].text).startswith(opening):
            continue
        start = mark
        while (
            start - 1 > lead and mark - start < 3 and tags[start - 1] in _KEPT and not paragraph(lines[start - 1].text)
        ):
            start -= 1  # the teaser's headline (and its copies) over the mark
        after = [i for i in range(summary + 1, len(lines)) if tags[i] is Label.BODY and paragraph(lines[i].text)]
        end = summary + 1 if len(after) >= 2 else len(lines)
        return [Label.TAIL if start <= i < end and tag in _KEPT else tag for i, tag in enumerate(tags)]
    return tags


# Lines (sentences, a photo's caption) after the model's end that a signature under them shows are the article's.
CLOSING_LINES = 3


def signed_close(lines: Sequence[RawBlock], tags: list[Label]) -> list[Label]:
    """The article's last sentences the model took for the site's, when the author's signature
    stands right under them ("Xin trân trọng cảm ơn Đại sứ!" / "Lan Hương (thực hiện)"): a
    teaser list is not signed, an article is."""
    body = [i for i, tag in enumerate(tags) if tag is Label.BODY]
    if not body:
        return tags
    last = max(i for i, tag in enumerate(tags) if tag in (Label.BODY, Label.CAPTION))  # a photo may close the text
    texts = [b.text for b in lines]
    said = " ".join(texts[i] for i in body)
    for sign in range(last + 2, min(len(lines), last + 2 + CLOSING_LINES)):
        closing = range(last + 1, sign)
        photos = {j for j in closing if PHOTO_CUE.search(texts[j])}  # a photo's caption may stand between
        if not all(
            j in photos or tags[j] in (Label.TAIL, Label.CHROME) and _closing_sentence(texts[j]) for j in closing
        ):
            return tags
        if len(photos) < len(closing) and (headed_byline(texts[sign]) or signature_at(texts, sign, said) is not None):
            return [
                Label.BYLINE if j == sign else Label.BODY if j in closing and j not in photos else t
                for j, t in enumerate(tags)
            ]
    return tags


def _closing_sentence(text: str) -> bool:
    return (
        len(text.split()) >= 3
        and text.rstrip().endswith((".", "!", "?", "./."))
        and not (is_link_line(text) or is_section_marker(text) or is_footer(text) or TRUNCATED.search(text))
    )
