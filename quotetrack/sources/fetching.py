"""Downloading a page, a feed or a sitemap: safely, politely, within limits.

A feed is written by someone else, and every link in it makes quotetrack send a request:
without limits a feed could make it read the newsroom's own internal services, hang on a
server that never answers, or fill the memory with an endless page. So every request here:

- names quotetrack and its version in its user agent, and asks robots.txt first
  (``politeness.py``), one request per host at a time (``HostClock``);
- is ``http`` or ``https`` only, to a host whose every address is on the public Internet
  (no loopback, private range, link-local, carrier-grade NAT...) unless the caller allows
  local addresses; the address actually connected to is checked again (a name that
  resolves differently the second time cannot slip through), and so is each redirect;
- follows at most ``max_redirects`` redirects, and stops at the first loop;
- gives up after ``timeout`` seconds without an answer, or ``timeout`` x 3 in all, and
  past ``max_bytes`` of body.

Every failure is a :class:`FetchError` whose message is one French line naming the URL and
the reason, so that a batch reports it and goes on.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .. import __version__
from ..errors import QuotetrackError
from .politeness import HostClock, RobotsRules, host_of

USER_AGENT = f"quotetrack/{__version__} (suivi de citations de presse; +https://pypi.org/project/quotetrack/)"
REDIRECTS = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTTP_REASONS = {
    400: "requête refusée", 401: "authentification requise", 403: "accès interdit", 404: "page introuvable",
    410: "page supprimée", 429: "trop de requêtes, le site demande d'attendre", 500: "erreur du serveur",
    502: "passerelle en erreur", 503: "service indisponible", 504: "passerelle sans réponse",
}  # fmt: skip


class FetchError(QuotetrackError):
    """A URL that could not be read: the message names it and says why, in French."""

    def __init__(self, url: str, reason: str):
        self.url, self.reason = url, reason
        super().__init__(f"{url} : {reason}")


class LocalAddressRefused(FetchError):
    """A URL on the local network (a feed must not make quotetrack read internal services)."""


@dataclass(frozen=True)
class Limits:
    """What one run allows itself: the politeness delay, timeouts, sizes, redirects.

    ``allow_local`` is True (every address) or a set of addresses and networks allowed
    although local (« 10.0.0.5 », « 127.0.0.2 »: the newsroom's own CMS, a test server).
    """

    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 10.0  # seconds without an answer
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_local: bool | frozenset = False
    per_host: int = 4  # requests in flight to one host at most (spaced by ``delay`` anyway)
    robots: bool = True


@dataclass(frozen=True)
class Response:
    """A final answer (2xx or 304), after redirects."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: dict = field(default_factory=dict)  # names in lower case
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None

    @property
    def is_html(self) -> bool:
        if self.content_type:
            return self.content_type in HTML_TYPES
        return self.body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))


def _allowed(address: str, allow) -> bool:
    """Whether ``address`` may be connected to: public, or allowed by the caller."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if allow is True:
        return True
    if ip.is_global and not ip.is_multicast:
        return True
    for allowed in allow or ():
        if ip in ipaddress.ip_network(allowed, strict=False):
            return True
    return False


def _guarded(base, allow):
    """A connection class that checks the address it actually connected to."""

    class Guarded(base):
        def _new_conn(self):
            sock = super()._new_conn()
            peer = sock.getpeername()[0]
            if not _allowed(peer, allow):
                sock.close()
                raise _PeerRefused(peer)
            return sock

    return Guarded


class _PeerRefused(OSError):
    def __init__(self, address):
        self.address = address
        super().__init__(address)


class Fetcher:
    """One run's downloads: a connection pool, the politeness clock, the robots.txt cache.

    Safe to share between threads.
    """

    def __init__(self, limits: Limits = Limits(), user_agent: str = USER_AGENT):
        self.limits = limits
        self.user_agent = user_agent
        self.clock = HostClock(limits.delay)
        self.robots = RobotsRules(self._robots_get)
        allow = limits.allow_local
        pools = {}
        for scheme, pool, connection in (("http", HTTPConnectionPool, HTTPConnection), ("https", HTTPSConnectionPool, HTTPSConnection)):
            pools[scheme] = type(f"Guarded{pool.__name__}", (pool,), {"ConnectionCls": _guarded(connection, allow)})
        self._pool = urllib3.PoolManager(
            num_pools=64, maxsize=max(1, limits.per_host), block=False, retries=False,
            timeout=urllib3.Timeout(connect=limits.timeout, read=limits.timeout),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            cert_reqs="CERT_REQUIRED", ca_certs=certifi.where(),
        )  # fmt: skip
        self._pool.pool_classes_by_scheme = pools

    def close(self) -> None:
        self._pool.clear()

    def get(self, url: str, headers: dict | None = None, *, accept: Iterable[int] = (200,)) -> Response:
        """The answer to GET ``url``, redirects followed; raise FetchError for anything
        but a status in ``accept`` (304 belongs there for a conditional request; 200
        stands for every 2xx that has a body)."""
        response = self._follow(url, headers or {}, check_robots=self.limits.robots)
        accept = tuple(accept)
        success = 200 in accept and 200 <= response.status < 300 and response.status not in (204, 205)
        if response.status not in accept and not success:
            raise FetchError(url, http_problem(response.status))
        return response

    def _robots_allow(self, asked: str, url: str) -> bool:
        try:
            return self.robots.allowed(url)
        except FetchError as error:  # the site itself cannot be reached: say so of this URL
            raise FetchError(asked, error.reason) from None

    def _robots_get(self, url: str) -> tuple[int, bytes]:
        response = self._follow(url, {}, check_robots=False)
        return response.status, response.body

    def _follow(self, url: str, headers: dict, *, check_robots: bool) -> Response:
        seen = []
        current = url
        for _ in range(self.limits.max_redirects + 1):
            check_address(current, self.limits.allow_local, asked=url)
            if check_robots and not self._robots_allow(url, current):
                raise FetchError(url, "refusée par le robots.txt du site" + (f" ({current})" if current != url else ""))
            crawl_delay = self.robots.crawl_delay(current) if check_robots else None
            status, response_headers, body = self._request(url, current, headers, crawl_delay)
            location = response_headers.get("location")
            if status in REDIRECTS and location:
                seen.append(current)
                current = urljoin(current, location.strip())
                if current in seen:
                    raise FetchError(url, "boucle de redirections")
                continue
            return Response(url, current, status, response_headers, body)
        raise FetchError(url, f"trop de redirections (plus de {self.limits.max_redirects})")

    def _request(self, asked: str, url: str, headers: dict, crawl_delay: float | None = None) -> tuple[int, dict, bytes]:
        self.clock.wait_turn(host_of(url), crawl_delay)
        deadline = time.monotonic() + 3 * self.limits.timeout
        try:
            response = self._pool.request("GET", url, headers={**self._pool.headers, **headers}, redirect=False, preload_content=False)
        except Exception as error:
            raise FetchError(asked, network_problem(error, self.limits.timeout)) from None
        try:
            found = {key.lower(): value for key, value in response.headers.items()}
            length = found.get("content-length", "")
            if length.isdigit() and int(length) > self.limits.max_bytes:
                raise FetchError(asked, f"trop grande ({int(length) / 1e6:.1f} Mo > {self.limits.max_bytes / 1e6:g} Mo)")
            chunks, size = [], 0
            if response.status in REDIRECTS:
                response.close()  # its body is never read: not a connection to reuse
            else:
                for chunk in response.stream(65536):
                    size += len(chunk)
                    if size > self.limits.max_bytes:
                        raise FetchError(asked, f"trop grande (plus de {self.limits.max_bytes / 1e6:g} Mo)")
                    if time.monotonic() > deadline:
                        raise FetchError(asked, f"délai dépassé (page toujours incomplète après {3 * self.limits.timeout:g} s)")
                    chunks.append(chunk)
            body = b"".join(chunks)
        except Exception as error:
            response.close()  # unread data left on it: the connection must not be reused
            response.release_conn()
            if isinstance(error, FetchError):
                raise
            raise FetchError(asked, network_problem(error, self.limits.timeout)) from None
        response.release_conn()
        return response.status, found, body


def check_address(url: str, allow=False, *, asked: str | None = None) -> None:
    """Refuse a URL that is not http(s), or whose host resolves to a local address."""
    asked = asked or url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(asked, "adresse invalide") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(asked, f"seules les adresses http et https sont lues (pas {parts.scheme or 'une adresse sans protocole'})")
    if not parts.hostname:
        raise FetchError(asked, "adresse sans nom de site")
    if allow is True:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(asked, f"site introuvable ({parts.hostname})") from None
    for info in infos:
        address = info[4][0]
        if not _allowed(address, allow):
            where = f"{parts.hostname} est {address}" if address != parts.hostname else address
            raise LocalAddressRefused(asked, f"adresse du réseau local refusée ({where}) ; --allow-local pour la lire")


def http_problem(status: int) -> str:
    reason = HTTP_REASONS.get(status) or ("erreur du serveur" if status >= 500 else "réponse inattendue")
    return f"erreur HTTP {status} ({reason})"


def network_problem(error: BaseException, timeout: float) -> str:
    """A French reason for a network failure (urllib3's exceptions, unwrapped)."""
    seen = error
    while True:  # the guard's refusal and TLS errors arrive wrapped
        if isinstance(seen, _PeerRefused):
            return f"adresse du réseau local refusée ({seen.address}) ; --allow-local pour la lire"
        if isinstance(seen, urllib3.exceptions.SSLError) or type(seen).__name__.startswith("SSL"):
            return f"erreur TLS ({_short(seen)})"
        nested = seen.__context__ or seen.__cause__ or getattr(seen, "reason", None)
        if not isinstance(nested, BaseException) or nested is seen:
            break
        seen = nested
    if isinstance(error, (urllib3.exceptions.TimeoutError, TimeoutError, socket.timeout)):
        return f"délai dépassé (pas de réponse en {timeout:g} s)"
    if isinstance(error, urllib3.exceptions.NameResolutionError):
        return "site introuvable"
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        return "connexion impossible (le serveur ne répond pas)"
    if isinstance(error, urllib3.exceptions.ProtocolError):
        return "connexion interrompue par le serveur"
    if isinstance(error, urllib3.exceptions.LocationParseError):
        return "adresse invalide"
    return f"échec du téléchargement ({_short(error)})"


def _short(error: BaseException) -> str:
    text = str(getattr(error, "reason", None) or error) or type(error).__name__
    return " ".join(text.split())[:160]
