"""Review in the browser: logins, the « À vérifier » queue, one-click reviews, merges.

Reviews are allowed only by ``serve --allow-review``, and only to a logged-in account
(``accounts.py``): the reviewer written to ``review_log`` is the account's name, never a
name typed in a form. Each review goes through ``archive.reviews.review_quote`` (merges
through ``archive.identity.merge_speakers``), as ``quotetrack review`` does, on a
connection opened only when the database is still the file ``serve`` opened: after the
file is moved or deleted, a review is refused rather than written into a new, empty
database at the old path.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from urllib.parse import unquote, urlsplit

import sqlite_utils
from datasette import Response

from .. import vocabulary
from ..archive.identity import merge_speakers
from ..archive.reviews import review_quote, utc_now
from ..archive.database_file import DatabaseUnavailable
from ..archive.search import get_quote, speaker_ids
from ..errors import QuotetrackError
from ..text.plurals import plural
from . import pages
from .accounts import UsersFileUnavailable, authenticate
from .front import card, reason_label, speaker_url
from .pages import NAME, PageError, options, page, quote_url, read

QUEUE_SIZE = 25
ACTIONS = {"confirm": "confirmed", "reject": "rejected"}
ACTOR_COOKIE = "ds_actor"


# ----- logins ----------------------------------------------------------------------------------------
@page
async def login_page(datasette, request):
    config = options(datasette)
    if not config["allow_review"]:
        raise PageError(404, "Introuvable", "Ce serveur est en lecture seule : il n'y a pas de comptes.")
    error = None
    if request.method == "POST":
        form = await request.post_vars()
        _check_token(request, form)
        name, password = form.get("name", ""), form.get("password", "")
        try:
            account = await asyncio.get_running_loop().run_in_executor(
                None, lambda: authenticate(config["users"], name, password))  # fmt: skip
        except UsersFileUnavailable:
            account = None
        if account:
            target = _local(form.get("next")) or "/-/quotetrack/a-verifier"
            response = Response.redirect(target)
            cookie = datasette.sign({"a": {"id": account}}, "actor")
            response.set_cookie(ACTOR_COOKIE, cookie, httponly=True, samesite="strict", path="/")
            return response
        error = "Nom ou mot de passe incorrect."
    context = {"error": error, "next": _local(request.args.get("next")) or ""}
    return Response.html(await datasette.render_template("quotetrack_login.html", context, request=request),
                         status=401 if error else 200)  # fmt: skip


@page
async def logout_page(datasette, request):
    if request.method != "POST":
        raise PageError(404, "Introuvable", "Cette page n'existe pas.")
    _check_token(request, await request.post_vars())
    response = Response.redirect("/")
    response.set_cookie(ACTOR_COOKIE, "", expires=0, max_age=0, httponly=True, samesite="strict", path="/")
    return response


def _local(target: str | None) -> str | None:
    """A redirect target only when it is a path of this server (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def _check_token(request, form) -> None:
    """The form's CSRF token matches its cookie (Datasette lets a POST without a cookie by)."""
    token = form.get("csrftoken")
    if not token or token != request.cookies.get(pages.CSRF_COOKIE):
        raise PageError(403, "Requête refusée", "Jeton de sécurité absent ou invalide : rechargez la page.")


def _reviewer(datasette, request) -> str:
    """The logged-in account, or a refusal: no login, no review."""
    config = options(datasette)
    if not config["allow_review"]:
        raise PageError(403, "Lecture seule", "Les vérifications sont désactivées : ce serveur est en"
                        " lecture seule (lancez quotetrack serve --allow-review pour les permettre).")  # fmt: skip
    actor = request.actor or {}
    if not actor.get("id"):
        raise PageError(401, "Connexion nécessaire", "Connectez-vous pour vérifier une citation (menu « Se connecter »).")
    return str(actor["id"])


# ----- the queue ------------------------------------------------------------------------------------
# The queue's order: no speaker first, then the least sure, the newest first among equals.
_ORDER = """SELECT rowid FROM quotes WHERE status = 'unreviewed'
            ORDER BY speaker_id IS NOT NULL, confidence IS NULL, confidence, said_on DESC, rowid"""
_PAGE = """
    SELECT q.rowid, q.id, q.text, q.kind, q.status, q.role, q.said_on, q.confidence, q.reason, q.article_id,
           q.speaker_id, s.name AS speaker, s.kind AS speaker_kind, a.source, a.title
    FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
    WHERE q.rowid IN ({}) AND q.status = 'unreviewed'
"""
_orders: dict = {}  # database file -> (its state, the queue's rowids)


def queue_order(db, path: str) -> list[int]:
    """The queue's rowids, sorted once per state of the database file (its and its WAL's
    size and time): sorting 50,000 quotes takes 40 ms, a page of 25 then takes 1 ms."""
    state = []
    for name in (path, path + "-wal"):
        try:
            stat = os.stat(name)
            state.append((stat.st_mtime_ns, stat.st_size, stat.st_ino))
        except OSError:
            state.append(None)
    cached = _orders.get(path)
    if cached and cached[0] == state:
        return cached[1]
    order = [rowid for (rowid,) in db.conn.execute(_ORDER)]
    _orders[path] = (state, order)
    return order


@page
async def queue_page(datasette, request):
    """« À vérifier »: what most needs a human first (no speaker, then the least sure), a
    page at a time, with the reason in French and the one-click buttons."""
    try:
        number = max(1, min(int(request.args.get("page") or 1), 10_000))
    except ValueError:
        number = 1

    path = options(datasette)["path"]

    def gather(db):
        order = queue_order(db, path)
        wanted = order[(number - 1) * QUEUE_SIZE : number * QUEUE_SIZE]
        cursor = db.conn.execute(_PAGE.format(", ".join(str(int(rowid)) for rowid in wanted) or "NULL"))
        keys = [d[0] for d in cursor.description]
        found = {row[0]: dict(zip(keys, row)) for row in cursor}
        rows = [found[rowid] for rowid in wanted if rowid in found]
        return rows + ([None] if len(order) > number * QUEUE_SIZE else []), len(order)

    rows, total = await read(datasette, gather)
    cards = [{**card(datasette, row), "reason_label": reason_label(row)} for row in rows if row is not None]
    config = options(datasette)
    context = {
        "cards": cards, "total": total, "page_number": number, "more": bool(rows) and rows[-1] is None,
        "review_buttons": bool(config["allow_review"] and request.actor),
        "allow_review": config["allow_review"], "next_path": f"/-/{NAME}/a-verifier?page={number}",
    }  # fmt: skip
    return Response.html(await datasette.render_template("quotetrack_queue.html", context, request=request))


# ----- a review -------------------------------------------------------------------------------------
async def quote_route(datasette, request):
    """The quote's page: GET shows it (``pages.quote_page``), POST records a review."""
    if request.method == "POST":
        return await review_post(datasette, request)
    return await pages.quote_page(datasette, request)


@page
async def review_post(datasette, request):
    reviewer = _reviewer(datasette, request)
    config = options(datasette)
    form = await request.post_vars()
    _check_token(request, form)
    quote_id = unquote(request.url_vars["quote_id"])
    target = _local(form.get("next")) or quote_url(datasette, quote_id)
    action = form.get("action") or "form"
    fields: dict = {}
    if action in ACTIONS:
        fields["status"] = ACTIONS[action]
    elif action == "speaker":
        name = " ".join((form.get("speaker") or "").split())
        if not name:
            datasette.add_message(request, "Indiquez le locuteur.", datasette.ERROR)
            return Response.redirect(target)
        if not form.get("confirm_new") and not await read(datasette, lambda db: bool(speaker_ids(db, name, loose=True))):
            context = {"name": name, "quote_url": quote_url(datasette, quote_id), "next": target}
            return Response.html(await datasette.render_template("quotetrack_confirm.html", context, request=request))
        fields.update(speaker=name, status="misattributed")
        if form.get("confirm_new"):
            fields["new_speaker"] = True  # the reviewer confirmed: create it
    elif action == "text":
        fields.update(text=form.get("text") or "", status="corrected")
    elif action == "note":
        fields["note"] = form.get("note") or ""
    else:
        status = form.get("status") or None
        fields.update(status=status if status in vocabulary.REVIEW_ACTIONS else None, note=form.get("note"))
        for name in ("text", "speaker"):
            if (form.get(name) or "").strip():
                fields[name] = form.get(name)
    try:
        result = await asyncio.get_running_loop().run_in_executor(
            None, lambda: _write(config, lambda db: review_quote(db, quote_id, reviewer=reviewer, **fields)))  # fmt: skip
    except QuotetrackError as error:  # an invalid review, an unknown or ambiguous speaker
        if isinstance(error, DatabaseUnavailable):
            raise
        datasette.add_message(request, f"Vérification refusée : {error}", datasette.ERROR)
        return Response.redirect(target)
    if result["changes"]:
        changed = ", ".join(_change(field, old, new) for field, old, new in result["changes"])
        datasette.add_message(request, f"Vérification enregistrée par {reviewer} ({changed}).", datasette.INFO)
    else:
        datasette.add_message(request, "Rien n'a changé.", datasette.WARNING)
    return Response.redirect(target)


def _change(field: str, old, new) -> str:
    if field == "status":
        return f"statut : {vocabulary.review_action(old)} → {vocabulary.review_action(new)}"
    names = {"speaker": "locuteur", "text": "texte", "notes": "note"}
    return f"{names.get(field, field)} : {old or '—'} → {new or '—'}"


@page
async def merge_post(datasette, request):
    """Merge the speaker named in the form into this one (the page's speaker is kept)."""
    reviewer = _reviewer(datasette, request)
    config = options(datasette)
    form = await request.post_vars()
    _check_token(request, form)
    try:
        keep_id = int(request.url_vars["speaker_id"])
    except ValueError:
        raise PageError(404, "Introuvable", "Aucun locuteur n'a cet identifiant.") from None
    other = " ".join((form.get("other") or "").split())
    target = speaker_url(datasette, keep_id)

    def merge(db):
        found = db.conn.execute("SELECT name FROM speakers WHERE id = ?", [keep_id]).fetchone()
        if found is None:
            raise PageError(404, "Introuvable", "Aucun locuteur n'a cet identifiant.")
        return merge_speakers(db, f"#{keep_id}", other, reviewer=reviewer, at=utc_now())

    try:
        result = await asyncio.get_running_loop().run_in_executor(None, lambda: _write(config, merge))
    except QuotetrackError as error:  # the same speaker, an unknown or ambiguous name
        datasette.add_message(request, f"Fusion refusée : {error}", datasette.ERROR)
        return Response.redirect(target)
    datasette.add_message(request, f"{result['merged']} fusionné dans {result['kept']} par {reviewer}"
                          f" ({plural(result['quotes'], 'citation déplacée', 'citations déplacées')}).", datasette.INFO)  # fmt: skip
    return Response.redirect(target)


def _write(config: dict, work):
    """``work(db)`` on a write connection to the database ``serve`` opened, and only that
    file: moved, deleted or replaced, it is refused (``PageError`` 503), never created."""
    path = config["path"]
    try:
        stat = os.stat(path)
    except OSError:
        stat = None
    if stat is None or [stat.st_dev, stat.st_ino] != list(config["file_identity"]):
        raise PageError(503, "Base indisponible", "La base a été déplacée ou remplacée depuis le lancement du"
                        " serveur : rien n'a été enregistré. Relancez quotetrack serve.")  # fmt: skip
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
    except sqlite3.Error:
        raise PageError(503, "Base indisponible", "La base ne peut pas être ouverte en écriture.") from None
    db = sqlite_utils.Database(conn)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        return work(db)
    finally:
        conn.close()



def quote_card(datasette, db, quote_id: str) -> dict:
    return card(datasette, get_quote(db, quote_id))
