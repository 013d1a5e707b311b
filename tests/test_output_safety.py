"""The output folder is always one whole build: killed builds, concurrent builds, a broken cache
folder, a failing or hung Pagefind, a closed pipe; and `serve` answers only from the output."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import diparchive.publish.search
from diparchive.build.cache import CACHE_DIR
from diparchive.build.pipeline import build
from diparchive.cli.serve import PreviewState, serve, start_server
from diparchive.publish.output import output_lock
from test_bad_input import fails_cleanly, run, snapshot

PROJECT = Path(__file__).resolve().parent.parent


def digest(folder: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(f"{path.relative_to(folder)}\0".encode() + hashlib.blake2b(path.read_bytes()).digest())
    return h.hexdigest()


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".") and p.name != CACHE_DIR)


@pytest.fixture
def built_site(site: Path) -> Path:
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    return site


# killed builds -------------------------------------------------------------------------------


def test_leftovers_of_killed_builds_are_swept_and_nothing_else(built_site):
    site = built_site
    ours = [".public.staging-abcd1234", ".public.previous-x_9z0000", ".diparchive-index-0000aaaa"]
    others = [".public.staging-mine", ".other.staging-abcd1234", ".public.staging-abcd12345"]
    for name in ours + others:
        (site / name / "vi").mkdir(parents=True)
        (site / name / "vi" / "index.html").write_text("half", encoding="utf-8")
    (site / ".public.staging-zzzzzzzz").symlink_to(site / "content")  # a link is never followed
    code, out, err = run("build", "--root", str(site), "--no-search")
    assert code == 0, err
    assert leftovers(site) == sorted([*others, ".public.staging-zzzzzzzz"])
    assert (site / "content" / "registry").is_dir()


def test_a_kill_between_the_two_renames_is_repaired_by_the_next_build(built_site):
    site = built_site
    before = snapshot(site / "public")
    (site / "public").rename(site / ".public.previous-abcd1234")  # the fallback swap, cut in between
    code, out, err = run("build", "--root", str(site), "--no-search")
    assert code == 0, err
    assert out.startswith("Nothing changed")
    assert snapshot(site / "public") == before and leftovers(site) == []


@pytest.mark.parametrize("search", [False, True])
def test_a_build_killed_at_random_moments_leaves_the_old_or_the_new_output(site, search):
    """SIGKILL at a few random moments of full and incremental builds: public/ is always exactly
    one build, and the next build leaves no leftover folder."""
    flags = [] if search else ["--no-search"]
    command = [sys.executable, "-m", "diparchive", "build", "--root", str(site), "--quiet", *flags]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "src")}
    subprocess.run(command, check=True, env=environment, capture_output=True)
    rng = random.Random(17)
    article = site / "content" / "003_2961b6aa5de9d877.txt"
    text = article.read_text(encoding="utf-8")
    for attempt in range(4):
        old = digest(site / "public")
        if attempt % 2:  # a new article: a full build; otherwise an edit: an update
            (site / "content" / f"new{attempt}.md").write_text(
                f"---\ntitle: Bài mới {attempt}\ndate: 2025-01-0{attempt}\n---\nNội dung.\n", encoding="utf-8"
            )
        else:
            article.write_text(text.replace("hợp tác", f"hợp tác {attempt}", 1), encoding="utf-8")
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        process.kill()
        process.wait()
        assert digest(site / "public") in {old, _new_output(site, command, environment)}
        assert leftovers(site) == []


def _new_output(site: Path, command: list[str], environment: dict[str, str]) -> str:
    subprocess.run(command, check=True, env=environment, capture_output=True)
    return digest(site / "public")


# one build at a time -------------------------------------------------------------------------


def test_a_second_build_of_the_same_output_stops_with_a_message(built_site):
    with output_lock(built_site / "public"):
        fails_cleanly(
            built_site, "another diparchive build is writing this output folder now; try again when it has finished"
        )


def test_the_lock_of_a_killed_build_is_taken_over(built_site):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(fd, fcntl.LOCK_EX); print(1, flush=True); time.sleep(60)",
            str(built_site),
        ],
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdout.readline()
    fails_cleanly(built_site, "another diparchive build is writing this output folder now")
    holder.kill()
    holder.wait()
    assert run("build", "--root", str(built_site), "--no-search")[0] == 0


# the no-op shortcut --------------------------------------------------------------------------


def test_an_edit_that_keeps_size_and_mtime_is_built(built_site):
    article = built_site / "content" / "003_2961b6aa5de9d877.txt"
    stat = article.stat()
    text = article.read_text(encoding="utf-8")
    assert "hợp tác" in text
    article.write_text(text.replace("hợp tác", "hợp TÁC", 1), encoding="utf-8")  # same size in UTF-8
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # touch -r
    assert article.stat().st_size == stat.st_size
    code, out, err = run("build", "--root", str(built_site), "--no-search")
    assert code == 0 and not out.startswith("Nothing changed"), out
    assert any("hợp TÁC" in p.read_text(encoding="utf-8") for p in (built_site / "public").rglob("*.html"))


def test_an_output_file_edited_with_its_mtime_kept_is_not_reused(built_site):
    page = built_site / "public" / "vi" / "index.html"
    good, stat = page.read_bytes(), page.stat()
    page.write_bytes(good.replace(b"<title>", b"<title>X", 1)[: len(good)])
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    code, out, err = run("build", "--root", str(built_site), "--no-search")
    assert code == 0 and not out.startswith("Nothing changed"), out
    assert page.read_bytes() == good


# broken places to write ----------------------------------------------------------------------


def test_a_cache_folder_that_is_a_file_is_found_before_the_output_is_replaced(built_site):

    shutil.rmtree(built_site / CACHE_DIR)
    (built_site / CACHE_DIR).write_text("not a folder", encoding="utf-8")
    (built_site / "content" / "fresh.md").write_text("---\ntitle: Mới\ndate: 2025-01-02\n---\nA.\n", encoding="utf-8")
    fails_cleanly(
        built_site,
        f"{CACHE_DIR}: the build cache is not a folder; delete it (it is safe to), or build with --no-cache",
    )


@pytest.mark.parametrize(
    "block, expected",
    [
        ("records", "the build cache cannot be written (records is not a folder)"),  # EEXIST on mkdir, even for root
        ("cache.pickle", "the build cache cannot be written (cache.pickle is not a file)"),  # EISDIR on open
        ("last.pickle.new", "the build cache cannot be written (last.pickle.new is not a file)"),
        ("records/00.pickle", "the build cache cannot be written (records/00.pickle is not a file)"),
        (".write-test", "the build cache cannot be written (Is a directory)"),
    ],
)
def test_a_cache_folder_that_cannot_be_written_is_found_before_the_output_is_replaced(built_site, block, expected):
    """Each place the cache is written blocked by the wrong kind of file: root cannot write
    through that either (a read-only folder would prove nothing when the tests run as root)."""
    path = built_site / CACHE_DIR / block
    if path.is_dir():
        shutil.rmtree(path)
        path.write_text("not a folder", encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
        path.mkdir(parents=True)
    (built_site / "content" / "fresh.md").write_text("---\ntitle: Mới\ndate: 2025-01-02\n---\nA.\n", encoding="utf-8")
    fails_cleanly(built_site, f"{CACHE_DIR}: {expected}; delete it (it is safe to), or build with --no-cache")


def test_an_output_folder_that_cannot_be_made(built_site):
    (built_site / "blocked").write_text("a file", encoding="utf-8")
    code, _, err = run("build", "--root", str(built_site), "--no-search", "--output", str(built_site / "blocked/out"))
    assert code == 1 and "Traceback" not in err
    assert f"blocked/out: cannot write the output folder: {built_site / 'blocked'} is not a folder" in err


# Pagefind --------------------------------------------------------------------------------------


def test_pagefind_exiting_0_without_an_index(built_site, monkeypatch):
    monkeypatch.setattr(diparchive.publish.search, "PAGEFIND", (sys.executable, "-c", "pass"))
    fails_cleanly(built_site, "Pagefind reported success but wrote no index (pagefind/pagefind-entry.json)", args=())
    assert leftovers(built_site) == []


def test_a_hung_pagefind_is_stopped(built_site, monkeypatch, tmp_path):
    pid_file = tmp_path / "pid"
    hang = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(120)"
    monkeypatch.setattr(diparchive.publish.search, "PAGEFIND", (sys.executable, "-c", hang))
    monkeypatch.setattr(diparchive.publish.search, "PAGEFIND_TIMEOUT", 2.0)
    fails_cleanly(built_site, "Pagefind did not finish within 2 s and was stopped", args=())
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


def test_sigterm_stops_pagefind_with_the_build(built_site, tmp_path):
    pid_file = tmp_path / "pid"
    script = (
        "import sys, diparchive.publish.search as s; from diparchive.cli.main import main;"
        f"s.PAGEFIND = (sys.executable, '-c', \"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(120)\");"
        f"sys.exit(main(['build', '--root', {str(built_site)!r}]))"
    )
    before = snapshot(built_site / "public")
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(PROJECT / "src")},
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (pid_file.is_file() and pid_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "interrupted" in err and "Traceback" not in err
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)
    assert snapshot(built_site / "public") == before and leftovers(built_site) == []


def test_build_into_a_closed_pipe(built_site):
    (built_site / "content" / "fresh.md").write_text("---\ntitle: Mới\ndate: 2025-01-02\n---\nA.\n", encoding="utf-8")
    result = subprocess.run(
        f"{sys.executable} -m diparchive build --root {built_site} --no-search | true",
        shell=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT / "src")},
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr


# serve -----------------------------------------------------------------------------------------


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_answers_only_from_the_output(built_site):
    server = start_server(built_site / "public", "/", 0, PreviewState())
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        outside = [
            _get(url + path) for path in ("/..%2fcontent", "/..%2fnone", "/..%2fsite.yaml", "/vi/..%2f..%2fcontent/")
        ]
        assert outside == [(404, b"not found")] * 4  # the same answer whether the folder exists or not
        assert _get(url + "/vi%00/")[0] == 400
        assert _get(url + "/vi/")[0] == 200
        status, body = _get(url + "/static/" + next((built_site / "public" / "static").iterdir()).name)
        assert status == 200 and body
    finally:
        server.shutdown()
        server.server_close()


def test_serve_survives_any_error_in_a_rebuild(built_site):
    log, stop, calls = io.StringIO(), threading.Event(), []

    def rebuild() -> None:
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("disk on fire")
        build(built_site, search=False)

    watched = [built_site / "content"]
    thread = threading.Thread(
        target=serve, args=(built_site, 0, rebuild, watched, built_site / "public", "/", log, stop), daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 20
    while not (found := re.search(r"http://127\.0\.0\.1:\d+/", log.getvalue())) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert found
    url = found.group(0)
    try:
        (built_site / "content" / "fresh.md").write_text("x", encoding="utf-8")
        deadline = time.monotonic() + 20
        while not json.loads(_get(url + "__diparchive/status")[1])["error"] and time.monotonic() < deadline:
            time.sleep(0.1)
        error = json.loads(_get(url + "__diparchive/status")[1])["error"]
        assert error == "the build failed unexpectedly: RuntimeError: disk on fire"
        assert _get(url + "vi/")[0] == 200  # the last good site
        assert "Traceback" not in log.getvalue()
    finally:
        stop.set()
        thread.join(timeout=10)


def test_a_killed_build_leaves_no_worker_holding_the_lock(tmp_path):
    """With enough articles the build forks workers; killed with it, none lives on holding the
    output's lock (the next build would be refused)."""
    from test_incremental import _archive_of

    root = _archive_of(tmp_path, extra=120)
    command = [sys.executable, "-m", "diparchive", "build", "--root", str(root), "--quiet", "--no-search"]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "src")}
    for delay in (0.8, 1.6):
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        children: list[int] = []
        deadline = time.monotonic() + delay + 10
        while not children and time.monotonic() < deadline:  # wait for the workers
            time.sleep(0.05)
            children = [int(c) for c in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()]
        assert children, "the build forked no workers"
        process.kill()
        process.wait()
        time.sleep(0.5)
        assert [c for c in children if _alive(c)] == []
        result = subprocess.run(command, env=environment, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert leftovers(root) == []
        shutil.rmtree(root / CACHE_DIR)  # the next round builds in full again


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
