"""The SQLite store: opening a database, and writing articles, quotes and speakers.

One database file holds everything a newsroom needs to open in Datasette: ``articles``,
``speakers`` with their ``speaker_aliases``, ``quotes``, full-text indexes ``quotes_fts``
and ``articles_fts``, a ``quote_view`` joining them, and the ``review_log`` of every
change a person made. Every schema change is a migration in ``schema.MIGRATIONS``,
applied by ``open_db()``, so an old file is upgraded in place, never recreated: quotes
reviewed by hand (``status``, ``notes``, corrections, ``wikidata_id``) must survive
upgrades, and re-indexing (see ``save_article``) carries them over to the new extraction.

Read queries live in ``archive/search.py``, the migrations in ``archive/schema.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from . import database_file as dbfile
from .database_file import DatabaseTooNew, DatabaseUnavailable, database_error
from .reviews import carry_reviews, default_reviewer, reviewed_quotes, utc_now
from ..text.safety import path_text, storable_path
from .schema import MIGRATIONS
from .speaker_rows import clean_role
from .identity import ArticleSpeakers
from .identity import merge_speakers as _merge_speakers
from ..extract.statement_dates import statement_date
from .transaction import write_transaction
from ..text.folding import text_key

TABLES = ("articles", "speakers", "speaker_aliases", "quotes")


@dataclass(frozen=True)
class SaveResult:
    """What ``save_article`` did: ``status`` is 'indexed', 'replaced' or 'skipped'.

    ``reviews_kept`` reviewed quotes were matched to the new extraction and keep their
    review; ``orphaned`` ones were not, and are kept flagged (see ``review.carry_reviews``).
    """

    status: str
    article_id: str
    quotes: int = 0
    new_speakers: int = 0
    reviews_kept: int = 0
    orphaned: int = 0
    warnings: tuple[str, ...] = ()  # statement dates left empty, and why


def open_db(path) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path``, upgraded to the latest schema.

    A file whose schema has migrations this quotetrack does not know was written by a
    newer version: it is refused before anything is written to it.
    """
    path = Path(path)
    conn = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        conn = sqlite3.connect(path, timeout=dbfile.BUSY_TIMEOUT_MS / 1000)
        if created:
            dbfile.give_umask_mode(path)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {dbfile.BUSY_TIMEOUT_MS}")
        refuse_newer_schema(db, path)
        db.enable_wal()
        if MIGRATIONS.pending(db):
            # Under the write lock, so two processes opening a new file at once do not
            # both run m001; apply() re-reads what is pending once the lock is held.
            # Foreign keys are off meanwhile (the pragma is ignored inside a
            # transaction): rebuilding a table (m004) must not cascade to its children.
            db.execute("PRAGMA foreign_keys = OFF")
            with write_transaction(db):
                MIGRATIONS.apply(db)
                if db.conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError("the upgrade broke a foreign key")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise database_error(path, error) from None
    except (OSError, sqlite3.Error) as error:
        if conn is not None:
            conn.close()
        raise DatabaseUnavailable(f"base {path_text(path)} inutilisable : {error}") from None
    except DatabaseTooNew:
        conn.close()
        raise
    return db


def refuse_newer_schema(db, path) -> None:
    """Refuse a database a newer quotetrack has migrated: this version could not read or
    write its schema faithfully. Opening for writing and opening for reading both ask."""
    known = {migration.name for migration in MIGRATIONS._migrations}
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    if unknown:
        raise DatabaseTooNew(
            f"{path_text(path)} : écrite par une version plus récente de quotetrack (schéma {unknown[-1]}) ; "
            "mettez quotetrack à jour pour l'utiliser (cette version n'y écrira pas)"
        )


def article_id_for(text: str) -> str:
    """An article is its text: the same text found at two paths is indexed once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quote_id_for(article_id: str, parts, text: str) -> str:
    """Stable across re-indexing, so links and review statuses keep pointing at it."""
    key = json.dumps([article_id, [list(p) for p in parts], text], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def save_article(
    db, article, quotes, *, engine: str, engine_version: str, indexed_at: str | None = None,
    reextract: bool = False, url_identifies: bool = True,
) -> SaveResult:  # fmt: skip
    """Store an article and its quotes in one transaction: all of it, or nothing.

    ``article`` is anything with the attributes of ``ingest.Article``. The same text
    already stored is skipped, unless ``reextract``: then its quotes are replaced by
    ``quotes`` (a new engine or new extraction rules) and its engine fields updated. A
    new text replaces a stored article only when it is a new version of it: at the same
    path, or (at no stored path) with the same URL, when that URL names one article
    (``article_url``: not a home or section page, not a URL several stored articles
    share, and ``url_identifies``, which the indexer clears for a URL that several inputs
    of one run carry). The old article and its quotes go, speakers and aliases stay.

    Nothing a person entered is lost either way: every reviewed quote of the old version
    is matched to the new extraction and keeps its review, or is kept in the new
    article flagged orphaned (``review.carry_reviews``).
    """
    article_id = article_id_for(article.text)
    quotes = list(quotes)
    if not reextract and article_exists(db, article_id):  # cheap check before the lock
        return SaveResult("skipped", article_id)
    with write_transaction(db):
        exists = article_exists(db, article_id)
        if exists and not reextract:
            return SaveResult("skipped", article_id)
        path = storable_path(_real_path(article.path))
        url = (article.url or None) if url_identifies else None
        old_ids = [article_id] if exists else _article_ids_at(db, path, url)
        reviewed = reviewed_quotes(db, old_ids)
        if exists:
            db.conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
            published = _update_article(db, article, article_id, engine, engine_version, indexed_at)
            replaced = 1
        else:
            replaced = _delete_articles(db, old_ids)
            _insert_article(db, article, article_id, engine, engine_version, indexed_at)
            published = article.published
        speakers = ArticleSpeakers(db, article_id, article.text, quotes, old_ids)
        published = (published or None) and published[:10]
        rows, warnings = {}, []
        for quote in quotes:
            speaker_id = speakers.id_for(quote) if quote.speaker else None
            dated = statement_date(article.text, quote.parts, getattr(quote, "cue_start", None),
                                   getattr(quote, "cue_end", None), published)  # fmt: skip
            if dated.warning and dated.warning not in warnings:
                warnings.append(dated.warning)
            row = _quote_row(article_id, dated, quote, speaker_id)
            rows.setdefault(row["id"], row)  # the same span twice is one quote
        if rows:
            columns = list(next(iter(rows.values())))
            db.conn.executemany(
                f"INSERT INTO quotes ({', '.join(f'[{c}]' for c in columns)}) "
                f"VALUES ({', '.join(f':{c}' for c in columns)})",
                list(rows.values()),
            )
        kept = orphaned = 0
        if reviewed:
            kept, orphaned = carry_reviews(db, article_id, reviewed, list(rows.values()))
        speakers.finish()
    status = "replaced" if replaced else "indexed"
    return SaveResult(status, article_id, len(rows), speakers.created, kept, orphaned, tuple(warnings))


def merge_speakers(db, keep: str, merge: str, *, reviewer: str | None = None, at: str | None = None) -> dict:
    """Merge speaker ``merge`` into ``keep`` (see ``speakers.merge_speakers``), logged
    under ``reviewer`` (default: ``$QUOTETRACK_REVIEWER`` or the login name)."""
    return _merge_speakers(db, keep, merge, reviewer=reviewer or default_reviewer(), at=at or utc_now())


def counts(db) -> dict[str, int]:
    """Row counts of the main tables, for `quotetrack stats` and tests."""
    return {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def article_exists(db, article_id: str) -> bool:
    return db.conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def url_indexed(db, url: str) -> bool:
    """Whether an article downloaded from ``url``, or whose canonical URL it is, is stored."""
    sql = "SELECT 1 FROM articles WHERE path = ? UNION ALL SELECT 1 FROM articles WHERE url = ? LIMIT 1"
    return db.conn.execute(sql, [url, url]).fetchone() is not None


def indexed_from(db, path) -> list[str]:
    """The stored article paths that name the file ``path`` (as given, absolute or relative)."""
    try:
        forms = {str(path), os.path.abspath(path), os.path.relpath(path)}
    except ValueError:
        forms = {str(path)}
    forms = [storable_path(form) for form in forms]
    sql = f"SELECT DISTINCT path FROM articles WHERE path IN ({', '.join('?' * len(forms))})"
    return [row[0] for row in db.conn.execute(sql, forms)]


def _real_path(path: str | None) -> str | None:
    """"-" is standard input: two articles piped in one after the other are not versions."""
    return None if path in (None, "", "-") else path


def _article_ids_at(db, path: str | None, url: str | None) -> list[str]:
    """Earlier versions of an article: the stored articles at the same path; else the
    one stored article with the same article-specific URL (several: none of them)."""
    if path is not None:
        ids = [row[0] for row in db.conn.execute("SELECT id FROM articles WHERE path = ?", [path])]
        if ids:
            return ids
    if url is None or not article_url(url):
        return []
    ids = [row[0] for row in db.conn.execute("SELECT id FROM articles WHERE url = ? LIMIT 2", [url])]
    return ids if len(ids) == 1 else []


def article_url(url: str) -> bool:
    """Whether ``url`` can name one article: an http(s) URL with a path past a section.

    A site's home page (``/``, ``/index.html``) or a section (``/politique/``) is what a
    canonical link points to on pages that have no canonical URL of their own; an
    article's URL has a query, or two path segments or more, or one that reads like a
    slug or an identifier (a digit, a hyphen, an underscore or a dot).
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return False
    if parts.query:
        return True
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1].lower().startswith("index."):
        segments.pop()
    if len(segments) >= 2:
        return True
    return bool(segments) and any(c.isdigit() or c in "-_." for c in segments[0])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _delete_articles(db, ids: list[str]) -> int:
    """Delete earlier versions of an article; quotes first, so this holds even on a
    connection where foreign keys (and their cascade) are off."""
    for old_id in ids:
        db.conn.execute("DELETE FROM quotes WHERE article_id = ?", [old_id])
        db.conn.execute("DELETE FROM articles WHERE id = ?", [old_id])
    return len(ids)


def _insert_article(db, article, article_id, engine, engine_version, indexed_at) -> None:
    row = {
        "id": article_id,
        **{k: getattr(article, k, None) for k in ("url", "title", "source", "author")},
        **{k: getattr(article, k, None) for k in ("published", "lang")},
        "path": storable_path(getattr(article, "path", None)),
        "authors": _authors(article),
        "text": article.text,
        "engine": engine,
        "engine_version": engine_version,
        "indexed_at": indexed_at or _now(),
    }
    db.conn.execute(
        f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})", row
    )


def _authors(article) -> str | None:
    """The authors as a JSON list: several bylines stay several names."""
    authors = list(getattr(article, "authors", None) or ())
    if not authors and getattr(article, "author", None):
        authors = [article.author]
    return json.dumps(authors, ensure_ascii=False) if authors else None


def _update_article(db, article, article_id, engine, engine_version, indexed_at) -> str | None:
    """Re-extraction of a stored text: new engine fields; metadata given this time
    (a ``--date``, a title) replaces the stored one, metadata not given keeps it.
    Returns the publication date the quotes take."""
    fields = ("url", "title", "source", "author", "published")
    db.conn.execute(
        "UPDATE articles SET engine = ?, engine_version = ?, indexed_at = ?, "
        + ", ".join(f"{k} = coalesce(?, {k})" for k in fields) + " WHERE id = ?",
        [engine, engine_version, indexed_at or _now(), *(getattr(article, k, None) or None for k in fields), article_id],
    )
    return db.conn.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()[0]


def _quote_row(article_id: str, dated, quote, speaker_id: int | None) -> dict:
    return {
        "id": quote_id_for(article_id, quote.parts, quote.text),
        "article_id": article_id,
        "speaker_id": speaker_id,
        "text": quote.text,
        "kind": quote.kind,
        "parts": json.dumps([list(p) for p in quote.parts]),
        "start": quote.start,
        "end": quote.end,
        **{
            k: getattr(quote, k)
            for k in (
                "cue", "cue_lemma", "speaker_mention", "speaker_start", "speaker_end",
                "context", "paragraph", "confidence", "reason",
            )
        },
        "role": clean_role(quote.role) if speaker_id is not None else None,
        "said_on": dated.said_on,
        "said_on_source": dated.source,
        "said_on_text": dated.text,
        "text_key": text_key(quote.text),
    }
