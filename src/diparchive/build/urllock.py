"""The URL lock on disk: `urls.lock` beside site.yaml, every URL each article was published at
(see plan/redirects). JSON with sorted keys, so it diffs and commits cleanly."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..errors import fail
from ..plan.redirects import Lock

LOCK_FILE = "urls.lock"


def read_lock(root: Path) -> dict[str, tuple[str, ...]]:
    path = root / LOCK_FILE
    if not path.is_file():
        return {}
    try:
        held = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise fail(
            Path(LOCK_FILE), getattr(exc, "lineno", 1), f"not a URL lock ({exc}); restore it from version control"
        ) from None
    if not isinstance(held, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) for p in v) for v in held.values()
    ):
        raise fail(
            Path(LOCK_FILE), 1, "not a URL lock (a mapping of article to its URLs); restore it from version control"
        )
    return {str(k): tuple(v) for k, v in held.items()}


def write_lock(root: Path, lock: Lock) -> None:
    """Write the lock when it changed (a build that publishes no new URL leaves the file alone)."""
    text = json.dumps({k: list(v) for k, v in lock.items()}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = root / LOCK_FILE
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        # Written beside it and renamed over it: a build killed while writing leaves the old lock, never half of one.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=root, prefix=f".{LOCK_FILE}.", delete=False) as f:
            f.write(text)
        os.chmod(f.name, 0o644)  # as a file written in place would be, not the temporary file's 0600
        os.replace(f.name, path)
