"""`diparchive serve`: build, serve the output on 127.0.0.1, rebuild on every change to the
sources, and reload open pages. Only the preview gets the reload script; the built files are
exactly what `diparchive build` writes."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

import watchfiles

from ..errors import DiparchiveError

STATUS_PATH = "/__diparchive/status"
SCRIPT_PATH = "/__diparchive/reload.js"
# Polls the server; reloads when a build finished, shows the build error over the page if one failed.
RELOAD_SCRIPT = b"""(function () {
  var seen = null, box = null;
  function show(message) {
    if (!box) {
      box = document.createElement("pre");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#7a0000;color:#fff;font:14px/1.4 monospace;z-index:99999;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "diparchive: the last build failed; this page is from the build before.\\n\\n" + message;
  }
  var badge = null;
  function count(n) {  /* the last build's warnings, in the corner: the quieter sibling of the error box */
    if (!n) { if (badge) { badge.remove(); badge = null; } return; }
    if (!badge) {
      badge = document.createElement("div");
      badge.setAttribute("role", "status");
      badge.className = "diparchive-warnings";
      badge.style.cssText = "position:fixed;right:.5rem;bottom:.5rem;padding:.2rem .5rem;border-radius:4px;background:#8a5a00;color:#fff;font:12px/1.4 monospace;z-index:99998";
      document.body.appendChild(badge);
    }
    badge.textContent = "diparchive: " + n + " warning(s), listed where serve runs";
  }
  function poll() {
    fetch("/__diparchive/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { location.reload(); return; }
      seen = s.version;
      if (s.error) show(s.error); else if (box) { box.remove(); box = null; }
      count(s.warnings);
    }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
  }
  poll();
})();
"""


@dataclass
class PreviewState:
    """What the server tells open pages: how many builds have finished, the last error, and the
    last good build's warnings."""

    version: int = 0
    error: str | None = None
    warnings: int = 0  # of the last good build
    lock: threading.Lock = field(default_factory=threading.Lock)

    def finished(self, error: str | None, warnings: int = 0) -> None:
        with self.lock:
            self.error = error
            if error is None:
                self.version += 1
                self.warnings = warnings

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "error": self.error, "warnings": self.warnings}).encode()


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder under the site's base path, with the reload script in pages."""

    def __init__(self, *args: Any, state: PreviewState, base_path: str, **kwargs: Any) -> None:
        self.state = state
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == STATUS_PATH:
            return self._send(200, "application/json", self.state.as_json())
        if path == SCRIPT_PATH:
            return self._send(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT)
        if not path.startswith(self.base_path):
            self.send_response(302)
            self.send_header("Location", self.base_path)
            self.end_headers()
            return None
        relative = unquote(path[len(self.base_path) :])
        if "\0" in relative:
            return self._send(400, "text/plain; charset=utf-8", b"bad request")
        root = Path(self.directory).resolve()
        target = Path(self.directory) / relative
        # Nothing outside the output is looked at: not even whether a folder exists there.
        if ".." in relative.split("/") or not target.resolve().is_relative_to(root):
            return self._send(404, "text/plain; charset=utf-8", b"not found")
        if target.is_dir() and not path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.end_headers()
            return None
        if target.is_dir():
            target = target / "index.html"
        resolved = target.resolve()
        if not resolved.is_relative_to(root) or not resolved.is_file():
            page = root / relative.split("/", 1)[0] / "404.html"
            body = page if page.is_file() else root / "404.html"
            return self._send(
                404, "text/html; charset=utf-8", self._inject(body.read_bytes()) if body.is_file() else b"not found"
            )
        if resolved.suffix == ".html":
            return self._send(200, "text/html; charset=utf-8", self._inject(resolved.read_bytes()))
        return self._send(200, self.guess_type(str(resolved)), resolved.read_bytes())

    def _inject(self, html: bytes) -> bytes:
        tag = f'<script src="{SCRIPT_PATH}"></script>'.encode()
        return html.replace(b"</body>", tag + b"</body>", 1) if b"</body>" in html else html + tag

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class EditorFilter(watchfiles.DefaultFilter):
    """watchfiles' default filter (Vim's .swp, backups ending in ~, Emacs' .#locks), and also
    sed -i's sedXXXXXX, Vim's 4913 probe and Emacs' #autosave#: editors' temporary files."""

    ignore_entity_patterns = (
        *watchfiles.DefaultFilter.ignore_entity_patterns,
        r"^sed[A-Za-z0-9]{6}$",
        r"^4913$",
        r"\.sw[a-p]x?$",
        r"^#.*#$",
    )


def start_server(
    output: Path, base_path: str, port: int, state: PreviewState, bind: str = "127.0.0.1"
) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(PreviewHandler, state=state, base_path=base_path, directory=str(output))
    server = http.server.ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(
    root: Path,
    port: int,
    rebuild: Callable[[], object],
    watched: list[Path],
    output: Path,
    base_path: str,
    log: TextIO,
    stop: threading.Event | None = None,
    bind: str = "127.0.0.1",
    open_browser: bool = False,
) -> None:
    """Build once, serve on `bind`, and rebuild whenever a watched path changes (editors'
    temporary files aside), until interrupted; `open_browser` opens the site once it is served."""
    import watchfiles

    state = PreviewState()

    def build_now() -> None:
        try:
            result = rebuild()
        except DiparchiveError as exc:
            print(f"error: {exc}", file=log, flush=True)
            state.finished(str(exc))
        except Exception as exc:  # any other failure of a rebuild: say so, keep serving the last good site
            message = f"the build failed unexpectedly: {type(exc).__name__}: {exc}"
            print(f"error: {message}", file=log, flush=True)
            state.finished(message)
        else:  # a rebuild may tell how many warnings it printed
            state.finished(None, result if isinstance(result, int) else 0)

    build_now()
    try:
        server = start_server(output, base_path, port, state, bind)
    except OSError as exc:
        raise DiparchiveError(
            [], heading=f"cannot serve on {bind}:{port} ({exc.strerror}); choose another --port or --bind"
        ) from None
    host = f"[{bind}]" if ":" in bind else bind
    url = f"http://{'127.0.0.1' if bind in ('0.0.0.0', '::') else host}:{server.server_address[1]}{base_path}"
    print(
        f"Serving {output} at {url}"
        + (f" (on every address of this machine: {bind})" if bind in ("0.0.0.0", "::") else "")
        + " — rebuilding on changes to "
        + ", ".join(str(p.relative_to(root) if p.is_relative_to(root) else p) for p in watched)
        + "; Ctrl-C stops",
        file=log,
        flush=True,
    )
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        for changes in watchfiles.watch(
            *watched, watch_filter=EditorFilter(), stop_event=stop, debounce=200, raise_interrupt=False
        ):
            names = sorted({Path(p).name for _, p in changes})
            print(f"changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}; rebuilding", file=log, flush=True)
            build_now()
    finally:
        server.shutdown()
        server.server_close()
