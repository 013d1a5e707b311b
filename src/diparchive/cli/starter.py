"""`diparchive init [DIR]`: a new archive from the package's own data (`diparchive/starter/`: an
empty registry with one example of each kind and an example article in each language; the
templates), with a site.yaml listing every setting, written from their one declaration."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import MISSING
from pathlib import Path
from typing import TextIO

from ..config import CONFIG_FILE, DEFAULTS, SETTINGS
from ..errors import fail

STARTER = Path(__file__).resolve().parent.parent / "starter"
# The wheel holds the templates in the starter (pyproject's force-include); a source tree, at its root.
_TEMPLATES = (STARTER / "templates", STARTER.parent.parent.parent / "templates")
_REQUIRED = {
    "title": "title:\n  vi: Lưu trữ Tin Ngoại giao\n  en: Diplomatic News Archive\n",
    "base_url": "base_url: https://archive.example.org/\n",
}


def site_yaml() -> str:
    """site.yaml with the required settings given and every other one commented, at its default."""
    parts = ["# diparchive site configuration: every setting, with what it means. Uncomment one to change it.\n"]
    for name, spec in SETTINGS.items():
        parts.append("\n" + textwrap.fill(spec.doc, 100, initial_indent="# ", subsequent_indent="# ") + "\n")
        default = DEFAULTS[name]
        if default is MISSING:
            parts.append(_REQUIRED[name])
        elif default is None:
            parts.append(f"# {name}:\n#   vi: …\n#   en: …\n")
        else:
            parts.append(f"# {name}: {default}\n")
    return "".join(parts)


def templates() -> Path:
    found = next((folder for folder in _TEMPLATES if (folder / "base.html").is_file()), None)
    if found is None:
        raise fail(STARTER, None, "this installation of diparchive has no templates to start a site from")
    return found


def init_site(target: Path, out: TextIO) -> int:
    """Write a new archive into `target` (made if missing); refuse to write over a site."""
    for taken in (CONFIG_FILE, "content", "templates"):
        if (target / taken).exists():
            raise fail(target / taken, None, "already exists: init writes only into a new or empty folder")
    source = templates()
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(STARTER / "content", target / "content")
    shutil.copytree(source, target / "templates", ignore=shutil.ignore_patterns("__pycache__"))
    (target / CONFIG_FILE).write_text(site_yaml(), encoding="utf-8")
    print(f"A new archive in {target}: site.yaml, content/ (an example in each language), templates/", file=out)
    print(f"Next: cd {target} && diparchive serve   (or diparchive build --strict)", file=out)
    return 0
