"""What kind of document an article is: an interview, a speech or other text given in full, a joint
statement, a press briefing, or (the default) a news report.

Decided from what the record already holds: the cue words of a kind in the title, or at the very
start of the body (a text introduced as "Toàn văn …" / "Full text of …"), and, for an interview, the
question blocks the loader found. A news report that only mentions a joint statement or a press
conference further on is still a news report: cues count only where a document names itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..records import BlockKind, DocType
from .folding import fold


class _Block(Protocol):  # a body block as the loader holds it (RawBlock) or the record does (Block)
    @property
    def kind(self) -> BlockKind: ...
    @property
    def text(self) -> str: ...


# The words a document of each kind names itself with, in both languages, in the order they are
# tried: a press briefing answers reporters' questions, so it is tried before an interview.
CUES: dict[DocType, tuple[str, ...]] = {
    DocType.PRESS_BRIEFING: (
        "họp báo thường kỳ",
        "regular press conference",
        "regular press briefing",
    ),
    DocType.JOINT_STATEMENT: ("tuyên bố chung", "joint statement"),
    # Only the words of a text given in full: "bài phát biểu" ("a speech") heads reports about one too.
    DocType.SPEECH: ("toàn văn", "full text"),
    DocType.INTERVIEW: ("trả lời phỏng vấn", "phỏng vấn", "interview"),
}
QUESTIONS_OF_INTERVIEW = 2  # question blocks that make a text an interview (one may be rhetorical)

_PATTERNS = {
    kind: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(c)) for c in cues) + r")(?!\w)")
    for kind, cues in CUES.items()
}


def _normal(text: str) -> str:
    return " ".join(fold(text).split())


def document_type(title: str, body: Sequence[_Block]) -> DocType:
    """The kind of document `title` and `body` make (see the module's doc)."""
    named = _normal(title)
    opening = next((_normal(b.text) for b in body if b.kind is not BlockKind.CAPTION), "")
    for kind, pattern in _PATTERNS.items():
        at_start = pattern.match(opening)
        if pattern.search(named) or at_start:
            return kind
    if sum(1 for b in body if b.kind is BlockKind.QUESTION) >= QUESTIONS_OF_INTERVIEW:
        return DocType.INTERVIEW
    return DocType.NEWS
