"""Politeness towards the sites quotetrack reads: their robots.txt, and one request at a time.

A newsroom that follows a few hundred feeds every morning must not look like an attack to
the outlets it reads, nor get itself banned: requests to one host start at least ``delay``
seconds apart (whatever the number of threads fetching), or the site's ``Crawl-delay`` if
longer, while different hosts are read at the same time; and a path the site's robots.txt refuses to quotetrack's user agent is
never requested. robots.txt is read once per site and run (RFC 9309: missing, 404 or any
other 4xx allows everything; a server error refuses everything, since the site may be
down or shielding itself; no answer at all is the error of every URL of the site).
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from typing import Callable
from urllib.parse import urlsplit

ROBOTS_AGENT = "quotetrack"  # the token a site's robots.txt names us by
MAX_ROBOTS_BYTES = 500_000  # Google's limit; past it the rest is ignored
MAX_CRAWL_DELAY = 60.0  # seconds: a longer Crawl-delay is obeyed as this one


def origin(url: str) -> str:
    """scheme://host:port, what a robots.txt and a politeness clock cover."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class HostClock:
    """When each host may next be asked: starts at least ``delay`` seconds apart.

    A caller reserves the next free slot of its host under the lock, then sleeps outside
    it until its slot comes, so threads bound for other hosts never wait on this one.
    """

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic, sleep=time.sleep):
        self.delay = max(0.0, float(delay))
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait_turn(self, host: str, delay: float | None = None) -> None:
        """Sleep until ``host`` may be asked; ``delay`` (a site's Crawl-delay) lengthens
        the gap after this request, never shortens it."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + max(self.delay, min(delay or 0.0, MAX_CRAWL_DELAY))
        if start > now:
            self._sleep(start - now)


class RobotsRules:
    """Each site's robots.txt, fetched once (through ``get``, which returns a status and
    a body, or raises) and asked whether quotetrack may read a URL."""

    def __init__(self, get: Callable[[str], tuple[int, bytes]], agent: str = ROBOTS_AGENT):
        self._get, self.agent = get, agent
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets quotetrack read ``url``; raise what reading it raised
        when the site could not be reached at all (a TLS error, a timeout)."""
        parser = self.parser(origin(url))
        if isinstance(parser, Exception):
            raise parser
        return parser.can_fetch(self.agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """The site's ``Crawl-delay`` for quotetrack (or for every robot), once read."""
        parser = self._parsers.get(origin(url))
        if parser is None or isinstance(parser, Exception):
            return None
        try:
            value = parser.crawl_delay(self.agent)
            return float(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def parser(self, site: str) -> urllib.robotparser.RobotFileParser:
        with self._lock:
            lock = self._locks.setdefault(site, threading.Lock())
        with lock:  # one download per site, however many threads ask at once
            if site not in self._parsers:
                self._parsers[site] = self._read(site)
            return self._parsers[site]

    def _read(self, site: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            status, body = self._get(site + "/robots.txt")
        except Exception as error:  # unreachable: the site cannot be read (RFC 9309, 2.3.1.4)
            return error
        if status >= 500:
            parser.disallow_all = True
        elif status >= 400:
            parser.allow_all = True
        else:
            parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace").splitlines())
        return parser
