"""Property-based tests: whatever front matter and Markdown a pull request holds, no traceback,
no raw HTML or script on a page, and every problem at a `path:line:column` inside the file.

Bounded (a fixed number of examples, no deadline) so that they run in a few seconds in CI; the
examples are derived from a fixed seed, so a run is repeatable.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import yaml
from conftest import RadarDir
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from generator.content.load import load
from generator.content.markup import render

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
FIELDS = [
    "title",
    "quadrant",
    "ring",
    "summary",
    "tags",
    "capabilities",
    "initiatives",
    "algorithm",
    "history",
    "leaflet",
    "note",
    "edition",
    "retired",
]
HOSTILE = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "$5M of $10M",
    "\x00",
    "\x1b[31m",
    "&amp;",
    "*a",
    "&a",
    "{",
    "]",
    "---",
    "数据",
    "a: b",
    "\ud7ff",
    "Kosten $\\foo$",
    "9" * 5000,
]
texts = st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE))
scalars = st.one_of(texts, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=12,
)
front_matters = st.dictionaries(st.one_of(st.sampled_from(FIELDS), texts), values, max_size=8)
names = itertools.count()
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def assert_problems_are_placed(problems, radar_dir: RadarDir, path: Path) -> None:
    lines = path.read_text(encoding="utf-8", errors="replace").count("\n") + 1
    for problem in problems.items:
        assert problem.line >= 1 and problem.column >= 1, problem
        assert not CONTROL.search(problem.text()), problem
        if problem.path == path.relative_to(radar_dir.root).as_posix():
            assert problem.line <= lines + 1, (problem, lines)


@seed(20261129)
@SETTINGS
@given(front_matter=front_matters, body=st.text(max_size=200))
def test_any_front_matter_gives_a_radar_or_placed_problems(radar_dir: RadarDir, front_matter, body):
    try:
        dumped = yaml.safe_dump(front_matter, allow_unicode=True)
    except yaml.YAMLError:
        return
    path = radar_dir.write(f"blips/b{next(names)}.md", f"---\n{dumped}---\n{body}\n")
    try:
        radar, problems = load(radar_dir.root)
        assert_problems_are_placed(problems, radar_dir, path)
    finally:
        path.unlink()


@seed(20261129)
@SETTINGS
@given(
    raw=st.lists(
        st.sampled_from(list("ab: -[]{}&*!|>'\"\n\t#%@`,?\\x01") + ["\x00", "\x1b", "9" * 50]), max_size=60
    ).map("".join)
)
def test_any_front_matter_text_gives_placed_problems(radar_dir: RadarDir, raw):
    path = radar_dir.write(
        f"blips/r{next(names)}.md", f"---\ntitle: T\nquadrant: data\nring: trial\n{raw}\n---\nbody\n"
    )
    try:
        radar, problems = load(radar_dir.root)
        assert_problems_are_placed(problems, radar_dir, path)
    finally:
        path.unlink()


MARKDOWN = st.lists(
    st.sampled_from(
        list("ab <>/[]()!\"'=&#*_`\n:")
        + ["<script>", "javascript:", "data:", "<img src=x onerror=", "](", "/etc/passwd", "../../", "http://x/"]
    ),
    max_size=60,
).map("".join)
ALLOWED_TAGS = {
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
    "br",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


@seed(20261129)
@settings(max_examples=400, deadline=None)
@given(text=MARKDOWN)
def test_any_markdown_renders_without_raw_html_or_script(text):
    html, plain, references = render(text)
    for tag in re.findall(r"<\s*/?\s*([a-zA-Z0-9]+)", html):
        assert tag in ALLOWED_TAGS, (tag, html)
    for url in re.findall(r'(?:href|src)="([^"]*)"', html):
        assert not re.match(r"\s*(javascript|vbscript|data|file):", url, re.I), html
    for src in re.findall(r'<img src="([^"]*)"', html):
        assert not re.match(r"^([a-z][a-z0-9+.-]*:|//|/)", src, re.I) and not src.startswith("../../"), html
    assert not re.search(r"<[^>]*\son[a-z]*\s*=", html), html  # no event handler attribute
    for ref in references:
        assert ref.line >= 0 and ref.column >= 1
