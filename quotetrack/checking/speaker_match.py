"""Whether the speaker of a source is the one a claim names: the speaker check of ``verify``.

Split from ``verify.py``, which finds the sources: this module reads the archive's speakers
(names, aliases, recorded roles) and the article's own words, since a source is often a
description (« le ministre de la Santé ») the article ties to a name only in apposition.
The answer is True, False, or None when the source names nobody identifiable; the verdict
(``verdicts.py``) turns it into misattributed or unattributed.
"""

from __future__ import annotations

import re
import unicodedata

from ..archive.search import speaker_ids
from ..archive.speaker_rows import strip_article
from ..text.folding import fold, normalize_name

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


def _aliases(db, speaker_id) -> list[str]:
    if speaker_id is None:
        return []
    return [a for (a,) in db.conn.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])]
