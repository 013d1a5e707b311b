"""A file's bytes → its text (NFC, control characters dropped), and the front matter split from the body."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..errors import fail
from ..yamlsource import Located, parse_yaml

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invalid in XML feeds, invisible in pages
MAX_ARTICLE_BYTES = 5_000_000  # the longest real article is well under 1 MB
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: Path, shown: Path) -> str:
    """The file's text, NFC. UTF-8 (with or without BOM), or UTF-16/32 with a BOM; nothing is
    guessed: other encodings are reported with the line and column of the first bad byte."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise fail(
            shown,
            None,
            f"file is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES // 1_000_000} MB an article can be: is it an export or a data dump? Split it or move it out of content/",
        )
    data = path.read_bytes()
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\0" in data:
        raise fail(shown, data[: data.index(b"\0")].count(b"\n") + 1, "binary data (NUL bytes), not article text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data[: exc.start].count(b"\n") + 1
        column = len(data[line_start : exc.start].decode(encoding, errors="replace")) + 1
        raise fail(
            shown,
            line,
            f"not {encoding.upper().replace('-SIG', '')} text: byte 0x{data[exc.start]:02X} at column {column} ({exc.reason}). "
            "Save the file as UTF-8; diparchive does not guess other encodings such as Windows-1258 or Latin-1",
        ) from None
    text = _CONTROL.sub("", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise fail(shown, None, "empty file: no title and no text")
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str, shown: Path) -> tuple[Located | None, str, int]:
    """(front matter, body, line number of the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            located = parse_yaml("\n".join(lines[1:index]), shown, first_line=2)
            if not isinstance(located.value, dict):
                raise fail(shown, 2, "front matter must be a mapping of keys to values")
            return located, "\n".join(lines[index + 1 :]), index + 2
    raise fail(shown, 1, "front matter opened with '---' is never closed")
