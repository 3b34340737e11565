"""Indexing: files -> articles -> parse -> quotes -> database, one article at a time.

Articles are read lazily and handed to a runner (this process, worker processes or a Dask
cluster) in small batches, with a bounded number of batches in flight, so memory stays
flat however large the corpus. This process is the only writer: each article is written
in its own transaction, so a crash or a bad file never leaves a half-written article,
and the rest of the batch goes on.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from .errors import InputError, QuotetrackError
from .ingest import iter_paths, read_article
from .parallel import EngineSpec, LocalRunner, parse_and_extract
from .store import DatabaseUnavailable, article_exists, article_id_for, save_article

BATCH = 32  # articles per parse call: fewer round trips to the workers, fuller nlp.pipe batches
MAX_BYTES = 5_000_000  # an article larger than this is almost surely not one article


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: indexed, replaced, skipped or failed (with why)."""

    path: str
    status: str
    error: str | None = None
    quotes: int = 0
    new_speakers: int = 0
    article_id: str | None = None
    reviews_kept: int = 0  # reviewed quotes of an earlier version matched to the new extraction
    orphaned: int = 0  # reviewed quotes that matched nothing, kept flagged (see review.py)


def read_checked(path: str, overrides, max_bytes: int):
    if path != "-" and max_bytes and os.path.isfile(path) and os.path.getsize(path) > max_bytes:
        size = os.path.getsize(path) / 1e6
        raise InputError(path, f"too large for an article ({size:.1f} MB > {max_bytes / 1e6:g} MB; see --max-size)")
    return read_article(path, overrides=overrides)


def as_spec(engine) -> EngineSpec:
    """An EngineSpec from a spec, an engine name, or a loaded engine (its cached twin is reused)."""
    if engine is None:
        return EngineSpec()
    if isinstance(engine, EngineSpec):
        return engine
    if isinstance(engine, str):
        return EngineSpec(engine)
    model_dir = getattr(engine, "model_dir", None)
    return EngineSpec(engine.name, str(model_dir) if model_dir else None)


def index_paths(
    db,
    paths: Iterable[str],
    engine: EngineSpec | None = None,
    overrides: Mapping[str, str | None] | None = None,
    batch: int = BATCH,
    runner=None,
    max_bytes: int = MAX_BYTES,
    *,
    reextract: bool = False,
) -> Iterator[Outcome]:
    """Index every article under ``paths``; yields one Outcome per input, as they finish.

    ``reextract`` parses and extracts again the texts already indexed instead of skipping
    them (new engine or extraction rules); their reviews are carried over.

    ``runner`` decides where parsing runs (default: here); a ``PoolRunner`` is worth its
    start-up only for more than one batch, so ``runner`` may also be a callable returning
    one, called once a second batch exists.
    """
    engine = as_spec(engine)
    local = LocalRunner()
    active = None
    in_flight: dict = {}
    held: list | None = None
    pending = []

    def start(articles):
        in_flight[active.submit(parse_and_extract, engine, [a.text for a in articles])] = articles

    def finish(all_done=False):
        while in_flight:
            done, _ = active.wait_first(in_flight)
            for future in done:
                yield from _store(db, engine, future, in_flight.pop(future), active, reextract)
            if not all_done:
                return

    try:
        for path in iter_paths(paths):
            try:
                article = read_checked(path, overrides, max_bytes)
            except QuotetrackError as error:
                yield Outcome(path, "failed", str(error))
                continue
            article_id = article_id_for(article.text)
            if not reextract and article_exists(db, article_id):
                yield Outcome(path, "skipped", article_id=article_id)  # same text: no parse needed
                continue
            pending.append(article)
            if len(pending) < batch:
                continue
            if active is None and held is None:
                held, pending = pending, []  # wait: is there more than one batch?
                continue
            if active is None:
                active = runner() if callable(runner) else (runner or local)
                start(held)
                held = None
            start(pending)
            pending = []
            while len(in_flight) >= 2 * active.workers:
                yield from finish()
        rest = (held or []) + pending
        if active is None:
            active = local  # one batch or less: not worth starting workers
        for k in range(0, len(rest), batch):
            start(rest[k : k + batch])
        yield from finish(all_done=True)
    finally:
        if active is not None and active is not local:
            active.close()


def _store(db, engine, future, articles, runner, reextract=False) -> Iterator[Outcome]:
    try:
        name, version, quotes = future.result()
    except Exception as error:  # a worker's failure, whatever its type, fails its articles only
        if len(articles) == 1:
            message = str(error) if isinstance(error, QuotetrackError) else f"{articles[0].path or '-'}: parsing failed ({error.__class__.__name__}: {error})"
            yield Outcome(articles[0].path or "-", "failed", message.splitlines()[0] if message else "parsing failed")
            return
        for article in articles:  # find the one article the engine fails on
            yield from _store(db, engine, runner.submit(parse_and_extract, engine, [article.text]), [article], runner, reextract)
        return
    for article, found in zip(articles, quotes):
        try:
            result = save_article(db, article, found, engine=name, engine_version=version, reextract=reextract)
        except sqlite3.Error as error:
            # a read-only, full or corrupt database: every article would fail the same way
            raise DatabaseUnavailable(f"cannot write to the database: {error}") from None
        except QuotetrackError as error:
            yield Outcome(article.path or "-", "failed", str(error))
            continue
        yield Outcome(article.path or "-", result.status, None, result.quotes, result.new_speakers, result.article_id, result.reviews_kept, result.orphaned)
