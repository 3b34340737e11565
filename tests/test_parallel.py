"""Parsing in worker processes or on a Dask cluster gives what one process gives."""

import os
import sqlite3
import sys
import time

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.indexing import index_paths
from quotetrack.nlp import get_engine
from quotetrack.parallel import DaskRunner, EngineSpec, PoolRunner, parse_and_extract, start_method
from quotetrack.archive.store import open_db

from conftest import SEED


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    body = SEED.read_text(encoding="utf-8")
    for n in range(20):
        # distinct texts, so that nothing is skipped as already indexed
        (folder / f"{n:02}.txt").write_text(f"Dépêche numéro {n}.\n\n{body}", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01" * 50)
    return folder


def snapshot(db_path):
    conn = sqlite3.connect(db_path)
    try:
        quotes = conn.execute("SELECT q.id, q.text, q.kind, s.name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.id").fetchall()
        articles = conn.execute("SELECT id, path FROM articles ORDER BY id").fetchall()
    finally:
        conn.close()
    return articles, quotes


def test_workers_index_the_same_as_one_process(corpus, tmp_path):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    first = CliRunner().invoke(cli, ["index", str(corpus), "--db", one, "--engine", "spacy", "--workers", "1"])
    second = CliRunner().invoke(cli, ["index", str(corpus), "--db", two, "--engine", "spacy", "--workers", "2", "--batch-size", "4"])
    assert "analyse dans 2 processus (fork : l'analyseur chargé une fois ici, partagé)" in second.output
    assert "analyse dans" not in first.output
    for result in (first, second):
        assert result.exit_code == 1  # the one bad file
        assert "indexés 20, remplacés 0, ignorés 0, en échec 1 ; 220 citations" in result.output
        assert "bad.txt" in result.output
    articles, quotes = snapshot(one)
    assert (articles, quotes) == snapshot(two)
    assert len(articles) == 20 and len(quotes) == 220


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pool_runner_with_the_library(corpus, tmp_path, method):
    db = open_db(tmp_path / "pool.db")
    runner = lambda: PoolRunner(2, EngineSpec("spacy"), method=method)  # noqa: E731
    outcomes = list(index_paths(db, [str(corpus)], EngineSpec("spacy"), runner=runner, batch=4))
    assert sorted(o.status for o in outcomes).count("indexed") == 20
    assert [o for o in outcomes if o.status == "failed"][0].path.endswith("bad.txt")


def test_dask_local_cluster(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            db = open_db(tmp_path / "dask.db")
            outcomes = list(index_paths(db, [str(corpus)], EngineSpec("spacy"), runner=DaskRunner(client), batch=4))
            assert sum(o.status == "indexed" for o in outcomes) == 20
            # and through the command line, by scheduler address
            result = CliRunner().invoke(cli, ["index", str(corpus), "--db", str(tmp_path / "cli.db"), "--engine", "spacy", "--scheduler", cluster.scheduler_address, "--batch-size", "4"])
            assert "indexés 20, remplacés 0, ignorés 0, en échec 1" in result.output
    assert snapshot(str(tmp_path / "dask.db")) == snapshot(str(tmp_path / "cli.db"))


def test_unreachable_scheduler_is_one_line(tmp_path, corpus):
    result = CliRunner().invoke(cli, ["index", str(corpus), "--db", str(tmp_path / "x.db"), "--engine", "spacy", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and result.output.strip().splitlines()[-1].startswith("Erreur : impossible de joindre l'ordonnanceur Dask")


@pytest.mark.parametrize("engine, platform, variable, expected", [
    ("spacy", "linux", None, "fork"),
    ("stanza", "linux", None, "spawn"),  # torch's thread pools are not safe to fork
    ("spacy", "darwin", None, "spawn"),
    ("spacy", "win32", None, "spawn"),
    ("spacy", "linux", "spawn", "spawn"),
    ("stanza", "linux", "fork", "fork"),
    ("spacy", "linux", " Spawn ", "spawn"),
    ("spacy", "linux", "threads", "fork"),  # not a start method: the default choice
])  # fmt: skip
def test_start_method(monkeypatch, engine, platform, variable, expected):
    monkeypatch.setattr(sys, "platform", platform)
    if variable is None:
        monkeypatch.delenv("QUOTETRACK_START_METHOD", raising=False)
    else:
        monkeypatch.setenv("QUOTETRACK_START_METHOD", variable)
    assert start_method(engine) == expected


def engine_origin(_):
    """What a worker finds: its pid, the mark set on the engine by whoever loaded it, and
    its number of threads once it has parsed (one: no maths library's thread pool)."""
    time.sleep(0.3)  # long enough for both workers to take a task
    engine = get_engine("spacy")
    engine.parse("« Le conseil municipal votera le budget en mars », a annoncé la maire.")
    with open("/proc/self/status") as status:
        threads = next(int(line.split()[1]) for line in status if line.startswith("Threads:"))
    return os.getpid(), getattr(engine, "loaded_by", None), threads


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_forked_workers_find_the_engine_loaded_here(spacy_engine, monkeypatch, method):
    """With fork, the workers use the very engine this process loaded (the mark set on it
    here is on theirs, no second model is loaded); spawned workers load their own."""
    monkeypatch.setattr(spacy_engine, "loaded_by", os.getpid(), raising=False)
    runner = PoolRunner(2, EngineSpec("spacy"), method=method)
    try:
        assert runner.start_method == method
        answers = [f.result() for f in [runner.submit(engine_origin, k) for k in range(4)]]
        name, _, quotes = runner.submit(parse_and_extract, EngineSpec("spacy"), ["« Le pont rouvrira lundi », a déclaré Anne Dubreuil."]).result()
    finally:
        runner.close()
    pids = {pid for pid, _, _ in answers}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert [threads for _, _, threads in answers] == [1] * 4
    assert {mark for _, mark, _ in answers} == ({os.getpid()} if method == "fork" else {None})
    assert name == "spacy" and [q.speaker for q in quotes[0]] == ["Anne Dubreuil"]
