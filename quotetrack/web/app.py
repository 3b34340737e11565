"""Build and run the Datasette instance of ``quotetrack serve``.

The database is checked before Datasette sees it (present, SQLite, at the current schema),
so a wrong ``--db`` is one line at the prompt rather than an error page. The server never
upgrades the schema itself: without ``--allow-review`` it cannot write at all.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

import sqlite_utils

from ..errors import QuotetrackError
from ..archive.schema import MIGRATIONS
from ..archive.database_file import DatabaseUnavailable
from ..archive.reading import DatabaseMissing, read_only_uri, writable
from .metadata import metadata
from .security import allowed_hosts

TEMPLATES = Path(__file__).resolve().parent / "templates"
SETTINGS = {"default_page_size": 50, "truncate_cells_html": 600, "suggest_facets": False}


class WebUnavailable(QuotetrackError):
    """The web interface needs Datasette, an optional extra that is not installed."""


class AddressUnavailable(QuotetrackError):
    """The server cannot listen at the host and port given (in use, or not this machine's)."""


def create_app(db_path, *, allow_review: bool = False, templates=None, organization=None,
               host: str = "127.0.0.1", allow_hosts=(), users=None, allow_sql: bool = False):
    """A Datasette instance on the quote database at ``db_path``.

    ``templates`` and ``organization`` are those of ``quotetrack report``: the sheets and
    dossiers the interface serves are rendered with them. ``host`` and ``allow_hosts``
    make the Host allowlist (``security.py``); ``users`` is the accounts file reviews
    need (``accounts.py``); ``allow_sql`` opens Datasette's SQL editor.
    """
    try:
        from datasette.app import Datasette
        from datasette.plugins import pm
    except ImportError:
        raise WebUnavailable("the web interface needs Datasette: pip install 'quotetrack[web]'") from None
    from . import frame, plugin

    path = Path(db_path).resolve()
    check_database(path)
    if allow_review and not writable(path):
        raise DatabaseUnavailable(f"{path} : base en lecture seule, --allow-review n'y pourrait rien écrire ; servez-la sans")
    # Where not even the -shm of a WAL database can be created, Datasette's own mode=ro
    # fails: the file is served as immutable (nobody can change it there anyway).
    immutable = read_only_uri(path).endswith("immutable=1")
    if not pm.is_registered(plugin):
        pm.register(plugin, name="quotetrack")
    if not pm.is_registered(frame):
        pm.register(frame, name="quotetrack-frame")
    if pm.has_plugin("datasette.handle_exception"):  # it prints a traceback for every 404
        pm.unregister(name="datasette.handle_exception")
    name = path.stem
    meta = metadata(name)
    stat = path.stat()
    meta["plugins"] = {"quotetrack": {
        "database": name, "path": str(path), "allow_review": allow_review,
        "templates": str(templates) if templates else None, "organization": organization,
        "hosts": sorted(allowed_hosts(host, allow_hosts)), "users": str(users) if users else None,
        "allow_sql": allow_sql, "file_identity": [stat.st_dev, stat.st_ino],
    }}  # fmt: skip
    return Datasette([] if immutable else [str(path)], immutables=[str(path)] if immutable else [],
                     metadata=meta, template_dir=str(TEMPLATES), settings=SETTINGS)  # fmt: skip


def check_database(path: Path) -> None:
    """Raise ``DatabaseUnavailable`` unless ``path`` is a quote database at the current schema."""
    if not path.exists():
        raise DatabaseMissing(f"{path} : aucune base de données à cet endroit")
    if not path.is_file():
        raise DatabaseUnavailable(f"{path} : aucune base ici (créez-la avec quotetrack index)")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            missing = [m.name for m in MIGRATIONS.pending(sqlite_utils.Database(conn))]
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise DatabaseUnavailable(f"{path}: not a quotetrack database ({error})") from None
    if missing:
        raise DatabaseUnavailable(
            f"{path}: made by an older quotetrack (missing {', '.join(missing)}); "
            "run any quotetrack command on it once (quotetrack speakers --db ...) to upgrade it"
        )


def check_address(host: str, port: int) -> None:
    """Raise ``AddressUnavailable`` unless a server could listen at ``host:port`` now, so
    that the error is one line before the server starts, not a log line after."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise AddressUnavailable(f"cannot listen on {host}:{port}: {reason}") from None


def serve(app, host: str, port: int) -> None:
    """Run ``app`` until interrupted (uvicorn comes with Datasette)."""
    import uvicorn

    uvicorn.run(app.app(), host=host, port=port, log_level="warning", lifespan="on")
