"""The FastAPI application: JSON API + pages + static assets behind the guard middleware; `serve` runs it."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from ..errors import CommuniqueError
from .guard import GuardMiddleware, TokenBuckets
from .state import ServerState, ServeSettings

__all__ = ["create_app", "serve"]

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("communique.serve")


def create_app(settings: ServeSettings, pipeline: Any = None) -> Any:
    """The ASGI app over the store named by settings.db (opened now: DuckDB lets this process hold the file).
    `pipeline`: a loaded communique Pipeline for POST /api/documents (else loaded on the first post)."""
    state = ServerState.open(settings)
    state.pipeline = pipeline

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(title="communique", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who met whom, when, where: merged events from press releases (fr/en/ar).")
    app.state.communique = state
    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    @app.exception_handler(CommuniqueError)
    async def refused(request: Request, exc: CommuniqueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    return GuardMiddleware(app, buckets=TokenBuckets(settings.rate_per_second, settings.burst),
                           max_body_bytes=settings.max_body_bytes)


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted (access log without query strings or headers)."""
    import uvicorn

    app = create_app(settings)
    writes = "on (token set)" if settings.token else "off (read-only: no token)"
    print(f"communique: serving {settings.db} on http://{host}:{port}/  POST /api/documents {writes}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
