"""Web app and REST API over the store (pip install 'communique[serve]')."""

from __future__ import annotations

from .state import ServeSettings

__all__ = ["ServeSettings", "create_app", "serve"]


def _require_fastapi() -> None:
    from importlib.util import find_spec

    from ..errors import OptionalDependencyError

    for module in ("fastapi", "uvicorn", "jinja2"):
        if find_spec(module) is None:
            raise OptionalDependencyError("communique serve", "serve", module)


def create_app(settings: ServeSettings, pipeline=None):  # type: ignore[no-untyped-def]
    """The ASGI app (FastAPI behind the guard middleware) over settings.db."""
    _require_fastapi()
    from .app import create_app as _create

    return _create(settings, pipeline)


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    _require_fastapi()
    from .app import serve as _serve

    _serve(settings, host, port)
