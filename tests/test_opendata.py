"""The open data files of the built sample: valid against their published schemas, every article
once, the CSV the same records as the JSONL, described on the Data page, and rebuilt exactly
when what they hold changes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator

from diparchive.build.pipeline import build
from diparchive.errors import DiparchiveError

BASE = "https://archive.example.org/"  # the sample's base_url


def records(built: Path) -> list[dict]:
    lines = (built / "data" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def schema(built: Path, name: str) -> dict:
    found = json.loads((built / "data" / "schema" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(found)
    assert found["$id"] == f"{BASE}data/schema/{name}"  # published where it says it is
    return found


def file_of(url: str, built: Path) -> Path:
    return built / urlsplit(url).path.lstrip("/") / "index.html"


def test_the_data_files_are_valid_against_their_schemas(built):
    articles = Draft202012Validator(schema(built, "articles-v1.json"))
    for record in records(built):
        articles.validate(record)
    for name in ("leaders", "events"):
        data = json.loads((built / "data" / f"{name}.json").read_text(encoding="utf-8"))
        assert data["$schema"] == f"{BASE}data/schema/{name}-v1.json"
        Draft202012Validator(schema(built, f"{name}-v1.json")).validate(data)
        assert data[name]
    # Every field is documented in its schema.
    props = schema(built, "articles-v1.json")["properties"]
    assert all(spec["description"] for spec in props.values())


def test_every_article_appears_once_and_its_urls_are_pages_of_the_site(built):
    found = records(built)
    pages = sorted(
        p.relative_to(built).as_posix()
        for folder in ("vi/bai-viet", "en/articles")
        for p in (built / folder).glob("*/index.html")
    )
    assert sorted(file_of(r["url"], built).relative_to(built).as_posix() for r in found) == pages
    assert len({(r["key"], r["lang"]) for r in found}) == len(found) == 10
    for r in found:
        assert r["urls"][r["lang"]] == r["url"]
        assert all(file_of(url, built).is_file() for url in r["urls"].values())
        assert "text" not in r  # site.yaml does not ask for the full text


def test_types_dates_and_tags_of_the_seeds(built):
    by = {(r["key"], r["lang"]): r for r in records(built)}
    assert by[("000_aedb57b13cd0445d", "vi")]["type"] == "interview"
    assert by[("000_aedb57b13cd0445d", "en")]["type"] == "interview"
    assert by[("002_d22a4b06eb00ea15", "vi")]["type"] == "interview"
    assert {by[(k, "vi")]["type"] for k in ("001_72010875ac9022ad", "003_2961b6aa5de9d877")} == {"news"}
    seed = by[("003_2961b6aa5de9d877", "vi")]
    assert (seed["date"], seed["date_precision"], seed["date_edtf"]) == ("2024-09-19", "day", "2024-09-19")
    assert "to-lam" in seed["leaders"] and "unga-79" in seed["events"]
    assert by[("002_d22a4b06eb00ea15", "vi")]["title_supplied"] is True  # its editor gave the title, marked as theirs
    leaders = json.loads((built / "data" / "leaders.json").read_text(encoding="utf-8"))["leaders"]
    to_lam = next(l for l in leaders if l["id"] == "to-lam")
    assert to_lam["articles"] == sum("to-lam" in r["leaders"] for r in records(built)) and to_lam["roles"]
    events = json.loads((built / "data" / "events.json").read_text(encoding="utf-8"))
    unga = next(s for s in events["series"] if s["id"] == "unga")
    assert "unga-79" in unga["events"]


def test_the_csv_parses_and_holds_the_jsonl_records(built):
    text = (built / "data" / "articles.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    jsonl = records(built)
    assert len(rows) == len(jsonl)

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(value).lower()
        return "; ".join(value) if isinstance(value, list) else str(value)

    for row, record in zip(rows, jsonl):
        urls = record.pop("urls")
        assert {k: row[k] for k in record} == {k: cell(v) for k, v in record.items()}
        assert {"url_vi": row["url_vi"], "url_en": row["url_en"]} == {
            "url_vi": urls.get("vi", ""),
            "url_en": urls.get("en", ""),
        }


@pytest.mark.parametrize(("lang", "path", "heading"), [("vi", "vi/du-lieu", "Dữ liệu"), ("en", "en/data", "Data")])
def test_the_data_page_describes_and_links_every_file(built, lang, path, heading):
    html = (built / path / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{heading}</h1>" in html
    for name in ("articles.jsonl", "articles.csv", "leaders.json", "events.json"):
        assert f'href="/data/{name}"' in html and (built / "data" / name).is_file()
    for name in ("articles-v1.json", "leaders-v1.json", "events-v1.json"):
        assert f'href="/data/schema/{name}"' in html
    assert '<code lang="en">date_edtf</code>' in html and '<code lang="en">roles</code>' in html
    home = (built / lang / "index.html").read_text(encoding="utf-8")
    assert f'<a href="/{path}/">{heading}</a>' in home  # the footer leads to it


def test_full_text_only_when_site_yaml_asks(site):
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "data_full_text: true\n", encoding="utf-8")
    build(site, search=False)
    found = records(site / "public")
    assert all(r["text"] for r in found)
    assert "text" in next(csv.reader(io.StringIO((site / "public" / "data" / "articles.csv").read_text("utf-8"))))
    Draft202012Validator(schema(site / "public", "articles-v1.json")).validate(found[0])
    config.write_text(config.read_text(encoding="utf-8").replace("true\n", "yes please\n"), encoding="utf-8")
    with pytest.raises(DiparchiveError, match="'data_full_text' must be true or false"):
        build(site, search=False)


def test_an_edit_changes_the_data_files_and_a_rebuild_without_one_leaves_them(site, tmp_path):
    build(site, search=False)
    data = site / "public" / "data"
    before = {p.name: p.read_bytes() for p in data.glob("*.*")}
    again = build(site, search=False)
    assert again.unchanged and {p.name: p.read_bytes() for p in data.glob("*.*")} == before

    seed = site / "content" / "003_2961b6aa5de9d877.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(
        text.replace("Việt Nam coi trọng hợp tác đa phương", "Việt Nam đề cao hợp tác đa phương", 1), "utf-8"
    )
    report = build(site, search=False)
    assert not report.unchanged and report.rendered < report.pages
    after = {p.name: p.read_bytes() for p in data.glob("*.*")}
    assert after["articles.jsonl"] != before["articles.jsonl"] and after["articles.csv"] != before["articles.csv"]
    assert "Việt Nam đề cao hợp tác đa phương" in after["articles.jsonl"].decode()
    assert after["leaders.json"] == before["leaders.json"]
    full = tmp_path / "full"
    build(site, full, search=False, use_cache=False)
    assert {p.name: p.read_bytes() for p in (full / "data").glob("*.*")} == after  # the same as a full build


@pytest.mark.parametrize("full_text", [False, True])
def test_the_data_pages_csv_table_lists_the_csv_header(site, full_text):
    """The CSV's table on the Data page names its columns, as its header row does (url_vi,
    url_en; text only with full text), not the JSON Lines fields."""
    if full_text:
        config = site / "site.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "data_full_text: true\n", encoding="utf-8")
    build(site, search=False)
    public = site / "public"
    header = next(csv.reader(io.StringIO((public / "data" / "articles.csv").read_text(encoding="utf-8"))))
    assert ("text" in header) is full_text and "urls" not in header
    for path in ("vi/du-lieu", "en/data"):
        html = (public / path / "index.html").read_text(encoding="utf-8")
        section = html.split('href="/data/articles.csv"', 1)[1].split("</section>", 1)[0]
        listed = [cell.split("</code>", 1)[0] for cell in section.split('<th scope="row"><code lang="en">')[1:]]
        assert listed == header, path
