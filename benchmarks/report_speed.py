"""Time a speaker dossier of 1,000 quotes (target: under 1 s).

    python benchmarks/report_speed.py [--quotes 1000] [--layout compact|cards]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrack.extract.records import Quote  # noqa: E402
from quotetrack.sources.articles import Article  # noqa: E402
from quotetrack.printing.sheets import speaker_dossier  # noqa: E402
from quotetrack.archive.store import open_db, save_article  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, default=1000)
    ap.add_argument("--layout", choices=("compact", "cards"), default="compact")
    args = ap.parse_args()
    per_article = 10
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp, "report.db"))
        for a in range(args.quotes // per_article):
            sentences = [f"« Nous tiendrons l'engagement numéro {a}-{k} », a déclaré Jens Stoltenberg." for k in range(per_article)]
            text = "\n\n".join(sentences)
            quotes, at = [], 0
            for sentence in sentences:
                start = at + 2
                end = start + sentence.index(" »") - 2
                quotes.append(Quote(text=text[start:end], parts=((start, end),), kind="direct", speaker="Jens Stoltenberg", speaker_kind="person", role="secrétaire général de l'Otan", speaker_mention="Jens Stoltenberg", cue="a déclaré", cue_lemma="déclarer", context=sentence, paragraph=0, confidence=0.9, reason="incise after quote"))
                at += len(sentence) + 2
            article = Article(text=text, title=f"Article {a}", url=f"https://example.org/{a}", source="AFP", published=f"2024-{1 + a % 12:02}-{1 + a % 28:02}", path=f"a{a}.txt")
            save_article(db, article, quotes, engine="spacy", engine_version="bench")
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            html = speaker_dossier(db, "Stoltenberg", layout=args.layout)
            runs.append(time.perf_counter() - t0)
    print(f"speaker dossier ({args.layout}) of {args.quotes} quotes: best {min(runs):.3f} s, median {sorted(runs)[2]:.3f} s over 5 runs, {len(html) / 1e6:.1f} MB of HTML")


if __name__ == "__main__":
    main()
