"""Service safety as ASGI middleware: security headers (CSP without inline scripts), request size limits,
a token bucket per client IP (429 on a flood), and the constant-time write-token check."""

from __future__ import annotations

import hmac
import json
import threading
import time
from typing import Any

__all__ = ["GuardMiddleware", "TokenBuckets", "token_matches", "SECURITY_HEADERS"]

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def token_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; no token configured means writes are off."""
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class TokenBuckets:
    """`rate` requests a second per key, bursts up to `burst`; thread-safe, bounded in memory."""

    def __init__(self, rate: float, burst: int, max_keys: int = 10_000) -> None:
        self.rate, self.burst, self.max_keys = rate, burst, max_keys
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if len(self._buckets) >= self.max_keys and key not in self._buckets:
                self._buckets.clear()       # a scan from many addresses: start again rather than grow
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1.0, now)
            return True


async def _send_error(send: Any, status: int, reason: str, extra: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": reason}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *SECURITY_HEADERS, *extra]})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Rate limit, body size limit and security headers around the whole app."""

    def __init__(self, app: Any, *, buckets: TokenBuckets, max_body_bytes: int) -> None:
        self.app, self.buckets, self.max_body_bytes = app, buckets, max_body_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        if not self.buckets.allow(client):
            await _send_error(send, 429, "too many requests from this address; slow down", [(b"retry-after", b"1")])
            return
        headers = dict(scope.get("headers") or [])
        if scope["method"] in ("POST", "PUT", "PATCH"):
            length = headers.get(b"content-length")
            if length is None or not length.isdigit():
                await _send_error(send, 411, "send a Content-Length header")
                return
            if int(length) > self.max_body_bytes:
                await _send_error(send, 413, f"request body over {self.max_body_bytes} bytes")
                return
            receive = _capped(receive, self.max_body_bytes)

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS
                                                                          if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _capped(receive: Any, limit: int) -> Any:
    """A receive that stops the body at `limit` bytes even if Content-Length lied."""
    seen = 0

    async def wrapped() -> dict[str, Any]:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                message = {**message, "body": message.get("body", b"")[: max(0, limit - seen)], "more_body": False}
        return message

    return wrapped
