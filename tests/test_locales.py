"""Interface text lives in generator/locales/<language>.yaml: complete in every language, and all of it in use.

A key missing in one language would show English in the middle of a Dutch page; a key used nowhere is text a
translator maintains for nothing; a key used but missing everywhere would show the bare key.  The scan reads
the code as text: a key counts as used when it appears as a string literal, or starts with a literal prefix
that code completes at run time (t('status_' + status), t(f"new.commit_{kind}")).
"""

from __future__ import annotations

import re
import string

import yaml
from conftest import ROOT

from generator.i18n import catalogues, chain, languages, locale_files, text, translator

LOCALES = ROOT / "generator" / "locales"
USERS = [
    *sorted((ROOT / "generator").rglob("*.py")),
    *sorted((ROOT / "themes").rglob("*.html")),
    *sorted((ROOT / "themes").rglob("*.js")),
]
LITERALS = (
    re.compile(r"'((?:[^'\\\n]|\\.)*)'"),
    re.compile(r'"((?:[^"\\\n]|\\.)*)"'),
)  # each kind alone: '{{ t("x") }}' nests
CALL = re.compile(r"""\bt\(\s*(["'])([a-z_.-]+)\1""")


def _literals() -> set[str]:
    code = [path.read_text(encoding="utf-8") for path in USERS]
    return {m.group(1) for text in code for pattern in LITERALS for m in pattern.finditer(text)}


def _placeholders(words: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(words) if field is not None}


def test_nl_and_en_ship_and_are_read_from_package_data():
    assert {"nl", "en"} <= set(languages())
    assert set(locale_files()) == {p.stem for p in LOCALES.glob("*.yaml")}


def test_every_key_is_in_every_language():
    keys = {language: set(words) for language, words in catalogues().items()}
    every = set().union(*keys.values())
    missing = sorted(f"{language}: {key}" for language, have in keys.items() for key in every - have)
    assert not missing, "keys missing from a locale file:\n" + "\n".join(missing)


def test_every_value_is_text_with_the_same_placeholders():
    """YAML reads `no`/`12` as other types: every value must be text, with no placeholder the code cannot fill."""

    def leaves(data: dict, prefix: str = ""):
        for key, value in data.items():
            if isinstance(value, dict):
                yield from leaves(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    english = catalogues()["en"]
    for path in sorted(LOCALES.glob("*.yaml")):
        for key, value in leaves(yaml.safe_load(path.read_text(encoding="utf-8"))):
            assert isinstance(key, str) and re.fullmatch(r"[a-z0-9_.-]+", key), (path.name, key)
            assert isinstance(value, str), f"{path.name}: {key} is {type(value).__name__}, quote it"
            # a translation may leave a value out (Dutch names no field description), never add one
            assert _placeholders(value) <= _placeholders(english[key]), (path.name, key)


def test_every_key_is_used_somewhere():
    literals = _literals()
    prefixes = {lit.split("{")[0] for lit in literals if "{" in lit} | {lit for lit in literals if lit[-1:] in "_."}
    prefixes = {p for p in prefixes if len(p) >= 3 and re.fullmatch(r"[a-z_.-]+", p)}
    unused = sorted(
        key for key in catalogues()["en"] if key not in literals and not any(key.startswith(p) for p in prefixes)
    )
    assert not unused, "keys no Python file or template uses:\n" + "\n".join(unused)


def test_every_key_the_code_asks_for_exists():
    asked = {
        (path.relative_to(ROOT).as_posix(), m.group(2))
        for path in USERS
        if path.name != "i18n.py"  # its docstrings show t('key')
        for m in CALL.finditer(path.read_text(encoding="utf-8"))
        if m.group(2)[-1] not in "_."  # a prefix completed at run time: t('status_' + status)
    }
    assert len(asked) > 100  # the scan finds the calls
    missing = sorted(f"{path}: {key}" for path, key in asked if key not in catalogues()["en"])
    assert not missing, "\n".join(missing)


def test_a_missing_key_or_value_is_text_not_a_traceback():
    t = translator("nl")
    assert t("no_such_key") == "no_such_key"
    assert t("radar_of", title="X") == "Radar X, editie {edition}"
    assert t("radar_of", title="X", edition="2026-Q4") == "Radar X, editie 2026-Q4"


def test_languages_fall_back_along_their_chain_to_english():
    assert chain("nl-BE") == ["nl", "en"]
    assert chain("NL") == ["nl", "en"]
    assert chain("ru") == ["en"]
    assert text("nl-BE", "skip") == "Ga naar de inhoud"
    assert text("de", "skip") == "Skip to content"
