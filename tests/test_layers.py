"""The layers stay layers: imports are read from the source, so a shortcut fails here, not in review.

content/ reads the radar's files and knows nothing of what is made from them; domain/ is plain data
about editions and layout; render/ and outputs/ make the site; commands/ tie it to the command line.
Only outputs/ draws, so only outputs/ imports matplotlib (`radar check` never loads it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
LAYERS = ("content", "domain", "render", "outputs", "commands")
FORBIDDEN = {
    "content": {"domain", "render", "outputs", "commands"},
    "domain": {"render", "outputs", "commands"},
}


def _module(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, anywhere in it (functions too), as absolute dotted names."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            found.append((node.lineno, name))
            if not node.module:  # from . import x: x is a module of that package
                found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def _layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "generator" and parts[1] in LAYERS else None


def _sources(layer: str | None = None) -> list[Path]:
    return sorted((PACKAGE / layer if layer else PACKAGE).rglob("*.py"))


def test_imports_are_resolved_as_the_interpreter_does():
    resolved = {name for _, name in imports(PACKAGE / "render" / "site.py")}
    assert {"generator.urls", "generator.domain.views", "jinja2"} <= resolved
    serve = [m for _, m in imports(PACKAGE / "commands" / "serve" / "__init__.py")]
    assert "generator.commands.serve.preview" in serve and "generator.outputs.write" in serve


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_lower_layer_imports_nothing_above_it(layer):
    crossing = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}"
        for path in _sources(layer)
        for line, name in imports(path)
        if _layer(name) in FORBIDDEN[layer]
    ]
    assert crossing == []


def test_only_outputs_import_matplotlib():
    drawing = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}"
        for path in _sources()
        for line, name in imports(path)
        if name.split(".")[0] == "matplotlib" and _module(path)[1:2] != ["outputs"]
    ]
    assert drawing == []
