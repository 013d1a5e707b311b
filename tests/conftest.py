"""Shared fixtures: the sample site copied into tmp_path, and one built copy per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from diparchive.build import build
from diparchive.recognition import build_recognizer
from diparchive.registry import load_registry

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
def registry():
    return load_registry(PROJECT / "content" / "registry", PROJECT)


@pytest.fixture(scope="session")
def recognizer(registry):
    return build_recognizer(registry)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
