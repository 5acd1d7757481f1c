"""JSON API: /api/events, /api/actors, /api/network, /api/documents over the typed queries of store/browse.py."""

from __future__ import annotations

import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..records import RawDocument
from ..store.browse import (EventFilter, actor_network, event_evidence, event_timeline, get_actor, get_document,
                            get_event, list_actors, list_documents, list_events, list_events_json,
                            list_rejects)
from .guard import token_matches
from .state import ServerState

__all__ = ["router", "event_filter", "state_of"]

router = APIRouter(prefix="/api")

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
#: the same, where an empty value (an empty form field) means "no filter"
OPT_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
OPT_TYPE = r"^(meet|visit|call|agreement|conference)?$"
OPT_LANG = r"^(fr|en|ar)?$"
ID = r"^[\w:.\-]{1,200}$"
Lang = Literal["fr", "en", "ar"]


def state_of(request: Request) -> ServerState:
    return request.app.state.communique  # type: ignore[no-any-return]


def event_filter(
        actor: Annotated[str | None, Query(max_length=200, description="any form of an actor, any script")] = None,
        actor_id: Annotated[str | None, Query(pattern=r"^([\w:.\-]{1,200})?$")] = None,
        type: Annotated[str | None, Query(pattern=OPT_TYPE, description="meet, visit, call, agreement, conference")] = None,
        status: Annotated[Literal["occurred", "planned", "negated", "any"], Query()] = "occurred",
        country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{2})?$", description="venue country, ISO alpha-2")] = None,
        lang: Annotated[str | None, Query(pattern=OPT_LANG, description="a language among the sources: fr, en, ar")] = None,
        since: Annotated[str | None, Query(pattern=OPT_DATE)] = None,
        until: Annotated[str | None, Query(pattern=OPT_DATE)] = None,
        q: Annotated[str | None, Query(max_length=200, description="search titles, evidence and names")] = None,
        sort: Annotated[Literal["date", "-date", "confidence", "reports"], Query()] = "date",
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> EventFilter:
    """The filter of every events view, validated (a bad value is a 422 naming the parameter)."""
    return EventFilter(actor=actor or None, actor_ids=(actor_id,) if actor_id else (), type=type or None, status=status,
                       country=country or None, lang=lang or None, since=since or None, until=until or None, q=q or None, sort=sort,
                       limit=limit, offset=offset)


Filter = Annotated[EventFilter, Depends(event_filter)]
State = Annotated[ServerState, Depends(state_of)]


@router.get("/events", summary="Merged events matching the filter, one page",
            responses={200: {"description": '{"total": N, "limit": L, "offset": O, "events": [corpus events]}'}})
def api_events(f: Filter, state: State) -> Response:
    with state.reading() as (db, _):
        total, rows = list_events_json(db, f)
    # the events are stored as JSON text: sent as they are, not parsed and encoded again
    body = f'{{"total":{total},"limit":{f.limit},"offset":{f.offset},"events":[{",".join(rows)}]}}'
    return Response(body, media_type="application/json")


@router.get("/events.jsonl", summary="Every merged event matching the filter, as JSON lines")
def api_events_jsonl(f: Filter, state: State) -> Response:
    from dataclasses import replace

    with state.reading() as (db, _):
        _, rows = list_events_json(db, replace(f, limit=100_000, offset=0))
    body = "".join(row + "\n" for row in rows)
    return Response(body, media_type="application/x-ndjson",
                    headers={"content-disposition": 'attachment; filename="events.jsonl"'})


@router.get("/events.csv", summary="Every merged event matching the filter, as CSV")
def api_events_csv(f: Filter, state: State) -> Response:
    from ..export import write_csv

    out = io.StringIO()
    write_csv(_all_events(state, f), out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="events.csv"'})


def _all_events(state: ServerState, f: EventFilter, cap: int = 100_000) -> list[dict[str, Any]]:
    from dataclasses import replace

    with state.reading() as (db, _):
        return list_events(db, replace(f, limit=cap, offset=0)).events


@router.get("/timeline", summary="Counts of matching events per month or ISO week")
def api_timeline(f: Filter, state: State, unit: Literal["month", "week"] = "month") -> dict[str, Any]:
    with state.reading() as (db, _):
        counts = event_timeline(db, f, unit)
    return {"unit": unit, "counts": [{"period": k, "events": n} for k, n in counts]}


@router.get("/events/{event_id}", summary="One merged event with its evidence sentences")
def api_event(event_id: Annotated[str, _path_id()], state: State) -> dict[str, Any]:
    with state.reading() as (db, con):
        ev = get_event(db, event_id, con=con)
        if ev is None:
            raise HTTPException(404, f"no event {event_id}")
        ev["evidence"] = event_evidence(con, ev)
    return ev


def _path_id() -> Any:
    from fastapi import Path

    return Path(pattern=ID)


@router.get("/actors", summary="Corpus actors whose name or alias contains q")
def api_actors(state: State, q: Annotated[str | None, Query(max_length=200)] = None,
               kind: Literal["person", "organization", "state", "place"] | None = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 50,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
    with state.reading() as (db, _):
        page = list_actors(db, q, kind, limit, offset)
    return {"total": page.total, "actors": page.events}


@router.get("/actors/{actor_id}", summary="One actor: aliases, titles, affiliations, events, partners")
def api_actor(actor_id: Annotated[str, _path_id()], state: State) -> dict[str, Any]:
    with state.reading() as (db, con):
        actor = get_actor(db, con, actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor {actor_id}")
    return actor


@router.get("/network", summary="Actors as nodes, shared events as weighted edges")
def api_network(f: Filter, state: State,
                max_edges: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict[str, Any]:
    with state.reading() as (db, _):
        return actor_network(db, f, max_edges)


@router.get("/documents", summary="Stored documents, and the rejected inputs")
def api_documents(state: State, lang: Lang | None = None, q: Annotated[str | None, Query(max_length=200)] = None,
                  limit: Annotated[int, Query(ge=1, le=500)] = 50,
                  offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
    with state.reading() as (_, con):
        page = list_documents(con, lang=lang, q=q, limit=limit, offset=offset)
        rejects = list_rejects(con)
    return {"total": page.total, "documents": page.events, "rejected": rejects}


@router.get("/documents/{doc_id}", summary="One document: text, entity mentions, events with evidence")
def api_document(doc_id: Annotated[str, _path_id()], state: State) -> dict[str, Any]:
    with state.reading() as (_, con):
        doc = get_document(con, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return doc


@router.post("/documents", status_code=201, summary="Process and store a document (token required)",
             responses={200: {"description": "already stored"}, 401: {}, 403: {}, 413: {}, 415: {}, 422: {}})
async def api_post_document(request: Request, state: State,
                            authorization: Annotated[str | None, Header()] = None,
                            x_communique_token: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Body: JSON `{"text": ...}` or `{"html": ...}` (optional `source`, `published`, `title`), or the raw
    file as `text/plain` / `text/html` (`?source=name.html`). Header `Authorization: Bearer TOKEN`."""
    expected = state.settings.token
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with --token or COMMUNIQUE_TOKEN to accept documents")
    given = x_communique_token or (authorization[7:] if authorization and authorization.startswith("Bearer ") else None)
    if not token_matches(given, expected):
        raise HTTPException(401, "missing or wrong token", headers={"www-authenticate": "Bearer"})
    raw = await _raw_document(request)
    from starlette.concurrency import run_in_threadpool

    from .ingest import ingest_document

    result = await run_in_threadpool(ingest_document, state, raw)
    return JSONResponse(result, status_code={"stored": 201, "already stored": 200}.get(result["status"], 422))


async def _raw_document(request: Request) -> RawDocument:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    source = request.query_params.get("source") or "posted"
    if len(source) > 500:
        raise HTTPException(422, "source is longer than 500 characters")
    if ctype == "application/json":
        try:
            data = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HTTPException(400, f"body is not valid JSON: {exc}") from None
        if not isinstance(data, dict) or not any(isinstance(data.get(k), str) and data[k].strip()
                                                 for k in ("text", "html")):
            raise HTTPException(422, 'send {"text": "..."} or {"html": "..."}')
        extra = {k: data[k] for k in ("published", "title") if isinstance(data.get(k), str)}
        if "published" in extra and not _is_date(extra["published"]):
            raise HTTPException(422, "published must be YYYY-MM-DD")
        src = str(data.get("source") or source)[:500]
        html = isinstance(data.get("html"), str) and bool(data["html"].strip())
        return RawDocument(source=src, content=data["html"] if html else data["text"], is_html=html, **extra)
    if ctype in ("text/plain", "text/html", "application/xhtml+xml", "application/octet-stream"):
        if not body.strip():
            raise HTTPException(422, "the body is empty")
        is_html = ctype != "text/plain" and (ctype != "application/octet-stream" or source.lower().endswith((".html", ".htm")))
        return RawDocument(source=source, content=body, is_html=is_html)
    raise HTTPException(415, "send application/json, text/plain or text/html")


def _is_date(value: str) -> bool:
    import re

    return bool(re.fullmatch(DATE, value))
