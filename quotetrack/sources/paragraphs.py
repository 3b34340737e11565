"""Paragraphs of an article text as sheets and verdicts number them: split at blank lines,
blank ones skipped, counted from 1. One definition, so that « § 11 » in a verdict is the
§11 printed in the margin of the sheet."""

from __future__ import annotations

import bisect
import re

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph that holds more than white space, in order."""
    spans, position = [], 0
    for gap_start, gap_end in [(m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)] + [(len(text), len(text))]:
        if text[position:gap_start].strip():
            spans.append((position, gap_start))
        position = gap_end
    return spans


def paragraph_number(text: str, offset: int) -> int | None:
    """The number (from 1) of the paragraph holding ``offset``; None outside the text."""
    spans = paragraph_spans(text)
    index = bisect.bisect_right([start for start, _ in spans], offset) - 1
    return index + 1 if index >= 0 and offset <= spans[index][1] else None
