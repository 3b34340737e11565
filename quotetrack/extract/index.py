"""Fast lookups over a Document: tokens by character offset, children, subtrees."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..nlp.document import Document, Sentence, Token

# Inverted subject clitics as tokenizers write them: "-t-il", "-il", "t-elle", "il" ...
CLITIC_SUBJECTS = {"il", "elle", "ils", "elles", "on", "je", "nous", "vous", "tu"}


def clitic(token: Token) -> str | None:
    """The subject pronoun a clitic token stands for (``-t-il`` -> ``il``), else None."""
    word = token.text.lower().lstrip("-").replace("’", "'")
    if word.startswith("t-"):
        word = word[2:]
    return word if word in CLITIC_SUBJECTS and token.text.startswith(("-", "t-")) else None


class DocIndex:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.tokens: tuple[Token, ...] = doc.tokens
        self.starts = [t.start for t in self.tokens]
        self.children: dict[int, list[int]] = {}
        for t in self.tokens:
            if t.head is not None:
                self.children.setdefault(t.head, []).append(t.i)
        self.sentence_starts = [s.start for s in doc.sentences]
        self.entities = sorted(doc.entities, key=lambda e: (e.start, e.end))
        self.entity_starts = [e.start for e in self.entities]

    def between(self, start: int, end: int) -> list[Token]:
        """Tokens lying entirely inside [start, end)."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [t for t in self.tokens[lo:hi] if t.end <= end]

    def entity_labels(self, start: int, end: int) -> set[str]:
        """Labels of the entities overlapping [start, end)."""
        hi = bisect_left(self.entity_starts, end)
        labels = set()
        for e in reversed(self.entities[max(0, hi - 8) : hi]):  # entities do not nest deeply
            if e.end > start:
                labels.add(e.label)
        return labels

    def sentence_at(self, offset: int) -> Sentence | None:
        if not self.doc.sentences:
            return None
        k = max(0, bisect_right(self.sentence_starts, offset) - 1)
        return self.doc.sentences[k]

    def kids(self, token: Token) -> list[Token]:
        return [self.tokens[i] for i in self.children.get(token.i, ())]

    def head(self, token: Token) -> Token | None:
        return None if token.head is None else self.tokens[token.head]

    def subtree(self, token: Token, skip=lambda child: False) -> list[Token]:
        out, todo = [], [token]
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(k for k in self.kids(t) if not skip(k))
        return sorted(out, key=lambda t: t.i)

    def ancestors(self, token: Token):
        seen = set()
        while token.head is not None and token.i not in seen:
            seen.add(token.i)
            token = self.tokens[token.head]
            yield token

    def is_negated(self, verb: Token) -> bool:
        return any(
            k.text.lower() in ("pas", "jamais", "guère", "point", "nullement")
            or k.feats.get("Polarity") == "Neg"
            for k in self.kids(verb)
        )
