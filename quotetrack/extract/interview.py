"""Interviews in questions and answers: the answers are the interviewee's words.

The press prints an interview as alternating paragraphs: the journalist's question (it
ends with a question mark), then the answer, without quotation marks. Either each turn
opens with a label in capitals (``LE FIGARO. - ...`` / ``SYLVIE ARNOUX. - ...``), or the
article says it is an interview (*Entretien*, *Interview*, *Propos recueillis par*) and
introduces the interviewee in its opening paragraphs. The answers are direct quotes of the
interviewee; the questions are no quotes; quoted words inside an answer are the
interviewee's relaying them, not a quote of their own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidates import Candidate
from .cues import Cue

if TYPE_CHECKING:  # the context is passed in; no import at run time
    from .context import ArticleContext

# What announces an interview, in its first paragraphs.
MARKER = re.compile(r"\b(entretien|interview|propos recueillis)\b", re.I)
# What announces questions and answers inside an article: Trois questions à X / Nous avons
# interrogé X / X a répondu à nos questions.
EMBEDDED = re.compile(r"(\bquestions? à [A-ZÀ-Ý]|\bnous avons (interrogé|posé \w+ questions)|répondu à nos questions)", re.I)
# A turn's label: words in capitals, a full stop, a dash (SYLVIE ARNOUX. - ...).
LABEL = re.compile(r"([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ .-]{1,60}?)\s?\.?\s*[-–—]\s+")
# Lines of the page around an interview that are nobody's answer.
# (a box of practical details, Pratique. / Infos pratiques, closes many interviews)
NOT_ANSWERS = re.compile(r"(lire aussi|propos recueillis|publié le|photo|par [A-ZÀ-Ý]|pratique\b|infos? pratiques?)", re.I)
# How many opening paragraphs may announce the interview: the headline, the standfirst,
# a byline and a date line come before the first question.
OPENING = 8
# An interview asks several questions; one question mark in a paragraph is not an interview.
MIN_QUESTIONS = 2


def _label(ctx: ArticleContext, a: int, b: int) -> tuple[int, int] | None:
    """The span of a turn's label in capitals at the start of [a, b), if any."""
    m = LABEL.match(ctx.text, a, b)
    if m is None or not any(c.isalpha() for c in m.group(1)) or m.group(1).upper() != m.group(1):
        return None
    return m.start(1), m.end(1)


# A question may go on after its question mark (Et les impôts ? Le mot semble tabou.); an
# answer that asks itself something is longer than this, in characters.
SHORT_QUESTION = 200


def _question(ctx: ArticleContext, a: int, b: int) -> bool:
    """A journalist's turn: it ends with a question mark, or it is short and asks one."""
    if ctx.text[a:b].rstrip(" »\"”").endswith("?"):
        return True
    return b - a < SHORT_QUESTION and any(ctx.text[k] == "?" and not ctx.inside_marks(k) for k in range(a, b))


def _interviewee(ctx: ArticleContext, upto: int, journalists: set[int]):
    """The person the opening paragraphs introduce: the first person of the cast named
    there, not the journalist who signs (Propos recueillis par X)."""
    people = sorted(
        (m.start, m, e) for e in ctx.cast.entities if e.kind == "person" and len(e.words) > 1 for m in e.mentions
        if m.how != "apposition" and m.start < upto and not ctx.inside_marks(m.start)
    )
    for start, m, e in people:
        if any(start in range(a, b) for a, b in journalists):
            continue
        return m
    return None


def interview_answers(ctx: ArticleContext) -> list[Candidate]:
    """The answers of an interview as direct quotes, with the interviewee as their cue's
    mention (the label of the answer, or the interviewee's name in the opening)."""
    n = len(ctx.paras)
    bodies = [ctx.body(p) for p in range(n)]
    labels = [_label(ctx, a, b) for a, b in bodies]
    opening = [p for p in range(min(OPENING, n)) if MARKER.search(ctx.text, *bodies[p])]
    embedded = [p for p in range(n) if EMBEDDED.search(ctx.text, *bodies[p])]
    start = embedded[0] if embedded and not opening else 0
    questions = [p for p in range(start, n) if _question(ctx, *bodies[p]) and not ctx.inside_marks(bodies[p][1] - 1)]
    labelled = [p for p in range(n) if labels[p] is not None]
    if len(questions) < MIN_QUESTIONS or not (opening or embedded or len(labelled) >= 2):
        return []
    first = questions[0]
    journalists = {bodies[p] for p in range(first) if NOT_ANSWERS.match(ctx.text, *bodies[p])}
    if opening:
        default = _interviewee(ctx, bodies[first][0], journalists)
    elif embedded:  # the person the announcing paragraph names
        default = _interviewee(ctx, bodies[first][0], journalists | {(0, bodies[start][0])})
    else:
        default = None
    answers = []
    for p in range(first + 1, n):
        a, b = bodies[p]
        if b - a < 2 or p in questions or ctx.is_heading(p) or NOT_ANSWERS.match(ctx.text, a, b):
            continue
        label = labels[p]
        if label is not None:
            a = LABEL.match(ctx.text, a, b).end()
            who = ctx.cues.mention(ctx.ix.between(*label))
        else:
            who = ctx.cues.mention(ctx.ix.between(default.start, default.end)) if default is not None else None
        if who is None or b - a < 2:
            continue
        cue = Cue(who.start, who.end, ctx.text[who.start : who.end], "entretien", who, "interview_answer")
        answers.append(Candidate([(a, b)], (a, b), p, "direct", cue=cue, reason=["interview_answer"]))
    return answers


def outside_answers(ctx: ArticleContext, cands: list[Candidate], answers: list[Candidate]) -> list[Candidate]:
    """The candidates that do not lie inside an answer (quoted words within an answer are
    the interviewee's relaying them, not a quote of their own: step ``inside_answer``)."""
    spans = [(c.start, c.end) for c in answers]
    inside = [c for c in cands if any(a <= c.start and c.end <= b for a, b in spans)]
    dropped = {id(c) for c in inside if ctx.reject(c.start, c.end, c.kind, "inside_answer")}
    return [c for c in cands if id(c) not in dropped]
