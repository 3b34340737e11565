"""Library exceptions: the CLI turns each into a one-line message and exit status 1."""

from .text.safety import path_text


class QuotetrackError(Exception):
    """Base class: anything quotetrack reports to a user as a one-line error."""


class InputError(QuotetrackError):
    """An input file cannot be read as an article (empty, binary, undecodable, missing)."""

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path_text(path)}: {problem}")


class ModelMissing(QuotetrackError):
    """An NLP engine's models are not installed; the message names the fix."""


class EngineError(QuotetrackError):
    """An engine failed on a text it was given."""
