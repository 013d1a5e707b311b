"""The headline of a scrape: which line above the body it is (the segmenter's chance, the words
it shares with the lead, where it stands; never a site's banner in capitals with its tagline or a
menu's trail), on how many lines it is printed (a headline wrapped onto two), how sure the reading
is, and the title supplied from the opening when the page prints none. When the model sees no
headline, the line standing as one right over the lead is taken, with its doubt for `check`.
With them, the shapes of a line these choices rest on (a sentence, a whole paragraph, a teaser
cut short, a photo credit, an outlet's mark) and of the lines around the headline that are the
article's: a standfirst under it, a run of numbered subheadings.
"""

from __future__ import annotations

import re
from collections import Counter

from ..records import BlockKind
from .blocks import RawBlock
from .bylines import BYLINE_HEAD, byline_name, person_name
from .captions import NAMED_CREDIT, is_image_line
from .dates import DATE_RE, TIME_RE, Dateline, parse_dateline
from .folding import VIETNAMESE_SHARE, detect_language, fold, has_marks, marked_share, words
from .marks import OUTLET_MARK, PUBLISHED_BY
from .segment import Label, Labelled

NO_SHARED_WORD = "it shares no word with the lead"  # why a headline is in doubt
META_LINES = 12  # lines under a headline read as the lead within which whole paragraphs must start
TITLE_WORDS = 14  # a title derived from the opening is cut near this many words
TITLE_CHANCE = 0.25  # the least score (probability of "title" plus lead overlap) of a headline
SENTENCE = 50  # characters: a paragraph of one sentence at least, not a headline
TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")  # a teaser cut short by the site
LEAD_WEIGHT = 0.5  # how much sharing words with the lead adds to a headline's score
SURE_TITLE = 0.5  # below this probability of "title", a headline is reported for an editor to check
NEAR_SHARE = 0.5  # the share of its words a line right over the lead has in common with it, to be a headline
NEAR_WEIGHT = 0.25  # what standing right over the lead with such words adds to a headline's score
STANDFIRST_HEAD_WORDS = 5  # a headline over a standfirst has this many words at least (a menu item has fewer)
STANDFIRST_RATIO = 1.15  # a standfirst is longer than its headline by this much at least
# A page's notice of the article's age, printed right over its headline.
AGE_NOTICE = re.compile(
    r"(?:this|the)\s+(?:article|story|page)\s+is\s+(?:more\s+than\s+|over\s+)?(?:an?|\d+)\s+(?:years?|months?)\s+old\.?"
    r"|bài\s+(?:viết\s+)?(?:này\s+)?đã\s+(?:được\s+)?đăng\s+(?:cách\s+đây\s+)?(?:hơn\s+)?\d+\s+(?:năm|tháng)(?:\s+trước)?\.?",
    re.IGNORECASE,
)
BULLET = re.compile(r"^[•·▪►»*]\s*")  # a list mark a site put before its headline
# A site's name and its tagline in capitals, cut by a dash or a bar ("THE X POST - NEWS OF Y").
_BANNER = re.compile(r"^\W*\w+(?:\s+\S+)+\s+[-–—|]\s+\S+(?:\s+\S+){2,}\s*$")
LONG_HEADLINE = 120  # characters: a headline's line is rarely longer
HEADLINE_LINES = 4  # a print column wraps a headline onto this many lines at most
STANDFIRST_WORDS = 15  # a phrase this long under the headline is its summary, not a line of the site
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+[^\W\d_][^.!?]{5,120}$")  # "2. Những thông điệp chính"
DAY_PHRASE_WORDS = 4  # words before the date of a headline that ends in its day
PLACED_WORDS = 4  # words of a headline read from where it stands, the model unsure
WIDGET_WORDS = 2  # a counter of likes or shares ("12", "3"): no more words than this
PLACED_REACH = 5  # lines over the lead where such a headline stands (its date and widgets between)
_MENU_GAPS = re.compile(r"[^\W\d_] {2,}(?=[^\W\d_])")  # wide gaps between words: a menu's items
MENU_ITEMS = 4  # items of a menu spaced apart on one line, at the least
SITE_NAME_WORDS = 3  # words of a site's name printed alone on the file's first line, at most
MENU_ITEM_WORDS = 3  # words of a menu's item on a line of its own, at most
_GLUED_NAMES = re.compile(r"[^\W\d_A-Z]{2}(?=[A-Z][^\W\d_A-Z])")  # "ArrowArtboard": a name run into the next
GLUED_NAMES = 3  # such joints on one line: icons' or widgets' names, never a headline ("iPhone", "McCain": none)
_MENU_SEPARATORS = re.compile(r"\s[|·•]\s")  # between a menu's items on one line
_TRAIL = re.compile(r"\s[»›>]\s")  # a breadcrumb's separators ("Home » News", "Home > Press Room")
_MENU_MARKS = re.compile(r"[:|/>»›]")  # a widget's label, a menu's or a trail's separators
# A photo's credit: "Ảnh: …", "(Photo …", "Photograph: …", or a news agency's after the caption
# ("… Saturday. — VNA/VNS X", "… 2025. REUTERS/X").
PHOTO_CUE = re.compile(
    r"\b(?:ảnh|photo|nguồn|source|credit)\b\s*[:.]|\bphotograph\s*:|\((?:ảnh|photo)"
    r"|[.!?]\s*[-–—]\s*(?-i:[A-Z]{2,6}(?:/[A-Z]{2,6})+)\b|[.!?]\s+\(?(?-i:[A-Z]{2,10}/[A-Z])"
    rf"|{NAMED_CREDIT}"
    # "… Centre. -- Photo KPL", "Photo by X on Y", "… House. (Network News: Jane Doe)": a photo's credit.
    r"|[.!?]\s*(?:--|[-–—])\s*(?:photo|ảnh)\s+\S|^\W{0,3}photo(?:graph)?\s+by\s+\S"
    r"|^\W{0,3}(?:chú thích (?:hình )?ảnh|image caption|photo caption)\s*[,:]"  # a caption's own label
    r"|[.!?]\s*\((?-i:[A-Z][\w&.]*(?:\s[A-Z][\w&.]*){0,3}):\s*(?-i:[A-ZÀ-Ỹ][^()]{2,40})\)\s*$",
    re.IGNORECASE,
)


def headline_at(lines: list[RawBlock], read: list[Labelled], first_body: int) -> tuple[int | None, str | None]:
    """The headline: of the lines above the body that could be one, the likeliest by the
    model, helped by the words it shares with the lead (a site's name or banner shares none).
    With it, why an editor should check it: the model unsure, or no word in common with the lead."""
    lead_text = _lead(lines, first_body)
    lead = set(_tokens(lead_text))
    above = _line_above(lines, first_body)
    header_end = _site_header_end(lines, first_body)  # lines over the site's menu are the site's
    best: tuple[float, int, float, float, bool] | None = None
    for i in range(first_body):
        text = lines[i].text
        chance = read[i].chance(Label.TITLE)
        if not could_be_headline(text, lead_text) or unmarked_over_marked(text, lead_text):
            continue
        if i != above and (site_banner(text) or _over_menu(lines, read, i, first_body) or i < header_end):
            continue  # the site's name (and tagline) over its menu
        if _TRAIL.search(text[1:]) or _names_the_site(lines, i) or _role_under_name(lines, i, lead_text):
            continue  # a menu's trail ("Home » News"), the site's tagline ("From X, the free news source …")
        own = _tokens(text)
        shared = sum(1 for w in own if w in lead) / len(own) if own else 0.0
        if i > 1 and is_image_line(lines[i - 1].text) and _told_above(lines, i - 1, lead, lead_text):
            continue  # under a picture, with a headline of the lead's story above it: the picture's caption
        # The line right over the lead that shares much of its wording is where a headline
        # stands, however the site prints it (in capitals, behind a bullet, after a menu).
        next_to_lead = (
            i == above and shared >= NEAR_SHARE and not PHOTO_CUE.search(text) and read[i].label is not Label.BYLINE
        )
        # A notice of the article's age ("This article is more than 1 year old") stands over its headline.
        under_notice = i > 0 and AGE_NOTICE.fullmatch(lines[i - 1].text.strip()) is not None
        if chance < TITLE_CHANCE / 2 and not next_to_lead and not under_notice:
            continue
        score = chance + LEAD_WEIGHT * shared + (NEAR_WEIGHT if next_to_lead else 0.0) + (1.0 if under_notice else 0.0)
        if best is None or score > best[0]:
            best = (score, i, chance, shared, next_to_lead)
    if best is None or best[0] < TITLE_CHANCE:
        return _placed_headline(lines, read, first_body, lead_text)
    _, at, chance, shared, placed = best
    if _kicker_of(lines, at, first_body, lead_text):
        at, chance = at + 1, read[at + 1].chance(Label.TITLE)  # "Biden in VietnamBiden Forges …": the kicker, cut off
    if _headline_over_standfirst(lines, at, lead, read[at - 1].chance(Label.TITLE) if at else 0.0):
        at, chance = at - 1, read[at - 1].chance(Label.TITLE)
        own = _tokens(lines[at].text)
        shared, placed = sum(1 for w in own if w in lead) / len(own), True
    doubts = []
    # Right over the lead in its words is where a headline stands; half its words the lead's, it is no line of the site.
    if chance < SURE_TITLE and not placed and shared < NEAR_SHARE:
        doubts.append(f"the reader gives it {chance:.0%}")
    if lead and not shared:
        doubts.append(NO_SHARED_WORD)
    return at, "; ".join(doubts) or None


def _over_menu(lines: list[RawBlock], read: list[Labelled], at: int, first_body: int) -> bool:
    """The line, which the model is unsure of, stands over a menu: the lines right under it,
    before the lead, are its items (a few short lines the model reads as the site's)."""
    if read[at].chance(Label.TITLE) >= SURE_TITLE:
        return False  # a headline the model is sure of, over its share buttons
    under = range(at + 1, min(at + 1 + MENU_ITEMS - 1, first_body))
    return len(under) == MENU_ITEMS - 1 and all(
        read[j].label is Label.CHROME and len(lines[j].text.split()) <= MENU_ITEM_WORDS for j in under
    )


# A browser tab's title: the headline, then the site's name after a dash or a bar ("… - Philippine Star Global").
_SITE_SUFFIX = re.compile(r"\s+[-–—|]\s+(?P<site>[^\W\d_][^-–—|]{1,40})$")
SITE_SUFFIX_WORDS = 5  # words of a site's name after a headline, at most


def without_site_name(title: str, others: list[str], said: str = "") -> str:
    """The title without the site's name a browser tab prints after it, when the page names the site
    on another short line (two of its words in a row, or its one word: "By X - The Philippine Star")
    and the text (`said`) never does: a country's name after a dash ("Việt Nam - Lào") is the story's."""
    found = _SITE_SUFFIX.search(title)
    if found is None or len(title[: found.start()].split()) < PLACED_WORDS:
        return title
    site = words(fold(found.group("site")))
    if not 1 <= len(site) <= SITE_SUFFIX_WORDS or not all(w[:1].isupper() for w in found.group("site").split()):
        return title
    pairs = {f"{a} {b}" for a, b in zip(site, site[1:])} or set(site)
    elsewhere = " ".join(" ".join(words(fold(t))) for t in others)
    text = f" {' '.join(words(fold(said)))} "
    named = any(f" {p} " in f" {elsewhere} " for p in pairs) and not any(f" {w} " in text for w in site)
    return title[: found.start()] if named else title


def _site_header_end(lines: list[RawBlock], first_body: int) -> int:
    """Where the site's header ends: after the last menu row (items spaced apart or cut by bars)
    that has a line under it, over the lead, that could be the headline; 0 when none has. A line
    over that row is the site's name or tagline. One pass from the lead up."""
    headline_below = False
    for j in range(first_body - 1, -1, -1):
        text = lines[j].text
        if headline_below and _menu_row(text):
            return j
        if len(text.split()) >= PLACED_WORDS and could_be_headline(text) and not sentence_like(text):
            headline_below = True
    return 0


def _menu_row(text: str) -> bool:
    return menu_line(text) or len(_MENU_SEPARATORS.findall(text)) >= MENU_ITEMS - 2


def _role_under_name(lines: list[RawBlock], at: int, lead_text: str) -> bool:
    """The line stands under a person's name printed alone, with a headline's line over the name:
    it is what the author is ("Tham tán Thương mại | Chuyên gia …"), the byline's second line."""
    if at < 2 or not person_name(lines[at - 1].text.strip()):
        return False
    upper = lines[at - 2].text
    return len(upper.split()) >= PLACED_WORDS and could_be_headline(upper, lead_text) and not sentence_like(upper)


def _names_the_site(lines: list[RawBlock], at: int) -> bool:
    """The line names the site as the file's first line prints it alone (a few words): its tagline."""
    if at == 0 or not lines:
        return False
    site = fold(lines[0].text).strip()
    if not site or len(site.split()) > SITE_NAME_WORDS:
        return False
    return re.search(rf"(?<![^\W_]){re.escape(site)}(?![^\W_])", fold(lines[at].text)) is not None


def _kicker_of(lines: list[RawBlock], at: int, first_body: int, lead_text: str) -> bool:
    """The line at `at` was cut from the front of the next one (one scraped line, glued), which
    is longer and could be the headline: a section's kicker over its headline."""
    if at + 1 >= first_body or lines[at + 1].line != lines[at].line:
        return False
    kicker, rest = lines[at].text, lines[at + 1].text
    return (
        len(rest.split()) > len(kicker.split())
        and could_be_headline(rest, lead_text)
        and not sentence_like(rest)
        and not DATE_RE.search(rest)
    )


def _told_above(lines: list[RawBlock], picture: int, lead: set[str], lead_text: str) -> bool:
    """A line above the picture's that could be the headline and tells the lead's story in its words."""
    for line in lines[:picture]:
        own = _tokens(line.text)
        if own and could_be_headline(line.text, lead_text) and not site_banner(line.text):
            if sum(1 for w in own if w in lead) >= NEAR_SHARE * len(own):
                return True
    return False


def _headline_over_standfirst(lines: list[RawBlock], at: int, lead: set[str], upper_chance: float) -> bool:
    """The line read as the headline is the standfirst under it: a longer summary (or a deck the
    model is as sure is a headline's as the line over it), no sentence's stop, right under a line of
    several words that could be the headline and tells the lead's story in its words (a site's menu
    or a section's name does not)."""
    if at < 1:
        return False
    upper, chosen = lines[at - 1].text, lines[at].text
    own = _tokens(upper)
    return (
        len(upper.split()) >= STANDFIRST_HEAD_WORDS
        and (len(chosen) >= STANDFIRST_RATIO * len(upper) or upper_chance >= SURE_TITLE)
        and could_be_headline(upper, chosen)
        and not sentence_like(upper)
        and not upper.rstrip().endswith((".", "…"))
        and not PHOTO_CUE.search(upper)
        and not AGE_NOTICE.fullmatch(upper.strip())
        and bool(own)
        and sum(1 for w in own if w in lead) >= NEAR_SHARE * len(own)
    )


def headline_span(lines: list[RawBlock], at: int, first_body: int) -> tuple[int, int]:
    """The lines the headline at `at` is printed on: itself, or it and the lines before or after
    it when a scraper or a print column wrapped it there (a `<br>` in the headline): lines over
    the lead that read as one phrase, each pair the first a headline's start (several words, no end punctuation, printed
    once: no kicker or menu item), the second going on from it in lower case (no date, credit
    or byline)."""
    counts = _printed(lines)

    def wrapped(first: int) -> bool:
        if first < 0 or first + 1 >= first_body:
            return False
        head, rest = lines[first].text.strip(), lines[first + 1].text.strip()
        return (
            len(head.split()) >= 4
            and head[-1:].isalnum()
            and rest[:1].islower()
            and len(rest.split()) >= 2
            and len(head) + len(rest) <= 2 * LONG_HEADLINE
            and not rest.endswith((".", ":"))
            and all(could_be_headline(t) for t in (head, rest))
            and not (PHOTO_CUE.search(rest) or BYLINE_HEAD.match(rest) or DATE_RE.search(head + " " + rest))
            and counts[fold(head)] == counts[fold(rest)] == 1
        )

    start = end = at
    while end - start + 1 < HEADLINE_LINES and wrapped(end):
        end += 1
    while end - start + 1 < HEADLINE_LINES and wrapped(start - 1):
        start -= 1
    return start, end


def _printed(lines: list[RawBlock]) -> Counter[str]:
    """How often the file prints each line (folded): a menu item or kicker repeats, a headline not."""
    return Counter(fold(block.text) for block in lines)


def site_banner(text: str) -> bool:
    """A site's name and its tagline in capitals, cut by a dash: the banner over a page's menu."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters) and _BANNER.match(text) is not None


def _placed_headline(
    lines: list[RawBlock], read: list[Labelled], first_body: int, lead: str
) -> tuple[int | None, str | None]:
    """A headline the model does not see, read from where it stands: the nearest line over the
    lead (its date, widgets and standfirst between) written as one, a phrase of several words that is
    not a sentence, a credit, a menu's trail or a line the file prints again. Kept with its doubt."""
    opening = lines[first_body].text if first_body < len(lines) else ""
    if could_be_headline(opening) and not sentence_like(opening):
        return None, None  # the body opens with a headline's shape: read there (`headline_over_meta`)
    counts = _printed(lines)
    above = Counter(fold(b.text) for b in lines[:first_body])
    reach = PLACED_REACH
    i = first_body
    while reach > 0 and i > 0:
        i, reach = i - 1, reach - 1
        text = lines[i].text
        if sentence_like(text) and len(text.split()) >= STANDFIRST_HEAD_WORDS:
            reach += 1  # a standfirst between the headline and its lead (the model reading it as the site's)
            continue
        if len(text.split()) <= WIDGET_WORDS and not any(c.isalpha() for c in text):
            reach += 1  # a counter of likes or comments ("12", "3"): a widget's, not a line of the header
            continue
        # Printed once, or once more above the lead only (the share box over the article repeats its headline).
        once = counts[fold(text)] == 1 or (
            counts[fold(text)] == 2 == above[fold(text)] and len(text.split()) > PLACED_WORDS
        )
        if (
            len(text.split()) >= PLACED_WORDS
            and text[:1].isupper()
            and could_be_headline(text, lead)
            and not sentence_like(text)
            and not site_banner(text)
            and not PHOTO_CUE.search(text)
            and not _MENU_MARKS.search(text)
            and once
            and not unmarked_over_marked(text, lead)
        ):
            doubts = [f"the reader gives it {read[i].chance(Label.TITLE):.0%}"]
            if not shares_words(text, lead):
                doubts.append(NO_SHARED_WORD)
            return i, "; ".join(doubts)
    return None, None


def standfirst_at(lines: list[RawBlock], title_end: int, first_body: int) -> list[int]:
    """The standfirst between a headline and its lead (bylines and datelines beside it): a
    summary of the story, a whole paragraph or a long phrase of many words, no date or credit."""
    return [
        i
        for i in range(title_end + 1, first_body)
        if (
            paragraph(lines[i].text)
            or len(lines[i].text.split()) >= STANDFIRST_WORDS
            and len(lines[i].text) >= 2 * SENTENCE
        )
        and not lines[i].text.rstrip().endswith(":")
        and not (PHOTO_CUE.search(lines[i].text) or DATE_RE.search(lines[i].text) or BYLINE_HEAD.match(lines[i].text))
    ]


def numbered_sections(texts: list[str], tags: list[Label]) -> list[Label]:
    """A run of numbered subheadings ("1. …", "2. …", "3. …": short, no sentence, each next to
    another in number) is the article's own sections: one of them inside the body that the model
    read as the site's is the body's."""
    numbers = {i: int(m.group(1)) for i, t in enumerate(texts) if (m := _NUMBERED.match(t)) and not sentence_like(t)}
    taken = set(numbers.values())
    body = [i for i, tag in enumerate(tags) if tag is Label.BODY]
    return [
        Label.BODY
        if tag is Label.CHROME
        and body
        and body[0] < i < body[-1]
        and i in numbers
        and {numbers[i] - 1, numbers[i] + 1} & taken
        else tag
        for i, tag in enumerate(tags)
    ]


def menu_line(text: str) -> bool:
    """A menu's items spaced apart on one line ("Deutsch   English   Español   Suomi"): no byline."""
    return len(_MENU_GAPS.findall(text)) >= MENU_ITEMS - 1


def shares_words(text: str, lead: str) -> bool:
    """The line has a word (not a number) in common with the lead."""
    return not set(_tokens(text)).isdisjoint(_tokens(lead))


def _lead(lines: list[RawBlock], first_body: int) -> str:
    """The lead's text: the first whole paragraph of the body's opening lines, or else its first
    line that is more than an outlet mark ("VGP –") or a label over the text."""
    opening = [b.text for b in lines[first_body : first_body + 4] if not OUTLET_MARK.match(b.text)]
    return next((text for text in opening if paragraph(text)), opening[0] if opening else "")


def _line_above(lines: list[RawBlock], first_body: int) -> int | None:
    """The nearest line over the body that could be a headline (datelines and bylines between
    a headline and its lead are passed over)."""
    for i in range(first_body - 1, max(-1, first_body - 4), -1):
        if could_be_headline(lines[i].text):
            return i
    return None


def opens_with_headline(lines: list[RawBlock], tags: list[Label]) -> bool:
    """The file's first line a short headline (no sentence, no credit) over a longer body line."""
    if len(lines) < 2 or tags[0] is not Label.BODY or tags[1] is not Label.BODY:
        return False
    text = lines[0].text
    return (
        could_be_headline(text)
        and not sentence_like(text)
        and not PHOTO_CUE.search(text)
        and not text.rstrip().endswith(":")
        and len(text) < len(lines[1].text)
        and not unmarked_over_marked(text, lines[1].text)
    )


def headline_over_meta(lines: list[RawBlock], tags: list[Label], at: int) -> bool:
    """The first body line a headline (short, no sentence, no credit) with lines of the site,
    not of the body, right under it and whole paragraphs soon after."""
    if at + 2 >= len(lines) or tags[at + 1] in (Label.BODY, Label.CAPTION):
        return False
    text = lines[at].text
    return (
        could_be_headline(text)
        and not sentence_like(text)
        and not PHOTO_CUE.search(text)
        and not text.rstrip().endswith(":")
        and any(paragraph(b.text) for b in lines[at + 2 : at + 2 + META_LINES])
    )


def unmarked_over_marked(text: str, lead: str) -> bool:
    """A line of several words without a diacritic over a Vietnamese lead: a site's English
    banner, not the headline (a Vietnamese article's headline is written with its marks)."""
    return marked_share(lead) > VIETNAMESE_SHARE and not has_marks(text) and len(text.split()) >= 3


def _tokens(text: str) -> list[str]:
    return [w for w in words(fold(text)) if not w.isdigit()]


def could_be_headline(text: str, lead: str = "") -> bool:
    """Two words and some letters at least, and not a date line, an outlet mark or a line that
    announces what follows (ending in a colon); a whole sentence only where the lead below
    repeats it word for word (a headline written as one)."""
    if len(text.split()) < 2 or sum(1 for c in text if c.isalpha()) < 8 or OUTLET_MARK.match(text):
        return False
    if text.rstrip().endswith(":"):
        return False  # "Toàn văn bức điện như sau:", "Read more:": it announces what follows
    if menu_line(text):
        return False  # "Just In  For You  Politics  World": a menu's items spaced apart
    if len(text) > 2 * LONG_HEADLINE:
        return False  # a paragraph, however it ends ("… Welcoming Wang and the delegation…")
    if _TRAIL.search(text[1:]):
        return False  # "Ngoại giao > Hoạt động đối ngoại", "Home » News": a breadcrumb's trail
    if len(_GLUED_NAMES.findall(text)) >= GLUED_NAMES:
        return False  # "ArrowArtboardCreated with Sketch.Title ChevronIcon…": a widget's icon names run together
    if len(_MENU_SEPARATORS.findall(text)) >= MENU_ITEMS - 2:
        return False  # "Politics | Economy | Ideas | Travel": a menu's items, not a headline
    if text.rstrip().endswith(".") and len(text.split()) >= 10 and fold(text.rstrip(". ")) not in fold(lead):
        return False  # a sentence with its full stop: a lead, not a headline
    if BYLINE_HEAD.match(text) and byline_name(text) or PUBLISHED_BY.match(text):
        return False  # "Tác giả: …", "By …": a byline; "Published by the X Institute": its publisher
    found = parse_dateline(text)
    return found is None or bool(found.rest) or _names_its_day(text, found)


def _names_its_day(text: str, found: Dateline) -> bool:
    """A headline that ends in the day it tells of ("Press briefing by the spokesperson on 9 April
    2025"), not a stamp beside a section's name: a phrase of several words and no byline before
    the date, no clock."""
    return (
        found.author is None
        and len(found.other.split()) >= DAY_PHRASE_WORDS
        and found.mention is not None
        and not text.strip()[found.mention.end :].strip()
        and TIME_RE.search(text) is None
    )


def sentence_like(text: str) -> bool:
    return len(text.split()) >= 5 and text.rstrip()[-1:] in '.!?"”»'


def paragraph(text: str) -> bool:
    """A long, whole paragraph: sentences ending in their punctuation, not a teaser cut short."""
    if TRUNCATED.search(text):
        return len(text) >= 6 * SENTENCE  # a teaser is cut short well before this
    return len(text) >= 2 * SENTENCE and text.rstrip()[-1:] in '.!?"”»'


PHOTO_SERIES = {"vi": "Chùm ảnh", "en": "Photos"}  # how a supplied title names a set of pictures
PHOTO_CREDIT_TAIL = re.compile(r"\s*\((?:ảnh|photo)\s*:[^()]*\)\s*$", re.IGNORECASE)

# A sentence ends at its stop, not at an initial ("Antony J. Blinken").
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])(?<!\b[^\W\d_]\.)\s")


def derive_title(blocks: list[RawBlock]) -> str | None:
    """A title supplied from the opening: the first sentence of the first paragraph that has
    one (a mark like "(TTXVN) -" or a bare date is not a sentence). A file with nothing but
    captions is a series of photos, and its supplied title says so ("Photos: " and the first
    caption's first words), as an archive describes a set of pictures: it is not a caption."""
    searches: tuple[tuple[BlockKind, ...], ...] = (
        (BlockKind.PARAGRAPH, BlockKind.QUESTION),
        (BlockKind.CAPTION, BlockKind.HEADING),
    )
    for kinds in searches:
        for block in blocks:
            if block.kind not in kinds or OUTLET_MARK.match(block.text):
                continue
            sentence = _FIRST_SENTENCE.split(block.text, maxsplit=1)[0].rstrip(".")
            sentence = PHOTO_CREDIT_TAIL.sub("", sentence).strip()
            if len(sentence.split()) < 2 or sum(1 for c in sentence if c.isalpha()) < 8:
                continue
            words = sentence.split()
            title = sentence if len(words) <= TITLE_WORDS else " ".join(words[:TITLE_WORDS]) + "…"
            if block.kind is BlockKind.CAPTION:
                lang = detect_language(" ".join(b.text for b in blocks[:5]))
                title = f"{PHOTO_SERIES[lang]}: {title}"
            return title
    return None
