"""Parsing, extraction and evaluation commands: parse, quotes, eval."""

from __future__ import annotations

import json

import click

from ..printing.tables import render
from .group import cli
from .common import friendly, engine_options, format_option, load_engine, read_one, reader_table, selection


@cli.command()
@click.argument("file", metavar="FICHIER")
@engine_options
@format_option(["conllu", "json"], "conllu")
@friendly
def parse(file, engine, stanza_dir, full_parse, fmt):
    """Afficher l'analyse de FICHIER (« - » pour l'entrée standard), d'où partent toutes les étapes suivantes.

    \b
    Exemple :
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
@click.argument("file", metavar="FICHIER")
@engine_options
@format_option(["table", "json"], "table")
@friendly
def quotes(file, engine, stanza_dir, full_parse, fmt):
    """Afficher les citations de FICHIER et qui les a dites, sans base de données.

    \b
    Exemple :
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
        click.echo("aucune citation trouvée", err=True)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False), metavar="REFERENCE")
@engine_options
@click.option("--kinds", default="direct,partial,indirect", show_default=True, help="Types évalués, séparés par des virgules (direct, partial, indirect ou directe, partielle, indirecte).")
@click.option("--json", "as_json", is_flag=True, help="Donner les chiffres en un objet JSON.")
@click.option("--errors", is_flag=True, help="Lister les citations manquées, en trop et les mauvais locuteurs.")
@click.option("--by-sieve", is_flag=True, help="Pour chaque règle d'attribution : citations attribuées, précision des passages et des locuteurs.")
@click.option("--cast", "cast", is_flag=True, help="Évaluer aussi la distribution : chaque mention de locuteur de la référence est-elle rapportée au bon locuteur ?")
@click.option("--without", default="", metavar="ÉTAPE[,ÉTAPE...]", help="Désactiver ces règles, passes ou étapes, pour mesurer ce que chacune apporte.")
@friendly
def eval_(gold, engine, stanza_dir, full_parse, kinds, as_json, errors, by_sieve, cast, without):
    """Évaluer l'extraction sur un fichier de référence (lignes JSON : texte et citations annotées).

    \b
    Exemple :
        quotetrack eval tests/gold/seed-fr.jsonl --kinds direct,partial
        quotetrack eval tests/gold/seed-fr.jsonl --by-sieve
    """
    from ..evaluate import THRESHOLDS, evaluate, evaluate_cast, read_gold
    from ..extract import KINDS, extract_quotes, resolve_mentions, step_names

    from .. import vocabulary
    from ..vocabulary import UnknownWord, parse_kind

    chosen, unknown = [], []
    for typed in (k.strip() for k in kinds.split(",") if k.strip()):
        try:
            chosen.append(parse_kind(typed))
        except UnknownWord:
            unknown.append(typed)
    if unknown or not chosen:
        raise click.BadParameter(f"type inconnu : {', '.join(unknown) or '(aucun)'} ; au choix : {', '.join(KINDS)}", param_hint="--kinds")
    off = frozenset(s.strip() for s in without.split(",") if s.strip())
    if off - set(step_names()):
        raise click.BadParameter(f"étape inconnue : {', '.join(sorted(off - set(step_names())))} ; au choix : {', '.join(step_names())}", param_hint="--without")
    docs = read_gold(gold)
    nlp = load_engine(engine, stanza_dir)
    parsed, rejections = [], []

    def extract(texts):
        for doc in nlp.parse_many(texts, select=selection(full_parse)):
            parsed.append(doc)
            rejections.append([])
            yield extract_quotes(doc, off, rejected=rejections[-1])

    report = evaluate(docs, extract, chosen, rejections)
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
        click.echo(f"documents {figures['documents']}  référence {figures['gold']}  trouvées {figures['predicted']}  types {','.join(chosen)}")
        rows = [{"seuil": t, "précision": f["precision"], "rappel": f["recall"], "f1": f["f1"]}
                for t in THRESHOLDS for f in [figures[f"t{t}"]]]  # fmt: skip
        click.echo(render(rows, "table", ("seuil", "précision", "rappel", "f1")))
        click.echo(f"exactitude des locuteurs {figures['speaker_accuracy']:.4f} sur {figures['speaker_scored']} citations appariées")
        click.echo(f"exactitude des mentions {figures['mention_accuracy']:.4f} sur {figures['mention_scored']} citations appariées")
        # the gold also marks a speaker mention that is a pronoun (a-t-il ajouté), no kind of speaker
        kind_label = lambda k: "pronom" if k == "pronoun" else vocabulary.speaker_kind(k)  # noqa: E731
        kinds_line = "  ".join(f"{kind_label(k)} {v['accuracy']:.4f} ({v['right']}/{v['scored']})" for k, v in figures["by_speaker_kind"].items())
        click.echo(f"exactitude des locuteurs par type de locuteur de la référence : {kinds_line}")
        if cast_report is not None:
            click.echo(f"exactitude de la distribution {figures['cast_accuracy']:.4f} sur {figures['cast_scored']} mentions de la référence")
        if by_sieve:
            # a rule that keeps words (citations: the quotes it took part in, référence: those that
            # are gold quotes) or one that drops them (citations: the spans it dropped, référence:
            # those where a gold quote is missed; its precision is the share rightly dropped)
            headers = {"sieve": "règle", "decision": "décision", "quotes": "citations", "gold": "référence", "span_precision": "précision passages",
                       "speaker_scored": "locuteurs évalués", "speaker_right": "locuteurs justes",
                       "speaker_precision": "précision locuteurs"}  # fmt: skip
            decisions = {"keeps": "retient", "drops": "écarte"}
            rows = [{headers[k]: decisions.get(v, v) if k == "decision" else v for k, v in row.items() if k in headers} for row in figures["by_sieve"]]
            click.echo(render(rows, "table", list(headers.values())))
    if errors:
        for g in report.misses:
            click.echo(f"MANQUÉE  {g.doc} [{g.start}:{g.end}] {g.kind} : {g.text[:80]!r} ({g.speaker})")
        for p in report.extra:
            click.echo(f"EN TROP  {p.doc} [{p.start}:{p.end}] {p.kind} : {p.text[:80]!r} ({p.speaker})")
        for m in report.wrong_speakers:
            click.echo(f"LOCUTEUR {m.gold.doc} [{m.gold.start}:{m.gold.end}] attendu {m.gold.speaker!r}, trouvé {m.pred.speaker!r}")
        for g, name in cast_report.wrong if cast_report is not None else ():
            click.echo(f"DISTRIBUTION {g.doc} [{g.mention[0]}:{g.mention[1]}] {g.speaker_kind} : attendu {g.speaker!r}, trouvé {name!r}")
