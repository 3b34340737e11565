"""Stanza engine, the design's parser: tokenize, mwt, pos, lemma, depparse, ner for French.

Contract: text in, engine-neutral ``Document`` out. Models are read from a local folder
and never downloaded at run time (``download_method=None``): the folder is
``--stanza-dir``, else ``$QUOTETRACK_STANZA_DIR``, else Stanza's own resources folder.

Two folder layouts are accepted:
- what ``stanza.download('fr')`` writes (a ``resources.json`` that knows French), loaded
  the standard way;
- a bare layout ``fr/<processor>/<one>.pt`` plus ``fr/pretrain/<one>.pt`` (models trained
  locally, as the test suite does), loaded with explicit model paths.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import EngineError, ModelMissing
from .chunks import chunk_spans
from .document import Document, Entity, Sentence, Token, make_sentence, parse_feats

NAME = "stanza"
LANG = "fr"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
_NEEDS_PRETRAIN = ("pos", "depparse", "ner")


def default_dir() -> Path:
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:
        return Path.home() / "stanza_resources"
    return Path(DEFAULT_MODEL_DIR)


def resolve_dir(stanza_dir: str | os.PathLike | None = None) -> Path:
    if stanza_dir:
        return Path(stanza_dir)
    env = os.environ.get("QUOTETRACK_STANZA_DIR")
    return Path(env) if env else default_dir()


def _resources(model_dir: Path) -> dict | None:
    try:
        return json.loads((model_dir / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _single_model(folder: Path) -> Path | None:
    found = sorted(folder.glob("*.pt")) if folder.is_dir() else []
    return found[0] if found else None


def model_status(stanza_dir=None) -> dict:
    """What is present for French in the folder: {"dir", "layout", "missing": [...]}."""
    model_dir = resolve_dir(stanza_dir)
    resources = _resources(model_dir)
    if resources is None:
        return {"dir": str(model_dir), "layout": None, "missing": list(PROCESSORS)}
    if LANG in resources:
        present = [p for p in PROCESSORS if (model_dir / LANG / p).is_dir()]
        missing = [p for p in PROCESSORS if p not in present]
        return {"dir": str(model_dir), "layout": "stanza", "missing": missing}
    missing = [p for p in PROCESSORS if _single_model(model_dir / LANG / p) is None]
    if _single_model(model_dir / LANG / "pretrain") is None:
        missing.append("pretrain")
    return {"dir": str(model_dir), "layout": "local", "missing": missing}


def default_dir_candidates() -> list[Path]:
    """Every folder the installed Stanza may take as its own resources folder, found without
    importing it (Stanza imports torch: 2 s): ``$STANZA_RESOURCES_DIR``, the per-version
    user cache folders of Stanza 1.10 and later, and ``~/stanza_resources`` of earlier ones."""
    found = [Path(os.environ["STANZA_RESOURCES_DIR"])] if os.environ.get("STANZA_RESOURCES_DIR") else []
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        return found + [default_dir()]
    found += sorted(Path(user_cache_dir("stanza", "StanfordNLP")).glob("*/resources"))
    return found + [Path.home() / "stanza_resources"]


def is_available(stanza_dir=None) -> bool:
    import importlib.util

    if importlib.util.find_spec("stanza") is None:
        return False
    if not stanza_dir and not os.environ.get("QUOTETRACK_STANZA_DIR"):
        if not any((folder / "resources.json").is_file() for folder in default_dir_candidates()):
            return False  # no models where Stanza keeps them: known without importing it
    try:
        import stanza  # noqa: F401
    except ImportError:
        return False
    status = model_status(stanza_dir)
    return status["layout"] is not None and not status["missing"]


def pipeline_kwargs(model_dir: Path) -> dict:
    """Keyword arguments for ``stanza.Pipeline`` for either folder layout."""
    kwargs = {
        "lang": LANG,
        "dir": str(model_dir),
        "processors": ",".join(PROCESSORS),
        "download_method": None,
        "logging_level": "ERROR",
        "tokenize_no_ssplit": False,
    }
    resources = _resources(model_dir) or {}
    if LANG in resources:
        return kwargs
    pretrain = _single_model(model_dir / LANG / "pretrain")
    for processor in PROCESSORS:
        kwargs[f"{processor}_model_path"] = str(_single_model(model_dir / LANG / processor))
    for processor in _NEEDS_PRETRAIN:
        kwargs[f"{processor}_pretrain_path"] = str(pretrain)
        kwargs[f"{processor}_forward_charlm_path"] = None
        kwargs[f"{processor}_backward_charlm_path"] = None
    return kwargs


def stanza_version() -> str:
    import stanza

    return stanza.__version__


_PIPELINES: dict[str, object] = {}


class StanzaEngine:
    name = NAME

    def __init__(self, stanza_dir=None):
        model_dir = resolve_dir(stanza_dir)
        status = model_status(model_dir)
        if status["layout"] is None or status["missing"]:
            what = ", ".join(status["missing"]) if status["layout"] else "modèles français"
            raise ModelMissing(
                f"modèles Stanza absents de {model_dir} ({what}) ; solution : lancez "
                "« quotetrack models download », donnez --stanza-dir DOSSIER ou la variable QUOTETRACK_STANZA_DIR, "
                "ou prenez --engine spacy"
            )
        key = str(model_dir.resolve())
        if key not in _PIPELINES:
            try:
                import stanza
            except ImportError:
                raise ModelMissing("Stanza n'est pas installé ; solution : pip install stanza") from None
            try:
                _PIPELINES[key] = stanza.Pipeline(**pipeline_kwargs(model_dir))
            except Exception as exc:  # stanza raises many types for broken model files
                raise ModelMissing(
                    f"les modèles Stanza de {model_dir} n'ont pas pu être chargés : {exc}".splitlines()[0]
                ) from None
        self.pipeline = _PIPELINES[key]
        self.version = f"stanza {stanza_version()}"
        self.model_dir = model_dir

    def parse(self, text: str, select=None) -> Document:
        return next(iter(self.parse_many([text], select=select)))

    def parse_many(self, texts: Iterable[str], batch_size: int = 32, select=None) -> Iterator[Document]:
        """Parse texts in bulk: every paragraph chunk of a text goes through one pipeline call.

        ``select`` is accepted for the engines' common interface and ignored: Stanza parses
        every sentence (its processors run as one pipeline), so every sentence is ``parsed``."""
        import stanza

        for text in texts:
            spans = list(chunk_spans(text))
            inputs = [stanza.Document([], text=text[a:b]) for a, b in spans]
            try:
                parsed = self.pipeline(inputs) if inputs else []
            except Exception as exc:
                raise EngineError(f"Stanza a échoué : {exc}".splitlines()[0]) from None
            yield from_stanza(text, [a for a, _ in spans], parsed, self.version)


def from_stanza(text: str, bases: list[int], docs: list, version: str = "") -> Document:
    """Convert Stanza documents (chunks of ``text`` starting at ``bases``) to one Document.

    The words of a multi-word token (``du`` -> ``de`` + ``le``) all take the surface
    token's character span.
    """
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    offset_i = 0
    for base, doc in zip(bases, docs):
        for sent in doc.sentences:
            words = []
            for token in sent.tokens:
                start, end = token.start_char, token.end_char
                if start is None or end is None:
                    raise EngineError("Stanza a rendu un mot sans positions dans le texte")
                for word in token.words:
                    words.append((word, base + start, base + end))
            if not words:
                continue
            converted = []
            for k, (word, start, end) in enumerate(words):
                head = None if not word.head else offset_i + word.head - 1
                converted.append(
                    Token(
                        i=offset_i + k,
                        text=word.text,
                        start=start,
                        end=end,
                        lemma=word.lemma or word.text,
                        upos=word.upos or "X",
                        feats=parse_feats(word.feats),
                        head=head,
                        deprel="root" if head is None else (word.deprel or "dep"),
                    )
                )
            offset_i += len(converted)
            sentences.append(make_sentence(converted))
        if not doc.ents and any(getattr(t, "ner", None) not in (None, "O") for s in doc.sentences for t in s.tokens):
            doc.build_ents()  # documents read from CoNLL-U carry NER tags, not entity spans
        for ent in doc.ents:
            label = ent.type if ent.type in ("PER", "ORG", "LOC", "MISC") else "MISC"
            start, end = base + ent.start_char, base + ent.end_char
            entities.append(Entity(start, end, label, text[start:end]))
    return Document(
        text=text,
        lang=LANG,
        sentences=tuple(sentences),
        entities=tuple(entities),
        engine=NAME,
        engine_version=version,
    )
