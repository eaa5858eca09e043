"""`{% shared %}`: a fragment repeated on many pages is rendered once per build for each key and folder, and
the markup stays the theme's (a theme that overrides the macro shows its own on every page)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, RadarDir
from inprocess import radar
from jinja2.sandbox import SecurityError

from generator.render import sandbox


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def tick(self) -> int:
        self.calls += 1
        return self.calls


def _environment(source: str) -> jinja2.Environment:
    return sandbox.environment(jinja2.DictLoader({"page": source}))


def test_a_fragment_is_rendered_once_per_key_and_page_folder():
    env = _environment("{% shared key %}<a>{{ key }} {{ counter.tick() }}</a>{% endshared %}")
    counter = Counter()

    def render(page_path: str, key: object) -> str:
        return env.get_template("page").render(page_path=page_path, key=key, counter=counter)

    assert render("blips/a.html", "x") == "<a>x 1</a>"
    assert render("blips/b.html", "x") == "<a>x 1</a>"  # same folder, same key: the first rendering
    assert render("tags/a.html", "x") == "<a>x 2</a>"  # links are relative to the folder: rendered again
    assert render("blips/c.html", "y") == "<a>y 3</a>"
    assert render("blips/d.html", ["a", "list"]) == "<a>[&#39;a&#39;, &#39;list&#39;] 4</a>"
    assert render("blips/e.html", ["a", "list"]).endswith(" 5</a>")  # a value that cannot be a key: every time
    assert counter.calls == 5


def test_each_tag_and_each_environment_keeps_its_own_fragments():
    source = "{% shared %}[{{ counter.tick() }}]{% endshared %}{% shared %}({{ counter.tick() }}){% endshared %}"
    counter = Counter()
    assert _environment(source).get_template("page").render(page_path="a.html", counter=counter) == "[1](2)"
    again = _environment(source)  # a new build (a new Site, a new rebuild of the live preview)
    assert again.get_template("page").render(page_path="b.html", counter=counter) == "[3](4)"
    assert again.get_template("page").render(page_path="c.html", counter=counter) == "[3](4)"


def test_a_shared_fragment_is_sandboxed_and_escaped_like_any_other():
    env = _environment("{% shared %}{{ text }}{{ thing.__class__ }}{% endshared %}")
    with pytest.raises(SecurityError):
        env.get_template("page").render(page_path="a.html", text="<b>", thing=1)
    env = _environment("{% shared %}{{ text }}{% endshared %}")
    assert env.get_template("page").render(page_path="a.html", text="<b>") == "&lt;b&gt;"


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def _theme_macros(radar_dir: RadarDir) -> None:
    """A theme's own macros.html: the legend entries and the ring meanings carry the theme's mark."""
    macros = (ROOT / "themes/default/templates/macros.html").read_text(encoding="utf-8")
    entry = '<li value="{{ numbers[b.id] }}"'
    meaning = '<div class="ring-meaning{% if ring.id == current %} current{% endif %}">'
    assert entry in macros and meaning in macros
    macros = macros.replace(entry, '<li data-theme="{{ b.id }}" value="{{ numbers[b.id] }}"')
    macros = macros.replace(meaning, '<div data-theme-ring="{{ ring.id }}-{{ current }}">')
    radar_dir.write("themes/default/templates/macros.html", macros)


def test_a_theme_overriding_the_legend_and_ring_meanings_shows_its_markup_on_every_page(radar_dir, tmp_path):
    _theme_macros(radar_dir)
    rings = ["adopt", "trial", "assess", "hold"]
    for i in range(12):
        radar_dir.blip(f"tech-{i}", quadrant=["data", "tools", "platforms", "methods"][i % 4], ring=rings[i % 3])
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    pages = _pages(tmp_path / "site")
    legends = [path for path, html in pages.items() if 'class="legend"' in html]
    assert {"index.html", "quadrants/data.html", "editions/2026-Q2/index.html"} <= set(legends)
    for path in legends:
        html = pages[path]
        listed = re.findall(r'<li data-theme="([^"]+)" value="\d+" data-id="([^"]+)"', html)
        assert listed and all(a == b for a, b in listed), path  # each entry the theme's, with its own blip
        assert len(listed) == len(re.findall(r"<li [^>]*data-id=", html)), path  # and no entry otherwise
    for i in range(12):
        html = pages[f"blips/tech-{i}.html"]
        ring = rings[i % 3]
        assert re.findall(r'data-theme-ring="([a-z]+)-([a-z]*)"', html) == [(r, ring) for r in rings]


def test_the_menu_marks_the_current_page_only_on_its_own_pages(radar_dir, tmp_path):
    radar_dir.blip("alpha")
    radar_dir.blip("beta")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    pages = _pages(tmp_path / "site")
    marked = {path: re.findall(r'<a href="([^"]+)" aria-current="page">', html) for path, html in pages.items()}
    assert marked["index.html"] == ["index.html"]
    assert marked["search.html"] == ["search.html"]
    assert marked["capabilities/index.html"] == ["index.html"]
    assert marked["blips/alpha.html"] == marked["blips/beta.html"] == []
    assert sum(1 for found in marked.values() if found) == 6  # home, capabilities, initiatives, moves, archive, search


def test_templates_without_a_name_keep_their_fragments_apart():
    env = sandbox.environment(jinja2.DictLoader({}))
    first = env.from_string("{% shared %}first{% endshared %}")
    second = env.from_string("{% shared %}second{% endshared %}")
    assert first.render(page_path="a.html") == "first"
    assert second.render(page_path="a.html") == "second"


def test_a_fragment_in_a_macro_is_kept_per_argument_and_its_sets_stay_inside():
    source = (
        "{% macro badge(x) %}{% shared x %}{% set y = x * 2 %}<{{ y }} {{ counter.tick() }}>{% endshared %}"
        "{% endmacro %}"
        "{% for x in [1, 2, 1, 2] %}{{ badge(x) }}{% endfor %}{{ y is defined }}"
    )
    counter = Counter()
    assert _environment(source).get_template("page").render(page_path="a.html", counter=counter) == (
        "<2 1><4 2><2 1><4 2>False"
    )


def test_every_ring_and_status_badge_of_the_sample_is_the_right_one_from_its_own_folder(sample_site):
    """The badges are kept per ring (or status) and folder: each still links to its own ring's page."""
    badges, statuses = 0, {}
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href, name in re.findall(r'<a class="ring-badge" href="([^"]+)">([^<]+)</a>', html):
            target = (page.parent / href).resolve()
            assert target.parent == (sample_site / "rings").resolve(), (page, href)
            assert re.search(rf"<h1>[^<]*\b{re.escape(name)}</h1>", target.read_text(encoding="utf-8")), (page, name)
            badges += 1
        for status, name in re.findall(r'<span class="status status-([a-z-]+)">([^<]+)</span>', html):
            statuses.setdefault(status, set()).add(name)
    assert badges > 100
    assert len(statuses) >= 4 and all(len(names) == 1 for names in statuses.values()), statuses
    assert len({name for names in statuses.values() for name in names}) == len(statuses)  # each its own text
