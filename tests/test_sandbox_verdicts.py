"""The sandbox judges a kind of value once (by type and module, Jinja's verdict by type and name): a harmless
value met first must never let a harmful one of the same type, under the same name, through afterwards."""

from __future__ import annotations

import os
import pathlib
from dataclasses import dataclass
from typing import Any

import jinja2
import pytest
from jinja2.sandbox import SecurityError

from generator.render import sandbox


@dataclass
class Holder:
    thing: Any


def _render(source: str, **context: Any) -> str:
    env = sandbox.environment(jinja2.DictLoader({"t": source}))
    return env.get_template("t").render(**context)


@pytest.mark.parametrize(
    ("harmless", "harmful"),
    [
        ("text", os),  # a module
        (len, os.system),  # a builtin of `builtins`, then one of `posix`
        (len, open),  # the same module, but a builtin that opens files
        (abs, eval),
        (pathlib.PurePosixPath, pathlib.Path("/etc/passwd")),  # a class of an unsafe module, then a path
        (Holder(1), sandbox.environment(jinja2.DictLoader({}))),  # the environment itself
    ],
)
def test_a_harmful_value_after_a_harmless_one_is_still_refused(harmless, harmful):
    env = sandbox.environment(jinja2.DictLoader({"t": "{{ h.thing }}", "c": "{{ h.thing('x') }}"}))
    for _ in range(2):  # the second time from the verdicts already judged
        if harmless is not pathlib.PurePosixPath:
            env.get_template("t").render(h=Holder(harmless))
        with pytest.raises(SecurityError):
            env.get_template("t").render(h=Holder(harmful))
        with pytest.raises(SecurityError):
            env.get_template("c").render(h=Holder(harmful))


def test_str_format_stays_guarded_after_plain_text():
    env = sandbox.environment(jinja2.DictLoader({"t": "{{ h.thing }}{{ h.thing.format(h) }}"}))
    assert env.get_template("t").render(h=Holder("{0.thing}")) == "{0.thing}{0.thing}"
    with pytest.raises(SecurityError):
        env.get_template("t").render(h=Holder("{0.__class__}"))


def test_plain_values_pass_and_underscores_do_not():
    assert _render("{{ h.thing }}", h=Holder("<b>")) == "&lt;b&gt;"
    assert _render("{{ h.thing|length }}", h=Holder([1, 2])) == "2"
    with pytest.raises(SecurityError):
        _render("{{ h.__class__.__mro__ }}", h=Holder(1))
