"""The package's layers (STYLE.md, DESIGN.md): store/ persists and queries and imports none of stages, kb or
corpus; SQL and database connections stay inside store/; kb and store import each other nowhere."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import communique

PACKAGE = Path(communique.__file__).resolve().parent
#: statements of SQL, as a string constant opens them
SQL = re.compile(r"^\s*(SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+TABLE\s|"
                 r"BEGIN TRANSACTION|COMMIT$)", re.S)
#: faces whose queries another change moves behind typed functions (issue 12); everything else is held to the rule
CONNECTION_USERS_PENDING = {"serve/api.py", "serve/pages.py", "serve/state.py", "serve/ingest.py"}


def _modules(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _imported(path: Path) -> set[str]:
    """Every communique module a file imports (relative imports resolved), at any depth of the file."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.startswith("communique")}


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_layers_store_imports_no_stages_kb_or_corpus():
    found = {(_rel(p), m) for p in _modules("store") for m in _imported(p)
             if m.startswith(("communique.stages", "communique.kb", "communique.corpus"))}
    assert found == set()
    # the walk sees what it looks for: corpus/ does import store/
    assert any(m.startswith("communique.store") for m in _imported(PACKAGE / "corpus" / "actors.py"))


def test_layers_kb_imports_neither_store_nor_corpus():
    found = {(_rel(p), m) for p in _modules("kb") for m in _imported(p)
             if m.startswith(("communique.store", "communique.corpus"))}
    assert found == set()


def test_layers_no_sql_outside_store():
    found = []
    for p in _modules():
        if _rel(p).startswith("store/"):
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                found.append((_rel(p), node.value[:40]))
    assert found == []
    assert SQL.match("SELECT id FROM events") and not SQL.match("Select the events of one actor")


def test_layers_no_connection_outside_store():
    """No module outside store/ reads a store's ``con`` or calls ``execute`` on anything."""
    found = []
    for p in _modules():
        rel = _rel(p)
        if rel.startswith("store/") or rel in CONNECTION_USERS_PENDING:
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("con", "execute", "executemany"):
                found.append((rel, node.attr, node.lineno))
    assert found == []
