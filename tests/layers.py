"""The package's layers, written once, and a walk of its imports that finds what breaks them.

A module may import from its own layer or from any layer below it, never from one above,
and no chain of imports may come back to where it started. Every import counts, those
inside functions too: an import deferred to run time is still a dependency a reader must
follow. The package root (``quotetrack/__init__.py``: the version and the public API) is
above every layer and may be imported from anywhere for its ``__version__``.

Run it alone to see the graph's problems: ``python tests/layers.py`` (exit status 1 if any).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

# Top first. A layer is the first name under the package: a folder or a top-level module.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli",),
    ("web",),
    ("following",),
    ("indexing", "parallel", "evaluate"),
    ("printing",),
    ("checking",),
    ("archive",),
    ("vocabulary",),
    ("extract",),
    ("nlp",),
    ("sources",),
    ("text", "errors"),
)


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(root: Path) -> dict[str, set[str]]:
    """Every module of the package at ``root`` and the package modules it imports."""
    modules = {module_name(root, p): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                # « from . import vocabulary » imports a module; « from .x import f » imports x.
                targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in modules else source for a in node.names]
            else:
                continue
            found.update(t for t in targets if t in modules and t != name)
        graph[name] = found
    return graph


def layer_of(module: str, layers=LAYERS) -> int | None:
    """The layer's rank (0 at the top), or None for the package root."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    for rank, names in enumerate(layers):
        if parts[1] in names:
            return rank
    raise LookupError(f"{module} belongs to no layer: add its folder to LAYERS")


def upward_imports(graph: dict[str, set[str]], layers=LAYERS) -> list[str]:
    problems = []
    for module, targets in sorted(graph.items()):
        low = layer_of(module, layers)
        for target in sorted(targets):
            high = layer_of(target, layers)
            if low is not None and high is not None and high < low:
                problems.append(f"{module} imports {target}, a higher layer")
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles (Tarjan's strongly connected components of two modules or more)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def problems(root: Path, layers=LAYERS) -> list[str]:
    graph = imports(root)
    return upward_imports(graph, layers) + [" -> ".join(c) + " import each other" for c in cycles(graph)]


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    found = problems(Path(__file__).resolve().parent.parent / "quotetrack")
    print("\n".join(found) or "no circle, no upward import")
    sys.exit(1 if found else 0)
