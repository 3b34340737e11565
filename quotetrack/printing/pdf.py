"""HTML to PDF: WeasyPrint when installed, else the machine's headless Chromium.

WeasyPrint pulls in Pango and friends, so it is an optional extra
(``pip install 'quotetrack[pdf]'``), imported only here. A newsroom machine often has
a browser instead: Chromium (or Chrome) prints the very pages the tests measure.
Either way the PDF is written to a temporary file beside ``path`` and renamed onto it
when complete, so ``path`` never holds half a PDF, and an existing file is kept when
printing fails. The PDF gets the permissions of any other file quotetrack writes (the
user's umask), not the ``0600`` of a temporary file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import QuotetrackError
from .atomic_files import OutputRefused, replace_with, resolved_output

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer")  # fmt: skip
CHROMIUM_TIMEOUT = 180  # seconds; a long dossier takes a few


class PdfUnavailable(QuotetrackError):
    """PDF output needs WeasyPrint (an optional extra) or Chromium, and neither is here."""


class PdfFailed(QuotetrackError):
    """The PDF printer ran but produced no PDF."""


def find_chromium() -> str | None:
    """The first Chromium or Chrome on ``$PATH``, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_engine() -> str | None:
    """``weasyprint``, ``chromium`` or None: what ``write_pdf`` would print with."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return "chromium" if find_chromium() else None
    return "weasyprint"


def write_pdf(html: str, path) -> str:
    """Print ``html`` to a PDF at ``path``; returns the engine used.

    Raises ``PdfUnavailable`` (one line saying how to get either engine) when neither
    is installed, ``PdfFailed`` when printing fails; ``path`` is then left as it was.
    """
    engine = pdf_engine()
    if engine is None:
        raise PdfUnavailable(
            "le PDF demande WeasyPrint (pip install 'quotetrack[pdf]') ou Chromium (apt install chromium)"
        )
    try:
        target = resolved_output(path)
    except OutputRefused as refused:  # a device, a FIFO, a missing folder
        raise PdfFailed(f"écriture impossible ici : {refused}") from None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise PdfFailed(f"{path} : écriture impossible ici ({exc.strerror})") from None
    os.close(handle)
    try:
        if engine == "weasyprint":
            import weasyprint

            weasyprint.HTML(string=html).write_pdf(temporary)
        else:
            chromium_pdf(html, temporary)
        with open(temporary, "rb") as written:
            if written.read(5) != b"%PDF-":
                raise PdfFailed(f"{path} : {engine} n'a pas écrit de PDF")
        replace_with(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return engine


def chromium_pdf(html: str, output: str) -> None:
    """Headless Chromium on the page in a scratch folder, with a throwaway profile."""
    with tempfile.TemporaryDirectory(prefix="quotetrack-pdf-") as scratch:
        page = Path(scratch) / "page.html"
        page.write_text(html, encoding="utf-8")
        command = [find_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={Path(scratch) / 'profile'}",
                   f"--print-to-pdf={output}", page.as_uri()]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfFailed(f"{output} : Chromium a échoué ({exc.__class__.__name__})") from None
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["sans message"])[-1]
            raise PdfFailed(f"Chromium a échoué (code {done.returncode}) : {last}")
