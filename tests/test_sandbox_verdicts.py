"""The sandbox judges a kind of value once (by type and module, Jinja's verdict by type and name): a harmless
value met first must never let a harmful one of the same type, under the same name, through afterwards."""

from __future__ import annotations

import os
import pathlib
from dataclasses import dataclass
from typing import Any

import jinja2
import markupsafe
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
        (pathlib.PurePosixPath, pathlib.Path(__file__)),  # a class of an unsafe module, then a path (never read)
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


# --- calls: a macro or a function found safe is called without Jinja's checks the next time ---------


class Tools:
    def shout(self, text: str) -> str:
        return text.upper()

    @jinja2.sandbox.unsafe
    def wipe(self) -> str:
        return "wiped"


def _plain_function(text: str) -> str:
    return f"[{text}]"


@jinja2.pass_context
def _page_of(context: jinja2.runtime.Context, suffix: str) -> str:
    return context["page"] + suffix


def test_an_unsafe_method_stays_refused_after_safe_methods_of_the_same_object():
    env = sandbox.environment(
        jinja2.DictLoader({"ok": "{{ tools.shout('a') }}{{ f('b') }}", "bad": "{{ tools.wipe() }}"})
    )
    for _ in range(3):  # the later rounds take the path for calls found safe before
        assert env.get_template("ok").render(tools=Tools(), f=_plain_function) == "A[b]"
        with pytest.raises(SecurityError):
            env.get_template("bad").render(tools=Tools())


def test_unsafe_builtins_stay_refused_when_called_repeatedly():
    env = sandbox.environment(jinja2.DictLoader({"t": "{{ h.thing('x') }}"}))
    for _ in range(3):
        assert env.get_template("t").render(h=Holder(_plain_function)) == "[x]"
        with pytest.raises(SecurityError):
            env.get_template("t").render(h=Holder(eval))


def test_calls_keep_jinjas_meaning_context_macros_callers_and_loop_variables():
    source = (
        "{% macro item(x, sep='-') %}<{{ x }}{{ sep }}{{ caller() if caller is defined else '' }}>{% endmacro %}"
        "{% for n in [1, 2] %}{% set m = n * 10 %}{{ item(m) }}{{ at('!') }}{% endfor %}"
        "{% call item('c', sep='+') %}inner{% endcall %}{{ f('z') }}{{ f('z') }}"
    )
    env = sandbox.environment(jinja2.DictLoader({"t": source}))
    for _ in range(2):
        out = env.get_template("t").render(at=_page_of, page="p", f=_plain_function)
        assert out == "<10->p!<20->p!<c+inner>[z][z]"


def test_builtin_methods_are_called_as_jinja_would_and_harmful_ones_stay_refused():
    """`dict.get` or `str.upper` is a new object at each look-up: judged by its name and what it is, every time."""
    env = sandbox.environment(
        jinja2.DictLoader(
            {
                "ok": "{{ d.get('a') }}{{ d.get('z', 'none') }}{{ s.upper() }}{{ d.items()|list|length }}",
                "format": "{{ d.get('a') }}{{ s.format_map(d) }}",
                "open": "{{ d.get('a') }}{{ d.get('f')('x') }}",
                "append": "{{ d.get('a') }}{{ l.append(1) }}",
            }
        )
    )
    for _ in range(3):  # the later rounds from the verdicts already judged
        assert env.get_template("ok").render(d={"a": 1}, s="ab") == "1noneAB1"
        assert env.get_template("format").render(d={"a": 1, "b": 2}, s="{b}") == "12"
        with pytest.raises(SecurityError):
            env.get_template("format").render(d={"a": Holder(1)}, s="{a.__class__}")
        with pytest.raises(SecurityError):
            env.get_template("open").render(d={"a": 1, "f": open})
        with pytest.raises(SecurityError):
            env.get_template("append").render(d={"a": 1}, l=[])


class _Shouting(markupsafe.Markup):
    def __html__(self) -> markupsafe.Markup:
        return markupsafe.Markup(str(self).upper())


class _Html:
    def __html__(self) -> str:
        return "<i>mine</i>"


def test_output_is_escaped_as_markupsafe_does_and_escaped_text_is_written_as_it_is():
    source = "{{ text }}|{{ safe }}|{{ text|safe }}|{{ n }}|{{ shouting }}|{{ html }}|{{ m() }}|{{ none }}"
    macro = "{% macro m() %}<b>{{ text }}</b>{% endmacro %}"
    env = sandbox.environment(jinja2.DictLoader({"t": macro + source}))
    values = {"text": "<a & 'b'>", "safe": markupsafe.Markup("<em>x</em>"), "n": 3, "none": None}
    out = env.get_template("t").render(values, shouting=_Shouting("<s>"), html=_Html())
    assert out == (
        "&lt;a &amp; &#39;b&#39;&gt;|<em>x</em>|<a & 'b'>|3|<S>|<i>mine</i>|<b>&lt;a &amp; &#39;b&#39;&gt;</b>|None"
    )
    expected = "".join(markupsafe.escape(v) for v in (values["text"], values["safe"], 3, _Shouting("<s>"), _Html()))
    assert expected == "&lt;a &amp; &#39;b&#39;&gt;<em>x</em>3<S><i>mine</i>"  # what markupsafe itself gives


def test_an_environments_finalize_still_applies_before_escaping():
    """The output code writes `escape_output(` itself: it must still hand each value to `finalize` first."""
    env = sandbox.environment(jinja2.DictLoader({"t": "{{ nothing }}|{{ text }}"}))
    env.finalize = lambda value: "<empty>" if value is None else value
    assert env.get_template("t").render(nothing=None, text="a") == "&lt;empty&gt;|a"
