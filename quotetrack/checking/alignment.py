"""A claim against one source's words: where it lies, and how its wording differs.

Split from ``verify.py``, which shortlists the sources and builds the result: this module
is the text matching alone, with no database, so it can be read and tested on two strings.
Both sides are *normalized* first (``text/folding.words``): split into words at anything
that is not a letter or a digit, each word folded (case, accents, ligatures). An ellipsis
in the claim (…, ..., […], (...)) splits it into ``segments`` that must appear in that
order, the words in between being an omission. ``align`` places the segments in a source
with rapidfuzz (``long_alignment.py`` for long ones); ``word_diff`` then says, word by
word, what the claim changed, added, removed or omitted, and ``describe`` says it in French.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from .. import vocabulary
from ..errors import QuotetrackError
from ..text.folding import Word, words
from .long_alignment import LONG_DIFF, LONG_SEGMENT, locate_long, long_opcodes

REFINE_WORDS = 3  # an alignment's ends are moved by up to this many words to fit best
MAX_GAP_WORDS = 60  # words an ellipsis may stand for
MAX_CLAIM = 25_000  # characters of a claim: a long article's worth; more is refused

_ELLIPSIS = re.compile(r"[\[(]\s*(?:…|\.{2,})\s*[\])]|…|\.{3,}")


class ClaimTooLong(QuotetrackError):
    """A claim longer than any quote worth checking at once (``MAX_CLAIM`` characters)."""


def segments(claim: str) -> list[list[Word]]:
    """The claim's words, split at each ellipsis; empty segments (a trailing « … ») dropped.
    A claim longer than ``MAX_CLAIM`` characters is refused (``ClaimTooLong``)."""
    if len(claim) > MAX_CLAIM:
        raise ClaimTooLong(f"affirmation trop longue pour être vérifiée ({len(claim):_} caractères > {MAX_CLAIM:_}) ; "
                           "vérifiez-en un passage".replace("_", " "))
    found, position = [], 0
    for match in [*_ELLIPSIS.finditer(claim), None]:
        end = match.start() if match else len(claim)
        segment = words(claim[position:end], position)
        if segment:
            found.append(segment)
        position = match.end() if match else len(claim)
    return found


@dataclass(frozen=True)
class Alignment:
    """Where the claim's segments lie in a source: word ranges, score and char offsets."""

    score: float
    ranges: tuple[tuple[int, int], ...]  # (first word, past last word) per claim segment
    start: int  # character offsets of the passage in the source text
    end: int


def align(claim: list[list[Word]], source: list[Word]) -> Alignment | None:
    """The best passage of ``source`` for the claim's segments, in order.

    Each segment is placed with rapidfuzz's partial alignment (a window of the segment's
    length slid over the source), snapped to whole words, then its ends moved by a few
    words to maximize the ratio, so that a word added or dropped does not cost twice.
    The score is the ratio of all segments' words to the words they matched: the words
    an ellipsis stands for do not count against the claim.
    """
    folded = [w.folded for w in source]
    if not folded or not claim:
        return None
    ranges, low, high = [], 0, len(folded)
    for number, segment in enumerate(claim):
        if number:
            low = ranges[-1][1]
            high = min(len(folded), low + len(segment) + MAX_GAP_WORDS)
        ranges.append(_locate([w.folded for w in segment], folded, low, high))
    claimed = " ".join(w.folded for segment in claim for w in segment)
    matched = " ".join(" ".join(folded[i:j]) for i, j in ranges if j > i)
    covered = [(i, j) for i, j in ranges if j > i]
    if not covered:
        return None
    start, end = source[covered[0][0]].start, source[covered[-1][1] - 1].end
    return Alignment(round(fuzz.ratio(claimed, matched), 1), tuple(ranges), start, end)


def _locate(segment: list[str], folded: list[str], low: int, high: int) -> tuple[int, int]:
    """The word range of ``folded[low:high]`` that best matches ``segment``."""
    if low >= high:
        return (low, low)
    wanted = " ".join(segment)
    if len(wanted) > LONG_SEGMENT:  # partial alignment would cost the claim's length times the source's
        placed = locate_long(segment, folded, low, high)
        if placed is not None:
            return placed
    window = folded[low:high]
    text = " ".join(window)
    if len(text) <= len(wanted):
        i, j = low, high
    else:
        hit = fuzz.partial_ratio_alignment(wanted, text)
        starts = [0]
        for word in window[:-1]:
            starts.append(starts[-1] + len(word) + 1)
        i = low + max(0, bisect.bisect_right(starts, hit.dest_start) - 1)
        j = low + max(1, bisect.bisect_left(starts, hit.dest_end))
    best = (-1.0, i, j)
    for left in range(max(low, i - REFINE_WORDS), min(high, i + REFINE_WORDS) + 1):
        for right in range(max(left + 1, j - REFINE_WORDS), min(high, j + REFINE_WORDS) + 1):
            score = fuzz.ratio(wanted, " ".join(folded[left:right]))
            if score > best[0]:  # on ties, the first found: leftmost, then shortest
                best = (score, left, right)
    return best[1], best[2]


_OPS = {"equal": "equal", "replace": "changed", "delete": "added", "insert": "removed"}


def word_diff(claim_text: str, claim: list[list[Word]], source_text: str, source: list[Word],
              ranges) -> list[dict]:  # fmt: skip
    """The claim against its source, word by word, as written on each side.

    Ops, from the source to the claim: ``equal``, ``changed`` (source words replaced),
    ``added`` (in the claim only), ``removed`` (in the source only), ``omitted`` (source
    words an ellipsis of the claim stands for). Case, accents and punctuation are not
    differences.
    """
    def written(text, items):
        return text[items[0].start : items[-1].end] if items else ""

    ops, previous = [], None
    for segment, (i, j) in zip(claim, ranges):
        if previous is not None and i > previous:
            ops.append({"op": "omitted", "claim": "…", "source": written(source_text, source[previous:i])})
        matched = source[i:j]
        claimed, found = [w.folded for w in segment], [w.folded for w in matched]
        if max(len(claimed), len(found)) > LONG_DIFF:  # difflib is quadratic on repeated words
            opcodes = long_opcodes(claimed, found)
        else:
            opcodes = SequenceMatcher(None, claimed, found, autojunk=False).get_opcodes()
        for tag, a1, a2, b1, b2 in opcodes:
            ops.append({"op": _OPS[tag], "claim": written(claim_text, segment[a1:a2]),
                        "source": written(source_text, matched[b1:b2])})  # fmt: skip
        previous = j
    return ops


def describe(diff: list[dict]) -> str:
    """A diff in one French line, for a reader:
    ``modifié « améliorons » → « renforçons » ; retiré « également »``."""
    said = []
    for op in diff:
        name = vocabulary.DIFF_OPS.get(op["op"])
        if op["op"] == "changed":
            said.append(f"{name} « {op['source']} » → « {op['claim']} »")
        elif op["op"] == "added":
            said.append(f"{name} « {op['claim']} »")
        elif op["op"] in ("removed", "omitted"):
            said.append(f"{name} « {op['source']} »")
    return " ; ".join(said) or "mêmes mots"
