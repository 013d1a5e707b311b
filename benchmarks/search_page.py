"""How long the search page takes to answer, and how much it fetches, on a built site.

    python benchmarks/corpus.py --articles 3000 --out /tmp/corpus
    (cd /tmp/corpus && python -m diparchive build)
    python benchmarks/search_page.py /tmp/corpus/public [--query "Tô Lâm" ...]

For each query: seconds from opening the page to the results shown (the index loaded first, as a
reader who opens a search link waits for it), the number of results, and the Pagefind files
fetched (fragments are the pages read to check whole words).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import quote

QUERIES = ["Tô Lâm", "to lam", "dai hoi dong", "doi ngoai", "Lâm", "hợp tác", "Việt Nam"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (its public folder)")
    parser.add_argument("--query", action="append", help="a query (repeatable; default: a few names and words)")
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    path = "/vi/tim-kiem/" if args.lang == "vi" else "/en/search/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            print(f"{'query':<16} {'seconds':>8} {'results':>8} {'fragments':>10} {'other files':>12}")
            for query in args.query or QUERIES:
                context = browser.new_context()
                tab = context.new_page()
                fetched: list[str] = []
                tab.on("request", lambda r, into=fetched: into.append(r.url))
                start = time.perf_counter()
                tab.goto(f"{origin}{path}?q={quote(query)}")
                tab.locator('#search-results[aria-busy="false"]').wait_for(state="attached", timeout=120_000)
                seconds = time.perf_counter() - start
                message = tab.locator("#search-message").inner_text()
                fragments = sum("/fragment/" in u for u in fetched)
                others = sum("/pagefind/" in u and "/fragment/" not in u for u in fetched)
                print(f"{query:<16} {seconds:>8.2f} {message.split()[0]:>8} {fragments:>10} {others:>12}")
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
