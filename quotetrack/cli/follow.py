"""``quotetrack follow``: the feeds and sitemaps a newsroom follows, and their daily update."""

from __future__ import annotations

import os
import sys

import click

from ..text.plurals import plural
from ..text.safety import terminal_text
from .common import ListingLines, db_option, engine_options, friendly, limit_type, make_fetcher, open_database, read_database, resolve_engine, web_options
from .group import cli


@cli.group()
def follow():
    """Flux et plans de site suivis : les ajouter, les lister, les retirer, les mettre à jour.

    \b
    Exemple :
        quotetrack follow add https://www.example.fr/rss.xml
        quotetrack follow add --sitemap https://www.example.fr/sitemap.xml
        quotetrack follow update
    """


@follow.command(name="add")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@click.option("--sitemap", is_flag=True, help="Ces adresses sont des plans de site (sitemap), pas des flux RSS ou Atom.")
@db_option
@friendly
def follow_add(urls, sitemap, db_path):
    """Suivre un ou plusieurs flux RSS ou Atom (ou plans de site avec --sitemap)."""
    from ..archive.subscriptions import add_follow
    from ..sources.downloads import is_url

    db = open_database(db_path)
    kind = "sitemap" if sitemap else "feed"
    for url in urls:
        if not is_url(url):
            raise click.BadParameter(f"« {url} » n'est pas une adresse http ou https", param_hint="URL")
    for url in urls:
        added = add_follow(db, url, kind)
        what = "plan de site" if sitemap else "flux"
        click.echo(f"{what} suivi : {url}" if added else f"déjà suivi : {url}")


@follow.command(name="list")
@db_option
@friendly
def follow_list(db_path):
    """Lister les adresses suivies, avec leur dernière mise à jour."""
    from ..archive.subscriptions import follows
    from ..printing.tables import table

    rows = [
        {"adresse": f.url, "type": "plan de site" if f.kind == "sitemap" else "flux", "ajouté le": f.added_at[:10],
         "mis à jour le": (f.checked_at or "jamais").replace("T", " ")[:16], "dernière erreur": f.last_error or ""}
        for f in follows(read_database(db_path))
    ]  # fmt: skip
    if not rows:
        click.echo("aucune adresse suivie (quotetrack follow add URL)", err=True)
        return
    headers = list(rows[0])
    click.echo(terminal_text(table(rows, headers, {"adresse": 60, "dernière erreur": 60})))


@follow.command(name="remove")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@db_option
@friendly
def follow_remove(urls, db_path):
    """Ne plus suivre ces adresses (les articles déjà indexés restent)."""
    from ..archive.subscriptions import remove_follow

    db = open_database(db_path)
    for url in urls:
        remove_follow(db, url)
        click.echo(f"n'est plus suivi : {url}")


@follow.command(name="update")
@db_option
@engine_options
@web_options
@click.option("--max", "most", type=limit_type(1), metavar="N", help="Au plus N articles par adresse, les plus récents.")
@click.option("--workers", type=limit_type(1, 1024), default=os.cpu_count() or 1, show_default="le nombre de cœurs", help="Processus qui analysent les articles.")
@click.option("--scheduler", metavar="ADRESSE", help="Analyser sur une grappe Dask (tcp://hôte:8786).")
@click.option("--batch-size", type=limit_type(1, 100_000), default=32, show_default=True, help="Articles par appel d'analyse (et par tâche envoyée à un processus).")
@click.option("--silent", is_flag=True, help="Sans affichage de progression.")
@friendly
def follow_update(db_path, engine, stanza_dir, full_parse, delay, timeout, allow_local, allowed_addresses, most, workers, scheduler, batch_size, silent):
    """Indexer ce que les adresses suivies ont publié depuis la dernière mise à jour.

    Requêtes conditionnelles (ETag, Last-Modified) : un flux inchangé n'est pas
    relu. Un verrou empêche deux mises à jour simultanées ; une mise à jour
    interrompue reprend là où elle s'était arrêtée. Code de sortie non nul
    seulement si rien n'a pu être lu.

    \b
    Exemple (cron, chaque matin à 6 h) :
        0 6 * * * quotetrack follow update --db /srv/presse.db
    """
    from ..archive.subscriptions import follows
    from ..following.update import update, update_lock
    from ..indexing import index_paths
    from ..parallel import DaskRunner, EngineSpec

    db = open_database(db_path)
    with update_lock(db_path):
        if not follows(db):
            click.echo("aucune adresse suivie (quotetrack follow add URL)", err=True)
            return
        spec = EngineSpec(resolve_engine(engine, stanza_dir), stanza_dir, full_parse)
        runner = DaskRunner(scheduler) if scheduler else (_pool(workers, spec) if workers > 1 else None)
        fetcher = make_fetcher(delay, timeout, allow_local, allowed_addresses)
        progress = _Progress(enabled=not silent, terminal=sys.stderr.isatty())

        def index(urls):
            progress.start(len(urls))
            yield from index_paths(db, urls, spec, runner=runner, fetcher=fetcher, batch=batch_size)

        try:
            report = update(db, fetcher, index, most=most, on_outcome=progress.step, on_listing=progress.listing)
        finally:
            progress.done()
            fetcher.close()
    for message in report.failures:
        click.echo(f"erreur : {message}", err=True)
    _print_summary(report)
    if report.fetched == 0:
        sys.exit(1)


def _pool(workers, spec):
    def start():
        from ..parallel import PoolRunner

        return PoolRunner(workers, spec)

    return start


class _Progress:
    """A bar on a terminal; otherwise a line per followed address once its articles are done."""

    def __init__(self, enabled: bool, terminal: bool):
        self.enabled, self.terminal = enabled, terminal
        self.bar = None

    def start(self, total: int):
        if self.enabled and self.terminal and total:
            self.bar = click.progressbar(length=total, label="articles", file=sys.stderr)
            self.bar.__enter__()

    def step(self, outcome):
        if self.bar is not None:
            self.bar.update(1)

    def listing(self, url, listing, tally):
        lines = ListingLines({}, enabled=self.enabled and not self.terminal)
        lines.finished(url, {"articles": tally.articles, "quotes": tally.quotes, "failed": tally.failed}, listing.not_modified)

    def done(self):
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _print_summary(report) -> None:
    """Per outlet: new articles, quotes, new speakers; then the totals."""
    for outlet, tally in sorted(report.outlets.items()):
        if not (tally.articles or tally.failed):
            continue
        parts = [plural(tally.articles, "nouvel article", "nouveaux articles"), plural(tally.quotes, "citation", "citations"),
                 plural(tally.new_speakers, "nouveau locuteur", "nouveaux locuteurs")]  # fmt: skip
        if tally.failed:
            parts.append(plural(tally.failed, "échec", "échecs"))
        click.echo(terminal_text(f"{outlet} : {', '.join(parts)}"))
    articles = sum(t.articles for t in report.outlets.values())
    unchanged = f", {plural(len(report.unchanged), 'inchangée', 'inchangées')}" if report.unchanged else ""
    click.echo(
        f"{plural(report.followed, 'adresse suivie', 'adresses suivies')} ({plural(report.fetched, 'lue', 'lues')}{unchanged}) : "
        f"{plural(articles, 'nouvel article', 'nouveaux articles')}, {plural(report.known, 'déjà indexé', 'déjà indexés')}, "
        f"{plural(len(report.failures), 'échec', 'échecs')}"
    )
