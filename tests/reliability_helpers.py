"""Databases built without a parser, for the reliability tests: each quote is given as
(speaker, words) and stored as ``store.save_article`` stores an extraction."""

from __future__ import annotations

from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.extract.records import Quote
from quotetrack.sources.articles import Article
from quotetrack.archive.store import open_db, save_article


def store_article(db_path, sayings, *, title="Conseil municipal", path="conseil.txt", url=None):
    """One article whose text is ``« words », a dit speaker.`` per saying; its quotes."""
    text, quotes = "", []
    for speaker, words in sayings:
        start = len(text) + 2
        text += f"« {words} », a dit {speaker}.\n\n"
        quotes.append(Quote(words, ((start, start + len(words)),), "direct", speaker=speaker, speaker_kind="person",
                            cue="dire", context=words, confidence=0.9, reason="test"))  # fmt: skip
    db = open_db(db_path)
    article = Article(text.rstrip(), title=title, path=path, url=url, source="Le Quotidien", published="2026-01-05")
    save_article(db, article, quotes, engine="test", engine_version="1")
    db.conn.close()
    return article


def run(*args):
    """The command line as a person runs it: any failure is a message, never a traceback."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result
