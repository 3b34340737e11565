"""What a sheet prints about each quote: the quote and article rows, read from the archive
and shaped into numbered cards and numbered sources.

Split from ``sheets.py``, which picks the quotes of a sheet, dossier or report and renders
them: every one of those pages shows the same card for a quote (its number, speaker colour
and initials, French labels, shortened text, first appearance elsewhere, text-fragment
link, and why it goes to the compact layout's annex), so the card is made here, once.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

from .. import vocabulary
from ..checking.appearances import first_appearances

COLOURS = 8  # speaker colour classes c0..c7 in base.html; more speakers reuse them
FRAGMENT_WORDS = 8  # words of a quote's start in a text-fragment link
TRUNCATE = 300  # characters of a quote shown in a compact table; the full text goes to the annex
LOW_CONFIDENCE = 0.6  # quotes attributed with less go to the annex, to be checked
FUZZY_APPEARANCES = 200  # sheets with more cards link exact (normalized) copies only
# What a sheet says about an article (its text only where it is printed: the article sheet).
ARTICLE_FIELDS = ("id", "title", "source", "author", "published", "url", "path", "lang",
                  "engine", "engine_version", "indexed_at")  # fmt: skip
QUOTE_SQL = """
    SELECT q.*, s.name AS speaker, s.kind AS speaker_kind, s.role AS speaker_role, s.wikidata_id,
           s.article_id AS speaker_article_id,
           CASE WHEN q.reattributed THEN os.name END AS original_speaker
    FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
    LEFT JOIN speakers os ON os.id = q.original_speaker_id
"""


def cards_and_sources(db, quotes: list[dict]) -> tuple[list[dict], list[dict]]:
    """Quote rows -> numbered cards, plus the numbered list of the articles they cite."""
    select = f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE id"
    articles = {row["id"]: row for row in rows_by_ids(db, select, {q["article_id"] for q in quotes})}
    sources: dict[str, dict] = {}
    colours: dict = {}
    initials: dict = {}
    cards = []
    firsts = first_appearances(db, quotes, fuzzy=len(quotes) <= FUZZY_APPEARANCES)
    for number, quote in enumerate(quotes, 1):
        source = sources.get(quote["article_id"])
        if source is None:
            source = sources[quote["article_id"]] = numbered_source(articles[quote["article_id"]], len(sources) + 1)
        status = quote["status"] or "unreviewed"
        card = {
            **quote, "number": number, "parts": json.loads(quote["parts"]), "source": source,
            "colour": colours.setdefault(quote["speaker"], len(colours) % COLOURS),
            "initials": initials.setdefault(quote["speaker"], _initials(quote["speaker"], initials.values())),
            "kind_label": vocabulary.kind(quote["kind"]),
            "speaker_kind_label": vocabulary.speaker_kind(quote["speaker_kind"]),
            "status": status, "status_label": vocabulary.status(status),
            "verdict": vocabulary.RATINGS.get(status) or (None if status == "unreviewed" else status),
            "notes": quote.get("notes") or None, "corrected": vocabulary.is_corrected(quote),
            "reason_label": vocabulary.attribution_reason(quote),
            "original_text": quote.get("original_text"), "original_speaker": quote.get("original_speaker"),
            "reattributed": bool(quote.get("reattributed")), "orphaned": bool(quote.get("orphaned_from")),
            "reviewed_by": quote.get("reviewed_by"), "reviewed_at": quote.get("reviewed_at"),
            "first_appeared": _appearance(firsts.get(quote["id"])),
            "fragment_url": source["safe_url"] and text_fragment(source["safe_url"], quote["text"]),
            "short_text": shorten(quote["text"]),
        }  # fmt: skip
        card["annex"] = _annex_reasons(card)
        cards.append(card)
    return cards, list(sources.values())


def shorten(text: str, limit: int = TRUNCATE) -> str:
    """``text`` cut at the last word boundary before ``limit`` characters, marked « […] »."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:.") + " […]"


def _initials(name: str | None, taken) -> str:
    """A speaker's mark in the printed text, unique on the page: JS, VZ, HRA, JS2."""
    if not name:
        return "?"
    significant = [w for w in re.findall(r"[^\W\d_][\w'-]*", name) if w[0].isupper()]
    if not significant:  # « une haute responsable américaine »: the longer words
        significant = [w for w in re.findall(r"[^\W\d_]+", name) if len(w) > 3] or [name]
    mark = "".join(w[0] for w in significant[:3]).upper()
    candidate, number = mark, 2
    while candidate in taken:
        candidate, number = f"{mark}{number}", number + 1
    return candidate


def _annex_reasons(card: dict) -> list[str]:
    """Why a quote gets an entry in the compact layout's annex (empty: the table says it all)."""
    reasons = []
    if card["status"] != "unreviewed" or card["notes"] or card["reviewed_by"]:
        reasons.append("vérifiée")
    if card["corrected"]:
        reasons.append("corrigée")
    if card["confidence"] is not None and card["confidence"] < LOW_CONFIDENCE:
        reasons.append("confiance faible")
    if card["orphaned"]:
        reasons.append("orpheline")
    if card["first_appeared"]:
        reasons.append("parue plus tôt ailleurs")
    if card["short_text"] != card["text"]:
        reasons.append("texte complet")
    return reasons


def numbered_source(article: dict, number: int) -> dict:
    """An article as a numbered reference; only http(s) URLs become links (no javascript:)."""
    url = article.get("url")
    safe = url if url and urlsplit(url).scheme.lower() in ("http", "https") else None
    return {**{k: article.get(k) for k in ARTICLE_FIELDS}, "number": number, "safe_url": safe}


def _appearance(row: dict | None) -> dict | None:
    """An earlier appearance of a quote, its URL a link only when http(s)."""
    if row is None:
        return None
    url = row.get("url")
    return {**row, "safe_url": url if url and urlsplit(url).scheme.lower() in ("http", "https") else None}


def text_fragment(url: str, quote_text: str) -> str:
    """``url`` with a text fragment (``#:~:text=``) that scrolls to the quote's start.

    Percent-encoded, ``-`` included, since ``-``, ``,`` and ``&`` are syntax there.
    """
    first_part = quote_text.split(" […] ")[0]
    start = " ".join(first_part.split()[:FRAGMENT_WORDS])
    encoded = percent_encode(start, safe="").replace("-", "%2D")
    return f"{url}{'' if '#' in url else '#'}:~:text={encoded}"


def speaker_groups(cards: list[dict]) -> list[dict]:
    """The cards grouped by speaker, speakers in order of their first card."""
    groups: dict = {}
    for card in cards:
        group = groups.setdefault(card["speaker"], {**card, "quotes": []})
        group["quotes"].append(card)
    return [{**group, "count": len(group["quotes"])} for group in groups.values()]


def article_groups(cards: list[dict]) -> list[dict]:
    """The cards grouped by article (in the cards' order), each split by speaker."""
    articles: dict = {}
    for card in cards:
        articles.setdefault(card["article_id"], {"source": card["source"], "cards": []})["cards"].append(card)
    return [{**group, "speakers": speaker_groups(group["cards"])} for group in articles.values()]


def in_date_order(quotes: list[dict]) -> list[dict]:
    """Oldest first (undated last), then by article and position: a dossier reads as a chronology."""
    return sorted(quotes, key=lambda q: (q["said_on"] is None, q["said_on"] or "", q["article_id"], q["start"]))


def quote_rows(db, condition: str, params) -> list[dict]:
    """The quotes matching ``condition`` (SQL after FROM), with their speaker's name, kind and role."""
    return dict_rows(db, QUOTE_SQL + condition, params)


def rows_by_ids(db, select: str, ids) -> list[dict]:
    """``select`` ending in an id column, for these ids, in chunks under SQLite's bound-parameter limit."""
    ids, rows = sorted(ids), []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows += dict_rows(db, f"{select} IN ({', '.join('?' * len(chunk))})", chunk)
    return rows


def dict_rows(db, sql: str, params=()) -> list[dict]:
    """The rows of ``sql`` as dicts keyed by column name."""
    cursor = db.conn.execute(sql, params)
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]
