"""The command line: parse arguments, call the library, format the output.

One module per command group (``parse``, ``models``, ``database``, ``report``,
``review``, ``web``); the options they share are defined once in ``common``. Library errors
(``QuotetrackError``) become one-line messages with exit status 1; no traceback
reaches a user.
"""

from __future__ import annotations

from .group import cli

# The command modules register themselves on the group.
from . import database, follow, models, parse, report, review, users, web  # noqa: E402,F401  (registration)

__all__ = ["cli"]
