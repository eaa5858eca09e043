"""The built site, checked by structure: pages, legend, links, radar.json, determinism, hostile and real input.

A byte-for-byte golden copy would break on every template tweak; these checks
instead state what must hold for any correct build of any radar, and run on
the sample radar, on hostile content and on radars converted from real
Thoughtworks and Zalando data.
"""

from __future__ import annotations

import functools
import json
import math
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import ROOT, RadarDir
from inprocess import radar

from generator import urls
from generator.content.load import load

# --- reading the built site ------------------------------------------------------------------

LINK_ATTRS = {"href", "src", "xlink:href", "action", "poster", "data"}
RESOURCE_TAGS = {"link", "script", "img", "iframe", "source", "video", "audio", "embed", "object", "image", "use"}


@dataclass
class Parsed:
    """What the checks need from one HTML (or SVG) file."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # text of inline <script> elements


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = Parsed()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.result.tags.append((tag, values))
        for key in ("id", "name") if tag == "a" else ("id",):
            if key in values:
                self.result.ids.add(values[key])
        for key, value in values.items():
            if key in LINK_ATTRS:
                self.result.links.append((tag, key, value))
            if key == "srcset":
                self.result.links.extend((tag, key, part.split()[0]) for part in value.split(",") if part.strip())
        if tag == "script":
            self._in_script = True
            self.result.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._in_script = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.result.scripts[-1] += data

    def updatepos(self, i: int, j: int) -> int:
        """No line and column bookkeeping (getpos() is never asked): a third of the parse on a big site."""
        return j


@functools.lru_cache(maxsize=4096)
def parse(path: Path) -> Parsed:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.result


def html_files(site: Path) -> list[Path]:
    return sorted([*site.rglob("*.html"), *site.rglob("*.svg")])


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def is_external(url: str) -> bool:
    return bool(re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", url, re.I))


def link_problems(site: Path) -> list[str]:
    """Internal links that do not resolve to a file (and #id) in the site; resources loaded from elsewhere."""
    found = []
    resolved: dict[tuple[str, str], tuple[str, str]] = {}  # (folder, url) -> (target, fragment): pages share links
    exists: dict[str, bool] = {}
    for page in html_files(site):
        here = page.relative_to(site).as_posix()
        folder = posixpath.dirname(here)
        for tag, attr, url in parse(page).links:
            where = f"{here}: <{tag} {attr}={url!r}>"
            if re.match(r"^\s*(javascript|vbscript|data):", url, re.I):
                found.append(f"{where}: script URL")
                continue
            if is_external(url):
                if tag in RESOURCE_TAGS or attr != "href" or url.lstrip().startswith("//"):
                    found.append(f"{where}: loads something from outside the site")
                continue
            if (folder, url) not in resolved:
                parts = urlsplit(url)
                path = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) if parts.path else ""
                resolved[folder, url] = path, parts.fragment
            target, fragment = resolved[folder, url]
            target = target or here
            if target.startswith("../") or target == "..":
                found.append(f"{where}: climbs out of the site")
                continue
            if target not in exists:
                exists[target] = (site / target).is_file()
            if not exists[target]:
                found.append(f"{where}: {target} does not exist")
            elif (
                fragment
                and posixpath.splitext(target)[1] in (".html", ".svg")
                and unquote(fragment) not in parse(site / target).ids
            ):
                found.append(f"{where}: no id {fragment!r} in {target}")
    return found


def css_problems(site: Path) -> list[str]:
    """url() and @import in the stylesheets stay inside the site and resolve."""
    found = []
    for css in sorted(site.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            if url.startswith(("data:", "#")):
                continue
            if is_external(url):
                found.append(f"{css.name}: {url} is outside the site")
            elif not (css.parent / urlsplit(url).path).resolve().is_file():
                found.append(f"{css.name}: {url} does not exist")
    return found


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# --- the sample site -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data(sample_site: Path) -> dict:
    return json.loads((sample_site / "radar.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load((ROOT / "radar" / "radar.yaml").read_text(encoding="utf-8"))


def test_every_blip_has_a_page(sample_site):
    ids = sorted(p.stem for p in (ROOT / "blips").rglob("*.md"))
    assert len(ids) >= 24
    for ident in ids:
        page = sample_site / "blips" / f"{ident}.html"
        assert page.is_file(), ident
        title = front_matter(next((ROOT / "blips").rglob(f"{ident}.md")))["title"]
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        assert h1 and title in re.sub(r"<[^>]+>", "", h1.group(1)).replace("&amp;", "&").replace("\u00ad", ""), ident


def test_every_quadrant_has_a_page_with_its_zoomed_radar(sample_site, config, data):
    for quadrant in config["quadrants"]:
        page = sample_site / "quadrants" / f"{quadrant['id']}.html"
        assert page.is_file(), quadrant["id"]
        parsed = parse(page)
        dots = {v["id"].removeprefix("dot-") for t, v in parsed.tags if t == "a" and v.get("id", "").startswith("dot-")}
        members = {b["id"] for b in data["blips"] if b["on_radar"] and b["quadrant"] == quadrant["id"]}
        assert dots == members, quadrant["id"]


def _legend(index: Path) -> list[dict[str, str]]:
    return [v for t, v in parse(index).tags if t == "li" and "data-id" in v and "value" in v]


def test_index_legend_lists_every_blip_by_number_grouped_by_quadrant_and_ring(sample_site, data, config):
    legend = _legend(sample_site / "index.html")
    on_radar = {b["id"]: b for b in data["blips"] if b["on_radar"]}
    assert {li["data-id"]: int(li["value"]) for li in legend} == {i: b["number"] for i, b in on_radar.items()}
    assert len(legend) == len(on_radar)
    numbers = [int(li["value"]) for li in legend]
    assert len(set(numbers)) == len(numbers) and min(numbers) == 1  # kept across editions: see test_numbering
    q = [x["id"] for x in config["quadrants"]]
    r = [x["id"] for x in config["rings"]]
    order = [(q.index(li["data-quadrant"]), r.index(li["data-ring"])) for li in legend]
    assert order == sorted(order)
    text = (sample_site / "index.html").read_text(encoding="utf-8")
    for ident in on_radar:
        assert f'href="blips/{ident}.html"' in text
    retired = [b["id"] for b in data["blips"] if not b["on_radar"]]
    assert all(li["data-id"] not in retired for li in legend)


def test_every_picture_blip_links_to_its_page_with_an_accessible_name(sample_site, data):
    dots = {
        v["id"]: v for t, v in parse(sample_site / "index.html").tags if t == "a" and v.get("id", "").startswith("dot-")
    }
    for blip in (b for b in data["blips"] if b["on_radar"]):
        dot = dots[f"dot-{blip['id']}"]
        assert dot["href"] == blip["url"]
        assert dot["aria-label"].startswith(f"{blip['number']}. {blip['title']} — ")


def test_every_internal_link_resolves_and_nothing_loads_from_elsewhere(sample_site):
    assert len(html_files(sample_site)) >= 60
    assert link_problems(sample_site) == []
    assert css_problems(sample_site) == []


def test_no_script_urls_and_no_inline_handlers(sample_site):
    for page in html_files(sample_site):
        for tag, attrs in parse(page).tags:
            assert not [k for k in attrs if k.startswith("on")], (page, tag, attrs)
            assert not any("javascript:" in v.lower().replace(" ", "") for v in attrs.values()), (page, tag)


def test_static_scripts_reach_nothing_outside_the_site(sample_site):
    for script in sorted((sample_site / "static").rglob("*.js")):
        text = script.read_text(encoding="utf-8")
        urls = [u for u in re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s'\"]*", text) if "www.w3.org" not in u]
        assert urls == [], script.name


def test_link_checker_finds_what_it_should(tmp_path):
    """The checker above is only worth something if it fails on broken sites."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text(
        '<a href="../b.html">b</a><a href="y.html#nope">y</a><a href="../../up.html">up</a>'
        '<img src="https://cdn.example/i.png"><a href="javascript:alert(1)">j</a><a href="https://ok.example/">ok</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "y.html").write_text('<p id="yes">', encoding="utf-8")
    problems = link_problems(tmp_path)
    assert len(problems) == 5, problems
    assert any("b.html does not exist" in p for p in problems)
    assert any("no id 'nope'" in p for p in problems)
    assert any("climbs out" in p for p in problems)
    assert any("outside the site" in p for p in problems)
    assert any("script URL" in p for p in problems)


# --- radar.json ------------------------------------------------------------------------------


def test_radar_json_lists_every_blip_with_its_page_and_place(sample_site, data, config):
    sources = {p.stem: front_matter(p) for p in (ROOT / "blips").rglob("*.md")}
    assert {b["id"] for b in data["blips"]} == set(sources)
    quadrants = {q["id"] for q in config["quadrants"]}
    rings = {r["id"] for r in config["rings"]}
    width, height = data["picture"]["width"], data["picture"]["height"]
    assert width > 0 and height > 0
    on_radar = [b for b in data["blips"] if b["on_radar"]]
    assert len({b["number"] for b in on_radar}) == len(on_radar) and all(b["number"] >= 1 for b in on_radar)
    for blip in data["blips"]:
        src = sources[blip["id"]]
        assert blip["title"] == src["title"]
        assert blip["quadrant"] == src["quadrant"] in quadrants
        assert blip["ring"] == src["ring"] in rings
        assert (sample_site / blip["url"]).is_file()
        if blip["on_radar"]:
            assert 0 < blip["x"] < width and 0 < blip["y"] < height, blip["id"]
        else:
            assert blip["number"] is None


def test_radar_json_places_match_the_svg_and_never_overlap(sample_site, data):
    svg = (sample_site / "radar.svg").read_text(encoding="utf-8")
    circles = {
        m["id"]: (float(m["cx"]), float(m["cy"]), float(m["r"]))
        for m in re.finditer(
            r'id="dot-(?P<id>[^"]+)".*?<circle cx="(?P<cx>[\d.]+)" cy="(?P<cy>[\d.]+)" r="(?P<r>[\d.]+)"', svg
        )
    }
    on_radar = [b for b in data["blips"] if b["on_radar"]]
    assert set(circles) == {b["id"] for b in on_radar}
    for blip in on_radar:
        cx, cy, _ = circles[blip["id"]]
        assert math.isclose(blip["x"], cx, abs_tol=0.02) and math.isclose(blip["y"], cy, abs_tol=0.02)
    r = next(iter(circles.values()))[2]
    for i, a in enumerate(on_radar):
        for b in on_radar[i + 1 :]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= 2 * r, (a["id"], b["id"])


def test_radar_json_history_and_status_follow_the_files(data, config):
    for blip in data["blips"]:
        src = front_matter(next((ROOT / "blips").rglob(f"{blip['id']}.md")))
        history = src.get("history") or [{"edition": config["edition"], "ring": src["ring"]}]
        assert [h["edition"] for h in blip["history"]] == [str(h["edition"]) for h in history]
        assert blip["status"] in {"new", "moved-in", "moved-out", "unchanged", "retired", None}
    assert any(b["status"] in ("moved-in", "moved-out") for b in data["blips"])  # the sample has ring moves


# --- determinism -----------------------------------------------------------------------------


def _copy_sources(dest: Path) -> Path:
    """A copy of the sample's content, files created in reverse order (so directory order differs too)."""
    for path in sorted([*(ROOT / "radar").rglob("*"), *(ROOT / "blips").rglob("*")], reverse=True):
        if path.is_file():
            target = dest / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return dest


def test_a_second_build_elsewhere_is_byte_identical(tmp_path, sample_site):
    """A fresh copy in another folder, with a cold raster cache, builds to the same bytes as the sample."""
    source = _copy_sources(tmp_path / "elsewhere" / "src")
    result = radar("build", "--source", str(source), "--out", str(tmp_path / "elsewhere" / "out"))
    assert result.returncode == 0, result.stderr
    first, second = site_files(sample_site), site_files(tmp_path / "elsewhere" / "out")
    assert list(first) == list(second)
    assert [name for name in first if first[name] != second[name]] == []


# --- hostile content -------------------------------------------------------------------------

HOSTILE = """\
---
title: "<script>alert('title')</script>"
quadrant: data
ring: trial
summary: "<img src=x onerror=alert('summary')>"
tags: ["<script>alert('tag')</script>", "../../../../escape", "/etc/passwd"]
history:
  - {edition: 2026-Q1, ring: assess, note: "<script>alert('note')</script>"}
  - {edition: 2026-Q2, ring: trial, note: "\\"><svg onload=alert('note2')>"}
---
<script>alert('body')</script>

<img src="x" onerror="alert('img')">

[click me](javascript:alert('link')) and [again](JaVaScRiPt:alert('link2')) and [vb](vbscript:msgbox)

<a href="javascript:alert('a')">raw a</a>

![tracker](https://evil.example/pixel.png) ![relative-protocol](//evil.example/p.png)

<iframe src="https://evil.example/"></iframe>

<style>body{background:url(https://evil.example/x.png)}</style>

[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

## <b onmouseover="alert('heading')">heading</b>
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("hostile")
    folder = RadarDir(base / "src")
    folder.write("blips/evil.md", HOSTILE)
    folder.write(
        "radar/initiatives/evil-plan.md",
        '---\ntitle: "<script>alert(\'initiative\')</script>"\nlead: "<b>lead</b>"\nstatus: pilot\n---\n'
        "<script>alert('initiative body')</script>\n",
    )
    folder.blip("plain", extra="initiatives: [evil-plan]\n")
    before = sorted(p.relative_to(base) for p in base.rglob("*"))
    result = radar("build", "--source", str(folder.root), "--out", str(base / "out" / "site"))
    assert result.returncode == 0, result.stderr
    after = sorted(p.relative_to(base) for p in base.rglob("*"))
    outside = [p for p in after if p not in before and not str(p).startswith("out")]
    assert outside == [], "the build wrote outside --out"
    return base / "out" / "site", base


def test_hostile_text_reaches_pages_only_escaped(hostile_site):
    site, _ = hostile_site
    page = (site / "blips" / "evil.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in page  # shown as text, not dropped silently
    assert "&lt;img src=" in page
    for path in html_files(site):
        parsed = parse(path)
        for tag, attrs in parsed.tags:
            assert tag not in ("iframe", "style", "b", "svg") or "alert" not in str(attrs), (path, tag)
            assert not [k for k in attrs if k.startswith("on")], (path, tag, attrs)
            if tag == "img":
                assert not is_external(attrs.get("src", "")), (path, attrs)
        assert all("alert" not in s for s in parsed.scripts), path
        assert not any(t == "iframe" for t, _ in parsed.tags), path


def test_hostile_links_never_become_script_urls(hostile_site):
    site, _ = hostile_site
    assert link_problems(site) == []
    assert css_problems(site) == []
    for path in html_files(site):
        for tag, _, url in parse(path).links:
            assert not re.match(r"^\s*(javascript|vbscript|data):", url, re.I), (path, tag, url)
            assert "evil.example" not in url or tag == "a", (path, tag, url)


def test_hostile_tags_stay_inside_the_site(hostile_site):
    site, base = hostile_site
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site.resolve()), path
    assert not (base / "escape.html").exists() and not (base / "out" / "escape.html").exists()
    assert (site / urls.tag_url("../../../../escape")).is_file()
    assert urls.tag_url("../../../../escape").startswith("tags/escape_")  # its own page, named by its slug and hash


def test_hostile_text_in_radar_json_is_kept_as_data(hostile_site):
    site, _ = hostile_site
    data = json.loads((site / "radar.json").read_text(encoding="utf-8"))
    evil = next(b for b in data["blips"] if b["id"] == "evil")
    assert evil["title"] == "<script>alert('title')</script>"  # exactly as written: JSON is data, not markup
    assert evil["history"][-1]["note"] == "\"><svg onload=alert('note2')>"


# --- real data -------------------------------------------------------------------------------


# thoughtworks_site (conftest): Thoughtworks' latest volume, built once per test run.


def test_thoughtworks_volume_builds_every_blip(thoughtworks_site):
    site, blips = thoughtworks_site
    assert len(blips) >= 110  # volume 34 has 118 rows, all well-formed
    data = json.loads((site / "radar.json").read_text(encoding="utf-8"))
    assert data["edition"] == "2026-Q2"
    by_id = {b["id"]: b for b in data["blips"]}
    for blip in blips:
        entry = by_id[blip.id]
        assert (entry["title"], entry["quadrant"], entry["ring"]) == (blip.title, blip.quadrant, blip.ring)
        assert entry["on_radar"] and entry["status"] == "new"
        assert (site / entry["url"]).is_file()
    assert sorted(b["number"] for b in data["blips"]) == list(range(1, len(blips) + 1))
    assert {li["data-id"] for li in _legend(site / "index.html")} == {b.id for b in blips}


def test_thoughtworks_html_descriptions_arrive_escaped(thoughtworks_site):
    site, blips = thoughtworks_site
    page = (site / "blips" / "context-engineering.html").read_text(encoding="utf-8")
    assert "&lt;p&gt;&lt;strong&gt;&lt;a href=" in page
    assert "context rot" in page
    for blip in blips:
        parsed = parse(site / "blips" / f"{blip.id}.html")
        external = [v for t, v in parsed.tags if t == "a" and is_external(v.get("href", ""))]
        assert external == [], blip.id  # the description's <a> tags are text, not links
        text = (site / "blips" / f"{blip.id}.html").read_text(encoding="utf-8")
        assert text.count("&lt;p&gt;") == blip.body.count("<p>"), blip.id  # every tag shown as text


def test_thoughtworks_site_links_resolve(thoughtworks_site):
    site, _ = thoughtworks_site
    assert link_problems(site) == []


def test_thoughtworks_titles_with_brackets_and_symbols_survive(thoughtworks_site):
    site, blips = thoughtworks_site
    odd = [b for b in blips if re.search(r"[^A-Za-z0-9 .-]", b.title)]
    assert odd, "volume 34 has titles with brackets"
    for blip in odd:
        text = (site / "blips" / f"{blip.id}.html").read_text(encoding="utf-8")
        assert blip.title.replace("&", "&amp;") in text


def test_every_legend_entry_carries_its_blips_tag_ids_for_the_filters(radar_dir: RadarDir, tmp_path):
    tags = {"alpha": ["privacy", "AI & data", "Gezichtsherkenning"], "beta": [], "gamma": ["privacy"]}
    for ident, its_tags in tags.items():
        radar_dir.blip(ident, extra=f"tags: {json.dumps(its_tags)}\n")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    model, _ = load(radar_dir.root)
    assert model is not None
    loaded = {b.id: b.tags for b in model.blips.values()}  # as the loader reads them (a tag's spelling may be tidied)
    assert len(loaded["alpha"]) == 3
    legends = 0
    for page in (tmp_path / "site").rglob("*.html"):
        entry = r'<li value="\d+" data-id="([^"]+)"[^>]* data-tags="([^"]*)"'
        found = re.findall(entry, page.read_text(encoding="utf-8"))
        legends += bool(found)
        for ident, ids in found:
            assert ids == " ".join(urls.tag_id(tag) for tag in loaded[ident]), (page, ident)
    assert legends >= 3  # home, the current edition, each quadrant with blips
