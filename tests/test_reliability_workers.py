"""Parallel indexing: a worker that dies fails only its batch (then only its article), and
the same inputs give the same database whatever the number of workers and the timing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.indexing import index_paths
from quotetrack.parallel import EngineSpec, PoolRunner, parse_and_extract
from quotetrack.archive.store import open_db

# An article whose parse the test makes fatal to its process, as the out-of-memory
# killer would: the worker gets SIGKILL, no exception, no clean-up.
FATAL = "Ce paragraphe épuise la mémoire du processus."
FILLER = ("Le conseil municipal a longuement débattu du budget de la ville, ligne après ligne, "
          "jusque tard dans la soirée, sans que personne ne quitte la salle.\n\n")  # fmt: skip


def parse_or_die(spec, texts):
    """What a worker runs in this test: the real parse, unless the fatal article is in its batch."""
    if any(FATAL in text for text in texts):
        os.kill(os.getpid(), signal.SIGKILL)
    return parse_and_extract(spec, texts)


class KilledWorkers(PoolRunner):
    def submit(self, fn, *args):
        return super().submit(parse_or_die, *args)


@pytest.mark.slow
def test_a_killed_worker_fails_only_its_article(tmp_path, db_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    names = []
    for k in range(6):
        body = f"« Le pont numéro {k} rouvrira lundi », a déclaré Anne Dubreuil, la maire.\n\n"
        if k == 2:
            body += FATAL
        (folder / f"{k}.txt").write_text(body, encoding="utf-8")
        names.append(str(folder / f"{k}.txt"))
    runner = KilledWorkers(2, EngineSpec("spacy"))  # forked, like the command's
    assert runner.start_method == "fork"
    try:
        outcomes = list(index_paths(open_db(db_path), [str(folder)], EngineSpec("spacy"), runner=runner, batch=2))
    finally:
        runner.close()
    assert [(o.path, o.status) for o in outcomes] == [
        (name, "failed" if k == 2 else "indexed") for k, name in enumerate(names)]
    (failed,) = [o for o in outcomes if o.status == "failed"]
    assert failed.error == f"{names[2]}: le processus d'analyse est mort (tué par le système, mémoire épuisée ?) ; ignoré"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    assert conn.execute("SELECT count(*) FROM quotes").fetchone() == (5,)
    conn.close()


def snapshot(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return (
            conn.execute("SELECT id, path FROM articles ORDER BY id").fetchall(),
            conn.execute("SELECT name, kind FROM speakers ORDER BY name").fetchall(),
            conn.execute("SELECT a.alias, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id"
                         " ORDER BY a.alias").fetchall(),
            conn.execute("SELECT q.id, q.text, s.name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id"
                         " ORDER BY q.id").fetchall(),
        )  # fmt: skip
    finally:
        conn.close()


@pytest.mark.slow
def test_one_or_two_workers_give_the_same_database(tmp_path):
    """The first article names only « Dupont » and is slow to parse; the second names Jean
    Dupont and is quick. Stored as they finish, the second would claim the alias « Dupont »
    first and take the first article's quote; stored in input order, it never does."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_long.txt").write_text("« Rien n'est décidé », a déclaré Dupont.\n\n" + FILLER * 400, encoding="utf-8")
    (folder / "b_court.txt").write_text(
        "Jean Dupont, le président du conseil, était présent. « Le budget sera voté en mars », a déclaré Dupont.",
        encoding="utf-8")
    for k in range(3):
        (folder / f"c_{k}.txt").write_text(f"« Le pont numéro {k} rouvrira », a annoncé Anne Dubreuil.", encoding="utf-8")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    for db_path, workers in ((one, "1"), (two, "2")):
        result = CliRunner().invoke(cli, ["index", str(folder), "--db", db_path, "--engine", "spacy",
                                          "--workers", workers, "--batch-size", "1"])  # fmt: skip
        assert result.exit_code == 0, result.output
    assert snapshot(one) == snapshot(two)
    speakers = [name for name, _ in snapshot(one)[1]]
    assert "Dupont" in speakers and "Jean Dupont" in speakers  # input order: « Dupont » came first


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as stat:
                if entry.isdigit() and int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_forked_workers_end_with_a_killed_indexer(tmp_path, db_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(60):
        (folder / f"{k:02}.txt").write_text(f"« Le pont numéro {k} rouvrira », a déclaré Anne Dubreuil.\n\n" + FILLER * 6, encoding="utf-8")
    cmd = [sys.executable, "-m", "quotetrack", "index", str(folder), "--db", db_path, "--engine", "spacy", "--silent",
           "--workers", "2", "--batch-size", "2"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    indexer = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        said = next((line for line in indexer.stderr if " processus (" in line), "")  # said when they start
        assert "analyse dans 2 processus (fork" in said
        deadline = time.monotonic() + 60
        while len(workers := [p for p in _children(indexer.pid) if _alive(p)]) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) >= 2
    finally:
        indexer.kill()
        indexer.wait()
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    leftover = [p for p in workers if _alive(p)]
    for pid in leftover:  # not left running if the test fails
        os.kill(pid, signal.SIGKILL)
    assert not leftover
