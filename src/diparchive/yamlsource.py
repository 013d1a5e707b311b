"""YAML that remembers where each value came from.

PyYAML's composer keeps the line of every node; we turn the node tree into plain Python values
and a side table of lines, so a validator can say `registry/leaders.yaml:42: …`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import fail


@dataclass(frozen=True, slots=True)
class Located:
    """A YAML value with the 1-based line it starts on; mappings and lists hold Located too."""

    value: Any
    line: int

    def plain(self) -> Any:
        """The value with all location wrappers removed."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Located:
    """Parse YAML text into Located values; syntax errors name path and line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        # An unclosed quote or bracket is only noticed where the text ends, lines later: PyYAML's
        # context mark is where the construct at fault opened, the line the author must fix.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        if getattr(exc, "context", None):
            problem = f"{problem} {exc.context}"  # type: ignore[attr-defined]
        raise fail(path, line, f"invalid YAML: {problem}") from None
    if node is None:
        return Located({}, first_line)
    return _convert(node, path, first_line)


def _convert(node: yaml.Node, path: Path, first_line: int) -> Located:
    line = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Located] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if not isinstance(key, (str, int)):
                raise fail(path, first_line + key_node.start_mark.line, "mapping keys must be text")
            key = str(key)
            if key in out:
                raise fail(path, first_line + key_node.start_mark.line, f"duplicate key '{key}'")
            out[key] = _convert(value_node, path, first_line)
        return Located(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(n, path, first_line) for n in node.value], line)
    return Located(_scalar(node), line)


def _scalar(node: yaml.Node) -> Any:
    # Let PyYAML resolve the scalar's type (int, bool, date, str) exactly as safe_load would.
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()
