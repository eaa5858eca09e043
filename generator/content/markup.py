"""Markdown from pull requests, rendered so that nothing hostile reaches a page.

markdown-it-py with raw HTML switched off escapes every tag an author types;
its link validator already refuses javascript:, vbscript: and file: URLs.
On top of that, images may only come from inside the site (no request leaves
it), links to sibling `.md` files point at their pages, and headings start
below the page's own <h1>.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def _is_external(url: str) -> bool:
    return bool(_EXTERNAL.match(url))


def _shift_headings(tokens: list[Token]) -> None:
    """Make the body's headings continue the page's outline: its highest heading becomes <h2> (the
    page has its own <h1>) and no heading skips a level, whichever levels the author typed, so that
    screen-reader users can move through the page by heading (WCAG 1.3.1, axe heading-order)."""
    opens = [t for t in tokens if t.type == "heading_open"]
    if not opens:
        return
    top = min(int(t.tag[1]) for t in opens)
    previous, levels = 1, {}
    for token in opens:
        previous = levels[id(token)] = min(6, int(token.tag[1]) - top + 2, previous + 1)
    stack: list[int] = []
    for token in tokens:
        if token.type == "heading_open":
            stack.append(levels[id(token)])
            token.tag = f"h{stack[-1]}"
        elif token.type == "heading_close":
            token.tag = f"h{stack.pop()}"


def _fix_links(tokens: list[Token]) -> None:
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if not _is_external(href):
                    child.attrSet("href", re.sub(r"\.md(#|$)", r".html\1", href))
            elif child.type == "image" and _is_external(str(child.attrGet("src") or "")):
                # An image from elsewhere would make the page reach outside the
                # intranet: show it as a link instead of loading it.
                src = str(child.attrGet("src"))
                child.type, child.tag, child.nesting = "text", "", 0
                child.content = f"[{child.content or src}]({src})"
                child.children = None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def render(text: str) -> tuple[str, str]:
    """HTML for the page and plain text for the search index."""
    md = _parser()
    tokens = md.parse(text)
    _shift_headings(tokens)
    _fix_links(tokens)
    html = md.renderer.render(tokens, md.options, {})
    plain = " ".join(
        child.content for t in tokens if t.type == "inline" for child in (t.children or ()) if child.type == "text"
    )
    return html, plain
