"""Verification: did X really say this, and where? Plus where else a quote appeared.

A circulating quote is rarely the source's exact wording: curly quotes become straight
ones, accents go, words are swapped, a cut is marked with « … ». So both sides are
*normalized* first (``words``): split into words at anything that is not a letter or a
digit (quotation marks, apostrophes ’ ' and punctuation all vanish), each word folded
(case, accents, ligatures). An ellipsis in the claim (…, ..., […], (...)) splits it into
segments that must appear in that order, the words in between being an omission.

``verify`` shortlists candidates with full-text search (the claim's rarest words in an
OR query over ``quotes_fts`` and ``articles_fts``, best bm25 first), then scores each
with rapidfuzz: the claim is aligned on the candidate's words (``align``), so a claim
that is part of a long quote, or a sentence of an article nobody extracted, is found with
its exact offsets. Every source carries a word-level diff (``word_diff``: words changed,
added by the claim, removed from the source, omitted at an ellipsis) and whether the
claimed speaker is the attributed one.

Each source gets a verdict (``quotetrack.checking.verdicts``): exact, abridged, altered,
unattributed (found, but nobody identifiable said it there) or misattributed; a claim no
source scores ``threshold`` for is not found. A quote a reviewer rejected (« pas une
citation », ``archive/evidence.py``) is no source, nor is the passage it covers: the
result lists it under ``rejected``, so the reader learns why a match does not count. Where else a
quote appeared is ``quotetrack.checking.appearances``.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from .. import vocabulary
from ..archive import evidence
from ..archive.search import speaker_ids
from ..archive.speaker_rows import strip_article
from ..errors import QuotetrackError
from ..text.folding import Word, fold, fold_word, ligature_variants, normalize_name, words
from ..sources.paragraphs import paragraph_number
from .long_alignment import LONG_DIFF, LONG_SEGMENT, locate_long, long_opcodes
from .verdicts import decide

DEFAULT_THRESHOLD = 80.0  # rapidfuzz ratio (0-100) of the normalized claim and source words
MAX_TERMS = 8  # rarest claim words in the full-text shortlist query
RARITY_CAP = 5_000  # counting a word's matches stops here: more is "common"
QUOTE_CANDIDATES = 100
ARTICLE_CANDIDATES = 30
REFINE_WORDS = 3  # an alignment's ends are moved by up to this many words to fit best
MAX_GAP_WORDS = 60  # words an ellipsis may stand for
MAX_CLAIM = 25_000  # characters of a claim: a long article's worth; more is refused

_ELLIPSIS = re.compile(r"[\[(]\s*(?:…|\.{2,})\s*[\])]|…|\.{3,}")
# Words too common to shortlist with (the full-text search would read half the base).
STOPWORDS = frozenset("""
au aux avec ce ces cet cette dans de des du elle elles en est et eux il ils je la le les
leur leurs lui mais me meme mes moi mon ne nos notre nous on ou par pas plus pour qu que
qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y a été être avoir
ont fait été ete etre aussi tres très donc car ni si tout tous toute toutes
""".split())


class NothingToVerify(QuotetrackError):
    """The claim has no word to look for (empty, or punctuation only)."""


class ClaimTooLong(QuotetrackError):
    """A claim longer than any quote worth checking at once (``MAX_CLAIM`` characters)."""


def segments(claim: str) -> list[list[Word]]:
    """The claim's words, split at each ellipsis; empty segments (a trailing « … ») dropped.
    A claim longer than ``MAX_CLAIM`` characters is refused (``ClaimTooLong``)."""
    if len(claim) > MAX_CLAIM:
        raise ClaimTooLong(f"affirmation trop longue pour être vérifiée ({len(claim):_} caractères > {MAX_CLAIM:_}) ; "
                           "vérifiez-en un passage".replace("_", " "))
    found, position = [], 0
    for match in [*_ELLIPSIS.finditer(claim), None]:
        end = match.start() if match else len(claim)
        segment = words(claim[position:end], position)
        if segment:
            found.append(segment)
        position = match.end() if match else len(claim)
    return found


# ----- alignment and diff ---------------------------------------------------------------------
@dataclass(frozen=True)
class Alignment:
    """Where the claim's segments lie in a source: word ranges, score and char offsets."""

    score: float
    ranges: tuple[tuple[int, int], ...]  # (first word, past last word) per claim segment
    start: int  # character offsets of the passage in the source text
    end: int


def align(claim: list[list[Word]], source: list[Word]) -> Alignment | None:
    """The best passage of ``source`` for the claim's segments, in order.

    Each segment is placed with rapidfuzz's partial alignment (a window of the segment's
    length slid over the source), snapped to whole words, then its ends moved by a few
    words to maximize the ratio, so that a word added or dropped does not cost twice.
    The score is the ratio of all segments' words to the words they matched: the words
    an ellipsis stands for do not count against the claim.
    """
    folded = [w.folded for w in source]
    if not folded or not claim:
        return None
    ranges, low, high = [], 0, len(folded)
    for number, segment in enumerate(claim):
        if number:
            low = ranges[-1][1]
            high = min(len(folded), low + len(segment) + MAX_GAP_WORDS)
        ranges.append(_locate([w.folded for w in segment], folded, low, high))
    claimed = " ".join(w.folded for segment in claim for w in segment)
    matched = " ".join(" ".join(folded[i:j]) for i, j in ranges if j > i)
    covered = [(i, j) for i, j in ranges if j > i]
    if not covered:
        return None
    start, end = source[covered[0][0]].start, source[covered[-1][1] - 1].end
    return Alignment(round(fuzz.ratio(claimed, matched), 1), tuple(ranges), start, end)


def _locate(segment: list[str], folded: list[str], low: int, high: int) -> tuple[int, int]:
    """The word range of ``folded[low:high]`` that best matches ``segment``."""
    if low >= high:
        return (low, low)
    wanted = " ".join(segment)
    if len(wanted) > LONG_SEGMENT:  # partial alignment would cost the claim's length times the source's
        placed = locate_long(segment, folded, low, high)
        if placed is not None:
            return placed
    window = folded[low:high]
    text = " ".join(window)
    if len(text) <= len(wanted):
        i, j = low, high
    else:
        hit = fuzz.partial_ratio_alignment(wanted, text)
        starts = [0]
        for word in window[:-1]:
            starts.append(starts[-1] + len(word) + 1)
        i = low + max(0, bisect.bisect_right(starts, hit.dest_start) - 1)
        j = low + max(1, bisect.bisect_left(starts, hit.dest_end))
    best = (-1.0, i, j)
    for left in range(max(low, i - REFINE_WORDS), min(high, i + REFINE_WORDS) + 1):
        for right in range(max(left + 1, j - REFINE_WORDS), min(high, j + REFINE_WORDS) + 1):
            score = fuzz.ratio(wanted, " ".join(folded[left:right]))
            if score > best[0]:  # on ties, the first found: leftmost, then shortest
                best = (score, left, right)
    return best[1], best[2]


_OPS = {"equal": "equal", "replace": "changed", "delete": "added", "insert": "removed"}


def word_diff(claim_text: str, claim: list[list[Word]], source_text: str, source: list[Word],
              ranges) -> list[dict]:  # fmt: skip
    """The claim against its source, word by word, as written on each side.

    Ops, from the source to the claim: ``equal``, ``changed`` (source words replaced),
    ``added`` (in the claim only), ``removed`` (in the source only), ``omitted`` (source
    words an ellipsis of the claim stands for). Case, accents and punctuation are not
    differences.
    """
    def written(text, items):
        return text[items[0].start : items[-1].end] if items else ""

    ops, previous = [], None
    for segment, (i, j) in zip(claim, ranges):
        if previous is not None and i > previous:
            ops.append({"op": "omitted", "claim": "…", "source": written(source_text, source[previous:i])})
        matched = source[i:j]
        claimed, found = [w.folded for w in segment], [w.folded for w in matched]
        if max(len(claimed), len(found)) > LONG_DIFF:  # difflib is quadratic on repeated words
            opcodes = long_opcodes(claimed, found)
        else:
            opcodes = SequenceMatcher(None, claimed, found, autojunk=False).get_opcodes()
        for tag, a1, a2, b1, b2 in opcodes:
            ops.append({"op": _OPS[tag], "claim": written(claim_text, segment[a1:a2]),
                        "source": written(source_text, matched[b1:b2])})  # fmt: skip
        previous = j
    return ops


def describe(diff: list[dict]) -> str:
    """A diff in one French line, for a reader:
    ``modifié « améliorons » → « renforçons » ; retiré « également »``."""
    said = []
    for op in diff:
        name = vocabulary.DIFF_OPS.get(op["op"])
        if op["op"] == "changed":
            said.append(f"{name} « {op['source']} » → « {op['claim']} »")
        elif op["op"] == "added":
            said.append(f"{name} « {op['claim']} »")
        elif op["op"] in ("removed", "omitted"):
            said.append(f"{name} « {op['source']} »")
    return " ; ".join(said) or "mêmes mots"


_APPOSITION = r"\s*,?\s*(?:(?:le|la|les|l'|un|une|du|de la)\s*)?"  # « Roman Prymula, le ministre de la Santé »


def speaker_relation(db, claimed: str, source: dict) -> bool | None:
    """Whether the source's speaker is the ``claimed`` one: True, False, or None when the
    source names nobody identifiable (no speaker, or an anonymous or descriptive source
    the article does not tie to the claimed person).

    The same entity is: the name or an alias (``same_speaker``); a role the speaker was
    given (« ministre de la Santé » for Roman Prymula); a claimed person whose recorded
    roles or aliases are the source's description; a description the article writes
    within a few words of the claimed name (« Roman Prymula, ministre de la Santé »)."""
    name = source.get("speaker")
    if not name:
        return None
    facts = _speaker_facts(db, source.get("speaker_id"))
    if same_speaker(claimed, name, facts["aliases"] + facts["roles"] + [source.get("role") or ""]):
        return True
    description = strip_article(fold(name))
    for speaker_id in speaker_ids(db, claimed, loose=True):
        other = _speaker_facts(db, speaker_id)
        if description in {strip_article(fold(x)) for x in other["roles"] + other["aliases"] if x}:
            return True
    scoped = source.get("speaker_kind") in ("anonymous", "group") or facts["scoped"]
    if scoped or description != fold(name) or name[:1].islower():
        tied = _tied_name(db, source["article_id"], description)
        if tied is None:
            return None  # an anonymous or descriptive source the article ties to nobody
        return same_speaker(claimed, tied) or same_speaker(tied, claimed)
    return False


def _speaker_facts(db, speaker_id) -> dict:
    """A speaker's aliases, recorded roles (its own and its quotes') and whether it
    belongs to one article."""
    if speaker_id is None:
        return {"aliases": [], "roles": [], "scoped": False}
    row = db.conn.execute("SELECT role, article_id FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    roles = [r for (r,) in db.conn.execute(
        "SELECT DISTINCT role FROM quotes WHERE speaker_id = ? AND role IS NOT NULL", [speaker_id])]  # fmt: skip
    if row and row[0]:
        roles.append(row[0])
    return {"aliases": _aliases(db, speaker_id), "roles": roles, "scoped": bool(row and row[1])}


_NAME = r"((?:[A-ZÀ-ÖØ-Þ][\w'’-]+\s+)+[A-ZÀ-ÖØ-Þ][\w'’-]+)"  # two or more capitalised words


def _tied_name(db, article_id: str, description: str) -> str | None:
    """The person the article names in apposition to a description: « Roman Prymula,
    ministre de la Santé » or « le ministre de la Santé, Roman Prymula » (a name merely
    nearby says nothing). Matched on a same-length folding of the text, so the name is
    read as written."""
    row = db.conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    if not row or not description:
        return None
    text = row[0]
    folded = "".join((unicodedata.normalize("NFKD", c)[:1] or c).lower() for c in text.replace("\u2019", "'"))
    role = re.escape(description).replace("\\ ", r"\s+")
    for match in re.finditer(role, folded):
        before = re.search(_NAME + _APPOSITION.replace("\\s*,?", "\\s*,") + "$", text[: match.start()])
        if before:
            return _without_lead(before.group(1))
        after = re.match(r"\s*,\s*" + _NAME, text[match.end() :])
        if after:
            return _without_lead(after.group(1))
    return None


def _without_lead(name: str) -> str:
    """« Selon Roman Prymula » -> « Roman Prymula »: capitalised words that start a phrase."""
    from ..archive.identity import NOT_FIRST_NAMES

    words = name.split()
    while len(words) > 1 and fold(words[0]) in NOT_FIRST_NAMES:
        words.pop(0)
    return " ".join(words)


def same_speaker(claimed: str, name: str | None, aliases=()) -> bool:
    """Whether ``claimed`` names this speaker: the name or an alias, accents and case
    ignored, or the end of one (« Stoltenberg » is « Jens Stoltenberg »)."""
    wanted = normalize_name(claimed).split()
    for known in (name, *aliases):
        if not known or not wanted:
            continue
        have = normalize_name(known).split()
        if have and (have[-len(wanted):] == wanted or wanted[-len(have):] == have):
            return True
    return False


# ----- verification -------------------------------------------------------------------------------
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


def _aliases(db, speaker_id) -> list[str]:
    if speaker_id is None:
        return []
    return [a for (a,) in db.conn.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])]
