"""The command line end to end: extract into a real DuckDB file, list, show, re-run idempotently."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from communique.cli import build_parser, main

from .conftest import EXAMPLES, ROOT, SEED

COMMANDS = ["extract", "events", "show", "rejects", "eval", "export", "actors", "serve"]


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def test_cli_every_command_has_help_and_docs():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(COMMANDS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in sub.choices.items():
        assert cmd.format_help().strip(), name
        assert f"communique {name}" in readme, f"README does not document `communique {name}`"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "news.duckdb"
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_text("   \n")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    docs = [str(EXAMPLES / "fr_008.txt"), str(EXAMPLES / "en_012.txt"), str(bad / "empty.txt"),
            str(bad / "binary.txt"), str(bad / "missing.txt")]
    out = _cli("extract", *docs, "--db", str(path), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    return path, lines, docs


def test_cli_extract_jsonl_one_record_per_input(db):
    _, lines, docs = db
    assert len(lines) == len(docs)
    sources = {rec["document"]["source"] for rec in lines}
    assert sources == set(docs)
    errors = {Path(r["document"]["source"]).name: r["error"] for r in lines if "error" in r}
    assert errors["empty.txt"]["stage"] == "normalize" and "empty" in errors["empty.txt"]["reason"]
    assert errors["binary.txt"]["stage"] == "normalize"
    assert errors["missing.txt"] == {"stage": "read", "reason": "no such file or directory"}
    fr = next(r for r in lines if r["document"]["source"].endswith("fr_008.txt"))
    assert fr["document"]["lang"] == "fr"
    assert {"id", "kind", "name", "acronym", "forms", "titles", "affiliation", "wikidata"} <= set(fr["entities"][0])
    assert len([e for e in fr["events"] if e["status"] == "occurred"]) == 8


def test_cli_store_keeps_everything_and_rerun_is_idempotent(db):
    path, _, docs = db
    con = duckdb.connect(str(path), read_only=True)
    counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "rejects", "events")]
    con.close()
    assert counts[0] == 2 and counts[1] == 3 and counts[2] >= 8
    assert main(["extract", *docs, "--db", str(path), "--format", "jsonl"]) == 0
    con = duckdb.connect(str(path), read_only=True)
    again = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "rejects", "events")]
    con.close()
    assert again == counts


def test_cli_events_filters_and_show(db, capsys):
    path, _, _ = db
    assert main(["events", "--db", str(path), "--format", "jsonl", "--actor", "Lavrov"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(events) == 1
    ev = events[0]
    assert ev["type"] == "meet" and ev["date"] == "2018-09-27"
    assert ev["sources"][0]["lang"] == "fr"
    assert main(["events", "--db", str(path), "--format", "jsonl", "--since", "2018-09-01", "--until", "2018-12-31"]) == 0
    in_range = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(in_range) == 8 and {e["date"] for e in in_range} == {"2018-09-27"}
    assert main(["show", ev["id"], "--db", str(path)]) == 0
    shown = capsys.readouterr().out
    assert "Lavrov" in shown and "evidence" in shown


def test_cli_show_unknown_event_is_a_clear_error(db, capsys):
    path, _, _ = db
    assert main(["show", "ev:nope", "--db", str(path)]) == 2
    assert "no event 'ev:nope'" in capsys.readouterr().err


def test_cli_nothing_readable_exits_nonzero(tmp_path):
    out = _cli("extract", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.duckdb"))
    assert out.returncode == 1


@pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not beside the checkout")
def test_cli_extract_table_output(tmp_path):
    out = _cli("extract", str(SEED), "--db", str(tmp_path / "t.duckdb"))
    assert out.returncode == 0
    assert "1 stored, 0 rejected, 1 events" in out.stdout


def _extract_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("fr_008.txt", "en_012.txt"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    (folder / "rows.jsonl").write_text('{"text": "Le ministre a reçu l\'ambassadeur du Sénégal."}\n\n{not json\n',
                                       encoding="utf-8")
    return folder


def test_cli_extract_passes_the_input_count_to_the_progress_bar(tmp_path, monkeypatch):
    from communique.pipeline import RunCounts

    folder = _extract_folder(tmp_path)
    calls: list[dict] = []

    def fake_extract_paths(paths, settings, **kwargs):
        calls.append(kwargs)
        return RunCounts(documents=1)

    monkeypatch.setattr("communique.run.local.extract_paths", fake_extract_paths)
    db = str(tmp_path / "x.duckdb")
    assert main(["extract", str(folder), "--db", db]) == 0
    assert main(["extract", str(folder), "--db", db, "--exclude", "*.jsonl"]) == 0
    assert main(["extract", str(folder), "https://ex.org/feed.xml", "--db", db]) == 0     # feeds: not countable
    assert main(["extract", str(folder), "--db", db, "--quiet"]) == 0                    # no bar: not counted
    assert main(["extract", str(folder), "--db", db, "--format", "jsonl"]) == 0
    assert [c["total"] for c in calls] == [4, 2, None, None, None]
    assert calls[1]["exclude"] == ("*.jsonl",) and calls[1]["quiet"] is False and calls[3]["quiet"] is True


def test_cli_extract_progress_line_shows_the_total(tmp_path, capsys):
    folder = _extract_folder(tmp_path)
    assert main(["extract", str(folder), "--db", str(tmp_path / "x.duckdb")]) == 0
    err = capsys.readouterr().err       # not a terminal: the bar prints one line when the run ends
    assert "4/4 documents" in err, err
