"""Commands that read never create a database, read one they cannot write, and call a
file that is not a database by its name (docs/reliability.md)."""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli

from conftest import ROOT
from reliability_helpers import store_article

SAYINGS = [("Anne Dubreuil", "Le pont rouvrira lundi"), ("Paul Mercier", "Le budget est tenu")]
READ_COMMANDS = [["search", "pont"], ["speakers"], ["speakers", "suggest"], ["show", "abc"], ["verify", "Le pont rouvrira lundi"],
                 ["report", "search", "pont"], ["report", "article", "conseil.txt"], ["report", "speaker", "Anne Dubreuil"],
                 ["export"], ["reviews"], ["serve"]]  # fmt: skip


def run(*args, env=None):
    result = CliRunner(env=env).invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


# ----- a missing database -----------------------------------------------------------------------------
@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_typo_in_db_creates_nothing_and_says_where_it_looked(tmp_path, command):
    typo = tmp_path / "qoutes.db"
    result = run(*command, "--db", typo)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Erreur : {typo} : aucune base de données à cet endroit (d'après --db)")
    assert "--db FICHIER" in line and "QUOTETRACK_DB" in line
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("command", [["search", "otan"], ["speakers"], ["export"]])
def test_the_default_and_the_environment_path_are_named_too(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTETRACK_DB", raising=False)
    result = run(*command)
    assert result.exit_code == 1
    assert f"{tmp_path}/db/quotetrack.db : aucune base de données" in result.output
    assert f"chemin par défaut db/quotetrack.db, depuis le dossier {tmp_path}" in result.output
    result = run(*command, env={"QUOTETRACK_DB": str(tmp_path / "ailleurs.db")})
    assert result.exit_code == 1 and "ailleurs.db : aucune base de données à cet endroit (d'après $QUOTETRACK_DB)" in result.output
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("command", [["search", "pont"], ["export"], ["speakers"]])
def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path, command):
    other = tmp_path / "carnet.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (nom TEXT)")
    conn.commit()
    conn.close()
    before = digest(other)
    result = run(*command, "--db", other)
    assert result.exit_code == 1
    assert "n'est pas une base quotetrack" in result.output
    assert digest(other) == before


def test_a_database_not_yet_given_its_tables_is_called_empty(tmp_path):
    fresh = tmp_path / "neuve.db"
    conn = sqlite3.connect(fresh)
    conn.execute("PRAGMA journal_mode = WAL")  # what an index that just started leaves for a moment
    conn.close()
    for command in (["search", "pont"], ["speakers"]):
        result = run(*command, "--db", fresh)
        assert result.exit_code == 1
        assert result.output.strip() == f"Erreur : {fresh} : base vide (en cours de création ?) ; indexez des articles avec quotetrack index"
    assert sqlite3.connect(fresh).execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


@pytest.mark.parametrize("command", [["search", "pont"], ["export"], ["speakers"], ["verify", "Le pont rouvrira lundi"]])
def test_a_read_command_leaves_the_folder_as_it_found_it(tmp_path, command):
    db = tmp_path / "citations.db"
    store_article(str(db), SAYINGS)
    before = digest(db)
    assert run(*command, "--db", db).exit_code in (0, 3)
    gc.collect()  # the connection a command leaves to the garbage collector, as its process exit would
    assert sorted(os.listdir(tmp_path)) == ["citations.db"] and digest(db) == before  # no -wal or -shm left behind


# ----- a file that is not a database ------------------------------------------------------------------
@pytest.mark.parametrize("command", [["search", "pont"], ["export"], ["speakers"], ["index", "absent.txt"]])
def test_a_text_file_named_as_the_database_is_not_called_damaged(tmp_path, command):
    article = tmp_path / "article.txt"
    article.write_text("« Le pont rouvrira lundi », a dit Anne Dubreuil.\n" * 40, encoding="utf-8")
    before = digest(article)
    result = run(*command, "--db", article)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Erreur : {article} : n'est pas une base quotetrack (ni même un fichier SQLite)")
    assert ".recover" not in line and "damaged" not in line
    assert digest(article) == before


# ----- a read-only file system ------------------------------------------------------------------------
def _read_only_runner():
    """How to run a command with a folder read-only: a private read-only bind mount when
    root (chmod does not stop root), else the folder's and file's write bits removed."""
    if os.geteuid() != 0:
        return "chmod"
    if shutil.which("unshare") and subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0:
        return "mount"
    return None


READ_ONLY = _read_only_runner()


def run_read_only(folder, *argv):
    """``argv`` in a subprocess that sees ``folder`` read-only (EROFS or EACCES)."""
    if READ_ONLY == "mount":
        script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
        argv = ["unshare", "-m", "sh", "-c", script, "sh", str(folder), *argv]
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def read_only_db(tmp_path):
    """A WAL database alone in a read-only folder: no -wal, no -shm, none can be created."""
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "citations.db"
    store_article(str(db), SAYINGS)
    assert open(db, "rb").read(20)[18:20] == b"\x02\x02"  # WAL mode, as quotetrack leaves it
    assert sorted(os.listdir(folder)) == ["citations.db"]
    if READ_ONLY == "chmod":
        db.chmod(0o444)
        folder.chmod(0o555)
    yield folder, db
    folder.chmod(0o755)


@pytest.mark.skipif(READ_ONLY is None, reason="no way to make a folder read-only here")
@pytest.mark.parametrize("command, expected", [(["search", "pont"], "Le pont rouvrira lundi"), (["export"], "Le budget est tenu"),
                                               (["speakers"], "Anne Dubreuil"), (["verify", "Le budget est tenu"], "Paul Mercier"),
                                               (["report", "speaker", "Paul Mercier", "-o", "-"], "Le budget est tenu")])  # fmt: skip
def test_read_commands_work_on_a_read_only_folder(read_only_db, command, expected):
    folder, db = read_only_db
    before = digest(db)
    done = run_read_only(folder, sys.executable, "-m", "quotetrack", *command, "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
    assert digest(db) == before and sorted(os.listdir(folder)) == ["citations.db"]


@pytest.mark.skipif(READ_ONLY is None, reason="no way to make a folder read-only here")
def test_serve_reads_a_database_on_a_read_only_folder(read_only_db):
    folder, db = read_only_db
    script = ("import asyncio, sys\nfrom quotetrack.web.app import create_app\n"
              "app = create_app(sys.argv[1])\n"
              "answer = asyncio.run(app.client.get('/citations/quotes.json?_shape=array'))\n"
              "print(answer.status_code, answer.text)\n")  # fmt: skip
    done = run_read_only(folder, sys.executable, "-c", script, str(db))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("200 ") and "Le pont rouvrira lundi" in done.stdout
    script = ("import sys\nfrom quotetrack.web.app import create_app\n"
              "try:\n    create_app(sys.argv[1], allow_review=True)\nexcept Exception as error:\n    print(error)\n")  # fmt: skip
    refused = run_read_only(folder, sys.executable, "-c", script, str(db))
    assert refused.stdout.strip() == f"{db} : base en lecture seule, --allow-review n'y pourrait rien écrire ; servez-la sans"
