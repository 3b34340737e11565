"""The ``quotetrack`` command group, which every command module registers itself on."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="quotetrack")
def cli():
    """quotetrack: who said what, when and where, in French news articles.

    \b
    Example:
        quotetrack index seeds/
        quotetrack search --speaker Stoltenberg
    """
