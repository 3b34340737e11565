"""The database's schema: every change a migration, applied in order by ``store.open_db``.

An old file is upgraded in place, never recreated: quotes reviewed by hand must survive
every upgrade. A migration is never edited once released; a change is a new one.
"""

from __future__ import annotations

import sqlite_utils

from ..text.folding import fold
from .speaker_rows import last_name
from .identity import scope_anonymous_speakers
from ..text.folding import text_key

MIGRATIONS = sqlite_utils.Migrations("quotetrack")


@MIGRATIONS()
def m001_initial(db):
    """The first schema: articles, speakers and their aliases, quotes, lookup indexes."""
    for statement in (
        """CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    source TEXT,
    author TEXT,
    published TEXT,
    lang TEXT,
    path TEXT,
    text TEXT NOT NULL,
    engine TEXT,
    engine_version TEXT,
    indexed_at TEXT NOT NULL
)""",
        """CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'unknown',
    role TEXT,
    wikidata_id TEXT
)""",
        """CREATE TABLE speaker_aliases (
    alias TEXT PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE
)""",
        """CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id INTEGER REFERENCES speakers(id),
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    parts TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cue TEXT,
    cue_lemma TEXT,
    speaker_mention TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    context TEXT,
    paragraph INTEGER,
    confidence REAL,
    reason TEXT,
    said_on TEXT,
    status TEXT NOT NULL DEFAULT 'unreviewed'
)""",
    ):
        db.execute(statement)
    for table, column in (
        ("articles", "url"),
        ("articles", "path"),
        ("articles", "published"),
        ("articles", "source"),
        ("speaker_aliases", "speaker_id"),
        ("quotes", "article_id"),
        ("quotes", "speaker_id"),
        ("quotes", "said_on"),
        ("quotes", "kind"),
        ("quotes", "status"),
    ):
        db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")


@MIGRATIONS()
def m002_search(db):
    """Full-text search over quote text and speaker name, kept exact by triggers.

    ``quotes_fts`` is an external-content FTS5 table reading from the view
    ``quotes_fts_source``, so text is not stored twice and ``rebuild_search()`` can
    always regenerate it. External content needs the old values to un-index a row:
    the triggers pass them, including a speaker's old name when it is renamed.
    The said_on and speaker_id indexes gain the search order (newest first, then
    position), so searches read ``limit`` rows in order instead of sorting thousands.
    """
    for statement in (
        "DROP INDEX idx_quotes_said_on",
        "CREATE INDEX idx_quotes_said_on ON quotes(said_on DESC, article_id, start)",
        "DROP INDEX idx_quotes_speaker_id",
        "CREATE INDEX idx_quotes_speaker_id ON quotes(speaker_id, said_on DESC, article_id, start)",
        """CREATE VIEW quotes_fts_source AS
SELECT quotes.rowid AS quote_rowid, quotes.text AS text, speakers.name AS speaker
FROM quotes LEFT JOIN speakers ON speakers.id = quotes.speaker_id""",
        """CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker,
    content='quotes_fts_source', content_rowid='quote_rowid',
    tokenize='unicode61 remove_diacritics 2'
)""",
        """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (
        new.rowid, new.text, (SELECT name FROM speakers WHERE id = new.speaker_id));
END""",
        """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES (
        'delete', old.rowid, old.text, (SELECT name FROM speakers WHERE id = old.speaker_id));
END""",
        """CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_id ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES (
        'delete', old.rowid, old.text, (SELECT name FROM speakers WHERE id = old.speaker_id));
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (
        new.rowid, new.text, (SELECT name FROM speakers WHERE id = new.speaker_id));
END""",
        """CREATE TRIGGER speakers_fts_rename AFTER UPDATE OF name ON speakers BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
        SELECT 'delete', rowid, text, old.name FROM quotes WHERE speaker_id = old.id;
    INSERT INTO quotes_fts (rowid, text, speaker)
        SELECT rowid, text, new.name FROM quotes WHERE speaker_id = new.id;
END""",
        """CREATE VIEW quote_view AS
SELECT quotes.id, quotes.text, quotes.kind, speakers.name AS speaker,
    speakers.kind AS speaker_kind, speakers.role, quotes.said_on, articles.source,
    articles.title, articles.url, quotes.article_id, quotes.status, quotes.confidence,
    quotes.cue, quotes.context
FROM quotes
JOIN articles ON articles.id = quotes.article_id
LEFT JOIN speakers ON speakers.id = quotes.speaker_id""",
    ):
        db.execute(statement)
    db.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")


@MIGRATIONS()
def m003_review(db):
    """Fact-checking: reviews, corrections and their log, verification, appearances.

    On ``quotes``: the reviewer's ``notes``, who reviewed last and when; a correction
    keeps the extraction beside it (``original_text`` is the extracted wording once the
    text is corrected, ``original_speaker_id`` the extracted speaker once ``reattributed``);
    ``orphaned_from`` names the article version a reviewed quote came from when
    re-indexing no longer finds it; ``text_key`` is a hash of the normalized wording, to
    find the same quote in other articles. ``review_log`` is append-only: one row per
    field changed, by a person (``action`` 'review') or by re-indexing ('carried',
    'orphaned'); it has no foreign key, so it outlives any quote. ``articles_fts``
    indexes article texts for ``quotetrack verify``.
    """
    for statement in (
        "ALTER TABLE quotes ADD COLUMN notes TEXT",
        "ALTER TABLE quotes ADD COLUMN reviewed_by TEXT",
        "ALTER TABLE quotes ADD COLUMN reviewed_at TEXT",
        "ALTER TABLE quotes ADD COLUMN original_text TEXT",
        "ALTER TABLE quotes ADD COLUMN original_speaker_id INTEGER REFERENCES speakers(id)",
        "ALTER TABLE quotes ADD COLUMN reattributed INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE quotes ADD COLUMN orphaned_from TEXT",
        "ALTER TABLE quotes ADD COLUMN text_key TEXT",
        """CREATE TABLE review_log (
    id INTEGER PRIMARY KEY,
    quote_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reviewer TEXT NOT NULL,
    logged_at TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT 'review'
)""",
        "CREATE INDEX idx_review_log_quote_id ON review_log(quote_id, id)",
        "CREATE INDEX idx_quotes_text_key ON quotes(text_key)",
        "CREATE INDEX idx_quotes_orphaned_from ON quotes(orphaned_from) WHERE orphaned_from IS NOT NULL",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
    text,
    content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
)""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, text) VALUES (new.rowid, new.text);
END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE OF text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO articles_fts (rowid, text) VALUES (new.rowid, new.text);
END""",
        "DROP VIEW quote_view",
        """CREATE VIEW quote_view AS
SELECT quotes.id, quotes.text, quotes.kind, speakers.name AS speaker,
    speakers.kind AS speaker_kind, speakers.role, quotes.said_on, articles.source,
    articles.title, articles.url, quotes.article_id, quotes.status, quotes.confidence,
    quotes.cue, quotes.context, quotes.notes, quotes.reviewed_by, quotes.reviewed_at,
    quotes.original_text, original.name AS original_speaker, quotes.orphaned_from
FROM quotes
JOIN articles ON articles.id = quotes.article_id
LEFT JOIN speakers ON speakers.id = quotes.speaker_id
LEFT JOIN speakers AS original ON original.id = quotes.original_speaker_id
    AND quotes.reattributed""",
    ):
        db.execute(statement)
    db.conn.executemany(
        "UPDATE quotes SET text_key = ? WHERE rowid = ?",
        [(text_key(text), rowid) for rowid, text in db.conn.execute("SELECT rowid, text FROM quotes")],
    )
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")


@MIGRATIONS()
def m004_records(db):
    """Records a newsroom can query across its archive: speakers as entities, the role
    and the date of each statement, authors as a list.

    ``speakers`` is rebuilt (SQLite cannot drop a UNIQUE constraint in place) so that
    anonymous and descriptive sources can be scoped to their article (``article_id``;
    one « source proche du dossier » per article, see ``archive/identity.py``): a name is
    unique among global speakers and within one article. ``key``/``last_key`` are the
    folded name and last name, ``speaker_aliases.key`` the folded alias, for matching
    without Python folding every row. Old anonymous speakers shared by several articles
    are split, one per article. On ``quotes``: the ``role`` the article gave at that
    point, and ``said_on_source`` ('text' or 'article') with ``said_on_text``, the time
    expression as written. ``speaker_log`` records merges and renames (who, when).
    Runs with foreign keys off (see ``open_db``): the rebuild must not cascade.
    """
    db.execute("PRAGMA legacy_alter_table = ON")  # the rename below leaves views and triggers as written
    for statement in (
        """CREATE TABLE speakers_new (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'unknown',
    role TEXT,
    wikidata_id TEXT,
    article_id TEXT,
    key TEXT,
    last_key TEXT
)""",
        "INSERT INTO speakers_new (id, name, kind, role, wikidata_id) SELECT id, name, kind, role, wikidata_id FROM speakers",
        "DROP TABLE speakers",
        "ALTER TABLE speakers_new RENAME TO speakers",
        "CREATE UNIQUE INDEX idx_speakers_name ON speakers(name) WHERE article_id IS NULL",
        "CREATE UNIQUE INDEX idx_speakers_article_id ON speakers(article_id, name) WHERE article_id IS NOT NULL",
        "CREATE INDEX idx_speakers_key ON speakers(key)",
        "CREATE INDEX idx_speakers_last_key ON speakers(last_key)",
        """CREATE TRIGGER speakers_fts_rename AFTER UPDATE OF name ON speakers BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
        SELECT 'delete', rowid, text, old.name FROM quotes WHERE speaker_id = old.id;
    INSERT INTO quotes_fts (rowid, text, speaker)
        SELECT rowid, text, new.name FROM quotes WHERE speaker_id = new.id;
END""",
        "ALTER TABLE speaker_aliases ADD COLUMN key TEXT",
        "CREATE INDEX idx_speaker_aliases_key ON speaker_aliases(key)",
        "ALTER TABLE quotes ADD COLUMN role TEXT",
        "ALTER TABLE quotes ADD COLUMN said_on_source TEXT",
        "ALTER TABLE quotes ADD COLUMN said_on_text TEXT",
        "UPDATE quotes SET said_on_source = 'article' WHERE said_on IS NOT NULL",
        "ALTER TABLE articles ADD COLUMN authors TEXT",
        "UPDATE articles SET authors = json_array(author) WHERE author IS NOT NULL",
        """CREATE TABLE speaker_log (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    speaker_id INTEGER,
    old_value TEXT,
    new_value TEXT,
    quotes INTEGER,
    reviewer TEXT NOT NULL,
    logged_at TEXT NOT NULL
)""",
        "DROP VIEW quote_view",
        """CREATE VIEW quote_view AS
SELECT quotes.id, quotes.text, quotes.kind, speakers.name AS speaker,
    speakers.kind AS speaker_kind, quotes.role, speakers.role AS speaker_role, quotes.said_on,
    quotes.said_on_source, quotes.said_on_text, articles.source,
    articles.title, articles.url, quotes.article_id, quotes.status, quotes.confidence,
    quotes.cue, quotes.context, quotes.notes, quotes.reviewed_by, quotes.reviewed_at,
    quotes.original_text, original.name AS original_speaker, quotes.orphaned_from
FROM quotes
JOIN articles ON articles.id = quotes.article_id
LEFT JOIN speakers ON speakers.id = quotes.speaker_id
LEFT JOIN speakers AS original ON original.id = quotes.original_speaker_id
    AND quotes.reattributed""",
    ):
        db.execute(statement)
    db.execute("PRAGMA legacy_alter_table = OFF")
    db.conn.executemany(
        "UPDATE speakers SET key = ?, last_key = ? WHERE id = ?",
        [(fold(name), last_name(fold(name)), i) for i, name in db.conn.execute("SELECT id, name FROM speakers")],
    )
    db.conn.executemany(
        "UPDATE speaker_aliases SET key = ? WHERE alias = ?",
        [(fold(alias), alias) for (alias,) in db.conn.execute("SELECT alias FROM speaker_aliases")],
    )
    scope_anonymous_speakers(db)


def rebuild_search(db) -> None:
    """Regenerate ``quotes_fts`` and ``articles_fts`` from their tables: the repair after
    edits made with triggers bypassed (foreign keys off in another tool, a VACUUM
    renumbering rows).
    """
    db.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")


@MIGRATIONS()
def m005_follows(db):
    """The feeds and sitemaps a newsroom follows (``quotetrack follow``).

    ``kind`` is 'feed' or 'sitemap'; ``etag`` and ``last_modified`` are what the server
    gave at the last complete update, sent back so that an unchanged feed answers 304;
    ``checked_at`` is when that update ended, ``last_error`` why the last one failed (or
    NULL). They are written only once every article the update found has been stored,
    so an update killed halfway reads the feed again and completes it.
    """
    db.execute(
        """CREATE TABLE follows (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT,
    last_error TEXT
)"""
    )
