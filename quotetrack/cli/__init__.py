"""The command line: parse arguments, call the library, format the output.

One module per command group (``parse``, ``models``, ``database``, ``report``,
``review``, ``web``); the options they share are defined once in ``common``. Library errors
(``QuotetrackError``) become one-line messages with exit status 1; no traceback
reaches a user.
"""

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


# The command modules register themselves on the group.
from . import database, models, parse, report, review, web  # noqa: E402,F401  (registration)
