"""The benchmark corpus as a Hugo site: the same articles (as diparchive reads them), the same
two languages, leaders and events as taxonomies, paginated lists, feeds and sitemaps, with
templates of the same kind as diparchive's. Used only to time Hugo beside diparchive."""

from __future__ import annotations

import json
from pathlib import Path

from diparchive.plan.archive import Archive

CONFIG = """baseURL = "https://archive.example.org/"
defaultContentLanguage = "vi"
defaultContentLanguageInSubdir = true
disableKinds = []
paginate = 20
[related]
  includeNewer = true
  threshold = 1
  [[related.indices]]
    name = "events"
    weight = 2
  [[related.indices]]
    name = "leaders"
    weight = 1
[taxonomies]
  leader = "leaders"
  event = "events"
[languages.vi]
  languageName = "Tiếng Việt"
  contentDir = "content/vi"
  weight = 1
[languages.en]
  languageName = "English"
  contentDir = "content/en"
  weight = 2
"""

BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="/style.css"></head>
<body><header><a href="{{ "/" | relLangURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "leaders/" | relLangURL }}">leaders</a> <a href="{{ "events/" | relLangURL }}">events</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Title }}</footer></body></html>
"""

SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>{{ with .Params.outlet }} · {{ . }}{{ end }}</p>
<ul>{{ range .GetTerms "leaders" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "events" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}</article>
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
RELATED_SLOT
{{ end }}
"""
RELATED = """<section>{{ range first 5 (.Site.RegularPages.Related .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</section>"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date | time.Format ":date_long" }}</time><p>{{ .Summary | plainify | truncate 240 }}</p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
"""

TERMS = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"""


def export(
    archive: Archive,
    leader_names: dict[str, dict[str, str]],
    event_names: dict[str, dict[str, str]],
    out: Path,
    related: bool = True,
) -> None:
    """With `related`, article pages list five related articles, as diparchive's do (Hugo's
    .Related over the leader and event taxonomies); without, Hugo's fastest equivalent."""
    (out / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (out / "static").mkdir(exist_ok=True)
    (out / "hugo.toml").write_text(CONFIG + '\ntitle = "Diplomatic news archive"\n', encoding="utf-8")
    layouts = out / "layouts" / "_default"
    single = SINGLE.replace("RELATED_SLOT", RELATED if related else "")
    for name, text in (("baseof.html", BASEOF), ("single.html", single), ("list.html", LIST), ("terms.html", TERMS)):
        (layouts / name).write_text(text, encoding="utf-8")
    for lang in ("vi", "en"):
        (out / "content" / lang / "articles").mkdir(parents=True, exist_ok=True)
    for article in archive.articles:
        front = {
            "title": article.title,
            "translationKey": article.key,
            "slug": article.slug,
            "leaders": [leader_names[l][article.lang] for l in article.leaders],
            "events": [event_names[e][article.lang] for e in article.events],
        }
        if article.date:
            front["date"] = article.date.first_day.isoformat()
        if article.outlet:
            front["outlet"] = article.outlet
        body = "\n\n".join(("*" + b.text + "*") if b.kind.value == "caption" else b.text for b in article.body)
        path = out / "content" / article.lang / "articles" / f"{article.key}.md"
        path.write_text(json.dumps(front, ensure_ascii=False) + "\n\n" + body + "\n", encoding="utf-8")
