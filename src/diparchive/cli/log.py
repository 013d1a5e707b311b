"""How problems are printed: `file:line: level: message` (the default, as compilers do), or
GitHub Actions workflow commands (`--log-format github`, as ruff does), which GitHub shows as
annotations on the line they concern."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..errors import DiparchiveError, Problem

FORMATS = ("text", "github")


def _escape(text: str, property: bool = False) -> str:
    """GitHub's escaping of a workflow command's message (and, more strictly, of its properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def problem_line(problem: Problem, level: str, fmt: str, label: str | None = None) -> str:
    """One problem: `level` is error, warning or notice; `label` says what kind of finding it is
    (shown in place of the level in text, as the annotation's title on GitHub)."""
    if fmt == "github":
        command = {"error": "error", "warning": "warning"}.get(level, "notice")
        where = []
        if problem.path is not None:
            where.append(f"file={_escape(problem.path.as_posix(), True)}")
            if problem.line:
                where.append(f"line={problem.line}")
        if label:
            where.append(f"title={_escape(label, True)}")
        return f"::{command}{' ' + ','.join(where) if where else ''}::{_escape(problem.message)}"
    shown = label or level
    if problem.path is None:
        return f"{shown}: {problem.message}"
    at = f"{problem.path}:{problem.line}" if problem.line else f"{problem.path}"
    return f"{at}: {shown}: {problem.message}"


def print_problems(problems: Iterable[Problem], level: str, fmt: str, stream: TextIO, label: str | None = None) -> None:
    for problem in problems:
        print(problem_line(problem, level, fmt, label), file=stream)


def print_error(error: DiparchiveError, fmt: str, stream: TextIO) -> None:
    """A build-stopping error: its heading, then each problem (all of them, as the build found them)."""
    if fmt == "github":
        if error.heading:
            print(f"::error::{_escape(error.heading)}", file=stream)
        print_problems(error.problems, "error", fmt, stream)
        return
    print(f"error: {error}", file=stream)
