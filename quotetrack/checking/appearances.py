"""Where else a quote appeared: the same words in other articles, earliest first.

The journalist's "first appeared in": the same normalized wording (``text_key``) or a
near-identical copy (a word or two changed) in another article. Short quotes
(« préoccupés ») are never linked: the same word in two articles is no evidence.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .verify import STOPWORDS, select_in
from ..text.folding import normalize, text_key, words

MIN_APPEARANCE_WORDS = 4  # shorter quotes (« préoccupés ») are not linked across articles
APPEARANCE_SCORE = 90.0
APPEARANCE_CANDIDATES = 50


_APPEARANCE_SELECT = """
    SELECT q.id AS quote_id, q.article_id, q.text, q.text_key, s.name AS speaker,
           coalesce(q.said_on, substr(a.published, 1, 10)) AS said_on, a.source, a.title,
           a.url, a.path, a.indexed_at
    FROM quotes q JOIN articles a ON a.id = q.article_id
    LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def appearances(db, quote: dict, *, fuzzy: bool = True) -> list[dict]:
    """Every article where ``quote`` (a row with ``id`` and ``text``) or a near-identical
    quote appears, one row per article, earliest first (undated last, then by indexing).

    Same normalized wording (``text_key``), and with ``fuzzy`` also near copies
    (``_near_copies``) scoring ``APPEARANCE_SCORE`` or more. Quotes under
    ``MIN_APPEARANCE_WORDS`` words only appear in their own article.
    """
    (own,) = select_in(db, _APPEARANCE_SELECT + " WHERE q.id IN ({})", [quote["id"]])
    found = {own["quote_id"]: {**own, "score": 100.0, "this": True}}
    mine = normalize(own["text"])
    if len(mine.split()) >= MIN_APPEARANCE_WORDS:
        same = db.conn.execute("SELECT id FROM quotes WHERE text_key = ?", [text_key(own["text"])])
        ids = [i for (i,) in same]
        if fuzzy:
            ids += _near_copies(db, own["text"])
        for row in select_in(db, _APPEARANCE_SELECT + " WHERE q.id IN ({})", sorted(set(ids) - set(found))):
            score = fuzz.ratio(mine, normalize(row["text"]))
            if row["text_key"] == own["text_key"] or score >= APPEARANCE_SCORE:
                found[row["quote_id"]] = {**row, "score": round(score, 1), "this": False}
    by_article: dict[str, dict] = {}
    for row in sorted(found.values(), key=lambda r: (not r["this"], -r["score"])):
        by_article.setdefault(row["article_id"], row)
    return sorted(by_article.values(), key=lambda r: (r["said_on"] is None, r["said_on"] or "", r["indexed_at"]))


def _near_copies(db, text: str) -> list[str]:
    """Ids of quotes sharing all of the longest words of ``text``, or all of the next
    ones: a near-identical copy (a word or two changed) has one group intact. AND
    queries read the shortest posting lists only, however common each word is."""
    found = []
    longest = sorted(
        {w.text.casefold() for w in words(text) if w.folded not in STOPWORDS},
        key=lambda t: (-len(t), t),
    )
    for group in (longest[:3], longest[3:6]):
        if len(group) < 2:
            continue
        query = "text : (" + " AND ".join(f'"{t}"' for t in group) + ")"
        found += [i for (i,) in db.conn.execute(
            "SELECT q.id FROM quotes q WHERE q.rowid IN (SELECT rowid FROM quotes_fts"
            " WHERE quotes_fts MATCH ? LIMIT ?)", [query, APPEARANCE_CANDIDATES])]  # fmt: skip
    return found


def first_appearances(db, quotes: list[dict], *, fuzzy: bool = True) -> dict[str, dict]:
    """For each quote seen in another article dated strictly earlier: the earliest one.

    Undated articles never count as earlier: "first appeared in" is only said when known.
    """
    firsts = {}
    for quote in quotes:
        listed = appearances(db, quote, fuzzy=fuzzy)
        own = next(row for row in listed if row["this"])
        first = listed[0]
        if not first["this"] and first["said_on"] and own["said_on"] and first["said_on"] < own["said_on"]:
            firsts[quote["id"]] = first
    return firsts
