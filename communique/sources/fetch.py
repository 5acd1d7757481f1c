"""Polite HTTP fetching: URL -> Fetched page (one user agent, at least a second between requests to a host)."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

__all__ = ["Fetcher", "Fetched", "FetchError", "USER_AGENT", "is_url"]


def _user_agent() -> str:
    from .. import __version__

    return f"communique/{__version__} (+https://github.com/communique)"


USER_AGENT = _user_agent()


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


class FetchError(Exception):
    """A page could not be fetched; the message is short and fit to count rejects by."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str                 # as requested
    final_url: str           # after redirects
    content_type: str        # media type without parameters, lowercase ("text/html")
    body: bytes
    fetched: str             # ISO timestamp, UTC ("2024-02-03T10:00:00Z")


@dataclass
class Fetcher:
    """GET pages politely: a fixed user agent and `min_interval` seconds between requests to one host."""

    user_agent: str = USER_AGENT
    min_interval: float = 1.0
    timeout: float = 30.0
    max_bytes: int = 50_000_000
    _last: dict[str, float] = field(default_factory=dict, repr=False)

    def get(self, url: str) -> Fetched:
        """The page at `url`; raises FetchError (HTTP status, unreachable host, timeout, too large)."""
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            wait = self.min_interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                final_url = response.geturl()
                content_type = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            raise FetchError(f"cannot reach the host ({getattr(reason, 'strerror', None) or reason}); "
                             "check the URL or retry later") from exc
        except TimeoutError as exc:
            raise FetchError(f"no answer within {self.timeout:g} s; retry later") from exc
        except (http.client.HTTPException, OSError, ValueError) as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            self._last[host] = time.monotonic()
        if len(body) > self.max_bytes:
            raise FetchError(f"larger than {self.max_bytes} bytes")
        return Fetched(url=url, final_url=final_url, content_type=content_type, body=body,
                       fetched=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
