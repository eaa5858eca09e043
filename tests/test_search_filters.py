"""Search and filters in a real browser: as you type, in the URL, restored on load, and without JavaScript.

Expected results are computed here from the loaded model (not read back from the page), so a
filter that dims the wrong blips, or a search that misses body text, fails.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest
from conftest import ROOT
from inprocess import radar as in_process

from generator import urls
from generator.content.load import load
from generator.domain.views import EditionView


@pytest.fixture(scope="module")
def view() -> EditionView:
    radar, problems = load(ROOT)
    assert radar is not None and not problems.errors
    return EditionView(radar, radar.edition)


def watch(page) -> list[str]:
    """Collect every JavaScript error and console error the page produces."""
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text} at {m.location}"))
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status}: {r.url}"))
    return errors


def visible_results(page) -> list[str]:
    return page.eval_on_selector_all(
        ".search-results li[data-id]", "els => els.filter(e => !e.hidden && e.offsetParent).map(e => e.dataset.id)"
    )


def dimmed(page) -> tuple[set[str], set[str]]:
    """Ids of the dimmed blips in the picture and in the legend."""
    svg = page.eval_on_selector_all("svg a.blip.dimmed", "els => els.map(e => e.id.replace(/^dot-/, ''))")
    legend = page.eval_on_selector_all(".legend-list li.dimmed", "els => els.map(e => e.dataset.id)")
    return set(svg), set(legend)


# --- search ------------------------------------------------------------------------------------


def test_search_index_is_safe_against_hostile_text(radar_dir, browser, tmp_path):
    hostile = "</script><script>window.pwned = 1</script><!-- & \u2028 ]]>"
    radar_dir.blip("evil", title="Evil <b>bold</b>", extra=f"summary: {json.dumps(hostile)}\n", body="Xylofoon.")
    out = tmp_path / "site"
    result = in_process("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    script = (out / urls.SEARCH_INDEX).read_text(encoding="utf-8")
    assert "<" not in script and ">" not in script and "\u2028" not in script
    context = browser.new_context()
    page = context.new_page()
    errors = watch(page)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((out / "search.html").as_uri() + "?q=bold")
    assert page.eval_on_selector_all("#search-ranked li a", "els => els.map(a => a.textContent)") == [
        "Evil <b>bold</b>"
    ]
    assert page.eval_on_selector_all("#search-ranked li a mark", "els => els.map(m => m.textContent)") == ["bold"]
    assert page.locator("#search-ranked b").count() == 0
    assert page.evaluate("window.pwned") is None
    entry = page.evaluate("window.RADAR_SEARCH_INDEX").get("docs")[0]
    assert (entry[1], entry[2]) == ("Evil <b>bold</b>", hostile)  # the text survives, inert
    assert errors == [] and dialogs == []
    context.close()


# --- filters on the home page ----------------------------------------------------------------


def expected_dimmed(view: EditionView, **state: str) -> set[str]:
    def keep(s) -> bool:
        b = s.blip
        return (
            (not state.get("quadrant") or b.quadrant == state["quadrant"])
            and (not state.get("ring") or s.ring == state["ring"])
            and (not state.get("status") or s.status == state["status"])
            and (not state.get("tag") or state["tag"] in {urls.slug(t) for t in b.tags})
            and (not state.get("cell") or state["cell"] in b.capabilities)
        )

    return {s.blip.id for s in view.on_radar if not keep(s)}


def test_choosing_filters_dims_the_right_blips_and_updates_the_url(page, sample_server, view):
    errors = watch(page)
    page.goto(sample_server + urls.INDEX)
    assert page.is_visible("#radar-filter")
    assert dimmed(page) == (set(), set())
    total = len(view.on_radar)
    quadrant = view.radar.quadrants[1].id
    page.select_option("#filter-quadrant", quadrant)
    want = expected_dimmed(view, quadrant=quadrant)
    assert 0 < len(want) < total
    assert dimmed(page) == (want, want)
    assert page.text_content("#filter-count") == f"{total - len(want)} van {total} technologieën getoond"
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query) == {"quadrant": [quadrant]}

    tag = sorted({t for s in view.on_radar for t in s.blip.tags})[0]
    page.select_option("#filter-quadrant", "")
    page.select_option("#filter-tag", urls.slug(tag))
    want = expected_dimmed(view, tag=urls.slug(tag))
    assert 0 < len(want) < total and dimmed(page) == (want, want)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query) == {"tag": [urls.slug(tag)]}

    page.click("#radar-filter button[type=reset]")
    page.wait_for_function("document.querySelectorAll('svg a.blip.dimmed').length === 0")
    assert dimmed(page) == (set(), set())
    assert urllib.parse.urlparse(page.url).query == ""
    assert errors == []


def test_a_filter_url_restores_the_filtered_view(page, sample_server, view):
    errors = watch(page)
    first = next(s for s in view.on_radar if s.blip.capabilities and s.status != "unchanged")
    state = {"ring": first.ring, "status": first.status, "cell": first.blip.capabilities[0]}
    page.goto(sample_server + urls.INDEX + "?" + urllib.parse.urlencode(state))
    for key, value in state.items():
        assert page.input_value(f"#filter-{key}") == value
    want = expected_dimmed(view, **state)
    assert first.blip.id not in want and want
    assert dimmed(page) == (want, want)
    shown = len(view.on_radar) - len(want)
    assert page.text_content("#filter-count").startswith(f"{shown} van {len(view.on_radar)} ")

    # The hash works as well (the fallback where history.replaceState is refused), and nonsense is ignored.
    quadrant = view.radar.quadrants[0].id
    page.goto(sample_server + urls.INDEX + f"#quadrant={quadrant}&ring=no-such-ring")
    assert page.input_value("#filter-quadrant") == quadrant and page.input_value("#filter-ring") == ""
    want = expected_dimmed(view, quadrant=quadrant)
    assert dimmed(page) == (want, want)
    assert errors == []


def test_filters_work_from_disk(page, sample_site, view):
    errors = watch(page)
    page.goto((sample_site / urls.INDEX).as_uri())
    ring = view.radar.rings[0].id
    page.select_option("#filter-ring", ring)
    assert f"ring={ring}" in page.url
    page.reload()
    assert page.input_value("#filter-ring") == ring
    want = expected_dimmed(view, ring=ring)
    assert dimmed(page) == (want, want)
    page.goto((sample_site / urls.SEARCH).as_uri() + "?q=drone")
    ranked = page.eval_on_selector_all("#search-ranked li", "els => els.map(li => li.dataset.url)")
    assert ranked and len(ranked) < len(view.radar.blips) and page.is_hidden("#search-all")
    assert errors == []


# --- without JavaScript ------------------------------------------------------------------------


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_without_javascript_the_pages_are_complete(no_js_page, sample_server, sample_site: Path, view):
    page = no_js_page
    page.goto(sample_server + urls.INDEX)
    assert not page.is_visible("#radar-filter")  # a form that could not filter is not offered
    assert page.locator("svg a.blip").count() == len(view.on_radar)
    assert page.locator(".legend-list li[data-id]").count() == len(view.on_radar)
    assert dimmed(page) == (set(), set())
    page.click(".filter-pages a")
    assert page.url.endswith(urls.SEARCH + "#browse")

    # Every technology is listed with its summary, so the browser's own find searches them.
    assert len(visible_results(page)) == len(view.radar.blips)
    for blip in view.radar.blips.values():
        item = page.locator(f'.search-results li[data-id="{blip.id}"]')
        assert blip.title in item.text_content() and blip.summary in item.text_content()
    assert page.is_visible("#search-hint")

    # The browse index links every static filter page: quadrants, rings, tags and cells.
    links = set(page.eval_on_selector_all("#browse a", "els => els.map(a => a.getAttribute('href'))"))
    wanted = {urls.quadrant_url(q.id) for q in view.radar.quadrants}
    wanted |= {urls.ring_url(r.id) for r in view.radar.rings}
    wanted |= {urls.tag_url(t) for s in view.on_radar for t in s.blip.tags}
    wanted |= {urls.cell_url(c) for c in view.radar.capabilities.cells}
    assert links == wanted
    for link in links:
        assert (sample_site / link).is_file(), link
    built = {p.relative_to(sample_site).as_posix() for d in ("rings", "tags") for p in (sample_site / d).glob("*.html")}
    assert built <= links, "every ring and tag page is reachable from the browse index"


def test_every_page_links_the_search_page(sample_site: Path):
    for path in [urls.INDEX, urls.blip_url(next(iter(load(ROOT)[0].blips))), "rings/adopteren.html"]:
        html = (sample_site / path).read_text(encoding="utf-8")
        assert f'href="{urls.relative(urls.SEARCH, path)}"' in html
