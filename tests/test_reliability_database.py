"""The database: a damaged, locked, full or newer file gives one line naming it and the
fix, never a traceback, and nothing is written into a file of a newer schema."""

from __future__ import annotations

import gc
import hashlib
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from quotetrack.archive import database_file as dbfile, store

from reliability_helpers import run, store_article

SAYINGS = [(f"Élu {k}", f"Le pont numéro {k} rouvrira lundi, " + "et le chantier avance bien " * 20) for k in range(300)]


def checkpoint(db_path):
    gc.collect()  # connections the commands left to the garbage collector
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def full_db(db_path):
    store_article(db_path, SAYINGS)
    checkpoint(db_path)
    return db_path


def damage(db_path, page_number):
    conn = sqlite3.connect(db_path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as handle:
        handle.seek(size * (page_number - 1))
        handle.write(bytes(range(256)) * (size // 256))


@pytest.mark.parametrize("command", [["search", "pont"], ["export"], ["reviews"], ["speakers"], ["index", "absent.txt"]])
def test_a_damaged_header_is_one_line_with_the_fix(full_db, command):
    damage(full_db, 1)
    result = run(*command, "--db", full_db)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Erreur : {full_db} : base endommagée")
    assert f'sqlite3 {full_db} ".recover"' in line


def test_export_of_a_damaged_page_is_refused_not_short(full_db):
    conn = sqlite3.connect(full_db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    damage(full_db, pages // 2)
    result = run("export", "--db", full_db)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert "base endommagée" in line and '".recover"' in line


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path, db_path):
    store_article(db_path, SAYINGS[:2])
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                 ["quotetrack", "m099_future", datetime.now(timezone.utc).isoformat()])  # fmt: skip
    conn.commit()
    conn.close()
    checkpoint(db_path)
    before = digest(db_path)
    article = tmp_path / "nouveau.txt"
    article.write_text("« Le pont rouvrira lundi », a déclaré Anne Dubreuil.", encoding="utf-8")
    for command in (["index", article, "--engine", "spacy"], ["search", "pont"], ["review", "abc", "--status", "confirmed"]):
        result = run(*command, "--db", db_path)
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == [
            f"Erreur : {db_path} : écrite par une version plus récente de quotetrack (schéma m099_future) ; "
            "mettez quotetrack à jour pour l'utiliser (cette version n'y écrira pas)"]
    assert digest(db_path) == before


def test_a_lock_held_past_the_timeout_names_the_holder(db_path, monkeypatch):
    store_article(db_path, SAYINGS[:2])
    quote_id = sqlite3.connect(db_path).execute("SELECT id FROM quotes").fetchone()[0]
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "conn.execute('BEGIN IMMEDIATE')\nprint('held', flush=True)\ntime.sleep(60)", db_path],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(dbfile, "BUSY_TIMEOUT_MS", 300)
        result = run("review", quote_id, "--status", "confirmed", "--db", db_path)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Erreur : {db_path} : base verrouillée : un autre processus l'a occupée plus de 0.3 s")
    assert f"pid {holder.pid} (" in line


def test_review_on_a_full_disk_is_one_line_and_changes_nothing(db_path, monkeypatch):
    store_article(db_path, SAYINGS[:2])
    quote_id = sqlite3.connect(db_path).execute("SELECT id FROM quotes").fetchone()[0]
    opened = store.open_db

    def no_room_left(path):  # the file may not grow: what a full disk does to SQLite
        db = opened(path)
        db.execute(f"PRAGMA max_page_count = {db.conn.execute('PRAGMA page_count').fetchone()[0]}")
        return db

    monkeypatch.setattr(store, "open_db", no_room_left)
    result = run("review", quote_id, "--status", "disputed", "--note", "Vérifié " * 5000, "--db", db_path)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Erreur : {db_path} : disque plein") and "rien n'a été écrit" in line
    monkeypatch.undo()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT status, notes FROM quotes WHERE id = ?", [quote_id]).fetchone() == ("unreviewed", None)
    assert conn.execute("SELECT count(*) FROM review_log").fetchone() == (0,)
    conn.close()
