"""Output paths are checked and written all or nothing; output is safe to open in a
terminal, a spreadsheet and a browser (docs/reliability.md)."""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from quotetrack.cli import cli

from conftest import ROOT
from reliability_helpers import store_article

HOSTILE = [
    ("Anne Dubreuil", "=HYPERLINK(\"http://exemple.invalid\",\"clic\")"),
    ("Paul Mercier", "+33 pour cent d'économies"),
    ("Lucie Garnier", "-1 voix seulement"),
    ("Marc Lefèvre", "@tout le monde, au conseil"),
    ("Inès Moreau", "Le pont\x1b]0;pirate\x07 rouvrira\x1b[2J lundi"),
    ("Hugo Petit", "Voir le fichier rapport\u202etxt.exe"),
]


def run(*args, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def hostile_db(db_path):
    store_article(db_path, HOSTILE, title="Rapport \u202etxt.exe")
    return db_path


# ----- output paths ---------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["report", "search", "pont"], ["report", "speaker", "Anne Dubreuil"], ["export"]])
def test_output_over_the_database_is_refused(hostile_db, command):
    before = digest(hostile_db)
    result = run(*command, "--db", hostile_db, "-o", hostile_db)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Erreur : {hostile_db} : est la base de données {hostile_db} ; choisissez un autre fichier de sortie"]
    assert digest(hostile_db) == before


def test_output_over_an_input_article_is_refused(tmp_path, db_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "conseil.txt").write_text("Le texte source.", encoding="utf-8")
    store_article(db_path, HOSTILE[:1], path="conseil.txt")
    result = run("report", "article", "conseil.txt", "--db", db_path, "-o", "conseil.txt")
    assert result.exit_code == 1 and "est un article indexé (conseil.txt)" in result.output
    assert (tmp_path / "conseil.txt").read_text(encoding="utf-8") == "Le texte source."


@pytest.mark.parametrize("command", [["report", "search", "pont"], ["export"]])
def test_output_into_a_missing_folder_is_one_line(hostile_db, tmp_path, command):
    target = tmp_path / "absent" / "sortie.html"
    result = run(*command, "--db", hostile_db, "-o", target)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Erreur : {target} : le dossier {target.parent} n'existe pas"]


@pytest.mark.parametrize("command", [["report", "search", "pont"], ["export"]])
def test_a_full_disk_leaves_no_file_and_keeps_the_old_one(hostile_db, tmp_path, monkeypatch, command):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "sortie.out"
    result = run(*command, "--db", hostile_db, "-o", target)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"Erreur : {target} : écriture impossible : plus de place sur le disque ; rien n'a été écrit"
    assert not target.exists()
    assert [name for name in os.listdir(tmp_path) if not name.startswith("test.db")] == []  # no temporary file
    target.write_text("ancien", encoding="utf-8")
    run(*command, "--db", hostile_db, "-o", target)
    assert target.read_text(encoding="utf-8") == "ancien"


def test_written_atomically_with_the_usual_permissions(hostile_db, tmp_path):
    target = tmp_path / "export.csv"
    assert run("export", "--db", hostile_db, "-o", target).exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))) == len(HOSTILE)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("command", [["export"], ["report", "search", "-o", "-"], ["search", "pont"]])
def test_standard_output_on_a_full_disk_is_one_line(hostile_db, command):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "quotetrack", *command, "--db", hostile_db],
                              cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "Erreur : impossible d'écrire la sortie : no space left on device"


# ----- spreadsheets ---------------------------------------------------------------------------------
def test_csv_cells_that_would_be_formulas_are_prefixed(hostile_db):
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", hostile_db).output)))
    texts = {row["speaker"]: row["text"] for row in rows}
    assert texts["Anne Dubreuil"] == "'" + HOSTILE[0][1]
    assert texts["Paul Mercier"] == "'+33 pour cent d'économies"
    assert texts["Lucie Garnier"] == "'-1 voix seulement"
    assert texts["Marc Lefèvre"] == "'@tout le monde, au conseil"
    assert texts["Hugo Petit"] == HOSTILE[5][1]  # nothing to prefix
    raw = list(csv.DictReader(io.StringIO(run("export", "--db", hostile_db, "--raw").output)))
    assert {row["speaker"]: row["text"] for row in raw} == dict(HOSTILE)
    as_json = json.loads(run("export", "--db", hostile_db, "--format", "json").output)
    assert {row["speaker"]: row["text"] for row in as_json} == dict(HOSTILE)  # JSON is data, unchanged


@pytest.mark.parametrize("value, expected", [("=1+1", "'=1+1"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), (3, 3), (None, None)])
def test_csv_cell(value, expected):
    from quotetrack.text.safety import csv_cell

    assert csv_cell(value) == expected


# ----- terminals and sheets -------------------------------------------------------------------------
def test_terminal_tables_carry_no_escape_sequence(hostile_db):
    for command in (["search", "pont"], ["reviews"], ["speakers"]):
        output = run(*command, "--db", hostile_db).output
        assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "Le pont rouvrira lundi" in run("search", "pont", "--db", hostile_db).output
    assert "rapport<U+202E>txt.exe" in run("search", "fichier", "--db", hostile_db).output


def test_show_and_verify_carry_no_escape_sequence(hostile_db):
    found = json.loads(run("search", "pont", "--db", hostile_db, "--format", "json").output)
    shown = run("show", found[0]["id"], "--db", hostile_db).output
    assert "\x1b" not in shown and "Le pont rouvrira lundi" in shown
    verified = run("verify", "Le pont rouvrira lundi", "--db", hostile_db, "--threshold", 50).output
    assert "\x1b" not in verified and "\x07" not in verified and "source" in verified


@pytest.mark.parametrize("command", [["report", "search", "fichier"], ["report", "speaker", "Hugo Petit"]])
def test_bidi_overrides_are_shown_escaped_in_sheets(hostile_db, command):
    soup = BeautifulSoup(run(*command, "-o", "-", "--db", hostile_db).output, "html5lib")
    for script in soup("script"):  # JSON-LD is data for machines, not shown
        script.decompose()
    assert "\u202e" not in str(soup)
    assert "rapport<U+202E>txt.exe" in soup.get_text()
    import sqlite3

    conn = sqlite3.connect(hostile_db)
    assert conn.execute("SELECT count(*) FROM quotes WHERE text LIKE ?", ["%\u202e%"]).fetchone() == (1,)  # stored as is
    conn.close()


@pytest.mark.parametrize(
    "text, expected",
    [("a\x1b[31mrouge\x1b[0m", "arouge"), ("titre\x1b]0;pirate\x07", "titre"), ("a\x00b\x7fc\x9bd", "abcd"),
     ("ligne\tet\nsuite", "ligne\tet\nsuite"), ("x\u202ey\u2066z", "x<U+202E>y<U+2066>z")],
)
def test_terminal_text(text, expected):
    from quotetrack.text.safety import terminal_text

    assert terminal_text(text) == expected


def test_a_file_name_with_a_newline_cannot_forge_an_error_line(tmp_path, db_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "vide\nerreur : faux.txt").write_bytes(b"")
    result = run("index", folder, "--db", db_path, "--engine", "spacy", "--workers", 1)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("erreur :")]
    assert errors == [f"erreur : {folder}/vide\\nerreur : faux.txt: article vide"]


# ----- limits ---------------------------------------------------------------------------------------
def test_export_and_report_take_a_limit(db_path):
    store_article(db_path, [(f"Élu {k}", f"Le pont numéro {k} rouvrira") for k in range(12)])
    assert len(list(csv.DictReader(io.StringIO(run("export", "--db", db_path, "--limit", 5).output)))) == 5
    result = run("report", "search", "pont", "--db", db_path, "--limit", 4, "-o", "-")
    assert "4 sur 12 citations dans le rapport ; --limit pour plus" in result.output
    page = result.output[result.output.index("<"):]
    cards = BeautifulSoup(page, "html5lib").select("[id^=q-]")
    assert len(cards) == 4


def test_report_search_defaults_to_500_quotes(db_path):
    store_article(db_path, [(f"Élu {k % 40}", f"Le pont numéro {k} rouvrira") for k in range(520)])
    result = run("report", "search", "pont", "--db", db_path, "-o", "-")
    assert "500 sur 520 citations dans le rapport ; --limit pour plus" in result.output
    page = result.output[result.output.index("<"):]
    assert len(BeautifulSoup(page, "html5lib").select("[id^=q-]")) == 500
