"""Attribution as ordered sieves, after CoreNLP's quote attributor (Muzny et al., EACL 2017).

Two stages, each an ordered list of small named functions, high precision first:

1. ``QUOTE_SIEVES`` (quote -> mention): each looks for the cue of a quotation still
   without one, and returns it (with the mention it attaches to) or None. A cue whose
   mention cannot speak (``CueFinder.can_speak``) or lies inside the quoted words is
   refused, and the next sieve tries.
2. ``SPEAKER_SIEVES`` (mention -> speaker): each turns the mention of a quote (or its
   absence) into a canonical speaker, or passes.

A sieve only fills what earlier sieves left open, and its identifier goes into the
quote's ``reason``, so that ``quotetrack eval --by-sieve`` can measure it. The order is
data: a sieve is added, moved or removed in one line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from . import lexicon
from .cues import Cue
from .impersonal import impersonal_source
from .mentions import PRONOUN_SUBJECTS
from .speakers import Speaker, fold

from .candidates import Candidate

if TYPE_CHECKING:  # the context is passed in; no import at run time
    from .context import ArticleContext

TERMINATORS = ".!?…"
# How far from a quoted headline its words are looked for in the body, in characters.
BODY_WINDOW = 20_000
SAME_SOURCE = re.compile(r"\W*(de|d'une|d’une) (même|bonne|la même) source")
# The source just quoted, named again as such: selon la même source, de même source.
SAME_SOURCE_MENTION = re.compile(r"(?:de\s+|d[’']une\s+)?(?:la\s+)?même\s+source", re.I)


def names_the_same_source(words: str) -> bool:
    return SAME_SOURCE_MENTION.fullmatch(words.strip()) is not None


# ----- quote -> mention ---------------------------------------------------------------------
def incise_inside_marks(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """« Nous irons, a-t-il dit, jusqu'au bout »: the incise sits inside the marks."""
    if cand.kind != "direct" or len(cand.parts) != 1:
        return None
    return ex.inner_incise(cand)


def cue_governs_fragment(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """X dénonce « un scandale »: a fragment right after the verb that governs it."""
    if cand.kind != "partial":
        return None
    before = ex.cues.verb_before(cand.outer[0], ex.floor(cand))
    return before if before is not None and ex.adjacent(before, cand.outer[0]) else None


def incise_after(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """« ... », a déclaré X / « ... », selon X."""
    return ex.cues.incise(cand.outer[1], ex.para_of(cand.outer[1] - 1)[1])


# « ... » Ce constat, c'est celui de X / La phrase, prononcée à la barre, est celle de X /
# La formule, lâchée par X, ...: the words first, their speaker named by the sentence after
# them, which renames the words. After a demonstrative any noun renames them (ce constat,
# ce cri du cœur); after an article, only a noun for words said does (la phrase, le mot).
WORDS_SAID = r"(?:phrase|formule|mot|mots|propos|constat|confidence|aveu|cri|sentence|remarque|réplique|saillie|déclaration)"
RENAMED = r"\s*(?:(?:ce|cet|cette|ces)\s+[\w’'-]+|(?:la|le|les|l[’'])\s*" + WORDS_SAID + r")(?:\s+[\w’'-]+)?"
# an apposition to the words, between commas (prononcée d'une voix blanche), naming no one
APPOSED = r"(?:\s*,[^,.;:«»“”\"]{1,80},)?"
NAMED_AFTER = re.compile(
    RENAMED + APPOSED + r"\s*,?\s*(?:c[’']est|ce sont|est|sont|était|étaient)\s+(?:celui|celle|ceux|celles)\s+(?:de la|de l[’']|du|des|de|d[’'])\s*",
    re.I,
)
# La phrase, lâchée par X, ...: a participle of saying whose agent is the speaker
SAYING = r"(?:lâch|prononc|lanc|gliss|confi|ten|sign|écri|formul|employ|assén|martel|di)(?:é|u|t|it)?e?s?"
SAID_BY = re.compile(RENAMED + r"\s*,\s*" + SAYING + r"(?:\s+[^,.;:«»“”\"]{0,40}?)?\s+par\s+", re.I)


def speaker_named_after(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """« Nous ne céderons pas. » Ce constat, c'est celui de X / La phrase, lâchée par X,
    ...: a quotation standing first, its speaker named by the sentence that follows it."""
    if cand.kind != "direct":
        return None
    p_end = ex.para_of(cand.outer[1] - 1)[1]
    m = NAMED_AFTER.match(ex.text, cand.outer[1], p_end) or SAID_BY.match(ex.text, cand.outer[1], p_end)
    if m is None:
        return None
    toks = ex.ix.between(m.end() - 6, p_end)
    k = next((j for j, t in enumerate(toks) if t.start >= m.end()), None)
    if k is None:
        return None
    who = ex.cues.with_apposition(ex.cues.np_at(toks, k), p_end)
    if who is None:
        return None
    said = ex.text[m.start() : m.end()]
    return Cue(m.end() - len(said.lstrip()), m.end(), said.strip(), "être", who, "speaker_named_after")


# Nouns for words said, which name their speaker after "de": Réponse du ministre : « ... ».
SPEECH_NOUNS = {"réponse", "réplique", "réaction", "message", "commentaire", "déclaration", "explication", "mise", "avertissement", "appel"}


def speech_noun_colon(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """Réponse du ministre, X, à la tribune : « ... » / Réplique de X, agacé : « ... »: a
    sentence opened by a noun for words said, its speaker after "de", then a colon."""
    toks = ex.cues.before_tokens(cand.outer[0], ex.floor(cand))
    if len(toks) < 4 or toks[-1].text != ":" or toks[0].text.lower() not in SPEECH_NOUNS:
        return None
    k = 1
    if toks[0].text.lower() == "mise" and toks[1].text.lower() == "en" and toks[2].text.lower() == "garde":
        k = 3
    if toks[k].text.lower().replace("’", "'") not in ("de", "du", "d'", "des"):
        return None
    comma = next((j for j in range(k + 1, len(toks) - 1) if toks[j].text == ","), None)
    if comma is not None:  # Réponse du ministre chargé des Collectivités, X, ...: the role runs to the comma
        seg = toks[k + 1 : comma]
        if any(t.upos in ("VERB", "AUX") and t.feats.get("VerbForm") != "Part" for t in seg):
            return None
        who = ex.cues.with_apposition(ex.cues.mention(seg), toks[-1].start)
    else:
        who = ex.cues.np_at(toks, k + 1)
    if who is None or not ex.cues.can_speak(who):
        return None
    return Cue(toks[-1].start, toks[-1].end, ":", ":", who, "speech_noun_colon")


def frame_before(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """Selon X, « ... » / Pour X, « ... »."""
    return ex.cues.frame_before(cand.outer[0], ex.floor(cand))


def cue_before(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """X a déclaré : « ... » / X a dénoncé un « ... »."""
    return ex.cues.verb_before(cand.outer[0], ex.floor(cand))


def name_colon(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """Jean Dupont : « ... »."""
    return ex.cues.name_colon(cand.outer[0], ex.floor(cand))


def colon_clause(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """Le maire n'a pas caché son inquiétude : « ... » / X, dans un entretien au Monde :
    « ... »: a colon after a clause whose subject is the speaker, with or without a
    reporting verb."""
    toks = ex.cues.before_tokens(cand.outer[0], ex.floor(cand))
    if len(toks) < 2 or toks[-1].text != ":":
        return None
    colon, clause = toks[-1], toks[:-1]
    verbless = not any(t.upos in ("VERB", "AUX") for t in clause)
    for verb in ex.clause_roots(clause):
        who = ex.cues.subject_of(verb, clause[0].start)
        if who is not None and (not verbless or ex.cues.named_source(who)):
            return Cue(colon.start, colon.end, ":", ":", who, "colon_clause")
    if verbless:
        end = ex.cues.np_from(clause, 0)
        if 0 < end < len(clause) and clause[end].text == ",":
            return Cue(colon.start, colon.end, ":", ":", ex.cues.mention(clause[:end]), "colon_clause")
    return None


def previous_sentence_subject(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """X a dénoncé la réforme. « C'est un recul historique. »: a quotation standing as a
    sentence of its own, after a sentence of the writer's (same paragraph, or the last of
    the paragraph before) whose subject can speak and which holds no quotation."""
    if cand.kind != "direct":
        return None
    floor = ex.floor(cand)
    if ex.text[floor : cand.outer[0]].strip():
        return None
    p_start, _ = ex.para_of(cand.outer[0])
    if floor > p_start:
        end = floor
    elif cand.paragraph > 0 and not ex.is_heading(cand.paragraph - 1):
        end = ex.paras[cand.paragraph - 1][1]
    else:
        return None
    start = ex.sentence_floor(max(0, end - 1))
    if ex.quotes_between(start, end):
        return None  # the previous speaker continues, or a new cue decides
    clause = [t for t in ex.ix.between(start, end) if not ex.inside_marks(t.start)]
    for verb in ex.clause_roots(clause):
        who = ex.cues.subject_of(verb, start)
        if who is not None:
            return Cue(verb.start, verb.end, verb.text, verb.lemma, who, "previous_sentence_subject")
    return None


def sentence_subject(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """La police s'intéresse « à d'autres individus » / Les syndicats, « amers », ...: a
    fragment in the writer's sentence whose subject can speak and is the one the words
    describe, when no reporting verb governs it. Without a cue, a name, a title, a label
    or a scare quote looks the same, so the fragment must read as someone's words
    (``reads_as_words``)."""
    if cand.kind != "partial" or not ex.reads_as_words(cand):
        return None
    floor = ex.floor(cand)
    clause = [t for t in ex.ix.between(floor, ex.sentence_stop(cand.outer[1])) if not ex.inside_marks(t.start)]
    verbless = not any(t.upos in ("VERB", "AUX") for t in clause if t.end <= cand.outer[0])
    for verb in ex.clause_roots(clause)[:1]:
        who = ex.cues.subject_of(verb, floor)
        if who is not None and who.start < cand.outer[0] and who.tokens[0].upos != "PRON" and (not verbless or ex.cues.named_source(who)):
            return Cue(verb.start, verb.end, verb.text, verb.lemma, who, "sentence_subject")
    return None


def previous_paragraph_colon(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """A paragraph that is one quotation, announced by the previous one ending in a colon."""
    p_start, _ = ex.para_of(cand.outer[0])
    if cand.kind != "direct" or ex.floor(cand) != p_start or cand.paragraph == 0:
        return None
    q_start, q_end = ex.paras[cand.paragraph - 1]
    if not ex.text[q_start:q_end].rstrip().endswith(":"):
        return None
    return ex.cues.before(q_end, ex.sentence_floor(q_end - 1))


def incise_end_of_sentence(ex: ArticleContext, cand: Candidate) -> Cue | None:
    """Il est en « soins intensifs » après l'agression, a indiqué sa famille."""
    if cand.kind != "partial":
        return None
    return ex.final_incise(cand.outer[1], ex.sentence_stop(cand.outer[1]))


QUOTE_SIEVES: tuple[tuple[str, Callable], ...] = (
    ("incise_inside_marks", incise_inside_marks),
    ("cue_governs_fragment", cue_governs_fragment),
    ("incise_after", incise_after),
    ("speaker_named_after", speaker_named_after),
    ("speech_noun_colon", speech_noun_colon),
    ("frame_before", frame_before),
    ("cue_before", cue_before),
    ("name_colon", name_colon),
    ("previous_paragraph_colon", previous_paragraph_colon),
    ("colon_clause", colon_clause),
    ("incise_end_of_sentence", incise_end_of_sentence),
    ("previous_sentence_subject", previous_sentence_subject),
    ("sentence_subject", sentence_subject),
)


def acceptable(ex: ArticleContext, cand: Candidate, cue: Cue) -> Cue | None:
    """The cue to keep, when its mention can speak (or is a document whose author can:
    un rapport de la Ligue arabe) and is not part of the quoted words; else None."""
    m = ex.cues.speaker_mention(cue.mention)
    if m is None:
        return None
    parts = cand.pending[0] if cand.pending is not None else cand.parts
    if any(a <= m.start < b or (m.start <= a and b <= m.end) for a, b in parts):
        return None
    return cue if m is cue.mention else replace(cue, mention=m)


def find_cue(ex: ArticleContext, cand: Candidate, sieves=QUOTE_SIEVES) -> None:
    """Run the quote sieves in order until one gives an acceptable cue."""
    for name, sieve in sieves:
        cand.pending = None
        cue = sieve(ex, cand)
        cue = acceptable(ex, cand, cue) if cue is not None else None
        if cue is None:
            continue
        if cand.pending is not None:  # the sieve split the quoted words around its incise
            cand.parts, cand.joins = cand.pending
        cand.cue = cue
        cand.reason.append("frame_after" if cue.pattern == "frame_after" else name)
        return
    cand.pending = None


# ----- mention -> speaker -------------------------------------------------------------------
class Chain:
    """What the speaker sieves share while they walk the quotes in text order: the
    previous attributed quote, and the article's antecedents (built once, when needed)."""

    def __init__(self, ex: ArticleContext):
        self.ex = ex
        self.prev: Candidate | None = None
        self._antecedents = None

    @property
    def antecedents(self):
        if self._antecedents is None:
            self._antecedents = self.ex.antecedents()
        return self._antecedents


def pronoun_antecedent(chain: Chain, cand: Candidate) -> Speaker | None:
    """« ... », a-t-il ajouté: the nearest compatible speaker before, preferring the
    previous quote's when no rival stands between."""
    mention = cand.cue.mention if cand.cue else None
    if mention is None or mention.pronoun not in PRONOUN_SUBJECTS:
        return None
    return chain.ex.pronoun_speaker(mention, cand, chain.prev, chain.antecedents) or Speaker(None)


def description_to_person(chain: Chain, cand: Candidate) -> Speaker | None:
    """« ... », a insisté la magistrate: a bare definite role noun pointing back to the
    nearest person named in full before (a role the article tied to a name is resolved
    by ``named_speaker``, through the article's appositions)."""
    mention = cand.cue.mention if cand.cue else None
    if mention is None or mention.pronoun is not None:
        return None
    speaker = chain.ex.resolver.describe(mention)
    if not (speaker.definite and speaker.gender):
        return None
    content = [t for t in mention.tokens if t.upos not in ("DET", "PUNCT")]
    if len(content) > 1 or content[0].text[:1].isupper():
        return None  # le négociateur palestinien, le président du Kazakhstan, la République: a source in itself
    nouns = lexicon.person_nouns()
    if content[0].lemma.lower() not in nouns and content[0].text.lower() not in nouns:
        return None  # l'opposition, le syndicat: a group, not a person described
    pronoun = "elle" if speaker.gender == "Fem" else "il"
    person = chain.ex.pronoun_speaker(mention, cand, chain.prev, chain.antecedents, persons_only=True, pronoun=pronoun)
    if person is None or not person.name or person.kind != "person":
        return None  # le maire is no "chacun" said before
    return Speaker(person.name, person.kind, speaker.role, person.gender, "Sing", set(person.aliases))


def named_speaker(chain: Chain, cand: Candidate) -> Speaker | None:
    """A name, a role or a description given by the cue's mention itself."""
    mention = cand.cue.mention if cand.cue else None
    if mention is None or mention.pronoun is not None:
        return None
    return chain.ex.resolver.describe(mention)


def continues_speaker(chain: Chain, cand: Candidate) -> Speaker | None:
    """No cue: the words go on from the previous speaker in the same paragraph, or in a
    paragraph that is all quotation right after it."""
    prev = chain.prev
    if cand.cue is not None or prev is None or not (prev.speaker and prev.speaker.name):
        return None
    if chain.ex.is_heading(cand.paragraph):
        return None  # a quoted headline is no continuation (see headline_from_body)
    return prev.speaker if chain.ex.continues(prev, cand) else None


# How far back "de même source" reaches for the source just quoted, in paragraphs: the
# phrase follows the source's words closely, or it would name the source again.
SAME_SOURCE_PARAGRAPHS = 2


def same_source(chain: Chain, cand: Candidate) -> Speaker | None:
    """« ... », ajoute-t-on de même source / ..., selon la même source: "on" or "la même
    source" stands for the source just quoted."""
    mention = cand.cue.mention if cand.cue else None
    prev = chain.prev
    if mention is None or prev is None or not (prev.speaker and prev.speaker.name):
        return None
    if cand.paragraph - prev.paragraph > SAME_SOURCE_PARAGRAPHS:
        return None
    if names_the_same_source(mention.text):
        return prev.speaker
    after = chain.ex.text[cand.cue.end : cand.cue.end + 40].lower()
    return prev.speaker if mention.pronoun == "on" and SAME_SOURCE.match(after) else None


def headline_from_body(ex: ArticleContext, cands: list[Candidate]) -> None:
    """A headline, a subheading or a pull quote in quotation marks (a paragraph that is
    only the quote) repeats words said in the body: it takes the speaker of the body's
    quote that holds the same words, looked for within ``BODY_WINDOW`` characters so the
    work stays linear in the text."""
    starts = [c.start for c in cands]
    folded: dict[int, str] = {}
    for cand in cands:
        if cand.cue is not None or not (ex.is_heading(cand.paragraph) or ex.stands_alone(cand)):
            continue
        words = fold(" ".join(ex.text[a:b] for a, b in cand.parts)).strip(" .!?…")
        if len(words) < 3:
            continue
        lo, hi = bisect_left(starts, cand.start - BODY_WINDOW), bisect_right(starts, cand.start + BODY_WINDOW)
        for k in range(lo, hi):
            other = cands[k]
            if other is cand or other.cue is None or other.speaker is None or not other.speaker.name or ex.is_heading(other.paragraph):
                continue
            if k not in folded:
                folded[k] = fold(" ".join(ex.text[a:b] for a, b in other.parts))
            if words in folded[k]:
                cand.speaker = other.speaker
                cand.reason = [r for r in cand.reason if r not in ("no_speaker", "continues_speaker")] + ["headline_from_body"]
                break


def narrative_infinitive(chain: Chain, cand: Candidate) -> Speaker | None:
    """« ... », a-t-il raconté. Et d'ajouter que ...: the speaker just quoted goes on."""
    if cand.cue is None or cand.cue.pattern != "narrative_infinitive" or chain.prev is None:
        return None
    return chain.prev.speaker if chain.prev.speaker and chain.prev.speaker.name else None


def impersonal(chain: Chain, cand: Candidate) -> Speaker | None:
    """« ... », assure-t-on à Matignon / où l'on précise que ...: the place or the source
    the impersonal *on* stands for (``impersonal.py``)."""
    if cand.cue is None or cand.cue.mention is None:
        return None
    return impersonal_source(chain.ex, cand.cue.mention, cand.cue.end)


SPEAKER_SIEVES: tuple[tuple[str, Callable], ...] = (
    ("narrative_infinitive", narrative_infinitive),
    ("same_source", same_source),
    ("impersonal", impersonal),
    ("pronoun_antecedent", pronoun_antecedent),
    ("description_to_person", description_to_person),
    ("named_speaker", named_speaker),
    ("continues_speaker", continues_speaker),
)


def find_speakers(ex: ArticleContext, cands: list[Candidate], sieves=SPEAKER_SIEVES) -> None:
    """Run the speaker sieves over the quotes in text order."""
    chain = Chain(ex)
    for cand in cands:
        for name, sieve in sieves:
            speaker = sieve(chain, cand)
            if speaker is not None:
                cand.speaker = speaker if speaker.name else None
                cand.reason.append(name)
                break
        else:
            if cand.cue is None:
                cand.reason.append("no_speaker")
        if cand.speaker is not None and cand.speaker.name:
            chain.prev = cand
        elif cand.kind != "indirect":
            chain.prev = cand
    headline_from_body(ex, cands)
