"""Shared fixtures: one pipeline per test session (models load once), paths to the shared data."""

from __future__ import annotations

from pathlib import Path

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
