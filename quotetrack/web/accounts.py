"""Reviewers' accounts: a users file of scrypt-hashed passwords beside the database.

``serve --allow-review`` records a review under the name of the account logged in, never
a name typed in a form, so the file is required there. One line per account,
``NAME:scrypt:N:r:p:SALT:HASH`` (hex), written whole (temporary file, then rename) with
the user's permissions; a password is never stored nor printed. The standard library's
``hashlib.scrypt`` does the hashing: nothing to install.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

from ..errors import QuotetrackError

SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 8
NAME_CHARACTERS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-àâäçéèêëîïôöùûüÿœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒ")


class InvalidAccount(QuotetrackError):
    """A name or password an account cannot have."""


class UsersFileUnavailable(QuotetrackError):
    """The users file cannot be read (missing, unreadable, or not a users file)."""


def users_file_for(db_path) -> Path:
    """Where the accounts of a database live by default: ``quotetrack.db`` -> ``quotetrack.users``."""
    return Path(db_path).with_suffix(".users")


def hash_password(password: str, salt: bytes | None = None, **params) -> str:
    params = {**SCRYPT, **params}
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, maxmem=64 * 1024 * 1024, dklen=32, **params)
    return f"scrypt:{params['n']}:{params['r']}:{params['p']}:{salt.hex()}:{digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split(":")
        if scheme != "scrypt":
            return False
        expected = hash_password(password, bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(expected.rsplit(":", 1)[1], digest)


def read_users(path) -> dict[str, str]:
    """Name -> stored hash. A missing file is an error here: review needs accounts."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UsersFileUnavailable(
            f"{path.name} : aucun fichier de comptes ; créez un compte avec quotetrack users add NOM") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsersFileUnavailable(f"{path.name} : fichier de comptes illisible ({error.__class__.__name__})") from None
    users = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, stored = line.partition(":")
        if not stored.startswith("scrypt:"):
            raise UsersFileUnavailable(f"{path.name}, ligne {number} : ce n'est pas un compte quotetrack")
        users[name] = stored
    return users


def check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or not set(name) <= NAME_CHARACTERS:
        raise InvalidAccount(f"{name!r} : un nom de compte a de 1 à 64 lettres, chiffres, points, tirets ou soulignés")
    return name


def add_user(path, name: str, password: str) -> bool:
    """Create or replace the account ``name``; True when it is new."""
    name = check_name(name)
    if len(password) < MIN_PASSWORD:
        raise InvalidAccount(f"mot de passe trop court : au moins {MIN_PASSWORD} caractères")
    path = Path(path)
    users = read_users(path) if path.exists() else {}
    new = name not in users
    users[name] = hash_password(password)
    text = "".join(f"{user}:{stored}\n" for user, stored in sorted(users.items()))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return new


def authenticate(path, name: str, password: str) -> str | None:
    """The account's name when ``password`` is its password, else None (same time either way)."""
    users = read_users(path)
    stored = users.get(name.strip())
    if stored is None:
        check_password(password, hash_password("-"))  # as slow as a real check
        return None
    return name.strip() if check_password(password, stored) else None
