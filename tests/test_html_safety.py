"""Article text and front matter are data, never markup: hostile scrapes are built and every
page, feed and sitemap is read back with real parsers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_site, serve
from diparchive.build.pipeline import build

HOSTILE_TXT = """<script>alert('title')</script> Tiêu đề có mã độc
Hà Nội (NDO) - Ngày 3/2/2024, <img src=x onerror="alert(1)"> đoàn đại biểu đã đến thăm.
Nội dung <a href="javascript:alert(2)">bấm vào đây</a> và <svg onload=alert(3)> tiếp tục bài viết về ngoại giao.
<iframe src="javascript:alert(4)"></iframe> Đoạn cuối bài viết về hợp tác song phương.
"""

HOSTILE_MD = """---
title: "</title><script>alert('fm')</script> Hostile front matter"
author: '"><script>alert(5)</script>'
outlet: "<img src=x onerror=alert(6)>"
date: 2024-02-03
lang: en
---
<script>alert(7)</script>

Paragraph with <b onclick="alert(8)">inline HTML</b> and [a link](javascript:alert(9)) and
[another](JaVaScRiPt:alert(10)) and <javascript:alert(11)> and ![img](javascript:alert(12)).

<div onmouseover="alert(13)">raw block</div>

* [list link](  javascript:alert(14))
* <a href="data:text/html,<script>alert(15)</script>">data</a>

> quote with <style>body{display:none}</style>
"""

ALLOWED_SCRIPT_SOURCES = ("static/site.js",)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "xlink:href", "poster", "data"}


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.script_type: str | None = None
        self.script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if (
                name in URL_ATTRIBUTES
                and value
                and "".join(value.split()).lower().startswith(("javascript:", "vbscript:", "data:text/html"))
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "svg" and dict(attrs).get("class") == "timeline-chart":
            pass  # the template's own chart (templates/_timeline.html); content never gets one
        elif tag in ("iframe", "object", "embed", "svg", "style", "img"):
            self.problems.append(f"<{tag}> from the content")
        if tag == "script":
            a = dict(attrs)
            if a.get("src"):
                if not a["src"].endswith(ALLOWED_SCRIPT_SOURCES):
                    self.problems.append(f"script src {a['src']}")
                self.script_type = "external"
            elif a.get("type") in ("application/ld+json", "application/json"):
                self.script_type = "json"
            else:
                self.problems.append(f"inline script {attrs}")
                self.script_type = "other"
            self.script_text = []

    def handle_data(self, data):
        if self.script_type is not None:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script_type is not None:
            if self.script_type == "json":
                json.loads("".join(self.script_text))  # data only, and still well-formed
            elif self.script_type == "external" and "".join(self.script_text).strip():
                self.problems.append("text inside an external script")
            self.script_type = None


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = copy_site(tmp_path_factory.mktemp("hostile") / "site")
    (root / "content" / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (root / "content" / "en" / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    build(root)
    return root / "public"


def test_hostile_articles_are_built_as_text(hostile_site):
    pages = [
        p for p in hostile_site.rglob("*.html") if "hostile" in p.parent.name or "tieu-de-co-ma-doc" in p.parent.name
    ]
    assert len(pages) == 2
    text = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in text  # shown, as text
    assert "Hostile front matter" in text


def test_no_script_handler_or_javascript_url_in_any_page(hostile_site):
    problems = []
    for page in sorted(hostile_site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        audit = _Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        audit.close()
        problems += [f"{page.relative_to(hostile_site)}: {p}" for p in audit.problems]
    assert problems == []


def test_feeds_and_sitemaps_carry_no_markup(hostile_site):
    files = sorted(hostile_site.rglob("*.xml"))
    assert any("feed" in f.name for f in files) and any("sitemap" in f.name for f in files)
    for path in files:
        for element in ET.parse(path).iter():
            assert not element.tag.lower().endswith(("script", "iframe")), path
            assert element.attrib.get("type", "text") in ("text", "application/atom+xml", "text/html"), path
            for value in element.attrib.values():
                assert not "".join(value.split()).lower().startswith("javascript:"), path
    feed = (hostile_site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert "<script" not in feed and "&lt;script&gt;" in feed


@pytest.mark.browser
@pytest.mark.parametrize(("path", "query"), [("/vi/tim-kiem/", "mã độc"), ("/en/search/", "Hostile front matter")])
def test_search_results_show_hostile_text_as_text(browser, hostile_site, path, query):
    """The search page builds titles and excerpts from text nodes: markup in an article's text
    is shown, never run."""
    server, origin = serve(hostile_site)
    try:
        tab = browser.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(f"{origin}{path}?q={query}")
        tab.locator('#search-results[aria-busy="false"]').wait_for(state="attached", timeout=15000)
        assert tab.locator(".search-result").count() >= 1
        results = tab.locator("#search-results")
        assert results.locator("script, svg, iframe, img, b, a:not(.result-link)").count() == 0
        assert "<script>" in results.inner_text()
        assert dialogs == []
        tab.close()
    finally:
        server.shutdown()
