"""Aligning a long claim on a long source in near-linear time.

``verify`` places each claim segment with rapidfuzz's partial alignment, which slides a
window of the claim's length over the source and scores each position: fast for the
claims people check (a sentence or two), but its cost grows with the claim's length
times the source's, and more on repetitive text. A 20 KB claim against a 300 KB quote
took minutes. Past ``LONG_SEGMENT`` characters, a segment is placed by its word
n-grams instead:

- every n-gram of the source is indexed once (linear);
- the claim's n-grams that occur in the source vote for a diagonal (source position
  minus claim position), the rarest n-grams first and at most ``MAX_VOTES`` votes in
  all, so a source that repeats itself cannot make the count quadratic;
- the best diagonal gives the passage; its ends come from the first and last n-grams
  near that diagonal (words added or dropped in the middle move the end), then each end
  is moved by a few words to fit best, one end at a time.

The word diff of a long segment uses rapidfuzz's Levenshtein operations over words
(bit-parallel, O(n·m/64)) rather than ``difflib``, whose matching blocks are quadratic
or worse on repetitive words.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

LONG_SEGMENT = 300  # characters of a folded segment from which it is placed by n-grams
LONG_DIFF = 300  # words of a segment from which its diff is rapidfuzz's
GRAM = 4  # words per n-gram
MAX_VOTES = 200_000  # diagonal votes counted for one segment, whatever the repetition
REFINE_WORDS = 3  # an end moved by up to this many words to fit best
CHARACTER_REFINE = 5_000  # characters of a segment up to which its ends are fitted by character ratio


def locate_long(segment: list[str], folded: list[str], low: int, high: int) -> tuple[int, int] | None:
    """The word range of ``folded[low:high]`` that best matches the long ``segment``, or
    None when no n-gram of it occurs there (the caller then falls back)."""
    n = len(segment)
    gram = min(GRAM, n, high - low)
    if gram < 1:
        return None
    where: dict[tuple, list[int]] = defaultdict(list)
    for position in range(low, high - gram + 1):
        where[tuple(folded[position : position + gram])].append(position)
    claimed = [(p, where.get(tuple(segment[p : p + gram]))) for p in range(n - gram + 1)]
    claimed = sorted(((p, found) for p, found in claimed if found), key=lambda item: (len(item[1]), item[0]))
    if not claimed:
        return None
    votes: Counter = Counter()
    anchors: list[tuple[int, int]] = []  # (claim position, source position)
    budget = MAX_VOTES
    for p, found in claimed:
        if len(found) > budget:
            break
        budget -= len(found)
        for s in found:
            votes[s - p] += 1
            anchors.append((p, s))
    if not votes:  # every n-gram repeats more than the budget: the first occurrences
        p, found = claimed[0]
        votes[found[0] - p] += 1
        anchors.append((p, found[0]))
    best = max(votes.items(), key=lambda item: (item[1], -item[0]))[0]  # most votes, then leftmost
    drift = max(REFINE_WORDS, n // 10)
    near = [(p, s) for p, s in anchors if abs(s - p - best) <= drift]
    first = min(near, key=lambda a: (a[0], abs(a[1] - a[0] - best)))
    last = max(near, key=lambda a: (a[0], -abs(a[1] - a[0] - best)))
    start = max(low, min(high - 1, first[1] - first[0]))
    end = min(high, max(start + 1, last[1] + (n - last[0])))
    if first[0] == 0 and last[0] == n - gram and start == first[1] and end == last[1] + gram:
        return start, end  # both ends are words the claim and the source share: nothing to move
    return _refine_ends(segment, folded, start, end, low, high)


def _refine_ends(segment: list[str], folded: list[str], start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Each end moved by up to ``REFINE_WORDS`` words to maximise the ratio, the start
    first (ties: the leftmost start, the shortest passage). Past ``CHARACTER_REFINE``
    characters the words are compared rather than the characters (a character ratio of
    20 KB strings costs 10 ms a try)."""
    wanted = " ".join(segment)
    if len(wanted) <= CHARACTER_REFINE:
        def score(left, right):  # the ratio the alignment is scored by
            return fuzz.ratio(wanted, " ".join(folded[left:right]))
    else:
        def score(left, right):
            return Indel.normalized_similarity(segment, folded[left:right])

    best_start = max(range(max(low, start - REFINE_WORDS), min(end - 1, start + REFINE_WORDS) + 1),
                     key=lambda left: (score(left, end), -left))  # fmt: skip
    best_end = max(range(max(best_start + 1, end - REFINE_WORDS), min(high, end + REFINE_WORDS) + 1),
                   key=lambda right: (score(best_start, right), -right))  # fmt: skip
    return best_start, best_end


def long_opcodes(claim: list[str], source: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``difflib``-style opcodes (equal, replace, delete, insert) from the claim's words
    to the source's, by rapidfuzz's Levenshtein alignment."""
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
            for op in Levenshtein.opcodes(claim, source)]  # fmt: skip
