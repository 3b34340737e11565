"""What the text says about a name of the cast, read by its passes (``cast.py``): whether a
one-word name is a place, the role or description apposed to a name (le ministre de la
Santé, X / X, porte-parole de Y / X est le ...), a body's grammatical gender, an acronym's
expansion. The cast passes itself in (``cast.ix``, ``cast.text``, ``cast.entities``): this
module imports nothing of ``cast.py``, which imports it.
"""

from __future__ import annotations

import re
from ..nlp.document import Token
from . import lexicon
from .names import name_key
from .speakers import fold

# Words of an expansion that its acronym skips: Organisation mondiale de la santé (OMS).
ACRONYM_SKIPS = {"de", "du", "des", "d'", "d", "la", "le", "les", "l'", "l", "et", "en", "pour", "à", "au", "aux", "sur"}
# Longest acronym expansion looked for before its parentheses, in words: the longest French
# institutional names (Institut national de la statistique et des études économiques) hold 9.
EXPANSION_WORDS = 12
DET = {"le", "la", "l'", "l’", "les"}
_AGE = re.compile(r"^\d+\s+ans$")


# ----- places ------------------------------------------------------------------------------
# Nouns whose "de" complement is a place: le maire de Ploërmel, les quartiers de Vuibroye.
PLACE_NOUNS = {"commune", "ville", "village", "quartier", "habitant", "maire", "mairie", "syndic", "bourgmestre", "canton", "département", "région", "agglomération", "métropole", "banlieue", "environs", "périphérie"}


def named_as_place(toks, a: int, labels) -> bool:
    """A one-word name the sentence shows as a place: after a noun of places and "de" (le
    maire de Ploërmel), or after "à" / "en" when the recogniser does not read a person."""
    before = toks[a - 1].text.lower().replace("’", "'") if a else ""
    if before in ("à", "en") and "PER" not in labels:
        return True
    k = a - 2
    while k > 0 and toks[k].text in ("»", "”", '"'):
        k -= 1  # « ... des quartiers » de Vuibroye
    return before in ("de", "d'") and k >= 0 and toks[k].upos == "NOUN" and toks[k].lemma.lower() in PLACE_NOUNS


def place_over_person(place, person) -> bool:
    """One word read as a place once and as a person once, with no first name or title to
    say it is a person (the recogniser calls unknown place names persons): a place."""
    return place.kind == "place" and person.kind == "person" and person.gender is None and len(person.words) == 1


# ----- apposition helpers -------------------------------------------------------------------
# Endings of nouns for someone who does something (opératrice, viticulteur, économiste,
# porte-parole aside): evidence that an apposition is a role, beside the word lists.
AGENT_ENDINGS = ("eur", "euse", "trice", "iste", "ier", "ière", "ien", "ienne", "ant", "ante", "aire", "ent", "ente", "logue", "ate", "at")


def _role_noun(t: Token) -> bool:
    low = t.text.lower()
    return t.upos == "NOUN" and t.text[:1].islower() and (
        t.lemma.lower() in lexicon.human_nouns() or low in lexicon.human_nouns() or low.rstrip("s").endswith(AGENT_ENDINGS)
    )


def _role_words(toks, a: int, b: int) -> bool:
    """Do toks[a:b] read as a role: words of a noun phrase whose first noun is one for a
    person or a body (a word list's, or by its agent ending: opératrice, viticulteur)?"""
    seg = toks[a:b]
    # (a participle belongs to a role: le ministre délégué chargé de la Santé)
    if not seg or not all(t.upos in ("DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM", "X") or t.feats.get("VerbForm") == "Part" or t.text in ("'", "’", "-") for t in seg):
        return False
    head = next((t for t in seg if t.upos == "NOUN"), None)
    return head is not None and _role_noun(head)


def _role_text(cast, seg) -> tuple[str, int, int] | None:
    while seg and (seg[0].text.lower().replace("’", "'") in DET or seg[0].upos == "DET"):
        seg = seg[1:]
    while seg and (seg[-1].upos in ("ADP", "DET") or seg[-1].text in (",", "'", "’")):
        seg = seg[:-1]
    if not seg:
        return None
    start, end = seg[0].start, seg[-1].end
    return cast.text[start:end], start, end


def role_before(cast, a: int):
    """ROLE, NAME / DET ROLE NAME, the role opening with its article."""
    toks = cast.ix.tokens
    if a >= 2 and toks[a - 1].text == ",":
        j = a - 2
        while j >= 0 and toks[j].text not in (",", ".", ":", ";", "«", "»", "(", ")") and a - j < 16:
            j -= 1
        seg_start = j + 1
        # the role opens with its article (le maire de Vannes, ...), right after a sentence start or a preposition
        if seg_start < a - 1 and toks[seg_start].text.lower().replace("’", "'") in DET and _role_words(toks, seg_start, a - 1):
            return _role_text(cast, toks[seg_start : a - 1])
        return None
    j = a - 1
    while j >= 0 and toks[j].upos in ("NOUN", "ADJ") and toks[j].text[:1].islower() and a - j < 4:
        j -= 1
    if j >= 0 and j < a - 1 and toks[j].text.lower().replace("’", "'") in DET and any(t.upos == "NOUN" for t in toks[j + 1 : a]):
        return _role_text(cast, toks[j:a])
    return None


def role_after(cast, b: int):
    """NAME, ROLE, / NAME, 52 ans, ROLE, : an apposition closed by a comma, a colon, a full
    stop or the verb."""
    toks = cast.ix.tokens
    k = b + 1
    if k >= len(toks) or toks[k].text != ",":
        return None
    k += 1
    seg = []
    while k < len(toks) and toks[k].text not in (",", ".", ":", ";", "(", ")", "«", "»") and len(seg) < 14:
        seg.append(toks[k])
        k += 1
    if seg and _AGE.match(cast.text[seg[0].start : seg[-1].end]) and k < len(toks) and toks[k].text == ",":
        return role_after(cast, k - 1)  # Sandrine Morel, 52 ans, opératrice ...
    if k >= len(toks) or toks[k].text not in (",", ":", "."):
        return None
    if not seg or seg[0].upos not in ("NOUN", "DET", "ADJ") or seg[0].text[:1].isdigit() or not _role_words(toks, seg[0].i, seg[-1].i + 1):
        return None
    if seg[0].upos == "DET" and seg[0].text.lower() not in DET and seg[0].text.lower().replace("’", "'") not in DET:
        return None  # Jean Dupont, un habitant: an indefinite describes, it is no role
    # a preposition opens a complement (X, à Paris,), a role opens with a noun
    return _role_text(cast, seg)


def predicate(cast, b: int):
    """NAME est le ROLE / NAME, qui est le ROLE."""
    toks = cast.ix.tokens
    k = b + 1
    if k + 2 < len(toks) and toks[k].text.lower() in ("est", "était", "fut") and toks[k + 1].text.lower().replace("’", "'") in DET:
        j = k + 2
        while j < len(toks) and (toks[j].upos in ("NOUN", "ADJ", "ADP", "DET", "PROPN") and toks[j].text not in (",", ".")) and j - k < 12:
            j += 1
        if _role_words(toks, k + 2, j):
            return _role_text(cast, toks[k + 1 : j])
    return None


def body_gender(toks, a: int) -> str | None:
    """A body's grammatical gender: its article (la SNCF, le TGV, du Mali), else its first
    word's (Organisation mondiale de la santé), which descriptions agree with."""
    before = toks[a - 1].text.lower() if a else ""
    if a and toks[a - 1].upos == "NOUN" and toks[a - 1].feats.get("Gender"):
        return toks[a - 1].feats["Gender"]  # la société Marvelec: the noun it is named after
    if before in ("le", "du", "au"):
        return "Masc"
    if before == "la" or (a > 1 and before == "la" and toks[a - 2].text.lower() == "de"):
        return "Fem"
    return toks[a].feats.get("Gender")


# ----- acronym helpers ----------------------------------------------------------------------
def acronym_word(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2) and letters[0].isupper()


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s'’-]+", name) if w and fold(w) not in ACRONYM_SKIPS]
    return "".join(fold(w)[0] for w in words)


def expansion(cast, paren: int, short: str) -> tuple[int, int, str] | None:
    """The words before "(ACR)" whose initials spell it, opening with a capital."""
    toks = cast.ix.tokens
    want = fold(short.replace(".", ""))
    j = paren - 1
    while j >= 0 and paren - j <= EXPANSION_WORDS and toks[j].text not in (",", ".", "(", ")", ":", ";", "«", "»"):
        text = cast.text[toks[j].start : toks[paren - 1].end]
        if toks[j].text[:1].isupper() and initials(text) in (want, want[:-1]) and len(initials(text)) >= 2:
            return toks[j].start, toks[paren - 1].end, text
        j -= 1
    return None


def find_entity(cast, name: str):
    key = name_key(name)
    return next((e for e in cast.entities if name_key(e.name) == key or any(name_key(m.text) == key for m in e.mentions if m.how != "apposition")), None)
