"""`make screenshots`: the bundled examples -> a served store -> a PNG of each page in docs/screenshots/.

Runs the real app on 127.0.0.1 and Debian's chromium through Playwright (apt-get install -y chromium).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def start(db: Path) -> tuple[str, object]:
    import uvicorn

    from communique.serve import ServeSettings, create_app

    server = uvicorn.Server(uvicorn.Config(create_app(ServeSettings(db=str(db))), host="127.0.0.1", port=0,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}", server


def pages(base: str) -> list[tuple[str, str]]:
    import httpx

    events = httpx.get(base + "/api/events", params={"limit": 500}).json()["events"]
    event = next(e for e in events if e["location"] and len(e["sources"]) > 1)
    ar_event = next(e for e in events if any(s["lang"] == "ar" for s in e["sources"]))
    actor = httpx.get(base + "/api/actors", params={"kind": "person"}).json()["actors"][0]
    ar_doc = ar_event["sources"][0]
    return [("events", "/"), ("events-search-ar", "/?lang=ar"), ("event", f"/events/{event['id']}"),
            ("actor", f"/actors/{actor['id']}"), ("network", "/network"), ("documents", "/documents"),
            ("document-ar", f"/documents/{ar_doc['document']}?event={ar_doc['event']}")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from communique import Settings
    from communique.run.local import extract_paths

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.duckdb"
        os.chdir(ROOT)          # sources read as examples/xx.txt, as a user types them
        extract_paths(["examples"], Settings(db=str(db)), quiet=True)
        base, server = start(db)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in pages(base):
                page.goto(base + path)
                if name == "network":
                    page.wait_for_selector("svg#network[data-ready=true]")
                page.screenshot(path=str(out / f"{name}.png"), full_page=name != "document-ar")
                print(f"wrote {out / (name + '.png')}")
            browser.close()
        server.should_exit = True  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
