"""The plugin's pages: a quote, an article's sheet, a speaker's dossier.

Sheets and dossiers are the very HTML of ``quotetrack report`` (``printing/sheets.py``,
with the ``--templates`` folder given to ``serve``), read through Datasette's read-only
connections, with no file path, a link from each row to its quote and a way back to the
interface. The quote's page shows its review forms only to a logged-in reviewer; the
reviews themselves are ``review_pages.py``'s.

Library errors become the French error page: an unknown id 404 (without the paths a
library message may list), a database that cannot be read (locked, gone) 503. No
traceback reaches the browser.
"""

from __future__ import annotations

import functools
import sqlite3
from urllib.parse import quote as percent_encode
from urllib.parse import unquote

import sqlite_utils
from datasette import Response
from markupsafe import escape

from ..errors import QuotetrackError
from ..extract.reasons import describe_reason
from ..printing.sheets import ArticleNotFound, article_sheet, speaker_dossier
from .. import vocabulary
from ..vocabulary import KINDS as KIND_LABELS
from ..archive.reviews import STATUSES, history
from ..archive.search import QuoteNotFound, SpeakerNotFound, get_quote
from ..checking.appearances import appearances

NAME = "quotetrack"  # the plugin's name, its configuration key and its URL prefix
NOT_FOUND = (QuoteNotFound, SpeakerNotFound, ArticleNotFound)
CSRF_COOKIE = "ds_csrftoken"  # Datasette's (asgi-csrf) cookie, matched by the form's csrftoken


def options(datasette, database=None) -> dict | None:
    """The plugin's settings (see ``app.create_app``); with ``database``, None unless it is ours."""
    config = datasette.plugin_config(NAME)
    if not config or (database is not None and database != config["database"]):
        return None
    return config


def quote_url(datasette, quote_id: str) -> str:
    return datasette.urls.path(f"/-/{NAME}/quote/{percent_encode(quote_id, safe='')}")


def sheet_url(datasette, article_id: str) -> str:
    return datasette.urls.path(f"/-/{NAME}/article/{percent_encode(article_id, safe='')}")


def dossier_url(datasette, name: str) -> str:
    return datasette.urls.path(f"/-/{NAME}/speaker/{percent_encode(name, safe='')}")


class PageError(Exception):
    """What a page shows instead of itself: an HTTP status, a title, a one-line message."""

    def __init__(self, status: int, title: str, message: str):
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def page(handler):
    """Render a ``PageError`` (or a library error) as Datasette's error page, at once.

    Not by raising Datasette's NotFound: its 404 handler would redirect a path holding
    ``%`` (a speaker's name) elsewhere, and its exception handler prints a traceback in
    the server's terminal for what is only a wrong link.
    """

    @functools.wraps(handler)
    async def wrapper(datasette, request):
        try:
            return await handler(datasette, request)
        except NOT_FOUND as error:
            failure = PageError(404, "Introuvable", _not_found(error))
        except PageError as error:
            failure = error
        except (sqlite3.Error, QuotetrackError):
            failure = PageError(503, "Base indisponible", "La base de données ne peut pas être lue pour l'instant"
                                " (verrouillée, déplacée ou abîmée) : réessayez, ou relancez quotetrack serve.")
        context = {"ok": False, "error": failure.message, "status": failure.status, "title": failure.title}
        html = await datasette.render_template("error.html", context, request=request)
        return Response.html(html, status=failure.status)

    return wrapper


def _not_found(error) -> str:
    """What was not found, in French, without the paths a library message may list."""
    if isinstance(error, QuoteNotFound):
        return "Aucune citation n'a cet identifiant."
    if isinstance(error, ArticleNotFound):
        return "Aucun article n'a cet identifiant."
    return "Aucun locuteur n'a ce nom (ou il en désigne plusieurs : donnez le nom complet)."


async def read(datasette, function):
    """``function(db)`` on one of Datasette's read connections to the quote database."""
    database = datasette.get_database(options(datasette)["database"])
    return await database.execute_fn(lambda conn: function(sqlite_utils.Database(conn)))


async def _sheet(datasette, request, key: str, render):
    """The page ``render`` (the printed sheet's function) makes for the URL's ``key``."""
    config = options(datasette)
    value = unquote(request.url_vars[key])
    html = await read(datasette, lambda db: render(
        db, value, templates=config["templates"], organization=config["organization"]))  # fmt: skip
    return Response.html(with_way_back(html, datasette.urls.instance()))


WAY_BACK = ('<nav class="qt-back" style="font: 14px sans-serif; margin: .5em 1em"><style>@media print {{ .qt-back '
            '{{ display: none }} }}</style><a href="{}">← Qui a dit… ?</a> · <a href="{}">À vérifier</a></nav>')


def with_way_back(html: str, home: str) -> str:
    """A printed sheet served in the browser, with the way back to the interface (not printed)."""
    position = html.find(">", html.find("<body")) + 1 if "<body" in html else 0
    nav = WAY_BACK.format(escape(home), escape(datasette_path(home, f"-/{NAME}/a-verifier")))
    return html[:position] + nav + html[position:]


def datasette_path(home: str, path: str) -> str:
    return home.rstrip("/") + "/" + path


@page
async def article_page(datasette, request):
    """The article's sheet: the summary, whose rows open the quotes (``?layout=full``: all of it)."""
    layout = "full" if request.args.get("layout") == "full" else "summary"
    review = None
    if options(datasette)["allow_review"] and request.actor:  # one click from the sheet too
        review = {"token": request.scope["csrftoken"](), "next": request.path}
    render = functools.partial(article_sheet, layout=layout, show_path=False, review=review, quote_links=_base(datasette))
    return await _sheet(datasette, request, "article_id", render)


@page
async def speaker_page(datasette, request):
    return await _sheet(datasette, request, "name", functools.partial(speaker_dossier, quote_links=_base(datasette)))


def _base(datasette) -> str:
    """The server's root for links in a sheet (``/q/ID``): empty at the root."""
    return datasette.urls.instance().rstrip("/")


@page
async def quote_page(datasette, request):
    """GET: the quote, its appearances and review history, the form; POST: a review."""
    config = options(datasette)
    quote_id = unquote(request.url_vars["quote_id"])

    def gather(db):
        quote = get_quote(db, quote_id)
        return quote, history(db, quote["id"]), appearances(db, quote)

    quote, log, seen = await read(datasette, gather)
    context = {
        "quote": quote,
        "history": log,
        "appearances": [row for row in seen if not row["this"]],
        "reason": describe_reason(quote["reason"]) if quote["reason"] else None,
        "kind_label": KIND_LABELS.get(quote["kind"], quote["kind"]),
        "statuses": [(status, vocabulary.review_action(status)) for status in STATUSES],
        "status_label": vocabulary.review_action(quote["status"]),
        "speakers_json": datasette.urls.path(f"/-/{NAME}/locuteurs.json"),
        "can_review": bool(config["allow_review"] and request.actor),
        "speaker_page": quote.get("speaker_id") and datasette.urls.path(f"/-/{NAME}/locuteur/{int(quote['speaker_id'])}"),
        "database": config["database"],
        "sheet_url": sheet_url(datasette, quote["article_id"]),
        "dossier_url": quote["speaker"] and dossier_url(datasette, quote["speaker"]),
        "quote_url": quote_url(datasette, quote["id"]),
        "appearance_url": lambda row: quote_url(datasette, row["quote_id"]),
        "appearances_query": datasette.urls.path(
            f"{datasette.urls.database(config['database'])}/premieres_apparitions"),  # fmt: skip
    }
    return Response.html(await datasette.render_template("quotetrack_quote.html", context, request=request))
