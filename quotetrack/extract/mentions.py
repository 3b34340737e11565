"""Speaker mentions as written, the noun phrases they are read from, and the speaker
filter that says which of them can speak.

Kept apart from the cues (``cues.py``) that attach them to quotations: a mention is
read the same way whatever cue found it, and the filter is one rule for every sieve.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp.document import Token
from . import lexicon
from .index import DocIndex, clitic

TIME_WORDS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "matin",
    "soir", "midi", "aujourd'hui", "dernièrement", "récemment", "mercredi soir",
}
# How far (in characters) a cue, a speaker or an apposition is looked for, and how many
# words back a verb introducing a quote may stand: bounds the work per quote, so that
# extraction stays linear in the length of the text.
WINDOW = 400
# Anaphors that point back to the most recent person, with the pronoun they agree as.
ANAPHORS = {
    "ce dernier": "il", "cette dernière": "elle", "ces derniers": "ils", "ces dernières": "elles",
    "celui-ci": "il", "celle-ci": "elle", "ceux-ci": "ils", "celles-ci": "elles",
}
# Indefinite subjects that speak as unnamed sources: Certains affirment que ...
INDEFINITE_SUBJECTS = {"certains", "certaines", "d'autres", "un autre", "une autre", "chacun", "chacune", "plusieurs", "beaucoup", "la plupart", "tous", "toutes"}
PRONOUN_SUBJECTS = ("il", "elle", "ils", "elles")  # the pronouns resolved to a speaker
STRESSED = {"lui": "il", "elle": "elle", "eux": "ils", "elles": "elles"}
NP_OPEN_WORDS = {"m.", "mme", "mmes", "mlle", "mm.", "dr", "pr", "me", "mgr", "sir"}
DE_WORDS = {"de", "du", "des", "d'", "d’"}
# Lowercase particles inside the names of places and events (Jazz en Baie, Bar-sur-Aube);
# not "et", which joins two names (Paul et Marie are two people).
PLACE_PARTICLES = {"en", "sur", "sous", "lès", "lez"}
# Lowercase words inside names and titles (The Death and Life of ..., Luis de Guindos); a
# piece glued to the word before it (Moody' + s) is that word's
NAME_LINKS = {"de", "du", "des", "la", "le", "van", "von", "der", "den", "del", "y", "and", "of", "the"}


@dataclass(frozen=True)
class Mention:
    """A speaker as written: its span and tokens (a pronoun, a name, a description)."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    @property
    def pronoun(self) -> str | None:
        """The subject pronoun the mention stands for: il, elle, ils, elles, on; also a
        demonstrative or "ce dernier", which point back like them (see ``latest``)."""
        if len(self.tokens) == 1:
            word = clitic(self.tokens[0]) or self.tokens[0].text.lower()
            word = STRESSED.get(word, word)
            if word in ("il", "elle", "ils", "elles", "on"):
                return word
        return ANAPHORS.get(self.words)

    @property
    def words(self) -> str:
        """The mention in lower case, one space between words (celui-ci as written, however
        the tokenizer cut it)."""
        return " ".join(self.text.lower().replace("’", "'").split())

    @property
    def latest(self) -> bool:
        """Ce dernier, celui-ci: the most recent person, not the previous speaker."""
        return self.words in ANAPHORS

    @property
    def indefinite(self) -> bool:
        """Certains, d'autres, un autre: speakers the text does not name."""
        words = " ".join(t.text.lower().replace("’", "'") for t in self.tokens).replace("' ", "'")  # D’ autres
        return words in INDEFINITE_SUBJECTS


def head_word(tokens) -> Token | None:
    """The head of a noun phrase as the matchers build them: its first noun or name (le
    porte-parole du gouvernement -> porte-parole; Jean Dupont -> Jean)."""
    return next((t for t in tokens if t.upos in ("NOUN", "PROPN", "X") or t.text.lower() in NP_OPEN_WORDS), None)


def speaker_head(head: Token, labels: set[str], initial: bool = False) -> bool:
    """Can a noun phrase with this head speak? See ``CueFinder.can_speak``. A capital
    says a name only where a sentence does not begin (``initial``)."""
    low = head.text.lower().replace("’", "'")
    nouns = lexicon.speaker_nouns()
    if low in NP_OPEN_WORDS:
        return True  # M. Dupont, Mme Durand
    lemma = head.lemma.lower()
    if lemma in nouns["not_speaker"] or low in nouns["not_speaker"] or low in TIME_WORDS:
        return False
    if lemma in nouns["document"] or low in nouns["document"]:
        return False
    if labels & {"PER", "ORG", "LOC"} or head.upos in ("PROPN", "X") or (head.text[:1].isupper() and not initial):
        return True
    return bool({lemma, low, low.rstrip("s")} & lexicon.human_nouns()) or agent_noun(head)


# Endings of nouns for someone who does something (le technicien, l'équipementier, la
# coordinatrice, le grossiste): evidence that a noun phrase can speak, beside the word
# lists, which are no closed gate. Shorter nouns with these endings are mostly things (le
# lien, le bien, la liste).
AGENT_ENDINGS = ("eur", "euse", "trice", "iste", "ier", "ière", "ien", "ienne")
AGENT_MIN_LENGTH = 7


def agent_noun(head: Token) -> bool:
    """Does a lowercase noun read as a person or a body by its ending (see AGENT_ENDINGS)?"""
    low = head.text.lower().rstrip("s")
    return head.upos == "NOUN" and head.text[:1].islower() and len(low) >= AGENT_MIN_LENGTH and low.endswith(AGENT_ENDINGS)


def past_acronym(toks: list[Token], k: int) -> int:
    """The index after "(ACEA)" when one follows the source at toks[k]."""
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
        return k + 3
    return k


class NounPhrases:
    """Noun phrases and the speaker filter over one document (``self.ix``, ``self.text``)."""

    ix: DocIndex
    text: str

    def np_from(self, toks: list[Token], k: int) -> int:
        """End (exclusive index into toks) of the noun phrase starting at toks[k]."""
        n = len(toks)
        j = k
        seen_noun = False
        while j < n:
            t = toks[j]
            low = t.text.lower()
            if t.upos == "PUNCT" and t.text not in ("-", "'"):
                break
            if low in DE_WORDS and seen_noun and j + 1 < n and toks[j + 1].upos in ("DET", "NOUN", "PROPN", "ADJ", "NUM"):
                j += 1
                continue
            if (t.upos in ("DET", "NUM") or low in ("des", "du")) and not seen_noun:
                j += 1
                continue
            if low == "et" and seen_noun and j + 2 < n and toks[j + 1].text.lower().replace("’", "'") in DE_WORDS and self._body_head(toks[k:j]):
                j += 1  # la chambre de commerce et d'industrie, le ministère de l'Économie et des Finances
                continue
            if t.upos in ("DET", "ADP") and seen_noun and t.text[:1].isupper() and j + 1 < n and toks[j + 1].text[:1].isupper():
                j += 1  # a title that opens with its article: le quotidien Le Figaro, El País
                continue
            if seen_noun and t.text[:1].isupper() and j + 1 < n and toks[j + 1].text[:1].isupper() and toks[j - 1].text[:1].isupper():
                j += 1  # a particle inside a name: Catherine Le Bihan
                continue
            if seen_noun and low in PLACE_PARTICLES and j + 1 < n and toks[j + 1].text[:1].isupper() and toks[j - 1].text[:1].isupper() and toks[j - 1].upos in ("PROPN", "X"):
                j += 1  # a lowercase particle between two words of a name: Jazz en Baie, Bar-sur-Aube
                continue
            if seen_noun and t.text[:1].isupper() and t.upos != "PUNCT" and toks[j - 1].text[:1].isupper() and toks[j - 1].upos in ("PROPN", "X"):
                j += 1  # a name's next word, whatever the tagger made of it (Macron as ADV)
                continue
            if t.upos == "NUM" and seen_noun and len(t.text) <= 2 and toks[j - 1].upos == "PROPN" and toks[j - 1].text[:1].isupper():
                j += 1  # a channel's number: France 3 Grand-Est, Europe 1
                continue
            if t.text == "-" and seen_noun and j + 1 < n and toks[j + 1].start == t.end and toks[j - 1].end == t.start:
                j += 1  # Marc-Antoine split in three tokens
                continue
            if seen_noun and low in TIME_WORDS:
                break  # Emmanuel Macron jeudi à Paris
            if t.upos in ("NOUN", "PROPN", "X") and t.text[:1].islower() and t.text.lower() not in NAME_LINKS and j > k and toks[j - 1].upos in ("PROPN", "X", "NOUN") and toks[j - 1].text[:1].isupper() and t.start > toks[j - 1].end:
                break  # Yannick Le Bras pêche ..., Josiane Caron repart ...: a name takes no lowercase word after it
            if t.upos in ("NOUN", "PROPN", "ADJ", "X") or low in NP_OPEN_WORDS or (t.upos == "DET" and seen_noun and toks[j - 1].text.lower() in DE_WORDS):
                seen_noun = seen_noun or t.upos in ("NOUN", "PROPN", "X") or low in NP_OPEN_WORDS
                j += 1
                continue
            if t.upos == "VERB" and seen_noun and t.feats.get("VerbForm") == "Part" and t.text[:1].isupper():
                j += 1  # a capitalised word mis-tagged as a participle inside a name
                continue
            break
        return j

    def mention(self, toks: list[Token]) -> Mention | None:
        toks = [t for t in toks if t.upos != "PUNCT" or t.text in ("-",)]
        while toks and toks[-1].text.lower() in DE_WORDS | {"-"}:
            toks = toks[:-1]
        if not toks:
            return None
        start, end = toks[0].start, toks[-1].end
        if len(toks) == 1 and clitic(toks[0]):
            start = end - len(clitic(toks[0]))  # "-t-il" is written, "il" is the mention
        return Mention(start, end, self.text[start:end], tuple(toks))

    def demonstrative(self, pronoun: Token) -> Mention | None:
        """The pronoun as a mention; celui-ci whole when the tokenizer cut it in three."""
        toks = self.ix.between(pronoun.start, pronoun.end + 4)
        if len(toks) >= 3 and toks[0].text.lower() in ("celui", "celle", "ceux", "celles") and toks[1].text == "-" and toks[2].text.lower() == "ci":
            return self.mention(toks[:3])
        return self.mention([pronoun])

    def np_at(self, toks: list[Token], k: int) -> Mention | None:
        end = self.np_from(toks, k)
        if end <= k:
            return None
        return self.mention(toks[k:end])

    def _body_head(self, toks: list[Token]) -> bool:
        """Is the first noun of ``toks`` one for a body (fédération, chambre, ministère)?
        Their names coordinate complements (de la santé et de l'action sociale); a person's
        description does not (le père de Paul et de Marie are two people)."""
        head = next((t for t in toks if t.upos == "NOUN"), None)
        nouns = lexicon.speaker_nouns()["organization"]
        return head is not None and (head.lemma.lower() in nouns or head.text.lower() in nouns)

    def np_left_of(self, head: Token, floor: int) -> Mention | None:
        """The noun phrase whose head is ``head``: walk left over its determiners and
        modifiers, then right with the same rules as everywhere else."""
        toks = self.ix.between(max(floor, head.start - WINDOW), head.end + WINDOW)
        pos = next((k for k, t in enumerate(toks) if t.i == head.i), None)
        if pos is None:
            return None
        k = pos
        while k > 0:
            prev = toks[k - 1]
            low = prev.text.lower()
            if prev.upos in ("DET", "ADJ", "NUM", "PROPN") or low in NP_OPEN_WORDS or (prev.upos == "NOUN" and prev.text[:1].isupper()):
                k -= 1
                continue
            break
        return self.np_at(toks, k)

    def with_apposition(self, mention: Mention | None, limit: int) -> Mention | None:
        """Extend a mention over an apposition between commas: "le maire de Vannes, Loïc
        Le Gall," or "Thomas Girard, le capitaine du XV de France,"."""
        if mention is None:
            return None
        toks = self.ix.between(mention.end, min(limit, mention.end + WINDOW))
        lead = next((k for k, t in enumerate(toks) if t.text == ","), None)
        named = any(t.upos == "PROPN" for t in mention.tokens)
        follows_name = lead is not None and lead + 1 < len(toks) and toks[lead + 1].upos == "PROPN"
        if lead and lead <= 6 and toks[0].upos == "ADP" and not named and (toks[0].text.lower() in DE_WORDS or follows_name) and not any(t.upos in ("VERB", "AUX", "PUNCT") for t in toks[:lead]):
            # le ministre des Relations avec le Parlement, Julien Morel (but not Donald Trump
            # devant la presse, nor sa famille dans un communiqué: a place or a channel)
            mention = Mention(mention.start, toks[lead - 1].end, self.text[mention.start : toks[lead - 1].end], mention.tokens + tuple(toks[:lead]))
            toks = toks[lead:]
        if len(toks) < 2 or toks[0].text != ",":
            return mention
        end = self.np_from(toks, 1)
        if end <= 1:
            return mention
        if end < len(toks) and toks[end].text not in (",", ".", ";", "!", "?", ")") and toks[end].upos not in ("ADP",):
            return mention
        appos = toks[1:end]
        if not any(t.upos in ("NOUN", "PROPN") for t in appos):
            return mention
        extended = list(mention.tokens) + toks[:end]
        return Mention(mention.start, appos[-1].end, self.text[mention.start : appos[-1].end], tuple(extended))

    def can_speak(self, mention: Mention | None) -> bool:
        """The speaker filter: a mention speaks when it is a pronoun, a name (a person, an
        organisation, a place standing for its government), or a noun phrase headed by a
        noun for a person or a group of people (speaker_nouns.txt). A preposition, a
        possessive, an abstract noun (un moyen, la question, son côté), a date or a
        document (selon un sondage) is no speaker."""
        if mention is None:
            return False
        if mention.pronoun or mention.indefinite or (len(mention.tokens) == 1 and mention.tokens[0].text.lower() in STRESSED):
            return True
        head = head_word(mention.tokens)
        if head is None:
            return False
        before = self.text[max(0, head.start - 10) : head.start].rstrip(" \t\u00a0")
        initial = (head.start < 10 and not before.strip()) or before[-1:] in (".", "!", "?", "-", "»", "…", "\n")
        if speaker_head(head, self.ix.entity_labels(head.start, head.end), initial):
            return True
        # la nageuse Chloé Barbier: a name in apposition to the head, before any complement
        for t in mention.tokens[mention.tokens.index(head) + 1 :]:
            if t.text.lower() in DE_WORDS or t.upos == "ADP":
                break
            if t.upos == "PROPN" or ("PER" in self.ix.entity_labels(t.start, t.end)):
                return True
        return False

    def _name_word(self, token: Token) -> bool:
        return token.upos == "PROPN" or (token.text[:1].isupper() and bool(self.ix.entity_labels(token.start, token.end)))

    def document(self, mention: Mention | None) -> bool:
        """Is the mention a document or a figure (les chiffres officiels, un sondage)?"""
        head = head_word(mention.tokens) if mention is not None else None
        return head is not None and head.lemma.lower() in lexicon.speaker_nouns()["document"]

    def speaker_mention(self, mention: Mention | None) -> Mention | None:
        """The mention itself when it can speak; for a document with its author (un
        rapport de la Ligue arabe, le communiqué du ministère), the author; else None."""
        if mention is None or self.can_speak(mention):
            return mention
        if not self.document(mention):
            return None
        head = head_word(mention.tokens)
        toks = list(mention.tokens)
        at = toks.index(head) + 1
        while at < len(toks) and toks[at].upos == "ADJ":
            at += 1
        if at < len(toks) and self._name_word(toks[at]):  # un sondage Ifop: the name is its author's
            end = at
            while end < len(toks) and self._name_word(toks[end]):
                end += 1
            author = self.mention(toks[at:end])
            return author if self.can_speak(author) else None
        if at < len(toks) and toks[at].feats.get("VerbForm") == "Part" and at + 1 < len(toks) and toks[at + 1].text.lower() == "par":
            at += 1  # les données publiées par l'institut
        if at < len(toks) and (toks[at].text.lower() in DE_WORDS or toks[at].text.lower() == "par"):
            author = self.mention(toks[at + 1 :])
            if author is not None and self.can_speak(author):
                return author
        return None

    def _speaker_like(self, toks: list[Token]) -> bool:
        return self.can_speak(self.mention(toks))

