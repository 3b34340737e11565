"""Start-up: time to the first result of ``quotetrack quotes`` on a one-line file, cold.

Each run is a new interpreter (``python -m quotetrack quotes FILE``), as a user types it;
the time is taken from the start of the process to its first line of output, and to its
exit. Printed: the median (min-max) of ``--runs`` runs for each configuration:

- as shipped: the tokenizer's regex cache filled (by the first start, printed apart);
- without the regex cache (``QUOTETRACK_CACHE_DIR`` unwritable: spaCy compiles them);
- with torch imported by thinc (``QUOTETRACK_THINC_TORCH=1``);
- ``quotetrack --help``, for the cost of Python, click and quotetrack's own modules.

Then one run's breakdown, phase by phase, in a fresh interpreter.

    python benchmarks/startup.py [--runs 5] [--engine auto]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = "« Nous rouvrirons le pont lundi », a déclaré Anne Dubreuil, la maire.\n"

BREAKDOWN = r"""
import sys, time
started = float(sys.argv[1])
marks = [("interpreter start", time.time() - started)]
def lap(label, t=[time.perf_counter()]):
    now = time.perf_counter(); marks.append((label, now - t[0])); t[0] = now
import quotetrack.cli, quotetrack.sources.articles, quotetrack.extract; lap("quotetrack's modules (cli, ingest, extract)")
from quotetrack.nlp import startup
spacy = startup.import_spacy(); lap("import spacy")
startup.prime_regexes(startup.regex_cache_file(spacy.__version__)); lap("regex cache read")
import spacy.lang.fr; lap("spaCy's French language data")
from quotetrack.nlp import get_engine
engine = get_engine("spacy"); lap("spacy.load (vocabulary, vectors, lemmatizer tables, pipeline)")
from quotetrack.extract import extract_quotes
from quotetrack.sources.articles import read_article
quotes = extract_quotes(engine.parse(read_article(sys.argv[2]).text)); lap(f"read, parse and extract ({len(quotes)} quote)")
for label, seconds in marks:
    print(f"  {label:64} {seconds:5.2f} s")
print(f"  {'total':64} {sum(s for _, s in marks):5.2f} s")
"""


def timed(command, env) -> tuple[float, float]:
    """Seconds to the first line of output and to the exit."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdout.readline()
    first = time.perf_counter() - started
    process.communicate()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode})")
    return first, time.perf_counter() - started


def summary(values) -> str:
    return f"{statistics.median(values):5.2f} s ({min(values):.2f}-{max(values):.2f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--engine", default="auto")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp, "une-ligne.txt")
        one_line.write_text(LINE, encoding="utf-8")
        base = {**os.environ, "PYTHONPATH": str(ROOT), "QUOTETRACK_CACHE_DIR": str(Path(tmp, "cache"))}
        base.pop("QUOTETRACK_THINC_TORCH", None)
        quotes = [sys.executable, "-m", "quotetrack", "quotes", str(one_line), "--engine", args.engine]
        first, end = timed(quotes, base)
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; {args.runs} runs each, median (min-max)")
        print(f"first start ever (empty regex cache, fills it): first result {first:.2f} s, exit {end:.2f} s")
        configurations = [
            ("quotes, as shipped", quotes, {}),
            ("quotes, without the regex cache", quotes, {"QUOTETRACK_CACHE_DIR": "/dev/null/none"}),
            ("quotes, thinc imports torch", quotes, {"QUOTETRACK_THINC_TORCH": "1"}),
            ("--help", [sys.executable, "-m", "quotetrack", "--help"], {}),
        ]
        for label, command, extra in configurations:
            runs = [timed(command, {**base, **extra}) for _ in range(args.runs)]
            print(f"{label:34} first result {summary([r[0] for r in runs])}, exit {summary([r[1] for r in runs])}")
        print("breakdown of one run (as shipped, spaCy):")
        subprocess.run([sys.executable, "-c", BREAKDOWN, repr(time.time()), str(one_line)], cwd=ROOT, env=base, check=True)


if __name__ == "__main__":
    main()
