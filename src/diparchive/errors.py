"""User-facing errors: each carries the file (and line) it is about.

A `DiparchiveError` is a user error: the CLI prints it without a traceback and exits non-zero.
Anything else that escapes is a bug in diparchive and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input, located as precisely as we know."""

    path: Path | None
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class DiparchiveError(Exception):
    """One or more problems that stop the build; all are reported together."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], heading: str = "") -> None:
        self.problems = tuple(problems)
        self.heading = heading
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [self.heading] if self.heading else []
        lines.extend(str(p) for p in self.problems)
        return "\n".join(lines)


def fail(path: Path | None, line: int | None, message: str) -> DiparchiveError:
    """Shorthand for a single-problem error, to `raise fail(...)`."""
    return DiparchiveError([Problem(path, line, message)])
