"""The repairs of nlp/spacy_speed.py: the same parse as spaCy's own pipeline, sooner."""

import pytest
from thinc.api import NumpyOps

from quotetrack.nlp.spacy_speed import BLIS_VARIABLE, index_lemma_tables, use_numpy_blas
from quotetrack.parallel import _one_maths_thread

SENTENCES = [
    "« Nous ne fermerons pas l'usine », a assuré mardi le ministre de l'Industrie, Paul Véran.",
    "Selon la préfecture, les manifestants étaient plus de deux mille devant la mairie de Rennes.",
    "La directrice de l'hôpital a reconnu que les urgences manquaient de médecins depuis l'été.",
    "— Et vous, qu'en pensez-vous ? a demandé la journaliste à Mme Leclerc, qui s'est tue.",
    "Les syndicats estiment, dans un communiqué publié jeudi, que la réforme « ne passera pas ».",
]


def layers(nlp):
    for name in nlp.component_names:
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is not None:
            yield from model.walk()


def analysis(nlp, texts):
    return [
        [(t.text, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i, t.ent_type_) for t in doc]
        for doc in nlp.pipe(texts)
    ]


def test_every_layer_multiplies_on_numpy_blas(spacy_engine):
    found = list(layers(spacy_engine.nlp))
    assert found and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in found)


def test_numpy_blas_gives_the_same_parse_as_blis(spacy_engine):
    nlp = spacy_engine.nlp
    fast = analysis(nlp, SENTENCES)
    every = list(layers(nlp))
    blis = NumpyOps(use_blis=True)
    saved = [layer.ops for layer in every]
    try:
        for layer in every:
            layer.ops = blis
        assert analysis(nlp, SENTENCES) == fast
    finally:
        for layer, ops in zip(every, saved):
            layer.ops = ops


def test_quotetrack_blis_keeps_blis(spacy_engine, monkeypatch):
    layer = next(layers(spacy_engine.nlp))
    saved = layer.ops
    try:
        layer.ops = NumpyOps(use_blis=True)
        monkeypatch.setenv(BLIS_VARIABLE, "1")
        assert use_numpy_blas(spacy_engine.nlp) == 0 and layer.ops.use_blis
        monkeypatch.delenv(BLIS_VARIABLE)
        assert use_numpy_blas(spacy_engine.nlp) == 1 and not layer.ops.use_blis
    finally:
        layer.ops = saved


def test_lemma_lists_become_sets(spacy_engine):
    table = spacy_engine.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in table.values())
    assert index_lemma_tables(spacy_engine.nlp) == 0  # a second call finds nothing left to change


@pytest.mark.parametrize(
    "sentence, word, lemma",
    [
        ("Le maire a déclaré que la route resterait fermée.", "déclaré", "déclarer"),
        ("Les ministres ont précisé leurs intentions.", "ministres", "ministre"),
        ("Elle avait souligné les difficultés des familles.", "souligné", "souligner"),
        ("Ils affirment que les chiffres sont faux.", "affirment", "affirmer"),
        ("Les infirmières étaient épuisées.", "infirmières", "infirmier"),
        ("Il a promis de revenir avant les élections.", "promis", "promettre"),
    ],
)
def test_lemmas_with_the_sets(spacy_engine, sentence, word, lemma):
    doc = spacy_engine.nlp(sentence)
    assert next(t.lemma_ for t in doc if t.text == word) == lemma


def test_one_maths_thread_limits_a_blas_already_loaded(monkeypatch):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    import numpy  # noqa: F401  (loads numpy's BLAS, as sqlite-utils does before any worker starts)

    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.setenv(variable, "4")
    with threadpoolctl.threadpool_limits(2):
        _one_maths_thread()
        blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
        assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_the_sets_give_the_lemmas_the_lists_gave(spacy_engine):
    lemmatizer = spacy_engine.nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    docs = list(spacy_engine.nlp.pipe(SENTENCES))

    def lemmas():
        lemmatizer.cache.clear()
        return [lemmatizer.rule_lemmatize(token) for doc in docs for token in doc]

    with_sets = lemmas()
    saved = dict(table.items())
    try:
        for key, words in saved.items():
            table.set(key, sorted(words))
        assert lemmas() == with_sets
    finally:
        for key, words in saved.items():
            table.set(key, words)
        lemmatizer.cache.clear()


@pytest.mark.parametrize(
    "text",
    [
        "Le maire a déclaré que la route  resterait fermée.\nIl l'a redit hier.",
        "« Nous partirons », a-t-il dit.   Puis il est parti.\n\n\nLa séance a repris.",
        "  Selon   la préfecture, deux mille personnes.  ",
    ],
)
def test_document_tokens_are_spacys_tokens(spacy_engine, text):
    """The Document is read from spaCy's attribute arrays: each of its tokens says what
    spaCy's own Token says (whitespace tokens left out, heads renumbered)."""
    doc = spacy_engine.parse(text)
    ours = [t for s in doc.sentences for t in s.tokens]
    theirs = [t for t in spacy_engine.nlp(text) if not t.is_space]
    assert [(t.text, t.start, t.lemma, t.upos, t.feats) for t in ours] == [
        (t.text, t.idx, t.lemma_ or t.text, t.pos_ or "X", t.morph.to_dict()) for t in theirs
    ]
    position = {t.i: k for k, t in enumerate(theirs)}
    for token, spacy_token in zip(ours, theirs):
        if token.head is not None and not spacy_token.head.is_space:
            assert token.head == position[spacy_token.head.i] and token.deprel == spacy_token.dep_


def test_string_table_renewed_past_its_bound(spacy_engine, monkeypatch):
    """The table of strings kept across documents is bounded: past its size it starts
    again, and the documents read with a fresh table are the same."""
    from quotetrack.nlp import spacy_engine as engine_module

    before = [spacy_engine.parse(text) for text in SENTENCES]
    monkeypatch.setattr(engine_module._Names, "MOST", 5)
    tables = []  # held, so that no table's id is reused by the next
    after = []
    for text in SENTENCES:
        after.append(spacy_engine.parse(text))
        tables.append(engine_module._NAMES)
        assert len(engine_module._NAMES) < 200  # one document's strings, not all of them
    assert len({id(table) for table in tables}) == len(SENTENCES)
    assert [[(t.text, t.lemma, t.upos, t.feats, t.head) for t in d.tokens] for d in after] == [
        [(t.text, t.lemma, t.upos, t.feats, t.head) for t in d.tokens] for d in before
    ]
