"""Names on the picture and the phone layout, measured in a real browser.

At 375 CSS pixels (a common phone) the filters are folded away, the legend and the quadrant
zoom links are tap targets of at least 24x24 px (WCAG 2.5.8), and long Dutch words break at a
syllable with a hyphen, not mid-word.  On any screen, hovering or focusing a blip names it over
the picture and lights up its legend entry, and the reverse.
"""

from __future__ import annotations

import re

from generator import urls

PHONE = {"width": 375, "height": 812}


def phone(browser):
    return browser.new_context(viewport=PHONE)


def test_phone_targets_are_at_least_24px_and_filters_are_folded(browser, sample_server):
    context = phone(browser)
    page = context.new_page()
    page.goto(sample_server + urls.INDEX)
    assert page.evaluate("document.querySelector('.filter-details').open") is False
    assert page.is_visible("#filter-heading") and not page.is_visible("#filter-ring")
    page.click("#filter-heading")
    assert page.is_visible("#filter-ring")
    sizes = page.eval_on_selector_all(
        ".legend-list li a, .zoom-links a",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.width, r.height]; })",
    )
    assert len(sizes) > 40
    small = [(text, round(w), round(h)) for text, w, h in sizes if w < 24 or h < 24]
    assert small == [], small
    zoom = page.eval_on_selector_all(".zoom-links a", "els => els.map(a => a.getAttribute('href'))")
    assert len(zoom) == 4 and all(href.startswith("quadrants/") for href in zoom)
    context.close()


def test_wide_screen_keeps_the_filters_open_and_hides_the_zoom_links(page, sample_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(sample_server + urls.INDEX)
    assert page.evaluate("document.querySelector('.filter-details').open") is True
    assert not page.is_visible(".zoom-links")


def test_long_dutch_words_break_at_a_syllable_on_a_phone(browser, sample_server):
    context = phone(browser)
    page = context.new_page()
    page.goto(sample_server + urls.blip_url("criminaliteitsvoorspelling"))
    html = page.inner_html("h1")
    assert "Cri\u00admi\u00adna\u00adli\u00adteits\u00advoor\u00adspel\u00adling" in html
    # The word is wider than the phone: it wraps (at a soft hyphen, the only break it has) and
    # nothing runs off the screen.
    height = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).lineHeight)")
    assert page.evaluate("document.querySelector('h1').getBoundingClientRect().height") > 1.5 * height
    assert page.evaluate("document.querySelector('h1').scrollWidth <= document.querySelector('h1').clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_focus_on_a_blip_names_it_and_lights_its_legend_entry(page, sample_server):
    page.goto(sample_server + urls.INDEX)
    first = page.locator("svg a.blip").first
    ident = first.get_attribute("id").removeprefix("dot-")
    label = first.get_attribute("aria-label")
    for _ in range(60):  # by keyboard alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('blip')"):
            break
    assert page.evaluate("document.activeElement.id") == f"dot-{ident}"
    assert page.is_visible(".blip-tip")
    assert page.text_content(".blip-tip") == label.split(" \u2014 ")[0]
    assert page.get_attribute(".blip-tip", "aria-hidden") == "true"  # the link already carries the name
    assert page.eval_on_selector_all(".legend-list li.linked", "els => els.map(e => e.dataset.id)") == [ident]
    page.keyboard.press("Escape")
    assert page.is_hidden(".blip-tip")


def test_hover_on_a_legend_entry_lights_its_blip_and_the_reverse(page, sample_server):
    page.goto(sample_server + urls.INDEX)
    entry = page.locator(".legend-list li[data-id]").nth(5)
    ident = entry.get_attribute("data-id")
    entry.locator("a").hover()
    assert page.eval_on_selector_all("svg a.blip.linked", "els => els.map(e => e.id)") == [f"dot-{ident}"]
    title = re.sub("\u00ad", "", entry.locator("a").inner_text())
    assert title in page.text_content(".blip-tip")
    page.mouse.move(0, 0)
    assert page.locator("svg a.blip.linked").count() == 0
    page.locator(f"#dot-{ident}").hover()
    assert page.eval_on_selector_all(".legend-list li.linked", "els => els.map(e => e.dataset.id)") == [ident]
