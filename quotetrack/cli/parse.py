"""Parsing, extraction and evaluation commands: parse, quotes, eval."""

from __future__ import annotations

import json

import click

from ..printing.tables import render
from .group import cli
from .common import friendly, engine_options, format_option, load_engine, read_one, reader_table, selection


@cli.command()
@click.argument("file")
@engine_options
@format_option(["conllu", "json"], "conllu")
@friendly
def parse(file, engine, stanza_dir, full_parse, fmt):
    """Dump the parse of FILE ("-" for standard input), the input of every later step.

    \b
    Example:
        quotetrack parse seeds/000_215c51ed475f2f51.txt --format conllu
    """
    article = read_one(file)
    doc = load_engine(engine, stanza_dir).parse(article.text, select=selection(full_parse))
    if fmt == "json":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    else:
        from ..nlp.conllu import to_conllu

        click.echo(to_conllu(doc), nl=False)


QUOTE_COLUMNS = ("kind", "speaker", "cue", "text")


@cli.command()
@click.argument("file")
@engine_options
@format_option(["table", "json"], "table")
@friendly
def quotes(file, engine, stanza_dir, full_parse, fmt):
    """Print the quotations of FILE and who said them.

    \b
    Example:
        quotetrack quotes seeds/000_215c51ed475f2f51.txt
    """
    from ..extract import extract_quotes

    article = read_one(file)
    found = extract_quotes(load_engine(engine, stanza_dir).parse(article.text, select=selection(full_parse)))
    rows = [q.to_dict() for q in found]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        click.echo(reader_table(rows, QUOTE_COLUMNS, {"text": 70, "speaker": 32}))
    else:
        click.echo("no quotations found", err=True)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@engine_options
@click.option("--kinds", default="direct,partial,indirect", show_default=True, help="Comma-separated kinds to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--errors", is_flag=True, help="List missed quotes, extra quotes and wrong speakers.")
@click.option("--by-sieve", is_flag=True, help="For every sieve: quotes it attributed, span and speaker precision.")
@click.option("--cast", "cast", is_flag=True, help="Also score the cast: given each gold speaker mention, is it resolved to the gold speaker?")
@click.option("--without", default="", metavar="STEP[,STEP...]", help="Switch these sieves, passes or steps off, to see what each is worth.")
@friendly
def eval_(gold, engine, stanza_dir, full_parse, kinds, as_json, errors, by_sieve, cast, without):
    """Score extraction against a gold file (JSON lines: text and annotated quotes).

    \b
    Example:
        quotetrack eval tests/gold/seed-fr.jsonl --kinds direct,partial
        quotetrack eval tests/gold/seed-fr.jsonl --by-sieve
    """
    from ..evaluate import THRESHOLDS, evaluate, evaluate_cast, read_gold
    from ..extract import KINDS, extract_quotes, resolve_mentions, step_names

    chosen = [k.strip() for k in kinds.split(",") if k.strip()]
    unknown = [k for k in chosen if k not in KINDS]
    if unknown or not chosen:
        raise click.BadParameter(f"unknown kind {', '.join(unknown) or '(none)'}; choose from {', '.join(KINDS)}", param_hint="--kinds")
    off = frozenset(s.strip() for s in without.split(",") if s.strip())
    if off - set(step_names()):
        raise click.BadParameter(f"unknown step {', '.join(sorted(off - set(step_names())))}; choose from {', '.join(step_names())}", param_hint="--without")
    docs = read_gold(gold)
    nlp = load_engine(engine, stanza_dir)
    parsed = []

    def extract(texts):
        for doc in nlp.parse_many(texts, select=selection(full_parse)):
            parsed.append(doc)
            yield extract_quotes(doc, off)

    report = evaluate(docs, extract, chosen)
    figures = report.figures()
    if by_sieve:
        figures["by_sieve"] = report.by_sieve()
    cast_report = None
    if cast:
        cast_report = evaluate_cast(docs, lambda texts, asked: (resolve_mentions(d, spans, off) for d, spans in zip(parsed, asked)))
        figures.update(cast_report.figures())
    if as_json:
        click.echo(json.dumps(figures))
    else:
        click.echo(f"documents {figures['documents']}  gold {figures['gold']}  predicted {figures['predicted']}  kinds {','.join(chosen)}")
        rows = [{"threshold": t, **figures[f"t{t}"]} for t in THRESHOLDS]
        click.echo(render(rows, "table", ("threshold", "precision", "recall", "f1")))
        click.echo(f"speaker accuracy {figures['speaker_accuracy']:.4f} over {figures['speaker_scored']} matched quotes")
        click.echo(f"mention accuracy {figures['mention_accuracy']:.4f} over {figures['mention_scored']} matched quotes")
        kinds_line = "  ".join(f"{k} {v['accuracy']:.4f} ({v['right']}/{v['scored']})" for k, v in figures["by_speaker_kind"].items())
        click.echo(f"speaker accuracy by gold speaker_kind: {kinds_line}")
        if cast_report is not None:
            click.echo(f"cast accuracy {figures['cast_accuracy']:.4f} over {figures['cast_scored']} gold mentions")
        if by_sieve:
            click.echo(render(figures["by_sieve"], "table", ("sieve", "quotes", "gold", "span_precision", "speaker_scored", "speaker_right", "speaker_precision")))
    if errors:
        for g in report.misses:
            click.echo(f"MISSED  {g.doc} [{g.start}:{g.end}] {g.kind}: {g.text[:80]!r} ({g.speaker})")
        for p in report.extra:
            click.echo(f"EXTRA   {p.doc} [{p.start}:{p.end}] {p.kind}: {p.text[:80]!r} ({p.speaker})")
        for m in report.wrong_speakers:
            click.echo(f"SPEAKER {m.gold.doc} [{m.gold.start}:{m.gold.end}] expected {m.gold.speaker!r}, got {m.pred.speaker!r}")
        for g, name in cast_report.wrong if cast_report is not None else ():
            click.echo(f"CAST    {g.doc} [{g.mention[0]}:{g.mention[1]}] {g.speaker_kind}: expected {g.speaker!r}, got {name!r}")
