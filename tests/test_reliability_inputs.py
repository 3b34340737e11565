"""Inputs are bounded and validated before work: only regular files, safe and bounded
front matter, dates checked, any file name (docs/reliability.md)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from quotetrack import indexing
from quotetrack.cli import cli
from quotetrack.errors import InputError
from quotetrack.sources.articles import read_article

from conftest import ROOT

GOOD = "« Le pont rouvrira lundi », a annoncé la maire de Lyon, Anne Dubreuil."
# Nine names, each a list of nine of the one before: 433 bytes, 9**9 "lol" once expanded.
ALIAS_BOMB = "---\n" + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]\n" for before, name in zip("abcdefg", "bcdefgh")
) + "title: *h\n---\n" + GOOD + "\n"


def run(*args, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def index(*paths, db_path, input=None):
    return run("index", *paths, "--db", db_path, "--engine", "spacy", "--workers", 1, input=input)


def errors(result):
    return [line for line in result.output.splitlines() if line.startswith(("erreur :", "Erreur :"))]


def stored(db_path, column="path"):
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute(f"SELECT {column} FROM articles ORDER BY path")]
    finally:
        conn.close()


def test_an_impossible_front_matter_date_is_a_warning(tmp_path, db_path, spacy_engine):
    (tmp_path / "a.md").write_text(f"---\ntitle: Le pont\ndate: 2026-02-30\n---\n{GOOD}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\ntitle: Le pont\nmis_a_jour: 2026-02-30\n---\nAutre jour. {GOOD}\n", encoding="utf-8")
    result = index(tmp_path, db_path=db_path)
    assert result.exit_code == 0, result.output
    assert "indexés 2" in result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("attention :")]
    assert warnings == [f"attention : {tmp_path / 'a.md'}: en-tête YAML : date invalide '2026-02-30' (attendue : AAAA-MM-JJ), ignorée"]
    assert stored(db_path, "published") == [None, None]


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path):
    assert len(ALIAS_BOMB.encode()) - len(GOOD.encode()) < 500
    path = tmp_path / "bombe.md"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    with pytest.raises(InputError, match=f"^{path}: en-tête YAML invalide : plus de 16 alias YAML"):
        read_article(str(path))


@pytest.mark.parametrize(
    "front, problem",
    [
        ("title: [[un, deux], trois]", "title doit être un texte ou une liste de textes"),
        ("title: {a: b}", "title doit être un texte ou une liste de textes"),
        ("title: " + "x" * 10_001, "title dépasse 10000 caractères"),
        ("note: " + "x" * 70_000, "plus de 65536 caractères"),
    ],
    ids=["nested-list", "mapping", "long-title", "long-front-matter"],
)
def test_front_matter_values_are_bounded(tmp_path, front, problem):
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n---\n{GOOD}\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_article(str(path))


def test_a_fifo_and_a_device_named_are_refused_without_blocking(tmp_path, db_path):
    fifo = tmp_path / "tube.txt"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "quotetrack", "index", str(fifo), "/dev/zero", "--db", db_path,
                           "--engine", "spacy", "--workers", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert [line for line in done.stderr.splitlines() if line.startswith("erreur :")] == [
        f"erreur : {fifo}: pas un fichier ordinaire (un tube nommé) ; ignoré",
        "erreur : /dev/zero: pas un fichier ordinaire (un périphérique caractère) ; ignoré",
    ]


def test_standard_input_is_read_within_the_size_limit(db_path):
    result = run("index", "-", "--db", db_path, "--engine", "spacy", "--max-size", 1000, input=GOOD * 100)
    assert result.exit_code == 1
    assert errors(result) == ["erreur : -: trop gros pour un article (plus de 0.001 Mo ; voir --max-size)"]


def test_a_symlink_loop_in_a_folder_is_reported_and_skipped(tmp_path, db_path, spacy_engine):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "bon.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("boucle.txt", folder / "boucle.txt")
    os.symlink("..", folder / "parent")  # a folder loop: not followed
    result = index(folder, db_path=db_path)
    assert result.exit_code == 1
    assert errors(result) == [f"erreur : {folder / 'boucle.txt'}: illisible : too many levels of symbolic links"]
    assert "indexés 1" in result.output and stored(db_path) == [str(folder / "bon.txt")]


def test_a_file_name_that_is_not_utf8_is_stored_and_shown_escaped(tmp_path, db_path, spacy_engine):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    with open(os.path.join(folder, b"vide\xff.txt"), "wb") as handle:
        handle.write(b"")
    result = index(tmp_path, db_path=db_path)
    assert result.exit_code == 1
    assert errors(result) == [f"erreur : {tmp_path}/vide\\xff.txt: article vide"]
    assert stored(db_path) == [f"{tmp_path}/caf\\xe9.txt"]
    again = index(tmp_path, db_path=db_path)  # the same name finds its article again
    assert f"ignoré : {tmp_path}/caf\\xe9.txt (déjà indexé)" in again.output
    sheet = run("report", "article", f"{tmp_path}/caf\\xe9.txt", "-o", "-", "--db", db_path)
    assert sheet.exit_code == 0 and "Le pont rouvrira lundi" in sheet.output


def test_too_many_tokens_is_refused_before_parsing(tmp_path, db_path, monkeypatch):
    def no_parse(*args):
        raise AssertionError("parsed")

    monkeypatch.setattr(indexing, "parse_and_extract", no_parse)
    path = tmp_path / "guillemets.txt"
    path.write_text("« " * 300_000, encoding="utf-8")
    result = index(path, db_path=db_path)
    assert result.exit_code == 1
    assert errors(result) == [f"erreur : {path}: trop de mots et de signes pour un article (300 000 > 250 000 ; voir --max-tokens)"]
    unlimited = index(path, "--max-tokens", 0, db_path=db_path)  # no budget: handed to the parser
    assert errors(unlimited) == [f"erreur : {path}: l'analyse a échoué (AssertionError : parsed)"]
