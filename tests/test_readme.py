"""The README runs as written: its outputs are those of its commands, its set-up names
every system package the tests use."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_apt_line_names_every_system_package_the_tests_use():
    (line,) = re.findall(r"sudo apt install ([^`]+)`", README)
    assert set(line.split()) >= {"chromium", "chromium-driver", "poppler-utils"}


def test_the_walkthrough_uses_its_own_database():
    commands = [line for line in README.splitlines() if line.startswith("$ quotetrack ")]
    reading = [c for c in commands if c.split()[2] in {"search", "speakers", "show", "verify", "review", "reviews", "report"}]
    assert reading and all("--db " in c or "QUOTETRACK_DB" in c or "--source 'Le Courrier" in c for c in reading), reading


@pytest.mark.slow
def test_every_output_shown_is_what_the_command_prints_now():
    done = subprocess.run([sys.executable, "docs/make_readme_outputs.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
