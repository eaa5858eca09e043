"""Interface text: every word the site, `radar new`, `radar serve` and the messages show that the content does not.

The words live in one YAML file per language in generator/locales/ so that a translator edits data, not
Python.  A radar may be written in any language; where its language has no file (or a file lacks a key)
the text falls back along the language's chain, nl-BE -> nl -> en, so an unknown language gets English.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources

import yaml

FALLBACK = "en"

Translator = Callable[..., str]


def _flatten(data: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    """`new: {title: ...}` becomes 'new.title': groups keep a file readable, lookups stay one flat key."""
    flat: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


def locale_files() -> dict[str, str]:
    """Language code -> the YAML text of its file, for every file shipped in generator/locales."""
    folder = resources.files("generator.locales")
    return {
        entry.name.removesuffix(".yaml"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    }


@cache
def catalogues() -> dict[str, dict[str, str]]:
    """Every shipped language's strings by flat key (read once per process)."""
    return {language: _flatten(yaml.safe_load(text) or {}) for language, text in locale_files().items()}


def languages() -> tuple[str, ...]:
    """The languages the interface is translated into."""
    return tuple(catalogues())


def chain(language: str) -> list[str]:
    """Where to look for a language's words: itself, its shorter tags (nl-BE -> nl), then English."""
    return list(_chain(language))


@cache
def _chain(language: str) -> tuple[str, ...]:
    """`chain`, worked out once per language: a build looks up tens of thousands of words."""
    parts = language.lower().split("-")
    found = ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]
    return tuple(code for code in dict.fromkeys([*found, FALLBACK]) if code in catalogues())


class _Keep(dict):
    """Leaves an unknown {placeholder} as it is, so a translation's typo shows instead of crashing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(language: str, key: str, /, **values: object) -> str:
    """The key's words in the language (or its fallback), with the values filled in.

    A key missing from every file shows as the key itself rather than a traceback in front of an author;
    tests/test_locales.py keeps that from happening.
    """
    for code in _chain(language):
        words = catalogues()[code].get(key)
        if words is not None:
            break
    else:
        return key
    if not values:
        return words
    try:
        return string.Formatter().vformat(words, (), _Keep(values))
    except (ValueError, IndexError):
        return words


class Said(Exception):
    """An error whose words are a locale key: str() gives English (logs, tests); `text` the radar's language.

    Raised where the language is not known (writing files, asking git); the command that catches it
    knows the radar and says it in the radar's language.
    """

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(text(FALLBACK, key, **values))

    def text(self, language: str) -> str:
        return text(language, self.key, **self.values)


def translator(language: str) -> Translator:
    """A lookup for templates and commands: t('key', name=...) in the radar's language."""

    def t(key: str, /, **values: object) -> str:
        return text(language, key, **values)

    return t
