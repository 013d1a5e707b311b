"""The client-side search index: the real Pagefind binary, run once over the whole site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .errors import fail


def index_site(site_dir: Path) -> str:
    """Run Pagefind over `site_dir`; return its summary line. Raises a user error on failure."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise fail(None, None, f"could not run Pagefind ({exc}); build with --no-search to skip the search index") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise fail(None, None, "Pagefind failed to index the site:\n  " + "\n  ".join(detail))
    stabilise_entry(site_dir / "pagefind" / "pagefind-entry.json")
    summary = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line or "Finished" in line]
    return "; ".join(summary)


def stabilise_entry(path: Path) -> None:
    """Pagefind lists the languages of its entry file in hash-map order, which changes from run
    to run (its other files are stable since 1.3). The order means nothing to pagefind.js, so
    sort it: the same input then gives the same bytes."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
