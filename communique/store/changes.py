"""What a corpus refresh writes that the browse rows are made of -> the merged events whose rows may change.

A store notes it as it writes (CorpusTables.track_changes): the merged events reports left or joined, the
documents whose actor links or copies changed, the actors whose name or kind changed. The browse rows are
then recomputed for those merged events only (browse_tables.refresh_browse); the notes are complete only
when the browse rows were current when tracking began and no write replaced every actor."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["BrowseChanges", "BrowseNotes", "browse_rows_current"]


@dataclass
class BrowseChanges:
    """The notes of one refresh; ``complete``: whether they tell every change (else every row is compared)."""

    complete: bool
    corpus_events: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)

    def note_corpus_events(self, con: Any, changed: Sequence[tuple[str, str | None]]) -> None:
        """Before (report, corpus event or None) pairs are stored: the merged events they leave and join."""
        self.corpus_events.update(cid or ev_id for ev_id, cid in changed)
        self.corpus_events.update(c for (c,) in con.execute(
            "SELECT coalesce(corpus_event, id) FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [[ev_id for ev_id, _ in changed]]).fetchall())

    def note_actors(self, con: Any, links: Iterable[tuple[str, str]], replace: Collection[str] | None,
                    names: Mapping[str, tuple[str | None, str | None]]) -> None:
        """Before actor links and the actors of ``replace`` are written (``names``: the written actors'
        (name, kind)): the documents relinked, and the replaced actors shown otherwise or gone."""
        if replace is None:
            self.complete = False
            return
        self.documents.update(d for d, _ in links)
        for a, k, n in con.execute("SELECT id, kind, name FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                   [sorted(replace)]).fetchall():
            if names.get(a) != (n, k):
                self.actors.add(a)

    def candidates(self, con: Any, documents: Collection[str]) -> list[str]:
        """The merged events whose browse rows may have changed: those noted, and those with a report in
        one of ``documents`` (new ones), in a document noted, or in a document linked to an actor noted."""
        docs = sorted(set(documents) | self.documents)
        found = {c for (c,) in con.execute(
            "SELECT DISTINCT coalesce(corpus_event, id) FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [docs]).fetchall()}
        if self.actors:         # a store without corpus actor tables (PostgreSQL) notes none
            found.update(c for (c,) in con.execute(
                "SELECT DISTINCT coalesce(corpus_event, id) FROM events WHERE doc_id IN "
                "(SELECT doc_id FROM actor_links WHERE actor_id IN (SELECT unnest(?::VARCHAR[])))",
                [sorted(self.actors)]).fetchall())
        return sorted(found | self.corpus_events)


def browse_rows_current(con: Any) -> bool:
    """Whether the browse rows were brought up to date by the last refresh (a write outside one that
    changes what they show clears browse_state)."""
    from .browse_tables import has_table

    return has_table(con, "browse_state") and con.execute("SELECT count(*) FROM browse_state").fetchone()[0] > 0


class BrowseNotes:
    """The change log of a store (mixed into CorpusTables): its writes note in it while it is kept."""

    con: Any
    #: what the writes since track_changes change in the browse rows (None: not tracking)
    changes: BrowseChanges | None = None

    def track_changes(self) -> None:
        """Note from now on what the writes change in the browse rows."""
        self.changes = BrowseChanges(complete=browse_rows_current(self.con))

    def _noting(self) -> BrowseChanges | None:
        """The change log a write notes in; a write while none is kept leaves the browse rows stale."""
        if self.changes is None and browse_rows_current(self.con):
            self.con.execute("DELETE FROM browse_state")
        return self.changes
