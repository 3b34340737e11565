"""Impersonal sources: the *on* of the press that stands for a place or a group.

*« ... », assure-t-on à Matignon* / *où l'on précise que ...* / *on reconnaît dans
l'entourage du maire que ...* / *a-t-on appris de source policière* / *De source proche
du syndicat, on indique que ...*: the speaker is the place, the group or the source the
sentence names beside the *on*, an anonymous source of this article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .mentions import DE_WORDS, TIME_WORDS, Mention
from .speakers import Speaker

if TYPE_CHECKING:  # the context is passed in; no import at run time
    from .context import ArticleContext

# Prepositions that name where the *on* speaks: à Matignon, au commissariat, dans l'entourage de.
PLACE_WORDS = {"à", "au", "aux", "chez", "dans", "auprès", "côté"}
# How many words after the cue the place or the source may stand (a date may come between:
# a-t-on appris mercredi de source policière).
AFTER_WORDS = 4
# Heads of what a source is, not where: de source policière, dans l'entourage du ministre.
SOURCE_HEADS = {"source", "sources", "entourage"}


def _speaker(ctx: ArticleContext, mention: Mention) -> Speaker:
    head = next((t for t in mention.tokens if t.upos in ("NOUN", "PROPN")), mention.tokens[0])
    words = mention.text
    if head.text.lower() in SOURCE_HEADS or head.text[:1].islower():
        kind = "anonymous"
    else:
        kind = "organization"
    return Speaker(words, kind, None, None, "Sing", {mention.text})


def _after(ctx: ArticleContext, start: int, stop: int) -> Mention | None:
    """à Matignon / dans l'entourage du maire / de source policière, right after the cue."""
    toks = [t for t in ctx.ix.between(start, stop) if t.text.lower() not in TIME_WORDS]
    for k, t in enumerate(toks[:AFTER_WORDS]):
        low = t.text.lower().replace("’", "'")
        if t.text in (",", ".", ";", ":") or low in ("que", "qu'"):
            return None
        if low in ("de", "d'") and k + 1 < len(toks) and toks[k + 1].text.lower() in ("source", "sources"):
            end = ctx.cues.np_from(toks, k + 1)
            return ctx.cues.mention(toks[k + 1 : end])
        if low in PLACE_WORDS:
            j = k + 1
            if low == "auprès" and j < len(toks) and toks[j].text.lower() in DE_WORDS:
                j += 1
            end = ctx.cues.np_from(toks, j)
            return ctx.cues.mention(toks[j:end]) if end > j else None
    return None


def _before(ctx: ArticleContext, mention: Mention, floor: int) -> Mention | None:
    """X, où l'on précise que ... (the place just named) / De source proche de X, on ..."""
    toks = ctx.ix.between(floor, mention.start)
    words = [t.text.lower().replace("’", "'") for t in toks]
    if words[-2:] == ["où", "l'"] or words[-1:] == ["où"]:
        k = len(words) - (2 if words[-1] == "l'" else 1)
        while k > 0 and toks[k - 1].text == ",":
            k -= 1
        if k > 0 and toks[k - 1].upos in ("NOUN", "PROPN", "X"):
            return ctx.cues.np_left_of(toks[k - 1], floor)
        return None
    if len(words) > 2 and words[0] == "de" and words[1] == "source":
        comma = next((j for j, t in enumerate(toks) if t.text == ","), None)
        return ctx.cues.mention(toks[1:comma]) if comma else None
    if len(words) > 2 and words[0] in PLACE_WORDS:  # Dans l'entourage du ministre, on reconnaît ...
        comma = next((j for j, t in enumerate(toks) if t.text == ","), None)
        end = ctx.cues.np_from(toks, 1)
        return ctx.cues.mention(toks[1:end]) if comma is not None and end == comma else None
    return None


def impersonal_source(ctx: ArticleContext, mention: Mention, cue_end: int) -> Speaker | None:
    """The source an impersonal *on* stands for, from the words beside it; None when the
    sentence names none."""
    if mention is None or mention.pronoun != "on":
        return None
    floor = ctx.sentence_floor(mention.start)
    found = _after(ctx, max(cue_end, mention.end), ctx.sentence_stop(mention.end)) or _before(ctx, mention, floor)
    if found is None or not found.text.strip():
        return None
    return _speaker(ctx, found)
