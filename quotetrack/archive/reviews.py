"""Fact-checkers' reviews: statuses, notes, corrections, their log, and re-indexing.

A reviewer gives a quote a status (``STATUSES``), a note, a corrected text or another
speaker (``review_quote``). Each changed field is appended to ``review_log`` (who, when
in UTC, old and new value); the log is never rewritten. A correction keeps the
extraction beside it: ``original_text`` is the extracted wording, filled on the first
text correction (the quote's ``text`` is then the corrected one, which search and
sheets show); ``original_speaker_id`` is the extracted speaker, kept once the quote is
``reattributed``. Setting a field back to the extraction clears the correction.

Re-indexing an article (a new engine, new rules with ``--reextract``, or a new text at
the same path or URL) never loses a review: ``carry_reviews`` matches each reviewed
quote of the old version to the new extraction (same id, then the same extracted
wording nearest by offset, then a fuzzy match over the new article's quotes) and
copies its review over. A reviewed quote that matches nothing is moved into the new
article as it was (text, speaker, review; its offsets still those of the old text) and
flagged ``orphaned_from`` the article version it came from: it stays in search,
reviews and sheets (not highlighted in the new text) until a reviewer deals with it.
"""

from __future__ import annotations

import getpass
import os
from datetime import datetime, timezone

from rapidfuzz import fuzz, process

from ..errors import QuotetrackError
from ..vocabulary import UnknownWord, parse_status
from .search import get_quote, speaker_ids, speaker_label
from .speaker_rows import add_aliases, create_speaker, has_determiner, is_scoped, kind_of, shown_name, typed_name
from .transaction import write_transaction
from ..text.folding import fold, normalize, text_key

STATUSES = ("unreviewed", "confirmed", "disputed", "misattributed", "rejected", "corrected")
# Not statuses but filters of `quotetrack reviews`: touched by a person; orphaned.
FILTERS = ("reviewed", "orphaned")
_FILTER_WORDS = {"orpheline": "orphaned", "orphelines": "orphaned", "verifiee": "reviewed", "verifiees": "reviewed"}
SYSTEM = "quotetrack (re-indexing)"  # the reviewer of log rows written by re-indexing
MATCH_SCORE = 80.0  # rapidfuzz ratio (or span overlap x 100) for a fuzzy carry-over
_REVIEWED = ("(q.status != 'unreviewed' OR q.notes IS NOT NULL OR q.original_text IS NOT NULL"
             " OR q.reattributed OR q.orphaned_from IS NOT NULL)")  # fmt: skip


class InvalidReview(QuotetrackError):
    """A review that cannot be applied: unknown status, empty text, nothing to change."""


class UnknownSpeaker(InvalidReview):
    """A review names a speaker the archive does not have, without ``new_speaker``:
    a typo (« Andrei Babish » for Andrej Babiš) must not create a second person."""

    def __init__(self, message: str, closest: list[dict]):
        super().__init__(message)
        self.closest = closest


CLOSEST = 3  # existing speakers proposed for a name the archive does not have
CLOSEST_SCORE = 60.0  # rapidfuzz WRatio of folded names


def default_reviewer() -> str:
    """``$QUOTETRACK_REVIEWER``, else the login name."""
    try:
        return os.environ.get("QUOTETRACK_REVIEWER") or getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def review_quote(db, quote_id: str, *, status: str | None = None, note: str | None = None,
                 speaker: str | None = None, text: str | None = None,
                 reviewer: str | None = None, at: str | None = None, new_speaker: bool = False) -> dict:  # fmt: skip
    """Apply one review to the quote ``quote_id`` (an id or a unique prefix), atomically.

    Only fields that change are written and logged; ``note=""`` clears the note.
    ``status`` is an identifier or its French label (« confirmée »). ``speaker`` is found
    by id (``#12``), canonical name or alias (accents and case ignored) or by a last name
    naming one speaker; a name the archive does not have raises ``UnknownSpeaker`` with
    the closest existing speakers, unless ``new_speaker`` asks to create it. The name as
    given becomes an alias. Returns the quote id, the reviewer, the time and the list of
    ``changes`` (field, old, new).
    """
    if status is not None:
        try:
            status = parse_status(status)
        except UnknownWord as error:
            raise InvalidReview(str(error)) from None
    if text is not None and not text.strip():
        raise InvalidReview("--text : un texte corrigé ne peut pas être vide")
    if all(value is None for value in (status, note, speaker, text)):
        raise InvalidReview("rien à vérifier : donnez --status, --note, --speaker ou --text")
    reviewer = reviewer or default_reviewer()
    at = at or utc_now()
    with write_transaction(db):
        row = get_quote(db, quote_id)
        updates, changes = {}, []
        if status is not None and status != row["status"]:
            updates["status"] = status
            changes.append(("status", row["status"], status))
        if note is not None and (note.strip() or None) != row["notes"]:
            updates["notes"] = note.strip() or None
            changes.append(("notes", row["notes"], updates["notes"]))
        if text is not None and text.strip() != row["text"]:
            new = text.strip()
            extracted = row["original_text"] if row["original_text"] is not None else row["text"]
            updates.update(text=new, text_key=text_key(new), original_text=None if new == extracted else extracted)
            changes.append(("text", row["text"], new))
        if speaker is not None:
            speaker_id, name = _speaker_for(db, speaker, row["article_id"], new_speaker)
            if speaker_id != row["speaker_id"]:
                extracted = row["original_speaker_id"] if row["reattributed"] else row["speaker_id"]
                back = speaker_id == extracted
                # the role was the old speaker's: the new speaker's own role replaces it
                role = db.conn.execute("SELECT role FROM speakers WHERE id = ?", [speaker_id]).fetchone()[0]
                updates.update(speaker_id=speaker_id, original_speaker_id=None if back else extracted,
                               reattributed=0 if back else 1, role=role)  # fmt: skip
                changes.append(("speaker", row["speaker"], name))
        if changes:
            updates.update(reviewed_by=reviewer, reviewed_at=at)
            assignments = ", ".join(f"{column} = :{column}" for column in updates)
            db.conn.execute(f"UPDATE quotes SET {assignments} WHERE id = :id", {**updates, "id": row["id"]})
            log(db, [(row["id"], field, old, new) for field, old, new in changes], reviewer, at)
    return {"id": row["id"], "reviewer": reviewer, "at": at, "changes": changes}


def log(db, entries, reviewer: str, at: str, action: str = "review") -> None:
    """Append ``(quote_id, field, old, new)`` entries to ``review_log``."""
    db.conn.executemany(
        "INSERT INTO review_log (quote_id, field, old_value, new_value, reviewer, logged_at, action)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(quote_id, field, _text(old), _text(new), reviewer, at, action) for quote_id, field, old, new in entries],
    )


def _text(value):
    return None if value is None else str(value)


def _speaker_for(db, name: str, article_id: str, new_speaker: bool = False) -> tuple[int, str]:
    """The speaker called ``name``: its id (``#12``), canonical name or an alias, else a
    last name naming one speaker only (« zelensky »), else, with ``new_speaker``, a new
    speaker (without it, ``UnknownSpeaker`` proposes the closest). The name as given is
    recorded as its alias. Several speakers by that name is an error. An anonymous or
    descriptive source (« une source proche du dossier ») is the one of the quote's
    article, as extraction would have made it (see ``archive/identity.py``)."""
    from .search import resolve_speaker, SpeakerNotFound

    if name.strip().lstrip("#").isdigit():  # a speaker's id, as `speakers` shows it
        try:
            found = resolve_speaker(db, name.strip())
        except SpeakerNotFound as error:
            raise InvalidReview(str(error)) from None
        return found["id"], found["name"]
    typed = typed_name(name)
    if not typed:
        raise InvalidReview(f"--speaker « {shown_name(name)} » : un nom de locuteur doit contenir "
                            "au moins une lettre visible")
    name = typed
    # a name typed in lower case (« zelensky ») is still a name unless it reads as a noun phrase
    kind = kind_of(name if has_determiner(name) or name[:1].isupper() else name.title())
    if has_determiner(name) and is_scoped(name, kind):
        found = db.conn.execute("SELECT id FROM speakers WHERE article_id = ? AND key = ? ORDER BY name != ?, id",
                                [article_id, fold(name), name]).fetchone()  # fmt: skip
        if not found and not new_speaker:
            _refuse_unknown(db, name)
        return (found[0] if found else create_speaker(db, name, kind, None, article_id)), name
    ids = speaker_ids(db, name, loose=False) or speaker_ids(db, name, loose=True)
    if len(ids) > 1:
        sql = f"SELECT name FROM speakers WHERE id IN ({', '.join(str(i) for i in ids)}) ORDER BY name"
        names = ", ".join(n for (n,) in db.conn.execute(sql))
        raise InvalidReview(f"{name} : désigne plusieurs locuteurs ({names}) ; donnez le nom complet ou l'id")
    if ids:
        (speaker_id,) = ids
    elif not new_speaker:
        _refuse_unknown(db, name)
    else:
        speaker_id = create_speaker(db, name, kind)  # the kind of what it names
    add_aliases(db, speaker_id, [name])
    canonical = db.conn.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()[0]
    return speaker_id, canonical


def closest_speakers(db, name: str, limit: int = CLOSEST) -> list[dict]:
    """The existing global speakers whose name or alias is closest to ``name`` (rapidfuzz
    WRatio of folded spellings), best first: ``{"id", "name", "score"}``."""
    from ..text.folding import fold

    spellings: dict[str, int] = {}
    for speaker_id, spelling in db.conn.execute(
        "SELECT id, name FROM speakers WHERE article_id IS NULL"
        " UNION ALL SELECT a.speaker_id, a.alias FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id"
        " WHERE s.article_id IS NULL"
    ):
        spellings.setdefault(fold(spelling), speaker_id)
    best: dict[int, float] = {}
    for key, score, _ in process.extract(fold(name), list(spellings), scorer=fuzz.WRatio, limit=limit * 4):
        if score >= CLOSEST_SCORE:
            speaker_id = spellings[key]
            best[speaker_id] = max(best.get(speaker_id, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: -item[1])[:limit]
    names = dict(db.conn.execute(f"SELECT id, name FROM speakers WHERE id IN ({', '.join(str(i) for i, _ in ranked) or 'NULL'})"))
    return [{"id": i, "name": names[i], "score": round(score, 1)} for i, score in ranked]


def _refuse_unknown(db, name: str):
    closest = closest_speakers(db, name)
    if closest:
        proposed = " ; les plus proches : " + ", ".join(speaker_label(db, c["id"]) for c in closest)
        proposed += " ; donnez l'un d'eux (nom ou id),"
    else:
        proposed = " ni d'un nom proche ;"
    raise UnknownSpeaker(f"{name} : aucun locuteur de ce nom{proposed} ou --new-speaker pour créer « {name} »", closest)


def list_reviews(db, *, status: str | None = None, speaker: str | None = None,
                 limit: int | None = None) -> list[dict]:  # fmt: skip
    """Quotes by review status: unreviewed first, then orphaned, then by status and
    latest review. ``status`` is a status, ``reviewed`` (touched by a person) or
    ``orphaned``; ``speaker`` a name, alias or last name."""
    where, params = [], []
    status = _FILTER_WORDS.get((status or "").strip().casefold().replace("é", "e"), status)
    if status == "orphaned":
        where.append("q.orphaned_from IS NOT NULL")
    elif status == "reviewed":
        where.append(_REVIEWED)
    elif status is not None:
        if status not in STATUSES:
            try:
                status = parse_status(status)
            except UnknownWord as error:
                raise InvalidReview(f"{error} ; ou reviewed (toute vérification), orphaned (orphelines)") from None
        where.append("q.status = ?")
        params.append(status)
    if speaker is not None:
        ids = speaker_ids(db, speaker, loose=True)
        if not ids:
            return []
        where.append(f"q.speaker_id IN ({', '.join(str(i) for i in sorted(ids))})")
    sql = f"""
        SELECT q.id, q.status, CASE WHEN q.orphaned_from IS NOT NULL THEN 'orphaned' ELSE '' END AS flag,
               s.name AS speaker, q.said_on, a.source, q.text, q.notes, q.reviewed_by, q.reviewed_at,
               q.original_text, CASE WHEN q.reattributed THEN os.name END AS original_speaker,
               q.orphaned_from, a.title, a.url, q.article_id
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id
        LEFT JOIN speakers os ON os.id = q.original_speaker_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY q.status != 'unreviewed', q.orphaned_from IS NULL, q.status,
                 q.reviewed_at DESC, q.said_on DESC, q.article_id, q.start
        {"LIMIT ?" if limit is not None else ""}
    """  # fmt: skip
    cursor = db.conn.execute(sql, params + ([limit] if limit is not None else []))
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]


def history(db, quote_id: str) -> list[dict]:
    """The review log of a quote, oldest first, including the entries of the quotes it
    was carried over from when its article was re-indexed."""
    ids, pending = [], [get_quote(db, quote_id)["id"]]
    while pending:
        current = pending.pop()
        if current in ids:
            continue
        ids.append(current)
        pending += [old for (old,) in db.conn.execute(
            "SELECT old_value FROM review_log WHERE quote_id = ? AND field = 'id'", [current])]  # fmt: skip
    cursor = db.conn.execute(
        f"SELECT * FROM review_log WHERE quote_id IN ({', '.join('?' * len(ids))}) ORDER BY id", ids
    )
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]


# ----- re-indexing ----------------------------------------------------------------------------------
def reviewed_quotes(db, article_ids: list[str]) -> list[dict]:
    """The quotes of these articles a person touched (status, note, correction), or
    orphaned: what re-indexing them must carry over."""
    found = []
    for article_id in article_ids:
        cursor = db.conn.execute(
            f"SELECT * FROM quotes q WHERE q.article_id = ? AND {_REVIEWED} ORDER BY q.start, q.id", [article_id]
        )
        keys = [d[0] for d in cursor.description]
        found += [dict(zip(keys, row)) for row in cursor.fetchall()]
    return found


def match_reviews(reviewed: list[dict], new: list[dict], *, same_text: bool) -> dict[str, dict]:
    """Old reviewed quote id -> the new quote row it becomes; one to one.

    In order: the same id; the same extracted wording (nearest start first); the best
    fuzzy match scoring ``MATCH_SCORE`` or more, by rapidfuzz ratio of the normalized
    wordings or, when the article text is unchanged (``same_text``), by how much the
    spans overlap. Old quotes are compared by their extraction (``original_text`` when
    the text was corrected, ``original_speaker_id`` when reattributed). Except for the
    same id, a new quote must have the old one's extracted speaker: a verdict on what
    one person said never moves to another person's words, however alike.
    """
    pairs, taken = {}, set()
    by_id = {row["id"]: row for row in new}
    for old in reviewed:
        if old["id"] in by_id:
            pairs[old["id"]] = by_id[old["id"]]
            taken.add(old["id"])
    scored = []
    for old in reviewed:
        if old["id"] in pairs:
            continue
        extracted = old["original_text"] if old["original_text"] is not None else old["text"]
        for row in new:
            if row["id"] in taken or row.get("speaker_id") != extracted_speaker(old):
                continue
            distance = abs(row["start"] - old["start"])
            if row["text"] == extracted:
                scored.append((0, -100.0, distance, old["id"], row["id"]))
                continue
            score = fuzz.ratio(normalize(extracted), normalize(row["text"]))
            if same_text:
                overlap = min(row["end"], old["end"]) - max(row["start"], old["start"])
                union = max(row["end"], old["end"]) - min(row["start"], old["start"])
                score = max(score, 100.0 * max(0, overlap) / max(1, union))
            if score >= MATCH_SCORE:
                scored.append((1, -score, distance, old["id"], row["id"]))
    for _, _, _, old_id, new_id in sorted(scored):
        if old_id not in pairs and new_id not in taken:
            pairs[old_id] = by_id[new_id]
            taken.add(new_id)
    return pairs


def extracted_speaker(quote: dict) -> int | None:
    """The speaker extraction gave a quote, before any reattribution by a reviewer."""
    return quote.get("original_speaker_id") if quote.get("reattributed") else quote.get("speaker_id")


def carry_reviews(db, article_id: str, reviewed: list[dict], new: list[dict]) -> tuple[int, int]:
    """Carry the reviews of an article's old version onto its new quotes (see module doc).

    Runs inside ``save_article``'s transaction, after the old quotes were deleted and the
    new ones inserted. Returns (reviews kept on a matching quote, quotes orphaned).
    """
    same_text = all(old["article_id"] == article_id for old in reviewed)
    pairs = match_reviews(reviewed, new, same_text=same_text)
    carried, orphaned, orphans = [], [], []
    for old in reviewed:
        row = pairs.get(old["id"])
        if row is None:
            orphans.append(old)
            continue
        updates = {k: old[k] for k in ("status", "notes", "reviewed_by", "reviewed_at")}
        updates["orphaned_from"] = None
        if old["original_text"] is not None:  # the correction stays; the extraction is the new one
            updates.update(text=old["text"], text_key=text_key(old["text"]), original_text=row["text"])
        if old["reattributed"]:
            updates.update(speaker_id=old["speaker_id"], original_speaker_id=row["speaker_id"], reattributed=1)
        assignments = ", ".join(f"{column} = :{column}" for column in updates)
        db.conn.execute(f"UPDATE quotes SET {assignments} WHERE id = :id", {**updates, "id": row["id"]})
        if row["id"] != old["id"]:
            carried.append((row["id"], "id", old["id"], row["id"]))
        if old["orphaned_from"] is not None:
            carried.append((row["id"], "orphaned_from", old["orphaned_from"], None))
    for old in orphans:
        moved = {**old, "article_id": article_id, "orphaned_from": old["orphaned_from"] or old["article_id"]}
        columns = ", ".join(f"[{column}]" for column in moved)
        db.conn.execute(f"INSERT INTO quotes ({columns}) VALUES ({', '.join(':' + c for c in moved)})", moved)
        if old["orphaned_from"] is None:
            orphaned.append((old["id"], "orphaned_from", None, old["article_id"]))
        elif old["article_id"] != article_id:
            orphaned.append((old["id"], "article_id", old["article_id"], article_id))
    at = utc_now()
    log(db, carried, SYSTEM, at, "carried")
    log(db, orphaned, SYSTEM, at, "orphaned")
    return len(reviewed) - len(orphans), len(orphans)
