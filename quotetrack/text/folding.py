"""Folding text for comparison: the same name or the same words however they are written.

Two foldings, for two uses. ``fold`` compares *names* (speakers, outlets): accents and case
go, hyphens and curly apostrophes are unified, so « L’Élysée » and "l'elysee" are one key.
``words`` and ``normalize`` compare *wordings* (quotes and claims): a word is letters and
digits only, so quotation marks, apostrophes and punctuation vanish, and each word is folded
for case, accents and ligatures (« cœur » is « coeur »). Every layer that stores, searches or
verifies text folds it here, so that what is written and what is looked for always agree.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: letters and digits, and the combining marks of a decomposed (NFD) text, so that
# « re\u0301fle\u0301chir » is one word, folded like « réfléchir ».
_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])*")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
_HONORIFICS = re.compile(r"^(m|mm|mme|mlle|dr|pr|me|mgr)\.?\s+", re.I)  # "Dr" and "Dr." alike


@lru_cache(maxsize=65536)
def fold(value: str | None) -> str | None:
    """Accent- and case-insensitive form of a name: « L’Élysée » -> "l'elysee". (Cached:
    the indexer folds every speaker's name and alias of every article.)"""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", value.replace("\u2019", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("-", " ").casefold().split())


@dataclass(frozen=True)
class Word:
    """A word of a text: as written, folded for comparison, and where it is."""

    text: str
    folded: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """``Égalité`` -> ``egalite``, ``cœur`` -> ``coeur``: case, accents and ligatures.
    (Cached: every stored quote's words are folded, and words come back.)"""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of ``text``, with their offsets (plus ``offset``) in it."""
    return [
        Word(m.group(), fold_word(m.group()), m.start() + offset, m.end() + offset)
        for m in _WORD.finditer(text)
    ]


def ligature_variants(word: str) -> list[str]:
    """A word as written, then with its ligatures spelt out, then with « oe » and « ae »
    as ligatures: ``manoeuvres`` -> ``["manoeuvres", "manœuvres"]``. For a full-text
    index whose tokenizer folds accents but not ligatures: asking for every spelling
    finds the word however it was typed or printed (``fold_word`` folds them for scoring)."""
    lowered = word.casefold()
    plain = lowered.translate(_LIGATURES)
    joined = plain.replace("oe", "œ").replace("ae", "æ")
    return list(dict.fromkeys(v for v in (word, plain, joined) if v.casefold() != word.casefold() or v is word))


def normalize(text: str) -> str:
    """« L’Otan… » and "l'OTAN..." alike: ``l otan``. Punctuation and ellipses vanish."""
    return " ".join(fold_word(m.group()) for m in _WORD.finditer(text))


def text_key(text: str) -> str:
    """The hash of a quote's normalized wording: equal for near-identical copies."""
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:16]


def normalize_name(name: str) -> str:
    """« M. Jean-Paul Delevoye » -> ``jean-paul delevoye``: a person's name as words to compare.

    Case, accents and honorifics go; hyphens stay, so that « Paul Delevoye » is not taken
    for the last two words of « Jean-Paul Delevoye ». Evaluation and verification compare
    speakers' names this way, word by word from the end."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2019", "'")
    return re.sub(r"[^\w' -]", "", _HONORIFICS.sub("", folded)).strip()
