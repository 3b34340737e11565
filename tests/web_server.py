"""A small web site served by the tests on a loopback address: pages, feeds, sitemaps,
robots.txt, written for the tests (in French), with a log of every request received.

``Site`` maps a path to a ``Page`` (status, content type, body, headers) or to a function
of the request returning one. A page with an ``etag`` or ``last_modified`` answers 304 to a
conditional request that matches it, as a real server does. ``latency`` delays every
answer (the benchmark's simulated network). The log records, for each request, when it
arrived (``time.monotonic``), its path and headers and the status sent: tests measure
politeness on it, never with timing assertions on their own side.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Page:
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Request:
    at: float
    path: str
    headers: dict
    status: int = 0
    host: str = ""


class Site:
    def __init__(self, host: str = "127.0.0.1", latency: float = 0.0, port: int = 0):
        self.pages: dict[str, Page | Callable] = {}
        self.log: list[Request] = []
        self.latency = latency
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                site._answer(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.host = host
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def requests(self, path: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.log if path is None or r.path == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        request = Request(time.monotonic(), handler.path, {k.lower(): v for k, v in handler.headers.items()})
        with self._lock:
            self.log.append(request)
        if self.latency:
            time.sleep(self.latency)
        page = self.pages.get(handler.path.split("?")[0])
        if callable(page):
            page = page(request)
        if page is None:
            page = Page("<html><body><p>Page introuvable</p></body></html>", status=404)
        status, body = page.status, page.body.encode("utf-8") if isinstance(page.body, str) else page.body
        headers = {"Content-Type": page.content_type, **page.headers}
        if page.etag:
            headers["ETag"] = page.etag
        if page.last_modified:
            headers["Last-Modified"] = page.last_modified
        matches = (page.etag and request.headers.get("if-none-match") == page.etag) or (
            page.last_modified and not page.etag and request.headers.get("if-modified-since") == page.last_modified
        )
        if status == 200 and matches:
            status, body = 304, b""
        request.status = status
        try:
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def article_html(title: str, paragraphs: list[str], *, outlet: str = "Le Courrier du Test", author: str = "Camille Durand",
                 published: str = "2024-07-10", canonical: str | None = None) -> str:  # fmt: skip
    """A news page as outlets write them: JSON-LD, Open Graph, navigation around the text."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title} - {outlet}</title>
<meta property="og:site_name" content="{outlet}">{link}
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
 "datePublished": "{published}T08:00:00+02:00", "author": {{"@type": "Person", "name": "{author}"}},
 "publisher": {{"@type": "Organization", "name": "{outlet}"}}}}</script></head>
<body><nav><a href="/">Accueil</a> <a href="/politique/">Politique</a></nav>
<article><h1>{title}</h1><p class="byline">Par {author}</p>
{body}
</article><footer><p>© {outlet}</p></footer></body></html>"""


def rss(items: list[tuple[str, str, str]], title: str = "Le Courrier du Test") -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date) items."""
    entries = "\n".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate></item>" for t, link, date in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://exemple.test/</link>
<description>Les dernières dépêches</description>
{entries}
</channel></rss>"""


def sitemap(urls: list[tuple[str, str | None]]) -> str:
    entries = "\n".join(
        f"<url><loc>{loc}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>" for loc, lastmod in urls
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{entries}
</urlset>"""


def sitemap_index(locs: list[str]) -> str:
    entries = "\n".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{entries}
</sitemapindex>"""
