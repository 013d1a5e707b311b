"""Shared fixtures: the sample site copied into tmp_path, and one built copy per session."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from diparchive.build.pipeline import build
from diparchive.read.recognizer import build_recognizer
from diparchive.read.registry import load_registry

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = sorted((PROJECT / "content").glob("0*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden from the current build")


def copy_site(target: Path) -> Path:
    """A fresh copy of the sample site (config, content, templates) at `target`."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "site.yaml", target / "site.yaml")
    shutil.copytree(PROJECT / "content", target / "content")
    shutil.copytree(PROJECT / "templates", target / "templates")
    return target


def as_scraped(site: Path) -> Path:
    """The copied sample without what its editor settled: the seeds' front matter gone (002 has
    no headline and an interval date again, 004 an inferred date) and 002 untranslated."""
    for seed in (site / "content").glob("0*.txt"):
        text = seed.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            seed.write_text(text.split("\n---\n", 1)[1], encoding="utf-8")
    (site / "content" / "en" / "a-busy-year-of-diplomacy.md").unlink()
    return site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once with its search index."""
    root = copy_site(tmp_path_factory.mktemp("built") / "site")
    build(root)
    return root / "public"


@pytest.fixture(scope="session")
def scraped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample as scraped (see as_scraped), built once with its search index: an untranslated
    story, a supplied title and an interval date, as they show on the site."""
    root = as_scraped(copy_site(tmp_path_factory.mktemp("scraped") / "site"))
    build(root)
    return root / "public"


@pytest.fixture(scope="session")
def registry():
    return load_registry(PROJECT / "content" / "registry", PROJECT)


@pytest.fixture(scope="session")
def recognizer(registry):
    return build_recognizer(registry)


@pytest.fixture(scope="session")
def reader(registry, recognizer):
    """What reads a scrape: the sample's registry, its recognizer and the shipped model."""
    from diparchive.read.segment import Segmenter

    return registry, recognizer, Segmenter.open()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


# The built site in a real headless Chromium (Debian's /usr/bin/chromium), served on 127.0.0.1.
# Skipped locally when Chromium is missing; in CI (CI=true) a missing browser fails instead.

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if in_ci():
            pytest.fail("CI needs /usr/bin/chromium for the browser tests (apt-get install chromium)")
        pytest.skip("no /usr/bin/chromium here: apt-get install chromium to run the browser tests")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def origin(built):
    server, url = serve(built)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
