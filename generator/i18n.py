"""Interface text: every word the site, `radar new`, `radar serve` and the messages show that the content does not.

The words live in one YAML file per language in generator/locales/ so that a translator edits data, not
Python.  A radar may be written in any language; where its language has no file (or a file lacks a key)
the text falls back along the language's chain, nl-BE -> nl -> en, so an unknown language gets English.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from pathlib import Path

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


# The package's own folder, as generator/outputs/keys.py reads the package: importlib.resources (with the
# tempfile, shutil and zipfile it imports) cost every command, `radar check` too, 12 ms to name this folder.
LOCALES = Path(__file__).parent / "locales"


def locale_files() -> dict[str, str]:
    """Language code -> the YAML text of its file, for every file shipped in generator/locales."""
    return {
        name.removesuffix(".yaml"): (LOCALES / name).read_text(encoding="utf-8")
        for name in sorted(os.listdir(LOCALES))
        if name.endswith(".yaml")
    }


@cache
def catalogues() -> dict[str, dict[str, str]]:
    """Every shipped language's strings by flat key (read once per process)."""
    # libyaml's safe loader where PyYAML has it: the same data, read ten times faster (every command reads these)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {language: _flatten(yaml.load(text, Loader=loader) or {}) for language, text in locale_files().items()}


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


@lru_cache(maxsize=8192)
def _words(language: str, key: str) -> str | None:
    """A key's words along the language's chain, looked up once: a build at 1000 blips asks some 30,000
    times, mostly for the same few hundred keys."""
    for code in _chain(language):
        words = catalogues()[code].get(key)
        if words is not None:
            return words
    return None


class _Keep(dict):
    """Leaves an unknown {placeholder} as it is, so a translation's typo shows instead of crashing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(language: str, key: str, /, **values: object) -> str:
    """The key's words in the language (or its fallback), with the values filled in.

    A key missing from every file shows as the key itself rather than a traceback in front of an author;
    tests/test_locales.py keeps that from happening.
    """
    words = _words(language, key)
    if words is None:
        return key
    if not values:
        return words
    try:
        return words.format_map(_Keep(values))  # str.format's rules, without string.Formatter's Python loop
    except (ValueError, IndexError):
        return words


class Message:
    """Words to be said later, once the language is known: a locale key and its values.

    A value that is itself a Message (or a Said) is said in the same language, so a message can
    quote another ('dropped: {message}').
    """

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values

    def text(self, language: str) -> str:
        return text(language, self.key, **_said(language, self.values))

    def __str__(self) -> str:
        return self.text(FALLBACK)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    __hash__ = None  # type: ignore[assignment]


def _said(language: str, values: Mapping[str, object]) -> dict[str, object]:
    return {k: v.text(language) if isinstance(v, (Message, Said)) else v for k, v in values.items()}


class Said(Exception):
    """An error whose words are a locale key: str() gives English (logs, tests); `text` the radar's language.

    Raised where the language is not known (writing files, asking git); the command that catches it
    knows the radar and says it in the radar's language.
    """

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(text(FALLBACK, key, **_said(FALLBACK, values)))

    def text(self, language: str) -> str:
        return text(language, self.key, **_said(language, self.values))


def translator(language: str) -> Translator:
    """A lookup for templates and commands: t('key', name=...) in the radar's language."""

    def t(key: str, /, **values: object) -> str:
        return text(language, key, **values)

    return t


_LANGUAGE_LINE = re.compile(r"^language:[ \t]*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)[\"']?[ \t]*(?:#.*)?$", re.M)
_HEAD = 65536  # bytes of radar.yaml read for its language: the line is near the top, the file may be anything


def radar_language(source: Path) -> str | None:
    """The `language:` of the radar in `source`, read cheaply (one line, no YAML, no check), or None.

    For text shown before the radar is loaded, or where it is never loaded (--help, `radar import`):
    a regular file only (a link or a FIFO is never opened here), and at most its first 64 KB.
    """
    from .content.folders import RADAR_FILE

    path = source / RADAR_FILE
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            head = handle.read(_HEAD).decode("utf-8", errors="replace")
    except (OSError, ValueError):
        return None
    found = _LANGUAGE_LINE.search(head)
    return found.group(1) if found else None


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language of the user's locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them):
    'nl_NL.UTF-8' -> 'nl-NL' (text() falls back to nl); C and POSIX name no language."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0].replace("_", "-")
            return code if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", code) else None
    return None
