"""The engine-neutral parsed document.

Everything downstream of parsing (quote extraction, storage, reports) reads these
records only, so that spaCy and Stanza are interchangeable. Offsets are character
offsets into ``Document.text`` and are always exact: ``text[start:end]`` is the
surface form. The words of a French contraction (``du`` -> ``de`` + ``le``) each
point at the whole surface span, as Stanza's multi-word tokens do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True)
class Token:
    """One syntactic word. ``i`` and ``head`` are indexes into ``Document.tokens``;
    ``head`` is None for the root of a sentence."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    upos: str
    feats: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    head: int | None = None
    deprel: str = "dep"

    @property
    def is_root(self) -> bool:
        return self.head is None


@dataclass(frozen=True)
class Sentence:
    """``parsed`` is False for a sentence the engine only tagged (selective parsing):
    its tokens have no head and no relation."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    parsed: bool = True


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str = ""


@dataclass(frozen=True)
class Document:
    text: str
    lang: str
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    engine: str
    engine_version: str = ""

    @property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)

    def to_dict(self) -> dict:
        """A JSON-ready dict (``quotetrack parse --format json``)."""
        return {
            "text": self.text,
            "lang": self.lang,
            "engine": self.engine,
            "engine_version": self.engine_version,
            "sentences": [
                {
                    "start": s.start,
                    "end": s.end,
                    "parsed": s.parsed,
                    "tokens": [
                        {
                            "i": t.i,
                            "text": t.text,
                            "start": t.start,
                            "end": t.end,
                            "lemma": t.lemma,
                            "upos": t.upos,
                            "feats": dict(t.feats),
                            "head": t.head,
                            "deprel": t.deprel,
                        }
                        for t in s.tokens
                    ],
                }
                for s in self.sentences
            ],
            "entities": [
                {"start": e.start, "end": e.end, "label": e.label, "text": e.text}
                for e in self.entities
            ],
        }


def parse_feats(value: str | None) -> dict[str, str]:
    """``Gender=Masc|Number=Sing`` -> ``{"Gender": "Masc", "Number": "Sing"}``."""
    if not value or value == "_":
        return {}
    feats = {}
    for pair in value.split("|"):
        key, sep, val = pair.partition("=")
        if sep:
            feats[key] = val
    return feats


def format_feats(feats: Mapping[str, str]) -> str:
    return "|".join(f"{k}={feats[k]}" for k in sorted(feats, key=str.lower)) or "_"


def single_root(tokens: list[Token]) -> list[Token]:
    """Guarantee one root per sentence, whatever the engine returned.

    A sentence with several roots (a head lost on a skipped whitespace token, say)
    keeps its first root and attaches the others to it as ``parataxis``.
    """
    roots = [t for t in tokens if t.head is None]
    if len(roots) == 1:
        return tokens
    if not roots:
        first = tokens[0]
        tokens = [Token(**{**first.__dict__, "head": None, "deprel": "root"})] + tokens[1:]
        return single_root(tokens)
    keep = roots[0].i
    return [
        Token(**{**t.__dict__, "head": keep, "deprel": "parataxis"})
        if t.head is None and t.i != keep
        else t
        for t in tokens
    ]


def make_sentence(tokens: list[Token]) -> Sentence:
    """A sentence from its converted tokens, with exactly one root."""
    tokens = single_root(tokens)
    return Sentence(start=tokens[0].start, end=tokens[-1].end, tokens=tuple(tokens))


def unparsed_sentence(tokens: list[Token]) -> Sentence:
    """A sentence that was tagged but not parsed: no root is made up."""
    return Sentence(start=tokens[0].start, end=tokens[-1].end, tokens=tuple(tokens), parsed=False)
