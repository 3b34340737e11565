"""The article's names: runs of capitalised words repaired, and how two names are compared.

Pass ``name_spans`` of the cast (``cast.py``) reads the names once: the tagger and the
entity recogniser cut names short (« Andrej » for Andrej Babiš) or run them on (« Ivan Du Roy
abonde »), and a capital at a sentence's start says nothing. ``name_key`` is the key two
mentions of one name share (accents, capitals, an honorific or an article aside), and
``display_name`` and ``fuller`` choose what the cast calls an entity.
"""

from __future__ import annotations

import re

from ..nlp.document import Token
from . import lexicon
from .index import DocIndex
from .speakers import HONORIFICS, PARTICLES, fold

# Capitalised words that open a title, not a name: le Premier ministre, la Haute Autorité.
COMMON_CAPITALS = {"premier", "première", "haut", "haute", "grand", "grande", "nouveau", "nouvelle", "vice", "ancien", "ancienne"}


def capitalised(t: Token) -> bool:
    return t.text[:1].isupper() and t.upos not in ("PUNCT", "NUM") and fold(t.text) not in HONORIFICS


def _opens_sentence(toks, k: int, text: str) -> bool:
    """Does toks[k] open a sentence (or a paragraph, or a quotation)?"""
    if k == 0:
        return True
    prev = toks[k - 1]
    return prev.text in (".", "!", "?", "…", ":", "«", "“", '"', "—", "–", "-") or "\n" in text[prev.end : toks[k].start]


def _name_start(toks, k: int, ix: DocIndex) -> bool:
    """Can a name begin at toks[k]? A capitalised word that is a name for the tagger or the
    entity recogniser; at a sentence's start, a capital says nothing, so a common word there
    (Assis, Choisir, Réplique) opens no name."""
    t = toks[k]
    if not capitalised(t) or fold(t.text) in COMMON_CAPITALS or fold(t.text) in PARTICLES or t.upos in ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX"):
        return False
    labelled = bool(ix.entity_labels(t.start, t.end))
    if _opens_sentence(toks, k, ix.text):
        if t.text.isupper() and len(t.text) > 1:
            return True  # SYLVIE ARNOUX. - / l'INSEE
        if fold(t.text.split("-")[0]) in lexicon.first_names() or (_opens_entity(ix, t) and k + 1 < len(toks) and toks[k + 1].text[:1].isupper()):
            return True  # Yannick Le Bras, whatever the tagger made of Yannick
        if _next_capitalised(toks, k):
            return t.upos == "PROPN"
        # one capitalised word, then a preposition or an article: a participle or a noun
        # opening the sentence (Assis devant sa ferme, Réplique de X), not a name
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.upos in ("ADP", "DET") and nxt.text[:1].islower():
            return False
        return t.upos == "PROPN" and labelled
    return t.upos in ("PROPN", "X", "NOUN", "ADJ", "VERB") or labelled


def _opens_entity(ix: DocIndex, t: Token) -> bool:
    """Does a name of several words the recogniser found start at ``t``?"""
    return any(e.start == t.start and e.end > t.end and e.label in ("PER", "ORG") for e in ix.entities)


def _next_capitalised(toks, k: int) -> bool:
    return k + 1 < len(toks) and capitalised(toks[k + 1]) and toks[k + 1].upos != "DET"


def _same_entity(ix: DocIndex, first: Token, other: Token) -> bool:
    """Do two tokens lie in one span of the entity recogniser?"""
    return any(e.start <= first.start and other.end <= e.end for e in ix.entities if e.start <= first.start)


def name_spans(ix: DocIndex) -> list[tuple[int, int]]:
    """Pass ``name_spans``: the article's names as token index ranges [a, b], repaired: the
    run of capitalised words with the particles inside it (de, du, van, ben, al-, Le), never
    a lowercase word or a verb after it, never a sentence-initial common word."""
    toks = ix.tokens
    ix_starts = {e.start for e in ix.entities}
    spans = []
    k = 0
    while k < len(toks):
        if not _name_start(toks, k, ix):
            k += 1
            continue
        j = k
        while j + 1 < len(toks) and toks[j + 1].start - toks[j].end <= 1:
            nxt = toks[j + 1]
            if nxt.start == toks[j].end and toks[j].text[-1:] in ("'", "’") and nxt.text.lower() == "s":
                j += 1  # Moody's cut in two
            elif nxt.start in ix_starts and not _same_entity(ix, toks[k], nxt):
                break  # le maire de Londres Sadiq Khan: two names side by side
            elif capitalised(nxt) and not (nxt.upos in ("AUX", "VERB") and not nxt.text.isupper() and nxt.text.lower() == nxt.lemma):
                j += 1
            elif (nxt.text.lower() in PARTICLES or nxt.text == "-") and j + 2 < len(toks) and capitalised(toks[j + 2]) and toks[j + 2].start - nxt.end <= 1:
                j += 2
            else:
                break
        spans.append((k, j))
        k = j + 1
    return spans


def name_key(name: str) -> tuple[str, ...]:
    """A name's comparison key: folded words, without an honorific or an article."""
    words = re.split(r"[\s]+", fold(name).replace("’", "'").strip(" .,"))
    while words and (words[0] in HONORIFICS or words[0] in ("le", "la", "les")):
        words = words[1:]
    if words and words[0].startswith("l'"):
        words[0] = words[0][2:]
    return tuple(w for w in words if w)


def display_name(name: str) -> str:
    """SYLVIE ARNOUX -> Sylvie Arnoux; an acronym (CGT, OMS) stays as written."""
    words = name.split()
    if len(words) > 1 and all(w.isupper() and len(w) > 2 for w in words):
        return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)
    return name


def fuller(a: str, b: str) -> bool:
    """Is name ``a`` fuller than ``b`` (more words; of equal length, not in capitals)?"""
    return (len(a.split()), not a.isupper(), len(a)) > (len(b.split()), not b.isupper(), len(b))
