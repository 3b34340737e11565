"""Indexing throughput against the raw engine's parse throughput on the same texts.

The engine's parse is the physical limit of this design; the ratio says how much
quotetrack's own work (reading files, extraction, SQLite writes) adds on top.

    python benchmarks/index_throughput.py [--articles 200] [--engine spacy] [--workers 1,2] [--full-parse]

The raw parse and the index run parse the same way: selectively by default, every
sentence with ``--full-parse`` (``selective_parse.py`` compares the two).

Also prints the speed-up from 1 to N worker processes and the peak memory (resident set
size) of the indexer and of its workers.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import articles  # noqa: E402

from quotetrack.extract.triggers import selection  # noqa: E402
from quotetrack.indexing import index_paths  # noqa: E402
from quotetrack.parallel import EngineSpec, PoolRunner  # noqa: E402
from quotetrack.nlp import get_engine  # noqa: E402
from quotetrack.store import counts, open_db  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--engine", default="spacy")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts to time")
    ap.add_argument("--full-parse", action="store_true", help="parse every sentence (default: selective parsing)")
    args = ap.parse_args()
    texts = articles(args.articles)
    engine = get_engine(args.engine)
    engine.parse("Échauffement du modèle.")
    chars = sum(map(len, texts))
    print(f"engine: {engine.version}; {len(texts)} articles, {chars} characters", flush=True)

    select = selection(args.full_parse)
    for _ in engine.parse_many(texts[:20], select=select):  # warm the caches as the indexer will find them
        pass
    t0 = time.perf_counter()
    for _ in engine.parse_many(texts, select=select):
        pass
    parse_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for n, text in enumerate(texts):
            (folder / f"{n:05}.txt").write_text(text, encoding="utf-8")
        print(f"raw parse : {len(texts) / parse_s:8.2f} articles/s ({parse_s:.1f} s)", flush=True)
        timings = {}
        for workers in (int(w) for w in args.workers.split(",")):
            db = open_db(Path(tmp, f"bench-{workers}.db"))
            runner = (lambda w=workers: PoolRunner(w)) if workers > 1 else None
            t0 = time.perf_counter()
            outcomes = list(index_paths(db, [str(folder)], EngineSpec(args.engine, None, args.full_parse), runner=runner))
            index_s = timings[workers] = time.perf_counter() - t0
            stored = counts(db)
            failed = sum(o.status == "failed" for o in outcomes)
            print(f"index, {workers} worker(s): {len(texts) / index_s:8.2f} articles/s ({index_s:.1f} s), {stored['quotes']} quotes, {failed} failed", flush=True)
            if workers == 1:
                print(f"  overhead: index time / raw parse time = {index_s / parse_s:.3f} (quotetrack's own work adds {100 * (index_s / parse_s - 1):.1f}%)")
        if 1 in timings:
            for workers, seconds in timings.items():
                if workers > 1:
                    print(f"scaling 1 -> {workers} workers: {timings[1] / seconds:.2f}x")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: indexer {own:.0f} MiB, largest worker {children:.0f} MiB")


if __name__ == "__main__":
    main()
