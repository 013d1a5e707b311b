"""Reading a built site back: pages, their links and their visible interface text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class PageFacts:
    lang: str = ""
    title: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attr, url)
    hreflangs: dict[str, str] = field(default_factory=dict)
    canonical: str = ""
    switcher: str = ""
    own_text: list[str] = field(default_factory=list)  # text in the page's own language
    meta: dict[str, str] = field(default_factory=dict)
    jsonld: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    VOID = {"meta", "link", "br", "img", "input", "hr", "source"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self.stack: list[tuple[str, str | None]] = []  # (tag, lang) of open elements
        self.in_title = self.in_script = False

    def _lang(self) -> str:
        for _, lang in reversed(self.stack):
            if lang:
                return lang
        return ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.facts.lang = a.get("lang", "")
        for attr in ("href", "src", "action"):
            if a.get(attr):
                self.facts.links.append((f"{tag}.{attr}", a[attr]))
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.facts.hreflangs[a["hreflang"]] = a["href"]
        if tag == "link" and a.get("rel") == "canonical":
            self.facts.canonical = a["href"]
        if tag == "a" and "switcher" in (a.get("class") or "").split():
            self.facts.switcher = a["href"]
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.facts.meta[a.get("property") or a.get("name")] = a.get("content", "")
        if tag not in self.VOID:
            self.stack.append((tag, a.get("lang")))
        lang = a.get("lang") or self._lang()
        if lang == self.facts.lang and tag not in ("html",):
            for attr in ("placeholder", "aria-label", "title"):
                if a.get(attr):
                    self.facts.own_text.append(a[attr])
        self.in_title = tag == "title"
        self.in_script = tag == "script"
        self.script_type = a.get("type")

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        self.in_title = self.in_script = False

    def handle_data(self, data):
        if self.in_title:
            self.facts.title += data
        if self.in_script:
            if self.script_type == "application/ld+json":
                self.facts.jsonld.append(data)
            return
        if data.strip() and self._lang() == self.facts.lang:
            self.facts.own_text.append(data.strip())


def read_page(path: Path) -> PageFacts:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.facts


def local_target(site: Path, url: str, base_url: str, page: Path) -> Path | None:
    """The file a link points at inside the built site, or None for an outside link."""
    if url.startswith(("mailto:", "#", "data:")):
        return None
    if url.startswith(base_url):
        url = urlsplit(base_url).path + url[len(base_url) :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    base_path = urlsplit(base_url).path
    path = parts.path
    if path.startswith("/"):
        if not path.startswith(base_path):
            return site / "__outside_base__"
        relative = path[len(base_path) :]
        target = site / relative
    else:
        target = (page.parent / path).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target
