"""RSS and Atom feeds: the articles an outlet announces, newest first.

feedparser reads the feed (RSS 0.9x to 2.0, Atom, with their dates in any of the formats
feeds use); a site's home page given instead of a feed is searched for the feeds it
announces (trafilatura's ``determine_feed``: ``<link rel="alternate">`` first, then links
that look like feeds), and those are read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from urllib.parse import urlsplit

from .fetching import FetchError
from .listings import Entry, Listing, clean_link, conditional_headers

MAX_DISCOVERED = 3  # feeds read from one home page
MAX_ENTRIES = 2000


def read_feed(fetcher, url: str, *, etag: str | None = None, last_modified: str | None = None, discover: bool = True) -> Listing:
    """The entries of the feed at ``url`` (or of the feeds a home page announces);
    a 304 gives a Listing with ``not_modified``. Raise FetchError."""
    response = fetcher.get(url, conditional_headers(etag, last_modified), accept=(200, 304))
    if response.status == 304:
        return Listing(url, (), etag, last_modified, not_modified=True)
    validators = dict(etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
    if response.is_html:
        if not discover:
            raise FetchError(url, "page HTML, pas un flux RSS ou Atom")
        return _from_home_page(fetcher, url, response, validators)
    entries, title = _entries(url, response)
    return Listing(url, entries, title=title, **validators)


def _entries(url: str, response) -> tuple[tuple[Entry, ...], ...]:
    import feedparser

    # A file object, never bytes or a string: feedparser would take those for a path or URL to open.
    parsed = feedparser.parse(io.BytesIO(response.body), response_headers={"content-location": response.final_url})
    if not parsed.version:
        problem = getattr(parsed, "bozo_exception", None)
        if problem is not None and not parsed.entries:
            raise FetchError(url, "le flux n'est pas du XML (ni RSS ni Atom lisible)")
        raise FetchError(url, "ce XML n'est pas un flux RSS ou Atom")
    entries = []
    for item in parsed.entries[:MAX_ENTRIES]:
        link = clean_link(item.get("link"), response.final_url)
        if link:
            entries.append(Entry(link, _date(item), item.get("title")))
    return tuple(entries), parsed.feed.get("title")


def _date(item) -> str | None:
    moment = item.get("published_parsed") or item.get("updated_parsed")
    if not moment:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(moment), dt.timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")


def _from_home_page(fetcher, url: str, response, validators) -> Listing:
    from trafilatura.feeds import FeedParameters, determine_feed

    html = response.body.decode(response.charset or "utf-8", errors="replace")
    host = urlsplit(response.final_url).hostname or ""
    found = determine_feed(html, FeedParameters(response.final_url, host, response.final_url))
    if not found:
        raise FetchError(url, "page HTML qui n'annonce aucun flux RSS ou Atom")
    entries, title = [], None
    for feed_url in found[:MAX_DISCOVERED]:
        listing = read_feed(fetcher, feed_url, discover=False)
        entries.extend(listing.entries)
        title = title or listing.title
    return Listing(url, tuple(entries), title=title, **validators)
