"""Hostile input: every bad file gets a one-line message or a correct result, never a
traceback; nothing is half-written; the rest of the batch goes on."""

import sqlite3
import subprocess
import sys
import time
import os

import pytest
from click.testing import CliRunner

from quotetrack import indexing
from quotetrack.archive import store
from quotetrack.cli import cli

from conftest import ROOT, SEED

GOOD = "« Le pont rouvrira lundi », a annoncé la maire de Lyon, Anne Dubreuil."


def files():
    """name -> (bytes, expected: None for a correct result, else words of the error)."""
    one_line = ("Le conseil a voté « pour » le budget, a indiqué Jean Dupont " * 20_000)[:1_000_000]
    return {
        "empty.txt": (b"", "article vide"),
        "blank.txt": (b"  \n\n\t \n", "article vide"),
        "binary.txt": (bytes(range(256)) * 40, "binary"),
        "nul.txt": (GOOD.encode() + b"\x00\x00" + GOOD.encode(), "fichier binaire"),
        "huge.txt": ((GOOD + "\n\n").encode() * 300_000, "trop gros pour un article"),
        "one_line.txt": (one_line.encode(), None),
        "invalid_utf8.txt": (("Latin-1. " + GOOD).encode("cp1252"), None),
        "utf8_stray_byte.txt": (GOOD.encode("utf-8") + b" \xff " + GOOD.encode("utf-8"), None),
        "utf16_nobom.txt": (("UTF-16. " + GOOD).encode("utf-16-le"), None),
        "cp1252_curly.txt": ("“Nous y arriverons”, a assuré Rémi Durand.".encode("cp1252"), None),
        "scripts.html": (
            ("<html><head><title>Page</title><script>alert('x')</script></head><body>"
             + "<iframe src='http://example.com'></iframe><script>var a = '« faux »';</script>" * 200
             + f"<article><p>{GOOD}</p><p>Le chantier a duré deux ans et coûté 12 millions d'euros.</p></article>"
             + "<script>document.write('x')</script></body></html>").encode(),
            None,
        ),
        "unbalanced.txt": (("« " * 5_000 + " » " * 3_000 + '" ' * 2_001 + "Fin. " + GOOD).encode(), None),
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, (data, _) in files().items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text("Bonne nouvelle. " + GOOD, encoding="utf-8")
    db_path = str(folder.parent / "hostile.db")
    result = CliRunner().invoke(cli, ["index", str(folder), "--db", db_path, "--engine", "spacy", "--workers", "2"])
    return folder, db_path, result


def test_no_traceback_and_nonzero_exit(batch):
    _, _, result = batch
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == 1


@pytest.mark.parametrize("name", sorted(files()))
def test_each_file(batch, name):
    folder, db_path, result = batch
    _, expected_error = files()[name]
    errors = [line for line in result.output.splitlines() if line.startswith("erreur :") and name in line]
    conn = sqlite3.connect(db_path)
    stored = conn.execute("SELECT count(*) FROM articles WHERE path LIKE ?", [f"%{name}"]).fetchone()[0]
    conn.close()
    if expected_error:
        assert len(errors) == 1 and expected_error in errors[0]
        assert stored == 0
    else:
        assert errors == []
        assert stored == 1


def test_good_articles_are_complete(batch):
    _, db_path, result = batch
    assert "indexés 8, remplacés 0, ignorés 0, en échec 5" in result.output
    conn = sqlite3.connect(db_path)
    speakers = {r[0] for r in conn.execute("SELECT name FROM speakers")}
    html_text = conn.execute("SELECT text FROM articles WHERE path LIKE '%scripts.html'").fetchone()[0]
    conn.close()
    assert {"Anne Dubreuil", "Rémi Durand"} <= speakers
    assert "alert" not in html_text and "document.write" not in html_text and "faux" not in html_text


def test_path_that_disappears_during_the_run(tmp_path, monkeypatch):
    folder = tmp_path / "vanish"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text("« Ça suffit », a lancé Paul Martin.", encoding="utf-8")
    read = indexing.read_checked

    def read_then_delete(path, *args):
        if path.endswith("a.txt"):
            (folder / "b.txt").unlink()
        return read(path, *args)

    monkeypatch.setattr(indexing, "read_checked", read_then_delete)
    result = CliRunner().invoke(cli, ["index", str(folder), "--db", str(tmp_path / "v.db"), "--engine", "spacy", "--workers", "1"])
    assert result.exit_code == 1 and "b.txt: fichier introuvable" in result.output
    assert "indexés 1, remplacés 0, ignorés 0, en échec 1" in result.output


def test_read_only_database(tmp_path, monkeypatch):
    db_path = tmp_path / "ro.db"
    store.open_db(db_path).conn.close()  # an existing database, in WAL mode
    connect = sqlite3.connect
    def read_only(path, **kw):  # what a read-only file does to open_db; a read command's own URI goes through
        return connect(path, **kw) if kw.get("uri") else connect(f"file:{path}?mode=ro", uri=True, **kw)

    monkeypatch.setattr(store.sqlite3, "connect", read_only)
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["index", str(article), "--db", str(db_path), "--engine", "spacy", "--workers", "1"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Erreur : base ")
    assert "readonly" in result.output and "Traceback" not in result.output
    searched = CliRunner().invoke(cli, ["search", "pont", "--db", str(db_path)])
    assert searched.exit_code == 0


def _has_schema(db_path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'quotes'").fetchone() == (1,)
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def test_two_indexers_and_a_search_at_once(tmp_path):
    """No "database is locked", no lost or duplicated article."""
    folders = [tmp_path / "one", tmp_path / "two"]
    body = SEED.read_text(encoding="utf-8")
    for k, folder in enumerate(folders):
        folder.mkdir()
        for n in range(12):
            # half the texts are in both folders: the same article must be stored once
            shared = n % 2 == 0
            (folder / f"{n:02}.txt").write_text(f"Dépêche {n if shared else f'{k}-{n}'}.\n\n{body}", encoding="utf-8")
    db_path = str(tmp_path / "shared.db")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-m", "quotetrack", "index", str(f), "--db", db_path, "--engine", "spacy", "--workers", "1", "--silent"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in folders
    ]
    searches = 0
    while any(p.poll() is None for p in procs):
        if not _has_schema(db_path):  # a read command never creates the database: the indexers do
            time.sleep(0.2)
            continue
        result = CliRunner().invoke(cli, ["search", "Otan", "--db", db_path, "--format", "json"])
        assert result.exit_code == 0, result.output
        searches += 1
        time.sleep(0.2)
    outputs = [p.communicate() for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
        assert "locked" not in err
    conn = sqlite3.connect(db_path)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    quotes = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    conn.close()
    assert articles == 18  # 6 shared texts once, 6 + 6 own ones
    assert quotes == 18 * 11
    assert searches > 0
