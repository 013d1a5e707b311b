"""The units of a body before classification: a line of a scrape, a block of Markdown."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import escape

from ..records import BlockKind

_MD = MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A unit of body text before classification: a line of a scrape, a block of Markdown."""

    text: str
    html: str
    line: int
    kind: BlockKind = BlockKind.PARAGRAPH
    heading_level: int = 0
    image_slot: bool = False  # a whitespace-only line left where a scraped figure stood
    chrome: bool = False  # the segmenter's verdict on a line inside the body: not article text


def markdown_blocks(body: str, first_line: int) -> list[RawBlock]:
    tokens = _MD.parse(body)
    blocks: list[RawBlock] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = index
        if token.nesting == 1:  # find the matching close at the same level
            depth = 0
            for end in range(index, len(tokens)):
                depth += tokens[end].nesting
                if depth == 0:
                    break
        line = first_line + (token.map[0] if token.map else 0)
        inline = [t for t in tokens[index : end + 1] if t.type == "inline"]
        text = " ".join(_plain(t) for t in inline).strip()
        if token.type == "paragraph_open":
            children = inline[0].children or []
            # A paragraph wholly in emphasis is how curated Markdown marks a photo caption.
            if len(children) >= 3 and children[0].type == "em_open" and children[-1].type == "em_close":
                blocks.append(
                    RawBlock(text, _MD.renderer.render(children[1:-1], _MD.options, {}), line, BlockKind.CAPTION)
                )
            else:
                blocks.append(RawBlock(text, _MD.renderer.render(children, _MD.options, {}), line))
        elif token.type == "heading_open" and text:
            blocks.append(
                RawBlock(
                    text,
                    _MD.renderer.render(inline[0].children or [], _MD.options, {}),
                    line,
                    BlockKind.HEADING,
                    int(token.tag[1]),
                )
            )
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            blocks.append(
                RawBlock(text, _MD.renderer.render(tokens[index : end + 1], _MD.options, {}), line, BlockKind.LIST)
            )
        elif token.type == "blockquote_open":
            inner = _MD.renderer.render(tokens[index + 1 : end], _MD.options, {})
            blocks.append(RawBlock(text, inner, line, BlockKind.QUOTE))
        elif token.type in ("fence", "code_block", "html_block"):
            blocks.append(RawBlock(token.content.strip(), str(escape(token.content.strip())), line))
        index = end + 1
    return blocks


def _plain(inline: Token) -> str:
    return "".join(" " if c.type in ("softbreak", "hardbreak") else c.content for c in inline.children or [])
