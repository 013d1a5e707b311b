"""Reading one registry file: its YAML with lines, a `Reader` that collects every problem with its
file and line (so all are reported together), and the bilingual value {vi: …, en: …} the files share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..errors import DiparchiveError, Problem
from ..schema import Invalid, Key, nested, shown, text, validate
from ..yamlsource import Located, read_yaml_file
from .registry_records import Bilingual


def bilingual(what: str) -> Callable[[Located], Bilingual]:
    """A mapping with exactly the keys vi and en, each non-empty text."""
    keys = {"vi": Key("In Vietnamese.", text(f"{what}.vi"), True), "en": Key("In English.", text(f"{what}.en"), True)}

    def read(item: Located) -> Bilingual:
        if not isinstance(item.value, dict):
            raise Invalid(f"{what} must be a mapping with the keys vi and en, not {shown(item)}")
        values, problems = validate(
            item.value,
            keys,
            Path(),
            item.line,
            lambda key: f"unknown key '{key}' in {what} (allowed: en, vi)",
            lambda key: f"{what} is missing '{key}'",
        )
        if problems:
            raise nested(problems)
        return Bilingual(values["vi"], values["en"])

    return read


class Reader:
    """Collects problems while reading one registry file, so all are reported together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def read(self, item: Located, what: str, keys: Mapping[str, Key]) -> dict[str, Any] | None:
        """The values of a mapping read against its keys (those that could be read), or None when
        it is not a mapping or a required key is missing or wrong; problems are kept."""
        if not isinstance(item.value, dict):
            self.problem(item.line, f"{what} must be a mapping, not {shown(item)}")
            return None
        allowed = ", ".join(sorted(keys))
        values, problems = validate(
            item.value,
            keys,
            self.path,
            item.line,
            lambda key: f"unknown key '{key}' in {what} (allowed: {allowed})",
            lambda key: f"{what} is missing '{key}'",
        )
        self.problems += problems
        return values if all(key in values for key, spec in keys.items() if spec.required) else None

    def lines(self, item: Located | None) -> tuple[int, ...]:
        return tuple(v.line for v in item.value) if item is not None and isinstance(item.value, list) else ()


def read_file(path: Path, root: Path, problems: list[Problem]) -> tuple[Reader, dict[str, Located] | None]:
    where = path.relative_to(root) if path.is_relative_to(root) else path
    reader = Reader(where)
    if not path.exists():
        return reader, None
    try:
        located = read_yaml_file(path, where)
    except DiparchiveError as exc:
        problems.extend(exc.problems)
        return reader, None
    if not isinstance(located.value, dict):
        reader.problem(located.line, f"the file must be a mapping, not {shown(located)}")
        problems.extend(reader.problems)
        return reader, None
    return reader, located.value
