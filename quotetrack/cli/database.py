"""Indexing and reading the database: index, search, export, show, speakers."""

from __future__ import annotations

import json
import os
import sys

import click

from ..printing.tables import FORMATS, chunks, render
from ..text.plurals import plural
from ..text.safety import path_text, terminal_text
from .group import cli
from .common import (friendly, ListingLines, make_fetcher, web_options, engine_options, format_option,
                     resolve_engine, db_option, open_database, read_database, filter_options, include_rejected_option,
                     reader_table, write_output, limit_type, speaker_kind_callback)  # fmt: skip


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
            click.echo(f"\r{self.count} articles, {rate:.1f} articles/s", nl=False, err=True)  # « articles » is French too

    def done(self):
        if self.enabled and self.count:
            click.echo(err=True)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[CHEMINS]...")
@db_option
@engine_options
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="Flux RSS ou Atom (ou la page d'accueil d'un site, qui annonce les siens) : ses articles pas encore indexés, du plus récent au plus ancien (répétable).")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL", help="Plan de site (sitemap.xml, index de sitemaps, ou l'adresse d'un site : son robots.txt les donne) : ses articles pas encore indexés (répétable).")
@click.option("--since", metavar="DATE", help="Avec --feed ou --sitemap : seulement les articles datés de ce jour (AAAA-MM-JJ) ou après.")
@click.option("--max", "most", type=limit_type(1), metavar="N", help="Avec --feed ou --sitemap : au plus N articles par flux ou plan de site, les plus récents.")
@web_options
@click.option("--date", help="Date de publication de chaque article (AAAA-MM-JJ).")
@click.option("--source", help="Média de chaque article.")
@click.option("--url", help="URL (d'un seul article ; refusée pour plusieurs).")
@click.option("--title", help="Titre (d'un seul article).")
@click.option("--author", help="Auteur de chaque article.")
@click.option("--silent", is_flag=True, help="Sans affichage de la progression.")
@click.option("--workers", type=limit_type(1, 1024), default=os.cpu_count() or 1, show_default="le nombre de cœurs", help="Processus d'analyse (lancés après le chargement de l'analyseur, qu'ils partagent, sous Linux avec spaCy).")
@click.option("--scheduler", metavar="ADRESSE", help="Analyser plutôt sur une grappe Dask (tcp://hôte:8786).")
@click.option("--max-size", type=limit_type(0, 2**62), default=5_000_000, show_default=True, help="Plus gros fichier accepté comme un article, en octets (0 : sans limite).")
@click.option("--max-tokens", type=limit_type(0, 2**62), default=250_000, show_default=True, help="Plus de mots et signes d'un article (0 : sans limite) : la mémoire de l'analyse croît avec eux.")
@click.option("--batch-size", type=limit_type(1, 100_000), default=32, show_default=True, help="Articles par appel d'analyse (et par tâche envoyée à un processus).")
@click.option("--reextract", is_flag=True, help="Extraire à nouveau les textes déjà indexés (nouvel analyseur ou nouvelles règles) ; les vérifications sont gardées.")
@friendly
def index(paths, db_path, engine, stanza_dir, full_parse, feeds, sitemaps, since, most, delay, timeout, allow_local, allowed_addresses, date, source, url, title, author, silent, workers, scheduler, max_size, max_tokens, batch_size, reextract):
    """Indexer des articles : fichiers (.txt, .md, .html), dossiers (récursivement), adresses web ou - pour l'entrée standard.

    Les adresses web (http, https) sont téléchargées puis lues comme des pages
    HTML enregistrées, poliment (robots.txt, --delay entre deux requêtes à un même
    site) ; --feed et --sitemap indexent les articles qu'un flux ou un site annonce.

    Un contenu déjà indexé est ignoré ; un nouveau contenu au même chemin (ou à la même
    URL) remplace l'article, ses vérifications reportées. Un mauvais fichier est signalé
    en une ligne et le reste continue.

    \b
    Exemple :
        quotetrack index seeds/ --source AFP
        quotetrack index https://www.example.fr/politique/article-1.html
        quotetrack index --feed https://www.example.fr/rss.xml --since 2024-07-01
    """
    from ..indexing import check_overrides, index_paths
    from ..parallel import DaskRunner, EngineSpec
    from ..archive import evidence
    from ..archive.store import counts

    if not (paths or feeds or sitemaps):
        raise click.UsageError("donnez au moins un fichier, un dossier, une adresse, --feed ou --sitemap")
    overrides = {"date": date, "source": source, "url": url, "title": title, "author": author}
    check_overrides(list(paths), overrides)
    db = open_database(db_path)
    fetcher = make_fetcher(delay, timeout, allow_local, allowed_addresses, max_size)
    paths, listing_failures, origin = _with_listed_articles(db, fetcher, list(paths), feeds, sitemaps, since, most)
    spec = EngineSpec(resolve_engine(engine, stanza_dir), stanza_dir, full_parse)
    if scheduler:
        runner = DaskRunner(scheduler)
    else:
        runner = (lambda: _worker_pool(workers, spec)) if workers > 1 else None
    tally = {"indexed": 0, "replaced": 0, "skipped": 0, "failed": listing_failures}
    quotes = speakers = 0
    progress = _Progress(not silent and sys.stderr.isatty())
    listing_lines = ListingLines(origin, enabled=not silent and not sys.stderr.isatty())
    orphaned = 0
    for outcome in index_paths(db, paths, spec, overrides, runner=runner, max_bytes=max_size, max_tokens=max_tokens, batch=batch_size, reextract=reextract, fetcher=fetcher):
        orphaned += outcome.orphaned
        progress.step()
        listing_lines.step(outcome)
        tally[outcome.status] += 1
        quotes += outcome.quotes
        speakers += outcome.new_speakers
        for warning in outcome.warnings:
            click.echo(f"attention : {warning}", err=True)
        if outcome.status == "failed":
            click.echo(f"erreur : {outcome.error}", err=True)
        elif outcome.status == "skipped" and outcome.error:  # not an article (quotetrack's own sheet)
            click.echo(f"ignoré : {outcome.error}", err=True)
        elif outcome.status == "skipped":
            click.echo(f"ignoré : {path_text(outcome.path)} (déjà indexé)", err=True)
    progress.done()
    totals = {**counts(db), "quotes": evidence.count(db)}  # rejected quotes are no quotes
    click.echo(
        f"indexés {tally['indexed']}, remplacés {tally['replaced']}, ignorés {tally['skipped']}, "
        f"en échec {tally['failed']} ; {plural(quotes, 'citation')}, {plural(speakers, 'nouveau locuteur', 'nouveaux locuteurs')} "
        f"(base : {plural(totals['articles'], 'article')}, {plural(totals['quotes'], 'citation')}, "
        f"{plural(totals['speakers'], 'locuteur')})"
    )
    if orphaned:
        click.echo(f"attention : {plural(orphaned, 'citation vérifiée', 'citations vérifiées')} "
                   f"{'ne sont plus trouvées' if orphaned > 1 else 'n’est plus trouvée'} par l'extraction, "
                   f"{'gardées comme orphelines' if orphaned > 1 else 'gardée comme orpheline'} "
                   "(quotetrack reviews --status orphaned)", err=True)  # fmt: skip
    if tally["failed"]:
        sys.exit(1)


def _with_listed_articles(db, fetcher, paths, feeds, sitemaps, since, most):
    """The inputs plus the new articles the feeds and sitemaps list; each listing that
    cannot be read is one error line (and one failure)."""
    if not (feeds or sitemaps):
        return paths, 0, {}
    from ..following.planning import Source, plan
    from ..sources.articles import iso_date

    try:
        since = iso_date(since)
    except ValueError:
        raise click.BadParameter(f"date invalide « {since} » (AAAA-MM-JJ attendu)", param_hint="--since") from None
    sources = [Source(u, "feed") for u in feeds] + [Source(u, "sitemap") for u in sitemaps]
    found = plan(db, fetcher, sources, since=since, most=most)
    for message in found.failures.values():
        click.echo(f"erreur : {message}", err=True)
    click.echo(f"{plural(len(found.urls), 'article')} à lire dans {plural(len(found.listings), 'flux et plan de site', 'flux et plans de site')} "
               f"({plural(found.known, 'déjà indexé', 'déjà indexés')})", err=True)
    return paths + found.urls, len(found.failures), found.origin


def _worker_pool(workers, spec):
    """Started once a second batch exists; says on stderr how its workers start."""
    from ..parallel import PoolRunner

    pool = PoolRunner(workers, spec)
    how = "fork : l'analyseur chargé une fois ici, partagé" if pool.start_method == "fork" else "spawn : chacun charge son analyseur"
    click.echo(f"analyse dans {workers} processus ({how})", err=True)
    return pool


SEARCH_COLUMNS = ("speaker", "role", "said_on", "said_on_text", "source", "status", "text", "title")
SEARCH_LIMITS = {"text": 80, "title": 40, "speaker": 28, "role": 30, "source": 16, "said_on_text": 20}


@cli.command()
@click.argument("query", required=False, metavar="[RECHERCHE]")
@filter_options
@click.option("--limit", type=limit_type(), default=50, show_default=True, help="Nombre de citations affichées au plus.")
@format_option(FORMATS, "table")
@db_option
@friendly
def search(query, speaker, since, until, source, kind, include_rejected, limit, fmt, db_path):
    """Chercher des citations, sans tenir compte des accents ni de la casse : qui a dit quoi, quand, où.

    Les citations rejetées par la vérification n'y sont pas, sauf --include-rejected ;
    la colonne statut dit où en est la vérification de chacune.

    \b
    Exemple :
        quotetrack search otan --speaker Stoltenberg
        quotetrack search defendre --format json
    """
    from ..archive.search import count_matches, search as run_search

    db = read_database(db_path)
    filters = {"speaker": speaker, "since": since, "until": until, "source": source, "kind": kind,
               "include_rejected": include_rejected}  # fmt: skip
    rows = run_search(db, query, **filters, limit=limit)
    if fmt == "table" and not rows:
        click.echo("aucune citation trouvée", err=True)
        return
    click.echo(reader_table(rows, SEARCH_COLUMNS, SEARCH_LIMITS) if fmt == "table" else render(rows, fmt, SEARCH_COLUMNS))
    if len(rows) == limit:
        total = count_matches(db, query, **filters)
        if total > limit:
            click.echo(f"{limit} sur {total} affichées ; --limit pour plus", err=True)


@cli.command()
@click.argument("query", required=False, metavar="[RECHERCHE]")
@filter_options
@format_option(("csv", "json", "ndjson"), "csv")
@click.option("--limit", type=limit_type(), help="Nombre de citations exportées au plus (par défaut : toutes).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Écrire dans FICHIER (remplacé seulement une fois complet).")
@click.option("--raw", is_flag=True, help="CSV : laisser telles quelles les cellules commençant par = + - @ (sans ' devant).")
@db_option
@friendly
def export(query, speaker, since, until, source, kind, include_rejected, fmt, limit, output, raw, db_path):
    """Exporter chaque citation trouvée en CSV, JSON ou NDJSON, ligne par ligne.

    Chaque ligne porte le statut de vérification de la citation (colonne status) ; les
    citations rejetées n'y sont pas, sauf --include-rejected. Les cellules CSV qu'un
    tableur exécuterait comme formule reçoivent un ' devant, sauf --raw. Une base
    endommagée est refusée plutôt qu'exportée incomplète.
    """
    from ..printing.atomic_files import check_output_path
    from ..archive.database_file import check_integrity
    from ..archive.store import indexed_from
    from ..archive.search import search as run_search

    db = read_database(db_path)
    if output and output != "-":
        check_output_path(output, database=db_path, inputs=indexed_from(db, output))
    check_integrity(db, db_path)
    rows = run_search(db, query, speaker=speaker, since=since, until=until, source=source, kind=kind, limit=limit,
                      stream=True, include_rejected=include_rejected)  # fmt: skip
    write_output(chunks(rows, fmt, SEARCH_COLUMNS, raw=raw), output, database=db_path)


def _appearances(db, row) -> list[dict]:
    from ..checking.appearances import appearances

    return [{k: v for k, v in a.items() if k != "text_key"} for a in appearances(db, row)]


def _echo_review(db, row, listed) -> None:
    """The review lines of `quotetrack show`: notes, corrections, orphan flag, appearances."""
    if row.get("reviewed_by"):
        click.echo(f"  vérifiée par {row['reviewed_by']} le {row.get('reviewed_at')}")
    if row.get("notes"):
        click.echo(f"  note : {row['notes']}")
    if row.get("original_text") is not None:
        click.echo(f"  texte extrait : « {row['original_text']} »")
    if row.get("reattributed"):
        click.echo(f"  locuteur extrait : {row.get('original_speaker') or 'aucun'}")
    if row.get("orphaned_from"):
        click.echo(f"  orpheline : absente de l'extraction actuelle (venue de l'article {row['orphaned_from'][:12]})")
    if len(listed) > 1:
        click.echo(f"  paraît dans {len(listed)} articles, du plus ancien au plus récent :")
        for a in listed:
            where = a.get("title") or a.get("path") or a["article_id"][:12]
            source = f" ({a['source']})" if a.get("source") else ""
            mark = "  <- cette citation" if a["this"] else f"  score {a['score']:g}"
            click.echo(terminal_text(f"    {a.get('said_on') or 'sans date':10}  {where}{source}  {a['quote_id']}{mark}"))


def _said_on(row) -> str:
    """« le 2024-03-07 (« hier » dans le texte) », « « hier » (non résolu : …) »."""
    said_on, expression = row.get("said_on"), row.get("said_on_text")
    if expression and said_on:
        return f"le {said_on} (« {expression} » dans le texte)"
    if expression:
        return f"« {expression} » (non résolu : article sans date de publication)"
    if said_on:
        return f"le {said_on} (date de publication)" if row.get("said_on_source") == "article" else f"le {said_on}"
    return "à une date inconnue"


@cli.command()
@click.argument("quote_id", metavar="ID_CITATION")
@format_option(("text", "json"), "text")
@db_option
@friendly
def show(quote_id, fmt, db_path):
    """Montrer une citation (par son id ou un début unique) avec son contexte et son article."""
    from ..archive.search import get_quote

    db = read_database(db_path)
    row = get_quote(db, quote_id)
    if fmt == "json":
        click.echo(json.dumps({**row, "appearances": _appearances(db, row)}, ensure_ascii=False, indent=2))
        return
    from ..vocabulary import attribution_reason, kind, status

    listed = _appearances(db, row)
    row = {k: terminal_text(v) if isinstance(v, str) else v for k, v in row.items()}
    click.echo(f"« {row['text']} »")
    who = row.get("speaker") or "locuteur non identifié"
    role = f" ({row['role']})" if row.get("role") else ""
    click.echo(f"  — {who}{role}, citation {kind(row.get('kind'))}, verbe : {row.get('cue') or 'aucun'}")
    click.echo(f"  dite {_said_on(row)} dans {row.get('title') or row.get('path') or 'article sans titre'}" + (f" ({row['source']})" if row.get("source") else ""))
    if row.get("url"):
        click.echo(f"  {row['url']}")
    confidence = f"{row['confidence'] * 100:.0f} %" if row.get("confidence") is not None else "—"
    click.echo(f"  confiance {confidence} : {attribution_reason(row)}")
    click.echo(f"  statut : {status(row.get('status'))}   id : {row.get('id')}")
    _echo_review(db, row, listed)
    click.echo("")
    click.echo(row.get("context") or "")


@cli.group(invoke_without_command=True)
@format_option(FORMATS, "table")
@click.option("--all", "everyone", is_flag=True, help="Aussi les locuteurs à qui plus aucune citation n'est attribuée.")
@include_rejected_option
@db_option
@click.pass_context
@friendly
def speakers(ctx, fmt, everyone, include_rejected, db_path):
    """Lister les locuteurs : id, type, fonction, nombre de citations, première et dernière date.

    L'id (colonne id) désigne un locuteur dans merge, rename, retype, split et review
    --speaker (#12 ou 12). Les sources anonymes et descriptives appartiennent à un
    article (colonne article). Les citations rejetées ne comptent pas, sauf
    --include-rejected.
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..archive.search import list_speakers

    rows = list_speakers(read_database(db_path), everyone=everyone, include_rejected=include_rejected)
    columns = ("id", "name", "kind", "role", "quotes", "first", "last", "article")
    if fmt == "table":
        from ..vocabulary import SPEAKER_KINDS

        click.echo(reader_table(rows, columns, {"role": 40, "article": 30}, {"kind": SPEAKER_KINDS}))
    else:
        click.echo(render(rows, fmt, columns))


@speakers.command(name="suggest")
@click.option("--limit", type=limit_type(), default=50, show_default=True, help="Nombre de paires proposées au plus.")
@format_option(FORMATS, "table")
@db_option
@friendly
def speakers_suggest(limit, fmt, db_path):
    """Doublons probables, avec les indices ; fusionnez-les avec « quotetrack speakers merge GARDER FUSIONNER ».

    Le nom gardé est le nom propre le plus propre : sans verbe, sans mot en minuscules à
    la fin, le nom complet le plus long.
    """
    from ..archive.identity import suggest_duplicates

    rows = suggest_duplicates(read_database(db_path), limit=limit)
    if fmt == "table" and not rows:
        click.echo("aucun doublon probable", err=True)
        return
    columns = ("keep_id", "keep", "merge_id", "merge", "score", "quotes", "evidence")
    click.echo(reader_table(rows, columns, {"evidence": 110}) if fmt == "table" else render(rows, fmt, columns))


def _reviewer_option(func):
    return click.option("--reviewer", envvar="QUOTETRACK_REVIEWER", help="Qui décide (par défaut : $QUOTETRACK_REVIEWER, sinon le nom de connexion).")(func)


@speakers.command(name="merge")
@click.argument("keep", metavar="GARDER")
@click.argument("merge", metavar="FUSIONNER")
@_reviewer_option
@db_option
@friendly
def speakers_merge(keep, merge, reviewer, db_path):
    """Fusionner le locuteur FUSIONNER dans GARDER (id, nom ou alias) ; FUSIONNER devient un alias. Journalisé.

    \b
    Exemple :
        quotetrack speakers merge 3 12
        quotetrack speakers merge "Roman Prymula" "#40"
    """
    from ..archive.store import merge_speakers

    result = merge_speakers(open_database(db_path), keep, merge, reviewer=reviewer)
    click.echo(f"fusionné : {result['merged']} (#{result['merged_id']}) dans {result['kept']} (#{result['kept_id']}) ; "
               f"{plural(result['quotes'], 'citation déplacée', 'citations déplacées')}")  # fmt: skip


@speakers.command(name="rename")
@click.argument("name", metavar="LOCUTEUR")
@click.argument("new_name", metavar="NOUVEAU_NOM")
@_reviewer_option
@db_option
@friendly
def speakers_rename(name, new_name, reviewer, db_path):
    """Renommer LOCUTEUR (id, nom ou alias) en NOUVEAU_NOM ; l'ancien nom reste un alias. Journalisé."""
    from ..archive.reviews import default_reviewer, utc_now
    from ..archive.identity import rename_speaker

    result = rename_speaker(open_database(db_path), name, new_name, reviewer=reviewer or default_reviewer(), at=utc_now())
    click.echo(f"renommé : {result['old']} → {result['new']} (#{result['id']})")


@speakers.command(name="retype")
@click.argument("name", metavar="LOCUTEUR")
@click.argument("kind", metavar="TYPE", callback=speaker_kind_callback)
@_reviewer_option
@db_option
@friendly
def speakers_retype(name, kind, reviewer, db_path):
    """Dire ce qu'est LOCUTEUR (id, nom ou alias) : personne, organisation, média ou anonyme
    (aussi person, organization, outlet, anonymous). Journalisé.

    \b
    Exemple :
        quotetrack speakers retype "#7" média
    """
    from ..archive.reviews import default_reviewer, utc_now
    from ..archive.identity import retype_speaker
    from ..vocabulary import speaker_kind

    result = retype_speaker(open_database(db_path), name, kind, reviewer=reviewer or default_reviewer(), at=utc_now())
    click.echo(f"{result['name']} (#{result['id']}) : {speaker_kind(result['old'])} → {speaker_kind(result['new'])}")


@speakers.command(name="split")
@click.argument("name", metavar="LOCUTEUR")
@click.argument("new_name", metavar="NOUVEAU_NOM")
@click.option("--quote", "quote_ids", multiple=True, metavar="ID", help="Une citation à déplacer (id ou début unique) ; répétable.")
@click.option("--article", "article_ids", multiple=True, metavar="ID", help="Toutes les citations de LOCUTEUR dans cet article (id ou début) ; répétable.")
@_reviewer_option
@db_option
@friendly
def speakers_split(name, new_name, quote_ids, article_ids, reviewer, db_path):
    """Séparer de LOCUTEUR (id, nom ou alias) les citations données, vers un nouveau locuteur NOUVEAU_NOM. Journalisé.

    Défait une fusion erronée : deux personnes qui portent le même nom de famille.

    \b
    Exemple :
        quotetrack speakers split "#3" "Camilla Stoltenberg" --article 5b1c09
    """
    from ..archive.reviews import default_reviewer, utc_now
    from ..archive.identity import split_speaker

    result = split_speaker(open_database(db_path), name, new_name, quote_ids=quote_ids, article_ids=article_ids,
                           reviewer=reviewer or default_reviewer(), at=utc_now())  # fmt: skip
    click.echo(f"séparé : {plural(result['quotes'], 'citation')} de {result['name']} (#{result['id']}) "
               f"vers {result['new']} (#{result['new_id']})")  # fmt: skip
