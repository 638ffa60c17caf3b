"""Screenshots of the README's tour: the home page, a club, a match, a Liguilla and a season at 1280 and 390 px.

Serves the release in OUT (default data/build) with the app's own test server on a free loopback port, drives
Debian's Chromium with Playwright, and writes small PNGs (the first screen of each page, 8-bit palette when Pillow
is at hand) to docs/screenshots/<name>-<width>.png::

    python scripts/screenshots.py [--out data/build]
"""

from __future__ import annotations

import argparse
import logging
import threading
from pathlib import Path

from werkzeug.serving import make_server

from ascenso_kg.loopback import free_port
from ascenso_kg.server.app import create_app

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PAGES = {  # name -> (path, the part of the page to scroll to first, if not its top)
    "home": ("/", None),
    "club": ("/resource/club/necaxa", None),
    "match": ("/resource/match/2013-05-11-necaxa-neza", None),
    "liguilla": ("/resource/tournament/clausura-2013/liguilla", "section.stage-view"),
    "season": ("/resource/season/2012-13", "section.season-view"),
}
SIZES = {1280: 800, 390: 844}  # width -> height of the first screen


def shrink(path: Path) -> None:
    """An 8-bit palette keeps a page's screenshot small; without Pillow the PNG stays as Chromium wrote it."""
    try:
        from PIL import Image
    except ImportError:
        return
    Image.open(path).convert("RGB").quantize(colors=64).save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "data" / "build"), help="the build output folder to serve")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per screenshot, not per request
    app = create_app({"OUT_DIR": args.out, "QUERY_WORKERS": 1})
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    SHOTS.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            for width, height in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              base_url=f"http://127.0.0.1:{port}", device_scale_factor=1)
                page = context.new_page()
                for name, (path, part) in PAGES.items():
                    page.goto(path)
                    if part:
                        page.locator(part).first.evaluate("element => element.scrollIntoView()")
                    target = SHOTS / f"{name}-{width}.png"
                    page.screenshot(path=str(target))
                    shrink(target)
                    print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KiB")
                context.close()
            browser.close()
    finally:
        server.shutdown()
        app.extensions["ascenso_kg.store"].close()


if __name__ == "__main__":
    main()
