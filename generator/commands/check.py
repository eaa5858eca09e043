"""`radar check`: validate everything, write nothing, and stay quick (no matplotlib, no Markdown rendering)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..content.load import load
from ..content.problems import report


def check(source: Path, strict: bool = False, fmt: str = "text") -> int:
    radar, problems = load(source, strict, bodies=False)
    report(problems, fmt, sys.stdout if fmt != "text" else sys.stderr)
    return 1 if problems.errors or radar is None else 0
