"""Datasette's frame in French: the filters its templates use, and its error pages.

Datasette's own templates are overridden in ``templates/`` (as its documentation says to);
the words they need come from here: column names and values through ``vocabulary.py``,
filter operators, numbers and counts in French, table titles. Every error (a 404, a bad
sort, a refusal, a real failure) becomes the French error page, without the file paths a
message may hold and without the traceback Datasette prints in the terminal: a 500 is
one line there.
"""

from __future__ import annotations

import re
import sys

from datasette import hookimpl

from .. import vocabulary
from ..text.safety import escape_bidi
from .metadata import TABLE_TITLES

LOOKUPS = {
    "exact": "=", "not": "≠", "contains": "contient", "endswith": "finit par", "startswith": "commence par",
    "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "like": "ressemble à (%)", "notlike": "ne ressemble pas à (%)",
    "glob": "motif (*)",
    "in": "parmi", "notin": "hors de", "arraycontains": "la liste contient", "arraynotcontains": "la liste ne contient pas",
    "date": "date", "isnull": "est vide", "notnull": "n'est pas vide", "isblank": "est vide ou nul",
    "notblank": "n'est ni vide ni nul",
}  # fmt: skip


def _number(value) -> str:
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value)


def _count(value, one: str, many: str) -> str:
    return f"{_number(value)} {one if value in (0, 1) else many}"


def _table_title(name: str, database=None) -> str:
    return TABLE_TITLES.get(name, name)


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["qt_column"] = vocabulary.column_label
    env.filters["qt_lookup"] = lambda key, display: LOOKUPS.get(key, display)
    env.filters["qt_value"] = lambda value, column, table=None: (
        value if not isinstance(value, str) else vocabulary.column_label(value) if column == "field"
        else value_labels(table, column).get(value, value))
    env.filters["qt_number"] = _number
    env.filters["qt_count"] = _count
    env.filters["qt_table_title"] = _table_title
    env.filters["qt_bidi"] = lambda value: escape_bidi(value) if isinstance(value, str) else value


def value_labels(table, column) -> dict:
    """The French labels of a column's values (a speaker's kind is not a quote's)."""
    return vocabulary.TABLE_VALUE_LABELS.get((table, column)) or vocabulary.VALUE_LABELS.get(column, {})


async def error_html(datasette, request, status: int, message: str) -> str:
    title = {404: "Page introuvable", 403: "Requête refusée", 421: "Hôte inconnu", 400: "Requête invalide",
             503: "Base indisponible"}.get(status, f"Erreur {status}")  # fmt: skip
    context = {"ok": False, "error": message, "status": status, "title": title}
    return await datasette.render_template("error.html", context, request=request)


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """Every error as a French page (JSON for .json paths), with no traceback in the
    terminal and no file path: a 404 is only a wrong link."""
    from datasette import Response
    from datasette.utils.asgi import Base400
    from datasette.views.base import DatasetteError

    async def inner():
        if isinstance(exception, Base400) and exception.status == 404:
            status, message = 404, "Cette page n'existe pas."
        elif isinstance(exception, Base400):
            status, message = exception.status, "Requête refusée."
        elif isinstance(exception, DatasetteError) and exception.status == 404:
            status, message = 404, "Cette page n'existe pas."
        elif isinstance(exception, DatasetteError):  # a filter, a sort or a query Datasette cannot run
            status, message = 400, "Cette requête n'est pas valide (filtre, tri ou paramètre inconnu)."
        else:
            status, message = 500, "Erreur interne : la page n'a pas pu être construite."
            # one line for whoever runs the server, never a traceback (nor local variables)
            print(f"quotetrack serve : erreur interne sur {request.path} : {type(exception).__name__}",
                  file=sys.stderr)  # fmt: skip
        if request.path.split("?")[0].endswith(".json"):
            return Response.json({"ok": False, "error": message, "status": status}, status=status)
        return Response.html(await error_html(datasette, request, status, message), status=status)

    return inner


def _without_paths(message: str) -> str:
    """An error message with anything that looks like a file path cut out."""
    return re.sub(r"(?:[A-Za-z]:)?[\\/][^\s'\"]+", "…", message)


@hookimpl(tryfirst=True)
def forbidden(datasette, request, message):
    """Datasette's refusals (a download, a table) in French."""
    from datasette import Response

    async def inner():
        return Response.html(await error_html(datasette, request, 403, "Accès refusé à cette page."), status=403)

    return inner
