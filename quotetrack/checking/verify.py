"""Verification: did X really say this, and where?

A circulating quote is rarely the source's exact wording: curly quotes become straight
ones, accents go, words are swapped, a cut is marked with « … ». The claim is matched on
normalized words, its ellipses marking omissions (``checking/alignment.py``).

``verify`` shortlists candidates with full-text search (the claim's rarest words in an
OR query over ``quotes_fts`` and ``articles_fts``, best bm25 first), then scores each
by aligning the claim on the candidate's words (``alignment.align``), so a claim
that is part of a long quote, or a sentence of an article nobody extracted, is found with
its exact offsets. Every source carries a word-level diff (``alignment.word_diff``: words
changed, added by the claim, removed from the source, omitted at an ellipsis) and whether
the claimed speaker is the attributed one (``checking/speaker_match.py``).

Each source gets a verdict (``quotetrack.checking.verdicts``): exact, abridged, altered,
unattributed (found, but nobody identifiable said it there) or misattributed; a claim no
source scores ``threshold`` for is not found. A quote a reviewer rejected (« pas une
citation », ``archive/evidence.py``) is no source, nor is the passage it covers: the
result lists it under ``rejected``, so the reader learns why a match does not count. Where else a
quote appeared is ``quotetrack.checking.appearances``.
"""

from __future__ import annotations

import json

from ..archive import evidence
from ..errors import QuotetrackError
from ..text.folding import Word, fold_word, ligature_variants, words
from ..sources.paragraphs import paragraph_number
from .alignment import Alignment, align, describe, segments, word_diff
from .speaker_match import speaker_relation
from .verdicts import decide

DEFAULT_THRESHOLD = 80.0  # rapidfuzz ratio (0-100) of the normalized claim and source words
MAX_TERMS = 8  # rarest claim words in the full-text shortlist query
RARITY_CAP = 5_000  # counting a word's matches stops here: more is "common"
QUOTE_CANDIDATES = 100
ARTICLE_CANDIDATES = 30
# Words too common to shortlist with (the full-text search would read half the base).
STOPWORDS = frozenset("""
au aux avec ce ces cet cette dans de des du elle elles en est et eux il ils je la le les
leur leurs lui mais me meme mes moi mon ne nos notre nous on ou par pas plus pour qu que
qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y a été être avoir
ont fait été ete etre aussi tres très donc car ni si tout tous toute toutes
""".split())


class NothingToVerify(QuotetrackError):
    """The claim has no word to look for (empty, or punctuation only)."""


def verify(db, claim: str, *, speaker: str | None = None, threshold: float = DEFAULT_THRESHOLD,
           limit: int = 10) -> dict:  # fmt: skip
    """Where ``claim`` was said: indexed quotes and article passages, best first.

    Returns ``{"claim", "speaker", "threshold", "verdict", "found", "sources", "closest",
    "rejected"}``:
    ``sources`` are the candidates scoring at least ``threshold`` (one per article, the
    best; ties go to the earliest), the one deciding the ``verdict`` first
    (``quotetrack.checking.verdicts``); ``closest`` the best one below it when none does.
    Each source has its verdict, score, article, paragraph, offsets, wording, diff and,
    when a quote covers it, the quote, its speaker, review status and whether
    ``speaker`` matches. ``rejected`` lists the rejected quotes that would have been
    sources (best per article), which never decide the verdict.
    """
    claimed = segments(claim)
    if not claimed:
        raise NothingToVerify(f"{claim!r} : aucun mot à chercher")
    flat = [w for segment in claimed for w in segment]
    candidates = []
    for row in _quote_candidates(db, flat, QUOTE_CANDIDATES):
        found = _score(claim, claimed, row["text"])
        if found:
            alignment, diff = found
            article_text = row["article_text"]
            start, end = _article_offsets(row, alignment)
            candidates.append(_source(row, alignment, diff, start, end, row["text"], article_text))
    for row in _article_candidates(db, flat, ARTICLE_CANDIDATES):
        found = _score(claim, claimed, row["text"])
        if found:
            alignment, diff = found
            covering = _covering_quote(db, row["article_id"], alignment.start, alignment.end)
            text = row.pop("text")
            candidates.append(_source({**row, **(covering or {})}, alignment, diff,
                                      alignment.start, alignment.end, text, text, passage=True))  # fmt: skip
    ranked = _best_per_article([c for c in candidates if evidence.counts(c)])
    rejected = [s for s in _best_per_article([c for c in candidates if not evidence.counts(c)]) if s["score"] >= threshold]
    for source in ranked:
        source["speaker_match"] = None if speaker is None else speaker_relation(db, speaker, source)
    for source in ranked + rejected:
        del source["_coverage"]
    verdict, above = decide([s for s in ranked if s["score"] >= threshold], asked=speaker is not None)
    below = [s for s in ranked if s["score"] < threshold]
    closest = None if above or not below else {**below[0], "verdict": "not found"}
    return {"claim": claim, "speaker": speaker, "threshold": threshold, "verdict": verdict, "found": bool(above),
            "sources": above[:limit], "closest": closest, "rejected": rejected[:limit]}  # fmt: skip


def _best_per_article(candidates: list[dict]) -> list[dict]:
    """The best candidate of each article, best score first (the earliest on ties)."""
    best: dict[str, dict] = {}
    for candidate in candidates:
        kept = best.get(candidate["article_id"])
        if kept is None or _fit(candidate) < _fit(kept):
            best[candidate["article_id"]] = candidate
    return sorted(best.values(), key=lambda s: (-s["score"], s["said_on"] or "9999", s["article_id"]))


def _score(claim: str, claimed: list[list[Word]], text: str):
    source_words = words(text)
    alignment = align(claimed, source_words)
    if alignment is None:
        return None
    return alignment, word_diff(claim, claimed, text, source_words, alignment.ranges)


def _source(row, alignment, diff, start, end, text, article_text, passage=False) -> dict:
    return {
        "verdict": None,
        "score": alignment.score,
        "found_in": "article text" if passage else "quote",
        "quote_id": row.get("id"),
        "speaker": row.get("speaker"),
        "speaker_id": row.get("speaker_id"),
        "speaker_kind": row.get("speaker_kind"),
        "role": row.get("role"),
        "speaker_match": None,
        "said_on": row.get("said_on") or (row.get("published") or "")[:10] or None,
        "source": row.get("source"),
        "title": row.get("title"),
        "url": row.get("url"),
        "path": row.get("path"),
        "article_id": row["article_id"],
        "paragraph": paragraph_number(article_text, start),
        "start": start,
        "end": end,
        "wording": text[alignment.start : alignment.end],
        "status": row.get("status"),
        "notes": row.get("notes"),
        "diff": diff,
        "changes": describe(diff),
        "_coverage": (alignment.end - alignment.start) / max(1, len(text)),
    }


def _fit(source: dict):
    """Within an article: the best score, then a quote rather than bare article text,
    then the quote the passage covers most (the most specific one)."""
    return (-source["score"], source["found_in"] != "quote", -source["_coverage"])


_QUOTE_SELECT = """
    SELECT q.id, q.article_id, q.text, q.parts, q.start, q."end", q.status, q.notes,
           q.original_text, q.said_on, q.speaker_id, s.name AS speaker, s.kind AS speaker_kind, q.role,
           a.title, a.source, a.url, a.path, a.published, a.text AS article_text
    FROM quotes q JOIN articles a ON a.id = q.article_id
    LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def _quote_candidates(db, claim: list[Word], limit: int) -> list[dict]:
    query = shortlist_query(db, "quotes_fts", claim, column="text")
    if query is None:
        return []
    rowids = [r[0] for r in db.conn.execute(
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", [query, limit])]  # fmt: skip
    return select_in(db, _QUOTE_SELECT + " WHERE q.rowid IN ({})", rowids)


def _article_candidates(db, claim: list[Word], limit: int) -> list[dict]:
    query = shortlist_query(db, "articles_fts", claim)
    if query is None:
        return []
    rowids = [r[0] for r in db.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", [query, limit])]  # fmt: skip
    sql = ("SELECT id AS article_id, title, source, url, path, published, text"
           " FROM articles WHERE rowid IN ({})")  # fmt: skip
    return select_in(db, sql, rowids)


def shortlist_query(db, table: str, claim: list[Word], column: str | None = None) -> str | None:
    """An FTS5 OR query of the claim's rarest words (each quoted), or None without words.

    Stop words are left out when other words remain; past ``MAX_TERMS`` words, each is
    counted in ``table`` (up to ``RARITY_CAP``) and the rarest kept, longest first on ties.
    """
    terms = list(dict.fromkeys(w.text.casefold() for w in claim))
    useful = [t for t in terms if fold_word(t) not in STOPWORDS and (len(t) > 2 or t.isdigit())]
    terms = useful or terms
    prefix = f"{column} : " if column else ""

    def quoted(term):
        spelled = [f'{prefix}"{variant}"' for variant in ligature_variants(term)]
        return spelled[0] if len(spelled) == 1 else "(" + " OR ".join(spelled) + ")"

    if len(terms) > MAX_TERMS:
        def matches(term):
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT {RARITY_CAP})"
            return db.conn.execute(sql, [quoted(term)]).fetchone()[0]

        terms = sorted(terms, key=lambda t: (matches(t), -len(t)))[:MAX_TERMS]
    return " OR ".join(quoted(t) for t in terms) if terms else None


def select_in(db, sql: str, values: list) -> list[dict]:
    if not values:
        return []
    cursor = db.conn.execute(sql.format(", ".join("?" * len(values))), values)
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]


def _article_offsets(row: dict, alignment: Alignment) -> tuple[int, int]:
    """The passage's offsets in the article, through the quote's parts; the whole quote
    when its text no longer reads as its parts (a corrected text)."""
    text, article = row["text"], row.pop("article_text")
    mapping, position = [], 0
    for start, end in json.loads(row["parts"]):
        found = text.find(article[start:end], position)
        if found < 0:
            return row["start"], row["end"]
        mapping.append((found, found + end - start, start))
        position = found + end - start

    def to_article(offset, is_end):
        for local_start, local_end, article_start in mapping:
            if local_start <= offset < local_end or (is_end and local_start < offset <= local_end):
                return article_start + offset - local_start
        return None

    start, end = to_article(alignment.start, False), to_article(alignment.end, True)
    return (row["start"], row["end"]) if start is None or end is None else (start, end)


def _covering_quote(db, article_id: str, start: int, end: int) -> dict | None:
    """The quote of this article that best covers a passage (overlap over union)."""
    cursor = db.conn.execute(
        'SELECT id, start, "end", speaker_id, status, notes, said_on, role FROM quotes'
        ' WHERE article_id = ? AND start < ? AND "end" > ?',
        [article_id, end, start],
    )
    rows = [dict(zip([d[0] for d in cursor.description], row)) for row in cursor.fetchall()]
    if not rows:
        return None

    def fit(row):
        overlap = min(end, row["end"]) - max(start, row["start"])
        return overlap / (max(end, row["end"]) - min(start, row["start"]))

    row = max(rows, key=fit)
    name = db.conn.execute("SELECT name, kind FROM speakers WHERE id = ?", [row["speaker_id"]]).fetchone()
    return {"id": row["id"], "speaker_id": row["speaker_id"], "speaker": name and name[0],
            "speaker_kind": name and name[1], "role": row["role"],
            "status": row["status"], "notes": row["notes"], "said_on": row["said_on"]}  # fmt: skip
