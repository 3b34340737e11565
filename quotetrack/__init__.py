"""quotetrack: who said what, when and where, in French news articles."""

__version__ = "0.1.0"

from .errors import QuotetrackError, InputError, ModelMissing  # noqa: E402
from .nlp import Document, Sentence, Token, Entity, get_engine  # noqa: E402

__all__ = [
    "__version__",
    "Document",
    "Sentence",
    "Token",
    "Entity",
    "get_engine",
    "QuotetrackError",
    "InputError",
    "ModelMissing",
]
