"""Indexing and searching through the CLI, on temporary databases."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli

from conftest import ROOT, SEED


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def counts(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "quotes", "speakers", "speaker_aliases")}
    finally:
        conn.close()


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_index_then_search_by_speaker(seeds, db_path):
    result = run("index", seeds, "--db", db_path, "--engine", "spacy", "--source", "AFP", "--date", "2022-03-24")
    assert result.exit_code == 0, result.output
    assert "indexés 1, remplacés 0, ignorés 0, en échec 0 ; 11 citations" in result.output
    found = json.loads(run("search", "--speaker", "Stoltenberg", "--db", db_path, "--format", "json").output)
    assert len(found) == 9 and {r["speaker"] for r in found} == {"Jens Stoltenberg"}
    row = found[0]
    for key in ("id", "text", "kind", "speaker", "speaker_kind", "role", "said_on", "source", "title", "url", "article_id", "status", "confidence"):
        assert key in row
    assert row["said_on"] == "2022-03-24" and row["source"] == "AFP" and row["status"] == "unreviewed"
    table = run("search", "--speaker", "Stoltenberg", "--db", db_path).output
    assert "Jens Stoltenberg" in table and "C'est du jamais vu" in table


def test_index_twice_changes_nothing(seeds, db_path):
    run("index", seeds, "--db", db_path, "--engine", "spacy")
    before = counts(db_path)
    result = run("index", seeds, "--db", db_path, "--engine", "spacy")
    assert result.exit_code == 0 and "ignorés 1" in result.output
    assert counts(db_path) == before


def test_editing_an_article_replaces_its_quotes(seeds, db_path):
    run("index", seeds, "--db", db_path, "--engine", "spacy")
    path = seeds / SEED.name
    text = path.read_text(encoding="utf-8").replace("C'est du jamais vu", "C'est inédit")
    path.write_text(text, encoding="utf-8")
    result = run("index", seeds, "--db", db_path, "--engine", "spacy")
    assert "remplacés 1" in result.output
    assert counts(db_path)["articles"] == 1
    texts = [r["text"] for r in json.loads(run("search", "--db", db_path, "--format", "json", "--limit", "100").output)]
    assert "C'est inédit" in texts and "C'est du jamais vu" not in texts


@pytest.mark.parametrize(
    "query, expected",
    [
        ("negocierons", "Nous négocierons avec l'Otan"),
        ("OTAN", "Nous négocierons avec l'Otan"),
        ("l'otan \"", "Nous négocierons avec l'Otan"),
        ("ecoles AND", None),
    ],
)
def test_search_is_accent_insensitive_and_forgiving(tmp_path, db_path, query, expected):
    path = tmp_path / "article.md"
    path.write_text("---\ntitle: Sommet\ndate: 2024-05-02\n---\n« Nous négocierons avec l'Otan », a déclaré Jens Stoltenberg.\n", encoding="utf-8")
    assert run("index", path, "--db", db_path, "--engine", "spacy").exit_code == 0
    result = run("search", query, "--db", db_path, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["text"] for r in rows] == ([expected] if expected else [])


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
def test_export_formats(seeds, db_path, fmt):
    run("index", seeds, "--db", db_path, "--engine", "spacy")
    out = run("export", "--format", fmt, "--db", db_path, "--kind", "direct").output
    if fmt == "json":
        rows = json.loads(out)
    elif fmt == "ndjson":
        rows = [json.loads(line) for line in out.splitlines()]
    else:
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5 and all(r["kind"] == "direct" for r in rows)


def test_show_and_speakers(seeds, db_path):
    run("index", seeds, "--db", db_path, "--engine", "spacy")
    rows = json.loads(run("search", "jamais", "--db", db_path, "--format", "json").output)
    shown = run("show", rows[0]["id"][:8], "--db", db_path)
    assert shown.exit_code == 0 and "« C'est du jamais vu »" in shown.output and "Jens Stoltenberg" in shown.output
    missing = run("show", "ffffffffffff", "--db", db_path)
    assert missing.exit_code == 1 and missing.output.count("\n") == 1
    listing = json.loads(run("speakers", "--format", "json", "--db", db_path).output)
    assert listing[0]["name"] == "Jens Stoltenberg" and listing[0]["quotes"] == 9
    merged = run("speakers", "merge", "Jens Stoltenberg", "une haute responsable américaine", "--db", db_path)
    assert merged.exit_code == 0 and "1 citation déplacée" in merged.output
    assert len(json.loads(run("search", "--speaker", "Stoltenberg", "--db", db_path, "--format", "json").output)) == 10


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path, db_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_empty.txt").write_text("", encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 20)
    (folder / "c_good.txt").write_text("« Le pont rouvrira lundi », a annoncé la maire, Anne Hidalgo.", encoding="utf-8")
    (folder / "d_latin1.txt").write_bytes("« Ça ira », a assuré Rémi Durand.".encode("cp1252"))
    result = CliRunner().invoke(cli, ["index", str(folder), "--db", db_path, "--engine", "spacy"])
    assert result.exit_code == 1
    assert "a_empty.txt: article vide" in result.output and "b_binary.txt" in result.output
    assert "indexés 2, remplacés 0, ignorés 0, en échec 2" in result.output
    assert "Traceback" not in result.output
    assert counts(db_path)["articles"] == 2


def test_index_standard_input(db_path):
    result = run("index", "-", "--db", db_path, "--engine", "spacy", "--title", "Dépêche", input="« Tout va bien », a déclaré Paul Martin.")
    assert result.exit_code == 0 and "indexés 1" in result.output
    rows = json.loads(run("search", "--db", db_path, "--format", "json").output)
    assert rows[0]["title"] == "Dépêche" and rows[0]["speaker"] == "Paul Martin"


def test_unusable_database_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("search", "--db", blocker / "sub" / "q.db")
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "Traceback" not in result.output


def test_killed_index_leaves_a_consistent_database(tmp_path, db_path):
    """SIGKILL mid-run: every stored article is complete, and the next run finishes the job."""
    folder = tmp_path / "many"
    folder.mkdir()
    body = SEED.read_text(encoding="utf-8")
    for n in range(40):
        (folder / f"{n:03}.txt").write_text(f"Dépêche numéro {n}.\n\n{body}", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "quotetrack", "index", str(folder), "--db", db_path, "--engine", "spacy", "--silent", "--batch-size", "4"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if os.path.exists(db_path):
            try:
                if counts(db_path)["articles"] >= 1:
                    break
            except sqlite3.Error:
                pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = counts(db_path)
    assert 0 < partial["articles"] < 40
    assert partial["quotes"] == 11 * partial["articles"]  # no article half-written
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert counts(db_path)["articles"] == 40 and counts(db_path)["quotes"] == 440
