"""French plurals for counts a person reads: one rule, so every message agrees."""


def plural(count: int, word: str, many: str | None = None) -> str:
    """« 0 article », « 1 article », « 2 articles » (French: the plural from 2); ``many``
    where adding an s is not the plural (« nouveaux locuteurs », « flux et plans de site »)."""
    return f"{count} {word if count < 2 else many or word + 's'}"
