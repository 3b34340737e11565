"""Indexing throughput against the raw engine's parse throughput on the same texts.

The engine's parse is the physical limit of this design; the ratio says how much
quotetrack's own work (reading files, extraction, SQLite writes) adds on top.

    python benchmarks/index_throughput.py [--articles 200] [--engine spacy]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import articles  # noqa: E402

from quotetrack.indexing import index_paths  # noqa: E402
from quotetrack.nlp import get_engine  # noqa: E402
from quotetrack.store import counts, open_db  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--engine", default="spacy")
    args = ap.parse_args()
    texts = articles(args.articles)
    engine = get_engine(args.engine)
    engine.parse("Échauffement du modèle.")
    chars = sum(map(len, texts))
    print(f"engine: {engine.version}; {len(texts)} articles, {chars} characters", flush=True)

    t0 = time.perf_counter()
    for _ in engine.parse_many(texts):
        pass
    parse_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for n, text in enumerate(texts):
            (folder / f"{n:05}.txt").write_text(text, encoding="utf-8")
        db = open_db(Path(tmp, "bench.db"))
        t0 = time.perf_counter()
        outcomes = list(index_paths(db, [str(folder)], engine))
        index_s = time.perf_counter() - t0
        stored = counts(db)
    failed = sum(o.status == "failed" for o in outcomes)
    print(f"raw parse : {len(texts) / parse_s:8.2f} articles/s ({parse_s:.1f} s)")
    print(f"index     : {len(texts) / index_s:8.2f} articles/s ({index_s:.1f} s), {stored['quotes']} quotes, {failed} failed")
    print(f"overhead  : index time / parse time = {index_s / parse_s:.3f} (quotetrack's own work adds {100 * (index_s / parse_s - 1):.1f}%)")


if __name__ == "__main__":
    main()
