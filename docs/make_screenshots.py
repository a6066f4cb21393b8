"""Screenshots of every page for the README: ``python docs/make_screenshots.py``.

Digests the example corpus into a temporary database, serves it on 127.0.0.1, and saves
PNGs of the stories list, a story, an article, a comparison and the HTML report into
``docs/screenshots/``. Needs Chromium at /usr/bin/chromium (``apt-get install -y chromium``)
and the ``test`` extra (playwright, uvicorn).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import sync_playwright

from storyline.web import create_app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def digest(db: Path, report: Path) -> None:
    """Run the real CLI on the example corpus: the database and the HTML report."""
    run = [sys.executable, "-c", "from storyline.cli import main; main()"]
    corpus = str(ROOT / "examples" / "news")
    subprocess.run(
        [*run, "digest", corpus, "--db", str(db), "--quiet", "--format", "html", "-o", str(report)],
        check=True,
    )


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def get(url: str) -> Any:
    with urllib.request.urlopen(url) as response:
        return json.load(response)


def pages(base: str) -> dict[str, str]:
    """The page of each kind to show: the first story, its richest relation."""
    story = get(base + "/api/stories")["stories"][0]
    detail = get(base + "/api" + story["href"])
    best = max(detail["relations"], key=lambda r: (len(r["passages"]), r["a"], r["b"]))
    copy = best["b"] if best["original"] == best["a"] else best["a"]
    query = urllib.parse.urlencode({"a": best["a"], "b": best["b"]})
    return {
        "stories": "/",
        "story": story["href"],
        "article": "/articles/" + urllib.parse.quote(copy, safe=""),
        "compare": "/compare?" + query,
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db, report = Path(tmp) / "example.db", Path(tmp) / "report.html"
        digest(db, report)
        server, base = serve(db)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            for name, path in pages(base).items():
                page.goto(base + path)
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
                print(f"docs/screenshots/{name}.png  {path}")
            page.goto(report.as_uri())
            page.screenshot(path=str(OUT / "report.png"))
            print("docs/screenshots/report.png  (first screen of the HTML report)")
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(base + pages(base)["story"])
            phone.screenshot(path=str(OUT / "story-phone.png"))
            print("docs/screenshots/story-phone.png  (phone width)")
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
