"""The one way to write: an all-or-nothing transaction holding SQLite's write lock.

It sits below ``store`` and ``review`` (and ``speakers``), which all write inside it,
so none of them has to import another to get it.
"""

from __future__ import annotations

import contextlib


@contextlib.contextmanager
def write_transaction(db):
    """One all-or-nothing transaction that holds the write lock from its start.

    ``BEGIN IMMEDIATE`` rather than ``with db.conn:``: sqlite-utils 4 commits each
    ``execute()`` that is not inside an explicit transaction, and a deferred
    transaction that reads then writes fails at once with SQLITE_BUSY (busy_timeout
    cannot help) when another process wrote in between. Nested calls use a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    db.conn.execute("COMMIT")
