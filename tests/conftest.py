"""Shared fixtures: one pipeline per test session (models load once), paths to the shared data."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "000_8a124c9cd8402875.txt"
DEVSET = SHARED / "devset"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def pipeline():
    from communique import Pipeline, Settings, load_resources

    return Pipeline(load_resources(Settings()))


@pytest.fixture(scope="session")
def run_one(pipeline):
    """Process one document (path or text) and return its JSON document record."""
    from communique.export import document_record
    from communique.records import RawDocument

    def run(path_or_text: Path | str, published: str | None = None, source: str = "doc.txt") -> dict:
        if isinstance(path_or_text, Path):
            raw = RawDocument(source=str(path_or_text), content=path_or_text.read_bytes(), published=published)
        else:
            raw = RawDocument(source=source, content=path_or_text, published=published)
        (result,) = list(pipeline.run([raw]))
        assert not hasattr(result, "stage"), f"rejected: {result}"
        return document_record(result)

    return run


# -- rule families (tests/lang/<code>/): records and spaCy docs built by hand ----------------------------
@pytest.fixture(scope="session")
def mention_at():
    """Builds a Mention for the first occurrence of `form` in `text` (sentence 0 unless given)."""
    from communique.records import Mention

    def make(text: str, form: str, kind: str, **fields) -> Mention:
        start = text.index(form)
        return Mention(start=start, end=start + len(form), form=form, kind=kind, **{"sentence": 0, **fields})

    return make


@pytest.fixture(scope="session")
def ner_doc():
    """A blank spaCy doc of `text` (tokenizer only) with the named entities (form, label) set by hand."""
    import spacy

    def make(text: str, lang: str, ents: list[tuple[str, str]]):
        doc = spacy.blank(lang)(text)
        doc.ents = [doc.char_span(text.index(form), text.index(form) + len(form), label=label, alignment_mode="expand")
                    for form, label in ents]
        return doc

    return make


# -- PostgreSQL (a real server: COMMUNIQUE_TEST_POSTGRES, started by .ci/run) -------------------------
PG = os.environ.get("COMMUNIQUE_TEST_POSTGRES")
needs_pg = pytest.mark.skipif(not PG, reason="COMMUNIQUE_TEST_POSTGRES is not set: export "
                              "COMMUNIQUE_TEST_POSTGRES=\"$(bash .ci/postgres.sh start)\" to test the PostgreSQL store")


@pytest.fixture()
def new_pg_url():
    """Makes fresh schemas on the test server (a store URL each), dropped after the test."""
    made: list[str] = []

    import psycopg

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        sep = "&" if "?" in PG else "?"
        return f"{PG}{sep}options={quote(f'-c search_path={schema}')}"

    yield make
    if not made:
        return
    with psycopg.connect(PG, autocommit=True) as con:
        for schema in made:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture()
def pg_url(new_pg_url):
    """A fresh schema on the test server for each test, dropped afterwards."""
    return new_pg_url()


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=needs_pg)])
def store_url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("pg_url")


# -- web app (communique serve): a store of the bundled examples, a real server on 127.0.0.1 ---------------
@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, pipeline):
    """A DuckDB file holding the 18 bundled examples, built once per session (copy it before writing)."""
    from communique import Settings
    from communique.run.local import extract_paths

    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    extract_paths([str(EXAMPLES)], Settings(db=str(path)), pipeline=pipeline, quiet=True)
    return path


@pytest.fixture(scope="session")
def start_server():
    """Starts `communique serve` apps on free 127.0.0.1 ports (uvicorn in a thread); returns base URLs."""
    import shutil
    import threading
    import time

    import uvicorn

    from communique.serve import ServeSettings, create_app

    servers = []

    def start(db: Path | str, tmp: Path, *, pipeline=None, **options) -> str:
        """Serve a copy of the DuckDB file `db`, or the PostgreSQL URL `db` itself."""
        if isinstance(db, Path):
            copy = tmp / f"serve-{len(servers)}.duckdb"
            shutil.copy(db, copy)
            db = str(copy)
        app = create_app(ServeSettings(db=db, **options), pipeline)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started, "the test server did not start"
        servers.append((server, thread))
        port = server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def web(examples_db, start_server, pipeline, tmp_path_factory):
    """The examples served read-write (token "test-token"), with a generous rate limit for the tests."""
    return start_server(examples_db, tmp_path_factory.mktemp("web"), pipeline=pipeline, token="test-token",
                        rate_per_second=10_000, burst=10_000)


# -- hostile input (tests/test_bad_input.py): awkward files generated here, never committed ----------
EN_STORY = ("RABAT, 3 March 2024 - The Minister of Foreign Affairs, Lina Haddad, met on Sunday in Rabat with the "
            "Ambassador of Norway, Paul Verner. The two officials discussed trade and regional security.\n\n"
            "They agreed to hold a further meeting in Oslo next year.\n")
FR_STORY = ("RABAT, 3 mars 2024 - Le ministre des Affaires étrangères, Lina Haddad, a reçu dimanche à Rabat "
            "l'ambassadeur de Norvège, Paul Verner. Les deux responsables ont évoqué le commerce et la sécurité "
            "régionale.\n\nIls sont convenus de se revoir à Oslo l'année prochaine.\n")
AR_STORY = ("الرباط، 3 مارس 2024 - استقبل وزير الخارجية كمال الرفاعي يوم الأحد في الرباط سفير النرويج، "
            "وبحث الجانبان التعاون التجاري والأمن الإقليمي.\n\nواتفق الطرفان على عقد لقاء جديد في أوسلو.\n")
DE_STORY = ("BERLIN, 3. März 2024 - Die Außenministerin traf sich am Sonntag in Berlin mit dem Botschafter "
            "Norwegens. Die beiden Politiker sprachen über Handel und die Sicherheit in der Region.\n\n"
            "Nach dem Gespräch sagte die Ministerin, dass beide Länder ihre Zusammenarbeit weiter ausbauen wollen "
            "und sich im nächsten Jahr wieder treffen werden.\n")


def write_hostile_corpus(root: Path) -> dict[str, Path]:
    """One awkward file per case (name -> path), all in `root`; generated, seeded, small."""
    import gzip
    import json
    import random

    rnd = random.Random(13)
    files: dict[str, bytes] = {
        "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(4000)),
        "empty.txt": b"",
        "invalid_utf8.txt": EN_STORY.encode()[:80] + b"\xff\xfe\xc3\x28" + EN_STORY.encode()[80:],
        "latin1.txt": FR_STORY.encode("latin-1"),
        "cp1256.txt": AR_STORY.encode("cp1256"),
        "bom.txt": b"\xef\xbb\xbf" + EN_STORY.encode(),
        "zero_width.txt": EN_STORY.replace("Haddad", "Had\u200bdad").replace("met", "m\u200det\ufeff").encode(),
        "script.html": _html(EN_STORY, 20),
        "deep.html": _html(EN_STORY, 2000),
        "table.html": ("<html><body><table>" + "".join(
            "<tr>" + "".join(f"<td>cell {r}-{c}</td>" for c in range(100)) + "</tr>" for r in range(100))
            + "</table></body></html>").encode(),
        "repeated.txt": ("meeting " * 50_000).encode(),
        "german.txt": DE_STORY.encode(),
        "mixed.txt": (AR_STORY + "\n" + FR_STORY).encode(),
        "too_large.txt": (EN_STORY * (5_100_000 // len(EN_STORY) + 1)).encode(),
        "lines.jsonl": "\n".join([json.dumps({"text": EN_STORY, "published": "2024-03-03"}), "{\"text\": \"cut",
                                  "not json at all", json.dumps({"title": "no text field"}), json.dumps([1, 2]),
                                  json.dumps({"text": FR_STORY, "published": "2024-03-03"})]).encode(),
        "broken.csv": ("text,published\n\"" + EN_STORY.replace("\n", " ") + "\",2024-03-03\n"
                       "\"an unterminated quote,2024-03-04\nmore,\"\"\"x\n").encode(),
        "truncated.xml": ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><item>"
                          "<title>Minister meets ambassador</title><description>" + EN_STORY[:150]).encode(),
        # a whole record, then one cut in its body: a gzip member each, the second one cut short too
        "truncated.warc.gz": (gzip.compress(_warc_record(EN_STORY, "a"))
                              + gzip.compress(_warc_record(FR_STORY, "b"))[:200]),
    }
    root.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, data in files.items():
        (root / name).write_bytes(data)
        out[name] = root / name
    out["missing.parquet"] = _parquet_without_text(root / "missing.parquet")
    return out


def _html(text: str, depth: int) -> bytes:
    return ("<html><head><title>Minister meets ambassador</title><script>document.write('x'.repeat(9))</script>"
            "</head><body>" + "<div>" * depth + "<p>" + text.replace("\n\n", "</p><p>") + "</p>" + "</div>" * depth
            + "<script>alert(1)</script></body></html>").encode()


def _warc_record(text: str, name: str) -> bytes:
    body = f"<html><body><p>{text}</p></body></html>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/{name}\r\n"
            f"WARC-Record-ID: <urn:uuid:{name}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _parquet_without_text(path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"title": ["a", "b"], "published": ["2024-03-03", "2024-03-04"]}), path)
    return path


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory) -> dict[str, Path]:
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile"))
