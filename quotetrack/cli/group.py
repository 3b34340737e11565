"""The ``quotetrack`` command group, which every command module registers itself on."""

from __future__ import annotations

import click

from .. import __version__
from .french import install

install()  # click's own words (Usage:, Error:, Show this message and exit.) in French


class Group(click.Group):
    """A click group whose usage line reads « COMMANDE [ARGUMENTS]... »; its subgroups
    (``@cli.group()``) are of the same class."""

    group_class = type

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "COMMANDE [ARGUMENTS]...")
        super().__init__(*args, **kwargs)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="quotetrack")
def cli():
    """quotetrack : qui a dit quoi, quand et où, dans les articles de presse en français.

    \b
    Exemple :
        quotetrack index seeds/
        quotetrack search --speaker Stoltenberg
    """
