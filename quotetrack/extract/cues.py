"""Reporting cues: what attaches quoted words to a speaker mention (``mentions.py``).

A cue is the expression that attributes words to someone: a reporting verb (« ... »,
a-t-il précisé / X a déclaré : « ... » / X affirme que ...), a multiword verb (faire
valoir), or a preposition (selon X, d'après X). Parsers disagree on the analysis of
French incises (the inverted subject comes out as nsubj, obj or dep; "-t-il" as one, two
or three tokens), so the matchers read the word order the press uses and consult the
dependency relations (nsubj, nsubj:pass, obl:agent, xcomp, conj, acl:relcl) where they
are reliable: subjects before the verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp.document import Token
from . import lexicon
from .index import DocIndex, clitic
from .mentions import DE_WORDS, NP_OPEN_WORDS, STRESSED, TIME_WORDS, WINDOW, Mention, NounPhrases, past_acronym
from .speakers import fold
from .verbs import AUX_FORMS, FILLER_ADVERBS, INSERTED_COMPLEMENTS, LEAD_VERBS, SIDE_ADVERBIALS, reporting_lemma

# Prepositions that start a phrase between the verb and an inverted subject (a déclaré à l'AFP X).
PP_STARTS = {
    "à", "au", "aux", "devant", "lors", "pendant", "dans", "sur", "sous", "en", "avec",
    "depuis", "après", "avant", "auprès", "face", "via", "chez", "contre", "par", "vers", "dès",
}
# Most words before a colon read as a speaker's name without a verb (Le ministre de
# l'Intérieur, Jean Dupont : « ... »): a longer run is a sentence of the writer's.
NAME_COLON_WORDS = 8
# How many words back a verb introducing a quote may stand (see WINDOW).
BEFORE_TOKENS = 60
EUPHONIC_T = {"-t", "-t-", "t"}
# Object pronouns that may open an incise: « ... », lui avait dit X / leur a lancé X.
OBJECT_CLITICS = {"lui", "leur", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous", "l'", "l’", "y"}
REFLEXIVE = {"s'", "s’", "se"}
# Words that may stand before a frame at the start of a sentence: Mais pour X, « ... ».
LEADING_WORDS = {"mais", "et", "or", "ainsi", "enfin", "toujours", "puis", "donc", "alors"}
@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    lemma: str
    mention: Mention | None
    pattern: str  # the construction's stable identifier, recorded in the quote's reason


class CueFinder(NounPhrases):
    """Cue and mention matchers over one document."""

    def __init__(self, index: DocIndex, quoted=lambda offset: False, name_starts=lambda: frozenset()):
        self.ix = index
        self.text = index.text
        self.quoted = quoted  # is an offset inside quotation marks?
        self._lemmas: dict[int, str | None] = {}
        self.name_starts = name_starts  # where the article's names start, as its cast reads them

    # ----- cues after a quotation: « ... », a-t-il dit / », selon X -------------------
    def incise(self, start: int, limit: int) -> Cue | None:
        """An incise beginning at ``start`` (right after a closing mark or a comma)."""
        toks = self.ix.between(start, min(limit, start + WINDOW))
        k, n = 0, len(toks)
        while k < n and toks[k].upos == "PUNCT" and toks[k].text in ",;!?…)":
            k += 1
        if k >= n or k > 2:
            return None
        first = k
        low = toks[k].text.lower().replace("’", "'")
        if low in lexicon.cue_prepositions() - {"pour"} or (low in ("d'", "d’") and k + 1 < n and toks[k + 1].text.lower() == "après"):
            k += 2 if low in ("d'",) else 1
            who = self.np_at(toks, k) if k < n else None
            if who is None and k < n and toks[k].text.lower() in STRESSED:
                who = self.mention([toks[k]])
            if who is None or not self._speaker_like(list(who.tokens)):
                return None
            return Cue(toks[first].start, toks[k - 1].end, self.text[toks[first].start : toks[k - 1].end], "selon" if low == "selon" else "d'après", who, "frame_after")
        pronoun = None
        if low == "comme" and k + 1 < n and toks[k + 1].text.lower().replace("’", "'") in ("l'", "le", "la"):
            k += 2  # ..., comme l'indique X / comme le rappelle X
        while k < n and (toks[k].text.lower() in AUX_FORMS | REFLEXIVE | OBJECT_CLITICS or clitic(toks[k]) or toks[k].text.lower() in EUPHONIC_T):
            pronoun = pronoun or (toks[k] if clitic(toks[k]) else None)
            k += 1
        while k < n and toks[k].upos == "ADV" and toks[k].text.lower() in FILLER_ADVERBS | {"ne", "n'"}:
            k += 1
        if k >= n:
            return None
        lemma, k = self.cue_verb(toks, k)
        if lemma is None and pronoun is not None and clitic(pronoun) == "on" and toks[k].text.lower() == "appris":
            lemma, k = "apprendre", k + 1  # a-t-on appris (de source policière): the press's impersonal source
        if lemma is None:
            return None
        while k < n and (clitic(toks[k]) or toks[k].text.lower() in EUPHONIC_T or self._split_clitic(toks, k)):
            if clitic(toks[k]):
                pronoun = pronoun or toks[k]
            elif self._split_clitic(toks, k):
                pronoun = pronoun or toks[k + 1]
                k += 1
            k += 1
        cue_end = toks[k - 1].end
        if pronoun is not None:
            who = self.mention([pronoun])
        elif toks[k - 1].feats.get("VerbForm") == "Part" and toks[k - 1].feats.get("Tense") == "Pres" or toks[k - 1].text.lower().endswith("ant"):
            return None  # ..., saluant les congressistes: a present participle has no inverted subject, its noun is its object
        else:
            who = self._inverted_subject(toks, k)
            if who is None:
                return None
        return Cue(toks[first].start, cue_end, self.text[toks[first].start : cue_end], lemma, who, "incise_after")

    def lemma_of(self, token: Token) -> str | None:
        if token.i not in self._lemmas:
            self._lemmas[token.i] = reporting_lemma(token)
        return self._lemmas[token.i]

    def cue_verb(self, toks: list[Token], k: int) -> tuple[str | None, int]:
        """The reporting lemma of the verb at toks[k] (a multiword one: faire valoir, tenir
        à souligner) and the index after it; (None, k) when toks[k] is no cue."""
        n = len(toks)
        lemma = self.lemma_of(toks[k])
        if lemma is None:
            return None, k
        k += 1
        if lemma in lexicon.multiword_cues():
            while k < n and toks[k].text.lower() in FILLER_ADVERBS:
                k += 1  # fait également valoir
            for second in lexicon.multiword_cues()[lemma]:
                words = second.split()
                if [t.text.lower() for t in toks[k : k + len(words)]] == words:
                    return f"{lemma} {second}", k + len(words)
            return None, k
        if lemma in LEAD_VERBS:
            if k < n and toks[k].text.lower().replace("’", "'") in ("à", "a", "de", "d'"):
                k += 1
            if k < n:
                inner = self.lemma_of(toks[k])
                if inner in lexicon.reporting_verbs():
                    return inner, k + 1
            return None, k
        return (lemma, k) if lemma in lexicon.reporting_verbs() else (None, k)

    def _split_clitic(self, toks: list[Token], k: int) -> bool:
        """expliquent-elles written as three tokens: "expliquent", "-", "elles"."""
        return (
            toks[k].text == "-"
            and k + 1 < len(toks)
            and toks[k + 1].start == toks[k].end
            and toks[k + 1].text.lower() in ("il", "elle", "ils", "elles", "on")
        )

    def _inverted_subject(self, toks: list[Token], k: int) -> Mention | None:
        n = len(toks)
        while k < n:
            t = toks[k]
            low = t.text.lower()
            if t.upos == "PUNCT" and t.text != "-":
                if t.text == "," and k + 1 < n:  # a déclaré, mardi, le ministre
                    k += 1
                    continue
                return None
            if low in TIME_WORDS or (t.upos == "ADV" and low not in NP_OPEN_WORDS):
                k += 1
                continue
            if low in PP_STARTS or (t.upos == "ADP" and low not in ("des", "du")):
                k += 1
                while k < n and toks[k].text.lower() in DE_WORDS | {"l'", "l’", "la", "le", "les"}:
                    k += 1
                k = max(k, self.np_from(toks, k))
                continue
            if t.upos in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "X") or low in NP_OPEN_WORDS or low in ("des", "du"):
                found = self.np_at(toks, k)
                return self.with_apposition(found, toks[-1].end) if found else None
            if t.upos == "PRON":  # a affirmé celui-ci / ce dernier
                found = self.demonstrative(t)
                return found if found is not None and found.latest else None
            return None
        return None

    # ----- cues before a quotation -----------------------------------------------------
    def subject_of(self, verb: Token, floor: int) -> Mention | None:
        """The speaker of a reporting verb placed before its words."""
        if verb.feats.get("VerbForm") == "Part" and verb.feats.get("Tense") == "Pres":
            found = self._participle_speaker(verb, floor)
            if found is not None:
                return found
        seen = set()
        current = verb
        while current is not None and current.i not in seen:
            seen.add(current.i)
            for kid in self.ix.kids(current):
                if kid.deprel in ("nsubj", "nsubj:pass") and kid.start >= floor:
                    if kid.upos == "PRON" and kid.text.lower() in ("qui", "que", "lequel", "laquelle"):
                        parent = self.ix.head(current)
                        if parent is not None and current.deprel.startswith("acl"):
                            return self.with_apposition(self.np_left_of(parent, floor), verb.start)
                        continue
                    if kid.upos == "PRON":
                        found = self.np_left_of(kid, floor) if kid.text.lower() in ("autre", "autres", "dernier", "dernière") else self.demonstrative(kid)
                        if found is not None and (found.pronoun or found.indefinite):
                            return found
                        continue
                    found = self.with_apposition(self.np_left_of(kid, floor), verb.start)
                    if self.speaker_mention(found) is not None or not self._adverbial(kid):
                        return found
                    continue  # de son côté taken for the subject: a subject that can speak is further left
                if kid.deprel == "obl:agent":
                    found = self.np_left_of(kid, floor)
                    if found is not None:
                        return self._drop_preposition(found)
            if current.deprel in ("xcomp", "conj", "ccomp") or current.deprel.startswith("advcl"):
                parent = self.ix.head(current)
                if current.deprel == "xcomp" and parent is not None:
                    obj = next((k for k in self.ix.kids(parent) if k.deprel in ("obj", "iobj") and k.i < current.i and k.start >= floor), None)
                    if obj is not None:  # entendre X insister: X speaks
                        return self.np_left_of(obj, floor)
                current = parent
            else:
                break
        return self._subject_left_of(verb, floor) or self._nearest_np_before(verb, floor)

    def _subject_left_of(self, verb: Token, floor: int) -> Mention | None:
        """A subject left of the verb whose head stands between it and the verb: what a
        parse that took the auxiliary for the main verb still says (X, impuissant, a de son
        côté dénoncé ...)."""
        toks = self.ix.between(max(floor, verb.start - WINDOW), verb.start)
        positions = {t.i for t in toks} | {verb.i}
        for t in reversed(toks):
            if t.text in (".", "!", "?", ";", ":") or self.quoted(t.start):
                return None
            if t.deprel in ("nsubj", "nsubj:pass") and t.head in positions and t.head > t.i:
                if t.upos == "PRON":
                    return self.mention([t]) if t.text.lower() in ("il", "elle", "ils", "elles", "on") else None
                found = self.with_apposition(self.np_left_of(t, floor), verb.start)
                if self.speaker_mention(found) is not None:
                    return found
                if not self._adverbial(t):
                    return None
        return None

    def _participle_speaker(self, verb: Token, floor: int) -> Mention | None:
        """Who a present participle speaks for, when not the clause's subject: the person it
        follows (un discours du président X jugeant que ...; after an organisation, un prêt
        par l'État affirmant que ..., it is the subject), or the speaker of an incise before
        it (..., a-t-il ajouté, précisant que ...)."""
        toks = self.ix.between(max(floor, verb.start - 80), verb.start)
        if toks and self._person(toks[-1]):
            found = self.with_apposition(self.np_left_of(toks[-1], floor), verb.start)
            if self.speaker_mention(found) is not None:
                return found
        toks = toks[:-1] if toks and toks[-1].text.lower() == "en" else toks  # en précisant
        if len(toks) < 3 or toks[-1].text != ",":
            return None
        comma = next((t for t in reversed(toks[:-1]) if t.text == ","), None)
        cue = self.incise(comma.start, toks[-1].end) if comma is not None else None
        if cue is None or cue.mention is None or cue.end < toks[-2].start:
            return self._coordinated_speaker(verb, floor)
        return cue.mention

    def _coordinated_speaker(self, participle: Token, floor: int) -> Mention | None:
        """X assure que A, rappelant que B: a participle after the clause of a reporting verb
        of the same sentence goes with that verb, so its speaker is that verb's subject (not
        the subject inside the reported clause A)."""
        for t in reversed(self.ix.between(floor, participle.start)):
            if t.text in (".", "!", "?", ";", ":") and not self.quoted(t.start):
                return None
            if t.upos != "VERB" or self.quoted(t.start) or self.lemma_of(t) is None or self.ix.is_negated(t):
                continue
            finite = t.feats.get("VerbForm") == "Fin" or any(k.deprel.startswith("aux") for k in self.ix.kids(t))
            if finite:
                found = self.subject_of(t, floor)
                return found if self.speaker_mention(found) is not None else None
        return None

    def named_source(self, mention: Mention) -> bool:
        """Without a verb, only a noun for people or a recognised name that opens the words
        says who speaks (Le maire : « ... », Anne Vignon : « ... »), not a product in a list
        (- Freebox Delta Player : « ... ») nor the topic a headline puts before its quotation
        (Crise viticole en Gironde : « ... »: a place inside the topic names no speaker)."""
        if any(t.upos == "NOUN" and t.lemma.lower() in lexicon.human_nouns() for t in mention.tokens):
            return True
        content = [t for t in mention.tokens if t.upos not in ("DET", "NUM", "PUNCT") and t.text[:1].isalpha()]  # 16h55 - X :
        if not content or content[0].start not in self.name_starts():
            return False
        name = content[: next((k for k, t in enumerate(content) if not t.text[:1].isupper()), len(content))]
        if any(self.ix.entity_labels(t.start, t.end) & {"PER", "ORG", "LOC"} for t in name):
            return True
        return any(lexicon.is_first_name(fold(t.text)) for t in name)

    def _person(self, token: Token) -> bool:
        """A person's name, or a noun for a person (not an organisation or a document)."""
        if token.upos == "PROPN":
            return "PER" in self.ix.entity_labels(token.start, token.end)
        return token.upos == "NOUN" and token.lemma.lower() in lexicon.person_nouns()

    def _adverbial(self, subject: Token) -> bool:
        """A "subject" governing a preposition is an adverbial the parse misread (X a, de
        son côté, déclaré ...): the subject is further left."""
        return any(k.deprel == "case" and k.i < subject.i for k in self.ix.kids(subject))

    def _drop_preposition(self, mention: Mention) -> Mention | None:
        toks = [t for t in mention.tokens if t.upos != "ADP" and t.text.lower() != "par"]
        return self.mention(toks)

    def _nearest_np_before(self, verb: Token, floor: int) -> Mention | None:
        toks = self.ix.between(max(floor, verb.start - WINDOW), verb.start)
        k = len(toks) - 1
        while k >= 0:
            if toks[k].upos in ("AUX", "ADV") or toks[k].text.lower() in ("ne", "n'", "n’", "se", "s'", "s’", "lui", "leur", "y", "en"):
                k -= 1
                continue
            words = tuple(t.text.lower().replace("’", "'") for t in toks[max(0, k - 2) : k + 1])
            if words in SIDE_ADVERBIALS:
                k -= 3  # X a de son côté indiqué: the subject stands before the adverbial
                continue
            break
        if k < 0:
            return None
        t = toks[k]
        if t.text == ",":
            return self._subject_before_comma(toks[: k + 1], verb)
        if t.upos == "PRON" and t.text.lower() in ("il", "elle", "ils", "elles", "on"):
            return self.mention([t])
        if t.upos in ("NOUN", "PROPN", "ADJ", "X"):
            m = self.np_left_of(t, floor)
            while m is not None:  # l'agence de notation: the complement's head noun leads
                at = next((j for j, x in enumerate(toks) if x.start == m.start), None)
                if at is None or at < 2 or toks[at - 1].text.lower() not in DE_WORDS or toks[at - 2].upos not in ("NOUN", "PROPN"):
                    break
                m = self.np_left_of(toks[at - 2], floor)
            return m
        return None

    def _subject_before_comma(self, toks: list[Token], verb: Token) -> Mention | None:
        """ROLE, NAME, VERB or NAME, ROLE, VERB: the subject is the comma-separated noun
        phrases right before the verb (Devant les militants, le secrétaire du parti,
        Yanis Haddad, a lancé)."""
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        bounds = [-1] + commas
        segments = [(bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]
        phrases = []
        for a, b in reversed(segments):
            if a < b and toks[a].upos == "ADP" and toks[a].text.lower() in INSERTED_COMPLEMENTS and not phrases:
                continue  # D'autres, parmi les soignants, estiment ...: a complement set between the subject and its verb
            end = self.np_from(toks, a) if a < b else a
            if end == a or toks[a].upos not in ("DET", "PROPN", "NOUN", "X"):
                break
            phrases.insert(0, (a, b))
            if len(phrases) == 2:
                break
        if not phrases:
            return None
        first = self.np_at(toks, phrases[0][0])
        return self.with_apposition(first, verb.start) if first else None

    def before_tokens(self, open_at: int, floor: int) -> list[Token]:
        toks = self.ix.between(floor, open_at)
        while toks and toks[-1].text in ("«", "“", '"', "„"):
            toks = toks[:-1]
        return toks

    def before(self, open_at: int, floor: int) -> Cue | None:
        """Any cue between ``floor`` (the sentence start) and a quote opening at ``open_at``:
        a frame, then a reporting verb, then a name and a colon."""
        return self.frame_before(open_at, floor) or self.verb_before(open_at, floor) or self.name_colon(open_at, floor)

    def frame_before(self, open_at: int, floor: int) -> Cue | None:
        """Selon X, « ... » / D'après X, « ... » / Pour X, « ... »"""
        toks = self.before_tokens(open_at, floor)
        return self._frame(toks) if toks else None

    def verb_before(self, open_at: int, floor: int) -> Cue | None:
        """X a déclaré : « ... » / X dénonce « ... »: the nearest reporting verbs before the
        quote (three at most), the first whose subject can speak."""
        toks = self.before_tokens(open_at, floor)
        tried = 0
        for k in range(len(toks) - 1, max(-1, len(toks) - 1 - BEFORE_TOKENS), -1):
            t = toks[k]
            if t.text in (".", "!", "?") or tried >= 3:
                break
            if self.quoted(t.start):
                continue
            lemma, _ = self.cue_verb(toks, k)
            if lemma is None or self.ix.is_negated(t):
                continue
            tried += 1
            who = self.subject_of(t, floor)
            if who is None or not self.can_speak(who):
                continue
            aux = [a for a in self.ix.kids(t) if a.deprel.startswith("aux") and a.i < t.i and a.start >= floor]
            cue_start = aux[0].start if aux else t.start
            return Cue(cue_start, t.end, self.text[cue_start : t.end], lemma, who, "cue_before")
        return None

    def name_colon(self, open_at: int, floor: int) -> Cue | None:
        """Jean Dupont : « ... »: a speaker named before a colon, no verb."""
        toks = self.before_tokens(open_at, floor)
        if not toks or toks[-1].text != ":":
            return None
        last, head = toks[-1], toks[:-1]
        if head and len(head) <= NAME_COLON_WORDS and not any(t.upos in ("VERB", "AUX") for t in head):
            who = self.mention(head)
            if who is not None and any(t.upos in ("PROPN", "NOUN") for t in head) and self.named_source(who):
                return Cue(last.start, last.end, ":", ":", who, "name_colon")
        return None

    def _frame(self, toks: list[Token]) -> Cue | None:
        """Selon X, ... at the start of a sentence (after a conjunction: Mais pour X, ...)."""
        k = 1 if len(toks) > 1 and toks[0].text.lower() in LEADING_WORDS else 0
        found = self.frame_at(toks, k)
        if found is None or found[1] >= len(toks) or toks[found[1]].text != ",":
            return None
        return found[0]

    def _press_source(self, toks: list[Token], k: int) -> tuple[Mention, int] | None:
        """(source, index after it) for the press's own sources after a frame: *nos
        informations* (an anonymous source of the article), *nos confrères de X* (X)."""
        if k + 1 >= len(toks) or toks[k].text.lower() not in ("nos", "notre"):
            return None
        word = toks[k + 1].text.lower()
        if word in PRESS_SOURCES:
            return self.mention(toks[k : k + 2]), k + 2
        if word in PRESS_COLLEAGUES and k + 3 < len(toks) and toks[k + 2].text.lower().replace("’", "'") in ("de", "du", "d'", "des"):
            end = self.np_from(toks, k + 3)
            who = self.mention(toks[k + 3 : end]) if end > k + 3 else None
            return (who, end) if who is not None else None
        return None

    def frame_at(self, toks: list[Token], k: int) -> tuple[Cue, int] | None:
        """A frame ``selon X`` / ``d'après X`` / ``pour X`` starting at toks[k], and the index
        of the token after the source (a comma, the sentence end or more words). The source
        may carry an apposition or a participle (Selon un témoin cité par la presse, ...)."""
        n = len(toks)
        if k + 1 >= n:
            return None
        first = toks[k].text.lower().replace("’", "'")
        skip = k + 1
        if first == "d'" and toks[k + 1].text.lower() == "après":
            first, skip = "d'après", k + 2
        several = lexicon.multiword_frame(toks, k)
        if several:
            first, skip = " ".join(several), k + len(several)
        if (first not in lexicon.cue_prepositions() and not several) or skip >= n:
            return None
        press = self._press_source(toks, skip)
        if press is not None:  # selon nos informations / selon nos confrères du Courrier
            who, end = press
            cue = Cue(toks[k].start, toks[skip - 1].end, self.text[toks[k].start : toks[skip - 1].end], first, who, "frame_before")
            return cue, end
        if toks[skip].text.lower() in STRESSED and (skip + 1 == n or toks[skip + 1].upos == "PUNCT"):
            end = skip + 1  # Selon elle, ...
        else:
            end = self.np_from(toks, skip)
        if end == skip:
            return None
        if not self._speaker_like(toks[skip:end]):
            # a document and its author (selon des estimations de l'agence Rosstat, selon les
            # données publiées par l'institut): the author speaks; a document alone does not
            # (Pour la première fois, ... / Selon un sondage, ...)
            stop = next((j for j in range(skip, min(n, skip + 16)) if toks[j].upos == "PUNCT" and toks[j].text not in ("'", "’", "-")), min(n, skip + 16))
            source = self.mention(toks[skip:stop])
            author = self.speaker_mention(source)
            if author is None and first != "pour" and self.document(source):
                author = source  # selon les chiffres officiels: the source as written
            if first == "pour" or author is None:
                return None
            stop = past_acronym(toks, stop)
            cue = Cue(toks[k].start, toks[skip - 1].end, self.text[toks[k].start : toks[skip - 1].end], first, author, "frame_before")
            return cue, stop
        plain = self.mention(toks[skip:end])
        who = self.with_apposition(plain, toks[-1].end)
        if who is None:
            return None
        after = next((j for j in range(end, n) if toks[j].end > who.end), n)
        if who is not plain and after < n and toks[after].text != ",":
            # not an apposition but the statement: selon le ministère, les exportations ...
            who, after = plain, next((j for j in range(end, n) if toks[j].end > plain.end), n)
        if after < n and toks[after].text != "," and (toks[after].feats.get("VerbForm") == "Part" or toks[after].text.lower() in ("qui", "ayant")):
            # a participle or a relative after the source: up to the next comma
            comma = next((j for j in range(after, min(n, after + 16)) if toks[j].text == ","), None)
            if comma is None:
                return None
            if toks[after].feats.get("VerbForm") == "Part" and who is plain:
                who = self.mention(toks[skip:comma])  # un témoin cité par la presse: the source as written
            after = comma
        cue = Cue(toks[k].start, toks[skip - 1].end, self.text[toks[k].start : toks[skip - 1].end], first, who, "frame_before")
        return cue, after


# The newspaper's own sources after a frame: selon nos informations, d'après nos sources.
PRESS_SOURCES = {"informations", "sources", "renseignements"}
# Other newspapers, named after these: selon nos confrères du Monde.
PRESS_COLLEAGUES = {"confrères", "consœurs", "collègues", "confrère", "consœur"}
