"""Store: schema, saving articles atomically, search with filters, speakers and merges.

Every test works on a fresh database in ``tmp_path``; articles are tiny French texts and
their quotes are built by locating the quoted words in the text, as extraction would.
"""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest
import sqlite_utils

from quotetrack.archive import search as quotetrack_search
from quotetrack.archive import store
from quotetrack.errors import QuotetrackError
from quotetrack.extract.records import Quote
from quotetrack.sources.articles import Article
from quotetrack.archive.schema import MIGRATIONS
from quotetrack.archive.database_file import DatabaseUnavailable
from quotetrack.archive.search import QuoteNotFound, SearchSyntaxError, SpeakerNotFound, get_quote, list_speakers
from quotetrack.archive.identity import SameSpeaker
from quotetrack.archive.search import search
from quotetrack.archive.store import counts, merge_speakers, open_db, save_article

OTAN = "« Nous négocierons avec l'Otan », a déclaré Jens Stoltenberg, secrétaire général de l'Alliance."
MACRON = (
    "« La Russie doit cesser cette guerre », a affirmé Emmanuel Macron. "
    "Le président a ajouté que « l'Europe se tiendra prête »."
)
SOMMET = (
    "Selon une source diplomatique, les discussions avancent. "
    "« C'est du jamais vu », a souligné Stoltenberg à Bruxelles."
)

SCHEMA = """
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE TABLE articles (
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
, authors TEXT);
CREATE TABLE speaker_aliases (
    alias TEXT PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE
, key TEXT);
CREATE TABLE quotes (
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
, notes TEXT, reviewed_by TEXT, reviewed_at TEXT, original_text TEXT, original_speaker_id INTEGER REFERENCES speakers(id), reattributed INTEGER NOT NULL DEFAULT 0, orphaned_from TEXT, text_key TEXT, role TEXT, said_on_source TEXT, said_on_text TEXT);
CREATE INDEX idx_articles_url ON articles(url);
CREATE INDEX idx_articles_path ON articles(path);
CREATE INDEX idx_articles_published ON articles(published);
CREATE INDEX idx_articles_source ON articles(source);
CREATE INDEX idx_speaker_aliases_speaker_id ON speaker_aliases(speaker_id);
CREATE INDEX idx_quotes_article_id ON quotes(article_id);
CREATE INDEX idx_quotes_kind ON quotes(kind);
CREATE INDEX idx_quotes_status ON quotes(status);
CREATE INDEX idx_quotes_said_on ON quotes(said_on DESC, article_id, start);
CREATE INDEX idx_quotes_speaker_id ON quotes(speaker_id, said_on DESC, article_id, start);
CREATE VIEW quotes_fts_source AS
SELECT quotes.rowid AS quote_rowid, quotes.text AS text, speakers.name AS speaker
FROM quotes LEFT JOIN speakers ON speakers.id = quotes.speaker_id;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker,
    content='quotes_fts_source', content_rowid='quote_rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE 'quotes_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'quotes_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE 'quotes_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'quotes_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (
        new.rowid, new.text, (SELECT name FROM speakers WHERE id = new.speaker_id));
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES (
        'delete', old.rowid, old.text, (SELECT name FROM speakers WHERE id = old.speaker_id));
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_id ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES (
        'delete', old.rowid, old.text, (SELECT name FROM speakers WHERE id = old.speaker_id));
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (
        new.rowid, new.text, (SELECT name FROM speakers WHERE id = new.speaker_id));
END;
CREATE TABLE review_log (
    id INTEGER PRIMARY KEY,
    quote_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reviewer TEXT NOT NULL,
    logged_at TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT 'review'
);
CREATE INDEX idx_review_log_quote_id ON review_log(quote_id, id);
CREATE INDEX idx_quotes_text_key ON quotes(text_key);
CREATE INDEX idx_quotes_orphaned_from ON quotes(orphaned_from) WHERE orphaned_from IS NOT NULL;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    text,
    content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO articles_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TABLE "speakers" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'unknown',
    role TEXT,
    wikidata_id TEXT,
    article_id TEXT,
    key TEXT,
    last_key TEXT
);
CREATE UNIQUE INDEX idx_speakers_name ON speakers(name) WHERE article_id IS NULL;
CREATE UNIQUE INDEX idx_speakers_article_id ON speakers(article_id, name) WHERE article_id IS NOT NULL;
CREATE INDEX idx_speakers_key ON speakers(key);
CREATE INDEX idx_speakers_last_key ON speakers(last_key);
CREATE TRIGGER speakers_fts_rename AFTER UPDATE OF name ON speakers BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
        SELECT 'delete', rowid, text, old.name FROM quotes WHERE speaker_id = old.id;
    INSERT INTO quotes_fts (rowid, text, speaker)
        SELECT rowid, text, new.name FROM quotes WHERE speaker_id = new.id;
END;
CREATE INDEX idx_speaker_aliases_key ON speaker_aliases(key);
CREATE TABLE speaker_log (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    speaker_id INTEGER,
    old_value TEXT,
    new_value TEXT,
    quotes INTEGER,
    reviewer TEXT NOT NULL,
    logged_at TEXT NOT NULL
);
CREATE VIEW quote_view AS
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
    AND quotes.reattributed;
CREATE TABLE follows (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT,
    last_error TEXT
);
"""


def quote(article_text, words, speaker=None, *, kind="direct", role=None, aliases=(), speaker_kind=None):
    """The Quote extraction would return for ``words`` in ``article_text``."""
    start = article_text.index(words)
    return Quote(
        text=words,
        parts=((start, start + len(words)),),
        kind=kind,
        speaker=speaker,
        speaker_kind=speaker_kind or ("person" if speaker else "unknown"),
        role=role,
        cue="a déclaré",
        cue_lemma="déclarer",
        context=article_text,
        confidence=0.9,
        aliases=tuple(aliases),
    )


def otan_article(**changes):
    fields = dict(
        text=OTAN, title="L'Otan se prépare", url="https://lemonde.fr/international/otan-se-prepare", source="Le Monde",
        published="2022-03-24", path="otan.txt",
    )
    return Article(**{**fields, **changes})


def otan_quotes(text=OTAN):
    return [
        quote(text, "Nous négocierons avec l'Otan", "Jens Stoltenberg",
              role="secrétaire général de l'Otan", aliases=["Stoltenberg"])
    ]


def macron_article(**changes):
    fields = dict(
        text=MACRON, title="Macron et la guerre", url="https://liberation.fr/macron",
        source="Libération", published="2022-03-01", path="macron.txt",
    )
    return Article(**{**fields, **changes})


def macron_quotes():
    return [
        quote(MACRON, "La Russie doit cesser cette guerre", "Emmanuel Macron", aliases=["Macron"]),
        quote(MACRON, "l'Europe se tiendra prête", "Emmanuel Macron", kind="partial",
              role="président de la République", aliases=["le président"]),
    ]


def sommet_article(**changes):
    fields = dict(
        text=SOMMET, title="Le sommet", url="https://ouest-france.fr/sommet",
        source="Ouest-France", published="2022-04-10", path="sommet.txt",
    )
    return Article(**{**fields, **changes})


def sommet_quotes():
    return [
        quote(SOMMET, "les discussions avancent", "une source diplomatique", kind="indirect",
              speaker_kind="anonymous"),
        quote(SOMMET, "C'est du jamais vu", "Stoltenberg"),
    ]


def save(db, article, quotes):
    return save_article(db, article, quotes, engine="test", engine_version="1.0",
                        indexed_at="2024-01-01T00:00:00+00:00")


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "quotes.db")
    yield database
    database.close()


@pytest.fixture
def corpus(db):
    """Three articles, three outlets, four speakers (Stoltenberg quoted in two articles)."""
    save(db, otan_article(), otan_quotes())
    save(db, macron_article(), macron_quotes())
    save(db, sommet_article(), sommet_quotes())
    return db


def texts(rows):
    return [row["text"] for row in rows]


def assert_search_index_exact(db):
    """FTS5 compares its index with the content view: any drift raises."""
    db.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")


# --- schema and opening ------------------------------------------------------------


def test_schema(db):
    assert db.schema == SCHEMA.strip()


def test_pragmas(db):
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 30_000


def test_migrations_recorded_and_idempotent(tmp_path):
    path = tmp_path / "deep" / "folder" / "quotes.db"
    open_db(path).close()
    db = open_db(path)
    assert [m.name for m in MIGRATIONS.applied(db)] == ["m001_initial", "m002_search", "m003_review", "m004_records", "m005_follows"]
    assert MIGRATIONS.pending(db) == []


@pytest.mark.parametrize("make_bad_path", ["directory", "parent_is_file", "not_a_database"])
def test_unusable_path_is_a_one_line_error(tmp_path, make_bad_path):
    if make_bad_path == "directory":
        path = tmp_path / "a_folder.db"
        path.mkdir()
    elif make_bad_path == "parent_is_file":
        (tmp_path / "file").write_text("x")
        path = tmp_path / "file" / "quotes.db"
    else:
        path = tmp_path / "notes.db"
        path.write_text("Ceci n'est pas une base de données. " * 100)
    with pytest.raises(DatabaseUnavailable) as raised:
        open_db(path)
    assert isinstance(raised.value, QuotetrackError)
    message = str(raised.value)
    assert str(path) in message and "\n" not in message


def test_upgrade_from_version_1_keeps_data(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(old, stop_before="m002_search")
    assert "quotes_fts" not in old.table_names()
    save_as_older_version(old, tmp_path, otan_article(), otan_quotes())
    old.execute("UPDATE quotes SET status = 'verified'")
    old.execute("UPDATE speakers SET wikidata_id = 'Q57643'")
    before = counts(old)
    old.close()

    db = open_db(path)
    assert [m.name for m in MIGRATIONS.applied(db)] == ["m001_initial", "m002_search", "m003_review", "m004_records", "m005_follows"]
    assert counts(db) == before
    assert db.execute("SELECT text_key FROM quotes").fetchone()[0] is not None  # filled by m003
    (row,) = search(db, "negocierons")
    assert (row["speaker"], row["status"]) == ("Jens Stoltenberg", "verified")
    assert db.execute("SELECT wikidata_id FROM speakers").fetchone()[0] == "Q57643"
    assert texts(db.query("SELECT text FROM quote_view")) == ["Nous négocierons avec l'Otan"]
    save(db, macron_article(), macron_quotes())  # and the triggers index new quotes
    assert texts(search(db, "russie")) == ["La Russie doit cesser cette guerre"]
    assert_search_index_exact(db)


def save_as_older_version(old, tmp_path, article, quotes):
    """The rows an older version wrote: saved with today's code in a scratch database,
    then copied with only the columns the old schema has."""
    scratch = open_db(tmp_path / "scratch.db")
    save(scratch, article, quotes)
    with old.conn:
        for table in ("articles", "speakers", "speaker_aliases", "quotes"):
            columns = [row[1] for row in old.execute(f"PRAGMA table_info({table})").fetchall()]
            names = ", ".join(f"[{c}]" for c in columns)
            rows = scratch.execute(f"SELECT {names} FROM {table}").fetchall()
            old.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)
    scratch.close()


def _index_in_another_process(path, worker):
    db = open_db(path)
    for i in range(10):
        words = f"Nous tiendrons bon, message {worker}-{i}"
        text = f"« {words} », a déclaré Jens Stoltenberg."
        save(db, Article(text=text, path=f"{worker}/{i}.txt", published="2022-03-24"),
             [quote(text, words, "Jens Stoltenberg", aliases=["Stoltenberg"])])
    db.close()


def test_several_processes_index_into_one_new_file(tmp_path):
    """Concurrent `quotetrack index` runs: migrations once, one speaker, no lost article."""
    path = tmp_path / "shared.db"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_index_in_another_process, args=(path, w)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    db = open_db(path)
    assert counts(db) == {"articles": 40, "speakers": 1, "speaker_aliases": 2, "quotes": 40}
    assert len(search(db, "tiendrons", limit=None)) == 40
    assert_search_index_exact(db)


# --- saving ------------------------------------------------------------------------


def test_save_then_skip_same_text(db):
    first = save(db, otan_article(), otan_quotes())
    assert (first.status, first.quotes, first.new_speakers) == ("indexed", 1, 1)
    assert len(first.article_id) == 64
    again = save(db, otan_article(path="copie/otan.txt", url=None), otan_quotes())
    assert (again.status, again.article_id, again.quotes) == ("skipped", first.article_id, 0)
    assert counts(db) == {"articles": 1, "speakers": 1, "speaker_aliases": 2, "quotes": 1}


def test_saved_article_row(db):
    result = save(db, otan_article(), otan_quotes())
    row = db["articles"].get(result.article_id)
    assert {k: v for k, v in row.items() if k != "text"} == {
        "id": result.article_id, "url": "https://lemonde.fr/international/otan-se-prepare", "title": "L'Otan se prépare",
        "source": "Le Monde", "author": None, "published": "2022-03-24", "lang": "fr",
        "path": "otan.txt", "engine": "test", "engine_version": "1.0",
        "indexed_at": "2024-01-01T00:00:00+00:00", "authors": None,
    }


@pytest.mark.parametrize(
    "same",
    [
        {"path": "otan.txt", "url": "https://autre.fr/otan"},
        {"path": "ailleurs/otan.txt", "url": "https://lemonde.fr/international/otan-se-prepare"},
    ],
    ids=["same path", "same url"],
)
def test_new_text_at_same_path_or_url_replaces(corpus, same):
    before = counts(corpus)
    old_id = search(corpus, "negocierons")[0]["id"]
    text = OTAN.replace("Nous négocierons", "Nous discuterons")
    result = save(corpus, otan_article(text=text, **same),
                  [quote(text, "Nous discuterons avec l'Otan", "Jens Stoltenberg")])
    assert (result.status, result.quotes, result.new_speakers) == ("replaced", 1, 0)
    assert counts(corpus) == before
    assert search(corpus, "negocierons") == []
    assert texts(search(corpus, "discuterons")) == ["Nous discuterons avec l'Otan"]
    assert corpus.execute("SELECT count(*) FROM quotes WHERE id = ?", [old_id]).fetchone()[0] == 0
    assert_search_index_exact(corpus)


def test_standard_input_articles_do_not_replace_each_other(db):
    save(db, otan_article(path="-", url=None), otan_quotes())
    result = save(db, macron_article(path="-", url=None), macron_quotes())
    assert result.status == "indexed"
    assert counts(db)["articles"] == 2


def test_quote_ids_are_stable_across_reindexing(tmp_path):
    ids = []
    for name in ("one.db", "two.db"):
        db = open_db(tmp_path / name)
        save(db, macron_article(), macron_quotes())
        ids.append(sorted(row["id"] for row in search(db)))
    assert ids[0] == ids[1] and len(ids[0][0]) == 16


def test_duplicate_quote_in_one_article_is_stored_once(db):
    result = save(db, otan_article(), otan_quotes() * 2)
    assert result.quotes == 1 and counts(db)["quotes"] == 1


@pytest.mark.parametrize("fail_at_quote", [1, 2])
def test_failure_mid_article_writes_nothing(db, monkeypatch, fail_at_quote):
    real_quote_row, calls = store._quote_row, []

    def failing_quote_row(*args):
        calls.append(args)
        if len(calls) == fail_at_quote:  # the article row and a speaker are written by now
            raise RuntimeError("killed")
        return real_quote_row(*args)

    monkeypatch.setattr(store, "_quote_row", failing_quote_row)
    with pytest.raises(RuntimeError):
        save(db, macron_article(), macron_quotes())
    assert counts(db) == {"articles": 0, "speakers": 0, "speaker_aliases": 0, "quotes": 0}
    assert db.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 0
    monkeypatch.undo()
    assert save(db, macron_article(), macron_quotes()).status == "indexed"


def test_failure_while_replacing_keeps_the_old_version(corpus, monkeypatch):
    before = counts(corpus)

    def failing_insert(*args):
        raise sqlite3.OperationalError("disk I/O error")  # after the old article was deleted

    monkeypatch.setattr(store, "_insert_article", failing_insert)
    text = OTAN.replace("négocierons", "discuterons")
    with pytest.raises(sqlite3.OperationalError):
        save(corpus, otan_article(text=text), [quote(text, "discuterons", "Jens Stoltenberg")])
    assert counts(corpus) == before
    assert texts(search(corpus, "negocierons")) == ["Nous négocierons avec l'Otan"]
    assert_search_index_exact(corpus)


# --- speakers ----------------------------------------------------------------------


def test_speakers_are_shared_across_articles(corpus):
    speakers = {row["name"]: row for row in list_speakers(corpus)}
    # « Stoltenberg » in the third article is the alias recorded by the first one.
    assert sorted(speakers) == ["Emmanuel Macron", "Jens Stoltenberg", "une source diplomatique"]
    assert speakers["Jens Stoltenberg"]["quotes"] == 2
    assert speakers["Emmanuel Macron"]["role"] == "président de la République"  # filled later
    assert speakers["une source diplomatique"]["kind"] == "anonymous"
    assert texts(search(corpus, "vu")) == ["C'est du jamais vu"]
    assert search(corpus, "vu")[0]["speaker"] == "Jens Stoltenberg"


def test_save_counts_new_speakers(db):
    assert save(db, otan_article(), otan_quotes()).new_speakers == 1
    assert save(db, macron_article(), macron_quotes()).new_speakers == 1
    assert save(db, sommet_article(), sommet_quotes()).new_speakers == 1


def test_alias_owned_by_another_speaker_stays_with_it(db):
    save(db, macron_article(), macron_quotes())
    text = "« Les retraites attendront », a dit Brigitte Macron."
    save(db, Article(text=text, path="b.txt"),
         [quote(text, "Les retraites attendront", "Brigitte Macron", aliases=["Macron"])])
    aliases = dict(db.execute(
        "SELECT alias, name FROM speaker_aliases JOIN speakers ON speakers.id = speaker_id"))
    assert aliases["Macron"] == "Emmanuel Macron"
    assert aliases["Brigitte Macron"] == "Brigitte Macron"


def test_quote_without_speaker(db):
    text = "Le texte dit « rien ne change » sans dire qui parle."
    save(db, Article(text=text, path="x.txt"), [quote(text, "rien ne change", None)])
    (row,) = search(db, "change")
    assert (row["speaker"], row["speaker_kind"]) == (None, None)
    assert counts(db)["speakers"] == 0


def test_list_speakers(corpus):
    assert [
        {k: row[k] for k in ("name", "kind", "quotes", "first", "last", "aliases")}
        for row in list_speakers(corpus)
    ] == [
        {"name": "Emmanuel Macron", "kind": "person", "quotes": 2, "first": "2022-03-01",
         "last": "2022-03-01", "aliases": ["Macron", "le président"]},
        {"name": "Jens Stoltenberg", "kind": "person", "quotes": 2, "first": "2022-03-24",
         "last": "2022-04-10", "aliases": ["Stoltenberg"]},
        {"name": "une source diplomatique", "kind": "anonymous", "quotes": 1,
         "first": "2022-04-10", "last": "2022-04-10", "aliases": []},
    ]


def test_merge_speakers(corpus):
    text = "« L'Alliance est unie », a répété Jens Stoltenberg."
    save(corpus, Article(text=text, path="s.txt", published="2022-05-01"),
         [quote(text, "L'Alliance est unie", "J. Stoltenberg", aliases=["le Norvégien"])])
    result = merge_speakers(corpus, "stoltenberg", "J. Stoltenberg")
    assert {k: result[k] for k in ("kept", "merged", "quotes", "aliases")} == {
        "kept": "Jens Stoltenberg", "merged": "J. Stoltenberg", "quotes": 1, "aliases": 2}
    assert "J. Stoltenberg" not in [row["name"] for row in list_speakers(corpus)]
    (jens,) = [row for row in list_speakers(corpus) if row["name"] == "Jens Stoltenberg"]
    assert (jens["quotes"], jens["last"]) == (3, "2022-05-01")
    assert set(jens["aliases"]) == {"J. Stoltenberg", "Stoltenberg", "le Norvégien"}
    # Full-text search now finds the moved quote by the kept name...
    assert "L'Alliance est unie" in texts(search(corpus, '"Jens Stoltenberg"'))
    assert "L'Alliance est unie" in texts(search(corpus, "speaker:jens"))
    # ...and the old name still filters, through its alias.
    assert len(search(corpus, speaker="J. Stoltenberg")) == 3
    assert_search_index_exact(corpus)


@pytest.mark.parametrize(
    "keep, merge, error, named",
    [
        ("Personne Inconnue", "Emmanuel Macron", SpeakerNotFound, "Personne Inconnue"),
        ("Emmanuel Macron", "Personne Inconnue", SpeakerNotFound, "Personne Inconnue"),
        ("Jens", "Emmanuel Macron", SpeakerNotFound, "Jens"),  # a first name is not a name
        ("Emmanuel Macron", "macron", SameSpeaker, "macron"),  # the same one, by an alias
        ("Emmanuel Macron", "EMMANUEL MACRON", SameSpeaker, "EMMANUEL MACRON"),
    ],
)
def test_merge_speakers_errors(corpus, keep, merge, error, named):
    before = counts(corpus)
    with pytest.raises(error) as raised:
        merge_speakers(corpus, keep, merge)
    assert str(raised.value).startswith(named)
    assert counts(corpus) == before


def test_a_name_shared_by_two_speakers(db):
    for name, alias, words in (("Marine Le Pen", "Le Pen", "Nous gagnerons"),
                               ("Jean-Marie Le Pen", "le Pen", "Nous résisterons")):
        text = f"« {words} », a lancé {name}."
        save(db, Article(text=text, path=f"{name}.txt"), [quote(text, words, name, aliases=[alias])])
    assert len(search(db, speaker="le pen")) == 2  # a filter may name several
    with pytest.raises(SpeakerNotFound, match="désigne plusieurs locuteurs"):
        merge_speakers(db, "Marine Le Pen", "LE PEN")  # a merge may not
    assert merge_speakers(db, "Marine Le Pen", "le Pen")["merged"] == "Jean-Marie Le Pen"


def test_renaming_a_speaker_by_hand_updates_search(corpus):
    corpus.execute("UPDATE speakers SET name = 'Jens Stoltenberg (Otan)' WHERE name = 'Jens Stoltenberg'")
    assert len(search(corpus, "speaker:otan")) == 2
    assert len(search(corpus, speaker="Jens Stoltenberg (Otan)")) == 2
    assert_search_index_exact(corpus)


# --- search ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("negocierons", ["Nous négocierons avec l'Otan"]),
        ("NÉGOCIERONS", ["Nous négocierons avec l'Otan"]),
        ("otan", ["Nous négocierons avec l'Otan"]),
        ("l'Otan", ["Nous négocierons avec l'Otan"]),
        ("l’otan", ["Nous négocierons avec l'Otan"]),
        ("negoci*", ["Nous négocierons avec l'Otan"]),
        ("prete", ["l'Europe se tiendra prête"]),
        ("russie OR europe", ["La Russie doit cesser cette guerre", "l'Europe se tiendra prête"]),
        ('"cette guerre"', ["La Russie doit cesser cette guerre"]),
        ("macron", ["La Russie doit cesser cette guerre", "l'Europe se tiendra prête"]),
        ("guerre paix", []),
    ],
)
def test_full_text_ignores_accents_and_case(corpus, query, expected):
    assert sorted(texts(search(corpus, query))) == expected


@pytest.mark.parametrize("plan", ["read every match", "walk dates, test a set", "walk dates, match each"])
@pytest.mark.parametrize("query", ["otan", "nous", "Guerre", "guerre OR vu", "l'otan \"", "rien"])
@pytest.mark.parametrize("filters", [{}, {"speaker": "Stoltenberg"}, {"since": "2022-03-02"}])
def test_every_full_text_plan_gives_the_same_rows(corpus, monkeypatch, plan, query, filters):
    """Which plan runs depends on the match count; force each on the same searches."""
    expected = search(corpus, query, **filters)
    few, scale = {"read every match": (10**9, 1.0), "walk dates, test a set": (1, 10**9),
                  "walk dates, match each": (1, 0.0)}[plan]
    monkeypatch.setattr(quotetrack_search, "FEW_MATCHES", few)
    monkeypatch.setattr(quotetrack_search, "COMMON_SCALE", scale)
    assert search(corpus, query, **filters) == expected
    assert search(corpus, query, limit=1, **filters) == expected[:1]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("l'otan \"", ["Nous négocierons avec l'Otan"]),
        ("AND", []),
        ("(", []),
        ('"', []),
        ("*", []),
        ("OR OR", []),
        ("NEAR(", []),
        ("otan)", ["Nous négocierons avec l'Otan"]),
        ("-otan", ["Nous négocierons avec l'Otan"]),
        ("auteur:macron", []),
        ("« jamais vu »", ["C'est du jamais vu"]),
        ("c'est", ["C'est du jamais vu"]),
        ("aujourd'hui", []),
        ("l'otan*", ["Nous négocierons avec l'Otan"]),
    ],
)
def test_invalid_full_text_syntax_is_quoted_not_raised(corpus, query, expected):
    assert texts(search(corpus, query)) == expected


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, ["les discussions avancent", "C'est du jamais vu", "Nous négocierons avec l'Otan",
              "La Russie doit cesser cette guerre", "l'Europe se tiendra prête"]),
        ({"speaker": "Stoltenberg"}, ["C'est du jamais vu", "Nous négocierons avec l'Otan"]),
        ({"speaker": "jens stoltenberg"}, ["C'est du jamais vu", "Nous négocierons avec l'Otan"]),
        ({"speaker": "STOLTENBERG"}, ["C'est du jamais vu", "Nous négocierons avec l'Otan"]),
        ({"speaker": "Jens"}, []),
        ({"speaker": "le président"}, ["La Russie doit cesser cette guerre",
                                       "l'Europe se tiendra prête"]),
        ({"speaker": "le president"}, ["La Russie doit cesser cette guerre",
                                       "l'Europe se tiendra prête"]),
        ({"speaker": "diplomatique"}, ["les discussions avancent"]),
        ({"speaker": "Personne"}, []),
        ({"since": "2022-03-24"}, ["les discussions avancent", "C'est du jamais vu",
                                   "Nous négocierons avec l'Otan"]),
        ({"until": "2022-03-24"}, ["Nous négocierons avec l'Otan",
                                   "La Russie doit cesser cette guerre",
                                   "l'Europe se tiendra prête"]),
        ({"since": "2022-03-02", "until": "2022-04-09"}, ["Nous négocierons avec l'Otan"]),
        ({"since": "2022-04"}, ["les discussions avancent", "C'est du jamais vu"]),
        ({"until": "2022-03"}, ["Nous négocierons avec l'Otan",
                                "La Russie doit cesser cette guerre",
                                "l'Europe se tiendra prête"]),
        ({"since": "2023"}, []),
        ({"source": "le monde"}, ["Nous négocierons avec l'Otan"]),
        ({"source": "LIBERATION"}, ["La Russie doit cesser cette guerre",
                                    "l'Europe se tiendra prête"]),
        ({"source": "Le Figaro"}, []),
        ({"kind": "partial"}, ["l'Europe se tiendra prête"]),
        ({"kind": "indirect"}, ["les discussions avancent"]),
        ({"status": "unreviewed", "kind": "indirect"}, ["les discussions avancent"]),
        ({"status": "verified"}, []),
        ({"query": "otan", "speaker": "Stoltenberg"}, ["Nous négocierons avec l'Otan"]),
        ({"query": "otan", "speaker": "Macron"}, []),
        ({"query": "guerre OR vu", "since": "2022-03-02"}, ["C'est du jamais vu"]),
        ({"limit": 2}, ["les discussions avancent", "C'est du jamais vu"]),
    ],
)
def test_search_filters(corpus, filters, expected):
    """Newest said_on first, then by position in the article."""
    assert texts(search(corpus, **filters)) == expected


def test_status_filter_after_review(corpus):
    corpus.execute("UPDATE quotes SET status = 'verified' WHERE text LIKE 'Nous%'")
    assert texts(search(corpus, status="verified")) == ["Nous négocierons avec l'Otan"]


def test_search_row(corpus):
    (row,) = search(corpus, "negocierons")
    assert {k: v for k, v in row.items() if k not in ("id", "article_id")} == {
        "text": "Nous négocierons avec l'Otan", "kind": "direct", "speaker": "Jens Stoltenberg",
        "speaker_kind": "person", "role": "secrétaire général de l'Otan",
        "speaker_role": "secrétaire général de l'Otan", "said_on": "2022-03-24", "said_on_source": "article",
        "said_on_text": None, "source": "Le Monde", "title": "L'Otan se prépare", "url": "https://lemonde.fr/international/otan-se-prepare",
        "status": "unreviewed", "confidence": 0.9, "cue": "a déclaré", "context": OTAN,
        "paragraph": 0, "published": "2022-03-24",
    }


@pytest.mark.parametrize(
    "filters",
    [{"kind": "quote"}, {"since": "hier"}, {"until": "2022-13"}, {"since": "2022-02-30"}],
)
def test_bad_filter_values(corpus, filters):
    with pytest.raises(SearchSyntaxError):
        search(corpus, **filters)


def test_said_on_keeps_only_the_date(db):
    save(db, otan_article(published="2022-03-24T18:30:00+01:00"), otan_quotes())
    assert search(db, until="2022-03-24")[0]["said_on"] == "2022-03-24"


# --- one quote, counts ----------------------------------------------------------------


def test_get_quote_by_id_and_prefix(corpus):
    quote_id = search(corpus, "negocierons")[0]["id"]
    for given in (quote_id, quote_id[:6], quote_id.upper()[:10]):
        row = get_quote(corpus, given)
        assert row["id"] == quote_id
    assert row["parts"] == [[2, 30]] and (row["start"], row["end"]) == (2, 30)
    assert (row["speaker"], row["path"], row["source"]) == ("Jens Stoltenberg", "otan.txt", "Le Monde")
    assert (row["title"], row["published"], row["cue_lemma"]) == (
        "L'Otan se prépare", "2022-03-24", "déclarer")


@pytest.mark.parametrize("given", ["abcde", "ffffffffffffffff", "abcdef"])
def test_get_quote_errors(db, monkeypatch, given):
    ids = iter(["abcdef0000000001", "abcdef0000000002"])
    monkeypatch.setattr(store, "quote_id_for", lambda *args: next(ids))
    save(db, macron_article(), macron_quotes())
    with pytest.raises(QuoteNotFound):
        get_quote(db, given)


def test_counts(corpus):
    # the anonymous source is scoped to its article: its wording is no alias
    assert counts(corpus) == {"articles": 3, "speakers": 3, "speaker_aliases": 5, "quotes": 5}
