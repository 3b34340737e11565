"""Output paths are followed through their symlinks and must end at a regular file or a
new name in an existing folder; every file quotetrack writes gets the user's umask
(docs/reliability.md)."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest


from reliability_helpers import run, store_article

SAYINGS = [("Anne Dubreuil", "Le pont rouvrira lundi"), ("Paul Mercier", "Le budget est tenu")]
NOT_REGULAR = "n'est pas un fichier ordinaire"
OUTPUT_COMMANDS = [["export"], ["report", "search", "pont"], ["report", "speaker", "Anne Dubreuil"]]


@pytest.fixture
def linked_db(tmp_path):
    """A database reached through a symlink, as ``--db link.db`` names it."""
    real = tmp_path / "real.db"
    store_article(str(real), SAYINGS)
    link = tmp_path / "link.db"
    link.symlink_to(real)
    return real, link


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_output_over_the_files_of_a_symlinked_database_is_refused(linked_db, command, suffix):
    real, link = linked_db
    target = f"{real}{suffix}"
    result = run(*command, "--db", link, "-o", target)
    assert result.exit_code == 1
    assert f"est la base de données {link}" in result.output
    written = open(target, "rb").read() if os.path.exists(target) else b""
    assert not written.startswith((b"<", b"speaker,"))  # SQLite's file, not a sheet or a CSV
    conn = sqlite3.connect(real)
    assert conn.execute("SELECT count(*) FROM quotes").fetchone() == (len(SAYINGS),)
    conn.close()


def test_an_output_symlink_to_the_database_is_refused(linked_db, tmp_path):
    real, link = linked_db
    sneaky = tmp_path / "sortie.csv"
    sneaky.symlink_to(f"{real}-wal")
    result = run("export", "--db", real, "-o", sneaky)
    assert result.exit_code == 1 and "est la base de données" in result.output
    assert sneaky.is_symlink()


def _fifo(tmp_path):
    os.mkfifo(tmp_path / "tube")
    return tmp_path / "tube"


def _link_to_a_device(tmp_path):
    """/dev/null through a link: were the check missing, the rename would replace the
    link, never /dev/null itself (the tests run as root on some machines)."""
    (tmp_path / "poubelle").symlink_to("/dev/null")
    return tmp_path / "poubelle"


def _link_to_fifo(tmp_path):
    os.mkfifo(tmp_path / "tube")
    (tmp_path / "lien").symlink_to(tmp_path / "tube")
    return tmp_path / "lien"


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
@pytest.mark.parametrize("make, kind", [(_fifo, "FIFO"), (_link_to_fifo, "FIFO"), (_link_to_a_device, "caractère")])
def test_output_onto_a_device_or_a_fifo_is_refused(tmp_path, db_path, command, make, kind):
    store_article(db_path, SAYINGS)
    target = make(tmp_path)
    result = run(*command, "--db", db_path, "-o", target)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert NOT_REGULAR in line and kind in line
    assert not os.path.exists(target) or not stat.S_ISREG(os.stat(target).st_mode)


def test_output_onto_an_open_pipe_through_proc_is_refused(db_path):
    store_article(db_path, SAYINGS)
    read_end, write_end = os.pipe()
    try:
        result = run("export", "--db", db_path, "-o", f"/proc/self/fd/{write_end}")
        assert result.exit_code == 1 and NOT_REGULAR in result.output
        assert stat.S_ISFIFO(os.fstat(write_end).st_mode)
    finally:
        os.close(read_end)
        os.close(write_end)


def test_an_output_symlink_to_a_file_writes_the_file_and_keeps_the_link(tmp_path, db_path):
    store_article(db_path, SAYINGS)
    real = tmp_path / "exports" / "citations.csv"
    real.parent.mkdir()
    real.write_text("ancien", encoding="utf-8")
    link = tmp_path / "dernier.csv"
    link.symlink_to(real)
    assert run("export", "--db", db_path, "-o", link).exit_code == 0
    assert link.is_symlink() and "Le pont rouvrira lundi" in real.read_text(encoding="utf-8")


# ----- permissions ----------------------------------------------------------------------------------
@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield 0o644
    os.umask(previous)


def test_a_pdf_gets_the_same_permissions_as_the_html(tmp_path, db_path, monkeypatch, umask_022):
    from quotetrack.printing import pdf

    def fake_chromium(html, output):  # what Chromium leaves: a PDF in the temporary file
        with open(output, "wb") as handle:
            handle.write(b"%PDF-1.4\n%%EOF\n")

    monkeypatch.setattr(pdf, "pdf_engine", lambda: "chromium")
    monkeypatch.setattr(pdf, "chromium_pdf", fake_chromium)
    store_article(db_path, SAYINGS)
    html, printed = tmp_path / "fiche.html", tmp_path / "fiche.pdf"
    result = run("report", "search", "pont", "--db", db_path, "-o", html, "--pdf", printed)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(printed.stat().st_mode) == stat.S_IMODE(html.stat().st_mode) == umask_022


def test_export_to_dash_is_standard_output(tmp_path, db_path, monkeypatch):
    store_article(db_path, SAYINGS)
    monkeypatch.chdir(tmp_path)
    result = run("export", "--db", db_path, "-o", "-")
    assert result.exit_code == 0 and "Le pont rouvrira lundi" in result.output
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("umask", [0o002, 0o022, 0o077])
def test_the_database_and_an_export_get_the_same_permissions(tmp_path, umask):
    previous = os.umask(umask)
    try:
        db = tmp_path / "base.db"
        store_article(str(db), SAYINGS)
        export = tmp_path / "export.csv"
        assert run("export", "--db", db, "-o", export).exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(db.stat().st_mode) == stat.S_IMODE(export.stat().st_mode) == 0o666 & ~umask

