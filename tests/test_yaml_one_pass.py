"""Plain YAML trees are checked and built in one pass (content/source._plain); every other tree goes
through the walk that reports what is wrong and the builder.  Both ways must give the same data, of
the same types, and the same problems, whatever the text."""

from __future__ import annotations

import random

import pytest
import yaml
from conftest import ROOT

from generator.content import source
from generator.content.problems import Problems

KEYS = ["title", "ring", "tags", "note", "a", "b", "1", "true", "? x", "<<", "'q'", "x y"]
VALUES = [
    "", "tekst", "Zie #123", "Zie # noot", "12", "0x1F", "1" * 120, "3.5", "1e3", ".inf", "true", "no", "~", "null",
    "2025-06-01", "2025-13-45", "2025-Q3", "'quoted'", '"dub\\"bel"', "*ref", "&ref waarde", "!!set {a}",
    "!!binary aGk=", "!!str 12", "[a, b]", "[]", "{a: 1, b: [x]}", "{}", "{a: 1, a: 2}", "|\n  blok", ">\n  gevouwen",
    "a: b", "- x", "é ü", "\t", "[", "'open", "<<: *ref",
]  # fmt: skip


def document(rng: random.Random) -> str:
    """Up to 12 lines of fields, list items and nested fields, each key and value picked at random."""
    lines = []
    for _ in range(rng.randrange(13)):
        indent = rng.choice(["", "", "  ", "    "])
        dash = rng.choice(["", "", "- "])
        key = rng.choice(KEYS)
        shape = rng.random()
        if shape < 0.6:
            lines.append(f"{indent}{dash}{key}: {rng.choice(VALUES)}")
        elif shape < 0.8:
            lines.append(f"{indent}{dash}{key}:")
        else:
            lines.append(f"{indent}- {rng.choice(VALUES)}")
    return "\n".join(lines) + "\n"


def parsed(text: str) -> tuple[str, list]:
    problems = Problems(ROOT)  # nothing is read: the path only names the problems' file
    doc = source.parse_yaml(ROOT / "blips/x.md", text, problems, first_line=2)
    return repr(None if doc is None else doc.data), problems.sorted()  # repr: 1, 1.0, True and '1' differ


def test_one_pass_gives_what_the_walk_and_the_builder_give(monkeypatch):
    rng = random.Random(20261130)
    texts = [document(rng) for _ in range(3000)]
    one_pass, taken = source._plain, []

    def counted(loader, node):
        data = one_pass(loader, node)
        taken.append(data is not source._Unusual)
        return data

    monkeypatch.setattr(source, "_plain", counted)
    first = [parsed(text) for text in texts]
    monkeypatch.setattr(source, "_plain", lambda loader, node: source._Unusual)
    second = [parsed(text) for text in texts]
    for text, one, two in zip(texts, first, second, strict=True):
        assert one == two, text
    assert sum(taken) > 300  # the one pass was taken often enough to be tested
    for text, (data, problems) in zip(texts, first, strict=True):
        if not problems:  # and PyYAML reads the same (with libyaml, as before tags were resolved once)
            assert data == repr(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))), text


@pytest.mark.parametrize("text", ["a: &x [1]\nb: *x\n", "a: 1\na: 2\n", "n: " + "9" * 200 + "\n", "s: Zie #1\n"])
def test_what_the_walk_reports_is_still_reported(text):
    assert parsed(text)[1], text


def test_a_plain_value_is_resolved_as_pyyaml_resolves_it_whatever_its_first_character():
    """The loader calls a value text at once by its first character, or by a space after one that starts
    no date (content/source._resolve_tag)."""
    resolver = yaml.resolver.Resolver()
    tails = ["", "rue", "0", "x", "-01-01", " tekst", ".5", ":", "<", "ull x", "rue ", "nf x", " "]
    tails += ["001-12-14 21:59:43.10 -5", "001-12-14 tekst", "o"]  # a date and time holds spaces
    for code in range(0x250):
        for tail in tails:
            value = chr(code) + tail
            for implicit in ((True, False), (False, True), (False, False)):
                expected = resolver.resolve(yaml.ScalarNode, value, implicit)
                assert source._resolve_tag(yaml.ScalarNode, value, implicit) == expected, (value, implicit)
    empty = resolver.resolve(yaml.ScalarNode, "", (True, False))
    assert source._resolve_tag(yaml.ScalarNode, "", (True, False)) == empty
