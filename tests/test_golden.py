"""The whole built sample site against a stored copy (tests/golden).

Any change to the output shows up here. When a change is intended, update the copy with:

    pytest tests/test_golden.py --update-golden

The search index is Pagefind's output, not ours, and is left out (the build runs --no-search);
so is the output marker, which records a digest of the inputs and of diparchive's own code.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from conftest import copy_site
from diparchive.build.pipeline import build
from diparchive.publish.output import MARKER

GOLDEN = Path(__file__).parent / "golden"


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MARKER
    }


def test_sample_site_matches_the_golden_copy(tmp_path, request):
    root = copy_site(tmp_path / "site")
    build(root, search=False)
    built = files(root / "public")
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(root / "public", GOLDEN, ignore=shutil.ignore_patterns(MARKER))
        pytest.skip("golden copy updated")
    golden = files(GOLDEN)
    assert sorted(built) == sorted(golden), "files added or removed: run pytest --update-golden if intended"
    changed = [name for name in built if built[name] != golden[name]]
    if changed:
        name = changed[0]
        diff = "\n".join(
            difflib.unified_diff(
                golden[name].decode("utf-8", "replace").splitlines(),
                built[name].decode("utf-8", "replace").splitlines(),
                f"golden/{name}",
                f"built/{name}",
                lineterm="",
                n=1,
            )
        )
        pytest.fail(
            f"{len(changed)} file(s) differ, first {name}:\n{diff[:3000]}\nRun pytest --update-golden if intended."
        )
