"""Options and helpers shared by the command modules: one definition each."""

from __future__ import annotations

import functools

import click

from ..errors import QuotetrackError


def friendly(func):
    """Turn library errors into ``click.ClickException`` (one line, exit status 1)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except QuotetrackError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None

    return wrapper


def reader_table(rows, columns, limits=None, vocabularies=None) -> str:
    """The ``table`` format, for people: French headers and values (JSON keeps identifiers)."""
    from ..output import table
    from ..vocabulary import for_reader, limits_for_reader

    translated, headers = for_reader(rows, columns, vocabularies)
    return table(translated, headers, limits_for_reader(limits or {}))


def engine_options(func):
    func = click.option(
        "--stanza-dir",
        type=click.Path(file_okay=False),
        envvar="QUOTETRACK_STANZA_DIR",
        help="Folder of Stanza models (default: Stanza's own resources folder).",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(["auto", "stanza", "spacy"]),
        default="auto",
        show_default=True,
        help="Parser: Stanza when its French models are present, else spaCy.",
    )(func)
    return func


def format_option(choices, default):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True)


def load_engine(engine: str, stanza_dir):
    from ..nlp import get_engine

    return get_engine(resolve_engine(engine, stanza_dir), stanza_dir)


def resolve_engine(engine: str, stanza_dir) -> str:
    """The engine ``auto`` stands for, said once on stderr; missing models fail here, early."""
    from ..nlp import resolve_engine_name, stanza_engine

    name = resolve_engine_name(engine, stanza_dir)
    if name == "stanza" and not stanza_engine.is_available(stanza_dir):
        stanza_engine.StanzaEngine(stanza_dir)  # raises ModelMissing naming the fix
    if engine == "auto":
        click.echo(f"engine: {name}", err=True)
    return name


def read_one(path: str):
    from ..ingest import read_article

    return read_article(path)



DEFAULT_DB = "db/quotetrack.db"


def db_option(func):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        envvar="QUOTETRACK_DB",
        default=DEFAULT_DB,
        show_default=True,
        help="SQLite database (also $QUOTETRACK_DB).",
    )(func)


def open_database(db_path):
    from ..store import open_db

    return open_db(db_path)


def filter_options(func):
    """The filters shared by search, export and reports."""
    for option in reversed(
        [
            click.option("--speaker", help="Canonical name, alias or last name."),
            click.option("--since", help="Said on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            click.option("--until", help="Said on or before this date."),
            click.option("--source", help="Outlet, as stored with the article."),
            click.option("--kind", type=click.Choice(["direct", "partial", "indirect"])),
        ]
    ):
        func = option(func)
    return func
