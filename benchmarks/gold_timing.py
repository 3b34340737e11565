"""Parse and extraction time on the texts of a gold file (JSON lines with ``text``), so that
an extraction change can be checked against the speed it had before on real articles.

    python benchmarks/gold_timing.py GOLD.jsonl [--repeat 3]

Prints the best of ``--repeat`` runs for the parse (``parse_many``, as ``index`` and
``eval`` call it) and for the extraction of every text, in seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrack.extract import extract_quotes  # noqa: E402
from quotetrack.nlp import get_engine  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--engine", default="spacy")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    engine = get_engine(args.engine)
    engine.parse("Échauffement du modèle.")
    parse_times, extract_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(engine.parse_many(texts))
        t1 = time.perf_counter()
        quotes = sum(len(extract_quotes(doc)) for doc in docs)
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        extract_times.append(t2 - t1)
    chars = sum(len(t) for t in texts)
    parse, extract = min(parse_times), min(extract_times)
    print(f"{len(texts)} texts, {chars} characters, {quotes} quotes")
    print(f"parse {parse:.2f} s, extraction {extract:.2f} s, total {parse + extract:.2f} s (best of {args.repeat})")


if __name__ == "__main__":
    main()
