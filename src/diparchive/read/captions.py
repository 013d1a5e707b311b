"""Which lines of a scrape are a picture's caption, where the segmenter's labels miss one.

A page prints a picture as a slot the scraper writes as a placeholder or a file name
("![](…)", "photo_1.jpg", "(placeholder image)", "… - Ảnh 1"), often its alt text, then the
caption; a credit closes many captions ("(Ảnh: …)", "Photo: …"). A line labeller trained on a
few dozen pages learns the credited caption well and the plain one poorly, so a few shapes
are settled here from the lines around it, after the model (`scrape._settled`):

- a line under an image placeholder is that picture's caption;
- a line printed twice (alt text and caption, a caption repeated in a gallery) is a caption
  (the body's rules keep one of two in a row),
  and a copy of a line above the body (the headline as alt text) is one too; when a short line
  follows such a copy, the copy is the alt text and the short line the caption;
- a sentence closed by a table cell's pipe ("… Tokyo. |") between paragraphs is a caption cell;
- a photo's credit alone on its line inside the body makes the short line above it the caption;
- a credited line between kept lines, or right after the last one (the article's closing
  photo), is a caption, whatever the model said (a gallery's captions one after another, a
  caption read as chrome); so is a credited line under a picture's slot above the lead;
- a line inside the body with most of the headline's words and no sentence is the headline
  reworded as alt text: with a short line under it, that line is the caption;
- after the body, an image placeholder does not end the article: its caption may follow.

Every test is on one line and its neighbours, and the copies are found with one dictionary:
linear in the lines of the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .folding import fold, words
from .segment import PLACEHOLDER, Label

CAPTION_WORDS = 45  # a caption is a sentence or two, not a paragraph
CAPTION_CHARS = 320
# A line inside the body holding this share of its words from a line above the body, and that
# line's share of its own, is that line reworded (the headline as a picture's alt text).
NEAR_OWN = 0.75
NEAR_HEAD = 0.6
NEAR_TOKENS = 5
ALT_WORDS = 25
# A line with all (this share) of a headline's words, and at most twice as many, is a caption
# that names what the headline says ("X receives Y" → "X receives Y at Z").
HELD_HEAD = 0.9
HELD_OWN = 2
_KEPT = (Label.BODY, Label.CAPTION)
# Where a picture stood: a Markdown image, a file name, a bracketed "image", "… - Ảnh 1".
_IMAGE = re.compile(
    r"^!\[[^\]]*\]\([^)]*\)\s*\|?$|^\S+\.(?:jpe?g|png|gif|webp)\s*\|?$"
    r"|^[(\[]\s*(?:placeholder\s+)?(?:image|photo|picture|ảnh|hình(?:\s+ảnh)?)(?:\s+placeholder)?\s*[)\]]$"
    r"|^\[\s*(?:image|photo|picture|ảnh|hình(?:\s+ảnh)?)\s*:[^\]]*\]$"  # a text browser's "[image: alt or address]"
    r"|^(?:[1-9]\d?)\s*/\s*(?:[1-9]\d?)$",  # a gallery's counter alone ("4/6"): a picture stood there
    re.IGNORECASE,
)
# A photo's word: "Ảnh", "Photo", and the kinds of photo ("Ảnh tư liệu", "File photo").
_PHOTO = r"(?:ảnh(?:\s+(?:tư liệu|minh họa|minh hoạ|chụp màn hình))?|(?:file\s+)?photo(?:graph)?|illustration|composite|nguồn ảnh)"
# A line that ends in a photo's credit: "… (Ảnh: X/TTXVN)", "… . Photo: X", "… - Ảnh: X |", "… Ảnh tư
# liệu: X"; or in brackets, where the picture comes from: "(screenshot from X)", "(photo courtesy of X)".
CREDITED = re.compile(
    rf"(?:\(|[.!?]\s*|\s[-–—]\s*){_PHOTO}\s*:\s*[^.()]{{1,60}}\)?\s*\.?\s*\|?\s*$"
    r"|\((?:screenshots?|screen\s?grab|(?:file\s+)?photo|picture|image|video|ảnh(?:\s+chụp màn hình)?)"
    r"\s+(?:from|by|via|courtesy(?:\s+of)?|của|từ)\s+[^()]{1,60}\)\s*\.?\s*$",
    re.IGNORECASE,
)
# "… on Sunday. (Evelyn Hockstein/Reuters)": the photographer and the agency, closing the caption.
NAMED_CREDIT = (
    r"[.!?]\s*\((?-i:[A-ZÀ-Ỹ][\w'’.-]+(?:\s[A-ZÀ-Ỹ][\w'’.-]+){1,3}\s?/\s?[A-Z][\w&.-]+(?:\s[A-Z][\w&.-]+){0,2})\)\s*$"
)
CLOSING_PHOTO = 2  # lines after the body's last paragraph where its closing photo's caption may stand
# A news agency's credit after the caption's last sentence: "… on Saturday. — VNA/VNS Trí Dũng".
# Or an agency's name in capitals and its photographer after a slash, perhaps in brackets and with
# the link a wire prints after it: "… May 12, 2025. REUTERS/Jane Doe [Licensing]", "… (AGENCY/Jane Doe)".
AGENCY_CREDIT = re.compile(
    r"[.!?]\s*[-–—]\s*[A-Z]{2,6}(?:/[A-Z]{2,6})+(?:\s+[^\W\d_][^.()]{0,40})?\s*$"
    r"|[.!?]\s+\(?[A-Z]{2,10}/[^\W\d_][^.()/\[\]]{0,60}\)?(?:\s*\[[^\]]{1,40}\])?\s*$"
    # A pool's or a handout's photo: "… June 4, 2025. Global Wire/Jane Doe/Pool".
    r"|[.!?]\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}/[^\W\d_][^./()]{1,40}/(?:Pool|POOL|Handout|HANDOUT|File|FILE)\s*$"
    rf"|{NAMED_CREDIT}"  # "… on Sunday. (Jane Doe/Agency)"
    r"|[.!?]\s*\([A-Z][\w&.]*(?:\s[A-Z][\w&.]*){0,3}:\s*[A-ZÀ-Ỹ][^()]{2,40}\)\s*$"  # "… (Network News: Jane Doe)"
)
# A photo's credit alone on its line ("Photograph: Jane Doe/Agency", "(Ảnh: Minh Anh)"): its caption
# is the line above. (An agency's name alone, "AGENCY/Desk", credits the text as often as a photo.)
CREDIT_ALONE = re.compile(
    r"\(?(?:ảnh|photo(?:graph)?|illustration|composite|nguồn ảnh|(?:photo |image )?credit)\s*:\s*[^.()]{1,60}\)?\.?",
    re.IGNORECASE,
)
COPYRIGHT_CREDIT = re.compile(r"[.!?]\s*©\s*[^\W\d_][^.()©]{0,40}$")  # "… on May 31. © Reuters"
_CELL = re.compile(r"[.!?)]\s*\|$")  # a sentence, then the pipe of a table cell


def credited(text: str) -> bool:
    """The line ends in a photo's credit (a caption's last words)."""
    return bool(CREDITED.search(text) or AGENCY_CREDIT.search(text) or COPYRIGHT_CREDIT.search(text))


def is_image_line(text: str) -> bool:
    """The scraper's trace of a picture: a placeholder, a file name, "… - Ảnh 1"."""
    return bool(_IMAGE.search(text.strip()) or PLACEHOLDER.search(text))


def _short(text: str) -> bool:
    return len(text) <= CAPTION_CHARS and len(text.split()) <= CAPTION_WORDS


def _tokens(text: str) -> set[str]:
    return {w for w in words(fold(text)) if not w.isdigit()}


def _alt_shaped(text: str) -> bool:
    """A line of a few words with no sentence's stop: how alt text and headlines are written."""
    return len(text.split()) <= ALT_WORDS and text.rstrip()[-1:] not in '.!?:;"”'


def _key(text: str) -> str:
    return " ".join(fold(text).rstrip("| ").split())


def _holds(own: set[str], heads: Sequence[set[str]]) -> bool:
    return any(
        sum(1 for t in head if t in own) >= HELD_HEAD * len(head) and len(own) <= HELD_OWN * len(head) for head in heads
    )


def headline_words(above: Sequence[str]) -> list[set[str]]:
    """The words of each line above the body that could be the headline (for `names_headline`)."""
    return [vocabulary for line in above if len(vocabulary := _tokens(line)) >= NEAR_TOKENS]


def names_headline(text: str, heads: Sequence[set[str]]) -> bool:
    """A line with no sentence that holds all the words of a line above the body (the headline),
    and a few more: the caption of the photo under the lead ("X receives Y" → "X receives Y at Z")."""
    return _alt_shaped(text) and not credited(text) and _holds(_tokens(text), heads)


def _captioned(texts: Sequence[str], tags: Sequence[Label], i: int) -> bool:
    """A caption stands right before or after the picture's trace at `i`, not itself one."""
    return any(0 <= j < len(texts) and tags[j] is Label.CAPTION and not is_image_line(texts[j]) for j in (i - 1, i + 1))


def settle_captions(texts: Sequence[str], tags: Sequence[Label]) -> list[Label]:
    """The labels with the captions the shapes above tell (see the module's text)."""
    tags = list(tags)
    n = len(texts)
    kept_at = [i for i, tag in enumerate(tags) if tag in _KEPT]
    if not kept_at:
        return tags
    first, last = kept_at[0], kept_at[-1]
    keys = [_key(t) for t in texts]
    at: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if len(key) >= 12:
            at.setdefault(key, []).append(i)

    def above(i: int) -> bool:  # a copy of a line above the body (the headline as alt text)
        return any(j < first for j in at.get(keys[i], ()) if j != i)

    heads = headline_words(texts[:first])

    def near_head(i: int) -> bool:  # the headline reworded as a picture's alt text
        own = _tokens(texts[i])
        return len(own) >= NEAR_TOKENS - 1 and any(
            sum(1 for t in own if t in head) >= NEAR_OWN * len(own)
            and sum(1 for t in head if t in own) >= NEAR_HEAD * len(head)
            for head in heads
        )

    for i in range(1, first):
        if tags[i] is Label.CHROME and is_image_line(texts[i - 1]) and credited(texts[i]) and _short(texts[i]):
            tags[i] = Label.CAPTION  # the photo over the lead: its slot, then its credited caption

    for i in range(max(1, first), n):
        text, tag = texts[i], tags[i]
        if tag is Label.CAPTION and is_image_line(text) and _captioned(texts, tags, i):
            tags[i] = Label.CHROME  # the picture's trace ("[image: …]") beside its caption: the caption is kept
            continue
        if tag is Label.BODY and first < i < last and tags[i - 1] not in _KEPT and names_headline(text, heads):
            tags[i] = Label.CAPTION  # under the lead's dateline or outlet line, the photo's caption names the headline
        elif CREDIT_ALONE.fullmatch(text.strip()) and i - 1 > first and tags[i - 1] in _KEPT and _short(texts[i - 1]):
            tags[i - 1], tags[i] = Label.CAPTION, Label.CHROME  # the caption, then its photo's credit
        elif tag in _KEPT and i < last and _alt_shaped(text) and not credited(text) and near_head(i):
            # Most of the headline's words again, no sentence: the picture's alt text, its
            # caption under it when a short line follows (a paragraph there: it is the caption).
            if tags[i + 1] is Label.BODY and _short(texts[i + 1]) and not is_image_line(texts[i + 1]):
                tags[i], tags[i + 1] = Label.CHROME, Label.CAPTION
            else:
                tags[i] = Label.CAPTION
        elif tag is Label.BODY and _short(text):
            others = [j for j in at.get(keys[i], ()) if j != i]
            if (is_image_line(texts[i - 1]) or above(i - 1)) and not text.rstrip().endswith(":"):
                tags[i] = Label.CAPTION  # under the picture's slot, or under its alt text
            elif others and others[0] < first:
                # A line above the body printed again inside it: the picture's alt text, with
                # its caption under it when a short line follows.
                following = i + 1 < n and tags[i + 1] is Label.BODY and _short(texts[i + 1])
                if following and not is_image_line(texts[i + 1]):
                    tags[i], tags[i + 1] = Label.CHROME, Label.CAPTION
                else:
                    tags[i] = Label.CAPTION
            elif any(first <= j <= last + 1 for j in others):
                tags[i] = Label.CAPTION  # alt text and caption, or a caption printed twice
            elif _CELL.search(text) and first < i < last:
                tags[i] = Label.CAPTION
        elif tag is Label.BODY and first < i and _short(text) and credited(text):
            tags[i] = Label.CAPTION  # a short line inside the body that ends in a photo's credit
        elif tag in (Label.CHROME, Label.TAIL) and i <= last + CLOSING_PHOTO and credited(text) and _short(text):
            tags[i] = Label.CAPTION  # inside the body, or the photo right after its last paragraph
        elif tag is Label.CHROME and first < i < last and _short(text):
            if any(tags[j] is Label.CAPTION and abs(j - i) == 1 for j in at.get(keys[i], ())):
                tags[i] = Label.CAPTION  # the alt text that repeats its caption (one of them is kept)
    return tags
