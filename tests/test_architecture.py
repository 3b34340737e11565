"""The house's shape: folders that follow the data, imports that point down, no circle.

The layer order is written once, in ``tests/layers.py``; these tests walk the real package
with it, and a small package made for each test shows that the walk catches an upward
import and a circle (so the first test cannot pass by seeing nothing).
"""

from pathlib import Path

import pytest

from layers import LAYERS, cycles, imports, problems, upward_imports

PACKAGE = Path(__file__).resolve().parent.parent / "quotetrack"

# A package of three layers for the tests: top.py above mid/ above low.py.
FIXTURE_LAYERS = (("top",), ("mid",), ("low",))


def make_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in {"__init__.py": "", "mid/__init__.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_the_package_has_no_circle_and_no_upward_import():
    assert problems(PACKAGE) == []


def test_every_folder_and_top_level_module_has_its_layer():
    layered = {name for names in LAYERS for name in names}
    present = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    present |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert present <= layered, present - layered


def test_at_most_five_top_level_modules_beside_init_and_main():
    modules = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert len(modules) <= 5, modules


def test_the_walk_accepts_imports_that_point_down(tmp_path):
    package = make_package(tmp_path, {
        "top.py": "from .mid import reader\n",
        "mid/reader.py": "from ..low import fold\nfrom . import helper\n",
        "mid/helper.py": "",
        "low.py": "def fold(text):\n    return text\n",
    })
    assert problems(package, FIXTURE_LAYERS) == []


def test_the_walk_finds_an_upward_import_even_inside_a_function(tmp_path):
    package = make_package(tmp_path, {
        "top.py": "",
        "mid/reader.py": "",
        "low.py": "def late():\n    from .mid import reader\n    return reader\n",
    })
    assert upward_imports(imports(package), FIXTURE_LAYERS) == ["pkg.low imports pkg.mid.reader, a higher layer"]


@pytest.mark.parametrize("files, circle", [
    ({"mid/a.py": "from . import b\n", "mid/b.py": "from .a import x\n"}, ["pkg.mid.a", "pkg.mid.b"]),
    ({"mid/a.py": "from .b import y\n", "mid/b.py": "from .c import z\n", "mid/c.py": "from . import a\n"},
     ["pkg.mid.a", "pkg.mid.b", "pkg.mid.c"]),
])
def test_the_walk_finds_a_circle_within_a_layer(tmp_path, files, circle):
    package = make_package(tmp_path, {"top.py": "", "low.py": "", **files})
    assert cycles(imports(package)) == [circle]
    assert problems(package, FIXTURE_LAYERS) == [" -> ".join(circle) + " import each other"]


def test_a_module_outside_every_layer_is_named(tmp_path):
    package = make_package(tmp_path, {"top.py": "", "low.py": "", "stray.py": "from . import low\n"})
    with pytest.raises(LookupError, match="pkg.stray belongs to no layer"):
        problems(package, FIXTURE_LAYERS)
