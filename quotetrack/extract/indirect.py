"""Reported speech without quotation marks, as ordered sieves over the writer's sentences.

Each sieve reads one sentence and returns the indirect quotations it finds there, with
their cue. The span is the reported content only, never the cue nor "que":

- ``statement_incise``: La réforme sera votée, a assuré le ministre.
- ``que_clause``: X affirme que ..., et qu'... (each coordinated clause is a record),
  also after a participle or a gerund (précisant que, en affirmant que);
- ``infinitive_clause``: X affirme avoir ..., X a promis de ..., X s'est dit prêt à ...;
- ``frame_statement``: Selon X, ... / ..., selon X. / ..., selon X, ...

Quoted words inside a statement stay records of their own (``partial``): the statement
is kept too unless the marks cover most of it, when the quotation is the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from . import lexicon
from .cues import Cue
from .marks import paragraph_index

from .candidates import Candidate

if TYPE_CHECKING:
    from .context import ArticleContext

QUE = ("que", "qu'", "qu’")
# Verbs whose infinitive complement reports words: X affirme avoir ..., X a promis de ...
INFINITIVE_VERBS = {
    "affirmer", "assurer", "dire", "déclarer", "reconnaître", "estimer", "croire", "promettre", "menacer", "annoncer", "démentir", "nier", "raconter", "confier",
    "préconiser", "recommander", "proposer", "demander", "exiger", "accuser", "prétendre",
    "jurer", "admettre", "avouer", "regretter", "appeler", "craindre", "redouter",
    "indiquer", "expliquer", "préciser", "juger", "considérer", "réclamer", "ordonner",
    "exhorter", "inviter", "conseiller", "suggérer", "se dire", "se défendre", "plaider",
    "revendiquer", "certifier", "garantir", "soutenir", "maintenir",
}
# What may stand between such a verb and its infinitive: an object, a prepositional phrase
# (a raconté à l'agence avoir vu), "de", negation and clitics.
BRIDGE_UPOS = {"ADP", "DET", "NOUN", "PROPN", "PRON", "ADV", "ADJ", "X"}
BRIDGE_PREPOSITIONS = {"à", "au", "aux", "de", "d'", "d’", "des", "du", "auprès"}
# A "que" after these is a comparison (plus importante que prévu), not a reported clause.
COMPARATIVES = {"plus", "moins", "autant", "aussi", "davantage", "mieux", "pire", "tel", "telle", "même", "autre", "si", "tant"}
MAX_BRIDGE = 7
LEADING_CLITICS = {"ne", "n'", "n’", "pas", "plus", "jamais", "se", "s'", "s’", "y", "en", "le", "la", "les", "l'", "l’", "lui", "leur"}
# Share of a statement that quotation marks may cover before the quotation is the record:
# X a dit que « ... » with the marks around all but "que" and a word or two is one quote,
# the quoted one; below this share the writer's own words around the marks are reported
# speech too, and both are kept (X a estimé que la réforme était « injuste »).
MARKED_COVER = 0.9


class Sentence:
    """One writer's sentence: its bounds, paragraph and tokens outside quotation marks."""

    def __init__(self, ex: ArticleContext, floor: int, stop: int, paragraph: int):
        self.floor, self.stop, self.paragraph = floor, stop, paragraph
        self.tokens = ex.ix.between(floor, stop)


def _cue(ex: ArticleContext, verb, lemma: str, who, floor: int, pattern: str, last=None) -> Cue:
    """The cue from its auxiliary to its last word (fait valoir: ``last`` is valoir)."""
    aux = [a for a in ex.ix.kids(verb) if a.deprel.startswith("aux") and a.i < verb.i and a.start >= floor]
    start = aux[0].start if aux else verb.start
    end = (last or verb).end
    return Cue(start, end, ex.text[start:end], lemma, who, pattern)


def _candidate(ex: ArticleContext, s: Sentence, start: int, end: int, cue: Cue, sieve: str) -> Candidate | None:
    span = ex.clause(start, end)
    if span is None:
        return None
    return Candidate([span], span, s.paragraph, "indirect", cue=cue, reason=[sieve])


def _reporting_verb(ex: ArticleContext, toks, k: int, finite_only=True):
    """(lemma, index after the cue) when toks[k] is a reporting verb that speaks for its
    subject: not quoted, not negated, not an infinitive (il faut dire que)."""
    verb = toks[k]
    if ex.cues.lemma_of(verb) is None:  # most words: the cached lemma answers at once
        return None, k
    if ex.inside_marks(verb.start) or ex.ix.is_negated(verb):
        return None, k
    if finite_only and verb.feats.get("VerbForm") == "Inf" and not _narrative(toks, k):
        return None, k
    return ex.cues.cue_verb(toks, k)


def _narrative(toks, k: int) -> bool:
    """Et d'ajouter que ...: the narrative infinitive, whose speaker is the one just quoted."""
    return 2 <= k <= 3 and toks[k - 1].text.lower().replace("’", "'") in ("d'", "de") and toks[0].text.lower() == "et"


def _subject(ex: ArticleContext, verb, floor: int):
    return ex.cues.speaker_mention(ex.cues.subject_of(verb, floor))


# ----- the sieves -----------------------------------------------------------------------------
def statement_incise(ex: ArticleContext, s: Sentence) -> list:
    """La réforme sera votée, a assuré le ministre: a clause, a comma, an incise."""
    for tok in s.tokens:
        if tok.text != "," or ex.inside_marks(tok.start):
            continue
        cue = ex.cues.incise(tok.start, ex.paras[s.paragraph][1])
        if cue is None or ex.cues.speaker_mention(cue.mention) is None:
            continue
        if cue.pattern == "frame_after" and ex.text[cue.mention.end : s.stop].strip().startswith(",") and len(ex.text[cue.mention.end : s.stop].strip()) > 2:
            return []  # A, selon X, B: the whole sentence is the statement (frame_statement)
        toks = ex.ix.between(s.floor, tok.start)
        if not any(t.upos in ("VERB", "AUX") and not ex.inside_marks(t.start) for t in toks):
            return []
        cand = _candidate(ex, s, s.floor, tok.start, cue, "statement_incise")
        return [cand] if cand else []
    return []


def _clause_end(ex: ArticleContext, toks, j: int, stop: int) -> tuple[int, int | None]:
    """Where the content starting at toks[j] ends, and where a coordinated que-clause
    (…, et qu'il …) starts, if one does."""
    for m in range(j, len(toks)):
        t = toks[m]
        if ex.inside_marks(t.start):
            continue
        low = t.text.lower()
        if low in ("et", "mais", "ou") or t.text == ",":
            nxt = toks[m + 1] if m + 1 < len(toks) else None
            nxt2 = toks[m + 2] if m + 2 < len(toks) else None
            if nxt is not None and nxt.text.lower() in QUE:
                return t.start, m + 2
            if t.text == "," and nxt is not None and nxt.text.lower() in ("et", "mais") and nxt2 is not None and nxt2.text.lower() in QUE:
                return t.start, m + 3
            if t.text == "," and nxt is not None and nxt.feats.get("VerbForm") in ("Part", "Ger") and ex.cues.lemma_of(nxt):
                return t.start, None  # …, précisant que …: a clause of its own
            if t.text == "," and nxt is not None and nxt.text.lower() == "en" and nxt2 is not None and ex.cues.lemma_of(nxt2):
                return t.start, None  # …, en affirmant que …
        if t.text in (":", ";"):
            return t.start, None
    return stop, None


def que_clause(ex: ArticleContext, s: Sentence) -> list:
    """X affirme que ... et qu'... / précisant que ...: every que-clause of a reporting verb
    whose subject can speak, coordinated clauses included."""
    toks = s.tokens
    found = []
    k = 0
    while k < len(toks):
        lemma, after = _reporting_verb(ex, toks, k)
        if lemma is None:
            k += 1
            continue
        verb = toks[k]
        j = None
        for m in range(after, min(after + 10, len(toks))):
            if toks[m].text.lower() in QUE:
                if m > after + 1 and toks[m - 1].text == "," and toks[m - 2].upos in ("NOUN", "PROPN") and all(t.text != "," for t in toks[after : m - 1]):
                    break  # écrit ses Mémoires, qu'elle destine à ...: a relative pronoun (not estime, en l'état, que)
                j = m
                break
            if toks[m].text.lower() in COMPARATIVES:
                break
            if toks[m].upos in ("VERB", "AUX") or toks[m].text in (".", ":", ";", "«", '"', "“"):
                break
        narrative = j is not None and _narrative(toks, k)
        who = _subject(ex, verb, s.floor) if j is not None and not narrative else None
        if who is None and not narrative:
            k += 1
            continue
        cue = _cue(ex, verb, lemma, who, s.floor, "narrative_infinitive" if narrative else "que_clause", toks[after - 1])
        start = toks[j].end
        while start is not None:
            end, nxt = _clause_end(ex, toks, ex.index_after(toks, start), ex.sentence_stop(start))
            cand = _candidate(ex, s, start, end, cue, "que_clause")
            if cand:
                found.append(cand)
            start = toks[nxt - 1].end if nxt is not None and nxt - 1 < len(toks) else None
            k = max(k, nxt or 0)
        k += 1
    return found


def infinitive_clause(ex: ArticleContext, s: Sentence) -> list:
    """X affirme avoir ..., X a promis de ..., X a accusé Y de ..., X s'est dit prêt à ..."""
    toks = s.tokens
    for k in range(len(toks)):
        lemma, after = _reporting_verb(ex, toks, k)
        if lemma not in INFINITIVE_VERBS and not (lemma == "dire" and any(t.text.lower() in ("s'", "s’", "se") for t in toks[max(0, k - 3) : k])):
            continue
        verb = toks[k]
        inf = None
        for m in range(after, min(after + MAX_BRIDGE, len(toks))):
            t = toks[m]
            if t.feats.get("VerbForm") == "Inf" and t.upos in ("VERB", "AUX") and t.deprel != "fixed":  # not à partir de
                inf = m
                break
            if t.upos not in BRIDGE_UPOS or ex.inside_marks(t.start) or t.text.lower() in QUE:
                break
            if t.upos == "ADP" and t.text.lower() not in BRIDGE_PREPOSITIONS:
                break  # ... pour libérer: a purpose, not the reported words
        if inf is None:
            continue
        start = after if lemma == "dire" else inf  # s'est dit prêt à ...: from the adjective
        while start > after and toks[start - 1].text.lower() in LEADING_CLITICS:
            start -= 1  # ne pas avoir ..., l'avoir vu
        who = _subject(ex, verb, s.floor)
        if who is None:
            continue
        cue = _cue(ex, verb, lemma, who, s.floor, "infinitive_clause", toks[after - 1])
        end, _ = _clause_end(ex, toks, inf, s.stop)
        cand = _candidate(ex, s, toks[start].start, end, cue, "infinitive_clause")
        return [cand] if cand else []
    return []


def frame_statement(ex: ArticleContext, s: Sentence) -> list:
    """Selon X, ... / ..., selon X. / ..., selon X, ...: the statement a frame attributes."""
    toks = s.tokens
    for k, t in enumerate(toks):
        if ex.inside_marks(t.start) or (t.text.lower().replace("’", "'") not in ("selon", "d'", "pour") and not lexicon.multiword_frame(toks, k)):
            continue
        lead = k == 0 or (k == 1 and toks[0].text.lower() in ("mais", "et", "or", "ainsi", "enfin", "toujours"))
        if t.text.lower() == "pour" and k + 1 < len(toks) and toks[k + 1].text.lower() == "qui" and k > 0 and toks[k - 1].text == ",":
            cand = _pour_qui(ex, s, toks, k)  # X, pour qui ...
            if cand is not None:
                return [cand]
            continue
        if t.text.lower() == "pour" and not lead:
            continue  # pour X in the middle of a sentence is rarely an opinion frame
        found = ex.cues.frame_at(toks, k)
        if found is None:
            continue
        cue, after = found
        if lead:
            if after >= len(toks) or toks[after].text != ",":
                continue
            start, end = toks[after].end, s.stop
        elif after >= len(toks) or toks[after].text in (".", "!", "?", "…"):
            start, end = s.floor, t.start  # ..., selon X.
        elif toks[after].text == "," and after + 1 < len(toks) and toks[after + 1].feats.get("VerbForm") == "Part" and toks[after + 1].feats.get("Tense") != "Pres":
            start, end = s.floor, t.start  # ..., selon des estimations de X, citées par Y.
        elif toks[after].text == ",":
            start, end = s.floor, s.stop  # ..., selon X, ...: the whole sentence
        else:
            continue
        cand = _candidate(ex, s, start, end, cue, "frame_statement")
        return [cand] if cand else []
    return []


def _pour_qui(ex: ArticleContext, s: Sentence, toks, k: int):
    """Jean Dupont, de la CFDT, pour qui la réunion fut « inutile »: the opinion after
    "pour qui" is the one of the noun phrase the relative follows (the one that ends a
    comma-separated segment and can speak, walking back over appositions)."""
    j = k - 1
    for _ in range(3):  # at most two appositions back
        seg_end = j
        j -= 1
        while j >= 0 and toks[j].text != ",":
            j -= 1
        last = toks[seg_end - 1] if seg_end - 1 > j else None  # the segment's last word heads it
        who = ex.cues.np_left_of(last, s.floor) if last is not None and last.upos in ("NOUN", "PROPN", "X") else None
        if who is not None and ex.cues.can_speak(who) and toks[j + 1].upos != "ADP":
            cue = Cue(toks[k].start, toks[k + 1].end, ex.text[toks[k].start : toks[k + 1].end], "pour", who, "frame_statement")
            return _candidate(ex, s, toks[k + 1].end, s.stop, cue, "frame_statement")
        if j < 0:
            return None
    return None


INDIRECT_SIEVES: tuple[tuple[str, Callable], ...] = (
    ("statement_incise", statement_incise),
    ("que_clause", que_clause),
    ("infinitive_clause", infinitive_clause),
    ("frame_statement", frame_statement),
)


# A statement that these sieves find around quoted words whose cue is its own (Les Alliés
# sont « préoccupés », a expliqué X) is the writer's frame for those words: the quoted
# words are the record. A que-clause keeps both (X a estimé que la réforme était « injuste »).
AROUND_QUOTES = ("statement_incise", "frame_statement")


# A headline reports speech only with a verb and its clause (La Russie affirme avoir ...):
# a headline has no incise, and a frame there is rare.
HEADLINE_SIEVES = ("que_clause", "infinitive_clause")


def _carries(ex: ArticleContext, marked: list, cand) -> bool:
    """Quoted words inside the statement whose cue is the statement's, or an incise after
    them inside it (« ... », a affirmé X, selon une vidéo de Y: the words are X's, not a
    statement of Y)."""
    inside = ex.marked_between(marked, max(0, cand.start - 2), cand.end + 2)
    return any(c.cue is not None and (c.cue.start == cand.cue.start or c.end <= c.cue.start < cand.end) for c in inside)


def _before_later_cue(ex: ArticleContext, s: Sentence, cand, taken: list, sieve: str):
    """A statement that runs into a later record's cue ends before it, at the last comma
    (X a affirmé avoir ..., au lendemain d'un discours de Y jugeant que ...)."""
    later = [o for o in taken if _overlaps(cand, o) and cand.start < o.start and o.cue is not None and cand.cue.start < o.cue.start and cand.start < o.cue.start]
    if not later:
        return cand
    stop = min(o.cue.start for o in later)
    commas = [t.start for t in ex.ix.between(cand.start, stop) if t.text == "," and not ex.inside_marks(t.start)]
    return _candidate(ex, s, cand.start, commas[-1] if commas else stop, cand.cue, sieve)


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def find_indirect(ex: ArticleContext, marked: list, sieves=INDIRECT_SIEVES) -> list:
    """Indirect quotations of every writer's sentence, earlier sieves first; a statement
    that marked quotes mostly cover (or that holds a whole direct quote) is left to them."""
    found = []
    seen = set()
    for sentence in ex.doc.sentences:
        if ex.inside_marks(sentence.start):  # a sentence inside quoted words; one that only ends there (… était « X. ») is the writer’s
            continue
        p = paragraph_index(ex.paras, sentence.start)
        heading = ex.is_heading(p)
        # the writer's sentence, from its punctuation: a parse may cut one in two
        floor = ex.sentence_floor(sentence.start + 1) if sentence.start + 1 < len(ex.text) else sentence.start
        if floor in seen:
            continue
        seen.add(floor)
        stop = ex.sentence_stop(floor)
        s = Sentence(ex, floor, stop if ex.inside_marks(sentence.end - 1) else max(sentence.end, stop), p)
        taken = []
        for name, sieve in sieves:
            if heading and name not in HEADLINE_SIEVES:
                continue
            for cand in sieve(ex, s):
                cand = _before_later_cue(ex, s, cand, taken, name)
                if cand is None or any(_overlaps(cand, other) for other in taken):
                    continue
                if ex.marked_cover(marked, cand) >= MARKED_COVER and ex.reject(cand.start, cand.end, cand.kind, "marked_cover"):
                    continue
                if name in AROUND_QUOTES and _carries(ex, marked, cand) and ex.reject(cand.start, cand.end, cand.kind, "around_quotes"):
                    continue
                taken.append(cand)
        found.extend(sorted(taken, key=lambda c: c.start))
    return found
