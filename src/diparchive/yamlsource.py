"""YAML that remembers where each value came from.

PyYAML's composer keeps the line of every node; we turn the node tree into plain Python values
and a side table of lines, so a validator can say `registry/leaders.yaml:42: …`.

Input comes from many hands, so the YAML accepted is the plain subset: aliases (`*x`, the
"billion laughs" bomb and self-reference), merge keys (`<<:`), tags other than the standard
scalars, and nesting deeper than `MAX_DEPTH` are refused with the file and line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import fail

MAX_DEPTH = 100
"""Deepest nesting of lists and mappings accepted (PyYAML's composer recurses per level)."""

_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader's composer that refuses aliases and bounds nesting before building anything."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line if event.start_mark is not None else 0
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, f"YAML aliases (*{event.anchor}) are not accepted; write the value out")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(line, f"YAML nested more than {MAX_DEPTH} levels deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


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


def read_yaml_file(path: Path, shown: Path) -> Located:
    """Read and parse a YAML file; a symlink, a folder, an unreadable file or bytes that are not
    UTF-8 are named (`shown`, with the line of the first bad byte), never a traceback. A symlink is
    never followed: what the site reads is the site's own files, not what a link points at."""
    if path.is_symlink():
        raise fail(
            shown,
            None,
            f"is a symlink (to {os.readlink(path)}): site files must be regular files; copy the file in instead",
        )
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise fail(shown, None, "is a folder, not a YAML file") from None
    except OSError as exc:
        raise fail(shown, None, f"cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(
            shown, line, f"not UTF-8 text: byte 0x{data[exc.start]:02X} ({exc.reason}); save it as UTF-8"
        ) from None
    return parse_yaml(text, shown)


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Located:
    """Parse YAML text into Located values; syntax errors name path and line."""
    loader: _PlainLoader | None = None
    try:
        loader = _PlainLoader(text)  # the reader refuses some characters here already
        node = loader.get_single_node()
    except _Refused as exc:
        raise fail(path, first_line + exc.line, exc.message) from None
    except yaml.YAMLError as exc:
        # An unclosed quote or bracket is only noticed where the text ends, lines later: PyYAML's
        # context mark is where the construct at fault opened, the line the author must fix. A
        # block mapping or list opens where the whole document does: there the fault is the line
        # PyYAML stopped at (a key indented wrongly, a stray bracket), not the mapping's first line.
        context = getattr(exc, "context", None) or ""
        marks = ("problem_mark", "context_mark") if "block" in context else ("context_mark", "problem_mark")
        mark = getattr(exc, marks[0], None) or getattr(exc, marks[1], None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        if getattr(exc, "context", None):
            problem = f"{problem} {exc.context}"  # type: ignore[attr-defined]
        raise fail(path, line, f"invalid YAML: {problem}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return Located({}, first_line)
    return _convert(node, path, first_line)


def _convert(node: yaml.Node, path: Path, first_line: int) -> Located:
    line = first_line + node.start_mark.line
    if node.tag not in _PLAIN_TAGS:
        shown = "merge keys (<<)" if node.tag == "tag:yaml.org,2002:merge" else f"the YAML tag {node.tag}"
        raise fail(path, line, f"{shown} not accepted; write plain values")
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Located] = {}
        for key_node, value_node in node.value:
            if key_node.tag not in _PLAIN_TAGS:
                _convert(key_node, path, first_line)
            key = _scalar(key_node, path, first_line)
            if not isinstance(key, (str, int)):
                raise fail(path, first_line + key_node.start_mark.line, "mapping keys must be text")
            key = str(key)
            if key in out:
                raise fail(path, first_line + key_node.start_mark.line, f"duplicate key '{key}'")
            out[key] = _convert(value_node, path, first_line)
        return Located(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(n, path, first_line) for n in node.value], line)
    return Located(_scalar(node, path, first_line), line)


def _scalar(node: yaml.Node, path: Path, first_line: int) -> Any:
    # Let PyYAML resolve the scalar's type (int, bool, date, str) exactly as safe_load would.
    if not isinstance(node, yaml.ScalarNode):
        raise fail(path, first_line + node.start_mark.line, "mapping keys must be text")
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        # e.g. `date: 2024-02-30`: a timestamp PyYAML recognises but cannot construct
        what = "not a real date" if node.tag == "tag:yaml.org,2002:timestamp" else "not a valid value"
        raise fail(path, first_line + node.start_mark.line, f"{node.value!r} is {what} ({exc})") from None
    finally:
        loader.dispose()
