"""The reports' Jinja2 environment: the built-in templates, a newsroom's own folder before
them, sandboxed, and every template error turned into one line that names the template.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.sandbox
from markupsafe import Markup

from .. import __version__
from ..errors import QuotetrackError
from ..text.safety import escape_bidi, path_text


class TemplateProblem(QuotetrackError):
    """A template failed to load or to render (a syntax error, an undefined field, an
    operation the sandbox forbids); the message names the template and the line."""


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or the checkout's templates/."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise FileNotFoundError("les gabarits de quotetrack manquent à cette installation")


def _template_problem(error: Exception, name: str | None) -> TemplateProblem:
    """The one line for a template error: which template, which line, what."""
    where, line = getattr(error, "filename", None) or name, getattr(error, "lineno", None)
    tb = error.__traceback__
    while tb is not None:  # Jinja's rewritten traceback: frames in the template's own lines
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<"):
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    message = (getattr(error, "message", None) or str(error) or error.__class__.__name__).splitlines()[0]
    at = f" ligne {line}" if line else ""
    return TemplateProblem(f"gabarit {path_text(where or 'inconnu')}{at} : {message}")


_TEMPLATE_ERRORS = (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError)


class _Template(jinja2.Template):
    def render(self, *args, **kwargs):
        try:
            return super().render(*args, **kwargs)
        except _TEMPLATE_ERRORS as error:
            raise _template_problem(error, self.filename or self.name) from None


class _Environment(jinja2.sandbox.SandboxedEnvironment):
    """Sandboxed: a ``--templates`` folder is not trusted code (no attribute of Python's
    internals, no file or shell access); its errors become ``TemplateProblem``."""

    template_class = _Template

    def get_template(self, *args, **kwargs):
        try:
            return super().get_template(*args, **kwargs)
        except jinja2.TemplateError as error:
            raise _template_problem(error, str(args[0]) if args else None) from None


def _finalize(value):
    """Every printed value: bidi controls shown as codes, so "txt.exe" cannot read "exe.txt"."""
    return escape_bidi(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def environment(user_templates: str | Path | None = None) -> jinja2.Environment:
    """The one Jinja2 environment: the user's folder first, then the built-ins.

    StrictUndefined so that a newsroom's override naming a missing field fails loudly
    (one line naming the template and the line) instead of printing a sheet with silent
    blanks. Sandboxed, the same for built-in and user templates.
    """
    folders = ([str(user_templates)] if user_templates else []) + [str(builtin_templates())]
    env = _Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(["html", "xml"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.globals["version"] = __version__
    return env
