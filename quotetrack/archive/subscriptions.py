"""The followed feeds and sitemaps: the list ``quotetrack follow`` keeps, and where each
update left off (its validators for the next conditional request)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import QuotetrackError
from .reviews import utc_now
from .transaction import write_transaction

KINDS = ("feed", "sitemap")


class NotFollowed(QuotetrackError):
    """``follow remove`` of an address that is not in the list."""


@dataclass(frozen=True)
class Follow:
    url: str
    kind: str
    added_at: str
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None
    last_error: str | None = None


def add_follow(db, url: str, kind: str) -> bool:
    """Follow ``url`` as a ``kind``; False if it was followed already (its kind updated)."""
    if kind not in KINDS:
        raise ValueError(kind)
    with write_transaction(db):
        known = db.conn.execute("SELECT kind FROM follows WHERE url = ?", [url]).fetchone()
        if known:
            db.conn.execute("UPDATE follows SET kind = ? WHERE url = ?", [kind, url])
            return False
        db.conn.execute("INSERT INTO follows (url, kind, added_at) VALUES (?, ?, ?)", [url, kind, utc_now()])
    return True


def remove_follow(db, url: str) -> None:
    with write_transaction(db):
        if not db.conn.execute("DELETE FROM follows WHERE url = ?", [url]).rowcount:
            raise NotFollowed(f"{url} : adresse non suivie (quotetrack follow list)")


def follows(db) -> list[Follow]:
    columns = "url, kind, added_at, etag, last_modified, checked_at, last_error"
    return [Follow(*row) for row in db.conn.execute(f"SELECT {columns} FROM follows ORDER BY added_at, url")]


def record_update(db, url: str, *, etag: str | None, last_modified: str | None, at: str | None = None) -> None:
    """A complete update of ``url``: its validators kept for the next conditional request."""
    with write_transaction(db):
        db.conn.execute(
            "UPDATE follows SET etag = ?, last_modified = ?, checked_at = ?, last_error = NULL WHERE url = ?",
            [etag, last_modified, at or utc_now(), url],
        )


def record_failure(db, url: str, error: str) -> None:
    """A failed update: the validators stay, so the next update asks the same question."""
    with write_transaction(db):
        db.conn.execute("UPDATE follows SET last_error = ? WHERE url = ?", [error, url])
