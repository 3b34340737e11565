"""Parsing in worker processes or on a Dask cluster gives what one process gives."""

import sqlite3

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.indexing import index_paths
from quotetrack.parallel import DaskRunner, EngineSpec, PoolRunner
from quotetrack.store import open_db

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
    for result in (first, second):
        assert result.exit_code == 1  # the one bad file
        assert "indexed 20, replaced 0, skipped 0, failed 1; 220 quotes" in result.output
        assert "bad.txt" in result.output
    articles, quotes = snapshot(one)
    assert (articles, quotes) == snapshot(two)
    assert len(articles) == 20 and len(quotes) == 220


def test_pool_runner_with_the_library(corpus, tmp_path):
    db = open_db(tmp_path / "pool.db")
    outcomes = list(index_paths(db, [str(corpus)], EngineSpec("spacy"), runner=lambda: PoolRunner(2), batch=4))
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
            assert "indexed 20, replaced 0, skipped 0, failed 1" in result.output
    assert snapshot(str(tmp_path / "dask.db")) == snapshot(str(tmp_path / "cli.db"))


def test_unreachable_scheduler_is_one_line(tmp_path, corpus):
    result = CliRunner().invoke(cli, ["index", str(corpus), "--db", str(tmp_path / "x.db"), "--engine", "spacy", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and result.output.strip().splitlines()[-1].startswith("Error: cannot reach Dask scheduler")
