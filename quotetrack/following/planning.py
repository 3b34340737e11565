"""Feeds and sitemaps -> the article URLs to index: those not in the archive yet.

``plan`` reads listings (several hosts at once, each politely), and keeps their entries
not stored already (by URL, so nothing is downloaded twice), newest first, dated ``since``
or later, ``most`` per listing. ``quotetrack index --feed/--sitemap`` and ``follow update``
both start here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..archive.store import url_indexed
from ..sources.downloads import ahead
from ..sources.feeds import read_feed
from ..sources.fetching import FetchError
from ..sources.listings import Listing, newest_first
from ..sources.sitemaps import read_sitemap


@dataclass(frozen=True)
class Source:
    """An address to read a listing from, with the validators of its last complete read."""

    url: str
    kind: str  # 'feed' or 'sitemap'
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Plan:
    """What the listings said: the new article URLs, in order, and where each came from."""

    urls: list[str] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)  # article URL -> listing URL
    listings: dict[str, Listing] = field(default_factory=dict)  # listing URL -> what it said
    failures: dict[str, str] = field(default_factory=dict)  # listing URL -> French message
    known: int = 0  # entries already in the archive, not downloaded again


def read_listing(fetcher, source: Source) -> Listing:
    reader = read_feed if source.kind == "feed" else read_sitemap
    return reader(fetcher, source.url, etag=source.etag, last_modified=source.last_modified)


def plan(db, fetcher, sources: Iterable[Source], *, since: str | None = None, most: int | None = None) -> Plan:
    """Read every listing (several hosts at once) and keep its entries that are new:
    not stored already, dated ``since`` or later, newest first, ``most`` per listing."""
    found = Plan()
    sources = list(sources)
    by_url = {s.url: s for s in sources}

    def read(url):
        return read_listing(fetcher, by_url[url])

    for url, result in ahead([s.url for s in sources], read, remote=lambda _: True, per_host=1):
        if isinstance(result, FetchError):
            found.failures[url] = str(result)
            continue
        if isinstance(result, Exception):
            found.failures[url] = f"{url} : échec de la lecture ({result.__class__.__name__} : {result})"
            continue
        found.listings[url] = result
        for problem in result.problems:
            found.failures.setdefault(problem.split(" : ")[0], problem)
        for entry in newest_first(result.entries, since, most):
            if entry.url in found.origin:
                continue
            if url_indexed(db, entry.url):
                found.known += 1
                continue
            found.origin[entry.url] = url
            found.urls.append(entry.url)
    return found
