"""No words for people in Python: what a command prints, raises or reports comes from the locale files.

The scan reads generator/ with `ast` and looks where text reaches a person: `print(...)`, a stream's
`write(...)`, `input(...)`, `sys.exit(...)`, `parser.error(...)`, `raise E(...)`, a problem's message
(`Problem(path, line, column, message)`, `problems.add(path, line, column, message)`), argparse's
`help=`/`description=`, and an import report's `drop/note/merge`.  A string literal there that holds
words (two words with a space between) fails: put the words in generator/locales/{en,nl}.yaml and look
them up (`t("group.key", ...)`, a `Said` exception, `report.note(where, "import.key", ...)`).  Locale
keys, placeholders and punctuation pass.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"
WORDS = re.compile(r"[A-Za-z]{2,}[ \t]+[A-Za-z(]")

# (file, the start of the literal): each one written in Python on purpose.
ALLOWED = {
    # Bugs of ours, raised while developing and never shown to authors: two registered parts claim one
    # file; a retired blip asked for its ring.
    ("generator/render/site.py", " is made by both "),
    ("generator/domain/editions.py", " is retired in this edition"),
}


def _calls_named(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _texts(node: ast.AST) -> list[ast.AST]:
    """The literals an expression shows as they are: not those inside a call (t('key', ...) looks them up)."""
    if isinstance(node, ast.Call):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.JoinedStr):
        return [node]
    found: list[ast.AST] = []
    for child in ast.iter_child_nodes(node):
        found += _texts(child)
    return found


def _literal(node: ast.AST) -> str:
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    assert isinstance(node, ast.Constant)
    return str(node.value)


def _shown(tree: ast.AST) -> list[ast.AST]:
    """Every expression in the module whose text a person reads."""
    shown: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            shown += node.exc.args[:1]
        elif isinstance(node, ast.Call):
            name = _calls_named(node)
            if name in ("print", "write", "input", "error", "exit", "warn", "ArgumentTypeError"):
                shown += node.args
            elif name in ("Problem", "add") and len(node.args) >= 4:
                shown.append(node.args[3])
            elif name in ("drop", "note", "merge") and len(node.args) >= 2:
                shown += node.args[1:]
            shown += [k.value for k in node.keywords if k.arg in ("help", "description", "message")]
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Attribute) and target.attr == "description" for target in node.targets
        ):
            shown.append(node.value)
    return list({id(node): node for node in shown}.values())  # `raise ArgumentTypeError(...)` is found twice


def _found() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for expression in _shown(ast.parse(path.read_text(encoding="utf-8"))):
            for node in _texts(expression):
                literal = _literal(node)
                if WORDS.search(literal) and not any(rel == f and literal.startswith(s) for f, s in ALLOWED):
                    found.append(f"{rel}:{getattr(node, 'lineno', 0)}: {literal!r}")
    return found


def test_no_text_for_people_is_a_python_literal():
    found = _found()
    assert not found, "words for people belong in generator/locales/*.yaml:\n" + "\n".join(found)


def test_the_scan_finds_what_it_looks_for(tmp_path: Path):
    """The scan is not vacuous: each kind of place, written with an English literal, is caught."""
    code = """
import argparse, sys
print("the radar is fine")
sys.stderr.write(f"{x}: nothing written here\\n")
raise SourceError(f"{path}: no such file")
problems.add(path, 1, 1, "unknown field " + name)
Problem(path, 1, 1, f"template error: {exc}")
parser.add_argument("--x", help="what it does")
parser.description = "Check every file."
report.note(where, "kept as text")
raise argparse.ArgumentTypeError("not a port number")
print(t("fine.key", x="ok"), f"[{stamp}] ", "\\n" + t("serve.stopped"))
raise Said("import.no_such_file", path=path)
"""
    shown = [_literal(n) for e in _shown(ast.parse(code)) for n in _texts(e) if WORDS.search(_literal(n))]
    assert len(shown) == 9, shown
    assert "the radar is fine" in shown and "import.no_such_file" not in shown
