"""The installed package: templates ship with it, every command is documented."""

import subprocess
import sys
import zipfile

import click
import pytest

from quotetrack.cli import cli
from quotetrack.printing.environment import builtin_templates

from conftest import ROOT


def test_templates_are_found():
    assert (builtin_templates() / "base.html").is_file()


def test_wheel_ships_templates_and_word_lists(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("quotetrack-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "quotetrack/templates/base.html" in names
    assert "quotetrack/extract/reporting_verbs.txt" in names


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_help_and_is_in_the_readme(path, command):
    assert command.help and command.help.strip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"quotetrack {' '.join(path)}" in readme
