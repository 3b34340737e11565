"""Page times of ``quotetrack serve`` at 50,000 quotes (issue 23: every page under 100 ms).

The database is filled as ``search_latency.py`` fills it (the real schema, synthetic French
quotes with Zipf-like words, speakers with aliases, a decade of dates, twelve outlets),
then every page of the journeys is requested through Datasette's own client, in process
(the ASGI stack and the templates included; no network), ``--repeat`` times after one
warm-up request, and its median and worst time printed.

    python benchmarks/web_pages.py --quotes 50000 [--repeat 7] [--db /tmp/web.db]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_latency import build  # noqa: E402
from quotetrack.archive.store import open_db  # noqa: E402
from quotetrack.text.folding import fold  # noqa: E402
from quotetrack.web.app import create_app  # noqa: E402

TARGET_MS = 100


def fill(path: Path, quotes: int) -> None:
    db = open_db(path)
    if db.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]:
        return
    build(db, quotes, random.Random(23))
    with db.conn:  # the keys the autocompletion reads (save_article writes them)
        db.conn.executemany("UPDATE speakers SET key = ? WHERE id = ?",
                            [(fold(name), i) for i, name in db.conn.execute("SELECT id, name FROM speakers")])  # fmt: skip
        db.conn.executemany("UPDATE speaker_aliases SET key = ? WHERE alias = ?",
                            [(fold(alias), alias) for (alias,) in db.conn.execute("SELECT alias FROM speaker_aliases")])  # fmt: skip
        db.conn.execute("UPDATE quotes SET speaker_id = NULL WHERE rowid % 97 = 0")  # some with no speaker
    db.conn.close()


def pages(path: Path) -> dict[str, str]:
    db = open_db(path)
    try:
        busiest, name = db.conn.execute(
            "SELECT s.id, s.name FROM speakers s JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id"
            " ORDER BY count(*) DESC LIMIT 1").fetchone()  # fmt: skip
        quote_id, article_id = db.conn.execute("SELECT id, article_id FROM quotes WHERE rowid = 1000").fetchone()
        word = db.conn.execute("SELECT text FROM quotes WHERE rowid = 2000").fetchone()[0].split()[-1]
    finally:
        db.conn.close()
    last = name.split(" ", 1)[1]
    database = path.stem
    return {
        "front page (empty)": "/",
        "Qui a dit… ? a word": f"/?q={quote(word)}",
        "Qui a dit… ? two words": "/?q=" + quote("gouvernement réforme"),
        "Qui a dit… ? a speaker": f"/?q={quote(last)}",
        "Qui a dit… ? words + filters": "/?q=budget&media=" + quote("Le Monde") + "&depuis=2018&statut=unreviewed&type=direct",
        "Qui a dit… ? page 5": "/?q=nous&page=5",
        "Premières apparitions": "/-/quotetrack/premieres-apparitions?mots=" + quote("gouvernement réforme"),
        "À vérifier, page 1": "/-/quotetrack/a-verifier",
        "À vérifier, page 40": "/-/quotetrack/a-verifier?page=40",
        "speaker page (busiest)": f"/-/quotetrack/locuteur/{busiest}",
        "speaker autocompletion": f"/-/quotetrack/locuteurs.json?q={quote(last[:4])}",
        "quote page": f"/-/quotetrack/quote/{quote_id}",
        "article sheet (summary)": f"/-/quotetrack/article/{article_id}",
        "Données": f"/{database}",
        "Citations table": f"/{database}/quote_view",
        "Citations table, search": f"/{database}/quote_view?_search={quote(word)}",
    }


async def measure(ds, paths: dict[str, str], repeat: int) -> list[tuple[str, float, float, int]]:
    results = []
    for label, path in paths.items():
        response = await ds.client.get(path)  # warm-up: caches, first template compile
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = await ds.client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        results.append((label, statistics.median(times), max(times), response.status_code))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path, help="keep the database here (reused when it already holds quotes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "web.db"
        started = time.monotonic()
        fill(path, args.quotes)
        print(f"database ready in {time.monotonic() - started:.0f} s", file=sys.stderr)
        ds = create_app(path)
        results = asyncio.run(measure(ds, pages(path), args.repeat))
    print(f"| page ({args.quotes:,} quotes) | median ms | worst ms | status |")
    print("| --- | ---: | ---: | --- |")
    for label, median, worst, status in results:
        print(f"| {label} | {median:.1f} | {worst:.1f} | {status} |")
    slow = [label for label, median, _, _ in results if median >= TARGET_MS]
    print(f"\npages with a median of {TARGET_MS} ms or more: {', '.join(slow) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
