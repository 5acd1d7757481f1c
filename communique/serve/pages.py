"""Server-rendered pages (Jinja2, autoescaped): events, event, actor, network, documents, document, docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store.browse import (EVENT_TYPES, EventFilter, event_evidence, event_timeline, get_actor, get_document,
                            get_event, list_documents, list_events, list_rejects)
from .api import Filter, State
from .marks import fill_periods, mark_text, timeline_bars

__all__ = ["router", "templates"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))

_FILTER_KEYS = ("actor", "type", "status", "country", "lang", "since", "until", "q", "sort")


def _query(f: EventFilter, **change: Any) -> str:
    """The query string of the filter, with some parameters changed (pagination, downloads)."""
    values = {k: getattr(f, k) for k in _FILTER_KEYS}
    values.update(change)
    return urlencode({k: v for k, v in values.items() if v not in (None, "", "occurred" if k == "status" else None,
                                                                     "date" if k == "sort" else None)})


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, f: Filter, state: State, unit: str = "month") -> HTMLResponse:
    unit = "week" if unit == "week" else "month"
    with state.reading() as (db, _):
        page = list_events(db, f)
        chart = timeline_bars(fill_periods(event_timeline(db, f, unit), unit))
    return _page(request, "events.html", f=f, page=page, chart=chart, unit=unit, types=EVENT_TYPES,
                 query=_query(f), prev_q=_query(f, offset=max(0, f.offset - f.limit)) if f.offset else None,
                 next_q=_query(f, offset=f.offset + f.limit) if f.offset + f.limit < page.total else None,
                 week_q=_query(f, unit="week"), month_q=_query(f))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, state: State) -> HTMLResponse:
    with state.reading() as (db, con):
        ev = get_event(db, event_id[:200], con=con)
        if ev is None:
            raise HTTPException(404, f"no event {event_id[:200]}")
        evidence = event_evidence(con, ev)
    loc = ev.get("location") or {}
    point = ({"x": round(loc["lon"] + 180, 2), "y": round(90 - loc["lat"], 2)}
             if loc.get("lat") is not None and loc.get("lon") is not None else None)
    return _page(request, "event.html", ev=ev, evidence=evidence, point=point)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, state: State) -> HTMLResponse:
    with state.reading() as (db, con):
        actor = get_actor(db, con, actor_id[:200])
        if actor is None:
            raise HTTPException(404, f"no actor {actor_id[:200]}")
        counts = event_timeline(db, EventFilter(actor_ids=(actor["id"],)), "month")
    return _page(request, "actor.html", actor=actor, chart=timeline_bars(fill_periods(counts, "month")),
                 network_q=urlencode({"actor_id": actor["id"]}))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, f: Filter) -> HTMLResponse:
    api_query = "&".join(x for x in (_query(f), urlencode({"actor_id": f.actor_ids[0]}) if f.actor_ids else "") if x)
    return _page(request, "network.html", f=f, types=EVENT_TYPES, api_query=api_query)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, state: State, offset: int = 0, lang: str | None = None) -> HTMLResponse:
    lang = lang if lang in ("fr", "en", "ar") else None
    offset = max(0, min(offset, 10_000_000))
    with state.reading() as (_, con):
        page = list_documents(con, lang=lang, limit=50, offset=offset)
        rejects = list_rejects(con)
    return _page(request, "documents.html", page=page, rejects=rejects, offset=offset, lang=lang)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, state: State, event: str | None = None) -> HTMLResponse:
    with state.reading() as (_, con):
        doc = get_document(con, doc_id[:200])
    if doc is None:
        raise HTTPException(404, f"no document {doc_id[:200]}")
    evidence = [span for ev in doc["events"] for span in ev["evidence"]]
    focus = {(s["start"], s["end"]) for ev in doc["events"] if event in (ev["id"], ev["corpus_event"])
             for s in ev["evidence"]}
    segments = mark_text(doc["text"] or "", doc["mentions"], evidence, focus)
    return _page(request, "document.html", doc=doc, segments=segments)


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """Browsers ask for it on pages without a <link rel=icon> (the JSON views)."""
    return FileResponse(Path(__file__).parent / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API described from the OpenAPI schema (no Swagger UI: it loads from a CDN)."""
    schema = request.app.openapi()
    routes = [{"method": m.upper(), "path": p, "summary": op.get("summary", ""),
               "params": [q["name"] for q in op.get("parameters", [])]}
              for p, ops in schema["paths"].items() for m, op in ops.items()]
    return _page(request, "docs.html", routes=routes)

