"""Where an article's kept text stands: its title, its lead (the first long paragraph), the
paragraph after the lead, the body, photo captions. Recognition weighs a name by its place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ..records import Block, BlockKind
from .blocks import RawBlock
from .folding import fold

LEAD_WORDS = 12  # the lead is the first paragraph at least this long (shorter ones are teasers, kickers)


class Place(StrEnum):
    TITLE = "title"
    LEAD = "lead"
    NEXT = "next"  # the paragraph after the lead: often the report's first line after a summary
    BODY = "body"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of an article's kept text, with where it stands: titles and leads carry weight."""

    text: str
    line: int
    place: Place = Place.BODY
    folded: str = field(init=False, repr=False, compare=False)  # fold(text): read by leaders, events and countries

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(self.text))  # derived once, when it is made


def passages(title: str, title_line: int, blocks: Iterable[RawBlock | Block]) -> list[Passage]:
    """The title, then each body block, placed: its first paragraphs are the lead, captions apart."""
    out = [Passage(title, title_line, Place.TITLE)]
    leads = 0
    for block in blocks:
        place = Place.BODY
        if block.kind is BlockKind.CAPTION:
            place = Place.CAPTION
        elif block.kind is BlockKind.PARAGRAPH and leads < 2 and len(block.text.split()) >= LEAD_WORDS:
            place = Place.LEAD if leads == 0 else Place.NEXT
            leads += 1
        out.append(Passage(block.text, block.line, place))
    return out
