"""Posts embedded in an article: a message from a social network is its author's words.

A page that embeds a post prints its text as a paragraph, with or without quotation marks,
then a signature line: the author's name, the account in parentheses, the date
(``Justine Morel (@jmorel) 4 novembre 2025``, at times after a dash). The post is a direct
quote of the account's holder, whatever the sentence announcing it says; the signature
line is no quote of its own, and quoted words inside the post are the author's relaying
them, not a quote of their own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidates import Candidate
from .cues import Cue

if TYPE_CHECKING:  # the context is passed in; no import at run time
    from .context import ArticleContext

# Name (@account) date: a name of a few words, an account, a date as the networks print it
# (3 mars 2026, March 3, 2026, 03/03/2026), at times with its hour; nothing else on the line.
DATE = r"(\d{1,2}(?:er)?\s+[^\W\d]+\.?\s+\d{4}|[^\W\d]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})"
SIGNATURE = re.compile(
    r"[—–-]?\s*(?P<name>[^\s()@«»\"“”][^()@\n«»\"“”]{1,60}?)\s*\(@[\w.]{1,40}\)\s*" + DATE + r"(?:\s*(?:à\s*)?\d{1,2}[:h]\d{2})?\.?"
)
MARKS = "«»“”\"„ \u00a0\u202f"


def embedded_posts(ctx: ArticleContext) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """The posts (direct quotes whose cue's mention is the signature's name) and the
    signature lines (no quotes), in text order."""
    posts, signatures = [], []
    for p in range(1, len(ctx.paras)):
        a, b = ctx.body(p)
        m = SIGNATURE.fullmatch(ctx.text, a, b)
        if m is None:
            continue
        signatures.append((a, b))
        start, end = ctx.body(p - 1)
        while start < end and ctx.text[start] in MARKS:
            start += 1  # « the post », printed in marks: the words inside them
        while end > start and ctx.text[end - 1] in MARKS:
            end -= 1
        who = ctx.cues.mention(ctx.ix.between(m.start("name"), m.end("name")))
        if who is None or end - start < 2:
            continue
        cue = Cue(who.start, who.end, who.text, "publier", who, "embedded_post")
        posts.append(Candidate([(start, end)], (start, end), p - 1, "direct", cue=cue, reason=["embedded_post"]))
    return posts, signatures


def with_posts(ctx: ArticleContext, cands: list[Candidate], posts: list[Candidate], signatures: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates with each post in place of what was found inside it, and none in a
    signature line (its dash made it look like a line of dialogue): step ``inside_post``."""
    spans = [(c.start - 2, c.end + 2) for c in posts] + signatures
    inside = [c for c in cands if any(a <= c.start and c.end <= b for a, b in spans)]
    dropped = {id(c) for c in inside if ctx.reject(c.start, c.end, c.kind, "inside_post")}
    return [c for c in cands if id(c) not in dropped] + posts
