"""Writing a report or an export to a file: checked first, then all or nothing.

A report written over the database would destroy every review in it, one written over
an article would destroy the input; so ``check_output_path`` refuses both, and a missing
folder, before any work. ``write_atomically`` writes into a temporary file beside the
target and renames it over the target only once everything is written and flushed: a
full disk or an interrupted run leaves the old file (or none) and never an empty or a
truncated one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import QuotetrackError
from ..text.safety import path_text


class OutputRefused(QuotetrackError):
    """An output path that would overwrite the database or an input, or cannot be written."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_output_path(path, *, database=None, inputs: Iterable = ()) -> Path:
    """The output ``path``, refused (``OutputRefused``) when it is the database (or its
    journal), one of ``inputs``, a folder, or in a folder that does not exist."""
    target = Path(path)
    shown = path_text(path)
    if database is not None:
        db = Path(database)
        for companion in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
            if _same_file(target, companion):
                raise OutputRefused(f"{shown}: is the database {path_text(database)}; choose another output file")
    for source in inputs:
        if source and _same_file(target, Path(source)):
            raise OutputRefused(f"{shown}: is an input ({path_text(source)}); choose another output file")
    if target.is_dir():
        raise OutputRefused(f"{shown}: is a folder; give a file name")
    parent = target.parent
    if not parent.is_dir():
        raise OutputRefused(f"{shown}: folder {path_text(parent)} does not exist")
    return target


def write_atomically(path, pieces: Iterable[str | bytes]) -> int:
    """Write ``pieces`` (text or bytes) to ``path`` through a temporary file and a rename.

    Returns the number of bytes written. On any failure the temporary file is removed and
    ``OutputRefused`` names the path and the reason (a full disk, permissions).
    """
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OutputRefused(f"{path_text(path)}: cannot write: {_reason(error)}") from None
    written = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                data = piece.encode("utf-8") if isinstance(piece, str) else piece
                handle.write(data)
                written += len(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputRefused(f"{path_text(path)}: cannot write: {_reason(error)}; nothing was written") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return written


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "no space left on the device"
    return (error.strerror or str(error)).lower()

