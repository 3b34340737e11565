"""Write the README's pictures of ``quotetrack serve`` and of the printed summary:
docs/web-front.png, docs/web-results.png, docs/web-queue.png and docs/summary-page1.png.

The first three are the screenshots the browser tests take (tests/test_web_browser.py:
the front page, « jamais vu » searched, the « À vérifier » queue once logged in), so the
pictures are of the walks the tests check. The last is page 1 of the seed's summary
sheet, printed by Chromium as ``quotetrack report article --pdf`` prints it, then turned
into a picture by pdftoppm. Needs Chromium, chromedriver, selenium and poppler-utils.

    python docs/make_web_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ["tests/test_web_browser.py::test_search_from_the_front_page_and_open_the_speaker",
         "tests/test_web_browser.py::test_log_in_reject_from_the_queue_correct_a_speaker_merge_speakers"]  # fmt: skip
SHOTS = {"front.png": "web-front.png", "results.png": "web-results.png", "queue.png": "web-queue.png"}
SEED = "seeds/000_215c51ed475f2f51.txt"


def main() -> int:
    with tempfile.TemporaryDirectory() as base:
        run = subprocess.run([sys.executable, "-m", "pytest", *TESTS, "-q", "-rs", "-p", "no:cacheprovider",
                              f"--basetemp={base}"], cwd=ROOT)  # fmt: skip
        if run.returncode != 0:
            print("the browser tests failed: no screenshot written", file=sys.stderr)
            return 1
        for name, target in SHOTS.items():
            found = sorted(Path(base).glob(f"*/{name}"))
            if not found:
                print(f"the browser tests wrote no {name} (skipped?): nothing written", file=sys.stderr)
                return 1
            shutil.copyfile(found[0], ROOT / "docs" / target)
            print(f"wrote docs/{target}")
        db, pdf = Path(base) / "summary.db", Path(base) / "summary.pdf"
        overrides = ["--title", "L'Otan annonce de nouvelles mesures", "--source", "Le Quotidien", "--date", "2022-03-24"]
        for command in (["index", SEED, *overrides], ["report", "article", SEED, "--pdf", str(pdf)]):
            done = subprocess.run([sys.executable, "-m", "quotetrack", *command, "--db", str(db)], cwd=ROOT)
            if done.returncode != 0:
                return 1
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(ROOT / "docs" / "summary-page1")], check=True)  # fmt: skip
        print("wrote docs/summary-page1.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
