"""Screenshots of the main pages for docs/screenshots/, from a site that is already running.

    make run     # in another terminal: the development server with the NSP data
    .venv/bin/python docs/screenshots.py http://127.0.0.1:8000 [OUT_DIR]

Starts no server of its own; it only needs the base URL. Uses Debian's Chromium at
/usr/bin/chromium (CHROMIUM=... for another one) through Playwright. Every picture is the
first screen of the page (1280×900, or 390×844 for the phone), or of the part a #fragment
leads to, not the whole page, so the files stay small.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SHOTS = [
    ("home", "/", DESKTOP),
    ("list", "/povolani/?kraj=praha&mzda_od=30000", DESKTOP),
    ("profile", "/povolani/103332/", DESKTOP),
    ("comparison", "/porovnani/?id=102742&id=103332", DESKTOP),
    ("wages", "/mzdy/?povolani=103332", DESKTOP),
    ("profile-phone", "/povolani/103332/", PHONE),
    ("wages-phone", "/povolani/103332/#mzdy", PHONE),
    ("comparison-phone", "/porovnani/?id=102742&id=103332#porovnani-tabulka", PHONE),
    ("competences-phone", "/povolani/103332/#kompetence", PHONE),
]


def main(base_url, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, path, viewport in SHOTS:
            # A #fragment scrolls the first screen there, at once (no smooth scrolling).
            context = browser.new_context(
                viewport=viewport, locale="cs-CZ", reduced_motion="reduce"
            )
            page = context.new_page()
            response = page.goto(base_url.rstrip("/") + path)
            if response is None or not response.ok:
                raise SystemExit(f"{path}: HTTP {response and response.status}")
            target = out_dir / f"{name}.png"
            page.screenshot(path=target)
            print(f"{target} ({target.stat().st_size // 1024} KiB)")
            context.close()
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    default = Path(__file__).resolve().parent / "screenshots"
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) == 3 else default)
