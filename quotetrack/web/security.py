"""What stands between the network and Datasette: one ASGI layer around the whole server.

Each request is checked before Datasette sees it, in this order:

- its ``Host`` header must name this server (the bound address, ``localhost``, or a name
  given with ``serve --allow-host``): a page on another site that resolves its own name to
  127.0.0.1 (DNS rebinding) gets a 421, never a quote nor a CSRF token;
- a POST must come from a page of this very server (its ``Origin``, else its ``Referer``,
  has the scheme, host and port of the ``Host`` header): a page on another port of the
  same machine, which can read this server's cookies (cookies are not separated by
  port), is still refused;
- Datasette's own pages that only a developer needs (``/-/metadata``, ``/-/databases.json``
  with the file's absolute path, ``/-/messages``, ``/-/threads``…) answer the French 404;
- query values are bounded (``MAX_VALUE`` characters), so no request can hand SQLite an
  unbounded full-text query.

On the way out, the CSRF cookie becomes HttpOnly and SameSite=Strict, and CSV bodies get
the formula prefix the command line's export adds (``text.safety.csv_cell``): a cell
that starts with ``=`` opens as text in a spreadsheet, not as a formula.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qsl, urlsplit

from ..text.safety import csv_cell

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
# Datasette's pages under /-/ that a newsroom uses; every other one is a 404.
OPEN_PREFIXES = ("/-/static/", "/-/static-plugins/", "/-/quotetrack/")
OPEN_PATHS = ("/-/login", "/-/logout")
MAX_VALUE = 1000  # characters of one query-string value
CSRF_COOKIE = b"ds_csrftoken"
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def host_name(value: str) -> str:
    """``example.org:8001`` -> ``example.org``; ``[::1]:8001`` -> ``::1``; lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def allowed_hosts(bound: str, extra=()) -> frozenset[str]:
    """The names a request's Host may give: the bound address, localhost, ``--allow-host``."""
    names = {host_name(bound), *LOCAL_NAMES, *(host_name(name) for name in extra)}
    return frozenset(name for name in names if name and name not in ("0.0.0.0", "::"))


def same_origin(origin: str, host: str, scheme: str) -> bool:
    """Whether ``origin`` (an Origin or Referer header) is this server, port included."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    default = 443 if parts.scheme == "https" else 80
    origin_host = parts.hostname.lower()
    origin_port = port or default
    if host.startswith("["):
        name, _, rest = host[1:].partition("]")
        host_port = int(rest[1:]) if rest.startswith(":") and rest[1:].isdigit() else None
    elif host.count(":") == 1:
        name, _, number = host.partition(":")
        host_port = int(number) if number.isdigit() else None
    else:
        name, host_port = host, None
    return origin_host == name.lower() and origin_port == (host_port or (443 if scheme == "https" else 80))


def refusal(path: str, query: bytes, method: str, headers: dict, scheme: str, hosts) -> tuple[int, str] | None:
    """Why this request is refused (status, French message), or None to let it through."""
    host = headers.get("host", "")
    if hosts is not None and host_name(host) not in hosts:
        return 421, "Ce serveur ne répond pas à ce nom d'hôte."
    if path.startswith("//") or "\\" in path or "\x00" in path or ".." in path.split("/"):
        return 404, "Cette page n'existe pas."
    if path.startswith("/-/") and not (path.startswith(OPEN_PREFIXES) or path in OPEN_PATHS):
        return 404, "Cette page n'existe pas."
    if any(len(value) > MAX_VALUE for _, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True)):
        return 400, f"Requête trop longue : au plus {MAX_VALUE} caractères par champ."
    if method in UNSAFE_METHODS:
        origin = headers.get("origin") or headers.get("referer") or ""
        if not origin or origin == "null" or not same_origin(origin, host, scheme):
            return 403, "Requête refusée : elle ne vient pas d'une page de ce serveur."
    return None


def wrap(app, hosts, render_error):
    """The ASGI application ``app`` behind the checks above. ``hosts``: the allowed Host
    names (None: any, for the in-process test client); ``render_error(status, message)``
    an awaitable giving the French error page's HTML."""

    async def guarded(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refused = refusal(scope["path"], scope.get("query_string", b""), scope["method"], headers,
                          scope.get("scheme", "http"), hosts)  # fmt: skip
        if refused:
            status, message = refused
            body = (await render_error(status, message)).encode("utf-8")
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode())]})  # fmt: skip
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, _outgoing(send, scope["path"].endswith(".csv")))

    return guarded


def _outgoing(send, csv_path: bool):
    """``send`` with the CSRF cookie hardened and CSV bodies (a ``.csv`` path, or a CSV
    content type or attachment) made formula-safe."""
    state = {"csv": False, "start": None, "chunks": []}

    async def outgoing(event):
        if event["type"] == "http.response.start":
            headers = [(name, _harden_cookie(value) if name.lower() == b"set-cookie" else value)
                       for name, value in event.get("headers", [])]  # fmt: skip
            content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
            if content_type.startswith(b"text/csv") or content_type.startswith(b"text/plain") and (csv_path or _is_csv(headers)):
                state["csv"] = True
                state["start"] = {**event, "headers": [(n, v) for n, v in headers if n.lower() != b"content-length"]}
                return None
            return await send({**event, "headers": headers})
        if event["type"] == "http.response.body" and state["csv"]:
            state["chunks"].append(event.get("body", b""))
            if event.get("more_body"):
                return None
            body = formula_safe_csv(b"".join(state["chunks"]))
            start = state["start"]
            start["headers"].append((b"content-length", str(len(body)).encode()))
            await send(start)
            return await send({"type": "http.response.body", "body": body})
        return await send(event)

    return outgoing


def _is_csv(headers) -> bool:
    disposition = next((v for n, v in headers if n.lower() == b"content-disposition"), b"")
    return b".csv" in disposition


def _harden_cookie(value: bytes) -> bytes:
    if not value.startswith(CSRF_COOKIE + b"="):
        return value
    attributes = [part for part in value.split(b"; ") if not part.lower().startswith((b"samesite", b"httponly"))]
    return b"; ".join(attributes + [b"SameSite=Strict", b"HttpOnly"])


def formula_safe_csv(body: bytes) -> bytes:
    """Every cell of a CSV body through ``csv_cell`` (the export's formula prefix)."""
    text = body.decode("utf-8", errors="replace")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8")
