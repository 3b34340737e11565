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
from functools import lru_cache
from bisect import bisect_right
from dataclasses import dataclass, field

from ..nlp.document import Token
from . import lexicon
from .mentions import DE_WORDS, TIME_WORDS, Mention
from .index import DocIndex

HONORIFICS = {"m.": "Masc", "mm.": "Masc", "mme": "Fem", "mmes": "Fem", "mlle": "Fem", "dr": None, "pr": None, "me": None, "mgr": "Masc", "sir": "Masc"}
PRONOUNS = {"il": ("Masc", "Sing"), "elle": ("Fem", "Sing"), "ils": ("Masc", "Plur"), "elles": ("Fem", "Plur")}
DEFINITE = {"le", "la", "l'", "l’"}
INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines", "deux", "trois", "quelques", "d'autres", "nombre"}


@dataclass
class Speaker:
    name: str | None
    kind: str = "unknown"
    role: str | None = None
    gender: str | None = None
    number: str = "Sing"
    aliases: set = field(default_factory=set)
    definite: bool = False  # "la magistrate": a description that may point back to a person


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase without accents, for comparisons (cached: the same words come back on
    every page and in every pass of the cast)."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


# Capitalised words of titles that are no name: le Premier ministre, la Haute Autorité.
COMMON_CAPITALS = {"premier", "première", "haut", "haute", "grand", "grande", "nouveau", "nouvelle", "saint", "sainte", "vice"}
PARTICLES = {"en", "le", "la", "de", "du", "des", "d'", "d’", "van", "von", "der", "den", "ben", "bin", "el", "al", "da", "di", "dos", "-"}


def _capitalised(t: Token) -> bool:
    return t.text[:1].isupper() and t.text.lower() not in HONORIFICS and t.upos not in ("PUNCT", "NUM")


def name_end_run(toks: list[Token]) -> int:
    """Index where the final run of name words of ``toks`` starts (len(toks) if none):
    capitalised words, with particles (Le, de, van) and hyphens inside the run."""
    k = len(toks)
    while k > 0:
        t = toks[k - 1]
        inner = k < len(toks) and k - 1 > 0 and _capitalised(toks[k - 2])
        if _capitalised(t) and t.upos != "DET" or (_capitalised(t) and inner):
            k -= 1
        elif t.text.lower() in PARTICLES and inner and (t.text != "-" or (toks[k - 2].end == t.start and toks[k].start == t.end)):
            k -= 1
        elif t.upos == "NUM" and inner and len(t.text) <= 2:
            k -= 1  # France 3 Grand-Est
        else:
            break
    while k < len(toks) and toks[k].text.lower() in PARTICLES and not toks[k].text[:1].isupper():
        k += 1  # a lowercase particle opens no name; a capitalised one does (Al Jazeera, El Guerrab)
    return k


def split_name(tokens: tuple[Token, ...]) -> tuple[list[Token], list[Token], str | None]:
    """(name tokens, description tokens, gender from an honorific) of a mention.

    The name is the final run of capitalised words. It is no name when it is a
    complement (le maire de Vannes, la préfecture du Nord), and its first word is a
    description when it follows an article (le Norvégien Jens Stoltenberg).
    """
    toks = list(tokens)
    k = name_end_run(toks)
    name, desc = toks[k:], toks[:k]
    gender = None
    if desc and desc[-1].text.lower() in HONORIFICS:
        gender = HONORIFICS[desc[-1].text.lower()]
        desc = desc[:-1]
        return name, desc, gender
    if name and len(desc) > 1 and desc[-1].upos == "DET" and desc[-1].text[:1].isupper() and desc[-2].upos in ("NOUN", "ADJ"):
        return [desc[-1]] + name, desc[:-1], None  # le quotidien Le Figaro: the title keeps its article
    if name and desc:
        prev = desc[-1]
        before = desc[-2].text.lower() if len(desc) > 1 else ""
        if prev.text.lower() in DE_WORDS or prev.upos == "ADP" or (prev.upos == "DET" and (before in DE_WORDS or before in ("à", "dans", "en", "sur", "pour"))):
            return [], toks, None
        if prev.upos == "NOUN" and before in DE_WORDS and not prev.text[:1].isupper():
            return [], toks, None  # la directrice du festival Jazz en Baie: the festival's name, not hers
        if prev.upos == "DET" and len(name) > 1:
            desc, name = desc + name[:1], name[1:]
        elif prev.upos == "DET" and len(name) == 1 and name[0].upos != "PROPN":
            desc, name = desc + name, []
    return name, desc, gender


def _gender_number(tokens) -> tuple[str | None, str]:
    """Gender and number of a noun phrase, from its determiner and its head noun."""
    det = next((t for t in tokens if t.upos == "DET" or t.text.lower() in ("des", "du")), None)
    noun = next((t for t in tokens if t.upos == "NOUN"), None)
    gender = (noun.feats.get("Gender") if noun else None) or (det.feats.get("Gender") if det else None)
    plural = any(t is not None and t.feats.get("Number") == "Plur" for t in (det, noun))
    return gender, "Plur" if plural else "Sing"


class SpeakerResolver:
    def __init__(self, index: DocIndex):
        self.ix = index
        self.text = index.text
        self.names: list[tuple[int, list[str]]] = []  # (offset, name words) of every name in the text
        self.roles: dict[str, str] = {}  # folded role description -> full name
        self.by_surname: dict[str, dict[tuple, list[int]]] = {}  # surname -> name -> offsets
        self._collect_names()

    # ----- the article's names and roles ------------------------------------------------
    def _collect_names(self):
        """Every person's name in the text with its offset, and the roles tied to them."""
        toks = self.ix.tokens
        ents = [e for e in self.ix.doc.entities if e.label == "PER"]
        spans = set()
        k = 0
        while k < len(toks):
            if toks[k].upos == "PROPN" and _capitalised(toks[k]):
                j = k
                while j + 1 < len(toks) and toks[j + 1].start - toks[j].end <= 1 and (
                    (_capitalised(toks[j + 1]) and toks[j + 1].upos in ("PROPN", "DET", "NOUN", "X"))
                    or (toks[j + 1].text.lower() in PARTICLES and j + 2 < len(toks) and _capitalised(toks[j + 2]))
                ):
                    j += 1
                spans.add((k, j))
                k = j + 1
            else:
                k += 1
        for e in ents:
            inside = self.ix.between(e.start, e.end)
            cut = next((n for n, t in enumerate(inside) if not _capitalised(t) and t.text.lower() not in PARTICLES), len(inside))
            inside = inside[:cut]  # NER spans sometimes swallow the next words
            if inside:
                spans.add((inside[0].i, inside[-1].i))
        for a, b in sorted(spans):
            while a <= b and toks[a].text.lower() in set(HONORIFICS) | PARTICLES:
                a += 1
            if a > b or (a == b and toks[a].text.lower() in COMMON_CAPITALS):
                continue  # the Premier of "Premier ministre" is no name
            labels = self.ix.entity_labels(toks[a].start, toks[a].end)
            in_per = "PER" in labels
            honorific = toks[a - 1].text.lower() in HONORIFICS if a else False
            first_name = lexicon.is_first_name(fold(toks[a].text))
            if not (in_per or honorific or first_name or b > a):
                continue
            if labels & {"ORG", "LOC"} and not (in_per or honorific or first_name):
                continue
            name = self.text[toks[a].start : toks[b].end]
            self.names.append((toks[a].start, name.split()))
            words = tuple(name.split())
            self.by_surname.setdefault(fold(words[-1]), {}).setdefault(words, []).append(toks[a].start)
            self._collect_role(a, b, name)

    def _collect_role(self, a: int, b: int, name: str):
        """Roles the article ties to a name: "le président ukrainien X", "X, ministre de Y,"."""
        toks = self.ix.tokens
        k = a
        while k > 0 and toks[k - 1].upos in ("ADJ", "NOUN", "PROPN", "DET", "ADP") and toks[k - 1].text not in (",", ".") and toks[k - 1].text.lower() not in HONORIFICS and toks[k - 1].text.lower() not in TIME_WORDS:
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
            # X, le candidat du parti à l'élection avait appelé ...: at a sentence's start the
            # apposition may run to the verb without its closing comma
            closed = j < len(toks) and (toks[j].text in (",", ".") or (toks[j].upos in ("AUX", "VERB") and self._opens_sentence(a)))
            if after and closed and any(t.upos == "NOUN" for t in after):
                self._tie(name, [t for t in after if not (t.upos == "DET" and t is after[0])])
        self._tie(name, desc)

    def _opens_sentence(self, k: int) -> bool:
        toks = self.ix.tokens
        return k == 0 or toks[k - 1].text in (".", "!", "?") or "\n" in self.text[toks[k - 1].end : toks[k].start]

    def _tie(self, name: str, desc) -> None:
        if desc and any(t.upos == "NOUN" for t in desc):
            self.roles.setdefault(fold(self._span(desc)), name)

    def _span(self, toks) -> str:
        """The text of ``toks``, without a full stop the tokenizer left on the last word
        (Moody's.), but keeping an initial's (B.)."""
        text = self.text[toks[0].start : toks[-1].end] if toks else ""
        if text.endswith(".") and len(toks[-1].text) > 2 and not text.endswith(".."):
            text = text[:-1]
        return text

    def canonical(self, words: list[str], offset: int) -> str:
        """The longest form of a name in the article that ends with the same surname."""
        folded = {fold(w) for w in words}
        best, best_key = words, (len(words), -1)
        for name, positions in self.by_surname.get(fold(words[-1]), {}).items():
            if not folded <= {fold(w) for w in name}:
                continue
            k = bisect_right(positions, offset)  # the nearest mention before, else the first after
            distance = offset - positions[k - 1] if k else 10**9 + positions[0]
            key = (len(name), -distance)
            if key > best_key:
                best, best_key = list(name), key
        if len(best) == 1 and lexicon.is_first_name(fold(best[0])):
            # a first name alone (Élodie) stands for the one full name that starts with it
            fuller = {n for names in self.by_surname.values() for n in names if len(n) > 1 and fold(n[0]) == fold(best[0])}
            if len(fuller) == 1:
                best = list(fuller.pop())
        return " ".join(best)

    def role_person(self, role: str) -> str | None:
        key = fold(role)
        if key in self.roles:
            return self.roles[key]
        matches = {name for r, name in self.roles.items() if r.startswith(key + " ") or key.startswith(r + " ")}
        if len(matches) == 1:
            return matches.pop()
        # la dirigeante de la CGT -> the one person whose role names the CGT too
        names = {fold(w) for w in role.split() if w[:1].isupper() and len(w) > 2 and w.lower() not in COMMON_CAPITALS and w.lower() not in lexicon.human_nouns()}
        if names and not matches:
            sharing = {name for r, name in self.roles.items() if names & set(r.split())}
            if len(sharing) == 1:
                return sharing.pop()
        return None

    # ----- one mention -------------------------------------------------------------------
    def describe(self, mention: Mention) -> Speaker:
        """The speaker of a non-pronoun mention. A mention with an apposition ("le maire
        de Vannes, Loïc Le Gall") is read segment by segment: the name, then the role."""
        if mention.indefinite:
            gender, number = _gender_number(mention.tokens)
            return Speaker(mention.text[:1].lower() + mention.text[1:], "anonymous", None, gender, "Plur" if mention.text.lower().endswith("s") else number, {mention.text})
        segments, current = [], []
        for t in mention.tokens:
            if t.text == ",":
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(t)
        if current:
            segments.append(current)
        named = [(seg, split_name(tuple(seg))) for seg in segments]
        with_name = [(seg, parts) for seg, parts in named if parts[0]]
        # a bare name beats a name inside a description (le PDG du groupe Bertin Textile)
        with_name.sort(key=lambda item: (bool(item[1][1]) and not item[1][2], ))
        if with_name and len(segments) > 1:
            seg, (name_toks, desc, gender) = with_name[0]
            others = [sg for sg in segments if sg is not seg]
            role_toks = desc if any(t.upos == "NOUN" for t in desc) else others[0]
            return self._person_or_org(mention, name_toks, role_toks, gender)
        name_toks, desc, gender = named[0][1] if named else ([], [], None)
        if name_toks:
            return self._person_or_org(mention, name_toks, desc, gender)
        return self._description(mention, segments[0] if segments else list(mention.tokens))

    def _person_or_org(self, mention: Mention, name_toks, desc, gender) -> Speaker:
        ents = self.ix.entity_labels(name_toks[0].start, name_toks[-1].end)
        name = self._span(name_toks)
        words = name.split()
        first_gender = lexicon.first_name_gender(fold(words[0]))
        desc_gender, number = _gender_number(desc)
        honorific = gender  # M., Mme: a person; an article's gender (la Chine) says nothing of that
        gender = gender or first_gender or desc_gender
        head_noun = next((t for t in desc if t.upos == "NOUN"), None)
        head = fold(head_noun.lemma) if head_noun else ""
        org_nouns = lexicon.speaker_nouns()["organization"]
        if len(words) == 1 and any(len(n) > 1 for n in self.by_surname.get(fold(words[0]), {})):
            ents = ents | {"PER"}  # Ayrault, once Jean-Marc Ayrault is named: the person, whatever the tagger says
        if "PER" not in ents and not first_gender and not honorific and "LOC" in ents and len(words) <= 3:
            return Speaker(name, "organization", None, None, number, {mention.text, name})  # a country speaks for its state
        if "PER" not in ents and not first_gender and (("ORG" in ents and len(words) <= 3) or head in org_nouns or (len(words) == 1 and desc and desc[-1].upos == "DET" and not honorific)):
            return Speaker(name, "organization", None, None, number, {mention.text, name})
        canonical = self.canonical(words, mention.start)
        return Speaker(canonical, "person", _role(desc, self.text), gender, "Sing", {mention.text, name, canonical})

    def _inside_sentence(self, token: Token) -> bool:
        """Does ``token`` stand inside a sentence, where a capital says a name (le Stade
        brestois, nos confrères du Courrier picard), not at its start?"""
        before = self.text[max(0, token.start - 3) : token.start].strip()
        return token.i > 0 and bool(before) and before[-1] not in ".!?:«»\"“”—–-"

    def _description(self, mention: Mention, toks: list[Token]) -> Speaker:
        """A speaker given by a noun phrase: an anonymous source, a body, a group, a role."""
        gender, number = _gender_number(toks)
        # a number opens a group as an article does (Huit syndicats appellent ...: huit syndicats)
        det = toks[0].text.lower() if toks and (toks[0].upos in ("DET", "NUM") or toks[0].text.lower() in ("des", "du")) else ""
        head_noun = next((t for t in toks if t.upos == "NOUN"), None)
        head = fold(head_noun.lemma) if head_noun else ""
        phrase = self._span(toks)
        bare = self._span(toks[1:]) if det else phrase
        as_written = phrase[:1].lower() + phrase[1:] if det else phrase
        nouns = lexicon.speaker_nouns()
        # the head's own entity: la dirigeante de la CGT is a person, though the CGT is not
        ents = self.ix.entity_labels(head_noun.start, head_noun.end) if head_noun else self.ix.entity_labels(mention.start, mention.end)
        if head in nouns["anonymous"] and (det in INDEFINITE or not det):
            return Speaker(as_written, "anonymous", None, gender, number, {mention.text})
        if number == "Plur":
            kind = "anonymous" if det in INDEFINITE or toks[0].upos == "NUM" else "person"
            return Speaker(as_written, kind, None, gender, number, {mention.text})
        named = (
            head_noun is not None and head_noun.text[:1].isupper() and head_noun.text.lower() not in COMMON_CAPITALS
            and fold(head_noun.text.split("-")[0]) not in lexicon.person_nouns() and self._inside_sentence(toks[0])
        )  # (le Président, le Président-candidat: a role capitalised by courtesy, a person)
        if head in nouns["organization"] or "ORG" in ents or named:
            # (le Stade brestois, le Courrier picard: a capital after the article names a body;
            # a person's name never ends with a lowercase word)
            return Speaker(bare or phrase, "organization", None, None, number, {mention.text})
        person = self.role_person(bare) if bare else None
        if person:
            return Speaker(person, "person", bare, gender, "Sing", {mention.text, person})
        if det in INDEFINITE:
            return Speaker(as_written, "anonymous", None, gender, number, {mention.text})
        described = bare or phrase
        if described.split()[0].lower() in COMMON_CAPITALS:
            described = described[:1].lower() + described[1:]  # le Premier ministre britannique: a description, in lower case as the others
        return Speaker(described, "person", described if bare else None, gender, number, {mention.text}, definite=det in DEFINITE)


def _role(desc: list[Token], text: str) -> str | None:
    words = [t for t in desc if not (t.upos == "DET" and t is desc[0])]
    while words and (words[-1].text.lower() in DE_WORDS or words[-1].upos == "DET"):
        words = words[:-1]
    if not any(t.upos == "NOUN" and t.text[:1].islower() for t in words):
        return None  # le Norvégien: a demonym describes, it is no role
    return text[words[0].start : words[-1].end] or None


def compatible(speaker: Speaker, pronoun: str) -> bool:
    if pronoun not in PRONOUNS:
        return False
    gender, number = PRONOUNS[pronoun]
    if speaker.name is None:
        return False
    if number == "Plur":
        return speaker.number == "Plur" and speaker.gender in (None, gender)
    return speaker.number != "Plur" and speaker.gender in (None, gender)
