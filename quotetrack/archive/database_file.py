"""The database file's failures, each as one line that names the file and the fix.

SQLite reports a damaged page, a full disk, a lock held too long and a read-only file
with the same few exception types; ``database_error`` tells them apart so a user reads
what happened and what to do (``sqlite3 FILE ".recover"`` for a damaged file, who has
the file open for a lock), never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import QuotetrackError
from ..text.safety import path_text, terminal_text

# Several `quotetrack index` processes may write to one file; each waits its turn.
BUSY_TIMEOUT_MS = 60_000


class DatabaseUnavailable(QuotetrackError):
    """The database file cannot be created, opened or written; the message names it."""


class DatabaseDamaged(DatabaseUnavailable):
    """SQLite found the file corrupt (a bad page, not a database); the message names the fix."""


class DatabaseLocked(DatabaseUnavailable):
    """Another process held the write lock for longer than the busy timeout."""


class DatabaseTooNew(DatabaseUnavailable):
    """The file was upgraded by a newer quotetrack: this one must not write into it."""


def give_umask_mode(path) -> None:
    """A new database gets what the user's umask gives any new file (``0o666 & ~umask``),
    like every report and export, rather than SQLite's own 0644 (its -wal and -shm copy
    the file's mode)."""
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(path, 0o666 & ~umask)
    except OSError:
        pass  # not ours to change (another user's folder): SQLite's mode stays


def database_error(path, error: sqlite3.DatabaseError) -> DatabaseUnavailable:
    """The one-line error for an SQLite failure on the database at ``path``, with its fix."""
    shown = path_text(path)
    message = " ".join(str(error).replace("*** in database main ***", "").split())
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        holders = lock_holders(path)
        who = " ; ouverte par " + ", ".join(holders) if holders else ""
        return DatabaseLocked(
            f"{shown} : base verrouillée : un autre processus l'a occupée plus de "
            f"{BUSY_TIMEOUT_MS / 1000:g} s{who} ; réessayez quand il aura fini"
        )
    if "full" in lowered:
        return DatabaseUnavailable(f"{shown} : disque plein ({message}) ; rien n'a été écrit, libérez de la place et réessayez")
    if "not a database" in lowered and not _looks_like_sqlite(path):
        return DatabaseUnavailable(
            f"{shown} : n'est pas une base quotetrack (ni même un fichier SQLite) ; "
            "choisissez la base avec --db FICHIER ou $QUOTETRACK_DB"
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return DatabaseUnavailable(f"base {shown} inutilisable : {message}")
    return DatabaseDamaged(
        f"{shown} : base endommagée ({message}) ; récupérez-la avec : "
        f"sqlite3 {shown} \".recover\" | sqlite3 recovered.db"
    )


def _looks_like_sqlite(path) -> bool:
    """Whether ``path`` is an SQLite file, perhaps damaged: its header, or else pages of
    binary data (a damaged first page) rather than a text, a PDF or an archive that
    ``--db`` named by mistake, which no ``.recover`` would help."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            start = handle.read(4096)
    except OSError:
        return True
    if start.startswith(b"SQLite format 3\x00"):
        return True
    return size >= 512 and size % 512 == 0 and b"\x00" in start


def check_integrity(db, path) -> None:
    """``PRAGMA quick_check``: a damaged page can make a full read return fewer rows
    without an error, so a command that reads everything (``export``) checks first."""
    try:
        problems = [row[0] for row in db.conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        raise database_error(path, error) from None
    if problems != ["ok"]:
        raise database_error(path, sqlite3.DatabaseError(f"quick_check: {problems[0]}"))


def database_file(db) -> str:
    """The file behind an open database, for error messages."""
    try:
        return next((row[2] for row in db.conn.execute("PRAGMA database_list") if row[1] == "main"), "") or "database"
    except sqlite3.Error:
        return "database"


def lock_holders(path) -> list[str]:
    """Other processes that have the database (or its WAL) open: "pid 123 (quotetrack index)".

    Read from /proc on Linux; elsewhere, or without permission, the list is empty.
    """
    try:
        wanted = {str(Path(f"{Path(path).resolve()}{suffix}")) for suffix in ("", "-wal", "-shm", "-journal")}
        pids = [entry for entry in os.listdir("/proc") if entry.isdigit() and int(entry) != os.getpid()]
    except OSError:
        return []
    found = []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
            if not any(os.readlink(f"/proc/{pid}/fd/{fd}") in wanted for fd in fds):
                continue
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
        except OSError:
            continue
        found.append(f"pid {pid} ({' '.join(terminal_text(command).split())[:80]})")
    return found
