"""The journalist's pages: « Qui a dit… ? », « Premières apparitions », a speaker's page.

Everything here reads through ``archive/search.py`` and ``checking/appearances.py``, the
functions ``quotetrack search`` uses, so the browser and the command line find the same
quotes. No page on this path shows SQL; the raw tables stay behind « Données ».
"""

from __future__ import annotations

import datetime

from datasette import Response

from .. import vocabulary
from ..archive.evidence import condition as evidence
from ..archive.search import KINDS, SearchSyntaxError, search, speaker_ids
from ..archive.reviews import STATUSES
from ..checking.appearances import appearances
from ..extract.reasons import describe_reason
from .pages import NAME, PageError, options, page, quote_url, read, sheet_url

PAGE_SIZE = 20
MAX_WORDS = 12  # words of the box that reach the full-text index
FIRST_LIMIT = 100
LOW_CONFIDENCE = 0.6  # as the sheets' annex says « confiance faible »
SPEAKER_PAGE = 50  # quotes on one page of a speaker's (50 cards render in ~20 ms)


def speaker_url(datasette, speaker_id) -> str:
    return datasette.urls.path(f"/-/{NAME}/locuteur/{int(speaker_id)}")


def card(datasette, row: dict) -> dict:
    """A search row as a card: French labels and the card's links."""
    return {
        **row,
        "kind_label": vocabulary.kind(row.get("kind")),
        "status_label": vocabulary.review_action(row.get("status")),
        "speaker_kind_label": vocabulary.speaker_kind(row.get("speaker_kind")),
        "quote_url": quote_url(datasette, row["id"]),
        "sheet_url": sheet_url(datasette, row["article_id"]),
        "speaker_url": speaker_url(datasette, row["speaker_id"]) if row.get("speaker_id") else None,
    }


def _choice(value, allowed) -> str | None:
    return value if value in allowed else None


def _date(value: str | None) -> str | None:
    """``2024``, ``2024-03`` or ``2024-03-15``; anything else is ignored (no error page)."""
    value = (value or "").strip()
    parts = value.split("-")
    if not value or len(parts) > 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    try:
        datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None
    return value


def _words(value: str | None) -> str:
    return " ".join((value or "").split()[:MAX_WORDS])


def _find(db, words: str, filters: dict, limit: int) -> tuple[list[dict], list[dict]]:
    """Quotes for the box and filters, and the speakers the box names.

    The box holds words of a quote, a speaker, or both: the full-text index covers a
    quote's words and its speaker's name, so « stoltenberg jamais vu » finds his quote;
    a box that only names a speaker (an alias or a last name too) lists their quotes."""
    named = []
    if words:
        ids = speaker_ids(db, words, loose=True)
        if ids:
            marks = ", ".join("?" * len(ids))
            named = [dict(zip(("id", "name", "kind", "role"), row)) for row in db.conn.execute(
                f"SELECT id, name, kind, role FROM speakers WHERE id IN ({marks}) ORDER BY name", sorted(ids))]  # fmt: skip
    rows = search(db, words or None, **filters, limit=limit) if words or any(filters.values()) else \
        search(db, None, limit=limit)  # fmt: skip
    if not rows and named and not filters.get("speaker"):
        rows = search(db, None, **{**filters, "speaker": words}, limit=limit)
    return with_speaker_ids(db, rows), named


def with_speaker_ids(db, rows: list[dict]) -> list[dict]:
    """Search rows with their speaker's id, for the links to the speaker's page (search
    names the speaker; its exports and JSON keep the columns they have)."""
    ids = [row["id"] for row in rows]
    speakers = dict(db.conn.execute(
        f"SELECT id, speaker_id FROM quotes WHERE id IN ({', '.join('?' * len(ids))})", ids)) if ids else {}  # fmt: skip
    for row in rows:
        row["speaker_id"] = speakers.get(row["id"])
    return rows


def _outlets(db) -> list[str]:
    return [name for (name,) in db.conn.execute(
        "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source COLLATE NOCASE")]  # fmt: skip


@page
async def front_page(datasette, request):
    """« Qui a dit… ? »: one box, plain filters, results as cards, newest first."""
    args = request.args
    words = _words(args.get("q"))
    filters = {
        "since": _date(args.get("depuis")), "until": _date(args.get("jusqu_au")),
        "source": (args.get("media") or "").strip() or None,
        "speaker": " ".join((args.get("locuteur") or "").split()) or None,
        "status": _choice(args.get("statut"), STATUSES), "kind": _choice(args.get("type"), KINDS),
    }  # fmt: skip
    try:
        number = max(1, min(int(args.get("page") or 1), 500))
    except ValueError:
        number = 1
    asked = bool(words or any(filters.values()))

    def gather(db):
        outlets = _outlets(db)
        if not asked:
            return [], [], outlets
        try:
            rows, named = _find(db, words, filters, number * PAGE_SIZE + 1)
        except SearchSyntaxError:
            rows, named = [], []
        return rows, named, outlets

    rows, named, outlets = await read(datasette, gather)
    shown = rows[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    context = {
        "words": words, "filters": {k: args.get(k, "") for k in ("depuis", "jusqu_au", "media", "locuteur", "statut", "type")},
        "asked": asked, "cards": [card(datasette, row) for row in shown], "more": len(rows) > number * PAGE_SIZE,
        "page_number": number, "outlets": outlets,
        "statuses": [(s, vocabulary.review_action(s)) for s in STATUSES],
        "kinds": [(k, vocabulary.kind(k)) for k in KINDS],
        "named": [{**s, "url": speaker_url(datasette, s["id"]), "kind_label": vocabulary.speaker_kind(s["kind"])} for s in named],
        "page_url": lambda n: _with_page(request, n),
    }  # fmt: skip
    return Response.html(await datasette.render_template("quotetrack_front.html", context, request=request))


def _with_page(request, number: int) -> str:
    from urllib.parse import parse_qsl, urlencode

    pairs = [(k, v) for k, v in parse_qsl(request.query_string) if k != "page"] + [("page", str(number))]
    return "/?" + urlencode(pairs)


@page
async def first_appearances_page(datasette, request):
    """« Premières apparitions »: words, not ids; the quotes holding them, earliest first,
    and every article where the earliest one (or a near copy) appeared."""
    words = _words(request.args.get("mots"))

    def gather(db):
        if not words:
            return [], []
        try:
            rows = search(db, words, limit=FIRST_LIMIT)
        except SearchSyntaxError:
            return [], []
        rows.sort(key=lambda r: (r["said_on"] is None, r["said_on"] or "", r["published"] or ""))
        seen = appearances(db, rows[0]) if rows else []
        return with_speaker_ids(db, rows), seen

    rows, seen = await read(datasette, gather)
    context = {
        "words": words, "cards": [card(datasette, row) for row in rows],
        "appearances": [{**row, "url": quote_url(datasette, row["quote_id"])} for row in seen],
    }  # fmt: skip
    return Response.html(await datasette.render_template("quotetrack_first.html", context, request=request))


@page
async def speaker_web_page(datasette, request):
    """A speaker: every quote grouped by article (newest first), roles over time, outlets;
    with reviews on, the form that merges another speaker into this one."""
    try:
        speaker_id = int(request.url_vars["speaker_id"])
    except ValueError:
        raise PageError(404, "Introuvable", "Aucun locuteur n'a cet identifiant.") from None

    def gather(db):
        found = db.conn.execute("SELECT id, name, kind, role, article_id FROM speakers WHERE id = ?", [speaker_id]).fetchone()
        if found is None:
            raise PageError(404, "Introuvable", "Aucun locuteur n'a cet identifiant.")
        speaker = dict(zip(("id", "name", "kind", "role", "article_id"), found))
        cursor = db.conn.execute(
            f"""SELECT q.id, q.text, q.kind, q.status, q.role, q.said_on, q.confidence, q.article_id, q.speaker_id,
                      a.title, a.source, a.published, ? AS speaker
               FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ? AND {evidence('q')}
               ORDER BY q.said_on DESC, q.article_id, q.start LIMIT ? OFFSET ?""",
            [speaker["name"], speaker_id, SPEAKER_PAGE + 1, (number - 1) * SPEAKER_PAGE])  # fmt: skip
        keys = [d[0] for d in cursor.description]
        quotes = [dict(zip(keys, row)) for row in cursor]
        aliases = [a for (a,) in db.conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", [speaker_id]) if a != speaker["name"]]  # fmt: skip
        count = db.conn.execute(f"SELECT count(*) FROM quotes q WHERE q.speaker_id = ? AND {evidence('q')}", [speaker_id]).fetchone()[0]
        roles = db.conn.execute(
            f"SELECT role, min(said_on), max(said_on) FROM quotes q WHERE q.speaker_id = ? AND {evidence('q')} AND role IS NOT NULL"
            " GROUP BY role ORDER BY min(said_on), role", [speaker_id]).fetchall()  # fmt: skip
        outlets = db.conn.execute(
            "SELECT a.source, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ?"
            f" AND {evidence('q')} AND a.source IS NOT NULL GROUP BY a.source ORDER BY count(*) DESC, a.source", [speaker_id]).fetchall()  # fmt: skip
        return speaker, quotes, aliases, count, roles, outlets

    try:
        number = max(1, min(int(request.args.get("page") or 1), 10_000))
    except ValueError:
        number = 1
    speaker, quotes, aliases, count, roles, outlets = await read(datasette, gather)
    more = len(quotes) > SPEAKER_PAGE
    articles: dict = {}
    for row in quotes[:SPEAKER_PAGE]:
        group = articles.setdefault(row["article_id"], {
            "title": row["title"], "source": row["source"], "said_on": row["said_on"],
            "sheet_url": sheet_url(datasette, row["article_id"]), "cards": []})  # fmt: skip
        group["cards"].append(card(datasette, row))
    config = options(datasette)
    here = speaker_url(datasette, speaker["id"])
    context = {
        "speaker": {**speaker, "kind_label": vocabulary.speaker_kind(speaker["kind"]), "aliases": aliases},
        "count": count, "articles": list(articles.values()),
        "roles": [(role, [first, last]) for role, first, last in roles], "outlets": outlets,
        "page_number": number, "previous_url": number > 1 and f"{here}?page={number - 1}",
        "next_url": more and f"{here}?page={number + 1}",
        "merge_url": datasette.urls.path(f"/-/{NAME}/locuteur/{speaker['id']}/fusionner"),
        "speakers_json": datasette.urls.path(f"/-/{NAME}/locuteurs.json"),
        "can_review": bool(config["allow_review"] and request.actor),
    }  # fmt: skip
    return Response.html(await datasette.render_template("quotetrack_speaker.html", context, request=request))


@page
async def speakers_json(datasette, request):
    """Speakers whose name or alias holds the typed letters (accents and case ignored),
    busiest first: what the autocompleting speaker fields offer."""
    from ..text.folding import fold

    wanted = fold(" ".join((request.args.get("q") or "").split()[:6]))[:80]

    def gather(db):
        if len(wanted) < 2:
            return []
        rows = db.conn.execute(
            """SELECT s.id, s.name, s.kind, s.role, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes
               FROM speakers s WHERE s.article_id IS NULL AND (s.key LIKE ? ESCAPE '\\' OR s.id IN
                   (SELECT speaker_id FROM speaker_aliases WHERE key LIKE ? ESCAPE '\\'))
               ORDER BY quotes DESC, s.name LIMIT 20""", [_like(wanted), _like(wanted)]).fetchall()  # fmt: skip
        return [{"id": i, "name": n, "kind": vocabulary.speaker_kind(k), "role": r, "quotes": c} for i, n, k, r, c in rows]

    return Response.json(await read(datasette, gather))


def _like(folded: str) -> str:
    return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def reason_label(row: dict) -> str:
    """Why a quote needs a human, in French: no speaker, low confidence, then the rule."""
    if row.get("speaker_id") is None:
        return "aucun locuteur trouvé"
    confidence = row.get("confidence")
    if confidence is None:
        return describe_reason(row.get("reason"))
    shown = f"{confidence:.2f}".replace(".", ",")
    sure = f"confiance faible ({shown})" if confidence < LOW_CONFIDENCE else f"confiance {shown}"
    return f"{sure} : {describe_reason(row.get('reason'))}"
