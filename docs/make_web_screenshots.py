"""Write docs/web-search.png and docs/web-sheet.png, the README's screenshots of ``quotetrack serve``.

They are the screenshots the browser test takes (tests/test_web_browser.py: the seed
indexed, « jamais vu » searched, the article's sheet opened), so the pictures in the
README are of the walk the test checks. Needs Chromium, chromedriver and selenium.

    python docs/make_web_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "tests/test_web_browser.py::test_search_read_the_sheet_and_dossier_and_review"
SHOTS = {"search.png": "web-search.png", "sheet.png": "web-sheet.png"}


def main() -> int:
    with tempfile.TemporaryDirectory() as base:
        run = subprocess.run([sys.executable, "-m", "pytest", TEST, "-q", "-rs", "-p", "no:cacheprovider",
                              f"--basetemp={base}"], cwd=ROOT)  # fmt: skip
        if run.returncode != 0:
            print("the browser test failed: no screenshot written", file=sys.stderr)
            return 1
        for name, target in SHOTS.items():
            found = sorted(Path(base).glob(f"*/{name}"))
            if not found:
                print(f"the browser test wrote no {name} (skipped?): nothing written", file=sys.stderr)
                return 1
            shutil.copyfile(found[0], ROOT / "docs" / target)
            print(f"wrote docs/{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
