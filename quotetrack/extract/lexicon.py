"""Word lists that drive extraction, read from the data files beside this module.

Keeping them as data makes them reviewable by journalists and extendable without
touching code, as textacy keeps its reporting verbs in a constants module.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).parent


def _lines(name: str):
    for line in (_HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _sections(name: str) -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, set()).add(line.lower())
    return {k: frozenset(v) for k, v in sections.items()}


@lru_cache(maxsize=None)
def reporting_verbs() -> frozenset[str]:
    """Single-word reporting verb lemmas; reflexive ones (s'insurger, se féliciter) also
    under their bare lemma, which is what lemmatisers give."""
    verbs = set()
    for line in _lines("reporting_verbs.txt"):
        for prefix in ("s'", "se "):
            if line.startswith(prefix):
                verbs.add(line)
                line = line[len(prefix):]
        if " " not in line:
            verbs.add(line)
    return frozenset(verbs)


@lru_cache(maxsize=None)
def multiword_cues() -> dict[str, frozenset[str]]:
    """``faire valoir`` -> {"faire": {"valoir", ...}}: the verb, then the word that must follow."""
    cues: dict[str, set[str]] = {}
    for line in _lines("reporting_verbs.txt"):
        first, _, second = line.partition(" ")
        if second and first not in ("se", "s'"):
            cues.setdefault(first, set()).add(second)
    return {k: frozenset(v) for k, v in cues.items()}


@lru_cache(maxsize=None)
def cue_prepositions() -> frozenset[str]:
    """One-word frames (selon, d'après, pour); the multiword ones are ``multiword_frames``."""
    return frozenset(w for w in _lines("cue_prepositions.txt") if " " not in w)


@lru_cache(maxsize=None)
def multiword_frames() -> tuple[tuple[str, ...], ...]:
    """Frames of several words (aux yeux de, à en croire), as word tuples, longest first."""
    # words as the tokenizers cut them: an elided article is a word of its own (l' avis)
    frames = {tuple(re.findall(r"[^\s']+'?", w)) for w in _lines("cue_prepositions.txt") if " " in w}
    return tuple(sorted(frames, key=len, reverse=True))


@lru_cache(maxsize=None)
def _frame_openers() -> frozenset[str]:
    return frozenset(frame[0] for frame in multiword_frames())


def multiword_frame(toks, k: int) -> tuple[str, ...] | None:
    """The multiword frame (aux yeux de, à en croire) that starts at toks[k], if one does."""
    if toks[k].text.lower() not in _frame_openers():
        return None  # most words open no frame: asked of every word of every sentence
    words = [t.text.lower().replace("’", "'") for t in toks[k : k + 4]]
    for frame in multiword_frames():
        if tuple(words[: len(frame)]) == frame:
            return frame
    return None


@lru_cache(maxsize=None)
def naming_words() -> dict[str, frozenset[str]]:
    return _sections("naming_words.txt")


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def speaker_nouns() -> dict[str, frozenset[str]]:
    """Head nouns by kind of speaker, each also without its accents, since callers compare
    lemmas both as written and folded (présidence, presidence)."""
    return {k: v | {_unaccented(w) for w in v} for k, v in _sections("speaker_nouns.txt").items()}


@lru_cache(maxsize=None)
def person_nouns() -> frozenset[str]:
    """Nouns for one person: a person without a function (l'homme, la veuve) or a role (le
    maire, la ministre); not a group, an organisation or a document."""
    nouns = speaker_nouns()
    return nouns["person"] | nouns["role"]


@lru_cache(maxsize=None)
def first_names() -> dict[str, str]:
    """Common first names -> grammatical gender (Masc / Fem), to agree pronouns with names."""
    genders = {}
    for section, names in _sections("first_names.txt").items():
        for name in names:
            genders[name] = section
    return genders


def first_name_gender(word: str) -> str | None:
    """Gender of a first name as written, folded (``fold``) by the caller. A compound first
    name (anne-laure, jean-marc, pierre-alain) takes the gender of its first part, as in
    French usage (jean-marie is a man's name); both parts must be first names, so that a
    hyphenated surname (dumont-rey) or a place (saint-malo) is none."""
    names = first_names()
    if word in names:
        return names[word]
    parts = word.split("-")
    if len(parts) == 2 and all(p in names for p in parts):
        return names[parts[0]]
    return None


def is_first_name(word: str) -> bool:
    return first_name_gender(word) is not None


@lru_cache(maxsize=None)
def human_nouns() -> frozenset[str]:
    """Nouns that denote a person or a group of people: every section of
    speaker_nouns.txt but the ones that say what is no speaker."""
    nouns = _sections("speaker_nouns.txt")  # as written: without accents, cure would be curé
    return frozenset().union(*(words for section, words in nouns.items() if section not in ("document", "not_speaker")))
