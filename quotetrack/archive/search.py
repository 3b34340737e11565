"""Read queries over the store: full-text search with filters, one quote, the speakers.

Writes (schema, migrations, saving articles, merging speakers) live in ``store.py``, ``schema.py`` and ``identity.py``; this
module only reads, so a journalist can point it at a database another process is filling.

Speaker and outlet names are compared *folded* (accents stripped, case ignored, hyphens
and curly apostrophes unified), because the same person is written « Élisabeth Borne »
in one outlet and « Elisabeth Borne » in another, and users type without accents.
SQLite cannot strip accents, so the few thousand names are folded in Python and cached
per connection until the database changes (see ``_Directory``).
"""

from __future__ import annotations

import datetime
import json
import math
import re
import sqlite3
import weakref
from dataclasses import dataclass

from ..errors import QuotetrackError
from ..text.folding import fold, ligature_variants
from ..extract.records import KINDS
from .evidence import condition as evidence_condition


class QuoteNotFound(QuotetrackError):
    """No quote has this id (or this prefix matches no quote, or several)."""


class SpeakerNotFound(QuotetrackError):
    """No speaker has this name or alias (or it names several speakers)."""


class SearchSyntaxError(QuotetrackError):
    """A search cannot run as given: a filter value of the wrong shape (kind, date)."""


# Columns every search row carries: what a quote card, a CSV export or Datasette needs.
SEARCH_COLUMNS = """
    q.id, q.text, q.kind, s.name AS speaker, s.kind AS speaker_kind, q.role, s.role AS speaker_role,
    q.said_on, q.said_on_source, q.said_on_text, a.source, a.title, a.url, q.article_id, q.status, q.confidence,
    q.cue, q.context, q.paragraph, a.published
"""
MIN_PREFIX = 6


def search(
    db,
    query: str | None = None,
    *,
    speaker: str | None = None,
    since: str | datetime.date | None = None,
    until: str | datetime.date | None = None,
    source: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    limit: int | None = 50,
    stream: bool = False,
    include_rejected: bool = False,
) -> list[dict]:
    """Quotes matching every filter given, newest ``said_on`` first, then by position.

    ``stream`` returns an iterator over the rows instead of a list, so an export of
    every quote holds one row at a time.

    ``query`` is FTS5 over the quote text and the speaker's name, accent- and
    case-insensitive. A query that is not valid FTS5 (``l'otan "``, ``AND``) is run
    with each term quoted instead, so users never see an SQLite error; a trailing ``*`` keeps
    prefix search; a word with « œ » or « æ » finds it written « oe » or « ae » and the
    other way round. ``speaker`` accepts a canonical name, an alias, a last name or a
    speaker id (``#12``). ``source`` an outlet's name or domain, loosely (``monde``,
    ``lemonde.fr``, ``Le Monde``). ``since``/``until`` are inclusive dates (``2024``,
    ``2024-03`` or ``2024-03-15``). Rejected quotes are left out unless
    ``include_rejected`` (``archive/evidence.py``) or ``status`` asks for them by name.
    """
    if kind is not None and kind not in KINDS:
        raise SearchSyntaxError(f"type de citation inconnu : {kind!r} ; au choix : {', '.join(KINDS)}")
    asked = include_rejected or status is not None  # « statut : rejetée » is a reader asking for them
    where, params, join_articles = [evidence_condition("q", include_rejected=asked)], {}, False
    if speaker is not None:
        ids = _by_reference(db, speaker) or _directory(db).speaker_ids(speaker, loose=True)
        if not ids:
            return []
        where.append(f"q.speaker_id IN ({', '.join(str(i) for i in sorted(ids))})")
    if source is not None:
        names = _directory(db).outlets(source)
        if not names:
            return []
        where.append(f"a.source IN ({', '.join(f':source{i}' for i in range(len(names)))})")
        params.update({f"source{i}": name for i, name in enumerate(names)})
        join_articles = True
    if since is not None:
        where.append("q.said_on >= :since")
        params["since"] = _date_bound(since, "since")
    if until is not None:
        where.append("q.said_on <= :until")
        params["until"] = _date_bound(until, "until")
    for column, value in (("kind", kind), ("status", status)):
        if value is not None:
            where.append(f"q.{column} = :{column}")
            params[column] = value
    table = "quotes q" + (" JOIN articles a ON a.id = q.article_id" if join_articles else "")
    if query is not None and query.strip():
        params["fts"] = _valid_fts(db, query.strip())
        filtered = f"SELECT 1 FROM {table} WHERE {' AND '.join(where)}" if where else None
        plan = _fts_plan(db, params, filtered, limit)
        if plan == "matches":  # rowid lookups only: no index may take over the driving
            table = table.replace("quotes q", "quotes q NOT INDEXED", 1)
        where.append(_FTS_CONDITIONS[plan])
    # Pick the rowids first, then fetch columns for those rows only: the sort then
    # handles a few small keys per candidate instead of whole joined rows.
    hits = (
        f"SELECT q.rowid FROM {table}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY q.said_on DESC, q.article_id, q.start"
        + (" LIMIT :limit" if limit is not None else "")
    )
    params["limit"] = limit
    sql = f"""
        SELECT {SEARCH_COLUMNS} FROM ({hits}) AS hits
        JOIN quotes q ON q.rowid = hits.rowid
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id
        ORDER BY q.said_on DESC, q.article_id, q.start
    """
    return _iter_rows(db, sql, params) if stream else _rows(db, sql, params)


def count_matches(db, query: str | None = None, **filters) -> int:
    """How many quotes ``search`` would find with no limit (read one at a time)."""
    return sum(1 for _ in search(db, query, **filters, limit=None, stream=True))


_MATCHING = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts"
_FTS_CONDITIONS = {
    "matches": f"q.rowid IN ({_MATCHING})",
    "set": f"+q.rowid IN ({_MATCHING})",  # `+`: a filter on rows read in date order
    "each": "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH :fts"
    " AND quotes_fts.rowid = q.rowid)",
}
# Measured on 1M quotes (benchmarks/search_latency.py): reading and sorting every match
# costs ~3 µs a match, so only rare words are read in full; putting matches in a rowid
# set ~0.25 µs a match; one MATCH against one row 20-70 µs for a plain word, but
# milliseconds for a prefix (it is expanded again for every row).
FEW_MATCHES = 2_000
COMMON_SCALE = 1.0  # tests set it to 0 or 10**9 to force "each" or "set"
FILTERED_ROWS_TESTED = 4_000
EACH_OVER_SET_COST = 200  # ~50 µs a row tested / ~0.25 µs a match put in the set
_PLAIN_WORD = re.compile(r"[^\W_]+")


def fts_query(db, query: str) -> str:
    """The FTS5 query ``search`` runs for the words ``query`` (for other front ends: the web)."""
    return _valid_fts(db, query.strip()) if query.strip() else '""'


_BARE_WORD = re.compile(r"(?<![\w\"])([^\W\d_]+)(\*?)(?![\w\"])")


def _with_ligatures(query: str) -> str:
    """Each bare word written with or without a ligature as both: ``manoeuvres`` ->
    ``(manoeuvres OR manœuvres)``. The full-text tokenizer strips accents but keeps
    « œ » and « æ », which users rarely type."""
    if '"' in query:
        return query

    def spell(match):
        word, star = match.group(1), match.group(2)
        variants = ligature_variants(word)
        if len(variants) == 1 or word.upper() in ("AND", "OR", "NOT", "NEAR"):
            return match.group(0)
        return "(" + " OR ".join(variant + star for variant in variants) + ")"

    return _BARE_WORD.sub(spell, query)


def _valid_fts(db, query: str) -> str:
    """``query`` if FTS5 can parse it, else the same words quoted (see quote_terms)."""
    query = _with_ligatures(query) if _is_valid(db, query) else query
    return query if _is_valid(db, query) else quote_terms(query)


def _is_valid(db, query: str) -> bool:
    try:
        db.conn.execute(f"SELECT count(*) FROM ({_MATCHING} LIMIT 1)", {"fts": query})
        return True
    except sqlite3.OperationalError as error:
        if not _is_fts_syntax_error(error):
            raise
    return False


def _fts_plan(db, params: dict, filtered: str | None, limit: int | None) -> str:
    """How to run a full-text search ordered by date, from how many quotes match.

    SQLite cannot estimate how many quotes a MATCH returns, and its default plan reads
    every match then sorts them by date: right for a rare word ("matches"). For a
    common word it is cheaper to walk the date-ordered index (or the speaker's) and
    test each row against the set of matching rowids ("set"). For a plain word found
    in a large share of quotes (« nous »), testing each row with its own MATCH stops
    after about limit / share rows ("each"); but other filters may keep only rows
    where the word never occurs, so then only when they keep few rows to test, or so
    few that testing them all costs less than the set. ``filtered`` is the search
    without its MATCH, to count those rows.
    """
    def up_to(sql: str, cap: int) -> int:
        return db.conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {cap})", params).fetchone()[0]

    if up_to(_MATCHING, FEW_MATCHES) < FEW_MATCHES:
        return "matches"
    if limit is None or not _PLAIN_WORD.fullmatch(params["fts"]):
        return "set"
    total = db.conn.execute("SELECT max(rowid) FROM quotes").fetchone()[0] or 0
    # "each" tests about limit * total / matches rows, "set" stores every match: both
    # cost the same at this many matches (a tenth of all quotes at 1M, a third at 100k).
    balance = EACH_OVER_SET_COST * COMMON_SCALE * limit * total
    common = max(FEW_MATCHES, math.isqrt(int(balance)))
    if filtered is not None:
        rows = up_to(filtered, FILTERED_ROWS_TESTED)
        if rows == FILTERED_ROWS_TESTED:
            return "set"
        # Testing every filtered row costs less than building the set of matches:
        common = min(common, rows * EACH_OVER_SET_COST)
    return "each" if up_to(_MATCHING, common) == common else "set"


def quote_terms(query: str) -> str:
    """``l'otan "négoci*`` -> ``"l'otan" AND "négoci"*``: every term taken literally.

    Terms without a letter or digit (``"``, ``(``) are dropped: the tokenizer would
    find no word in them, and an empty phrase matches nothing.
    """
    terms = []
    for term in query.split():
        star = term.endswith("*")
        term = term.rstrip("*")
        if any(c.isalnum() for c in term):
            spelled = ['"' + t.replace('"', '""') + '"' + ("*" if star else "") for t in ligature_variants(term)]
            terms.append(spelled[0] if len(spelled) == 1 else "(" + " OR ".join(spelled) + ")")
    return " AND ".join(terms) or '""'


def get_quote(db, quote_id: str) -> dict:
    """One quote with its speaker and article, by id or by a unique prefix of 6+ chars."""
    prefix = quote_id.strip().lower()
    if len(prefix) < MIN_PREFIX:
        raise QuoteNotFound(f"{quote_id} : donnez au moins {MIN_PREFIX} caractères de l'id d'une citation")
    rows = _rows(
        db,
        """
        SELECT q.*, s.name AS speaker, s.kind AS speaker_kind, s.role AS speaker_role,
               CASE WHEN q.reattributed THEN os.name END AS original_speaker,
               a.title, a.url, a.source, a.published, a.path
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id
        LEFT JOIN speakers os ON os.id = q.original_speaker_id
        WHERE q.id >= :prefix AND q.id < :prefix || '~' ORDER BY q.id LIMIT 2
        """,
        {"prefix": prefix},
    )
    exact = [row for row in rows if row["id"] == prefix]
    if exact:
        rows = exact
    if not rows:
        raise QuoteNotFound(f"{quote_id} : aucune citation n'a cet id")
    if len(rows) > 1:
        raise QuoteNotFound(f"{quote_id} : désigne plusieurs citations, donnez plus de caractères")
    row = rows[0]
    row["parts"] = json.loads(row["parts"])
    return row


def list_speakers(db, *, everyone: bool = False, include_rejected: bool = False) -> list[dict]:
    """Speakers with quote count, first and last ``said_on`` and aliases, busiest first.

    Speakers no quote is attributed to any more (merged away by reattributions) are left
    out unless ``everyone``. ``article`` is the title (or path) of the article an
    anonymous or descriptive speaker is scoped to, None for speakers of the archive.
    Rejected quotes are not counted (nor are their dates) unless ``include_rejected``:
    a speaker whose only quotes were rejected is left out like one without quotes."""
    aliases: dict[int, list[str]] = {}
    for speaker_id, alias in db.execute(
        "SELECT speaker_id, alias FROM speaker_aliases ORDER BY alias"
    ):
        aliases.setdefault(speaker_id, []).append(alias)
    rows = _rows(
        db,
        """
        SELECT s.id, s.name, s.kind, s.role, s.wikidata_id, count(q.id) AS quotes,
               min(q.said_on) AS first, max(q.said_on) AS last, s.article_id,
               (SELECT coalesce(a.title, a.path) FROM articles a WHERE a.id = s.article_id) AS article
        FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id
             AND """ + evidence_condition("q", include_rejected=include_rejected) + """
        GROUP BY s.id""" + ("" if everyone else " HAVING count(q.id) > 0"),
    )
    for row in rows:
        row["aliases"] = [a for a in aliases.get(row["id"], []) if a != row["name"]]
    return sorted(rows, key=lambda row: (-row["quotes"], fold(row["name"]), row["name"]))


def speaker_ids(db, name: str, *, loose: bool = True) -> set[int]:
    """Ids of the speakers ``name`` names: canonical name or alias, folded, and with
    ``loose`` a last name too (as the ``speaker`` filter of ``search``)."""
    return _directory(db).speaker_ids(name, loose=loose)


_REFERENCE = re.compile(r"#?(\d{1,12})")


def _by_reference(db, reference: str) -> set[int]:
    """``#12`` or ``12``: the speaker with this id, if there is one."""
    match = _REFERENCE.fullmatch(str(reference).strip())
    if not match:
        return set()
    found = db.conn.execute("SELECT id FROM speakers WHERE id = ?", [int(match.group(1))]).fetchone()
    return {found[0]} if found else set()


def speaker_label(db, speaker_id: int) -> str:
    """``#12 Jens Stoltenberg`` (``, dans « titre »`` for a speaker of one article): how
    a message names a speaker row, so the reader can give its id."""
    row = db.conn.execute(
        "SELECT s.name, (SELECT coalesce(a.title, a.path) FROM articles a WHERE a.id = s.article_id)"
        " FROM speakers s WHERE s.id = ?", [speaker_id]).fetchone()  # fmt: skip
    if row is None:
        return f"#{speaker_id}"
    return f"#{speaker_id} {row[0]}" + (f" (dans « {row[1]} »)" if row[1] else "")


def resolve_speaker(db, name: str) -> dict:
    """The one speaker called ``name``: its id (``#12`` or ``12``, as ``speakers`` shows
    it), else its canonical name or an alias, folded (no last-name match).

    Exact spellings win over folded ones, canonical names over aliases, so that
    « Le Pen » can still name one speaker when two share it as a folded alias.
    """
    directory = _directory(db)
    ids = _by_reference(db, name) or directory.speaker_ids(name, loose=False)
    if not ids:
        raise SpeakerNotFound(f"{name} : aucun locuteur n'a ce nom, cet alias ou cet id")
    if len(ids) > 1:
        names = ", ".join(speaker_label(db, i) for i in sorted(ids))
        raise SpeakerNotFound(f"{name} : désigne plusieurs locuteurs ({names}) ; donnez l'id de l'un d'eux")
    (speaker_id,) = ids
    return _rows(db, "SELECT * FROM speakers WHERE id = ?", [speaker_id])[0]


def _iter_rows(db, sql: str, params):
    cursor = db.conn.execute(sql, params)
    keys = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(keys, row))


def _rows(db, sql: str, params=None) -> list[dict]:
    cursor = db.conn.execute(sql, params if params is not None else ())
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]


# How FTS5 reports a query it cannot parse (fts5_expr.c); anything else is re-raised.
_FTS_SYNTAX_ERRORS = (
    "fts5: syntax error",
    "fts5: parser stack overflow",
    "unterminated string",
    "no such column",
    "unknown special query",
    "expected integer",
)


def _is_fts_syntax_error(error: sqlite3.OperationalError) -> bool:
    return str(error).startswith(_FTS_SYNTAX_ERRORS)


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _date_bound(value, which: str) -> str:
    """An inclusive bound as a full ISO date: ``until="2024-03"`` means up to 2024-03-31."""
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    match = _PARTIAL_DATE.match(str(value).strip())
    if not match:
        raise SearchSyntaxError(f"--{which} : date attendue comme 2024-03-15, pas {value!r}")
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise SearchSyntaxError(f"--{which} : {value!r} n'est pas une date") from None
    # Bounds are compared as strings, so "-31" is above every day of any month.
    if which == "since":
        return f"{year}-{month or '01'}-{day or '01'}"
    return f"{year}-{month or '12'}-{day or '31'}"


@dataclass
class _Directory:
    """Folded speaker names, aliases and outlet names, read once per database state."""

    names: dict[int, str]  # speaker id -> canonical name
    entries: list[tuple[int, str, str, bool]]  # (id, spelling, folded, is canonical)
    sources: dict[str, list[str]]  # folded outlet -> spellings in articles.source
    outlet_keys: dict[str, list[str]]  # outlet_key of a name or a domain -> spellings in articles.source

    def speaker_ids(self, name: str, *, loose: bool) -> set[int]:
        """Ids named by ``name``; ``loose`` also accepts a last name (« Stoltenberg »)."""
        wanted = fold(name)
        if not wanted:
            return set()
        if loose:
            suffix = " " + wanted
            return {i for i, _, f, _ in self.entries if f == wanted or f.endswith(suffix)}
        levels = (
            lambda spelling, folded, canonical: canonical and spelling == name,
            lambda spelling, folded, canonical: spelling == name,
            lambda spelling, folded, canonical: canonical and folded == wanted,
            lambda spelling, folded, canonical: folded == wanted,
        )
        for level in levels:
            ids = {i for i, spelling, f, canonical in self.entries if level(spelling, f, canonical)}
            if ids:
                return ids
        return set()

    def outlets(self, typed: str) -> list[str]:
        """The outlets (as ``articles.source`` spells them) ``typed`` names, loosely: by
        name or domain, with or without its article, « www. » or domain ending
        (« monde », « lemonde.fr », « Le Monde » all name « Le Monde »); a word of three
        letters or more within the name is enough."""
        wanted = outlet_key(typed)
        if not wanted:
            return []
        exact = [name for key, names in self.outlet_keys.items() if key == wanted for name in names]
        if exact or len(wanted) < 3:
            return sorted(set(exact))
        return sorted({name for key, names in self.outlet_keys.items()
                       if wanted in key or (len(key) >= 4 and key in wanted) for name in names})  # fmt: skip


_directories: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _directory(db) -> _Directory:
    """The cached directory, rebuilt when this or another connection changed the data."""
    version = (db.conn.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)
    cached = _directories.get(db)
    if cached and cached[0] == version:
        return cached[1]
    names = dict(db.conn.execute("SELECT id, name FROM speakers"))
    entries = [(i, n, fold(n), True) for i, n in names.items()]
    entries += [
        (i, alias, fold(alias), False)
        for i, alias in db.conn.execute("SELECT speaker_id, alias FROM speaker_aliases")
    ]
    sources: dict[str, list[str]] = {}
    outlet_keys: dict[str, list[str]] = {}
    for name, url in db.conn.execute("SELECT DISTINCT source, url FROM articles WHERE source IS NOT NULL"):
        if name not in sources.get(fold(name), []):
            sources.setdefault(fold(name), []).append(name)
        for key in {outlet_key(name), outlet_key(_host(url))} - {""}:
            if name not in outlet_keys.setdefault(key, []):
                outlet_keys[key].append(name)
    directory = _Directory(names, entries, sources, outlet_keys)
    _directories[db] = (version, directory)
    return directory


_DOMAIN_ENDING = re.compile(r"\.(fr|com|net|org|info|eu|be|ch|ca|io|tv|news)$")
_LEADING_ARTICLE = re.compile(r"^(les|le|la)\s+|^l'\s*")


def outlet_key(name: str | None) -> str:
    """« Le Monde », « lemonde.fr », « www.lemonde.fr », « Le Monde.fr » -> ``monde``:
    an outlet's name or domain reduced to its letters, without article or domain ending."""
    if not name:
        return ""
    folded = fold(name).removeprefix("https://").removeprefix("http://").removeprefix("www.")
    if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,6}(/.*)?", folded):  # a domain: « lemonde.fr »
        folded = _DOMAIN_ENDING.sub("", folded.split("/")[0])
    else:
        folded = _DOMAIN_ENDING.sub("", folded)
        folded = _LEADING_ARTICLE.sub("", folded)
    return re.sub(r"[^a-z0-9]", "", folded.replace("œ", "oe").replace("æ", "ae"))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname
    except ValueError:
        return None
