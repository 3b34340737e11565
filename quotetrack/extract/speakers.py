"""Who a mention stands for, within one article.

One canonical name per person: "M. Stoltenberg", "Stoltenberg" and "le Norvégien Jens
Stoltenberg" are all Jens Stoltenberg, the longest form of the name the article gives.
Pronouns go to the nearest compatible earlier speaker (gender and number from the
morphology, honorifics and common first names), preferring the previous quote's speaker
in a chain of « ... », a-t-il ajouté. Role descriptions (le Premier ministre) become the
person the article names with that role; anonymous sources keep their description.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..nlp.document import Token
from . import lexicon
from .cues import DE_WORDS, Mention
from .index import DocIndex

HONORIFICS = {"m.": "Masc", "mm.": "Masc", "mme": "Fem", "mmes": "Fem", "mlle": "Fem", "dr": None, "pr": None, "me": None, "mgr": "Masc", "sir": "Masc"}
PRONOUNS = {"il": ("Masc", "Sing"), "elle": ("Fem", "Sing"), "ils": ("Masc", "Plur"), "elles": ("Fem", "Plur")}
INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines", "deux", "trois", "quelques", "d'autres", "nombre"}


@dataclass
class Speaker:
    name: str | None
    kind: str = "unknown"
    role: str | None = None
    gender: str | None = None
    number: str = "Sing"
    aliases: set = field(default_factory=set)


def fold(text: str) -> str:
    """Lowercase without accents, for comparisons."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def _is_name_token(t: Token) -> bool:
    return t.text[:1].isupper() and t.upos in ("PROPN", "NOUN", "X", "ADJ", "VERB") and t.text.lower() not in HONORIFICS


def split_name(tokens: tuple[Token, ...]) -> tuple[list[Token], list[Token], str | None]:
    """(name tokens, description tokens, gender from an honorific) of a mention.

    The name is the final run of capitalised words; a capitalised word right after a
    determiner is a noun (le Norvégien, le Premier ministre), not part of the name.
    """
    toks = list(tokens)
    gender = None
    end = len(toks)
    k = end
    while k > 0 and (_is_name_token(toks[k - 1]) or (toks[k - 1].text.lower() in DE_WORDS | {"le", "la", "von", "van", "ben", "el", "al", "-"} and k - 1 > 0 and k < end and _is_name_token(toks[k - 2]))):
        k -= 1
    # a name cannot start with a particle
    while k < end and toks[k].text.lower() in DE_WORDS | {"le", "la", "-"}:
        k += 1
    name = toks[k:end]
    desc = toks[:k]
    while name and desc == [] and False:
        break
    if desc and desc[-1].text.lower() in HONORIFICS:
        gender = HONORIFICS[desc[-1].text.lower()]
        desc = desc[:-1]
    if name and desc and desc[-1].upos == "DET" and len(name) > 1:
        # le Norvégien Jens Stoltenberg: the word after the article is a description
        desc, name = desc + name[:1], name[1:]
    elif name and desc and desc[-1].upos == "DET" and len(name) == 1 and name[0].upos != "PROPN":
        desc, name = desc + name, []
    return name, desc, gender


def _gender_number(tokens) -> tuple[str | None, str]:
    gender, number = None, "Sing"
    for t in tokens:
        if t.upos in ("DET", "NOUN", "ADJ") and not t.text[:1].isupper() or t.upos == "DET":
            gender = gender or t.feats.get("Gender")
            if t.feats.get("Number") == "Plur" and t.upos in ("DET", "NOUN"):
                number = "Plur"
    return gender, number


def _words(tokens) -> str:
    return " ".join(t.text for t in tokens).replace("' ", "'").replace("’ ", "’").replace(" - ", "-")


class SpeakerResolver:
    def __init__(self, index: DocIndex):
        self.ix = index
        self.text = index.text
        self.names: list[tuple[int, list[str]]] = []  # (offset, name words) of every name in the text
        self.roles: dict[str, str] = {}  # folded role description -> full name
        self._collect_names()

    # ----- the article's names and roles ------------------------------------------------
    def _collect_names(self):
        toks = self.ix.tokens
        ents = [e for e in self.ix.doc.entities if e.label == "PER"]
        runs = []
        k = 0
        while k < len(toks):
            if toks[k].upos == "PROPN" and toks[k].text[:1].isupper():
                j = k
                while j + 1 < len(toks) and toks[j + 1].upos == "PROPN" and toks[j + 1].text[:1].isupper() and toks[j + 1].start - toks[j].end <= 1:
                    j += 1
                runs.append((k, j))
                k = j + 1
            else:
                k += 1
        for e in ents:
            inside = [t for t in self.ix.between(e.start, e.end)]
            if inside:
                runs.append((inside[0].i, inside[-1].i))
        seen = set()
        for a, b in sorted(runs):
            words = [t.text for t in toks[a : b + 1] if t.text.lower() not in HONORIFICS]
            is_person = b > a or any(e.start <= toks[a].start < e.end for e in ents) or (a > 0 and toks[a - 1].text.lower() in HONORIFICS)
            if not words or not is_person or (a, b) in seen:
                continue
            seen.add((a, b))
            self.names.append((toks[a].start, words))
            self._collect_role(a, b, words)

    def _collect_role(self, a: int, b: int, words: list[str]):
        """Roles the article ties to a name: "le président ukrainien X", "X, ministre de Y,"."""
        toks = self.ix.tokens
        k = a
        while k > 0 and toks[k - 1].upos in ("ADJ", "NOUN", "PROPN", "DET", "ADP") and toks[k - 1].text not in (",", ".") and not toks[k - 1].text.lower() in HONORIFICS:
            k -= 1
            if toks[k].upos == "DET" and (k == 0 or toks[k - 1].text.lower() not in DE_WORDS):
                break
        desc = [t for t in toks[k:a] if t.upos != "DET" or t.i != k]
        if a > 1 and toks[a - 1].text == ",":
            j = a - 1
            while j > 0 and toks[j - 1].upos in ("ADJ", "NOUN", "PROPN", "DET", "ADP") and toks[j - 1].text != ",":
                j -= 1
            desc = [t for t in toks[j : a - 1] if not (t.upos == "DET" and t.i == j)]
        if b + 2 < len(toks) and toks[b + 1].text == ",":
            j = b + 2
            after = []
            while j < len(toks) and toks[j].upos in ("ADJ", "NOUN", "PROPN", "DET", "ADP") and toks[j].text != ",":
                after.append(toks[j])
                j += 1
            if after and j < len(toks) and toks[j].text in (",", ".") and any(t.upos == "NOUN" for t in after):
                desc = desc or [t for t in after if not (t.upos == "DET" and t is after[0])]
        if desc and any(t.upos == "NOUN" for t in desc):
            self.roles.setdefault(fold(_words(desc)), " ".join(words))

    def canonical(self, words: list[str], offset: int) -> str:
        """The longest form of a name in the article that ends with the same surname."""
        folded = [fold(w) for w in words]
        best, best_key = words, (len(words), -1)
        for at, name in self.names:
            nf = [fold(w) for w in name]
            if nf[-1] != folded[-1] or not set(folded) <= set(nf):
                continue
            key = (len(name), -abs(offset - at) if at <= offset else -10**9 - at)
            if key > best_key:
                best, best_key = name, key
        return " ".join(best)

    def role_person(self, role: str) -> str | None:
        key = fold(role)
        if key in self.roles:
            return self.roles[key]
        matches = {name for r, name in self.roles.items() if r.startswith(key + " ") or key.startswith(r + " ")}
        return matches.pop() if len(matches) == 1 else None

    # ----- one mention -------------------------------------------------------------------
    def describe(self, mention: Mention) -> Speaker:
        """The speaker of a non-pronoun mention."""
        name_toks, desc, gender = split_name(mention.tokens)
        desc_gender, number = _gender_number(desc or mention.tokens)
        gender = gender or desc_gender
        role = _role(desc)
        ents = {e.label for e in self.ix.doc.entities if e.start < mention.end and mention.start < e.end}
        head_noun = next((t for t in desc if t.upos == "NOUN"), None)
        head = fold(head_noun.lemma if head_noun else "")
        nouns = lexicon.speaker_nouns()
        if name_toks:
            words = [t.text for t in name_toks]
            first = fold(words[0])
            gender = gender or lexicon.first_names().get(first)
            if "PER" not in ents and ("ORG" in ents or head in nouns["organization"]) and len(words) <= 2 and not lexicon.first_names().get(first):
                name = " ".join(words)
                return Speaker(name, "organization", None, None, number, {mention.text, name})
            if len(words) == 1 and "PER" not in ents and desc and desc[-1].upos == "DET" and not gender:
                name = " ".join(words)
                return Speaker(name, "organization", None, None, number, {mention.text, name})
            canonical = self.canonical(words, mention.start)
            return Speaker(canonical, "person", role, gender, "Sing", {mention.text, " ".join(words), canonical})
        det = desc[0].text.lower() if desc and desc[0].upos == "DET" else ""
        phrase = _words(mention.tokens)
        if head in nouns["anonymous"] and (det in INDEFINITE or not det):
            return Speaker(phrase[0].lower() + phrase[1:] if phrase[:1].isupper() and det else phrase, "anonymous", None, gender, number, {mention.text})
        bare = _words(desc[1:] if det else desc) or phrase
        if head in nouns["organization"] or "ORG" in ents:
            return Speaker(bare, "organization", None, None, number, {mention.text})
        person = self.role_person(bare) if role else None
        if person:
            return Speaker(person, "person", bare, gender, "Sing", {mention.text, person})
        kind = "anonymous" if det in INDEFINITE else "person"
        name = phrase[0].lower() + phrase[1:] if kind == "anonymous" and phrase[:1].isupper() else bare
        return Speaker(name, kind, bare if kind == "person" else None, gender, number, {mention.text})


def _role(desc: list[Token]) -> str | None:
    words = [t for t in desc if not (t.upos == "DET" and t is desc[0])]
    while words and (words[-1].text.lower() in DE_WORDS or words[-1].upos == "DET"):
        words = words[:-1]
    if not any(t.upos == "NOUN" or (t.upos in ("ADJ", "PROPN") and t.text[:1].isupper()) for t in words):
        return None
    return _words(words) or None


def compatible(speaker: Speaker, pronoun: str) -> bool:
    if pronoun not in PRONOUNS:
        return False
    gender, number = PRONOUNS[pronoun]
    if speaker.name is None:
        return False
    if number == "Plur":
        return speaker.number == "Plur" and speaker.gender in (None, gender)
    return speaker.number != "Plur" and speaker.gender in (None, gender)
