"""Opening the database to read it: never creating one, and reading what cannot be written.

A command that only reads (search, show, verify, a report, an export, serve) must not
leave a new empty database behind a typo (``--db qoutes.db``) and answer "no quotes
found" as if the archive were empty: a missing file is refused, naming where it looked.
It opens the file so that nothing can be written (``PRAGMA query_only``; ``mode=ro``
where the file or its folder cannot be written), so a database on a read-only disk, a
CD, a snapshot or a colleague's share is read as well as any other. When not even the ``-shm``
file that a WAL database needs beside it can be created (a read-only folder), SQLite
is told the file cannot change (``immutable=1``): true, since nobody can write there.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from . import database_file as dbfile
from .database_file import DatabaseUnavailable, database_error
from .schema import MIGRATIONS
from .store import refuse_newer_schema, open_db
from ..text.safety import path_text

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseMissing(DatabaseUnavailable):
    """No file at the database path: a read command creates none."""


def open_for_reading(path) -> sqlite_utils.Database:
    """The quote database at ``path``, opened read-only and at the current schema.

    Raises ``DatabaseMissing`` when there is no file, ``DatabaseUnavailable`` when the
    file is not a quotetrack database or is older than this quotetrack and cannot be
    upgraded (read-only), ``DatabaseTooNew`` for a newer one. An older file that can be
    written is upgraded first, as any command would.
    """
    path = Path(path)
    shown = path_text(path)
    if not path.exists():
        raise DatabaseMissing(f"{path_text(path.absolute())} : aucune base de données à cet endroit")
    if not path.is_file():
        raise DatabaseUnavailable(f"{shown} : n'est pas un fichier de base de données")
    if path.stat().st_size == 0:
        raise DatabaseUnavailable(f"{shown} : fichier vide, ce n'est pas une base quotetrack")
    db = _connect_read_only(path)
    try:
        if not db["_sqlite_migrations"].exists():
            if not db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:  # being created by an index
                raise DatabaseUnavailable(f"{shown} : base vide (en cours de création ?) ; indexez des articles avec quotetrack index")
            raise DatabaseUnavailable(f"{shown} : base SQLite qui n'est pas une base quotetrack (aucune table de citations)")
        refuse_newer_schema(db, path)
        pending = [migration.name for migration in MIGRATIONS.pending(db)]
    except sqlite3.DatabaseError as error:
        db.conn.close()
        raise database_error(path, error) from None
    except DatabaseUnavailable:
        db.conn.close()
        raise
    if not pending:
        return db
    db.conn.close()
    if not writable(path):
        raise DatabaseUnavailable(
            f"{shown} : écrite par une version plus ancienne de quotetrack ({', '.join(pending)} manquantes) "
            "et en lecture seule ; ouvrez-la une fois là où elle peut être écrite pour la mettre à jour"
        )
    open_db(path).conn.close()  # the upgrade, under the write lock, as every command does it
    return _connect_read_only(path)


def writable(path) -> bool:
    """Whether the database and its folder (where ``-wal``, ``-shm`` and ``-journal`` go)
    can be written; a read-only file system answers no, even to root."""
    path = Path(path)
    return os.access(path, os.W_OK) and os.access(path.absolute().parent, os.W_OK)


def read_only_uri(path) -> str:
    """The URI SQLite reads ``path`` through: ``mode=ro``, or ``immutable=1`` when the
    ``-shm`` of a WAL database cannot be created beside it (nobody can write there)."""
    uri = Path(path).absolute().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "unable to open" not in str(error) or writable(path):
            return f"{uri}?mode=ro"
        return f"{uri}?immutable=1"
    except sqlite3.DatabaseError:
        pass  # a damaged file: the caller's first query says so, naming the fix
    return f"{uri}?mode=ro"


def _connect_read_only(path: Path) -> sqlite_utils.Database:
    """A connection that cannot write: ``query_only`` where the file can be written (the
    last one out still folds the ``-wal`` back and removes it and the ``-shm``, as every
    command did: a ``mode=ro`` connection would leave them behind), else ``read_only_uri``."""
    conn = None
    try:
        if writable(path):
            conn = sqlite3.connect(path, timeout=dbfile.BUSY_TIMEOUT_MS / 1000)
            conn.execute("PRAGMA query_only = ON")
        else:
            conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=dbfile.BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {dbfile.BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise database_error(path, error) from None
    return sqlite_utils.Database(conn)
