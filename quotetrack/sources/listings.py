"""What a feed or a sitemap lists: article URLs with their dates, and how to ask again.

Feeds (``feeds.py``) and sitemaps (``sitemaps.py``) both come down to a ``Listing``: the
entries, newest first once ``newest_first`` has sorted them, and the validators (ETag,
Last-Modified) that let the next run ask « anything new? » and get a bodiless 304 when
nothing changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urldefrag

import courlan


@dataclass(frozen=True)
class Entry:
    url: str
    published: str | None = None  # ISO 8601, UTC when the listing gave a time
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    url: str  # as asked
    entries: tuple[Entry, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # a 304: nothing new since the validators were given
    title: str | None = None  # the feed's title (the outlet, usually)
    problems: tuple[str, ...] = ()  # parts that could not be read (a sitemap of an index), French lines


def conditional_headers(etag: str | None, last_modified: str | None) -> dict:
    """The headers of a conditional request: the server answers 304 if nothing changed."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def clean_link(link: str | None, base: str | None = None) -> str | None:
    """An entry's URL without tracking parameters nor fragment (courlan), http(s) only."""
    if not link:
        return None
    link = " ".join(link.split())
    if base:
        from urllib.parse import urljoin

        link = urljoin(base, link)
    cleaned = courlan.clean_url(link) or link
    cleaned = urldefrag(cleaned)[0]
    return cleaned if cleaned.lower().startswith(("http://", "https://")) else None


def iso_datetime(value: str | None) -> str | None:
    """A W3C/ISO date or date-time as ISO 8601 (UTC when it has a zone), else None."""
    if not value:
        return None
    value = value.strip()
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") if len(value) > 10 else moment.date().isoformat()


def newest_first(entries, since: str | None = None, most: int | None = None) -> list[Entry]:
    """Entries newest first (undated ones after, in their listed order), each URL once;
    those dated before ``since`` (YYYY-MM-DD) left out; at most ``most``."""
    unique: dict[str, Entry] = {}
    for entry in entries:
        unique.setdefault(entry.url, entry)
    dated = sorted((e for e in unique.values() if e.published), key=lambda e: e.published, reverse=True)
    undated = [e for e in unique.values() if not e.published]
    chosen = [e for e in dated if not since or e.published[:10] >= since] + undated
    return chosen[:most] if most else chosen
