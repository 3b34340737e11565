"""Driving the web interface in-process as a logged-in reviewer: Datasette's client does
not keep cookies, so each request carries them, and every POST the Origin a browser sends."""

from __future__ import annotations

import asyncio
import sqlite3

from bs4 import BeautifulSoup

from quotetrack.web.accounts import add_user
from quotetrack.web.app import create_app

ORIGIN = "http://localhost"  # Datasette's client talks to http://localhost
PASSWORD = "mot de passe sûr"


def get(ds, path, cookies=None, **kwargs):
    return asyncio.run(ds.client.get(path, cookies=cookies or {}, **kwargs))


def post(ds, path, data, cookies=None, origin=ORIGIN, headers=None, **kwargs):
    headers = {**({"origin": origin} if origin else {}), **(headers or {})}
    return asyncio.run(ds.client.post(path, data=data, cookies=cookies or {}, headers=headers, **kwargs))


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html5lib")


def csrf(ds, path="/-/login", cookies=None) -> tuple[str, dict]:
    """A form's CSRF token and the cookies that go with it."""
    response = get(ds, path, cookies=cookies)
    token = soup(response).find("input", {"name": "csrftoken"})["value"]
    jar = {**(cookies or {}), "ds_csrftoken": response.cookies.get("ds_csrftoken") or (cookies or {})["ds_csrftoken"]}
    return token, jar


def reviewing_app(db_file, name="claire", **options):
    """An app with reviews on, one account, and that account's cookies once logged in."""
    users = db_file.with_suffix(".users")
    add_user(users, name, PASSWORD)
    ds = create_app(db_file, allow_review=True, users=users, **options)
    return ds, login(ds, name)


def login(ds, name, password=PASSWORD) -> dict:
    token, cookies = csrf(ds)
    response = post(ds, "/-/login", {"csrftoken": token, "name": name, "password": password}, cookies=cookies)
    assert response.status_code == 302, response.text
    return {**cookies, "ds_actor": response.cookies["ds_actor"]}


def review(ds, cookies, quote_id, **fields):
    """POST one review from the quote's page (token read from that page)."""
    token, cookies = csrf(ds, f"/-/quotetrack/quote/{quote_id}", cookies)
    return post(ds, f"/-/quotetrack/quote/{quote_id}", {"csrftoken": token, **fields}, cookies=cookies)


def review_log(path, columns: str = "quote_id, field, old_value, new_value, reviewer, action") -> list[tuple]:
    """The review log's rows, in order, with the columns a test reads."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {columns} FROM review_log ORDER BY id").fetchall()
    finally:
        conn.close()
