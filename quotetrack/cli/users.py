"""quotetrack users: the reviewers' accounts that ``serve --allow-review`` asks for."""

from __future__ import annotations

import sys

import click

from .group import cli
from .common import db_option, friendly


@cli.group()
def users():
    """Comptes des vérificateurs (pour serve --allow-review)."""


@users.command("add")
@click.argument("name", metavar="NOM")
@db_option
@click.option("--users", "users_path", type=click.Path(dir_okay=False),
              help="Fichier des comptes (par défaut : à côté de la base, NOM.users).")
@click.option("--password-stdin", is_flag=True, help="Lire le mot de passe sur l'entrée standard (scripts, tests).")
@friendly
def add(name, db_path, users_path, password_stdin):
    """Créer (ou changer le mot de passe de) le compte NOM.

    Le mot de passe est demandé sans écho, deux fois ; il n'est gardé que haché (scrypt).

    \b
    Exemple :
        quotetrack users add claire --db db/quotetrack.db
    """
    from ..web.accounts import add_user, users_file_for

    path = users_path or users_file_for(db_path)
    if password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Mot de passe", hide_input=True, confirmation_prompt="Encore une fois")
    new = add_user(path, name, password)
    click.echo(f"compte {name} {'créé' if new else 'modifié'} ({click.format_filename(str(path))})", err=True)
