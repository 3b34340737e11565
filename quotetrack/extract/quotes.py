"""From marks, cues and mentions to Quote records, in text order."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..nlp.document import Document
from . import lexicon
from .cues import Cue, CueFinder, verb_guesses
from .mentions import PRONOUN_SUBJECTS, WINDOW, Mention
from .index import DocIndex
from .marks import MarkedSpan, find_marked_spans, paragraph_index, paragraphs
from .records import Quote
from .indirect import INDIRECT_SIEVES, find_indirect
from .sieves import QUOTE_SIEVES, SPEAKER_SIEVES, find_cue, find_speakers
from .speakers import Speaker, SpeakerResolver, compatible
from .cast import ATTACH_STEPS, CAST_PASSES, Cast, attach, name_spans

JOIN = " […] "
# Longest stretch scanned for a sentence boundary: keeps pathological one-line texts linear.
MAX_SENTENCE = 3000
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
TERMINATORS = ".!?…"


@dataclass
class Candidate:
    parts: list
    outer: tuple
    paragraph: int
    kind: str
    cue: Cue | None = None
    balanced: bool = True
    speaker: Speaker | None = None
    reason: list = field(default_factory=list)
    joins: list = field(default_factory=list)  # separator after each part but the last
    pending: tuple | None = None  # parts and joins a sieve proposes, kept if its cue is

    @property
    def start(self):
        return self.parts[0][0]

    @property
    def end(self):
        return self.parts[-1][1]


class _Extractor:
    def __init__(self, doc: Document, without: frozenset = frozenset()):
        self.without = without  # steps switched off (``eval --without``), by identifier
        self.doc = doc
        self.text = doc.text
        self.ix = DocIndex(doc)
        self.paras = paragraphs(self.text)
        self.spans = find_marked_spans(self.text)
        self.outers = sorted(s.outer for s in self.spans)
        self.outer_starts = [a for a, _ in self.outers]
        self.cues = CueFinder(self.ix, quoted=self.inside_marks)
        self.resolver = SpeakerResolver(self.ix)
        self._starts_of, self._starts = None, []
        self._positions_of, self._positions = None, []
        self._charges: list[int] = []  # where each quoted offence ends, in text order
        self._floors: dict[int, int] = {}  # opening mark -> start of its sentence

    # ----- helpers -------------------------------------------------------------------------
    def inside_marks(self, offset: int) -> bool:
        """Is ``offset`` strictly inside a quotation (top-level quotes never overlap)?"""
        k = bisect_right(self.outer_starts, offset - 1) - 1
        return k >= 0 and self.outers[k][0] < offset < self.outers[k][1]

    def stands_alone(self, cand: Candidate) -> bool:
        """Is the quote a short paragraph of its own (« Un budget de combat »)?"""
        a, b = self.paras[cand.paragraph]
        body = self.text[a:b].strip()
        return len(body) < 150 and len(cand.parts) == 1 and body[:1] in "«“\"„" and cand.end - cand.start >= len(body) - 6

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

    def is_heading(self, p: int) -> bool:
        a, b = self.paras[p]
        body = self.text[a:b].strip()
        return len(body) < 150 and body[-1:] not in TERMINATORS + "»\"”:)"

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

    # ----- quotations in marks ------------------------------------------------------------------
    def marked(self) -> list[Candidate]:
        found = []
        spans = list(self.spans)
        k = 0
        while k < len(spans):
            span = spans[k]
            cand = Candidate(list(span.parts), span.outer, span.paragraph, "direct", balanced=span.balanced)
            cand.joins = ["\n\n"] * (len(span.parts) - 1)
            if len(span.parts) > 1:
                cand.reason.append("multi_paragraph")
            # « A », a-t-il dit, « B »: one quote in two parts
            if k + 1 < len(spans) and span.balanced and spans[k + 1].paragraph == span.paragraph and not span.dialogue:
                nxt = spans[k + 1]
                cue = self.cues.incise(span.outer[1], nxt.outer[0])
                if cue is not None and cue.mention is not None:
                    rest = self.text[max(cue.end, cue.mention.end) : nxt.outer[0]]
                    if len(rest) < 40 and rest.strip().endswith(",") and not any(c in rest for c in TERMINATORS):
                        cand.parts += list(nxt.parts)
                        cand.joins.append(JOIN)
                        cand.outer = (span.outer[0], nxt.outer[1])
                        cand.cue = cue
                        cand.balanced = span.balanced and nxt.balanced
                        cand.reason.append("incise_between_parts")
                        k += 1
            k += 1
            if self.is_name_or_title(span):
                continue
            found.append(self.attribute(cand, span))
        return found

    def is_name_or_title(self, span: MarkedSpan) -> bool:
        """le mot « résilience », le film « La Haine », surnommé « le Professeur »."""
        before = self.ix.between(max(self.para_of(span.outer[0])[0], span.outer[0] - 200), span.outer[0])
        if not before:
            return False
        prev = before[-1]
        word = prev.text.lower()
        lemma = prev.lemma.lower()
        words = lexicon.naming_words()
        content = self.text[span.parts[0][0] : span.parts[0][1]]
        if word in words["word"] or lemma in words["word"]:
            return True
        if word in ("dit", "dite", "dits", "dites") and len(before) > 1 and before[-2].upos == "NOUN":
            return True  # la loi dite « Climat et résilience »
        if (word in words["title"] or lemma in words["title"]) and content[:1].isupper() | content[:1].isdigit():
            return True
        if self.is_charge(before):
            self._charges.append(span.outer[1])
            return True
        if _proper_name(content) and before[-1].text not in (".", ":", "!", "?"):
            return True  # le missile « Orechnik », les exercices « Joint Sea-2024 »
        return lemma in words["verb"] or any(g in words["verb"] for g in verb_guesses(prev.text))

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

    def is_charge(self, before) -> bool:
        """mis en examen pour « abus de confiance », chef d'« association de malfaiteurs »:
        the name of an offence, which no one is quoted as saying."""
        words = lexicon.naming_words()["charge"]
        toks = [t for t in before if t.text not in ("'", "’")]  # d ' « as some parses cut it
        prev = toks[-1].text.lower().replace("’", "'").rstrip("'")
        if prev in ("d", "de") and len(toks) > 1 and toks[-2].lemma.lower() in ("chef", "délit", "crime", "motif"):
            return True
        if prev in ("et", "ou", "d", "de", ",") and self._charges and 0 <= before[-1].start - self._charges[-1] <= 8:
            return True  # … pour « abus de confiance » et « prise illégale d'intérêts »
        if prev != "pour":
            return False
        start = self.sentence_floor(before[-1].start)
        return any(t.lemma.lower() in words or t.text.lower() in words for t in before[:-1] if t.start >= start)

    def floor(self, cand: Candidate) -> int:
        """Start of the writer's sentence that opens with the quote's first mark, computed
        once per quote: every quote sieve asks for it."""
        at = cand.outer[0]
        if at not in self._floors:
            self._floors[at] = self.sentence_floor(at)
        return self._floors[at]

    def attribute(self, cand: Candidate, span: MarkedSpan) -> Candidate | None:
        """Decide the kind of a marked quote, then run the quote sieves for its cue."""
        open_at, close_at = cand.outer
        floor = self.floor(cand)
        pre = self.text[floor:open_at].strip()
        p_end = self.para_of(close_at - 1)[1]
        after = self.text[close_at:p_end].lstrip()
        if span.dialogue or len(cand.parts) > 1 and cand.joins[0] == "\n\n":
            cand.kind = "direct"
        elif pre == "" or pre.endswith((":", "—", "–", "(")) or (pre[-1:] in TERMINATORS):
            cand.kind = "direct" if (not after or after[0] in ",;:.!?…)—–" or after[0].isupper()) else "partial"
        else:
            cand.kind = "partial"
        if span.dialogue:
            cand.reason.append("dialogue_dash")
        if cand.cue is None:
            find_cue(self, cand, enabled(QUOTE_SIEVES, self.without))
        opens = pre == "" or pre.endswith((":", "—", "–", "(")) or pre[-1:] in TERMINATORS
        if cand.kind == "partial" and opens and cand.reason[-1:] == ["incise_after"]:
            cand.kind = "direct"  # « ... » a lancé X: an incise without its comma
            cand.reason.append("incise_no_comma")
        if cand.kind == "partial" and cand.cue is not None and cand.reason[-1:] == ["frame_before"] and pre.rstrip().endswith(","):
            cand.kind = "direct"  # Selon X, « ... »: a whole statement after the frame
        if not cand.balanced:
            cand.reason.append("unbalanced_marks")
        return cand

    def adjacent(self, cue: Cue, open_at: int) -> bool:
        """A cue right before the quote: at most three words (sur, que, un projet) between."""
        between = self.ix.between(cue.end, open_at)
        return len(between) <= 3 and not any(t.upos in ("PUNCT", "VERB") for t in between)

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
        if end - start < 12:
            return None
        return start, end

    def index_after(self, toks, offset: int) -> int:
        """Index of the first of ``toks`` starting at or after ``offset``."""
        return bisect_left([t.start for t in toks], offset)

    # ----- speakers ----------------------------------------------------------------------------
    def antecedents(self) -> list[tuple[int, Speaker]]:
        """People and groups mentioned as subjects or by name outside quotation marks."""
        found = []
        names = self.cast_name_starts()
        for start, words in self.resolver.names:
            if start not in names:
                continue  # no name once repaired (Assis devant sa ferme, ...)
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

    def cast_name_starts(self) -> set[int]:
        """Where the cast's repaired names start (``cast.name_spans``): an antecedent is a
        name only where the cast reads one."""
        return {self.ix.tokens[a].start for a, _ in name_spans(self.ix)}

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
            if cand.paragraph - prev.paragraph <= 3:
                since = bisect_right(positions, prev.end)
                rivals = [
                    s for at, s in antecedents[since:upto]
                    if compatible(s, pronoun) and self.as_person(s, at, antecedents).name != prev.speaker.name
                ]
                if not rivals:
                    return self.as_person(prev.speaker, prev.start, antecedents)
        best = None
        for at, speaker in reversed(antecedents[max(0, upto - 200) : upto]):
            if compatible(speaker, pronoun) and (speaker.kind in ("person", "anonymous") or pronoun in ("ils", "elles")):
                best = self.as_person(speaker, at, antecedents)
                break
        if best is None and prev is not None and prev.speaker is not None and compatible(prev.speaker, pronoun):
            best = prev.speaker
        return best

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


def adopt_partials(loose: list[Candidate], statements: list[Candidate]) -> list[Candidate]:
    """Quoted words inside an indirect statement are the reported speaker's words too:
    X a estimé que la réforme était « injuste » gives the statement and the fragment."""
    adopted = []
    starts = [s.start for s in statements]  # in text order, and statements do not overlap
    for cand in loose:
        k = bisect_right(starts, cand.start) - 1
        holder = statements[k] if k >= 0 and cand.end <= statements[k].end else None
        if holder is not None:
            cand.cue = holder.cue
            cand.reason.append("inside_indirect")
            adopted.append(cand)
    return adopted


def attach_to_cast(ex: _Extractor, cands: list[Candidate]) -> None:
    """Every speaker as the cast member it stands for (``cast.attach``): the canonical name,
    the tied role; the mention as written stays on the record."""
    cast = None
    for cand in cands:
        if cand.speaker is None or not cand.speaker.name:
            continue
        if cast is None:
            cast = Cast(ex.ix, ex.inside_marks, lambda at: paragraph_index(ex.paras, at), enabled(CAST_PASSES, ex.without))
        mention = cand.cue.mention if cand.cue is not None else None
        found = attach(cast, cand.speaker, mention, ex.without)
        if found is not None:
            cand.speaker, how = found
            cand.reason.append(how)


def enabled(steps, without: frozenset):
    """The named steps of an ordered list, less those switched off."""
    return tuple((name, step) for name, step in steps if name not in without) if without else steps


def step_names() -> list[str]:
    """Every step ``--without`` can switch off, in the order they run."""
    names = [n for n, _ in QUOTE_SIEVES] + [n for n, _ in INDIRECT_SIEVES] + [n for n, _ in SPEAKER_SIEVES]
    return names + [n for n, _ in CAST_PASSES] + list(ATTACH_STEPS)


# Possessives a frame takes (selon ses données, d'après son entourage): the owner is a speaker.
POSSESSIVES = {"son": "il", "sa": "il", "ses": "il", "leur": "ils", "leurs": "ils"}


def _relative_antecedent(ex: _Extractor, relative) -> Mention | None:
    """X, pour qui ... / X, qui assure ...: the noun phrase the relative pronoun follows."""
    toks = ex.ix.between(max(0, relative.start - WINDOW), relative.start)
    while toks and toks[-1].text in (",", "pour", "selon"):
        toks = toks[:-1]
    if not toks or toks[-1].upos not in ("NOUN", "PROPN", "X"):
        return None
    return ex.cues.np_left_of(toks[-1], ex.para_of(relative.start)[0])


def resolve_mentions(document: Document, mentions: list[tuple[int, int]], without=frozenset()) -> list[str | None]:
    """The speaker each mention (character span) stands for, as the cast resolves it: a
    name or a description through the cast, a pronoun through its antecedent (``eval --cast``)."""
    ex = _Extractor(document, frozenset(without))
    cast = Cast(ex.ix, ex.inside_marks, lambda at: paragraph_index(ex.paras, at), enabled(CAST_PASSES, ex.without))
    antecedents = None
    out: list[str | None] = []
    for start, end in mentions:
        toks = [t for t in ex.ix.tokens[max(0, bisect_left(ex.ix.starts, start) - 1) : bisect_left(ex.ix.starts, end)] if t.end > start]
        mention = ex.cues.mention(toks) if toks else None  # a-t-il: the token that holds the pronoun
        if mention is not None and mention.words in ("qui", "lequel", "laquelle"):
            mention = _relative_antecedent(ex, toks[0])
        if mention is not None and mention.words in POSSESSIVES:
            pronoun = POSSESSIVES[mention.words]
            antecedents = ex.antecedents() if antecedents is None else antecedents
            here = Candidate([(end, end)], (end, end), paragraph_index(ex.paras, start), "direct")
            speaker = ex.pronoun_speaker(mention, here, None, antecedents, pronoun=pronoun) or ex.pronoun_speaker(mention, here, None, antecedents, pronoun="elle")
            out.append(speaker.name if speaker is not None else None)
            continue
        if mention is None:
            out.append(None)
            continue
        if mention.pronoun in PRONOUN_SUBJECTS:
            antecedents = ex.antecedents() if antecedents is None else antecedents
            here = Candidate([(end, end)], (end, end), paragraph_index(ex.paras, start), "direct")
            speaker = ex.pronoun_speaker(mention, here, None, antecedents)
        elif mention.pronoun is not None:
            speaker = None
        else:
            speaker = ex.resolver.describe(mention)
        found = attach(cast, speaker, mention, ex.without) if speaker is not None else None
        speaker = found[0] if found is not None else speaker
        out.append(speaker.name if speaker is not None else None)
    return out


def extract_quotes(document: Document, without=frozenset()) -> list[Quote]:
    """Direct, partial and indirect quotations of an article with their speakers, in text order.
    ``without``: identifiers of steps to switch off (see ``step_names``), to measure what each is worth."""
    if not document.text.strip():
        return []
    without = frozenset(without)
    ex = _Extractor(document, without)
    found = ex.marked()
    # a partial quote without a cue is no one's words (scare quotes, titles, names)...
    marked = [c for c in found if c.cue is not None or c.kind != "partial"]
    indirect = find_indirect(ex, marked, enabled(INDIRECT_SIEVES, without))
    # ...unless it lies inside a statement reported without marks: then it is that speaker's
    loose = [c for c in found if c.cue is None and c.kind == "partial"]
    adopted = adopt_partials(loose, indirect)
    # ...or a headline's words that the body quotes with a cue (La Russie « a besoin » de ...)
    # (kept apart by identity: candidates are dataclasses, whose comparison reads every field)
    taken = {id(c) for c in adopted}
    headings = [c for c in loose if id(c) not in taken and ex.is_heading(c.paragraph)]
    cands = sorted(marked + adopted + headings + indirect, key=lambda c: c.start)
    find_speakers(ex, cands, enabled(SPEAKER_SIEVES, without))
    attach_to_cast(ex, cands)
    unsaid = {id(c) for c in headings}
    kept = [c for c in cands if id(c) not in unsaid or "headline_from_body" in c.reason]
    return [ex.record(c) for c in kept]


def _proper_name(content: str) -> bool:
    """Every word capitalised, a few words, no sentence punctuation: a name, not speech."""
    words = content.split()
    return 0 < len(words) <= 5 and not any(c in content for c in ".!?,;:…") and all(w[:1].isupper() or w[:1].isdigit() for w in words)
