"""Does parsing plus extraction grow linearly with the text? Times one article at growing
sizes, and pathological input (10,000 unbalanced quotation marks).

    python benchmarks/extract_scaling.py [--sizes 62500,125000,250000,500000,1000000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import text_of_size  # noqa: E402

from quotetrack.extract import extract_quotes  # noqa: E402
from quotetrack.nlp import get_engine  # noqa: E402


def timed(engine, text):
    t0 = time.perf_counter()
    doc = engine.parse(text)
    t1 = time.perf_counter()
    quotes = extract_quotes(doc)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, len(quotes)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="62500,125000,250000,500000,1000000")
    ap.add_argument("--engine", default="spacy")
    args = ap.parse_args()
    engine = get_engine(args.engine)
    engine.parse("Échauffement du modèle.")
    print(f"engine: {engine.version}")
    print(f"{'chars':>9} {'parse s':>9} {'extract s':>10} {'µs/char (total)':>16} {'quotes':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        parse, extract, n = timed(engine, text_of_size(size))
        print(f"{size:>9} {parse:>9.2f} {extract:>10.2f} {1e6 * (parse + extract) / size:>16.2f} {n:>7}")
    cases = {
        "10,000 « never closed": "Le maire a dit « " * 10_000,
        "10,000 straight quotes": 'Il a dit "oui et " non ' * 5_000,
        "10,000 » without «": "fin » " * 10_000,
        "1,000,000 chars, one line": ("Le conseil a voté « pour » le budget, a indiqué Jean Dupont " * 20_000)[:1_000_000],
    }
    for name, text in cases.items():
        parse, extract, n = timed(engine, text)
        print(f"{name:>28}: {len(text)} chars, parse {parse:.2f} s, extract {extract:.2f} s, {n} quotes")


if __name__ == "__main__":
    main()
