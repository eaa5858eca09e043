"""Reporters bound to one spot in one file, shared by the checks of every content file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .problems import Problems
from .source import Document


def reporter(problems: Problems, doc: Document, *at: Any, key: bool = False) -> Callable[[str], None]:
    """A reporter bound to one spot in one file; the spot is looked up once there is something to say."""
    return lambda message: problems.add(doc.path, *doc.where(*at, key=key), message)


def check_id(problems: Problems, doc: Document, at: tuple, value: str, valid: list[str], what: str) -> bool:
    if value in valid:
        return True
    reporter(problems, doc, *at)(
        problems.t("check.unknown_id", what=what, value=value, choices=problems.choices(valid, value))
    )
    return False
