"""Languages, themes, colours, narrow screens and print.

The sample is built again in English from a copy of the repository's content; a radar with
its own theme overrides one template and one static file; a colour written in radar.yaml must
reach the matplotlib picture, the inline SVG and the page's CSS alike.  Layout and print are
measured in Chromium: no sideways scrolling at 320 px, and the home page on one A4 landscape page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT
from inprocess import radar as in_process
from matplotlib.image import imread

from generator import urls
from generator.i18n import catalogues

# The site's interface text (groups such as new. and serve. are for the commands), by key and language.
STRINGS = {
    key: {lang: words[key] for lang, words in catalogues().items()} for key in catalogues()["en"] if "." not in key
}

TEMPLATES = ROOT / "themes" / "default" / "templates"
DEFAULT_STATIC = ROOT / "themes" / "default" / "static"


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


# --- languages -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def english_site(english_sample_site: Path) -> Path:
    """The repository's sample content with `language: en`, built like an author would (conftest)."""
    return english_sample_site


def test_english_build_has_english_interface_and_lang(english_site: Path):
    built = pages(english_site)
    assert built and all('<html lang="en">' in text for text in built.values())
    home, search = built[urls.INDEX], built[urls.SEARCH]
    for key in ("skip", "nav", "legend", "downloads", "filter_heading", "filter_apply", "filter_reset", "search"):
        assert html.escape(STRINGS[key]["en"]) in home, key
    for key in ("search_heading", "search_label", "browse", "browse_intro", "all_technologies"):
        assert html.escape(STRINGS[key]["en"]) in search, key
    assert 'data-template="{shown} of {total} technologies shown"' in home
    assert 'data-many="{count} results for \u2018{query}\u2019"' in search


def _literal(text: str) -> str:
    """The longest literal part of an interface text with {placeholders}."""
    return max(re.split(r"\{[^}]*\}", text), key=len).strip()


def test_english_build_shows_no_dutch_interface_text(english_site: Path):
    """Every Dutch interface text that the (Dutch) content does not itself contain is absent."""
    content = "\n".join(
        p.read_text(encoding="utf-8") for d in ("radar", "blips") for p in (ROOT / d).rglob("*") if p.is_file()
    )
    dutch = {
        _literal(s["nl"])
        for s in STRINGS.values()
        if s["nl"] != s["en"] and len(_literal(s["nl"])) >= 6 and _literal(s["nl"]) not in content
    }
    assert len(dutch) > 30  # the check below means something only if many texts take part
    found = {
        (path, word)
        for path, text in pages(english_site).items()
        for word in dutch
        if word in html.unescape(re.sub(r"<[^>]+>", " ", text))
    }
    assert not found


def test_the_sample_is_dutch(sample_site: Path):
    built = pages(sample_site)
    assert all('<html lang="nl">' in text for text in built.values())
    assert STRINGS["skip"]["nl"] in built[urls.INDEX]


def test_templates_hold_no_hard_coded_text():
    """All words a template shows come from t() or the content: none is written in the template."""
    problems = []
    for template in sorted(TEMPLATES.glob("*.html")):
        text = template.read_text(encoding="utf-8")
        for attr in re.finditer(r'\b(aria-label|title|alt|placeholder|value)="([^"]*)"', text):
            if re.search(r"[A-Za-z]", re.sub(r"{{.*?}}|{%.*?%}", "", attr.group(2))):
                problems.append(f"{template.name}: {attr.group(0)}")
        text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}|<!--.*?-->", " ", text, flags=re.S)
        text = re.sub(r"<(script|style)\b.*?</\1>|<[^>]*>", " ", text, flags=re.S)
        problems += [f"{template.name}: {word}" for word in re.findall(r"[^\W\d_]{2,}", text)]
    assert not problems


# --- themes and colours ----------------------------------------------------------------------


@pytest.fixture
def themed(radar_dir, tmp_path) -> tuple[Path, Path]:
    """A radar naming its own theme: one template and one static file overridden, colours set."""
    radar_dir.write(
        "themes/custom/templates/listing.html",
        '{% extends "base.html" %}{% block main %}<h1 id="custom-listing">{{ heading }}</h1>{% endblock %}\n',
    )
    radar_dir.write("themes/custom/static/print.css", "/* the custom theme's print sheet */\n")
    radar_dir.write("themes/custom/theme.yaml", "quadrant_colors: ['#0a3d62', '#6d214f', '#1e5631', '#4b2c20']\n")
    radar_dir.write("themes/default/static/extra.css", "/* the radar's own default theme */\n")
    radar_dir.write("themes/default/static/print.css", "/* loses against the named theme */\n")
    config = (radar_dir.root / "radar/radar.yaml").read_text(encoding="utf-8")
    config = config.replace("title: Test Radar\n", "title: Test Radar\ntheme: custom\n")
    config = config.replace("{id: data, name: Data}", "{id: data, name: Data, color: '#7b1fa2'}")
    radar_dir.write("radar/radar.yaml", config)
    radar_dir.blip("lake", title="Lake", quadrant="data", ring="adopt")
    radar_dir.blip("hammer", title="Hammer", quadrant="tools", ring="trial")
    out = tmp_path / "site"
    result = in_process("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return radar_dir.root, out


def test_a_theme_overrides_one_template_and_one_static_file(themed):
    _, out = themed
    assert 'id="custom-listing"' in (out / urls.ring_url("adopt")).read_text(encoding="utf-8")
    assert 'id="custom-listing"' not in (out / urls.INDEX).read_text(encoding="utf-8")
    assert 'class="legend"' in (out / urls.INDEX).read_text(encoding="utf-8")  # the rest: the default theme
    assert (out / "static/print.css").read_text() == "/* the custom theme's print sheet */\n"
    assert (out / "static/extra.css").read_text() == "/* the radar's own default theme */\n"
    assert (out / "static/style.css").read_bytes() == (DEFAULT_STATIC / "style.css").read_bytes()


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))


def test_colours_from_radar_yaml_and_theme_reach_picture_and_page(themed, browser):
    _, out = themed
    index = (out / urls.INDEX).read_text(encoding="utf-8")
    colors = (out / urls.COLORS_CSS).read_text(encoding="utf-8")
    # radar.yaml's colour for 'data', the theme's second colour for 'tools'.
    assert "--quadrant-data: #7b1fa2;" in colors and "--quadrant-tools: #6d214f;" in colors
    assert re.search(r'id="dot-lake"[^>]*>.*?<circle [^>]*fill="#7b1fa2"', index, re.S)
    assert re.search(r'id="dot-hammer"[^>]*>.*?<circle [^>]*fill="#6d214f"', index, re.S)
    assert "#7b1fa2" in (out / "radar.svg").read_text(encoding="utf-8")

    # The matplotlib PNG has pixels in exactly that colour (the blip's disc).
    png = (imread(out / "radar.png")[..., :3] * 255).round().astype(int)
    for color in ("#7b1fa2", "#6d214f"):
        assert (np.abs(png - np.array(_rgb(color))).sum(axis=-1) <= 6).sum() > 20, color

    # In the browser, the legend's swatch and the picture's disc show the same colour.
    context = browser.new_context()
    page = context.new_page()
    page.goto((out / urls.INDEX).as_uri())
    for quadrant, dot in (("data", "lake"), ("tools", "hammer")):
        swatch = page.eval_on_selector(f"#legend-{quadrant} .swatch", "e => getComputedStyle(e).backgroundColor")
        disc = page.eval_on_selector(f"#dot-{dot} circle", "e => getComputedStyle(e).fill")
        assert swatch == disc
    context.close()


# --- narrow screens and print ----------------------------------------------------------------

LAYOUT_PAGES = [
    urls.INDEX,
    urls.SEARCH,
    urls.quadrant_url("data-en-ai"),
    urls.ring_url("adopteren"),
    urls.CAPABILITIES,
    urls.INITIATIVES,
]


@pytest.mark.parametrize("width", [320, 1400])
def test_no_sideways_scrolling_and_legend_placement(browser, sample_site: Path, tmp_path: Path, width: int):
    biggest_blip = max((sample_site / "blips").glob("*.html"), key=lambda p: p.stat().st_size)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for path in [*LAYOUT_PAGES, biggest_blip.relative_to(sample_site).as_posix()]:
        assert (sample_site / path).is_file(), path
        page.goto((sample_site / path).as_uri())
        if page.evaluate("document.documentElement.scrollWidth") > width:
            shot = tmp_path / f"{width}-{path.replace('/', '_')}.png"  # for whoever reads the failure
            page.screenshot(path=str(shot), full_page=True)  # (1 s of CPU per width when taken every time)
            pytest.fail(f"{path} scrolls sideways at {width}: {shot}")
    page.goto((sample_site / urls.INDEX).as_uri())
    figure = page.locator(".radar-figure").bounding_box()
    legend = page.locator(".legend-nav").bounding_box()
    if width == 320:
        assert legend["y"] >= figure["y"] + figure["height"] - 1  # below the picture
        assert figure["width"] >= 250  # the picture uses the width it has
    else:
        assert legend["x"] >= figure["x"] + figure["width"] - 1  # beside the picture
    context.close()


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page of a PDF Chromium printed."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    count = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert count == len(boxes), (count, len(boxes))
    return [(float(w), float(h)) for w, h in boxes]


def test_home_page_prints_on_one_a4_landscape_page(browser, sample_site: Path):
    context = browser.new_context()
    page = context.new_page()
    page.goto((sample_site / urls.INDEX).as_uri())
    sizes = _pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
    assert len(sizes) == 1
    width, height = sizes[0]
    assert abs(width - 841.89) < 2 and abs(height - 595.28) < 2  # A4 landscape, in points
    # Every blip and every legend entry is laid out inside that page.
    page.emulate_media(media="print")
    assert page.evaluate("document.querySelectorAll('.legend-list li').length") == page.evaluate(
        "document.querySelectorAll('svg a.blip').length"
    )
    assert not page.is_visible("#radar-filter") and not page.is_visible(".filter-pages")
    context.close()


def test_print_stylesheet_is_linked_for_print_only(sample_site: Path):
    for path, text in pages(sample_site).items():
        css = urls.relative("static/print.css", path)
        assert f'<link rel="stylesheet" href="{css}" media="print">' in text, path
