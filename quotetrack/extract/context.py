"""The article's context (``ArticleContext``): what every stage of extraction receives.

Before, the quote sieves (``sieves.py``) and the sieves of reported speech
(``indirect.py``) imported a private extractor class from ``quotes.py``, which imported
them back. The context now lives here, below all of them: ``quotes.py`` runs the stages
in order, and each stage imports only this module and ``candidates.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..nlp.document import Document
from .candidates import JOIN, Candidate
from .cast import CAST_PASSES, Cast
from .cues import Cue, CueFinder
from .index import DocIndex
from .marks import find_marked_spans, paragraph_index, paragraphs
from .mentions import PRONOUN_SUBJECTS, WINDOW, Mention
from .records import Quote, Rejection
from .speakers import PRONOUNS, Speaker, SpeakerResolver, compatible

# Longest stretch scanned for a sentence boundary: keeps pathological one-line texts linear.
MAX_SENTENCE = 3000
# A sentence ends at . ! ? … before a space; not the full stop of an initial or of M. (Didier
# M. s'est tourné ..., a déclaré M. Lemaire, A. Montebourg), which is no sentence's end.
_SENTENCE_END = re.compile(r"(?m)(?:(?<![\s\-'’(\"«][A-ZÀ-ÖØ-Ý])(?<!^[A-ZÀ-ÖØ-Ý])\.|[!?…])(?=\s)")
TERMINATORS = ".!?…"
# Longest paragraph read as a heading (a title, a subheading, a pull quote) when it ends
# without a full stop: the press's headlines stay under about two lines of a column.
HEADING_LENGTH = 150
# How many paragraphs a pronoun may reach back to the previous quote's speaker: in the
# press, a speaker's words run over a few paragraphs before a new source is named.
CHAIN_PARAGRAPHS = 3
# Most words between a cue and the opening mark for the cue to govern the quote (dénonce
# un projet « ... »): beyond a short complement the quote is a clause of its own.
ADJACENT_WORDS = 3
# Shortest statement, in characters, kept as reported speech: a shorter span is a
# fragment of a clause (a name, a date), not a statement.
SHORTEST_STATEMENT = 12

# The steps of a pronoun's resolution that --without can switch off (``pronoun_speaker``).
PRONOUN_STEPS = ("body_subject",)


def enabled(steps, without: frozenset):
    """The named steps of an ordered list, less those switched off (``eval --without``)."""
    return tuple((name, step) for name, step in steps if name not in without) if without else steps


class ArticleContext:
    """One article as every stage of extraction reads it: the document and its index, the
    paragraphs, the quotation marks, the cue finder, the speaker resolver and the cast
    (built when first asked for). The stages are functions that receive it; it holds the
    helpers they share, not their decisions."""

    def __init__(self, doc: Document, without: frozenset = frozenset()):
        self.without = without  # steps switched off (``eval --without``), by identifier
        self.doc = doc
        self.text = doc.text
        self.ix = DocIndex(doc)
        self.paras = paragraphs(self.text)
        self.spans = find_marked_spans(self.text)
        self.outers = sorted(s.outer for s in self.spans)
        self.outer_starts = [a for a, _ in self.outers]
        self.cues = CueFinder(self.ix, quoted=self.inside_marks, name_starts=lambda: self.cast.name_starts)
        self.resolver = SpeakerResolver(self.ix)
        self._starts_of, self._starts = None, []
        self._positions_of, self._positions = None, []
        self.charges: list[int] = []  # where each quoted offence ends, in text order (``not_speech.is_charge``)
        self.rejected: list[Rejection] = []  # what the rejecting steps decided (``records.REJECTING_STEPS``)
        self._floors: dict[int, int] = {}  # opening mark -> start of its sentence
        self._cast: Cast | None = None

    @property
    def cast(self) -> Cast:
        """The article's cast (``cast.py``), built once, when first asked for."""
        if self._cast is None:
            self._cast = Cast(self.ix, self.inside_marks, lambda at: paragraph_index(self.paras, at), enabled(CAST_PASSES, self.without))
        return self._cast

    # ----- helpers -------------------------------------------------------------------------
    def inside_marks(self, offset: int) -> bool:
        """Is ``offset`` strictly inside a quotation (top-level quotes never overlap)?"""
        k = bisect_right(self.outer_starts, offset - 1) - 1
        return k >= 0 and self.outers[k][0] < offset < self.outers[k][1]

    def stands_alone(self, cand: Candidate) -> bool:
        """Is the quote a short paragraph of its own (« Un budget de combat »)?"""
        a, b = self.paras[cand.paragraph]
        body = self.text[a:b].strip()
        return len(body) < HEADING_LENGTH and len(cand.parts) == 1 and body[:1] in "«“\"„" and cand.end - cand.start >= len(body) - 6

    def clause_roots(self, clause) -> list:
        """The heads of a clause's tokens that depend on nothing inside it (its main verb,
        whatever the tagger called it: a past participle comes out ADJ at times), verbs first."""
        inside = {t.i for t in clause}
        roots = [t for t in clause if (t.head is None or t.head not in inside) and t.upos not in ("PUNCT", "DET", "ADP", "CCONJ", "SCONJ")]
        return sorted(roots, key=lambda t: t.upos not in ("VERB", "AUX"))

    def quotes_between(self, start: int, end: int) -> bool:
        """Does a quotation open in [start, end)?"""
        k = bisect_left(self.outer_starts, start)
        return k < len(self.outer_starts) and self.outer_starts[k] < end

    def para_of(self, offset: int) -> tuple[int, int]:
        return self.paras[paragraph_index(self.paras, offset)]

    def body(self, p: int) -> tuple[int, int]:
        """Paragraph ``p`` without the spaces around it."""
        a, b = self.paras[p]
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and self.text[b - 1].isspace():
            b -= 1
        return a, b

    def is_heading(self, p: int) -> bool:
        a, b = self.paras[p]
        body = self.text[a:b].strip()
        return len(body) < HEADING_LENGTH and body[-1:] not in TERMINATORS + "»\"”:)"

    def sentence_floor(self, offset: int) -> int:
        """Start of the writer's sentence holding ``offset``: after the last sentence end
        outside quotation marks, else the paragraph start (at most MAX_SENTENCE back)."""
        p_start, _ = self.para_of(offset)
        limit = max(p_start, offset - MAX_SENTENCE)
        ends = [m.start() for m in _SENTENCE_END.finditer(self.text, limit, offset)]
        for i in reversed(ends):
            if not self.inside_marks(i):
                return i + 1
        return limit

    def sentence_stop(self, offset: int) -> int:
        """End of the writer's sentence holding ``offset`` (at most MAX_SENTENCE ahead)."""
        _, p_end = self.para_of(offset)
        p_end = min(p_end, offset + MAX_SENTENCE)
        for m in _SENTENCE_END.finditer(self.text, offset, p_end):
            if not self.inside_marks(m.start()):
                return m.start() + 1
        return p_end

    def final_incise(self, after: int, stop: int) -> Cue | None:
        """An incise after a comma later in the sentence: « ... » par ..., a expliqué X."""
        for tok in self.ix.between(after, stop):
            if tok.text == "," and not self.inside_marks(tok.start):
                cue = self.cues.incise(tok.start, self.para_of(tok.start)[1])
                if cue is not None:
                    return cue
        return None

    def reject(self, start: int, end: int, kind: str, step: str) -> bool:
        """Record that ``step`` decided these words are nobody's quote; False when the step
        is switched off (``eval --without``), so the words go on."""
        if step in self.without:
            return False
        self.rejected.append(Rejection(start, end, kind, step))
        return True

    def reads_as_words(self, cand: Candidate) -> bool:
        """Does an uncued fragment read as someone's words rather than a label? Not a
        title or a name (a capital first), not a noun phrase's quoted noun (une « réforme »,
        le mouvement des « gilets jaunes », l'« escalade »), not a single noun."""
        a, b = cand.parts[0]
        content = self.ix.between(a, b)
        if not content or self.text[a : a + 1].isupper():
            return False
        if len(content) == 1 and content[0].upos in ("NOUN", "PROPN"):
            return False
        before = self.ix.between(max(0, cand.outer[0] - 40), cand.outer[0])
        return not (before and (before[-1].upos == "DET" or before[-1].text.lower().replace("’", "'") in ("des", "du", "de", "d'")))

    def floor(self, cand: Candidate) -> int:
        """Start of the writer's sentence that opens with the quote's first mark, computed
        once per quote: every quote sieve asks for it."""
        at = cand.outer[0]
        if at not in self._floors:
            self._floors[at] = self.sentence_floor(at)
        return self._floors[at]

    def adjacent(self, cue: Cue, open_at: int) -> bool:
        """A cue right before the quote: at most ``ADJACENT_WORDS`` (sur, que, un projet) between."""
        between = self.ix.between(cue.end, open_at)
        return len(between) <= ADJACENT_WORDS and not any(t.upos in ("PUNCT", "VERB") for t in between)

    def inner_incise(self, cand: Candidate) -> Cue | None:
        """« Nous irons, a-t-il dit, jusqu'au bout » and — On gagnera, lance X.: an incise
        inside the quoted words. The split parts are proposed in ``cand.pending``."""
        a, b = cand.parts[0]
        for tok in self.ix.between(a, b):
            if tok.text not in (",", "?", "!", "…"):
                continue
            cue = self.cues.incise(tok.start if tok.text == "," else tok.end, b)
            if cue is None or cue.mention is None or cue.mention.end > b:
                continue
            first_end = tok.start if tok.text == "," else tok.end
            rest = self.text[max(cue.end, cue.mention.end) : b]
            stripped = rest.lstrip(" ,.\u00a0\u202f")
            if stripped.strip(" .!?…") == "":
                cand.pending = ([(a, first_end)], [])
            elif rest.lstrip(" \u00a0\u202f")[:1] in (",", "."):
                cand.pending = ([(a, first_end), (b - len(stripped), b)], [JOIN])
            else:
                continue
            return cue
        return None

    # ----- reported speech without marks (the sieves are in indirect.py) ---------------------------
    def marked_between(self, marked: list[Candidate], start: int, end: int) -> list[Candidate]:
        """Marked quotes lying in [start, end); ``marked`` is in text order."""
        starts = [c.start for c in marked] if self._starts_of is not marked else self._starts
        if self._starts_of is not marked:
            self._starts_of, self._starts = marked, starts
        lo = bisect_left(starts, start)
        out = []
        for c in marked[lo:]:
            if c.start >= end:
                break
            if c.end <= end:
                out.append(c)
        return out

    def marked_cover(self, marked: list[Candidate], cand: Candidate) -> float:
        """Share of a statement that quoted words cover (1.0 when it holds a direct quote)."""
        inside = self.marked_between(marked, max(0, cand.start - 2), cand.end + 2)
        if any(c.kind == "direct" for c in inside):
            return 1.0
        covered = sum(max(0, min(b, cand.end) - max(a, cand.start)) for c in inside for a, b in c.parts)
        return covered / max(1, cand.end - cand.start)

    def clause(self, start: int, end: int) -> tuple[int, int] | None:
        """[start, end) without the spaces and punctuation around it; None when too short
        to be a statement."""
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:"):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".,;:!?…"):
            end -= 1
        if end - start < SHORTEST_STATEMENT:
            return None
        return start, end

    def index_after(self, toks, offset: int) -> int:
        """Index of the first of ``toks`` starting at or after ``offset``."""
        return bisect_left([t.start for t in toks], offset)

    # ----- speakers ----------------------------------------------------------------------------
    def antecedents(self) -> list[tuple[int, Speaker]]:
        """People and groups mentioned as subjects or by name outside quotation marks."""
        found = []
        names = self.cast.name_starts  # an antecedent is a name only where the cast reads one
        for start, words in self.resolver.names:
            if start not in names:
                continue  # no name once repaired (Assis devant sa ferme, ...)
            member = self.cast.by_name(" ".join(words))
            if member is not None and member.kind == "place":
                continue  # a place is no one's antecedent (la commune de Ploërmel ... elle)
            p = paragraph_index(self.paras, start)
            mention = self._name_mention(start)
            if mention is not None and not self.inside_marks(start) and not self.is_heading(p):
                found.append((start, self.resolver.describe(mention)))
        for tok in self.ix.tokens:
            if tok.deprel in ("nsubj", "nsubj:pass") and tok.upos in ("NOUN",) and not self.inside_marks(tok.start):
                p = paragraph_index(self.paras, tok.start)
                if self.is_heading(p):
                    continue
                m = self.cues.np_left_of(tok, self.paras[p][0])
                if m is not None and self.cues.can_speak(m):  # not « le secteur », « l'espèce »
                    found.append((m.start, self.resolver.describe(m)))
        return sorted(found, key=lambda x: x[0])

    def _name_mention(self, start: int) -> Mention:
        toks = self.ix.between(start, start + WINDOW)
        floor = self.para_of(start)[0]
        if not toks:
            return None
        m = self.cues.np_left_of(toks[0], floor)
        return m if m is not None else self.cues.mention([toks[0]])

    def continues(self, prev: Candidate, cand: Candidate) -> bool:
        if prev.paragraph == cand.paragraph:
            return True
        if prev.paragraph != cand.paragraph - 1:
            return False
        a, b = self.paras[cand.paragraph]
        body = self.text[a:b].strip()
        quoted = sum(e - s for s, e in cand.parts)
        return body[:1] in "«“\"„" and quoted >= 0.8 * len(body) - 6

    def pronoun_speaker(self, mention, cand, prev, antecedents, persons_only=False, pronoun=None) -> Speaker | None:
        pronoun = pronoun or mention.pronoun
        if persons_only:
            antecedents = [(at, s) for at, s in antecedents if s.kind == "person" and not s.definite and s.role != s.name and len(s.name.split()) > 1]
        if self._positions_of is not antecedents:
            self._positions_of, self._positions = antecedents, [at for at, _ in antecedents]
        positions = self._positions
        # antecedents stand before the quote: the reported words' own subjects are no speakers
        upto = bisect_left(positions, min(mention.start, cand.start))
        if prev is not None and prev.speaker is not None and compatible(prev.speaker, pronoun) and not (persons_only and prev.speaker.definite) and not mention.latest:
            if cand.paragraph - prev.paragraph <= CHAIN_PARAGRAPHS:
                since = bisect_right(positions, prev.end)
                rivals = [
                    s for at, s in antecedents[since:upto]
                    if compatible(s, pronoun) and self.as_person(s, at, antecedents).name != prev.speaker.name
                ]
                if not rivals:
                    return self.as_person(prev.speaker, prev.start, antecedents)
        salient = None if persons_only or "body_subject" in self.without else self.body_subject_before(mention, cand, pronoun)
        if salient is not None:
            return salient
        best = None
        for at, speaker in reversed(antecedents[max(0, upto - 200) : upto]):
            if compatible(speaker, pronoun) and (speaker.kind in ("person", "anonymous") or pronoun in ("ils", "elles")):
                best = self.as_person(speaker, at, antecedents)
                break
        if best is None and prev is not None and prev.speaker is not None and compatible(prev.speaker, pronoun):
            best = prev.speaker
        return best

    def body_subject_before(self, mention, cand, pronoun: str) -> Speaker | None:
        """La fédération a appelé à la grève. Dans un communiqué, elle dénonce ...: a body
        (not a person) that is the subject of the pronoun's own sentence, before it, or else
        of the sentence before, in the same paragraph or the one before, is what the pronoun
        stands for when it agrees and the sentence before quotes no one (a quote's speaker
        is found by the chain of quotes). A person subject is left to the nearest agreeing
        person, which finds them as well."""
        if mention.words not in PRONOUNS:
            return None  # ce dernier, celui-ci: the last named, not the most salient
        at = min(mention.start, cand.start)
        floor = self.sentence_floor(at)
        own = [t for t in self.ix.between(floor, at) if t.deprel.startswith("nsubj") and t.upos in ("NOUN", "PROPN", "X") and not self.inside_marks(t.start)]
        if own:  # the sentence's own subject comes first (L'ONG a publié un rapport dans lequel elle ...)
            return self._agreeing(self.cues.np_left_of(own[0], floor), pronoun)
        p_start, _ = self.para_of(floor)
        p = paragraph_index(self.paras, floor)
        if floor > p_start:
            end = floor
        elif p > 0 and not self.is_heading(p - 1):
            end = self.paras[p - 1][1]
        else:
            return None
        start = self.sentence_floor(max(0, end - 1))
        if self.quotes_between(start, end):
            return None
        clause = [t for t in self.ix.between(start, end) if not self.inside_marks(t.start)]
        roots = [t for t in self.clause_roots(clause) if t.upos in ("VERB", "AUX")]
        return self._agreeing(self.cues.subject_of(roots[0], start) if roots else None, pronoun)

    def _agreeing(self, topic, pronoun: str) -> Speaker | None:
        """The body ``topic`` stands for, when it agrees with the pronoun (a person: None)."""
        topic = self.cues.speaker_mention(topic) if topic is not None else None
        if topic is None or topic.pronoun is not None:
            return None
        speaker = self.resolver.describe(topic)
        if not compatible(speaker, pronoun) or speaker.kind == "person":
            return None
        return speaker

    def as_person(self, speaker: Speaker, at: int, antecedents) -> Speaker:
        """An antecedent that is a description (le Premier ministre, son frère) stands for
        the person the article tied it to, else for the nearest agreeing person named in
        full before it; any other antecedent for itself."""
        if speaker.kind != "person" or not (speaker.definite or (speaker.role and speaker.role == speaker.name)):
            return speaker
        tied = self.resolver.role_person(speaker.name)
        if tied:
            return Speaker(tied, "person", speaker.name, speaker.gender, "Sing", {tied})
        pronoun = "elle" if speaker.gender == "Fem" else "il"
        k = bisect_left(self._positions, at) if self._positions_of is antecedents else 0
        for _, other in reversed(antecedents[max(0, k - 60) : k]):
            if other.kind == "person" and not other.definite and other.role != other.name and len(other.name.split()) > 1 and compatible(other, pronoun):
                return Speaker(other.name, "person", speaker.name, other.gender, "Sing", set(other.aliases))
        return speaker

    # ----- records ----------------------------------------------------------------------------
    def record(self, cand: Candidate) -> Quote:
        pieces = [self.text[a:b] for a, b in cand.parts]
        text = pieces[0]
        for sep, piece in zip(cand.joins, pieces[1:]):
            text += sep + piece
        cue, sp = cand.cue, cand.speaker
        mention = cue.mention if cue else None
        c_start = self.sentence_floor(cand.start)
        c_end = self.sentence_stop(max(cand.end, cue.end if cue else 0, mention.end if mention else 0))
        return Quote(
            text=text,
            parts=tuple(tuple(p) for p in cand.parts),
            kind=cand.kind,
            speaker=sp.name if sp else None,
            speaker_kind=sp.kind if sp and sp.name else "unknown",
            role=sp.role if sp else None,
            speaker_mention=mention.text if mention else None,
            speaker_start=mention.start if mention else None,
            speaker_end=mention.end if mention else None,
            cue=cue.text if cue else None,
            cue_lemma=cue.lemma if cue else None,
            cue_start=cue.start if cue else None,
            cue_end=cue.end if cue else None,
            context=self.text[c_start:c_end].strip(),
            paragraph=cand.paragraph,
            confidence=self.confidence(cand),
            reason="; ".join(dict.fromkeys(cand.reason)),
            aliases=tuple(sorted(a for a in (sp.aliases if sp else ()) if a and a.lower() not in PRONOUN_SUBJECTS)),
        )

    def confidence(self, cand: Candidate) -> float:
        score = {"direct": 0.9, "partial": 0.85, "indirect": 0.7}[cand.kind]
        if cand.cue is None:
            score -= 0.3 if cand.speaker else 0.45
        elif cand.cue.mention is not None and cand.cue.mention.pronoun:
            score -= 0.1
        if cand.speaker is None or not cand.speaker.name:
            score -= 0.15
        if not cand.balanced:
            score *= 0.7
        return round(max(0.05, min(1.0, score)), 2)
