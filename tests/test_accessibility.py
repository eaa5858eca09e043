"""WCAG 2.1 AA on every page type of the built sample site, in a real browser with axe-core.

Page types are discovered from the built site (one page per folder and pattern), so new page
families are checked as soon as they exist. axe-core cannot judge everything: the text inside
the radar picture, the order of headings on pages it does not visit, and the colours a theme
offers but the sample does not use are checked here by reading the pages and the theme.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browser_util import WCAG_AA, duplicate_ids, format_violations, missing_core, outline, page_types
from conftest import ROOT

from generator.outputs import picture

LANGUAGE = yaml.safe_load((ROOT / "radar" / "radar.yaml").read_text(encoding="utf-8"))["language"]

# WCAG 2.1 A and AA, plus structural rules that axe files under best practice rather than under a
# WCAG criterion, but which the issue asks for all the same (landmarks, heading order, a skip link
# that works). One axe run per page checks both.
STRUCTURE_RULES = (
    "heading-order",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "page-has-heading-one",
    "region",
    "skip-link",
    "empty-heading",
    "aria-allowed-role",
)
AXE_OPTIONS = {**WCAG_AA, "rules": {rule: {"enabled": True} for rule in STRUCTURE_RULES}}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module")
def types(sample_site: Path) -> dict[str, str]:
    found = page_types(sample_site)
    assert not missing_core(found), f"page types missing from the sample site: {missing_core(found)}"
    return found


def _violations(
    browser, axe: Axe, pages: list[tuple[str, str]], setup=None, wait="networkidle", **context
) -> list[str]:
    """axe on each (url, label) in turn, in one browser context (`context`: its viewport, say), each page
    loaded anew as a reader following a link would; `setup(page)` runs on each before axe does.
    One tab for all: a fresh context per page cost Chromium a new renderer each, 0.2-0.3 s of CPU."""
    ctx = browser.new_context(**context)
    try:
        page = ctx.new_page()
        problems = []
        for url, label in pages:
            page.goto(url)
            page.wait_for_load_state(wait)
            if setup:
                setup(page)
            problems += format_violations(label, axe.run(page, options=AXE_OPTIONS).response["violations"])
        return problems
    finally:
        ctx.close()


def test_axe_finds_nothing_on_any_page_type(browser, axe, types, sample_server):
    problems = _violations(browser, axe, [(sample_server + rel, rel) for rel in types.values()], wait="load")
    print(f"axe checked {len(types)} page types: {sorted(types)}")
    assert problems == [], "\n" + "\n".join(problems)


def test_axe_finds_nothing_on_a_phone(browser, axe, types, sample_server):
    """At 320 CSS pixels (WCAG 1.4.10 reflow) the layout changes: the legend drops below the picture."""
    keys = ("index.html", "blips/*", "quadrants/*", "search.html", "capabilities/index.html")
    pages = [(sample_server + types[key], f"{types[key]} @320") for key in keys if key in types]
    problems = _violations(browser, axe, pages, viewport={"width": 320, "height": 640})
    assert problems == [], "\n" + "\n".join(problems)


def test_axe_finds_nothing_with_filters_and_search_results_showing(browser, axe, types, sample_server):
    """Dimmed blips and legend entries, and the search results, are states axe only sees once
    the scripts have run: the dimmed legend must stay readable."""
    first_quadrant = yaml.safe_load((ROOT / "radar" / "radar.yaml").read_text(encoding="utf-8"))["quadrants"][0]["id"]

    def dimmed(page) -> None:
        assert page.locator(".legend-list li.dimmed").count() > 0, "the quadrant filter dimmed nothing"

    filtered = (f"{sample_server}index.html?quadrant={first_quadrant}", "index.html (filtered)")
    problems = _violations(browser, axe, [filtered], setup=dimmed)
    if "search.html" in types:

        def found(page) -> None:
            page.wait_for_function("document.querySelectorAll('main li a').length > 0")

        searched = (f"{sample_server}search.html?q=drone", "search.html?q=drone")
        problems += _violations(browser, axe, [searched], setup=found)
    assert problems == [], "\n" + "\n".join(problems)


def test_every_page_has_lang_title_one_h1_ordered_headings_landmarks_and_named_links(sample_site):
    """Every page, not one per type: content differs from page to page (a blip whose Markdown
    starts at `###`, a tag with an odd name), and reading HTML is fast."""
    problems = []
    pages = sorted(sample_site.rglob("*.html"))
    for path in pages:
        rel = path.relative_to(sample_site).as_posix()
        o = outline(path.read_text(encoding="utf-8"))
        if o.lang != LANGUAGE:
            problems.append(f"{rel}: <html lang={o.lang!r}>, radar.yaml says {LANGUAGE!r}")
        if not o.title.strip():
            problems.append(f"{rel}: empty <title>")
        if o.headings.count(1) != 1:
            problems.append(f"{rel}: {o.headings.count(1)} <h1> elements")
        problems += [f"{rel}: heading order {skip}" for skip in o.heading_skips()]
        for landmark in ("main", "banner", "contentinfo", "navigation"):
            if landmark in ("main", "banner", "contentinfo") and o.landmarks.count(landmark) != 1:
                problems.append(f"{rel}: {o.landmarks.count(landmark)} {landmark} landmarks")
            elif landmark not in o.landmarks:
                problems.append(f"{rel}: no {landmark} landmark")
        problems += [f"{rel}: link without a name to {href}" for href in o.nameless_links]
        problems += [f"{rel}: <img src={src}> without alt" for src in o.images_without_alt]
        problems += [f"{rel}: id {i!r} used twice" for i in duplicate_ids(o.ids)]
    assert len(pages) > 50
    assert problems == [], "\n" + "\n".join(problems[:60])


def test_every_picture_is_a_named_group_of_named_links_matching_the_legend(browser, types, sample_site, sample_server):
    """Each blip in each picture is a link named `number. title — ring, status`; where the page has a
    legend, in the legend's order and with the legend's titles (the legend is the text alternative)."""
    from generator.i18n import translator

    t = translator(LANGUAGE)
    rings = {r["id"]: r["name"] for r in yaml.safe_load((ROOT / "radar" / "radar.yaml").read_text())["rings"]}
    pictured = [rel for rel in types.values() if 'class="blip ' in (sample_site / rel).read_text(encoding="utf-8")]
    assert {"index.html", types["quadrants/*"]} <= set(pictured)
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        for rel in pictured:
            page.goto(sample_server + rel)
            for svg in page.locator("svg.radar-svg").all():
                assert svg.get_attribute("role") == "group", rel
                assert svg.get_attribute("aria-label"), rel
            blips = page.locator("svg a.blip").evaluate_all(
                """es => es.map(e => ({name: e.getAttribute('aria-label'),
                                       ring: e.dataset.ring, status: e.dataset.status}))"""
            )
            for b in blips:
                ending = f" — {rings[b['ring']]}, {t('status_' + b['status'])}"
                assert re.fullmatch(r"\d+\. .+", b["name"]) and b["name"].endswith(ending), (rel, b)
            legend = page.locator(".legend-list li").evaluate_all(
                "es => es.map(e => e.value + '. ' + e.querySelector('a').textContent.replace(/\u00ad/g, '').trim())"
            )
            if legend:
                assert [b["name"].split(" — ")[0] for b in blips] == legend, rel
                assert page.locator("nav ol.legend-list > li > a").count() == len(legend), rel
            # The accessibility tree agrees: the first blip is exposed as a link under that name.
            assert page.get_by_role("link", name=blips[0]["name"], exact=True).count() == 1, rel
    finally:
        ctx.close()


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_ratio_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
    assert contrast("#777777", "#ffffff") < 4.5


def _theme_colours() -> list[tuple[str, dict]]:
    themes = [
        (p.parent.name, yaml.safe_load(p.read_text(encoding="utf-8")) or {})
        for p in (ROOT / "themes").glob("*/theme.yaml")
    ]
    assert any(name == "default" for name, _ in themes)
    return themes


def test_every_theme_colour_has_enough_contrast():
    """Quadrant colours carry white blip numbers and are the colour of the quadrant names on white
    (text: 4.5:1). Ring backgrounds carry the ring names (text: 4.5:1), and the blips, ring lines,
    status marks and focus ring (graphics, WCAG 1.4.11: 3:1)."""
    css = (ROOT / "themes" / "default" / "static" / "style.css").read_text(encoding="utf-8")
    focus = re.search(r"--focus:\s*(#[0-9a-fA-F]{6})", css).group(1)
    problems = []
    for name, settings in _theme_colours():
        quadrants, rings = settings.get("quadrant_colors", []), settings.get("ring_colors", [])
        if name == "default":
            assert len(quadrants) >= 4 and len(rings) >= 4
        for q in quadrants:
            if contrast(q, "#ffffff") < 4.5:
                problems.append(f"{name}: quadrant {q} with white: {contrast(q, '#ffffff'):.2f}")
        for r in rings:
            for q in quadrants:  # a blip must stand out from the ring it sits in (WCAG 1.4.11)
                if contrast(q, r) < 3.0:
                    problems.append(f"{name}: blip {q} on ring {r}: {contrast(q, r):.2f} < 3")
            for what, colour, need in (
                ("ring name", picture.TEXT_COLOR, 4.5),
                ("ring line", picture.AXIS_COLOR, 3.0),
                ("status mark", picture.STATUS_MARK, 3.0),
                ("focus ring", focus, 3.0),
            ):
                if contrast(colour, r) < need:
                    problems.append(f"{name}: {what} {colour} on ring {r}: {contrast(colour, r):.2f} < {need}")
    assert problems == [], "\n".join(problems)


def test_colours_in_the_built_picture_have_enough_contrast(sample_site):
    """The colours the sample's picture really uses, wherever they came from (theme or radar.yaml)."""
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    svg = html[html.index("<svg") : html.index("</svg>")]
    fills = set(re.findall(r'<a [^>]*class="blip[^>]*>.*?<circle [^>]*fill="(#[0-9a-fA-F]{6})"', svg))
    labels = set(re.findall(r'<text [^>]*fill="(#[0-9a-fA-F]{6})"', svg))
    assert len(labels) >= 4, labels  # the quadrant names, each in its quadrant's colour
    assert len(fills) >= 4, fills
    low = [f"{c}: {contrast(c, '#ffffff'):.2f}" for c in fills | labels if contrast(c, "#ffffff") < 4.5]
    assert low == [], f"colours in the picture below 4.5:1 against white: {low}"


def test_english_build_is_english_and_passes_axe(browser, axe, english_sample_site):
    """`language: en` in radar.yaml gives <html lang="en"> and English interface text, still clean."""
    out = english_sample_site
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in home and "Skip to content" in home
    types = page_types(out)
    keys = ("index.html", "blips/*", "search.html")
    problems = _violations(browser, axe, [((out / types[k]).as_uri(), f"en {types[k]}") for k in keys if k in types])
    assert problems == [], "\n" + "\n".join(problems)


def test_two_pictures_on_one_page_share_no_id():
    """Two pictures on one page (an edition next to the current one, a radar and a zoomed quadrant)
    must not repeat an id, and whatever the drawing refers to by id is in the same picture."""
    from generator.content.load import load
    from generator.content.theme import Theme
    from generator.render.site import Site

    radar, _ = load(ROOT)
    site = Site(radar, Theme(ROOT, radar.theme))
    page = site.radar_svg(site.current, "x.html") + site.radar_svg(site.current, "x.html", quadrant=0)
    ids = re.findall(r' id="([^"]+)"', page)
    assert duplicate_ids(i for i in ids if not i.startswith("dot-")) == []
    assert not [i for i in ids if re.fullmatch(r"(figure|axes|patch|line2d|text)_\d+", i)]
    refs = re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', page)
    assert {a or b for a, b in refs} <= set(ids), "a reference points at no id"
    # The drawing behind the blips is hidden from screen readers; the blips are not.
    assert page.count('<g aria-hidden="true">') == 2
    assert page.count('<a href="') == len(site.current.dots) + len(
        site.current.dots_where(lambda b: b.quadrant == radar.quadrants[0].id)
    )


def test_a_real_radar_of_118_blips_passes_axe_and_the_outline_checks(browser, axe, thoughtworks_site):
    """Thoughtworks' volume 34, written by others: three-digit numbers, English, long titles."""
    out, blips = thoughtworks_site
    assert len(blips) > 100
    found = page_types(out)
    keys = ("index.html", "quadrants/*", "blips/*")
    problems = _violations(browser, axe, [((out / found[k]).as_uri(), f"thoughtworks {found[k]}") for k in keys])
    for path in sorted(out.rglob("*.html")):
        o = outline(path.read_text(encoding="utf-8"))
        rel = path.relative_to(out).as_posix()
        problems += [f"{rel}: heading order {skip}" for skip in o.heading_skips()]
        problems += [f"{rel}: link without a name to {href}" for href in o.nameless_links]
        problems += [f"{rel}: id {i!r} used twice" for i in duplicate_ids(o.ids)]
        if o.headings.count(1) != 1:
            problems.append(f"{rel}: {o.headings.count(1)} <h1> elements")
    assert problems == [], "\n" + "\n".join(problems[:60])


def test_an_imported_aoe_radar_passes_axe(browser, axe, aoe_site):
    """AOE's radar through `radar import aoe`: technologies listed but not drawn, Markdown from others,
    colours moved to pass contrast, nine releases in the archive."""
    _, out, _ = aoe_site
    pages = ("index.html", "blips/playwright.html", "blips/nosql.html", "editions/2019-Q4/index.html")
    problems = _violations(browser, axe, [((out / rel).as_uri(), f"aoe {rel}") for rel in pages])
    assert problems == [], "\n" + "\n".join(problems[:60])
