"""Find quoted spans from the punctuation alone.

French press marks speech with « guillemets » (spaces inside, often non-breaking), but
articles also use “ ”, „ “ and straight double quotes. Inner quotations (‹ ›, ‘ ’, “ ” or
" inside « ») belong to the outer quote. A quote that runs over several paragraphs
reopens each one with « and closes only at its end. A paragraph opening with a dialogue
dash is direct speech too.

Nothing here raises on bad punctuation: an unclosed mark runs to the end of its
paragraph and is flagged ``balanced=False`` so that confidence can drop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..nlp.chunks import paragraph_spans

SPACES = " \t\n\u00a0\u202f\u2009\u2007\u200a"
# opener -> closers it accepts
PAIRS = {"«": "»", "“": "”\"", "„": "“”", "‹": "›", "‘": "’"}
# A straight opening mark closes with a straight or a curly one: pages mix them ("... ”).
STRAIGHT_CLOSERS = '"”'
# Some outlets print guillemets reversed: » ... «.
REVERSED = ("»", "«")
TOP_OPENERS = "«“„"
STRAIGHT = '"'
DASHES = "—–"


@dataclass(frozen=True)
class MarkedSpan:
    """Quoted words between marks. ``parts`` exclude the marks and surrounding spaces;
    ``outer`` runs from the opening mark to the closing one (inclusive)."""

    parts: tuple[tuple[int, int], ...]
    outer: tuple[int, int]
    paragraph: int
    opener: str
    balanced: bool = True
    dialogue: bool = False


paragraphs = paragraph_spans


def paragraph_index(paras: list[tuple[int, int]], offset: int) -> int:
    lo, hi = 0, len(paras) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paras[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return start, end


def _straight_can_open(text: str, i: int, para_start: int, para_end: int) -> bool:
    """An opening straight mark follows a space or an opening sign; a space may follow it
    (" Nous irons ") when another straight mark closes later in the paragraph."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not (before in SPACES or before in "([{-—–:'’/"):
        return False
    if after not in SPACES:
        return True
    j = i + 1
    while j < para_end and text[j] in SPACES:
        j += 1
    return j < para_end and text[j].isalnum() and text.find('"', j, para_end) != -1


def _straight_can_close(text: str, i: int, para_start: int, para_end: int) -> bool:
    """A closing straight mark follows a word, or a space when nothing can follow it as
    an opening (" Nous irons " , a-t-il dit)."""
    before = text[i - 1] if i > para_start else " "
    if before not in SPACES:
        return True
    after = text[i + 1] if i + 1 < para_end else " "
    return after in SPACES or after in ",.;:!?)…"


MAX_DEPTH = 8


def _reversed_guillemets(text: str, start: int, end: int) -> bool:
    """Does this paragraph print its guillemets reversed (» ... «)? Its first guillemet
    is a », opening words, and a « follows."""
    first_close, first_open = text.find("»", start, end), text.find("«", start, end)
    if first_close == -1 or first_open == -1 or first_close > first_open:
        return False
    after = text[first_close + 1 : first_close + 3]
    return bool(after.strip(SPACES)[:1].isalnum())


def _scan_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, bool]]:
    """Yield (open_index, close_index or -1, opener, closed) for top-level quotes."""
    stack: list[tuple[str, int]] = []  # (opener, index)
    reversed_ok = _reversed_guillemets(text, start, end)
    i = start
    while i < end:
        ch = text[i]
        if stack:
            opener = stack[-1][0]
            closes = STRAIGHT_CLOSERS if opener == STRAIGHT else REVERSED[1] if opener == REVERSED[0] else PAIRS[opener]
            if ch in closes and (ch != STRAIGHT or _straight_can_close(text, i, start, end)):
                _, at = stack.pop()
                if not stack:
                    yield at, i, opener, True
            elif ch in PAIRS and ch != "„" and not (ch == "“" and opener == "„") and opener != REVERSED[0]:
                stack.append((ch, i))
            elif ch == STRAIGHT and _straight_can_open(text, i, start, end):
                stack.append((STRAIGHT, i))
            elif ch == "»" and len(stack) > 1 and stack[0][0] == "«":
                # an inner quote left open: the outer « » closes here all the same
                _, at = stack[0]
                stack.clear()
                yield at, i, "«", True
            elif len(stack) > MAX_DEPTH:
                stack.clear()  # nesting no page has: the marks are noise
        elif ch in TOP_OPENERS:
            stack.append((ch, i))
        elif ch == REVERSED[0] and reversed_ok:
            stack.append((ch, i))
        elif ch == STRAIGHT and _straight_can_open(text, i, start, end):
            stack.append((STRAIGHT, i))
        i += 1
    if stack:
        yield stack[0][1], -1, stack[0][0], False


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every top-level quotation in ``text``, in order."""
    paras = paragraphs(text)
    spans: list[MarkedSpan] = []
    carry: MarkedSpan | None = None  # a « quote continuing into the next paragraph
    for index, (p_start, p_end) in enumerate(paras):
        body_start, _ = _strip(text, p_start, p_end)
        found = list(_scan_paragraph(text, p_start, p_end))
        if carry is not None:
            if found and found[0][0] == body_start and found[0][2] == carry.opener:
                open_at, close_at, opener, closed = found.pop(0)
                part = _strip(text, open_at + 1, close_at if closed else p_end)
                carry = MarkedSpan(
                    parts=carry.parts + (part,),
                    outer=(carry.outer[0], close_at + 1 if closed else p_end),
                    paragraph=carry.paragraph,
                    opener=carry.opener,
                    balanced=closed,
                )
                if closed:
                    spans.append(carry)
                    carry = None
            else:
                spans.append(
                    MarkedSpan(carry.parts, carry.outer, carry.paragraph, carry.opener, False)
                )
                carry = None
        if not found and text[body_start] in DASHES and body_start + 1 < p_end:
            part = _strip(text, body_start + 1, p_end)
            if part[1] > part[0]:
                spans.append(MarkedSpan((part,), (body_start, p_end), index, text[body_start], True, True))
            continue
        for open_at, close_at, opener, closed in found:
            if closed:
                part = _strip(text, open_at + 1, close_at)
                if part[1] > part[0]:
                    spans.append(MarkedSpan((part,), (open_at, close_at + 1), index, opener))
                continue
            part = _strip(text, open_at + 1, p_end)
            if part[1] <= part[0]:
                continue
            span = MarkedSpan((part,), (open_at, p_end), index, opener, False)
            if opener in "«“" and index + 1 < len(paras):
                carry = span  # maybe the multi-paragraph convention: decided on the next paragraph
            else:
                spans.append(span)
    if carry is not None:
        spans.append(MarkedSpan(carry.parts, carry.outer, carry.paragraph, carry.opener, False))
    return spans
