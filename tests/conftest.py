import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))

SEED = ROOT / "seeds" / "000_215c51ed475f2f51.txt"
GOLD = TESTS / "gold" / "seed-fr.jsonl"


@pytest.fixture(scope="session")
def spacy_engine():
    from quotetrack.nlp import get_engine

    return get_engine("spacy")


@pytest.fixture(scope="session")
def tiny_stanza_dir():
    """Tiny real Stanza models trained from the Sequoia treebank copy (cached)."""
    from tiny_stanza import ensure_tiny_models

    cache = Path(os.environ.get("QUOTETRACK_TEST_CACHE", ROOT / ".cache"))
    return ensure_tiny_models(cache)


@pytest.fixture(scope="session")
def stanza_engine(tiny_stanza_dir):
    from quotetrack.nlp import get_engine

    return get_engine("stanza", tiny_stanza_dir)


@pytest.fixture
def db_path(tmp_path):
    return str(tmp_path / "test.db")
