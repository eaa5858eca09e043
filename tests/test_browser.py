"""The built sample site in headless Chromium, as a person with a mouse or a keyboard uses it.

Over HTTP the site is served under a sub-path (`/radar/sub/`) and from disk it is opened as
file://, so any absolute or root-relative link, or any asset fetched from elsewhere, fails here.
"""

from __future__ import annotations

import io
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from browser_util import crawl, duplicate_ids, missing_core, page_types, site_path
from conftest import ROOT

LANGUAGE = yaml.safe_load((ROOT / "radar" / "radar.yaml").read_text(encoding="utf-8"))["language"]


@pytest.fixture(scope="module")
def types(sample_site: Path) -> dict[str, str]:
    found = page_types(sample_site)
    assert not missing_core(found), f"page types missing from the sample site: {missing_core(found)}"
    return found


class Visit:
    """One page in a fresh browser context, recording every request, console error and page error."""

    def __init__(self, browser, url: str, **context_args) -> None:
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url} {r.failure}"))
        # Anything not on this machine is stopped before it leaves, and recorded as a failure.
        self.page.route(re.compile(r"^(?!file:|data:|http://127\.0\.0\.1[:/]).*"), self._refuse)
        self.go(url)

    def go(self, url: str) -> Visit:
        """Follow the tab to `url`, recording afresh: the next page of a test that reads many costs no new
        context (a new one started a Chromium renderer, 0.2-0.3 s of CPU a page)."""
        self.requests.clear()
        self.errors.clear()
        self.response = self.page.goto(url, wait_until="commit")
        self.settled = False
        return self

    def settle(self) -> Visit:
        """Wait until the page has loaded and its scripts have stopped fetching. Pages opened one
        after another load side by side, so waiting for each in turn costs about one page's time."""
        if not self.settled:
            self.page.wait_for_load_state("networkidle")
            self.settled = True
        return self

    def _refuse(self, route) -> None:
        self.errors.append(f"request leaves the machine: {route.request.url}")
        route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def open_(url: str, settle: bool = True, **context_args) -> Visit:
        opened.append(Visit(browser, url, **context_args))
        return opened[-1].settle() if settle else opened[-1]

    yield open_
    for v in opened:
        v.close()


def in_one_tab(visit, urls: list[str]) -> Iterator[Visit]:
    """Each address in turn in one browser tab, settled: a new context per page started a Chromium renderer each."""
    v = None
    for url in urls:
        v = (visit(url) if v is None else v.go(url)).settle()
        yield v


def _hosts(urls: list[str]) -> set[str]:
    return {urllib.parse.urlsplit(u).scheme + "://" + (urllib.parse.urlsplit(u).hostname or "") for u in urls}


@pytest.mark.parametrize("mode", ["http", "file"])
def test_every_page_type_renders_with_lang_one_h1_title_and_no_errors(mode, types, sample_site, sample_server, visit):
    root = sample_server if mode == "http" else sample_site.as_uri() + "/"
    allowed = {"http://127.0.0.1"} if mode == "http" else {"file://"}
    for (key, rel), v in zip(types.items(), in_one_tab(visit, [root + rel for rel in types.values()]), strict=True):
        if mode == "http":
            assert v.response.status == 200, rel
        page = v.page
        assert page.evaluate("document.documentElement.lang") == LANGUAGE, rel
        assert page.locator("h1").count() == 1, f"{rel}: {page.locator('h1').all_inner_texts()}"
        assert page.title().strip(), f"{rel} has no title"
        # The stylesheet arrived through its relative link: the header is laid out as a flex row.
        assert page.eval_on_selector(".site-header", "e => getComputedStyle(e).display") == "flex", rel
        assert page.locator("main#main").count() == 1, rel
        assert v.errors == [], f"{key} ({rel}): {v.errors}"
        assert _hosts(v.requests) <= allowed, f"{rel} requested {_hosts(v.requests) - allowed}"


@pytest.mark.parametrize("mode", ["http", "file"])
def test_every_link_script_and_image_resolves(mode, sample_site, sample_server):
    root = sample_server if mode == "http" else sample_site.as_uri() + "/"
    result = crawl(root)
    assert result.problems == [], "\n".join(result.problems[:40])
    reached = {site_path(u, root) for u in result.pages}
    built = {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html")}
    assert built - reached == set(), f"pages no link leads to: {sorted(built - reached)[:20]}"
    assert "radar.svg" in reached, "the downloadable SVG (whose blips link to pages) was not read"
    built |= {"radar.svg"} | {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.svg")}
    for url, ids in result.pages.items():
        assert duplicate_ids(ids) == [], f"{site_path(url, root)} repeats ids {duplicate_ids(ids)[:10]}"
    # Every page the site links to is one the build wrote: nothing points outside the site folder.
    assert len(result.pages) == len(built)


def test_a_blip_in_the_picture_is_clicked_and_followed(sample_server, visit):
    page = visit(sample_server + "index.html").page
    blip = page.locator("svg a.blip").nth(4)
    href = blip.get_attribute("href")
    name = blip.get_attribute("aria-label")
    blip.click()
    page.wait_for_url("**/" + href)
    assert page.url == urllib.parse.urljoin(sample_server, href)
    title = name.split(". ", 1)[1].split(" — ")[0]
    assert title in page.locator("h1").inner_text().replace("\u00ad", "")  # soft hyphens in long words


def _tab_until_blips_end(page, limit: int = 400) -> list[dict]:
    """Press Tab from the top of the page, recording each focused element, until focus has passed
    every blip in the picture and left it (or `limit` presses)."""
    total = page.locator("svg a.blip").count()
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                """() => { const e = document.activeElement;
                 return {tag: e.tagName.toLowerCase(), blip: e.matches('svg a.blip'),
                         label: e.getAttribute('aria-label') || '', text: (e.textContent || '').trim().slice(0, 60),
                         cls: e.getAttribute('class') || '', href: e.getAttribute('href')}; }"""
            )
        )
        if sum(s["blip"] for s in stops) >= total and not stops[-1]["blip"]:
            break
    return stops


def test_tab_reaches_every_blip_of_every_picture_in_legend_order(types, sample_site, sample_server, visit):
    """On every page type with a radar picture: Tab reaches each blip once, in one unbroken run, in
    the order of the page's legend (or, where the page lists the blips otherwise, the home legend's
    order: numbers are kept across editions, so they need not rise along it)."""
    from generator.content.load import load
    from generator.domain.views import EditionView

    radar, _ = load(ROOT)
    view = EditionView(radar, radar.edition)
    home_order = [view.numbers[s.blip.id] for _q, rings in view.grouped() for _r, ring in rings for s in ring]
    pictured = [rel for rel in types.values() if 'class="blip ' in (sample_site / rel).read_text(encoding="utf-8")]
    assert {"index.html", types["quadrants/*"]} <= set(pictured)
    for rel, v in zip(pictured, in_one_tab(visit, [sample_server + rel for rel in pictured]), strict=True):
        page = v.page
        total = page.locator("svg a.blip").count()
        legend = [int(n) for n in page.locator(".legend-list li").evaluate_all("es => es.map(e => e.value)")]
        stops = _tab_until_blips_end(page)
        numbers = [int(s["label"].split(".")[0]) for s in stops if s["blip"]]
        assert total > 0 and len(numbers) == total, f"{rel}: Tab reached {len(numbers)} of {total} blips"
        expected = legend or [n for n in home_order if n in set(numbers)]
        if rel.startswith("editions/"):  # an older edition has its own numbers: its legend or rising order
            expected = legend or sorted(numbers)
        assert numbers == expected, f"{rel}: blips are reached out of legend order: {numbers}"
        first = next(i for i, s in enumerate(stops) if s["blip"])
        last = max(i for i, s in enumerate(stops) if s["blip"])
        assert last - first + 1 == total, f"{rel}: blips are not one unbroken run of Tab stops"
        if rel == "index.html":
            assert len(legend) == total > 30


def test_enter_on_a_focused_blip_follows_it(sample_server, visit):
    """Keyboard only: Tab from the top to the seventh blip, then Enter opens its page."""
    page = visit(sample_server + "index.html").page
    reached = 0
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg a.blip')"):
            reached += 1
            if reached == 7:
                break
    assert reached == 7
    href = page.evaluate("document.activeElement.getAttribute('href')")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + href)
    assert page.url == urllib.parse.urljoin(sample_server, href)
    heading = page.locator("h1").inner_text().replace("\u00ad", "").strip()
    assert heading.endswith(label.split(". ", 1)[1].split(" — ")[0])


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(types, sample_server, visit):
    for rel in (types["index.html"], types["blips/*"]):
        page = visit(sample_server + rel).page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link", rel
        box = page.locator(".skip-link").bounding_box()
        assert box and box["y"] >= 0 and box["height"] > 10, f"{rel}: focused skip link is off screen: {box}"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main", rel
        # The next Tab goes into the content, not back to the header.
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), rel


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", css)[:3])


def _focus_pixels(png: bytes, colour: tuple[int, ...]) -> int:
    """How many pixels of a screenshot are (nearly) the focus colour."""
    from PIL import Image

    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for px in pixels if sum(abs(a - b) for a, b in zip(px, colour, strict=True)) < 40)


def test_focus_on_a_blip_and_a_link_is_visible(sample_server, visit):
    page = visit(sample_server + "index.html", viewport={"width": 1400, "height": 1000}).page
    focus_hex = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--focus').trim()")
    focus = tuple(int(focus_hex[i : i + 2], 16) for i in (1, 3, 5))
    page.keyboard.press("Tab")
    while not page.evaluate("document.activeElement.matches('svg a.blip')"):
        page.keyboard.press("Tab")
    blip = page.locator("svg a.blip:focus")
    box = blip.bounding_box()
    clip = {"x": box["x"] - 10, "y": box["y"] - 10, "width": box["width"] + 20, "height": box["height"] + 20}
    focused = page.screenshot(clip=clip)
    circle = "document.activeElement.querySelector('circle:not(.mark)')"
    assert _rgb(page.evaluate(f"getComputedStyle({circle}).stroke")) == focus
    assert page.evaluate(f"parseFloat(getComputedStyle({circle}).strokeWidth)") >= 2
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.evaluate("document.activeElement.blur()")
    unfocused = page.screenshot(clip=clip)
    # A ring of the focus colour appears around the blip: at least its circumference in pixels.
    ring = _focus_pixels(focused, focus) - _focus_pixels(unfocused, focus)
    assert ring >= 3 * box["width"], f"only {ring} more pixels in the focus colour when the blip has focus"
    # An ordinary link shows the focus outline when reached by keyboard.
    page.locator(".legend-list a").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    style = "getComputedStyle(document.activeElement)"
    assert page.evaluate(f"{style}.outlineStyle") != "none"
    assert page.evaluate(f"parseFloat({style}.outlineWidth)") >= 2


FOCUS_STATE = """() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  const circle = e.matches('svg a.blip') ? getComputedStyle(e.querySelector('circle:not(.mark)')) : null;
  return {what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
            ? '.' + String(e.className).split(' ')[0] : ''),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          stroke: circle ? parseFloat(circle.strokeWidth) >= 2 && circle.stroke !== 'none' : false,
          visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden',
          body: e === document.body};
}"""


def test_every_tab_stop_on_every_page_type_is_visible_and_shows_focus(types, sample_server, visit):
    """The first 25 Tab stops of each page type: the skip link first, then each one on screen with
    a visible focus indicator (a 2px outline, or the stroke of a blip)."""
    problems, stops = [], {}
    rels = list(types.values())
    for rel, v in zip(rels, in_one_tab(visit, [sample_server + rel for rel in rels]), strict=True):
        page = v.page
        stops[rel] = 0
        for n in range(25):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state["body"]:
                break
            stops[rel] += 1
            if n == 0 and state["what"] != "a.skip-link":
                problems.append(f"{rel}: first Tab stop is {state['what']}, not the skip link")
            if not state["visible"]:
                problems.append(f"{rel}: Tab stop {n + 1} ({state['what']}) is not on screen")
            if not (state["outline"] or state["stroke"]):
                problems.append(f"{rel}: Tab stop {n + 1} ({state['what']}) shows no focus")
    assert problems == [], "\n".join(problems)
    assert min(stops.values()) >= 5, stops  # skip link, home link, menu: every page has these


def test_the_downloadable_svg_draws_its_blips_without_the_page_stylesheet(sample_site, visit):
    """radar.svg opened on its own has no style.css: white centred numbers and hollow status marks
    must come from the SVG itself, and its blips stay named links."""
    page = visit(sample_site.as_uri() + "/radar.svg").page
    text = page.locator("a.blip text").first
    assert _rgb(text.evaluate("e => getComputedStyle(e).fill")) == (255, 255, 255)
    assert text.evaluate("e => getComputedStyle(e).textAnchor") == "middle"
    assert page.locator(".mark").first.evaluate("e => getComputedStyle(e).fill") == "none"
    assert page.locator("a.blip").count() == page.locator("a.blip[aria-label]").count() > 30
