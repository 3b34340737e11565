"""Options and helpers shared by the command modules: one definition each."""

from __future__ import annotations

import errno
import functools
import os
import sqlite3
import sys

import click

from ..errors import QuotetrackError
from ..text.plurals import plural
from ..text.safety import path_text


def friendly(func):
    """Turn library errors into ``click.ClickException`` (one line, exit status 1).

    So do SQLite's errors, raised by any query on a damaged, locked or full database
    (the message names the file and the fix), and a failed write to standard output
    (a full disk behind a redirection).
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except QuotetrackError as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.DatabaseError as exc:
            from ..archive.database_file import database_error

            raise click.ClickException(str(database_error(kwargs.get("db_path") or "database", exc))) from None
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT):
                raise
            _silence_stdout()
            if exc.errno == errno.EPIPE:
                sys.exit(1)
            raise click.ClickException(f"impossible d'écrire la sortie : {(exc.strerror or str(exc)).lower()}") from None
        except KeyboardInterrupt:
            raise click.Abort() from None

    return wrapper


MOST_ROWS = 1_000_000_000  # a --limit beyond this is a typo; SQLite's integers end at 2**63 - 1


class BoundedInt(click.ParamType):
    """An integer between two bounds, refused in French: an unbounded one reached SQLite
    as an ``OverflowError`` traceback (``--limit 9223372036854775808``)."""

    name = "entier"

    def __init__(self, low: int, high: int):
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        try:
            number = value if isinstance(value, int) and not isinstance(value, bool) else int(str(value).strip())
        except ValueError:
            self.fail(f"« {value} » n'est pas un nombre entier", param, ctx)
        if not self.low <= number <= self.high:
            self.fail(f"{number} n'est pas entre {self.low} et {self.high:_}".replace("_", " "), param, ctx)
        return number


class FiniteFloat(click.ParamType):
    """A number between two bounds; ``nan`` and ``inf`` are refused (every comparison
    with nan is false, so a range check alone lets it through)."""

    name = "nombre"

    def __init__(self, low: float, high: float):
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        import math

        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"« {value} » n'est pas un nombre", param, ctx)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            self.fail(f"« {value} » n'est pas un nombre entre {self.low:g} et {self.high:g}", param, ctx)
        return number


def limit_type(low: int = 1, high: int = MOST_ROWS) -> BoundedInt:
    return BoundedInt(low, high)


def reader_table(rows, columns, limits=None, vocabularies=None) -> str:
    """The ``table`` format, for people: French headers and values (JSON keeps identifiers)."""
    from ..printing.tables import table
    from ..vocabulary import for_reader, limits_for_reader

    translated, headers = for_reader(rows, columns, vocabularies)
    return table(translated, headers, limits_for_reader(limits or {}))


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the flush at exit does not fail again
    with a traceback (the fix Python's documentation gives for a broken pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's buffer)
        pass


def write_output(pieces, output=None, *, database=None, inputs=()) -> None:
    """Text pieces to ``output`` (checked, written atomically) or to standard output
    (no ``output``, or ``-``)."""
    if output and output != "-":
        from ..printing.atomic_files import check_output_path, write_atomically

        check_output_path(output, database=database, inputs=inputs)
        write_atomically(output, pieces)
        click.echo(f"écrit : {click.format_filename(output)}", err=True)
        return
    sys.stdout.flush()
    stream = sys.stdout.buffer  # as is: click.echo would strip escape codes from the data
    for piece in pieces:
        stream.write(piece.encode("utf-8"))
    stream.flush()


def engine_options(func):
    func = click.option(
        "--full-parse",
        is_flag=True,
        help="Analyser chaque phrase en dépendances (par défaut : seulement celles qui peuvent contenir ou introduire une citation).",
    )(func)
    func = click.option(
        "--stanza-dir",
        type=click.Path(file_okay=False),
        envvar="QUOTETRACK_STANZA_DIR",
        help="Dossier des modèles Stanza (par défaut : le dossier de ressources de Stanza).",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(["auto", "stanza", "spacy"]),
        default="auto",
        show_default=True,
        help="Analyseur : Stanza si ses modèles français sont présents, sinon spaCy.",
    )(func)
    return func


def format_option(choices, default):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="table : pour les personnes (en français) ; json, csv, ndjson : pour les programmes.")  # fmt: skip


def load_engine(engine: str, stanza_dir):
    from ..nlp import get_engine

    return get_engine(resolve_engine(engine, stanza_dir), stanza_dir)


def selection(full_parse: bool):
    """What ``parse_many(select=...)`` takes: None parses everything."""
    from ..extract.triggers import selection as choose

    return choose(full_parse)


def resolve_engine(engine: str, stanza_dir) -> str:
    """The engine ``auto`` stands for, said once on stderr; missing models fail here, early."""
    from ..nlp import resolve_engine_name, stanza_engine

    name = resolve_engine_name(engine, stanza_dir)
    if name == "stanza" and not stanza_engine.is_available(stanza_dir):
        stanza_engine.StanzaEngine(stanza_dir)  # raises ModelMissing naming the fix
    if engine == "auto":
        click.echo(f"analyseur : {name}", err=True)
    return name


def read_one(path: str):
    from ..sources.articles import read_article

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
        help="Base SQLite (aussi $QUOTETRACK_DB).",
    )(func)


def open_database(db_path):
    """The database for a command that writes (index, review, speakers merge): created
    when missing, upgraded when older."""
    from ..archive.store import open_db

    return open_db(db_path)


def read_database(db_path):
    """The database for a command that only reads: opened read-only, never created; a
    missing file is one line saying where it was looked for and how to choose another."""
    from ..archive.reading import DatabaseMissing, open_for_reading

    try:
        return open_for_reading(db_path)
    except DatabaseMissing as missing:
        raise missing_database(missing) from None


def missing_database(missing) -> click.ClickException:
    """The line for a database that is not there: where it was looked for, how to choose."""
    return click.ClickException(f"{missing} ({_where_from()}) ; choisissez la base avec --db FICHIER "
                                "ou la variable QUOTETRACK_DB, ou créez-en une avec quotetrack index")


def _where_from() -> str:
    """Where the database path came from: --db, $QUOTETRACK_DB or the default."""
    from click.core import ParameterSource

    context = click.get_current_context(silent=True)
    source = context.get_parameter_source("db_path") if context else None
    if source == ParameterSource.ENVIRONMENT:
        return "d'après $QUOTETRACK_DB"
    if source == ParameterSource.COMMANDLINE:
        return "d'après --db"
    return f"chemin par défaut {DEFAULT_DB}, depuis le dossier {path_text(os.getcwd())}"
def _typed(parse):
    """A click callback reading a status or kind typed in French or English."""
    from ..vocabulary import UnknownWord

    def callback(ctx, param, value):
        if value is None:
            return None
        try:
            return parse(value)
        except UnknownWord as error:
            raise click.BadParameter(str(error)) from None

    return callback


def status_callback(ctx, param, value):
    from ..vocabulary import parse_status

    return _typed(parse_status)(ctx, param, value)


def kind_callback(ctx, param, value):
    from ..vocabulary import parse_kind

    return _typed(parse_kind)(ctx, param, value)


def speaker_kind_callback(ctx, param, value):
    from ..vocabulary import parse_speaker_kind

    return _typed(parse_speaker_kind)(ctx, param, value)


def include_rejected_option(func):
    return click.option(
        "--include-rejected", is_flag=True,
        help="Compter aussi les citations rejetées par la vérification (« pas une citation »).",
    )(func)  # fmt: skip


def filter_options(func):
    """The filters shared by search, export and reports."""
    for option in reversed(
        [
            click.option("--speaker", help="Nom, alias, nom de famille ou id (#12) du locuteur."),
            click.option("--since", help="Dite ce jour ou après (AAAA, AAAA-MM ou AAAA-MM-JJ)."),
            click.option("--until", help="Dite ce jour ou avant."),
            click.option("--source", help="Média : nom ou domaine, approximatif (monde, lemonde.fr, Le Monde)."),
            click.option("--kind", callback=kind_callback, metavar="TYPE",
                         help="directe|partielle|indirecte (ou direct|partial|indirect)."),
            include_rejected_option,
        ]
    ):
        func = option(func)
    return func


def web_options(func):
    """How pages, feeds and sitemaps are downloaded: shared by ``index`` and ``follow update``."""
    for option in reversed(
        [
            click.option("--delay", type=FiniteFloat(0, 3600), default=1.0, show_default=True,
                         help="Secondes au moins entre deux requêtes à un même site (les sites différents sont lus en même temps)."),
            click.option("--timeout", type=FiniteFloat(0.1, 3600), default=10.0, show_default=True,
                         help="Secondes sans réponse avant d'abandonner une adresse."),
            click.option("--allow-local", is_flag=True,
                         help="Lire aussi les adresses du réseau local (localhost, 10.x, 192.168.x…), refusées sinon."),
            click.option("--allow-address", "allowed_addresses", multiple=True, metavar="ADRESSE",
                         help="Lire cette adresse ou ce réseau local seulement (ex. 10.0.0.5, 10.1.0.0/16 ; répétable)."),
        ]
    ):  # fmt: skip
        func = option(func)
    return func


def make_fetcher(delay: float, timeout: float, allow_local: bool, allowed_addresses=(), max_bytes: int = 5_000_000):
    """The downloader of one command run, with its politeness and limits."""
    import ipaddress

    from ..sources.fetching import Fetcher, Limits

    for address in allowed_addresses:
        try:
            ipaddress.ip_network(address, strict=False)
        except ValueError:
            raise click.BadParameter(f"« {address} » n'est pas une adresse IP ni un réseau", param_hint="--allow-address") from None
    allow = True if allow_local else frozenset(allowed_addresses)
    return Fetcher(Limits(delay=delay, timeout=timeout, max_bytes=max_bytes or 5_000_000, allow_local=allow))


class ListingLines:
    """Progress off a terminal: one line per feed or sitemap once all its articles are
    done (``origin`` maps each article URL to the listing that gave it)."""

    def __init__(self, origin: dict, enabled: bool):
        from collections import Counter

        self.origin, self.enabled = origin, enabled
        self.remaining = Counter(origin.values())
        self.tallies: dict = {}

    def step(self, outcome) -> None:
        listing = self.origin.get(outcome.path)
        if listing is None:
            return
        tally = self.tallies.setdefault(listing, {"articles": 0, "quotes": 0, "failed": 0})
        if outcome.status in ("indexed", "replaced"):
            tally["articles"] += 1
            tally["quotes"] += outcome.quotes
        elif outcome.status == "failed":
            tally["failed"] += 1
        self.remaining[listing] -= 1
        if self.remaining[listing] == 0:
            self.finished(listing, tally)

    def finished(self, listing: str, tally: dict, unchanged: bool = False) -> None:
        if not self.enabled:
            return
        from ..text.safety import terminal_text

        state = "inchangé" if unchanged else f"{plural(tally['articles'], 'article')}, {plural(tally['quotes'], 'citation')}"
        failed = f", {tally['failed']} en échec" if tally.get("failed") else ""
        click.echo(terminal_text(f"{listing} : {state}{failed}"), err=True)

