"""What one speaker row holds: its kind, its role, its folded keys and its aliases.

Below both ``speakers`` (identity across articles) and ``review`` (a reviewer naming a
new speaker), which create speaker rows the same way: a speaker created by a review gets
the kind of what it names, like one found by extraction.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text.word_lists import organizations
from ..extract import lexicon
from ..text.folding import fold

KINDS = ("person", "organization", "outlet", "anonymous", "group", "unknown")  # outlet: set by a reviewer
ARTICLES = ("le ", "la ", "les ", "l'")
INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines", "quelques", "deux", "trois", "d'autres", "nombre", "aucun"}
PARTICLES = {"le", "la", "de", "du", "des", "d'", "van", "von", "der", "den", "ben", "bin", "el", "al", "da", "di", "dos"}
MAX_ROLE_WORDS = 14
_PROPER_WORD = re.compile(r"(?:^|[\s'’-])[A-ZÀ-ÖØ-Þ]")  # a capitalised word, « l'Intérieur » included
_ROLE_DEBRIS = re.compile(r"[@#«»“”|]|https?:|www\.|\d{1,2}:\d{2}")


def last_name(folded: str) -> str | None:
    """« marine le pen » -> « le pen »: the last word with the particles before it."""
    words = folded.split()
    if not words:
        return None
    k = len(words) - 1
    while k > 1 and words[k - 1] in PARTICLES:
        k -= 1
    return " ".join(words[k:])


def is_bare(name: str) -> bool:
    """A last name or first name alone (« Stoltenberg », « Le Pen », « Marie »)."""
    folded = fold(name)
    words = folded.split()
    return bool(words) and (len(words) == 1 or (words[0] in PARTICLES and last_name(folded) == folded))


def strip_article(folded: str) -> str:
    """« la russie » -> « russie »: the name without its leading article."""
    for article in ARTICLES:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article) :]
    return folded


def is_description(name: str) -> bool:
    """« une source proche du dossier », « maire », « les manifestants »: a common noun
    phrase, not a name (its first word after any article is not capitalised)."""
    words = name.split()
    if words and fold(words[0]) in INDEFINITE | {"le", "la", "les", "l'"}:
        words = words[1:]
    if name.lower().startswith(("l'", "l’")) and words:
        words = [words[0][2:]] + words[1:]
    return bool(words) and not words[0][:1].isupper()


def has_determiner(name: str) -> bool:
    """« une source », « le maire », « l'entourage »: a noun phrase, as no typed name is."""
    words = fold(name).split()
    return bool(words) and (words[0] in INDEFINITE | {"le", "la", "les"} or words[0].startswith("l'"))


def kind_of(name: str, extracted: str | None = None) -> str:
    """The speaker kind of ``name`` (see ``KINDS``), ``extracted`` being what the
    extraction said in the article (it knows the entity label; the lists know more)."""
    folded = fold(name)
    if folded in organizations() or strip_article(folded) in organizations():
        return "organization"
    first = folded.split()[0] if folded else ""
    if len(name.split()) > 1 and name[:1].isupper() and organizations().get(first) in ("company", "outlet"):
        return "organization"  # a company's name opening a product's or a service's (Google Trends, Apple Music)
    if is_description(name):
        head = strip_article(folded).split()
        if first == "les" or (first in INDEFINITE and extracted not in ("anonymous", None) and extracted != "person"):
            return "group"
        if head and head[0] in _organization_nouns():
            return "organization"
        return "anonymous"
    if extracted in KINDS and extracted != "unknown":
        return extracted
    words = name.split()
    if len(words) > 1 and fold(words[0]) in lexicon.first_names():
        return "person"
    return "unknown"


@lru_cache(maxsize=None)
def _organization_nouns() -> frozenset[str]:
    """Head nouns of bodies speaking as one (la préfecture), folded."""
    return frozenset(fold(noun) for noun in lexicon.speaker_nouns()["organization"])


def is_scoped(name: str, kind: str) -> bool:
    """Scoped to its article: anonymous sources, groups, and organizations named by a
    bare description (« la préfecture »); « le ministère de l'Intérieur » is not."""
    if kind in ("anonymous", "group"):
        return True
    return is_description(name) and not _PROPER_WORD.search(name)


def clean_role(role: str | None) -> str | None:
    """The role as stored, or None when it is debris: a fragment of a post (handles,
    hashtags, links, times), a sentence rather than a title, a lone noun that is no
    function (« homme »)."""
    if not role:
        return None
    role = " ".join(role.split()).strip(" ,;:-–")
    words = role.split()
    if not words or len(words) > MAX_ROLE_WORDS or _ROLE_DEBRIS.search(role):
        return None
    if len(words) == 1:
        nouns = lexicon.speaker_nouns()
        if fold(role) not in {fold(n) for n in nouns["role"] | nouns["anonymous"]}:
            return None
    return role


def refresh_roles(db, speaker_ids) -> None:
    """Each speaker's summary role: the role of its latest quote that has one."""
    db.conn.executemany(
        "UPDATE speakers SET role = coalesce((SELECT q.role FROM quotes q WHERE q.speaker_id = speakers.id"
        " AND q.role IS NOT NULL ORDER BY q.said_on DESC, q.rowid DESC LIMIT 1), role) WHERE id = ?",
        [(speaker_id,) for speaker_id in speaker_ids],
    )


def create_speaker(db, name: str, kind: str, role: str | None = None, article_id: str | None = None) -> int:
    """Insert a speaker row (global, or scoped to ``article_id``) and return its id."""
    folded = fold(name)
    return db.conn.execute(
        "INSERT INTO speakers (name, kind, role, article_id, key, last_key) VALUES (?, ?, ?, ?, ?, ?)",
        [name, kind, role, article_id, folded, last_name(folded)],
    ).lastrowid


def add_aliases(db, speaker_id: int, aliases) -> None:
    """Record aliases (spellings the speaker was found under); an alias already owned
    by another speaker stays with it: the first article to use a name keeps it."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id, key) VALUES (?, ?, ?)",
        [(alias, speaker_id, fold(alias)) for alias in dict.fromkeys(aliases) if alias and alias.strip()],
    )


# Characters a reader never sees: controls (ESC), format characters (U+200B, U+2060, the
# bidi controls), private use, lone surrogates. A name is never made of them.
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Co", "Cs", "Cn")
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)", re.DOTALL)


def typed_name(name: str) -> str | None:
    """A speaker's name as a person typed it, made storable: invisible characters
    removed and spaces collapsed; None unless a visible letter is left (« \u200b » or
    an escape alone would make a speaker nobody can see, read or search for)."""
    kept = " ".join(_ESCAPE_SEQUENCE.sub("", name).split())
    kept = "".join(c for c in kept if unicodedata.category(c) not in _INVISIBLE_CATEGORIES)
    kept = " ".join(kept.split())
    return kept if any(c.isalpha() for c in kept) else None


def shown_name(name: str) -> str:
    """A refused name as an error line shows it: invisible characters as ``<U+200B>``."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in _INVISIBLE_CATEGORIES else c for c in name)


def same_key_speaker(db, name: str, *, article_id: str | None = None, other_than: int | None = None) -> str | None:
    """The name of another speaker whose name or alias folds like ``name`` (the folding
    ``search --speaker`` uses), or None. Global speakers are compared with global ones,
    a speaker scoped to an article with those of the same article: two speakers sharing
    a key would answer each other's searches."""
    key = fold(name)
    scope, params = ("s.article_id IS NULL", [key, key]) if article_id is None else ("s.article_id = ?", [key, key, article_id])
    row = db.conn.execute(
        "SELECT s.name FROM speakers s WHERE (s.key = ? OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE key = ?))"
        f" AND {scope} AND s.id != ? ORDER BY s.id LIMIT 1",
        [*params, -1 if other_than is None else other_than],
    ).fetchone()
    return row[0] if row else None

