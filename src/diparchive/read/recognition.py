"""Who and what an article is about: leaders and events recognised in its text (the passages
`passages.passages` places), each passage read once by the recognizer's automaton for every
name, title and series name (`literals`), then:

- leaders (`leader_names`): full names, titles with a short name, bare titles' holders on the date;
- events (`event_names`): each registry pattern, where its first word stands;
- subject or mention (`salience`): what the article is about, and what it names in passing;
- candidates: a title's name and a numbered meeting (`meetings`) the registry lacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..records import PubDate
from .event_names import events_named
from .folding import strip_marks
from .leader_names import leader_names, settle_leaders, titled_leaders
from .literals import Hit, plain_spacing, word_edge_after, word_edge_before
from .meetings import numbered_meetings
from .passages import Passage, Place
from .recognizer import Recognizer
from .salience import Occurrence, own_verb, weigh


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something that looks like a leader or an event but is not in the registry."""

    kind: str  # "leader" or "event"
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Recognition:
    leaders: tuple[str, ...]
    events: tuple[str, ...]  # what the article is about
    mentions: tuple[str, ...]  # events only named in passing
    candidates: tuple[Candidate, ...]


def recognise(rec: Recognizer, texts: Iterable[Passage], date: PubDate | None) -> Recognition:
    """Leaders and events in order of first mention, plus candidates the registry lacks.

    `texts` are the title and the kept body blocks only (see `passages`), never removed text.
    """
    found: list[tuple[str, tuple[str, ...] | None]] = []  # (leader id, title ids when resolved from a bare title)
    occurrences: list[Occurrence] = []
    candidates: list[Candidate] = []
    series_named: set[str] = set()  # series named, with or without a number, in the title or the lead
    for index, passage in enumerate(texts):
        text, line = passage.text, passage.line
        folded = strip_marks(passage.folded)  # ascii_fold(text)
        found_here = _Found.of(rec, folded)
        names = leader_names(rec, text, folded, found_here.plain, found_here.names)
        found.extend((leader_id, None) for _start, _end, leader_id in names)
        for leader_id, bare_titles, candidate in titled_leaders(
            rec, text, folded, names, date, found_here.plain, found_here.titles
        ):
            # A caption's bare title is the photo's, not the text's: it names no one on its own.
            if leader_id and not (bare_titles is not None and passage.place is Place.CAPTION):
                found.append((leader_id, bare_titles))
            if candidate:
                candidates.append(Candidate("leader", candidate, line))
        spans = []
        for event_id, span, passing in events_named(rec, text, folded):
            action = own_verb(folded, span[0])
            occurrences.append(Occurrence(event_id, index, passage.place, passing, action, span[0]))
            spans.append(span)
        if passage.place in (Place.TITLE, Place.LEAD):
            series_named.update(found_here.series(rec, folded))
        candidates.extend(Candidate("event", c, line) for c in numbered_meetings(text, spans))
    events, mentions = weigh(rec, occurrences, date, series_named)
    return Recognition(settle_leaders(rec, found), events, mentions, tuple(dict.fromkeys(candidates)))


@dataclass(frozen=True, slots=True)
class _Found:
    """What the recognizer's literals found in one passage's folded text, by kind."""

    plain: bool  # single spaces between words: names, titles and series names are read off the hits
    names: list[Hit]
    titles: list[Hit]
    series_hits: list[Hit]

    @classmethod
    def of(cls, rec: Recognizer, folded: str) -> _Found:
        names: list[Hit] = []
        titles: list[Hit] = []
        series: list[Hit] = []
        for hit in rec.literals.hits(folded):
            kind = hit[2][0]
            if kind == "name":
                names.append(hit)
            elif kind == "title":
                titles.append(hit)
            else:
                series.append(hit)
        return cls(plain_spacing(folded), names, titles, series)

    def series(self, rec: Recognizer, folded: str) -> set[str]:
        """The series whose name (without a number) the passage names."""
        if not self.plain:
            return {s for s, regex in rec.series_names if regex.search(folded)}
        return {
            str(payload[1])
            for start, end, payload in self.series_hits
            if word_edge_before(folded, start) and word_edge_after(folded, end)
        }
