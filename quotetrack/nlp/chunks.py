"""Split long texts into paragraph-aligned chunks before parsing.

Parsers are fastest and lightest on short inputs, spaCy refuses texts past
``nlp.max_length``, and neither engine treats a blank line as a sentence boundary
(a heading would run into the next paragraph). So each paragraph is parsed on its
own; one longer than the limit is cut at the last sentence-like boundary before it,
then at any whitespace, as a last resort.
"""

from __future__ import annotations

import re
from typing import Iterator

MAX_CHUNK = 20_000
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t\u00a0]*\n)[^\n]*)*")
_SENTENCE_END = re.compile(r"[.!?…»\"]\s")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: blocks of text separated by blank lines (single newlines stay inside)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def chunk_spans(text: str, max_chars: int = MAX_CHUNK) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of the paragraphs of ``text``, in order, none longer than
    ``max_chars``: a sentence never runs across a paragraph break."""
    for para in _PARAGRAPH.finditer(text):
        start, stop = para.start(), para.end()
        while start < stop:
            end = stop if stop - start <= max_chars else _cut_point(text, start, start + max_chars)
            a, b = start, end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                yield a, b
            start = end


def _cut_point(text: str, start: int, end: int) -> int:
    window = text[start:end]
    ends = list(_SENTENCE_END.finditer(window))
    if ends and ends[-1].end() > len(window) // 4:
        return start + ends[-1].end()
    space = window.rfind(" ")
    if space > len(window) // 4:
        return start + space + 1
    return end
