"""The morning update of the followed feeds and sitemaps (``quotetrack follow update``).

``update`` reads every followed address with conditional requests (``listings.plan``),
indexes what is new through the ``index`` it is given (``indexing.index_paths``), and sums
it up per outlet. It is made to run from cron:

- a lock beside the database (``flock``, released by the system even when the process is
  killed) so that two updates never overlap;
- an address's validators (ETag, Last-Modified) are saved only once every article it
  listed is stored: an update killed halfway asks again for the whole feed next time, and
  skips the articles already stored (by URL), so nothing is lost and nothing doubled;
- its ``fetched`` count says whether anything could be read at all (the exit status).
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..archive.subscriptions import follows, record_failure, record_update
from ..errors import QuotetrackError
from ..sources.listings import Listing
from ..sources.politeness import host_of
from ..text.safety import path_text
from .planning import Source, plan


class UpdateRunning(QuotetrackError):
    """Another ``follow update`` holds the lock of this database."""


@contextmanager
def update_lock(db_path) -> Iterator[None]:
    """Hold the update lock of the database at ``db_path``, or raise UpdateRunning."""
    lock_path = f"{db_path}.follow-lock"
    handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UpdateRunning(f"{path_text(db_path)} : une mise à jour est déjà en cours (verrou {path_text(lock_path)})") from None
        yield
    finally:
        os.close(handle)  # closing releases the lock


@dataclass
class OutletTally:
    articles: int = 0  # new or replaced
    quotes: int = 0
    new_speakers: int = 0
    failed: int = 0


@dataclass
class UpdateReport:
    """What ``update`` did: per outlet, per followed address, and the failures."""

    outlets: dict[str, OutletTally] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)  # addresses that answered 304
    failures: list[str] = field(default_factory=list)  # French lines
    known: int = 0
    followed: int = 0
    fetched: int = 0  # listings read (a 304 counts: the site answered)


def update(db, fetcher, index: Callable[[list[str]], Iterable], *, most: int | None = None,
           on_outcome: Callable | None = None, on_listing: Callable | None = None) -> UpdateReport:  # fmt: skip
    """Index what every followed address lists that the archive lacks (module doc).

    ``index(urls)`` yields one Outcome per URL (``indexing.index_paths`` with the run's
    engine and workers); ``on_outcome`` sees each, ``on_listing(url, tally)`` each address
    once all its articles are done. The caller holds ``update_lock``.
    """
    report = UpdateReport()
    followed = follows(db)
    report.followed = len(followed)
    sources = [Source(f.url, f.kind, f.etag, f.last_modified) for f in followed]
    found = plan(db, fetcher, sources, most=most)
    report.known = found.known
    report.fetched = len(found.listings)
    for url, message in found.failures.items():
        report.failures.append(message)
        record_failure(db, url, message)
    remaining = {url: 0 for url in found.listings}
    for article_url in found.urls:
        remaining[found.origin[article_url]] += 1
    per_listing: dict[str, OutletTally] = {url: OutletTally() for url in found.listings}
    for url in [u for u, n in remaining.items() if n == 0]:
        _finish(db, url, found.listings[url], report, on_listing, per_listing[url])
    for outcome in index(found.urls):
        if on_outcome:
            on_outcome(outcome)
        listing_url = found.origin.get(outcome.path)
        outlet = outcome.outlet or _outlet(found.listings.get(listing_url), listing_url or outcome.path)
        for tally in (report.outlets.setdefault(outlet, OutletTally()), per_listing.get(listing_url)):
            if tally is None:
                continue
            if outcome.status == "failed":
                tally.failed += 1
            elif outcome.status in ("indexed", "replaced"):
                tally.articles += 1
                tally.quotes += outcome.quotes
                tally.new_speakers += outcome.new_speakers
        if outcome.status == "failed":
            report.failures.append(outcome.error or outcome.path)
        if listing_url in remaining:
            remaining[listing_url] -= 1
            if remaining[listing_url] == 0:
                _finish(db, listing_url, found.listings[listing_url], report, on_listing, per_listing[listing_url])
    return report


def _finish(db, url: str, listing: Listing, report: UpdateReport, on_listing, tally: OutletTally) -> None:
    """Every article of ``url`` is stored: keep its validators for the next update."""
    if listing.not_modified:
        report.unchanged.append(url)
    record_update(db, url, etag=listing.etag, last_modified=listing.last_modified)
    if on_listing:
        on_listing(url, listing, tally)


def _outlet(listing: Listing | None, url: str) -> str:
    return (listing.title if listing and listing.title else None) or host_of(url) or url


