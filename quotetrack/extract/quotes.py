"""From marks, cues and mentions to Quote records, in text order: the stages in their order.

Each stage is a function over the article's context (``context.ArticleContext``): the quotes
in marks and their cues (``marked``, the quote sieves of ``sieves.py``), reported speech
without marks (``indirect.py``), the speakers (the speaker sieves), then the cast
(``cast.py``) every speaker attaches to.
"""

from __future__ import annotations

from bisect import bisect_right

from ..nlp.document import Document
from .candidates import JOIN, Candidate
from .attach import ATTACH_STEPS, attach
from .cast import CAST_PASSES
from .context import PRONOUN_STEPS, TERMINATORS, ArticleContext, enabled
from .indirect import INDIRECT_SIEVES, find_indirect
from .interview import interview_answers, outside_answers
from .posts import embedded_posts, with_posts
from .marks import MarkedSpan
from .not_speech import not_speech
from .records import REJECTING_STEPS, Quote
from .sieves import QUOTE_SIEVES, SPEAKER_SIEVES, find_cue, find_speakers


# Most characters between an incise's mention and the next opening mark for the two quoted
# parts to be one quote (« A », a-t-il dit devant la presse, « B »): a longer gap holds a
# clause of the writer's, and the second quote stands alone.
INCISE_GAP = 40


def marked_quotes(ctx: ArticleContext) -> list[Candidate]:
    """Every quotation in marks, with its kind and cue (``attribute``); names and titles left out."""
    found = []
    spans = list(ctx.spans)
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
            cue = ctx.cues.incise(span.outer[1], nxt.outer[0])
            if cue is not None and cue.mention is not None:
                rest = ctx.text[max(cue.end, cue.mention.end) : nxt.outer[0]]
                if len(rest) < INCISE_GAP and rest.strip().endswith(",") and not any(c in rest for c in TERMINATORS):
                    cand.parts += list(nxt.parts)
                    cand.joins.append(JOIN)
                    cand.outer = (span.outer[0], nxt.outer[1])
                    cand.cue = cue
                    cand.balanced = span.balanced and nxt.balanced
                    cand.reason.append("incise_between_parts")
                    k += 1
        k += 1
        step = not_speech(ctx, span)
        if step is not None and ctx.reject(span.outer[0], span.outer[1], cand.kind, step):
            continue
        found.append(attribute(ctx, cand, span))
    return found


def attribute(ctx: ArticleContext, cand: Candidate, span: MarkedSpan) -> Candidate | None:
    """Decide the kind of a marked quote, then run the quote sieves for its cue."""
    open_at, close_at = cand.outer
    floor = ctx.floor(cand)
    pre = ctx.text[floor:open_at].strip()
    p_end = ctx.para_of(close_at - 1)[1]
    after = ctx.text[close_at:p_end].lstrip()
    if span.dialogue or len(cand.parts) > 1 and cand.joins[0] == "\n\n":
        cand.kind = "direct"
    elif pre == "" or pre.endswith((":", "—", "–", "(")) or (pre[-1:] in TERMINATORS):
        cand.kind = "direct" if (not after or after[0] in ",;:.!?…)—–" or after[0].isupper()) else "partial"
    else:
        cand.kind = "partial"
    if span.dialogue:
        cand.reason.append("dialogue_dash")
    if cand.cue is None:
        find_cue(ctx, cand, enabled(QUOTE_SIEVES, ctx.without))
    opens = pre == "" or pre.endswith((":", "—", "–", "(")) or pre[-1:] in TERMINATORS
    if cand.kind == "partial" and opens and cand.reason[-1:] == ["incise_after"]:
        cand.kind = "direct"  # « ... » a lancé X: an incise without its comma
        cand.reason.append("incise_no_comma")
    if cand.kind == "partial" and cand.cue is not None and cand.reason[-1:] == ["frame_before"] and pre.rstrip().endswith(","):
        cand.kind = "direct"  # Selon X, « ... »: a whole statement after the frame
    if not cand.balanced:
        cand.reason.append("unbalanced_marks")
    return cand


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


def attach_to_cast(ex: ArticleContext, cands: list[Candidate]) -> None:
    """Every speaker as the cast member it stands for (``cast.attach``): the canonical name,
    the tied role; the mention as written stays on the record."""
    cast = None
    for cand in cands:
        if cand.speaker is None or not cand.speaker.name:
            continue
        if cast is None:
            cast = ex.cast
        mention = cand.cue.mention if cand.cue is not None else None
        found = attach(cast, cand.speaker, mention, ex.without)
        if found is not None:
            cand.speaker, how = found
            cand.reason.append(how)


def step_names() -> list[str]:
    """Every step ``--without`` can switch off, in the order they run."""
    names = [n for n, _ in QUOTE_SIEVES] + [n for n, _ in INDIRECT_SIEVES] + [n for n, _ in SPEAKER_SIEVES]
    return names + ["interview_answer", "embedded_post"] + list(PRONOUN_STEPS) + [n for n, _ in CAST_PASSES] + list(ATTACH_STEPS) + list(REJECTING_STEPS)


def extract_quotes(document: Document, without=frozenset(), rejected: list | None = None) -> list[Quote]:
    """Direct, partial and indirect quotations of an article with their speakers, in text order.
    ``without``: identifiers of steps to switch off (see ``step_names``), to measure what each is worth.
    ``rejected``: a list that receives a ``Rejection`` for every span a rejecting step dropped."""
    if not document.text.strip():
        return []
    ex = ArticleContext(document, frozenset(without))
    kept = attributed(ex)
    if rejected is not None:
        rejected.extend(ex.rejected)
    return [ex.record(c) for c in kept]


def attributed(ex: ArticleContext) -> list[Candidate]:
    """Every stage in its order over one article: the quotations kept, in text order, with
    their cues and speakers (the rejecting steps' decisions left in ``ex.rejected``)."""
    without = ex.without
    found = marked_quotes(ex)
    indirect = find_indirect(ex, [c for c in found if c.cue is not None or c.kind != "partial"], enabled(INDIRECT_SIEVES, without))
    # a partial quote without a cue is no one's words (scare quotes, titles, names), unless it
    # lies inside a statement reported without marks (then it is that speaker's), or is a
    # headline's words that the body quotes with a cue (La Russie « a besoin » de ...)
    loose = [c for c in found if c.cue is None and c.kind == "partial"]
    adopted = adopt_partials(loose, indirect)
    # (kept apart by identity: candidates are dataclasses, whose comparison reads every field)
    taken = {id(c) for c in adopted}
    headings = [c for c in loose if id(c) not in taken and ex.is_heading(c.paragraph)]
    taken |= {id(c) for c in headings}
    dropped = {id(c) for c in loose if id(c) not in taken and ex.reject(c.start, c.end, c.kind, "partial_without_cue")}
    cands = [c for c in found if id(c) not in dropped] + indirect
    answers = interview_answers(ex) if "interview_answer" not in without else []
    if answers:  # an interview's answers hold whatever they quote
        cands = outside_answers(ex, cands, answers) + answers
    posts, signatures = embedded_posts(ex) if "embedded_post" not in without else ([], [])
    if signatures:  # so do embedded posts; their signature lines are no quotes
        cands = with_posts(ex, cands, posts, signatures)
    cands = sorted(cands, key=lambda c: c.start)
    find_speakers(ex, cands, enabled(SPEAKER_SIEVES, without))
    attach_to_cast(ex, cands)
    unsaid = {id(c) for c in headings if "headline_from_body" not in c.reason and ex.reject(c.start, c.end, c.kind, "heading_not_in_body")}
    return [c for c in cands if id(c) not in unsaid]
