"""End-to-end run of stanza.Pipeline on the tiny models from tests/tiny_stanza.py.

The models come from the session fixture ``tiny_stanza_dir`` (conftest.py):
trained on first use, about a minute, then cached under <repo>/.cache or
$QUOTETRACK_TEST_CACHE.
"""

import re

import pytest
import stanza

from tiny_stanza import pipeline_kwargs

pytestmark = pytest.mark.stanza

TEXT = (
    "Le président du Sénat a parlé au public des élections. "
    "Marie Dupont a répondu aux questions du journaliste."
)
ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}


@pytest.fixture(scope="module")
def doc(tiny_stanza_dir):
    # ERROR: the bare resources.json makes Stanza warn that French is unsupported.
    nlp = stanza.Pipeline("fr", **pipeline_kwargs(tiny_stanza_dir), logging_level="ERROR")
    return nlp(TEXT)


def test_model_layout(tiny_stanza_dir):
    assert (tiny_stanza_dir / "resources.json").read_text().strip() == "{}"
    for processor in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner", "pretrain"):
        assert (tiny_stanza_dir / "fr" / processor / "tiny.pt").is_file()


def test_every_word_is_annotated(doc):
    assert doc.sentences
    for sentence in doc.sentences:
        assert sentence.words
        for word in sentence.words:
            assert word.upos and word.lemma and word.deprel, word
            assert 0 <= word.head <= len(sentence.words), word
        roots = [word for word in sentence.words if word.head == 0]
        assert len(roots) == 1, [word.text for word in roots]


def test_contraction_expands_to_two_words(doc):
    tokens = [token for sentence in doc.sentences for token in sentence.tokens]
    du = [token for token in tokens if token.text == "du"]
    assert du, [token.text for token in tokens]
    for token in du:
        assert len(token.words) == 2, [word.text for word in token.words]


def test_token_offsets_point_into_the_text(doc):
    for sentence in doc.sentences:
        for token in sentence.tokens:
            assert TEXT[token.start_char:token.end_char] == token.text, token


def test_ner_tags_every_token(doc):
    tag = re.compile(r"O|[BIES]-(%s)" % "|".join(ENTITY_TYPES))
    for sentence in doc.sentences:
        for token in sentence.tokens:
            assert token.ner and tag.fullmatch(token.ner), token
    for entity in doc.ents:
        assert entity.type in ENTITY_TYPES, entity
        assert TEXT[entity.start_char:entity.end_char] == entity.text, entity
