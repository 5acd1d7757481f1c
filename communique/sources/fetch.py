"""Polite HTTP fetching: URL -> Fetched page (one user agent, at least a second between requests to a host,
robots.txt honoured)."""

from __future__ import annotations

import http.client
import math
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

__all__ = ["USER_AGENT", "FetchError", "Fetched", "Fetcher", "is_url"]


def _user_agent() -> str:
    from .. import __version__

    return f"communique/{__version__} (+https://github.com/communique)"


USER_AGENT = _user_agent()


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


class FetchError(Exception):
    """A page could not be fetched; the message is short and fit to count rejects by. `status` is the
    HTTP status code when the server answered with an error, else None."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str                 # as requested
    final_url: str           # after redirects
    content_type: str        # media type without parameters, lowercase ("text/html")
    body: bytes
    fetched: str             # ISO timestamp, UTC ("2024-02-03T10:00:00Z")


@dataclass
class Fetcher:
    """GET pages politely: a fixed user agent, `min_interval` seconds between requests to one host, and
    (with `respect_robots`) the site's robots.txt.

    Before the first request to a scheme+host, its /robots.txt is fetched through the same polite path
    (user agent, timeout, rate limit) and parsed with `urllib.robotparser`, once per run (cached). A URL
    it disallows for our user agent raises FetchError("disallowed by robots.txt"). Its `Crawl-delay`
    for our agent (decimals allowed) replaces `min_interval` for that host when it is larger.

    When robots.txt cannot be had:
    - missing (404, 410, any other 4xx): no rules, everything is allowed (the robots.txt convention);
    - 401 or 403: everything is disallowed (the `urllib.robotparser` convention: the site shuts robots out);
    - unreachable host, timeout, 5xx, too large: everything is allowed. RFC 9309 asks crawlers to assume
      a complete disallow here; we do not, on purpose: this is not a crawler but a reader of the pages
      that feeds the user chose link to, a few per site, at one request a second or slower. Rejecting
      every page of a site because its robots.txt hiccuped once would lose them for the whole run
      (robots.txt is read once per run), while the pages' own requests still fail, with their own
      clear error, when the site is really down.
    """

    user_agent: str = USER_AGENT
    min_interval: float = 1.0
    timeout: float = 30.0
    max_bytes: int = 50_000_000
    respect_robots: bool = True
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _robots: dict[str, _Robots] = field(default_factory=dict, repr=False)

    def get(self, url: str) -> Fetched:
        """The page at `url`; raises FetchError (HTTP status, unreachable host, timeout, too large,
        disallowed by robots.txt)."""
        interval = self.min_interval
        if self.respect_robots and is_url(url):
            robots = self._robots_for(url)
            if not robots.can_fetch(self.user_agent, url):
                raise FetchError(robots.refusal)
            interval = max(interval, robots.delay_for(self.user_agent) or 0.0)
        return self._fetch(url, interval)

    def _robots_for(self, url: str) -> _Robots:
        """The parsed robots.txt of `url`'s scheme+host(+port), fetched on first use."""
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}"
        if parts.port is not None and parts.port != {"http": 80, "https": 443}.get(parts.scheme.lower()):
            site += f":{parts.port}"
        robots = self._robots.get(site)
        if robots is None:
            robots = self._robots[site] = self._read_robots(f"{site}/robots.txt")
        return robots

    def _read_robots(self, robots_url: str) -> _Robots:
        robots = _Robots(robots_url)
        try:
            page = self._fetch(robots_url, self.min_interval)
        except FetchError as exc:
            if exc.status in (401, 403):
                robots.disallow_all = True
                robots.refusal = f"disallowed by robots.txt (HTTP {exc.status} on /robots.txt)"
            else:                   # missing (4xx) or unreachable (network, 5xx): see the class docstring
                robots.allow_all = True
            return robots
        robots.parse(page.body.decode("utf-8-sig", errors="replace").splitlines())
        return robots

    def _fetch(self, url: str, interval: float) -> Fetched:
        """GET `url` at least `interval` seconds after the last request to its host."""
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            wait = interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                final_url = response.geturl()
                content_type = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}", status=exc.code) from exc
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
                       fetched=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


class _Robots(RobotFileParser):
    """A RobotFileParser that also reads decimal Crawl-delay values ("Crawl-delay: 0.5"; the standard
    parser keeps whole seconds only) and knows the reason to give for a refused URL."""

    refusal = "disallowed by robots.txt"

    def parse(self, lines: list[str]) -> None:  # type: ignore[override]
        # Each usable Crawl-delay value is swapped for its index in `delays` before the standard parser
        # (which groups the lines into entries) sees it, then swapped back: the grouping stays its own.
        delays: list[float] = []
        rewritten = []
        for line in lines:
            key, sep, value = line.split("#", 1)[0].partition(":")
            if sep and key.strip().lower() == "crawl-delay":
                try:
                    delay = float(value.strip())
                except ValueError:
                    delay = -1.0
                if math.isfinite(delay) and delay >= 0:
                    line = f"Crawl-delay: {len(delays)}"
                    delays.append(delay)
                else:
                    line = "Crawl-delay: -"          # unusable: ignored, as the standard parser does
            rewritten.append(line)
        super().parse(rewritten)
        for entry in [*self.entries, *([self.default_entry] if self.default_entry else [])]:
            if entry.delay is not None:
                entry.delay = delays[entry.delay]

    def delay_for(self, useragent: str) -> float | None:
        """The Crawl-delay (seconds) for `useragent`, or None."""
        delay = self.crawl_delay(useragent)
        return float(delay) if delay is not None else None
