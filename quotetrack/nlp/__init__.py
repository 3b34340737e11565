"""Parsing: one engine-neutral ``Document`` whichever engine produced it.

``get_engine("auto")`` picks Stanza when its French models are present, else the
embedded spaCy model, and caches one engine per process.
"""

from __future__ import annotations

from ..errors import QuotetrackError
from .document import Document, Entity, Sentence, Token

ENGINES = ("auto", "stanza", "spacy")

__all__ = ["Document", "Entity", "Sentence", "Token", "get_engine", "resolve_engine_name", "ENGINES"]

_CACHE: dict[tuple, object] = {}


def resolve_engine_name(name: str = "auto", stanza_dir=None) -> str:
    """The engine ``name`` stands for: ``auto`` becomes ``stanza`` or ``spacy``."""
    from . import stanza_engine

    if name not in ENGINES:
        raise QuotetrackError(f"analyseur inconnu : {name!r} ; au choix : {', '.join(ENGINES)}")
    if name == "auto":
        return "stanza" if stanza_engine.is_available(stanza_dir) else "spacy"
    return name


def get_engine(name: str = "auto", stanza_dir=None):
    """Load (once per process) and return the engine ``name`` stands for."""
    resolved = resolve_engine_name(name, stanza_dir)
    key = (resolved, str(stanza_dir or ""))
    if key not in _CACHE:
        if resolved == "stanza":
            from .stanza_engine import StanzaEngine

            _CACHE[key] = StanzaEngine(stanza_dir)
        else:
            from .spacy_engine import SpacyEngine

            _CACHE[key] = SpacyEngine()
    return _CACHE[key]
