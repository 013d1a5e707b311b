"""The client-side search index: the real Pagefind binary, run once over the whole site, and
its output made stable so that the same site always gives the same index bytes."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import cbor2

from .errors import fail

# The real Pagefind binary, from the `pagefind[bin]` wheel, run with the Python that runs diparchive.
PAGEFIND = (sys.executable, "-m", "pagefind")
# Pagefind's binary files: gzip around a signature and a CBOR document.
_SIGNATURE = b"pagefind_dcd"


def index_site(site_dir: Path) -> str:
    """Run Pagefind over `site_dir`; return its summary line. Raises a user error on failure."""
    command = [*PAGEFIND, "--site", str(site_dir)]
    hint = "the previous output is unchanged; build with --no-search to skip the search index"
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise fail(None, None, f"could not run Pagefind ({exc}); {hint}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        if any("No module named" in line for line in detail):
            raise fail(None, None, f"Pagefind is not installed in this Python ({sys.executable}): pip install 'pagefind[bin]'; {hint}")
        raise fail(None, None, f"Pagefind failed to index the site ({hint}):\n  " + "\n  ".join(detail))
    stabilise_index(site_dir / "pagefind")
    summary = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line or "Finished" in line]
    return "; ".join(summary)


def read_index_file(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise fail(path, None, "not a Pagefind index file (unknown Pagefind version?)")
    return cbor2.loads(raw[len(_SIGNATURE):])


def _write(document: Any, lang: str, digits: int, path_of: Callable[[str], Path]) -> str:
    """Write `document` under a name made from its content, as Pagefind names its files."""
    raw = _SIGNATURE + cbor2.dumps(document)
    name = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    path_of(name).write_bytes(gzip.compress(raw, mtime=0))
    return name


def stabilise_index(pagefind_dir: Path) -> None:
    """Pagefind (1.5) writes its fragments and word index in a stable order, but the values in a
    filter file, the filter list in the meta file and the languages of the entry file come out of
    hash maps in an order that changes from run to run (Pagefind issue #638). None of these orders
    means anything to pagefind.js, so sort them and rename the rewritten files by their content:
    the same site then gives the same bytes."""
    entry_path = pagefind_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry["languages"].items()):
        meta_path = pagefind_dir / f"pagefind.{info['hash']}.pf_meta"
        version, pages, chunks, filters, sorts, meta_fields = read_index_file(meta_path)
        renamed = []
        for name, old_hash in sorted(filters, key=lambda f: f[0]):
            filter_path = pagefind_dir / "filter" / f"{old_hash}.pf_filter"
            key, values = read_index_file(filter_path)
            values = sorted(values)
            filter_path.unlink()
            renamed.append([name, _write([key, values], lang, 7, lambda n: pagefind_dir / "filter" / f"{n}.pf_filter")])
        meta_path.unlink()
        document = [version, pages, chunks, renamed, sorts, meta_fields]
        info["hash"] = _write(document, lang, 10, lambda n: pagefind_dir / f"pagefind.{n}.pf_meta")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
