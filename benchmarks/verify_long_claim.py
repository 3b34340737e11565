"""Time of `quotetrack verify` with a long claim against a long, repetitive quote: the
alignment must stay near-linear (docs/reliability.md, issue 25 item 11).

    python benchmarks/verify_long_claim.py [--quote-kb 300] [--claims-kb 5,10,20]

The database holds one article whose only quote is ``--quote-kb`` KB of the same two
sentences over and over (the worst case for an aligner that tries every offset); each
claim is a slice of it from the middle with one word changed every 200, so the verdict
is « altered » and the diff has work to do. Each verify runs in its own process, timed
from the outside (start-up included).
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
sys.path.insert(0, str(ROOT / "tests"))

REPEATED = "Le pont rouvrira lundi et le chantier avance bien. La mairie paiera les travaux sans emprunt nouveau. "


def quote_text(kilobytes: int) -> str:
    return (REPEATED * (kilobytes * 1000 // len(REPEATED) + 1))[: kilobytes * 1000].rsplit(" ", 1)[0]


def claim_text(quote: str, kilobytes: int) -> str:
    middle = len(quote) // 2
    words = quote[middle : middle + kilobytes * 1000].split(" ")[1:-1]
    return " ".join("tunnel" if k % 200 == 100 else word for k, word in enumerate(words))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quote-kb", type=int, default=300)
    parser.add_argument("--claims-kb", default="5,10,20")
    args = parser.parse_args()
    from reliability_helpers import store_article

    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "verify.db"
        quote = quote_text(args.quote_kb)
        store_article(str(db), [("Anne Dubreuil", quote)])
        print(f"quote: {len(quote):,} characters, {len(quote.split()):,} words")
        for kilobytes in (int(k) for k in args.claims_kb.split(",")):
            claim = claim_text(quote, kilobytes)
            claim_file = Path(scratch) / "claim.txt"
            claim_file.write_text(claim, encoding="utf-8")
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "quotetrack", "verify", claim, "--db", str(db), "--format", "json"],
                                  cwd=ROOT, capture_output=True, text=True, timeout=900)  # fmt: skip
            elapsed = time.perf_counter() - started
            try:
                result = json.loads(done.stdout)
                verdict = f"verdict {result['verdict']}, score {result['sources'][0]['score']:g}"
            except (ValueError, LookupError):
                verdict = done.stderr.strip()[-160:]
            print(f"claim {kilobytes:>3} KB ({len(claim):,} characters): {elapsed:6.2f} s, exit {done.returncode}, {verdict}")


if __name__ == "__main__":
    main()
