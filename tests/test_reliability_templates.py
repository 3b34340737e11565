"""``--templates``: a newsroom's templates render sandboxed, and their errors are one line
naming the template and the line (docs/reliability.md)."""

from __future__ import annotations

import pytest


from reliability_helpers import run, store_article


@pytest.fixture
def sheet_db(db_path):
    store_article(db_path, [("Anne Dubreuil", "Le pont rouvrira lundi")])
    return db_path


@pytest.mark.parametrize(
    "template, message",
    [
        # reading files and running commands through Python internals
        ("{{ cycler.__init__.__globals__.os.popen('echo pirate > %s').read() }}", "ligne 2 : access to attribute '__init__'"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "ligne 2 : access to attribute '__class__'"),
        ("{{ page.title.__class__ }}", "ligne 2 : access to attribute '__class__'"),
    ],
)
def test_templates_are_sandboxed(sheet_db, tmp_path, template, message):
    folder = tmp_path / "gabarits"
    folder.mkdir()
    witness = tmp_path / "temoin.txt"
    (folder / "search.html").write_text("<p>Recherche</p>\n" + template.replace("%s", str(witness)) + "\n", encoding="utf-8")
    result = run("report", "search", "pont", "--db", sheet_db, "--templates", folder)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Erreur : gabarit {folder / 'search.html'} {message}")
    assert not witness.exists()


@pytest.mark.parametrize(
    "template, message",
    [
        ("<p>\n{% if page.title %}\n<b>ouvert</b>\n", "ligne 3 : Unexpected end of template"),
        ("<p>\n\n{{ page.champ_absent }}</p>\n", "ligne 3 : 'dict object' has no attribute 'champ_absent'"),
        ("<p>{{ page.title | filtre_inconnu }}</p>\n", "ligne 1 : No filter named 'filtre_inconnu'"),
    ],
)
def test_template_errors_are_one_line_naming_the_template_and_line(sheet_db, tmp_path, template, message):
    folder = tmp_path / "gabarits"
    folder.mkdir()
    (folder / "search.html").write_text(template, encoding="utf-8")
    result = run("report", "search", "pont", "--db", sheet_db, "--templates", folder)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Erreur : gabarit {folder / 'search.html'} {message}")


def test_a_sandboxed_override_still_renders(sheet_db, tmp_path):
    folder = tmp_path / "gabarits"
    folder.mkdir()
    (folder / "search.html").write_text("<h1>{{ page.title }}</h1>{% for q in quotes %}<p>{{ q.text }}</p>{% endfor %}",
                                        encoding="utf-8")
    result = run("report", "search", "pont", "--db", sheet_db, "--templates", folder, "-o", "-")
    assert result.exit_code == 0
    assert "<p>Le pont rouvrira lundi</p>" in result.output
