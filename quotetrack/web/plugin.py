"""The Datasette plugin: SQL functions, search on the quote view, links, facets, pages.

Registered by ``app.create_app`` (not by entry point, so a plain ``datasette`` run on other
files is untouched); every hook acts only on the database ``create_app`` configured, read
from the plugin's configuration (``options``). Without ``allow_review`` each connection
Datasette opens is also set ``query_only``, on top of Datasette's read-only mode: the
server cannot write the file, whatever a request asks. The SQL editor is closed unless
``serve --sql``, the ``articles`` table (its files' paths) is closed for good, and every
request passes ``security.py``'s guard first (``asgi_wrapper``).
"""

from __future__ import annotations

import json

import sqlite_utils
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import DateFacet
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from markupsafe import Markup, escape

from ..archive.search import QuoteNotFound, fts_query, get_quote, speaker_ids
from ..checking.appearances import appearances
from ..extract.reasons import describe_reason
from ..text.safety import escape_bidi
from ..text.folding import fold
from .. import vocabulary
from . import pages, security
from .pages import NAME, dossier_url, options, quote_url, sheet_url
from .frame import value_labels

QUOTE_TABLES = (None, "quotes", "quote_view")  # None: a canned or custom query
TEXT_COLUMNS = ("text", "citation")
SPEAKER_COLUMNS = ("speaker", "locuteur")


@hookimpl
def prepare_connection(conn, database, datasette):
    """SQL functions for the canned queries; ``query_only`` unless reviews are allowed."""
    config = options(datasette, database)
    if config is None:
        return
    db = sqlite_utils.Database(conn)
    conn.create_function("quotetrack_fts", 1, lambda words: fts_query(db, bounded_terms(words)))
    conn.create_function(
        "quotetrack_speaker_ids", 1, lambda name: json.dumps(sorted(speaker_ids(db, name or "", loose=True)))
    )
    conn.create_function("quotetrack_appearances", 1, lambda quote_id: _appearances_json(db, quote_id))
    conn.create_function("quotetrack_fold", 1, lambda text: fold(text or "")[:200])
    if not config["allow_review"]:
        conn.execute("PRAGMA query_only = 1")


def _appearances_json(db, quote_id: str | None) -> str:
    """``verify.appearances`` of one quote as a JSON array, empty for an unknown id."""
    try:
        quote = get_quote(db, quote_id or "")
    except QuoteNotFound:
        return "[]"
    return json.dumps(appearances(db, quote), ensure_ascii=False, default=str)


MAX_TERMS = 12  # words of a full-text query built by quotetrack; the rest is dropped


def bounded_terms(words: str | None) -> str:
    """At most ``MAX_TERMS`` words: a full-text query's cost grows with its terms."""
    return " ".join((words or "").split()[:MAX_TERMS])


_MATCHING = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH quotetrack_fts(:quotetrack_search)"
SEARCHES = {"quotes": f"rowid IN ({_MATCHING})", "quote_view": f"id IN (SELECT id FROM quotes WHERE rowid IN ({_MATCHING}))"}


@hookimpl(trylast=True)
def filters_from_request(request, database, table, datasette):
    """``_search`` on ``quotes`` and ``quote_view`` through ``quotes_fts``, its words taken as
    ``quotetrack search`` takes them (``search.fts_query``: FTS5 syntax when valid, else
    every word literally, so a stray quote is no error).

    Datasette's own filter cannot: ``quotes_fts`` reads from a view, which Datasette does
    not link to ``quotes``, and ``quote_view`` has no rowid. Last, so that the search box
    shows (the last ``supports_search`` given wins)."""
    if table not in SEARCHES or options(datasette, database) is None:
        return None
    words = request.args.get("_search", "").strip()
    context = {"supports_search": True, "search": words}
    if not words:
        return FilterArguments([], extra_context=context)
    return FilterArguments([SEARCHES[table]], {"quotetrack_search": words}, [f"contient « {words} »"], context)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Quote text and ids open the quote's page, article ids its sheet, speakers their dossier."""
    if value is None or options(datasette, database) is None:
        return None
    labels = value_labels(table, column)
    keys = row.keys() if hasattr(row, "keys") else ()
    if table == "review_log" and column in ("old_value", "new_value") and "field" in keys:
        labels = vocabulary.VALUE_LABELS.get(row["field"], {})
    if table == "review_log" and column == "field":
        return vocabulary.column_label(value)
    if isinstance(value, str) and value in labels:
        return labels[value]
    if column in ("reason", "raison") and isinstance(value, str):
        return describe_reason(value)
    original = value
    if isinstance(value, str):
        value = escape_bidi(value)
    if column == "path" and isinstance(value, str):  # a file's name, never where it lies
        return value.replace("\\", "/").rsplit("/", 1)[-1]
    quote_rows = table in ("quotes", "quote_view") or (table is None and any(c in keys for c in TEXT_COLUMNS))
    if quote_rows and "id" in keys and isinstance(row["id"], str) and row["id"]:
        if column in TEXT_COLUMNS or (column == "id" and table != "quotes"):
            return _link(quote_url(datasette, row["id"]), value)
    if table in QUOTE_TABLES and column == "article_id":
        if isinstance(value, dict):  # a foreign key Datasette labelled with the article's title
            return _link(sheet_url(datasette, value["value"]), value.get("label") or value["value"])
        return _link(sheet_url(datasette, value), f"fiche {str(value)[:12]}")
    if table is None and column == "locuteur" and "citations" in keys and "id" in keys:
        return _link(datasette.urls.path(f"/-/{NAME}/locuteur/{int(row['id'])}"), value)
    if table is None and column == "type_de_locuteur":
        return vocabulary.speaker_kind(value)
    if table in (None, "quote_view") and column in SPEAKER_COLUMNS:
        return _link(dossier_url(datasette, value), value)
    if table == "speakers" and column == "name" and "id" in keys:
        return _link(datasette.urls.path(f"/-/{NAME}/locuteur/{int(row['id'])}"), value)
    if table in ("articles", None) and column == "title" and "id" in keys and "published" in keys:
        return _link(sheet_url(datasette, row["id"]), value)
    if isinstance(value, str) and value != original:
        return value  # with its bidi controls shown escaped
    return None


def _link(href: str, text) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


@hookimpl
def register_routes(datasette):
    from . import front, review_pages

    return [
        (r"^/$", front.front_page),
        (r"^/q/(?P<quote_id>[0-9A-Za-z]{6,64})$", short_link),
        (r"^/-/login$", review_pages.login_page),
        (r"^/-/logout$", review_pages.logout_page),
        (rf"^/-/{NAME}/quote/(?P<quote_id>[^/]+)$", review_pages.quote_route),
        (rf"^/-/{NAME}/article/(?P<article_id>[^/]+)$", pages.article_page),
        (rf"^/-/{NAME}/speaker/(?P<name>[^/]+)$", pages.speaker_page),
        (rf"^/-/{NAME}/locuteur/(?P<speaker_id>[0-9]{{1,12}})$", front.speaker_web_page),
        (rf"^/-/{NAME}/locuteur/(?P<speaker_id>[0-9]{{1,12}})/fusionner$", review_pages.merge_post),
        (rf"^/-/{NAME}/locuteurs\.json$", front.speakers_json),
        (rf"^/-/{NAME}/premieres-apparitions$", front.first_appearances_page),
        (rf"^/-/{NAME}/a-verifier$", review_pages.queue_page),
    ]


async def short_link(datasette, request):
    """``/q/ID``, the short link printed on sheets: the quote's page."""
    from datasette import Response

    return Response.redirect(quote_url(datasette, request.url_vars["quote_id"]))


@hookimpl
def menu_links(datasette, actor, request):
    config = options(datasette)
    if config is None:
        return None
    return [
        {"href": datasette.urls.path(f"/-/{NAME}/a-verifier"), "label": "À vérifier"},
        {"href": datasette.urls.path(f"/-/{NAME}/premieres-apparitions"), "label": "Premières apparitions"},
        {"href": datasette.urls.database(config["database"]), "label": "Données"},
    ]


@hookimpl
def extra_template_vars(datasette, database):
    """Whether reviews are on: the quote page shows its form only then."""
    config = options(datasette)
    return {"quotetrack_allow_review": bool(config and config["allow_review"])}


# Datasette lists every column's description above a table: folded away here, so that the
# search box and the rows come first (the descriptions stay one click away, and in each
# column's menu).
FOLD_DESCRIPTIONS = """document.querySelectorAll('dl.column-descriptions').forEach(function (list) {
  var details = document.createElement('details'), summary = document.createElement('summary');
  summary.textContent = 'Description des colonnes';
  list.replaceWith(details);
  details.append(summary, list);
});"""


@hookimpl
def extra_body_script(template, database, datasette):
    if template == "table.html" and options(datasette, database) is not None:
        return FOLD_DESCRIPTIONS
    return None


@hookimpl
def register_facet_classes():
    return [MonthFacet]


class MonthFacet(DateFacet):
    """Quotes per month of a date column (``{"month": "said_on"}``); a month selected
    filters with ``said_on__startswith=2022-03``, one of Datasette's own filters."""

    type = "month"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            month = f"substr({escape_sqlite(column)}, 1, 7)"
            sql = (f"SELECT {month} AS value, count(*) AS count FROM ({self.sql})"
                   f" WHERE {escape_sqlite(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
                   f" GROUP BY {month} ORDER BY value DESC LIMIT {size + 1}")  # fmt: skip
            try:
                rows = (await self.ds.execute(self.database, sql, self.params, truncate=False,
                                              custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows  # fmt: skip
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows[:size]:
                selected = args.get(key) == row["value"]
                change = path_with_removed_args if selected else path_with_added_args
                values.append({
                    "value": row["value"], "label": row["value"], "count": row["count"], "selected": selected,
                    "toggle_url": self.ds.absolute_url(self.request, change(self.request, {key: row["value"]})),
                })  # fmt: skip
            results.append({
                "name": "mois", "type": self.type, "results": values,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": path_with_removed_args(self.request, {"_facet_month": column}),
                "truncated": len(rows) > size,
            })  # fmt: skip
        return results, timed_out


# ----- safety ---------------------------------------------------------------------------------------
@hookimpl
def asgi_wrapper(datasette):
    config = options(datasette)
    if config is None:
        return None

    from .frame import error_html

    async def render_error(status, message):
        await datasette.invoke_startup()  # a refusal may be the server's very first answer
        return await error_html(datasette, None, status, message)

    return lambda app: security.wrap(app, frozenset(config["hosts"]), render_error)


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    """The SQL editor only with ``serve --sql``; the full-text source view never."""
    config = options(datasette)
    if config is None:
        return None
    if action == "execute-sql" and not config.get("allow_sql"):
        return False
    # the FTS source view is machinery; the articles table holds the indexed files' paths,
    # which no page shows: its other columns are the « Articles » query
    if action == "view-table" and resource in ((config["database"], "quotes_fts_source"), (config["database"], "articles")):
        return False
    return None
