"""quotetrack serve: the newsroom web interface (Datasette) on the quote database."""

from __future__ import annotations

import click

from .group import cli
from .common import db_option, friendly, missing_database

LOCAL = ("127.0.0.1", "localhost", "::1")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adresse d'écoute (0.0.0.0 : tout le réseau ; à donner explicitement).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--allow-host", "allow_hosts", multiple=True,
              help="Autre nom sous lequel les navigateurs joignent ce serveur (répétable).")
@click.option("--allow-review", is_flag=True, help="Permettre les vérifications dans le navigateur (comptes requis).")
@click.option("--users", "users_path", type=click.Path(dir_okay=False),
              help="Fichier des comptes (par défaut : à côté de la base, NOM.users ; voir quotetrack users add).")
@click.option("--sql", "allow_sql", is_flag=True, help="Ouvrir l'éditeur SQL (fermé par défaut).")
@click.option("--templates", type=click.Path(exists=True, file_okay=False), help="Vos modèles de fiches et de dossiers.")
@click.option("--organization", envvar="QUOTETRACK_ORGANIZATION", help="Qui signe les vérifications (auteur ClaimReview).")
@friendly
def serve(db_path, host, port, allow_hosts, allow_review, users_path, allow_sql, templates, organization):
    """Chercher, lire et vérifier les citations dans un navigateur (Datasette ; quotetrack[web]).

    En lecture seule sauf --allow-review, qui demande des comptes (quotetrack users add NOM).
    Pages : « Qui a dit… ? », chaque citation, la fiche de chaque article, la page de
    chaque locuteur, la file « À vérifier » ; les tables brutes derrière « Données ».

    \b
    Exemple :
        quotetrack serve --db db/quotetrack.db --allow-review
    """
    from ..archive.reading import DatabaseMissing
    from ..web.accounts import read_users, users_file_for
    from ..web.app import check_address, create_app, serve as run

    users = None
    if allow_review:
        users = users_path or users_file_for(db_path)
        read_users(users)  # refuses to start without accounts
    try:
        app = create_app(db_path, allow_review=allow_review, templates=templates, organization=organization,
                         host=host, allow_hosts=allow_hosts, users=users, allow_sql=allow_sql)  # fmt: skip
    except DatabaseMissing as missing:
        raise missing_database(missing) from None
    check_address(host, port)
    if host in ("0.0.0.0", "::") and not allow_hosts:
        click.echo("attention : seuls localhost et 127.0.0.1 sont acceptés comme nom d'hôte ; ajoutez --allow-host"
                   " NOM pour le nom ou l'adresse que les navigateurs de la rédaction utilisent.", err=True)  # fmt: skip
    if allow_review and host not in LOCAL:
        click.echo("attention : vérifications ouvertes sur le réseau sans TLS ; les mots de passe passent en clair."
                   " Placez un serveur HTTPS devant quotetrack.", err=True)  # fmt: skip
    mode = "vérifications permises" if allow_review else "lecture seule"
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"quotetrack : http://{shown}:{port}/ ({mode} ; Ctrl-C pour arrêter)", err=True)
    run(app, host, port)
