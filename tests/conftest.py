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
