"""Printable HTML: the Jinja2 environment and the rendering of sheets and reports.

One environment, built in one place, autoescaping on: a title or a quote holding
``<script>`` prints as text. A newsroom's own template folder (``--templates DIR``) is
searched first, then the built-in templates, so any page or partial can be overridden.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import __version__


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or the checkout's templates/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise FileNotFoundError("quotetrack's templates are missing from this installation")


def environment(user_templates: str | Path | None = None) -> jinja2.Environment:
    folders = ([str(user_templates)] if user_templates else []) + [str(builtin_templates())]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(["html", "xml"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env
