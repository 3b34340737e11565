"""Indexing: files -> articles -> parse -> quotes -> database, one article at a time.

Articles are read lazily and parsed in small batches (the engines are fastest on
batches); each article is then written in its own transaction, so a crash or a bad
file never leaves a half-written article, and the rest of the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from .errors import QuotetrackError
from .extract import extract_quotes
from .ingest import iter_paths, read_article
from .store import article_id_for, save_article

BATCH = 8


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: indexed, replaced, skipped or failed (with why)."""

    path: str
    status: str
    error: str | None = None
    quotes: int = 0
    new_speakers: int = 0
    article_id: str | None = None


def index_paths(db, paths: Iterable[str], engine, overrides: Mapping[str, str | None] | None = None, batch: int = BATCH) -> Iterator[Outcome]:
    pending = []
    for path in iter_paths(paths):
        try:
            article = read_article(path, overrides=overrides)
        except QuotetrackError as error:
            yield Outcome(path, "failed", str(error))
            continue
        article_id = article_id_for(article.text)
        if db.conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
            yield Outcome(path, "skipped", article_id=article_id)  # same text: no need to parse
            continue
        pending.append(article)
        if len(pending) >= batch:
            yield from _flush(db, engine, pending)
            pending = []
    yield from _flush(db, engine, pending)


def _flush(db, engine, articles) -> Iterator[Outcome]:
    if not articles:
        return
    try:
        docs = list(engine.parse_many([a.text for a in articles]))
    except QuotetrackError:
        if len(articles) == 1:
            raise
        for article in articles:  # find the one article the engine fails on
            yield from _flush(db, engine, [article])
        return
    for article, doc in zip(articles, docs):
        yield index_document(db, article, doc, engine)


def index_document(db, article, doc, engine) -> Outcome:
    try:
        result = save_article(db, article, extract_quotes(doc), engine=engine.name, engine_version=engine.version)
    except QuotetrackError as error:
        return Outcome(article.path or "-", "failed", str(error))
    return Outcome(article.path or "-", result.status, None, result.quotes, result.new_speakers, result.article_id)
