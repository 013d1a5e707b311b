"""The registry compiled for recognition: one alternation of every leader's names, one of every
title's forms, each event's patterns with their numbered variants, and the names of other
countries (CLDR through Babel, plus the press's own forms). Names, title forms, series names and
series names are also literals of one automaton (`literals`), so a passage is read once for all
of them and each pattern is tried only where its literal stands; an event pattern only where
the word it starts with does."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import DiparchiveError, Problem
from .country_names import CountryFinder, country_finder
from .folding import ascii_fold, fold, has_marks
from .literals import Literals, Payload
from .registry import Country, Registry

WORD_EDGE_L = r"(?<![^\W_])"
WORD_EDGE_R = r"(?![^\W_])"
_GAP = r"[\s,\-–]*+"  # between the words of an event pattern


def space(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class EventPattern:
    regex: re.Pattern[str]
    target: str  # event id, or series id when the pattern has a number
    numbered: bool
    roman: bool
    required: tuple[str, ...]  # folded words every match contains: a cheap test before the regex
    starts: tuple[str, ...] | None  # the literals every match starts with (None: it may start otherwise)


@dataclass(frozen=True, slots=True)
class Recognizer:
    registry: Registry
    names: re.Pattern[str]  # every full-name alias
    name_owner: dict[str, str]  # folded alias → leader id
    marked_names: dict[str, set[str]]  # leader id → fold() of aliases with diacritics
    titles: re.Pattern[str]
    title_of_form: dict[str, tuple[str, ...]]  # ascii-folded form → title ids
    marked_forms: set[str]
    ascii_forms: dict[str, tuple[str, ...]]  # ascii-folded form → forms written without marks (English), as cased
    shorts: dict[str, tuple[str, ...]]  # ascii-folded short name → leader ids
    events: tuple[EventPattern, ...]
    event_words: frozenset[str]  # the words they require
    countries: re.Pattern[str]  # other countries' names (CLDR, vi and en), ASCII-folded
    series_names: tuple[tuple[str, re.Pattern[str]], ...]  # series id → its name without a number
    # One pass for all: ("name", i) and ("title", i) the i-th alternative of `names`, `titles`
    # (their order); ("series", id) a series' name. (An event's words are looked for with `in`:
    # the commonest are short and found at once, so the automaton would report them everywhere.)
    literals: Literals
    name_phrases: tuple[str, ...]  # the alternatives of `names`, in its order, words one space apart
    title_phrases: tuple[str, ...]
    country_finder: CountryFinder  # partner countries' names (see read.countries)
    home_folded: frozenset[str] = frozenset()  # Viet Nam's own names, ASCII-folded and lower case


def _phrases(phrases: Iterable[str]) -> list[str]:
    """An alternation's alternatives, in its order (longest first)."""
    return sorted({ascii_fold(p) for p in phrases}, key=len, reverse=True)


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in _phrases(phrases))


def _compile_pattern(
    pattern: str, variants: dict[str, tuple[str, ...]]
) -> tuple[str, bool, bool, tuple[str, ...], tuple[str, ...] | None]:
    """Turn "Đại hội đồng {un} (khóa) {n}" into a regex over ASCII-folded text, the words
    outside brackets that every match contains, and the literals every match starts with (None
    when it may start with a number or an optional word)."""
    tokens = re.findall(r"\{\w+\}|\(|\)|[^\s(){}]+", pattern)
    parts: list[str] = []
    required: list[str] = []
    starts: tuple[str, ...] | None = None
    numbered = roman = started = plural = False
    depth = 0
    for token in tokens:
        if token == "(":
            parts.append("(?:")
            depth += 1
            plural = False
            continue
        if token == ")":
            if depth == 0:
                raise ValueError("unbalanced ')'")
            parts[-1] = "" if parts[-1] == "(?:" else parts[-1]  # an empty group matches nothing
            parts.append(")?" if parts[-1] else "")
            depth -= 1
            plural = False
            continue
        token = token.strip(" ,-–")  # separators between words are the gap's business
        if not token:
            continue
        if token == "{n}":
            word = r"(?P<n>\d{1,3})(?!\d)"
            numbered = True
        elif token == "{ord}":
            word = r"(?P<n>\d{1,3})(?:st|nd|rd|th)"
            numbered = True
        elif token == "{roman}":
            word = r"(?P<n>[ivxlc]{1,7})" + WORD_EDGE_R
            numbered = roman = True
        elif token.startswith("{"):
            name = token[1:-1]
            if name not in variants:
                raise ValueError(
                    f"unknown placeholder {token} (use {{n}}, {{ord}}, {{roman}} or a name under 'variants')"
                )
            # A variant may be followed by its abbreviation in brackets: "Liên Hiệp Quốc (LHQ)".
            word = rf"(?:{_alternation(variants[name])})(?:\s*+\([^)]{{1,20}}\))?"
            if not started and depth == 0:
                starts = tuple(p.split()[0] for p in _phrases(variants[name]) if p.split())
        else:
            if not started and depth == 0:
                starts = (ascii_fold(token).split("-")[0],)
            if depth == 0 and "-" not in token:
                required.append(ascii_fold(token))
            word = re.escape(ascii_fold(token)).replace(r"\-", r"[\-–]")
        # One gap before every word but the first, possessive: a word never starts with a
        # separator, so the gap never gives back, and no two gaps can share a run of separators.
        parts.append((_GAP if started else "") + word)
        started = True
        plural = not token.startswith("{") and token.isascii() and token.isalpha() and depth == 0
    if depth:
        raise ValueError("unbalanced '('")
    if plural:
        parts[-1] += "(?:e?s)?"  # "the 44th and 45th ASEAN Summits": two sessions named in one phrase
    regex = WORD_EDGE_L + "(?:" + "".join(parts) + ")" + r"(?![^\W_])"
    return regex, numbered, roman, tuple(required), starts if starts and all(starts) else None


def build_recognizer(registry: Registry) -> Recognizer:
    name_owner: dict[str, str] = {}
    marked: dict[str, set[str]] = {}
    for leader in registry.leaders.values():
        for alias in leader.aliases:
            name_owner[space(ascii_fold(alias))] = leader.id
            if has_marks(alias):
                marked.setdefault(leader.id, set()).add(space(fold(alias)))
    title_of_form: dict[str, tuple[str, ...]] = {}
    marked_forms: set[str] = set()
    ascii_forms: dict[str, tuple[str, ...]] = {}
    for title in registry.titles.values():
        for form in title.forms:
            key = space(ascii_fold(form))
            title_of_form[key] = title_of_form.get(key, ()) + (title.id,)
            if has_marks(form):
                marked_forms.add(space(fold(form)))
            else:
                ascii_forms[key] = ascii_forms.get(key, ()) + (space(form),)
    shorts: dict[str, tuple[str, ...]] = {}
    for leader in registry.leaders.values():
        for short in leader.short:
            key = ascii_fold(short)
            if leader.id not in shorts.get(key, ()):
                shorts[key] = shorts.get(key, ()) + (leader.id,)

    problems: list[Problem] = []
    events: list[EventPattern] = []
    literals: list[tuple[str, Payload]] = []
    owners = [(s.id, s.patterns, s.pattern_lines) for s in registry.series.values()]
    owners += [(e.id, e.patterns, e.pattern_lines) for e in registry.events.values() if e.patterns]
    for target, patterns, lines in owners:
        for pattern, line in zip(patterns, lines or (None,) * len(patterns)):
            try:
                regex, numbered, roman, required, starts = _compile_pattern(pattern, registry.variants)
            except ValueError as exc:
                problems.append(Problem(registry.events_path, line, f"pattern '{pattern}' of '{target}': {exc}"))
                continue
            events.append(EventPattern(re.compile(regex), target, numbered, roman, required, starts))
    if problems:
        raise DiparchiveError(problems, heading="invalid event patterns in the registry")
    name_phrases = tuple(space(p) for p in _phrases(a for l in registry.leaders.values() for a in l.aliases))
    title_phrases = tuple(space(p) for p in _phrases(f for t in registry.titles.values() for f in t.forms))
    literals += [(phrase, ("name", i)) for i, phrase in enumerate(name_phrases)]
    literals += [(phrase, ("title", i)) for i, phrase in enumerate(title_phrases)]
    literals += [
        (space(p), ("series", s.id)) for s in registry.series.values() for p in _phrases((s.name.vi, s.name.en))
    ]
    return Recognizer(
        registry,
        re.compile(
            WORD_EDGE_L
            + "(?:"
            + _alternation(a for l in registry.leaders.values() for a in l.aliases)
            + ")"
            + WORD_EDGE_R
        ),
        name_owner,
        marked,
        re.compile(
            WORD_EDGE_L + "(?:" + _alternation(f for t in registry.titles.values() for f in t.forms) + ")" + WORD_EDGE_R
        ),
        title_of_form,
        marked_forms,
        ascii_forms,
        shorts,
        tuple(events),
        frozenset(word for event in events for word in event.required),
        _country_pattern(registry.countries.values()),
        tuple(
            (s.id, re.compile(WORD_EDGE_L + "(?:" + _alternation((s.name.vi, s.name.en)) + ")" + WORD_EDGE_R))
            for s in registry.series.values()
        ),
        Literals.build(literals),
        name_phrases,
        title_phrases,
        country_finder(registry.countries.values(), registry.home_forms),
        frozenset(ascii_fold(form).lower() for form in registry.home_forms),
    )


def _country_pattern(countries: Iterable[Country]) -> re.Pattern[str]:
    """Other countries' names in Vietnamese and English (CLDR's through Babel, and the press forms
    the registry adds): the qualifiers that make a numbered meeting or an office someone else's."""
    names = [form for country in countries for form in country.forms]
    return re.compile(WORD_EDGE_L + "(?:" + _alternation(names) + ")" + WORD_EDGE_R)
