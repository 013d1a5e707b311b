"""Random text, bytes and front matter: the loader and the build give a record or the
project's own error, never another exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_site
from diparchive.build.pipeline import build
from diparchive.errors import DiparchiveError
from diparchive.read.frontmatter import FRONT_MATTER_KEYS
from diparchive.read.loader import load_article

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text that looks like the scrapes: Vietnamese letters, datelines, separators, markup, controls.
PIECES = st.sampled_from(
    [
        "Hà Nội",
        "(NDO) -",
        "Ngày 22/1",
        "2024",
        "Khóa 76",
        "Đại hội đồng Liên hợp quốc",
        "Tô Lâm",
        "Thủ tướng",
        "---",
        "\n",
        "\n\n",
        "\u00a0\n",
        "*",
        "#",
        "> ",
        "1. ",
        "Câu hỏi:",
        "?",
        ".",
        "|",
        "<script>",
        "](javascript:x)",
        "\ufeff",
        "\r\n",
        "\x00",
        "\x1b",
        "Tin liên quan",
        "Ảnh: TTXVN",
        "title: x",
        "date: 2024-13-45",
        ":",
        "[",
        "{",
    ]
)
SCRAPE = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=60).map("".join)

FRONT_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)
FRONT_MATTER = st.dictionaries(
    st.one_of(st.sampled_from(sorted(FRONT_MATTER_KEYS)), st.text(max_size=10)), FRONT_VALUES, max_size=6
)


def _load(tmp_path: Path, name: str, data: bytes, registry, recognizer):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        loaded = load_article(path, tmp_path, registry, recognizer)
    except DiparchiveError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        return None
    article = loaded.article
    assert article.title and article.body and article.slug
    assert "/" not in article.slug and ".." not in article.slug
    return article


@FUZZ
@given(text=SCRAPE, suffix=st.sampled_from([".txt", ".md"]))
def test_random_text(tmp_path, registry, recognizer, text, suffix):
    _load(tmp_path, "fuzz" + suffix, text.encode("utf-8"), registry, recognizer)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md"]))
def test_random_bytes(tmp_path, registry, recognizer, data, suffix):
    _load(tmp_path, "fuzz" + suffix, data, registry, recognizer)


@FUZZ
@given(front=FRONT_MATTER, body=SCRAPE)
def test_random_front_matter(tmp_path, registry, recognizer, front, body):
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    _load(tmp_path, "fuzz.md", text.encode("utf-8"), registry, recognizer)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.tuples(SCRAPE, FRONT_MATTER), min_size=1, max_size=3))
def test_random_articles_through_the_whole_build(tmp_path, texts):
    root = tmp_path / "site"
    if root.exists():
        shutil.rmtree(root)
    copy_site(root)
    for index, (body, front) in enumerate(texts):
        text = ("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" if front else "") + body
        (root / "content" / f"fuzz{index}.txt").write_text(text, encoding="utf-8")
    try:
        report = build(root, search=False)
    except DiparchiveError as exc:
        assert exc.problems
        return
    assert report.articles >= 9
