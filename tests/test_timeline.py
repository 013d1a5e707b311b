"""Timelines as pictures (plan/timeline.py, templates/_timeline.html): the chart's view from records
made here, then the charts of the built sample: their bytes, their XML, their text alternative,
a leader's offices against the registry, and how they fit a 390 px screen in Chromium."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import PROJECT, copy_site
from diparchive.build.pipeline import build
from diparchive.plan.i18n import load_catalogs, month_title
from diparchive.plan.timeline import Office, _num, chart
from diparchive.records import PubDate
from test_plan import ARTICLES, article, inputs, page, plan  # noqa: F401 (inputs: a fixture)
from test_quality import WCAG_21_AA

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r'<figure class="timeline">.*?</figure>', re.S)
CHART_PAGES = {
    "vi": [
        "/vi/",
        "/vi/lanh-dao/to-lam/",
        "/vi/lanh-dao/bui-thanh-son/",
        "/vi/su-kien/unga-79/",
        "/vi/chuoi-su-kien/unga/",
    ],
    "en": [
        "/en/",
        "/en/leaders/to-lam/",
        "/en/leaders/bui-thanh-son/",
        "/en/events/unga-79/",
        "/en/event-series/unga/",
    ],
}


@pytest.fixture(scope="module")
def ui():
    return load_catalogs(PROJECT / "templates", PROJECT)


# --- the view, from records made here


def test_rough_dates_count_in_their_first_month_and_undated_ones_are_left_out(ui):
    articles = [
        article("a", date=PubDate(2023, 3, 5)),
        article("b", date=PubDate(2023, 3)),
        article("c", date=PubDate(2023)),  # a year only: January, marked
        article("d", date=PubDate(2023, 12, 19, until=(2024, 1))),  # an EDTF interval: its start, marked
        article("e"),
    ]
    view = chart(articles, "en", ui["en"])
    assert view is not None
    assert [(_spaced(r["month"]), r["count"], r["rough"]) for r in view["rows"]] == [
        ("December 2023", 1, True),
        ("March 2023", 2, False),
        ("January 2023", 1, True),
    ]
    assert len(view["bars"]) == 3 and view["dated"] == 4
    assert [b["rough"] for b in view["bars"]] == [True, False, True]  # January, March, December
    assert _spaced(view["undated_note"]) == "Not in the chart: 1 article without a date."
    assert _spaced(view["desc"]).endswith("Not in the chart: 1 article without a date.")
    assert "2 articles dated only to a year" in _spaced(view["rough_note"])
    assert _spaced(view["bars"][1]["label"]) == "March 2023: 2 articles"
    assert "(≈ 1 dated only roughly)" in view["bars"][0]["label"]
    assert [t["label"] for t in view["ticks"]] == [2023]  # the axis runs over whole years


def _spaced(text: str) -> str:
    """Dates and counts are held together by no-break spaces; compared here as words."""
    return text.replace("\u00a0", " ")


def test_month_labels_and_counts_come_from_each_catalog(ui):
    articles = [article("a", date=PubDate(2024, 9, 19)), article("b", date=PubDate(2024, 9, 20))]
    vi = chart(articles, "vi", ui["vi"])
    assert vi is not None
    assert _spaced(vi["bars"][0]["label"]) == "tháng 9 năm 2024: 2 bài viết"
    assert vi["title"] == ui["vi"]["timeline_title"] and _spaced(vi["desc"]).startswith(
        "2 bài viết, từ tháng 9 năm 2024"
    )


def test_no_chart_below_two_dated_articles(ui):
    assert chart([article("a", date=PubDate(2024, 9, 19)), article("b")], "en", ui["en"]) is None
    assert chart([], "en", ui["en"]) is None


def test_offices_run_on_the_same_axis_and_one_still_held_runs_to_its_end(ui):
    articles = [article("a", date=PubDate(2020, 1, 2)), article("b", date=PubDate(2021, 12, 2))]
    offices = [
        Office("Old", "", PubDate(2001), PubDate(2005)),  # wholly before the axis: not drawn
        Office("Minister", "2019 – 2020-06", PubDate(2019, 3), PubDate(2020, 6, 30)),
        Office("President", "since 2021-07", PubDate(2021, 7, 1), None),
    ]
    view = chart(articles, "en", ui["en"], offices)
    assert view is not None
    drawn = {o["label"]: o for o in view["offices"]}
    assert list(drawn) == ["Minister", "President"]
    left, right = float(view["plot"]["left"]), float(view["plot"]["right"])
    month = (right - left) / 24
    minister, president = drawn["Minister"], drawn["President"]
    assert float(minister["x"]) == left  # started before the axis: clipped to its start
    assert float(minister["width"]) == pytest.approx(6 * month, abs=0.2)
    assert float(president["x"]) == pytest.approx(left + 18 * month, abs=0.2)
    assert float(president["x"]) + float(president["width"]) == pytest.approx(right, abs=0.1)
    # Cut by the axis: an arrowhead at that end, and the tooltip and the description say so.
    assert minister["tooltip"] == "Minister: 2019 – 2020-06 (began before 2020)"
    tip = minister["before"].split()[1].split(",")
    assert minister["before"].startswith(f"{minister['x']},{minister['y']} ") and float(tip[0]) < left
    assert minister["after"] == "" and president["before"] == "" and president["after"]
    assert president["tooltip"] == "President: since 2021-07 (continues after 2021)"
    assert "Offices held: Minister (began before 2020), President (continues after 2021)." in view["desc"]


def test_ticks_stay_few_over_decades_and_coordinates_are_written_by_hand(ui):
    articles = [article(str(y), date=PubDate(y, 6, 1)) for y in range(1990, 2025)]
    view = chart(articles, "en", ui["en"])
    assert view is not None
    assert len(view["ticks"]) <= 8 and [t["label"] for t in view["ticks"]][:2] == [1990, 1995]
    assert view == chart(articles, "en", ui["en"])
    numbers = [b[k] for b in view["bars"] for k in ("x", "y", "width", "height")]
    assert all(re.fullmatch(r"\d+(\.\d)?", n) for n in numbers)
    assert [_num(v) for v in (0, 5, 10, 125, -15)] == ["0", "0.5", "1", "12.5", "-1.5"]


def test_a_listing_shows_its_whole_chart_on_its_first_page_only(inputs):  # noqa: F811 (the fixture of test_plan)
    planned = plan(inputs, ARTICLES)
    first, second = page(planned, "vi/lanh-dao/to-lam/"), page(planned, "vi/lanh-dao/to-lam/trang/2/")
    assert [(_spaced(r["month"]), r["count"]) for r in first.context["timeline"]["rows"]] == [
        ("tháng 4 năm 2024", 1),
        ("tháng 2 năm 2024", 1),
        ("tháng 1 năm 2024", 1),
    ]  # all three of the leader's articles, though the page lists two
    assert [o["label"] for o in first.context["timeline"]["offices"]] == [
        "Bộ trưởng Công an",
        "Chủ tịch nước",
        "Tổng Bí thư",
    ]
    assert second.context["timeline"] is None
    assert page(planned, "vi/su-kien/unga-79/").context["timeline"] is not None
    home = page(planned, "vi/").context["timeline"]
    assert sum(r["count"] for r in home["rows"]) == 4 and "1 bài viết không rõ ngày" in _spaced(home["undated_note"])


# --- the built sample


def figure(page: Path) -> str | None:
    found = FIGURE.search(page.read_text(encoding="utf-8"))
    return found.group(0) if found else None


def svg_of(page: Path) -> ET.Element:
    text = figure(page)
    assert text is not None, page
    return ET.fromstring(re.search(r"<svg .*?</svg>", text, re.S).group(0))


def table_rows(page: Path) -> list[tuple[str, int]]:
    text = figure(page) or ""
    return [(m.strip(" ≈"), int(c)) for m, c in re.findall(r'<th scope="row">(.*?)</th><td>(\d+)</td>', text)]


def page_count(page: Path) -> int:
    """The article count the page states: the heading's count, or the home page's years."""
    html = page.read_text(encoding="utf-8")
    if 'class="years"' in html:
        years = re.search(r'<ul class="years">(.*?)</ul>', html, re.S).group(1)
        return sum(int(n) for n in re.findall(r'<span class="count">(\d+)</span>', years))
    return int(re.search(r'<h2>[^<]*<span class="count">(\d+)', html).group(1))


def test_chart_bytes_are_the_same_in_two_builds(tmp_path):
    charts = []
    for n in (1, 2):
        root = copy_site(tmp_path / f"site{n}")
        build(root, search=False, use_cache=False)
        charts.append({p.relative_to(root / "public").as_posix(): figure(p) for p in (root / "public").rglob("*.html")})
    assert charts[0] == charts[1]
    assert sum(1 for f in charts[0].values() if f) >= len(CHART_PAGES["vi"]) * 2


@pytest.mark.parametrize("path", CHART_PAGES["vi"] + CHART_PAGES["en"])
def test_each_chart_is_xml_with_its_alternative_and_counts_of_the_page(built, path):
    page = built / path.strip("/") / "index.html"
    svg = svg_of(page)
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    assert [svg.find(f"{SVG}title").get("id"), svg.find(f"{SVG}desc").get("id")] == ids
    assert svg.find(f"{SVG}desc").text
    bars = svg.findall(f"{SVG}rect[@class]")
    bars = [b for b in bars if b.get("class").startswith("bar")]
    rows = table_rows(page)
    assert len(bars) == len(rows) >= 1  # one bar per month with articles
    assert {b.find(f"{SVG}title").text.split(":")[0] for b in bars} == {m for m, _ in rows}
    if "/event-series/" not in path and "/chuoi-su-kien/" not in path:  # a series page lists sessions, not articles
        undated = re.search(
            r"(\d+) (?:articles?|bài viết) (?:without a date|không rõ ngày)", _spaced(figure(page) or "")
        )
        assert sum(c for _, c in rows) + (int(undated.group(1)) if undated else 0) == page_count(page)


def test_a_page_with_one_dated_article_has_no_chart(built):
    assert figure(built / "en" / "leaders" / "joe-biden" / "index.html") is None
    assert not (built / "en" / "leaders" / "anthony-albanese").exists()  # no article, no page, no chart


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_leaders_office_bars_are_the_registry_roles_on_the_axis(built, registry, lang):
    ui = load_catalogs(PROJECT / "templates", PROJECT)[lang]
    folder = "lanh-dao" if lang == "vi" else "leaders"
    for leader_id in ("to-lam", "bui-thanh-son"):
        svg = svg_of(built / lang / folder / leader_id / "index.html")
        ticks = [int(t.text) for t in svg.iter(f"{SVG}text") if t.get("class") == "tick"]
        first, last = ticks[0], ticks[-1]
        expected = [
            registry.titles[r.title].name.get(lang)
            for r in sorted(registry.leaders[leader_id].roles, key=lambda r: r.start.first_day)
            if (r.end is None or r.end.year >= first) and r.start.year <= last
        ]
        labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "office-label"]
        offices = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "office"]
        assert labels == expected and len(offices) == len(expected) >= 1, leader_id
        for label, rect in zip(labels, offices, strict=True):
            assert rect.find(f"{SVG}title").text.startswith(label)
        desc = svg.find(f"{SVG}desc").text
        assert all(label in desc for label in labels)
        assert month_title(2024, 9, lang) in desc and ui["timeline_title"] == svg.find(f"{SVG}title").text


# --- in Chromium


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_charts_fit_a_390_px_screen_and_axe_finds_nothing(browser, origin, lang):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    failures = []
    for path in CHART_PAGES[lang]:
        tab.goto(origin + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390, path
        box = tab.locator(".timeline-chart").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, path
        assert 0 < box["height"] < box["width"], path
        smallest = tab.evaluate(
            "Math.min(...[...document.querySelectorAll('.timeline-chart text')]"
            ".map(t => t.getBoundingClientRect().height))"
        )
        assert smallest >= 8, (path, smallest)  # labels stay legible when the chart is scaled down
        tab.locator(".timeline-data summary").click()
        assert tab.locator(".timeline-data table").is_visible()
        result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        failures += [f"{path}: {v['id']} {v['help']}" for v in result.response["violations"]]
    context.close()
    assert failures == []


@pytest.mark.browser
def test_chart_text_keeps_a_readable_size_on_a_wide_page_and_cut_offices_are_marked(browser, origin):
    """At 1280 px the chart is not scaled up past its viewBox: text stays about 15 px (not ~24),
    and an office begun before the axis ends in an arrowhead the description explains."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    for path in ("/en/leaders/to-lam/", "/vi/lanh-dao/bui-thanh-son/", "/en/event-series/unga/", "/vi/"):
        tab.goto(origin + path)
        sizes = tab.evaluate(
            "[...document.querySelectorAll('.timeline-chart text')]"
            ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
        )
        assert sizes and max(sizes) <= 17 and min(sizes) >= 10, (path, sizes)  # 15 px in a 30rem chart
    tab.goto(origin + "/en/leaders/to-lam/")
    assert tab.locator(".timeline-chart polygon.office-cut").count() >= 1
    desc = tab.locator(".timeline-chart desc").text_content()
    assert "Minister of Public Security (began before 2024)" in desc
    context.close()
