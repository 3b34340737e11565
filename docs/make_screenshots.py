"""Regenerate docs/sheet-page1.png: page 1 of the seed's printed fact-check sheet.

It follows the README's first command (index the sample article, write its sheet) in a
scratch database, prints the sheet with headless Chromium as the browser tests do, and
turns page 1 into a PNG with poppler's ``pdftoppm``. Needs Debian's ``chromium`` and
``poppler-utils``. Run from the repository root:

    python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_215c51ed475f2f51.txt"
PAGE = ROOT / "docs" / "sheet-page1.png"
RESOLUTION = 80  # dots per inch: a readable page under 200 kB


def main() -> int:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm is missing: apt install poppler-utils", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from quotetrack.printing.pdf import chromium_pdf, find_chromium

    if find_chromium() is None:
        print("Chromium is missing: apt install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="quotetrack-docs-") as scratch:
        env = {**os.environ, "QUOTETRACK_DB": str(Path(scratch) / "docs.db")}
        quotetrack = [sys.executable, "-m", "quotetrack"]
        subprocess.run([*quotetrack, "index", "seeds/", "--workers", "1"], cwd=ROOT, env=env, check=True)
        sheet = Path(scratch) / "sheet.html"
        subprocess.run([*quotetrack, "report", "article", SEED, "-o", str(sheet)], cwd=ROOT, env=env, check=True)
        pdf = Path(scratch) / "sheet.pdf"
        chromium_pdf(sheet.read_text(encoding="utf-8"), str(pdf))
        prefix = Path(scratch) / "page"
        subprocess.run([pdftoppm, "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)],
                       check=True)  # fmt: skip
        shutil.copyfile(prefix.with_suffix(".png"), PAGE)
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
