"""The web app in Debian's chromium through Playwright: every page, filters, Arabic and French search, an
event followed to its source sentence, the map, the network, right-to-left Arabic, markup shown as text."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium: apt-get install -y chromium "
                                "(.ci/run installs it)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.problems = problems
    yield page
    context.close()
    assert not problems, problems       # no script error, no CSP refusal, no alert() from a document


def api(web: str, path: str, **params) -> dict:
    return httpx.get(web + path, params=params, timeout=30).json()


def test_serve_browser_events_page_filters(web, page):
    page.goto(web + "/")
    total = int(page.text_content("#total"))
    assert total > 0 and page.locator("tr.event").count() == min(total, 50)
    assert page.locator("svg.chart rect").count() > 0           # the timeline
    page.select_option("select[name=type]", "visit")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**/?*type=visit*")
    visits = int(page.text_content("#total"))
    assert 0 < visits < total
    assert visits == api(web, "/api/events", type="visit")["total"]
    page.select_option("select[name=lang]", "ar")
    page.click("form#filters button[type=submit]")
    assert int(page.text_content("#total")) == api(web, "/api/events", type="visit", lang="ar")["total"]
    csv_link = page.get_attribute("a[href^='/api/events.csv']", "href")
    assert "type=visit" in csv_link and "lang=ar" in csv_link


def _search(page, web: str, words: str) -> list[str]:
    page.goto(web + "/")
    page.fill("input[name=q]", words)
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    return [a.get_attribute("href") for a in page.locator("a.event-link").all()]


def _evidence_word(web: str, lang: str, letter: str) -> tuple[str, str]:
    for ev in api(web, "/api/events", lang=lang, limit=500)["events"]:
        detail = api(web, f"/api/events/{ev['id']}")
        words = [w.strip(".,;:«»()\"") for e in detail["evidence"] if e["lang"] == lang for w in e["text"].split()]
        words = [w for w in words if len(w) > 5 and letter in w]
        if words:
            return ev["id"], max(words, key=len)
    raise AssertionError(f"no {lang} evidence")


def test_serve_browser_search_in_arabic(web, page):
    event_id, word = _evidence_word(web, "ar", "ا")
    assert page.goto(web + "/").ok
    assert page.get_attribute("input[name=q]", "dir") == "auto"
    hrefs = _search(page, web, word.replace("ا", "إ", 1))   # another alef: folded like the stored text
    assert f"/events/{event_id.replace(':', '%3A')}" in hrefs


def test_serve_browser_search_in_french(web, page):
    event_id, word = _evidence_word(web, "fr", "e")
    hrefs = _search(page, web, word.upper())
    assert f"/events/{event_id.replace(':', '%3A')}" in hrefs


def test_serve_browser_event_to_source_sentence_and_map(web, page):
    ev = next(e for e in api(web, "/api/events", limit=500)["events"] if e["location"] and e["location"]["lat"])
    page.goto(web + "/")
    page.goto(web + f"/?country={ev['location']['country']}")
    page.click(f"a.event-link[href='/events/{ev['id'].replace(':', '%3A')}']")
    page.wait_for_selector("#venue-map")
    dot = page.locator("#venue-map circle.venue").bounding_box()
    frame = page.locator("#venue-map").bounding_box()
    assert dot and frame and frame["x"] <= dot["x"] <= frame["x"] + frame["width"]
    # the map image is the vendored outline, served by us
    assert page.evaluate("document.querySelector('#venue-map image').getAttribute('href')") == "/static/world.svg"
    sentence = page.text_content("blockquote.evidence-text").strip()
    page.click("a.source-link >> nth=0")
    page.wait_for_selector("#evidence")
    marked = page.locator(".focus").all_text_contents()
    assert sentence.replace(" ", "")[:40] in "".join(marked).replace(" ", "").replace("\n", "")
    assert page.locator("#evidence").is_visible()


def test_serve_browser_network_renders_zooms_drags_and_clicks_through(web, page):
    page.goto(web + "/network")
    page.wait_for_selector("svg#network[data-ready=true]")
    nodes = page.locator("svg#network g.node")
    assert nodes.count() > 3 and page.locator("svg#network line").count() > 0
    before = page.get_attribute("svg#network", "viewBox")
    page.mouse.move(450, 500)
    page.locator("svg#network").hover()
    page.mouse.wheel(0, -400)
    assert page.get_attribute("svg#network", "viewBox") != before
    node = nodes.nth(0)
    moved_from = node.get_attribute("transform")
    box = node.locator("circle").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40, steps=5)
    page.mouse.up()
    assert node.get_attribute("transform") != moved_from
    target = nodes.nth(1)
    actor_id = target.get_attribute("data-id")
    target.locator("circle").click()
    page.wait_for_url("**/actors/**")
    assert page.locator("h1").text_content().strip() == api(web, f"/api/actors/{actor_id}")["name"]


def test_serve_browser_actor_page(web, page):
    actor = api(web, "/api/actors", kind="person")["actors"][0]
    page.goto(web + f"/actors/{actor['id']}")
    assert page.locator("ul.aliases li").count() >= 1
    assert page.locator("ul.actor-events li").count() == actor["events"]
    page.click("#network-link")
    page.wait_for_selector("svg#network[data-ready=true]")
    assert page.locator(f"svg#network g.node[data-id='{actor['id']}'] circle.centre").count() == 1


def test_serve_browser_arabic_is_right_to_left(web, page):
    doc = next(d for d in api(web, "/api/documents", lang="ar")["documents"])
    page.goto(web + f"/documents/{doc['id']}")
    assert page.evaluate("getComputedStyle(document.querySelector('#text')).direction") == "rtl"
    ev = api(web, "/api/events", lang="ar")["events"][0]
    page.goto(web + f"/events/{ev['id']}")
    directions = page.evaluate("[...document.querySelectorAll('blockquote.evidence-text[lang=ar]')]"
                               ".map(b => getComputedStyle(b).direction)")
    assert directions and set(directions) == {"rtl"}


def test_serve_browser_documents_pages_and_markup_as_text(web, page):
    text = ("Lyon, 3-4-2024 - Le maire de Lyon, Octave Ferrandel, a rencontré lundi à Lyon le président de la "
            "Société des Ponts, Lucien Marbrier. <script>alert('pwned')</script> <img src=x onerror=alert(3)> "
            "Les deux hommes ont évoqué la rénovation des quais.")
    r = httpx.post(web + "/api/documents", json={"text": text, "source": "markup_fr.txt"},
                   headers={"authorization": "Bearer test-token"}, timeout=120)
    assert r.status_code == 201, r.text
    page.goto(web + "/documents")
    assert page.locator("table.documents tbody tr").count() >= 18
    page.click("a:has-text('Lyon, 3-4-2024')") if page.locator("a:has-text('Lyon, 3-4-2024')").count() else \
        page.goto(web + f"/documents/{r.json()['document']}")
    shown = page.text_content("#text")
    assert "<script>alert('pwned')</script>" in shown and "onerror=alert(3)" in shown
    assert page.locator("#text script, #text img").count() == 0
    assert page.locator("#text .ent-person").count() >= 1


def test_serve_browser_api_page_lists_the_endpoints(web, page):
    page.goto(web + "/docs")
    paths = page.locator("td code").all_text_contents()
    assert "/api/events" in paths and "/api/documents/{doc_id}" in paths
    page.click("a[href='/openapi.json']")
    assert '"openapi"' in page.text_content("body")
