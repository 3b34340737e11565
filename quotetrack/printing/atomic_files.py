"""Writing a report or an export to a file: checked first, then all or nothing.

A report written over the database would destroy every review in it, one written over
an article would destroy the input; so ``check_output_path`` refuses both, and a missing
folder, before any work. The path is resolved through its symlinks first (a link to the
database's ``-wal`` file is the ``-wal`` file), and only a regular file or a missing name
in an existing folder is accepted: renaming over a device, a FIFO or ``/proc/self/fd/1``
would replace it with a plain file (as root, ``/dev/null`` itself). ``write_atomically`` writes into a temporary file beside the
target and renames it over the target only once everything is written and flushed: a
full disk or an interrupted run leaves the old file (or none) and never an empty or a
truncated one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import QuotetrackError
from ..text.safety import path_text


class OutputRefused(QuotetrackError):
    """An output path that would overwrite the database or an input, or cannot be written."""


# What a path that is not a regular file is, in the words of an error line.
_NOT_REGULAR = ((stat.S_ISCHR, "un périphérique caractère"), (stat.S_ISBLK, "un périphérique bloc"),
                (stat.S_ISFIFO, "un tube nommé (FIFO)"), (stat.S_ISSOCK, "une socket"))  # fmt: skip
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def database_files(database) -> list[Path]:
    """The database and its journals, by the name given and by the file it resolves to:
    SQLite puts ``-wal`` beside the file a symlinked ``--db`` points at."""
    given, real = Path(database), Path(os.path.realpath(database))
    return [Path(f"{base}{suffix}") for base in dict.fromkeys((given, real)) for suffix in DATABASE_COMPANIONS]


def resolved_output(path) -> Path:
    """The file an output ``path`` names once its symlinks are followed, refused
    (``OutputRefused``) unless it is a regular file or a missing name in an existing folder.

    ``os.stat`` follows the link as the kernel does (``/proc/self/fd/1`` is the pipe or the
    terminal itself), so a device, a FIFO or a socket is seen for what it is.
    """
    shown = path_text(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputRefused(f"{shown} : chemin inutilisable ({_reason(error)}) ; choisissez un autre fichier de sortie") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputRefused(f"{shown} : est un dossier ; donnez un nom de fichier")
    if mode is not None and not stat.S_ISREG(mode):
        kind = next((name for test, name in _NOT_REGULAR if test(mode)), "un fichier spécial")
        raise OutputRefused(f"{shown} : n'est pas un fichier ordinaire ({kind}) ; choisissez un fichier ou un nom nouveau")
    target = Path(os.path.realpath(path))
    if mode is None and not target.parent.is_dir():
        shown_parent = Path(path).parent if not os.path.islink(path) else target.parent
        raise OutputRefused(f"{shown} : le dossier {path_text(shown_parent)} n'existe pas")
    return target


def check_output_path(path, *, database=None, inputs: Iterable = ()) -> Path:
    """The output ``path`` resolved through its symlinks, refused (``OutputRefused``) when
    it is the database (or its journals), one of ``inputs``, a folder, something that is
    not a regular file (a device, a FIFO), or in a folder that does not exist."""
    shown = path_text(path)
    target = resolved_output(path)
    if database is not None:
        for companion in database_files(database):
            if _same_file(target, companion):
                raise OutputRefused(f"{shown} : est la base de données {path_text(database)} ; choisissez un autre fichier de sortie")
    for source in inputs:
        if source and _same_file(target, Path(source)):
            raise OutputRefused(f"{shown} : est un article indexé ({path_text(source)}) ; choisissez un autre fichier de sortie")
    return target


def output_mode(target: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else what the
    user's umask gives a new file (``0o666 & ~umask``), whichever program printed it."""
    with contextlib.suppress(OSError):
        return os.stat(target).st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_with(temporary, target: Path) -> None:
    """Give the complete ``temporary`` file its permissions and rename it onto ``target``."""
    os.chmod(temporary, output_mode(target))
    os.replace(temporary, target)


def write_atomically(path, pieces: Iterable[str | bytes]) -> int:
    """Write ``pieces`` (text or bytes) to ``path`` through a temporary file and a rename.

    Returns the number of bytes written. On any failure the temporary file is removed and
    ``OutputRefused`` names the path and the reason (a full disk, permissions).
    """
    target = resolved_output(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OutputRefused(f"{path_text(path)} : écriture impossible : {_reason(error)}") from None
    written = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                data = piece.encode("utf-8") if isinstance(piece, str) else piece
                handle.write(data)
                written += len(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_with(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputRefused(f"{path_text(path)} : écriture impossible : {_reason(error)} ; rien n'a été écrit") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return written


_REASONS = {errno.ENOSPC: "plus de place sur le disque", errno.EDQUOT: "quota du disque dépassé",
            errno.EACCES: "permission refusée", errno.EPERM: "opération non permise",
            errno.EROFS: "système de fichiers en lecture seule", errno.ENOENT: "fichier ou dossier absent",
            errno.ENOTDIR: "un élément du chemin n'est pas un dossier", errno.ELOOP: "trop de liens symboliques",
            errno.ENAMETOOLONG: "nom trop long", errno.EIO: "erreur d'entrée-sortie du disque"}  # fmt: skip


def _reason(error: OSError) -> str:
    """The system's reason in French (libc's strerror is English)."""
    return _REASONS.get(error.errno) or (error.strerror or str(error)).lower()

