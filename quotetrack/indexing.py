"""Indexing: files -> articles -> parse -> quotes -> database, one article at a time.

Articles are read lazily and handed to a runner (this process, worker processes or a Dask
cluster) in small batches, with a bounded number of batches in flight, so memory stays
flat however large the corpus. This process is the only writer: each article is written
in its own transaction, so a crash or a bad file never leaves a half-written article,
and the rest of the batch goes on.

Articles are stored in input order whatever the number of workers and whichever batch
finishes first: the first article to use a name keeps it as an alias, so the same
inputs give the same database every time. A worker that dies (the out-of-memory killer)
fails only its batch; its articles are parsed again one by one in a fresh worker, and
only the one that kills it again is reported.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from .errors import InputError, QuotetrackError
from .sources.articles import iter_paths, read_article
from .sources.own_outputs import OwnOutput
from .sources.downloads import ahead, download_article, is_url
from .sources.fetching import FetchError, Fetcher
from .parallel import EngineSpec, LocalRunner, parse_and_extract, worker_died
from .text.safety import path_text
from .archive.database_file import database_error, database_file
from .archive.store import article_exists, article_id_for, save_article

BATCH = 32  # articles per parse call: fewer round trips to the workers, fuller nlp.pipe batches
MAX_BYTES = 5_000_000  # an article larger than this is almost surely not one article
# Parsing time and memory grow with the number of tokens, not bytes: 1 MB of « « « is
# 500,000 tokens where 1 MB of prose is about 200,000, and each token costs the parser
# about 16 KB while its article is parsed. Past this budget (about 1 MB of prose, far
# more than any article) an input is refused before it is parsed; see docs/reliability.md.
MAX_TOKENS = 250_000
_TOKEN = re.compile(r"\w+|[^\w\s]")


class UrlForSeveralFiles(QuotetrackError):
    """``--url`` names one article; given for several inputs it would make them one."""


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
    orphaned: int = 0  # reviewed quotes that matched nothing, kept flagged (see archive/reviews.py)
    warnings: tuple[str, ...] = ()  # problems found and ignored (an impossible date)
    outlet: str | None = None  # the article's outlet, for a summary per outlet


def read_checked(path: str, overrides, max_bytes: int, max_tokens: int = MAX_TOKENS):
    """Read one article within the size budgets: ``max_bytes`` of file, ``max_tokens`` of text."""
    return check_tokens(read_article(path, overrides=overrides, max_bytes=max_bytes), path, max_tokens)


def check_tokens(article, path: str, max_tokens: int = MAX_TOKENS):
    """The article, if its text is within ``max_tokens`` words and marks."""
    if max_tokens and len(article.text) > max_tokens:  # cheap bound first: a token has a character
        tokens = sum(1 for _ in _TOKEN.finditer(article.text))
        if tokens > max_tokens:
            raise InputError(path, f"trop de mots et de signes pour un article ({tokens:_} > {max_tokens:_} ; voir --max-tokens)".replace("_", " "))
    return article


def check_overrides(paths: list[str], overrides: Mapping[str, str | None]) -> None:
    """Refuse, before any work, metadata that names one article given for several."""
    if overrides.get("url") and (len(paths) != 1 or (paths[0] != "-" and os.path.isdir(paths[0]))):
        raise UrlForSeveralFiles("--url désigne un article : donnez-la avec un seul fichier, pas plusieurs ni un dossier")


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
    max_tokens: int = MAX_TOKENS,
    reextract: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[Outcome]:
    """Index every article under ``paths``; yields one Outcome per input, as they finish.

    An http(s) URL among ``paths`` is downloaded (by ``fetcher``, whose limits and
    politeness apply; a default one if None) ahead of the parser, in threads, and read as
    a saved HTML file would be; it is stored with the URL as its path, so the same URL
    indexed again is skipped if its text is the same and replaced if not.

    ``reextract`` parses and extracts again the texts already indexed instead of skipping
    them (new engine or extraction rules); their reviews are carried over.

    ``runner`` decides where parsing runs (default: here); a ``PoolRunner`` is worth its
    start-up only for more than one batch, so ``runner`` may also be a callable returning
    one, called once a second batch exists.

    A URL carried by several inputs of one run (the same ``url:`` in several front
    matters) identifies none of them: they are kept as distinct articles.
    """
    paths = list(paths)
    check_overrides(paths, overrides or {})
    engine = as_spec(engine)
    urls: dict[str, str] = {}  # URL -> the first input of this run that carried it
    local = LocalRunner()
    active = None
    in_flight: dict = {}
    held: list | None = None
    pending = []

    def start(articles):
        in_flight[active.submit(parse_and_extract, engine, [a.text for a, _ in articles])] = articles

    def finish(all_done=False):
        while in_flight:  # the oldest batch first: articles are stored in input order
            future = next(iter(in_flight))
            yield from _store(db, engine, future, in_flight.pop(future), active, reextract)
            if not all_done:
                return

    own_fetcher = fetcher is None and any(is_url(p) for p in paths)
    if own_fetcher:
        fetcher = Fetcher()

    def download(url):
        return download_article(fetcher, url, overrides)

    per_host = fetcher.limits.per_host if fetcher else 1
    try:
        for path, downloaded in ahead(iter_paths(paths), download, per_host=per_host):
            try:
                article = read_checked(path, overrides, max_bytes, max_tokens) if downloaded is None else _downloaded(path, downloaded, max_tokens)
            except OwnOutput as own:  # quotetrack's own sheet or export: skipped, not failed
                yield Outcome(path, "skipped", str(own))
                continue
            except QuotetrackError as error:
                yield Outcome(path, "failed", str(error))
                continue
            article_id = article_id_for(article.text)
            if not reextract and article_exists(db, article_id):
                yield Outcome(path, "skipped", article_id=article_id, warnings=article.warnings, outlet=article.source)  # same text: no parse needed
                continue
            url_identifies = not article.url or urls.setdefault(article.url, path) == path
            pending.append((article, url_identifies))
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
        size = min(batch, max(1, -(-len(rest) // active.workers)))  # the last articles: spread over every worker
        for k in range(0, len(rest), size):
            start(rest[k : k + size])
        yield from finish(all_done=True)
    finally:
        if active is not None and active is not local:
            active.close()
        if own_fetcher:
            fetcher.close()


def _downloaded(url: str, result, max_tokens: int):
    """The Article a download thread made, or its error raised here, in the input's turn."""
    if isinstance(result, QuotetrackError):
        raise result
    if isinstance(result, Exception):  # an unexpected failure fails this URL only
        raise FetchError(url, f"échec de la lecture ({result.__class__.__name__} : {result})")
    return check_tokens(result, url, max_tokens)


def _store(db, engine, future, articles, runner, reextract=False, retry=True) -> Iterator[Outcome]:
    """Write one batch's results; a failed batch is parsed again article by article (each
    alone, one after the other), so only the article the engine fails on, or the one that
    kills its worker, is reported."""
    try:
        name, version, quotes = future.result()
    except Exception as error:  # a worker's failure, whatever its type, fails its articles only
        if retry and (len(articles) > 1 or worker_died(error)):
            for item in articles:
                single = runner.submit(parse_and_extract, engine, [item[0].text])
                yield from _store(db, engine, single, [item], runner, reextract, retry=False)
            return
        path = articles[0][0].path or "-"
        if worker_died(error):
            message = f"{path_text(path)}: le processus d'analyse est mort (tué par le système, mémoire épuisée ?) ; ignoré"
        elif isinstance(error, QuotetrackError):
            message = str(error)
        else:
            message = f"{path_text(path)}: l'analyse a échoué ({error.__class__.__name__} : {error})"
        yield Outcome(path, "failed", message.splitlines()[0] if message else "parsing failed")
        return
    for (article, url_identifies), found in zip(articles, quotes):
        try:
            result = save_article(db, article, found, engine=name, engine_version=version, reextract=reextract,
                                  url_identifies=url_identifies)  # fmt: skip
        except sqlite3.DatabaseError as error:
            # a read-only, full or corrupt database: every article would fail the same way
            raise database_error(database_file(db), error) from None
        except QuotetrackError as error:
            yield Outcome(article.path or "-", "failed", str(error))
            continue
        yield Outcome(article.path or "-", result.status, None, result.quotes, result.new_speakers, result.article_id,
                      result.reviews_kept, result.orphaned,
                      article.warnings + tuple(f"{path_text(article.path or '-')}: {w}" for w in result.warnings),
                      article.source)  # fmt: skip
