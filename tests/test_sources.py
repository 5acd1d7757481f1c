"""Readers on real files written here: folders with globs, corpora (Parquet too), RSS/Atom feeds (a file,
and a local HTTP server for feed URLs and followed links), WARC archives written with warcio."""

from __future__ import annotations

import gzip
import io
import itertools
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import communique.sources
from communique.records import Provenance, RawDocument, Rejected
from communique.sources import Fetcher, FieldMap, count_inputs, read_inputs
from communique.sources.fetch import USER_AGENT
from communique.stages.normalize import normalize

PAGE = """<!doctype html><html lang="fr"><head><title>Entretien à Rabat | Ministère</title></head><body>
<nav><a href="/">Accueil</a> <a href="/actualites">Actualités</a></nav>
<article><h1>M. Bourita s'entretient avec son homologue polonais</h1>
<p>Le ministre des Affaires étrangères, Nasser Bourita, s'est entretenu jeudi à Rabat avec son homologue
polonais, Jacek Czaputowicz, des moyens de renforcer la coopération bilatérale entre les deux pays.</p>
<p>Les deux ministres ont également évoqué la situation régionale et les préparatifs de la prochaine
commission mixte, prévue à Varsovie au début de l'année prochaine.</p></article>
<footer>© Ministère des Affaires étrangères. Tous droits réservés.</footer></body></html>"""

LONG_PARAGRAPH = ("The Minister of Foreign Affairs met the Secretary General of the organization in Geneva on "
                  "Tuesday to discuss cooperation on counter-terrorism, training programmes and the exchange of "
                  "information between the two institutions. ") * 4


def _sources(results):
    return [r.source for r in results]


# -- folders ---------------------------------------------------------------------------------------------
@pytest.fixture()
def tree(tmp_path):
    files = {
        "a.txt": "Texte A", "b.html": "<p>B</p>", "notes.md": "notes", "scan.pdf": "%PDF-1.4",
        ".hidden.txt": "hidden", "drafts/c.txt": "brouillon", "2024/d.txt": "D", "2024/e.html": "<p>E</p>",
        "2024/drafts/f.txt": "F",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_sources_folder_reads_known_kinds_recursively_sorted(tree):
    results = list(read_inputs([str(tree)]))
    names = [str(Path(s).relative_to(tree)) for s in _sources(results)]
    assert names == ["2024/d.txt", "2024/drafts/f.txt", "2024/e.html", "a.txt", "b.html", "drafts/c.txt", "notes.md"]
    html = next(r for r in results if r.source.endswith("b.html"))
    assert html.is_html and html.content == b"<p>B</p>" and html.provenance == Provenance(source=html.source)
    assert not next(r for r in results if r.source.endswith("a.txt")).is_html


def test_sources_folder_include_and_exclude_globs(tree):
    def names(**globs):
        return [str(Path(s).relative_to(tree)) for s in _sources(read_inputs([str(tree)], **globs))]

    assert names(include=("*.txt",)) == ["2024/d.txt", "2024/drafts/f.txt", "a.txt", "drafts/c.txt"]
    # a folder glob prunes the folder wherever it is; exclude wins over include
    assert names(include=("*.txt",), exclude=("drafts",)) == ["2024/d.txt", "a.txt"]
    assert names(exclude=("*/drafts", "drafts")) == ["2024/d.txt", "2024/e.html", "a.txt", "b.html", "notes.md"]
    # a relative-path glob
    assert names(include=("2024/*",), exclude=("*.html",)) == ["2024/d.txt", "2024/drafts/f.txt"]
    # files of unknown kinds are not read from a folder, even when a glob names them
    assert names(include=("*.pdf",)) == []
    # a file named on the command line is read whatever the globs say
    assert _sources(read_inputs([str(tree / "notes.md")], include=("*.txt",))) == [str(tree / "notes.md")]


def test_sources_globs_must_be_sequences(tree):
    with pytest.raises(TypeError, match=r"include=\('\*.txt',\)"):
        list(read_inputs([str(tree)], include="*.txt"))


def test_sources_missing_path_is_rejected_and_the_batch_goes_on(tree):
    results = list(read_inputs([str(tree / "nope.txt"), str(tree / "a.txt")]))
    assert results[0] == Rejected(source=str(tree / "nope.txt"), stage="read", reason="no such file or directory")
    assert isinstance(results[1], RawDocument) and results[1].content == b"Texte A"


# -- corpora ---------------------------------------------------------------------------------------------
def test_sources_jsonl_keeps_line_positions(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "Un", "url": "https://ex.org/1", "published": "2024-02-03T10:00:00"}\n'
                      "\n{not json\n"
                      '{"body": "no text field"}\n', encoding="utf-8")
    one, bad, missing = read_inputs([str(corpus)])
    assert (one.source, one.content, one.published, one.provenance) == (
        "https://ex.org/1", "Un", "2024-02-03", Provenance(source=str(corpus), position="1"))
    assert bad == Rejected(source=f"{corpus}#3", stage="read", reason="invalid JSON: Expecting property name "
                           "enclosed in double quotes")
    assert missing == Rejected(source=f"{corpus}#4", stage="read", reason="no text in field 'text' (use --text-field)")


def test_sources_parquet_with_field_map(tmp_path):
    import datetime as dt

    path = tmp_path / "corpus.parquet"
    table = pa.table({
        "body": ["Nasser Bourita a reçu son homologue.", None, "The minister met the envoy."],
        "day": [dt.date(2018, 9, 27), dt.date(2018, 9, 28), None],
        "link": ["https://ex.org/fr/1", "https://ex.org/fr/2", None],
        "headline": ["Entretien", "Vide", None],
        "lang": ["fr", "fr", "en"],
        "ignored": [1, 2, 3],
    })
    pq.write_table(table, path, row_group_size=2)   # two row groups: positions run on across them
    fields = FieldMap(text="body", published="day", url="link", title="headline")
    first, empty, third = read_inputs([str(path)], fields)
    assert first == RawDocument(source="https://ex.org/fr/1", content="Nasser Bourita a reçu son homologue.",
                                published="2018-09-27", title="Entretien", lang="fr",
                                provenance=Provenance(source=str(path), position="1"))
    assert empty == Rejected(source=f"{path}#2", stage="read", reason="no text in field 'body' (use --text-field)")
    assert (third.source, third.published, third.title, third.lang, third.provenance.position) == (
        f"{path}#3", None, None, "en", "3")


def test_sources_parquet_without_the_text_column_or_damaged(tmp_path):
    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"content": ["x"], "url": ["u"]}), path)
    (rejected,) = read_inputs([str(path)])
    assert rejected == Rejected(source=str(path), stage="read",
                                reason="no column 'text' in the Parquet file (columns: content, url); use --text-field")
    damaged = tmp_path / "damaged.parquet"
    damaged.write_bytes(b"PAR1 this is not parquet")
    (rejected,) = read_inputs([str(damaged)])
    assert rejected.stage == "read" and rejected.reason.startswith("not a readable Parquet file")


# -- feeds -----------------------------------------------------------------------------------------------
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Ministère - Actualités</title><link>https://diplomatie.example/</link><language>fr-FR</language>
<item><title>Entretien avec le ministre polonais</title>
  <link>https://diplomatie.example/actualites/1</link>
  <pubDate>Fri, 28 Sep 2018 01:00:00 +0200</pubDate>
  <description>Résumé court.</description>
  <content:encoded><![CDATA[<p>Nasser Bourita s'est entretenu &agrave; New York avec Jacek Czaputowicz.</p>
  <p>Les deux ministres ont abordé la coopération.</p><script>track()</script>]]></content:encoded></item>
<item><title>Visite au Sénégal</title><link>https://diplomatie.example/actualites/2</link>
  <pubDate>Mon, 05 Feb 2024 09:30:00 GMT</pubDate>
  <description>Le ministre se rend à Dakar.</description></item>
<item><title>Communiqué sans lien</title><description>Texte du communiqué sans adresse.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Agency news</title><id>urn:x</id>
<updated>2024-02-03T10:00:00Z</updated>
<entry><title type="html">Coalition &lt;b&gt;meeting&lt;/b&gt;</title><id>urn:1</id>
  <link rel="alternate" href="https://agency.example/news/1"/>
  <published>2024-02-03T23:30:00-05:00</published><updated>2024-02-04T08:00:00Z</updated>
  <content type="html">&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</content></entry>
<entry><title>Only updated</title><id>urn:2</id><link href="https://agency.example/news/2"/>
  <updated>2024-02-06T12:00:00Z</updated><summary>Plain summary</summary></entry>
</feed>"""


def test_sources_rss_file_items_with_titles_dates_and_provenance(tmp_path):
    feed = tmp_path / "actualites.rss"
    feed.write_text(RSS, encoding="utf-8")
    full, short, unlinked = read_inputs([str(feed)])
    assert full.source == "https://diplomatie.example/actualites/1"
    assert full.title == "Entretien avec le ministre polonais"
    assert full.published == "2018-09-28"     # the publisher's calendar day, not UTC's 27th
    assert full.lang == "fr" and not full.is_html
    assert full.content == ("Nasser Bourita s'est entretenu à New York avec Jacek Czaputowicz.\n\n"
                            "Les deux ministres ont abordé la coopération.")
    assert full.provenance == Provenance(source=str(feed), position="1", fetched=None)
    assert (short.source, short.published, short.content) == (
        "https://diplomatie.example/actualites/2", "2024-02-05", "Le ministre se rend à Dakar.")
    assert short.provenance.position == "2"
    assert (unlinked.source, unlinked.title, unlinked.content) == (
        f"{feed}#3", "Communiqué sans lien", "Texte du communiqué sans adresse.")


def test_sources_atom_file_and_xml_suffix(tmp_path):
    feed = tmp_path / "news.xml"
    feed.write_text(ATOM, encoding="utf-8")
    first, second = read_inputs([str(feed)])
    assert (first.source, first.title, first.published, first.lang) == (
        "https://agency.example/news/1", "Coalition meeting", "2024-02-03", "en")
    assert first.content == "First paragraph.\n\nSecond paragraph."
    assert (second.published, second.content, second.provenance.position) == ("2024-02-06", "Plain summary", "2")


def test_sources_not_a_feed_is_rejected(tmp_path):
    bad = tmp_path / "sitemap.xml"
    bad.write_text("<urlset><url><loc>https://ex.org/</loc></url></urlset>", encoding="utf-8")
    broken = tmp_path / "broken.rss"
    broken.write_bytes(b"\x00\x01 not xml at all <<<")
    assert list(read_inputs([str(bad)])) == [Rejected(str(bad), "read", "the feed has no items")]
    (rejected,) = read_inputs([str(broken)])
    assert rejected.stage == "read" and rejected.reason.startswith("not an RSS/Atom feed (")


@pytest.fixture()
def robots_txt():
    """What the `site` serves at /robots.txt: set "body" (a 200 text/plain) or "status"; a 404 by default."""
    return {"body": None, "status": 404}


@pytest.fixture()
def site(robots_txt):
    """A tiny local web site: /feed.xml (two short items and a long one), /page1.html, /robots.txt as
    `robots_txt` says, 404 elsewhere."""
    requests: list[tuple[str, str, float]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/robots.txt" and robots_txt["body"] is not None:
                body, ctype = robots_txt["body"].encode(), "text/plain"
            elif self.path == "/robots.txt":
                self.send_error(robots_txt["status"])
                return
            elif self.path == "/feed.xml":
                body, ctype = (f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Entretien à Rabat</title><link>{base}/page1.html</link>
<pubDate>Thu, 27 Sep 2018 18:00:00 +0100</pubDate><description>M. Bourita a reçu son homologue.</description></item>
<item><title>Disparu</title><link>{base}/missing.html</link><description>Court.</description></item>
<item><title>Long</title><link>{base}/never-fetched.html</link><description>{LONG_PARAGRAPH}</description></item>
</channel></rss>""").encode(), "application/rss+xml"
            elif self.path == "/page1.html":
                body, ctype = PAGE.encode(), "text/html; charset=utf-8"
            else:
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_sources_feed_url_follows_short_items_politely(site):
    base, requests = site
    page, missing, long_item = read_inputs([f"{base}/feed.xml"], follow_links=True, fetcher=Fetcher(timeout=10))
    # robots.txt first (a 404 here: everything allowed), through the same polite path
    assert [r[0] for r in requests] == ["/robots.txt", "/feed.xml", "/page1.html", "/missing.html"]
    assert {r[1] for r in requests} == {USER_AGENT}
    assert USER_AGENT == "communique/0.1.0 (+https://github.com/communique)"
    gaps = [b[2] - a[2] for a, b in zip(requests, requests[1:])]
    assert all(gap >= 0.95 for gap in gaps), gaps    # >= 1 s between requests to one host (server-side clock)

    assert isinstance(page, RawDocument) and page.is_html
    assert (page.source, page.title, page.published) == (f"{base}/page1.html", "Entretien à Rabat", "2018-09-27")
    assert page.content == PAGE.encode()
    assert page.provenance.source == f"{base}/feed.xml" and page.provenance.position == "1"
    assert page.provenance.fetched is not None and page.provenance.fetched.endswith("Z")
    assert missing == Rejected(source=f"{base}/missing.html", stage="read",
                               reason="cannot fetch the linked page: HTTP 404 Not Found")
    assert long_item.source == f"{base}/never-fetched.html" and not long_item.is_html
    assert long_item.content == LONG_PARAGRAPH.strip() and long_item.provenance.position == "3"
    assert long_item.provenance.fetched is not None     # the feed's fetch time: the item came with the feed

    # the followed page goes through the ordinary HTML path
    doc = normalize(page, find_date_line=lambda line: None, is_place=lambda name: False)
    assert doc.title == "Entretien à Rabat" and doc.published == "2018-09-27"
    assert "Jacek Czaputowicz, des moyens de renforcer la coopération bilatérale" in doc.text.replace("\n", " ")
    assert "Accueil" not in doc.text and "Tous droits réservés" not in doc.text


def test_sources_feed_url_without_follow_links_keeps_summaries(site):
    base, requests = site
    first, second, third = read_inputs([f"{base}/feed.xml"], fetcher=Fetcher(timeout=10))
    assert [r[0] for r in requests] == ["/robots.txt", "/feed.xml"]
    assert (first.content, first.is_html, first.source) == ("M. Bourita a reçu son homologue.", False,
                                                             f"{base}/page1.html")


def test_sources_url_of_an_html_page_is_one_document(site):
    base, requests = site
    (page,) = read_inputs([f"{base}/page1.html"], fetcher=Fetcher(timeout=10))
    assert (page.source, page.is_html, page.content) == (f"{base}/page1.html", True, PAGE.encode())
    assert page.provenance.source == f"{base}/page1.html" and page.provenance.position is None
    assert page.provenance.fetched.endswith("Z") and [r[0] for r in requests] == ["/robots.txt", "/page1.html"]


def test_sources_unreachable_feed_is_rejected_and_the_batch_goes_on(site, tmp_path):
    base, _ = site
    text = tmp_path / "a.txt"
    text.write_text("Texte", encoding="utf-8")
    refused, missing, after = read_inputs(["http://127.0.0.1:1/feed.xml", f"{base}/nofeed.xml", str(text)],
                                          fetcher=Fetcher(timeout=5, min_interval=0))
    assert refused.source == "http://127.0.0.1:1/feed.xml" and refused.stage == "read"
    assert refused.reason == "cannot fetch the feed: cannot reach the host (Connection refused); " \
                             "check the URL or retry later"
    assert missing == Rejected(f"{base}/nofeed.xml", "read", "cannot fetch the feed: HTTP 404 Not Found")
    assert after.content == "Texte".encode()


def test_sources_robots_txt_disallowed_page_is_rejected_allowed_ones_are_read(site, robots_txt):
    base, requests = site
    # our group (matched on the product token of the user agent) forbids one page; the "*" group does not apply
    robots_txt["body"] = "User-agent: otherbot\nDisallow: /\n\nUser-agent: communique\nDisallow: /missing.html\n"
    page, refused, long_item = read_inputs([f"{base}/feed.xml"], follow_links=True,
                                           fetcher=Fetcher(timeout=10, min_interval=0))
    assert isinstance(page, RawDocument) and page.content == PAGE.encode() and page.is_html
    assert refused == Rejected(source=f"{base}/missing.html", stage="read",
                               reason="cannot fetch the linked page: disallowed by robots.txt")
    assert long_item.provenance.position == "3"
    # robots.txt read once for the host, with our user agent; the refused page was never requested
    assert [r[0] for r in requests] == ["/robots.txt", "/feed.xml", "/page1.html"]
    assert {r[1] for r in requests} == {USER_AGENT}


def test_sources_robots_txt_disallowing_all_rejects_the_feed_itself(site, robots_txt):
    base, requests = site
    robots_txt["body"] = "User-agent: *\nDisallow: /\n"
    (refused,) = read_inputs([f"{base}/feed.xml"], fetcher=Fetcher(timeout=10, min_interval=0))
    assert refused == Rejected(f"{base}/feed.xml", "read", "cannot fetch the feed: disallowed by robots.txt")
    assert [r[0] for r in requests] == ["/robots.txt"]
    # respect_robots=False: robots.txt is neither asked for nor obeyed
    requests.clear()
    (page,) = read_inputs([f"{base}/page1.html"], fetcher=Fetcher(timeout=10, min_interval=0, respect_robots=False))
    assert page.content == PAGE.encode() and [r[0] for r in requests] == ["/page1.html"]


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (410, True), (401, False), (403, False), (500, True)])
def test_sources_robots_txt_missing_allows_forbidden_disallows(site, robots_txt, status, allowed):
    base, requests = site
    robots_txt["status"] = status
    fetcher = Fetcher(timeout=10, min_interval=0)
    results = list(read_inputs([f"{base}/page1.html", f"{base}/feed.xml"], fetcher=fetcher))
    if allowed:     # a missing robots.txt (4xx) allows everything; so does a failing one (5xx), see Fetcher
        assert [type(r) for r in results] == [RawDocument] * 4 and results[0].content == PAGE.encode()
        assert [r[0] for r in requests] == ["/robots.txt", "/page1.html", "/feed.xml"]
    else:           # 401/403 on robots.txt: the site shuts robots out (the urllib.robotparser convention)
        reason = f"disallowed by robots.txt (HTTP {status} on /robots.txt)"
        assert results == [Rejected(f"{base}/page1.html", "read", f"cannot fetch the feed: {reason}"),
                           Rejected(f"{base}/feed.xml", "read", f"cannot fetch the feed: {reason}")]
        assert [r[0] for r in requests] == ["/robots.txt"]


def test_sources_robots_txt_crawl_delay_is_honoured(site, robots_txt):
    base, requests = site
    robots_txt["body"] = "User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n"
    page, missing, _ = read_inputs([f"{base}/feed.xml"], follow_links=True,
                                   fetcher=Fetcher(timeout=10, min_interval=0))
    assert page.content == PAGE.encode() and missing.reason == "cannot fetch the linked page: HTTP 404 Not Found"
    assert [r[0] for r in requests] == ["/robots.txt", "/feed.xml", "/page1.html", "/missing.html"]
    gaps = [b[2] - a[2] for a, b in itertools.pairwise(requests)]
    assert all(gap >= 0.3 for gap in gaps), gaps    # the site's 0.3 s, not min_interval=0 (server-side clock)


# -- WARC ------------------------------------------------------------------------------------------------
def _response(writer: WARCWriter, uri: str, body: bytes, ctype: str, status: str = "200 OK",
              date: str = "2024-02-03T10:00:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": date})


def _write_warc(path: Path, *, gz: bool) -> tuple[list[int], int]:
    """warcinfo, request, HTML 200, PNG, HTML 404, HTML 200 (other date); then a damaged record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    offsets = []
    records = [
        writer.create_warcinfo_record("crawl.warc", {"software": "test"}),
        writer.create_warc_record("https://ex.org/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")),
        _response(writer, "https://ex.org/a", PAGE.encode(), "text/html; charset=utf-8"),
        _response(writer, "https://ex.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        _response(writer, "https://ex.org/gone", b"<html><p>Not found</p></html>", "text/html", "404 Not Found"),
        _response(writer, "https://ex.org/b", b"<html><body><p>Second page</p></body></html>",
                  "application/xhtml+xml", date="2024-02-04T08:30:00Z"),
    ]
    for record in records:
        offsets.append(out.tell())
        writer.write_record(record)
    damaged_at = out.tell()
    damaged = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\ntruncated"
    out.write(gzip.compress(damaged)[:-12] if gz else damaged)
    path.write_bytes(out.getvalue())
    return offsets, damaged_at


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_sources_warc_html_responses_with_offsets_and_dates(tmp_path, name):
    path = tmp_path / name
    offsets, damaged_at = _write_warc(path, gz=name.endswith(".gz"))
    a, b, damaged = read_inputs([str(path)])
    assert a == RawDocument(source="https://ex.org/a", content=PAGE.encode(), is_html=True,
                            provenance=Provenance(source=str(path), position=str(offsets[2]),
                                                  fetched="2024-02-03T10:00:00Z"))
    assert (b.source, b.content, b.provenance.position, b.provenance.fetched) == (
        "https://ex.org/b", b"<html><body><p>Second page</p></body></html>", str(offsets[5]), "2024-02-04T08:30:00Z")
    assert isinstance(damaged, Rejected) and damaged.source == f"{path}#{damaged_at}"
    assert damaged.stage == "read" and damaged.reason.startswith("damaged WARC record (")
    assert damaged.reason.endswith("); the rest of the file is skipped")


def test_sources_warc_in_a_folder_and_unreadable_archive(tmp_path):
    _, damaged_at = _write_warc(tmp_path / "crawl.warc.gz", gz=True)
    (tmp_path / "junk.warc").write_bytes(b"this is not a web archive\n" * 3)
    (tmp_path / "notes.txt").write_text("not selected", encoding="utf-8")
    results = list(read_inputs([str(tmp_path)], include=("*.warc", "*.warc.gz")))
    assert _sources(results) == ["https://ex.org/a", "https://ex.org/b", f"{tmp_path / 'crawl.warc.gz'}#{damaged_at}",
                                 f"{tmp_path / 'junk.warc'}#0"]
    assert results[-1].reason == "not a WARC record (damaged or not a web archive); the rest of the file is skipped"


# -- counting inputs (the progress bar's total) ----------------------------------------------------------
def test_sources_count_inputs_folder_with_text_html_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("Texte A", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>B</p>", encoding="utf-8")
    (tmp_path / "one.json").write_text(' \n {"text": "Un"}', encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "1"}\n\n{not json\n   \n{"text": "3"}', encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")        # not read from a folder, not counted
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    # 1 txt + 1 html + 1 JSON object + 3 non-blank JSONL lines (a bad one is a Rejected record) + 1 missing
    assert count_inputs(paths) == 7 == len(list(read_inputs(paths)))


def test_sources_count_inputs_honours_include_and_exclude(tree):
    for globs in [{}, {"include": ("*.txt",)}, {"include": ("*.txt",), "exclude": ("drafts",)},
                  {"exclude": ("*/drafts", "drafts")}, {"include": ("*.pdf",)}]:
        assert count_inputs([str(tree)], **globs) == len(list(read_inputs([str(tree)], **globs))), globs
    assert count_inputs([str(tree)], include=("*.txt",), exclude=("drafts",)) == 2
    assert count_inputs([str(tree)], include=("*.txt",), follow_links=True) == 4    # read options that change no count
    with pytest.raises(TypeError, match="sequences of globs"):
        count_inputs([str(tree)], include="*.txt")


def test_sources_count_inputs_is_none_with_a_feed_warc_csv_or_json_array(tmp_path_factory, tree):
    tmp_path = tmp_path_factory.mktemp("more")     # beside `tree`, not in it
    (tmp_path / "news.rss").write_text(RSS, encoding="utf-8")
    _write_warc(tmp_path / "crawl.warc.gz", gz=True)
    (tmp_path / "c.csv").write_text('text\n"two\nlines"\n', encoding="utf-8")
    (tmp_path / "rows.json").write_text('\n [{"text": "a"}, {"text": "b"}]', encoding="utf-8")
    for name in ["news.rss", "crawl.warc.gz", "c.csv", "rows.json"]:
        assert count_inputs([str(tree), str(tmp_path / name)]) is None, name
    assert count_inputs([str(tree)]) == 7
    assert count_inputs([str(tree), "https://ex.org/feed.xml"]) is None
    assert count_inputs([str(tree / "a.txt"), str(tmp_path)], include=("*.txt",)) == 1   # no feed selected
    assert count_inputs([str(tmp_path)], include=("*.rss",)) is None


def test_sources_count_inputs_parquet_from_metadata(tmp_path):
    pq.write_table(pa.table({"text": ["a", None, "c"]}), tmp_path / "rows.parquet", row_group_size=2)
    pq.write_table(pa.table({"body": ["a", "b"]}), tmp_path / "other.parquet")   # no text column: 1 reject
    (tmp_path / "damaged.parquet").write_bytes(b"PAR1 this is not parquet")         # 1 reject
    assert count_inputs([str(tmp_path)]) == 5 == len(list(read_inputs([str(tmp_path)])))
    assert count_inputs([str(tmp_path)], FieldMap(text="body")) == 4 == len(list(read_inputs([str(tmp_path)],
                                                                                             FieldMap(text="body"))))


def test_sources_count_inputs_jsonl_lines_as_the_reader_splits_them(tmp_path, monkeypatch):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes('{"text": "é"}\r\n{"text": "x\u2028y"}\r\r\n \t\n{"text": "z"}\r{"text": "\u00e0"}\n\n'
                       .encode() + b'{"text": "\xff bad utf-8"}')
    expected = len(list(read_inputs([str(corpus)])))
    assert expected == 6      # U+2028 and a lone \r end lines for str.splitlines, as in the reader
    for block in (1, 2, 3, 7, 1 << 20):     # blocks that cut \r\n pairs and UTF-8 sequences
        monkeypatch.setattr(communique.sources, "_BLOCK", block)
        assert count_inputs([str(corpus)]) == expected, block
