"""`radar serve` shows warnings too: folded away on every served page, and on the terminal.

Warnings do not stop the build, so the pages are served as usual; an author still has to see
them before the pull request's `radar check --strict` turns them into errors.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_util import format_violations
from conftest import blip_text
from test_accessibility import AXE_OPTIONS
from test_serve import Server, edit

from generator.commands.serve import report
from generator.commands.serve.errorpage import error_page, inject
from generator.commands.serve.preview import Build
from generator.content.problems import WARNING, Problem

WARNED = blip_text(title="Graph databases", extra="colour: red\n")  # an unknown field: a warning, not an error


@pytest.fixture
def warned(radar_dir) -> Iterator[Server]:
    radar_dir.write("blips/graph-db.md", WARNED)
    radar_dir.blip("edge", title="Edge computing", quadrant="platforms", ring="assess")
    running = Server(radar_dir.root, "--out", str(radar_dir.root / "site"))
    yield running
    if running.proc.poll() is None:
        running.proc.kill()
        running.proc.wait()


def test_warnings_are_listed_on_served_pages_and_the_terminal_but_not_in_built_files(warned, radar_dir):
    status, _, home = warned.get("")
    assert status == 200 and "Edge computing" in home
    banner = home[home.index('<aside class="radar-serve-warnings"') : home.index("</aside>", home.index("radar-serve"))]
    assert 'aria-label="radar serve warnings"' in banner
    assert "<summary" in banner and "1 warning(s)" in banner
    assert "blips/graph-db.md:5:1: warning: " in banner and "colour" in banner
    assert home.index("radar-serve-warnings") < home.index("/__radar/events") < home.index("</body>")
    assert "radar-serve-warnings" in warned.get("blips/edge.html")[2]
    terminal = "".join(warned.lines)
    assert "1 warning(s)" in terminal and "  blips/graph-db.md:5:1: warning: " in terminal
    written = (radar_dir.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "radar-serve-warnings" not in written  # --out gets the site as `radar build` makes it
    # Fixed: the banner goes with the next build.
    edit(radar_dir.root / "blips" / "graph-db.md", blip_text(title="Graph databases"))
    warned.wait_until("", lambda s, t: s == 200 and "radar-serve-warnings" not in t)


def test_the_error_page_lists_warnings_after_the_errors(warned, radar_dir):
    edit(radar_dir.root / "blips" / "edge.md", blip_text(title="Edge", quadrant="platforms", ring="nope"))
    status, page = warned.wait_until("", lambda s, t: "radar-problems" in t)
    assert status == 500
    errors, warnings = page.index('class="radar-problems"'), page.index('class="radar-warnings"')
    assert errors < warnings and "blips/edge.md:4:7:" in page[errors:warnings]
    assert "blips/graph-db.md:5:1: warning:" in page[warnings:]
    assert "radar-serve-warnings" not in page  # listed once, on the page itself


def test_a_warning_is_escaped_in_the_banner():
    hostile = Problem("blips/<b>.md", 2, 1, "unknown field '<script>x</script>'", WARNING, excerpt="<img src=x>: 1")
    page = inject(b"<html><body><p>x</p></body></html>", Build("1", warnings=[hostile], language="en")).decode()
    assert "<script>x" not in page and "<img" not in page and "&lt;script&gt;" in page and "&lt;img src=x&gt;" in page
    assert "<script>x" not in error_page(Build("1", problems=[hostile], warnings=[hostile])).decode()


def test_the_banner_opens_from_the_keyboard_and_axe_finds_nothing(warned, browser):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(warned.url + "blips/edge.html")
        summary = page.locator(".radar-serve-warnings summary")
        assert summary.is_visible() and not page.locator(".radar-serve-warnings li").first.is_visible()
        for _ in range(200):  # Tab through the page until the banner's summary has the focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.closest('.radar-serve-warnings') !== null"):
                break
        else:
            raise AssertionError("the warnings banner cannot be reached with Tab")
        page.keyboard.press("Enter")
        item = page.locator(".radar-serve-warnings li").first
        assert item.is_visible() and "colour" in item.inner_text()
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, format_violations("served blip page with warnings", violations)
    finally:
        context.close()


def test_the_terminal_shows_errors_with_their_excerpt_then_warnings(capsys):
    error = Problem("blips/x.md", 3, 16, "YAML syntax error: ...", language="en", excerpt="quadrant: [data")
    warning = Problem("blips/y.md", 5, 1, "unknown field 'colour'", WARNING, language="en")
    report(Build("1", problems=[error], warnings=[warning], language="en"))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("] 1 problem(s); the pages show them until they are fixed:")
    assert lines[1:4] == [
        "  blips/x.md:3:16: YAML syntax error: ...",
        "      3 | quadrant: [data",
        "        |                ^",
    ]
    assert lines[4].endswith("] 1 warning(s)")
    assert lines[5] == "  blips/y.md:5:1: warning: unknown field 'colour'"
