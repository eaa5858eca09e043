"""Markdown from pull requests, rendered so that nothing hostile reaches a page.

markdown-it-py with raw HTML switched off escapes every tag an author types;
its link validator already refuses javascript:, vbscript: and file: URLs.
On top of that, images may only come from inside the site (no request leaves
it), links to sibling `.md` files point at their pages, and headings start
below the page's own <h1>.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from . import plainmd
from .links import escapes_site
from .model import Reference

if TYPE_CHECKING:
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


def _fix_links(tokens: list[Token], lines: list[str]) -> list[Reference]:
    found = []
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if not _is_external(href):
                    found.append(_reference("link", href, token.map, lines))
                    child.attrSet("href", re.sub(r"\.md(#|$)", r".html\1", href))
            elif child.type == "image":
                src = str(child.attrGet("src") or "")
                if _is_external(src) or escapes_site(src):
                    # An image from elsewhere would make the page reach outside the intranet, and one
                    # from the file system outside the site: show it as a link instead of loading it.
                    child.type, child.tag, child.nesting = "text", "", 0
                    child.content = f"[{child.content or src}]({src})"
                    child.children = None
                if not _is_external(src):
                    found.append(_reference("image", src, token.map, lines))
    return found


def _reference(kind: str, url: str, block: list[int] | tuple[int, int] | None, lines: list[str]) -> Reference:
    """Where `url` stands: searched for in the lines of its block, as typed or as percent-decoded."""
    first, last = block or (0, len(lines))
    for number in range(first, min(last, len(lines))):
        for form in (url, unquote(url)):
            column = lines[number].find(form)
            if form and column >= 0:
                return Reference(kind, url, number, column + 1)
    return Reference(kind, url, first, 1)


def references(text: str) -> list[Reference]:
    """The body's links and images, without rendering it (for `radar check`): the same as `render`'s.

    Every block is parsed (a code block or fence decides what is not a link), but the inline syntax
    only of the blocks that can hold a link: an inline link or image needs `](` as typed, and a
    reference one a `]` and a definition somewhere in the body.  Most paragraphs have neither, and
    their inline parse was most of the time `radar check` spent on Markdown.  A plain body (see
    `plainmd`) is not given to markdown-it at all.
    """
    plain = _plain_references(text)
    return plain if plain is not None else _parsed_references(text)


def _parsed_references(text: str) -> list[Reference]:
    """`references` by markdown-it: its blocks, and the inline syntax of those that can hold a link."""
    md = _block_parser()
    env: dict = {}
    tokens = md.parse(text, env)
    defined = bool(env.get("references"))
    for token in tokens:
        if token.type == "inline" and ("](" in token.content or (defined and "]" in token.content)):
            token.children = []
            md.inline.parse(token.content, md, env, token.children)
    return _fix_links(tokens, text.split("\n"))


def _plain_references(text: str) -> list[Reference] | None:
    """`references` of a plain body (see `plainmd`), found without markdown-it; None for any other body."""
    plain = plainmd.links(text)
    if plain is None:
        return None
    lines = text.split("\n")
    return [_reference(kind, url, (first, end), lines) for kind, url, first, end in plain]


def _commonmark() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported once a body is parsed: not when every body is in the memo

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return _commonmark()


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """The same parser stopping after the blocks: `references` parses the inline syntax where it matters."""
    md = _commonmark()
    md.core.ruler.disable(["inline", "text_join"])
    return md


def render(text: str) -> tuple[str, str, list[Reference]]:
    """HTML for the page, plain text for the search index and the body's links and images."""
    md = _parser()
    tokens = md.parse(text)
    _shift_headings(tokens)
    references = _fix_links(tokens, text.split("\n"))
    html = md.renderer.render(tokens, md.options, {})
    plain = " ".join(
        child.content for t in tokens if t.type == "inline" for child in (t.children or ()) if child.type == "text"
    )
    return html, plain, references


Rendered = tuple[str, str, list[Reference]]


class Memo:
    """Rendered bodies kept between runs in the render cache, keyed on the Markdown's hash, so a second
    build of the same radar renders no Markdown, and `radar check` after a build parses none.

    One entry per radar folder and code version (`code()`: a hash of the generator and its libraries),
    so other code never reads it.  `read`/`store` are the render cache's own (digest-checked, bounded);
    it is stored again only when the set of bodies changed, with just the bodies in use.
    """

    def __init__(
        self,
        folder: Path,
        radar: Path,
        code: Callable[[], str],
        read: Callable[[Path, str], bytes | None],
        store: Callable[[Path, str, bytes], None] | None = None,
    ) -> None:
        place = hashlib.sha256(str(radar.absolute()).encode()).hexdigest()[:16]
        self.folder, self._prefix, self._code, self._store = folder, f"markdown-{place}-", code, store
        self._read = read
        self.used: dict[str, list] = {}

    @cached_property
    def known(self) -> dict[str, list]:
        """The kept bodies, read when first asked for: `radar check` asks only for a body that is not plain."""
        known: object = {}
        try:
            # `code` hashes the generator's files: not worked out while no memo of this radar was kept
            if any(name.startswith(self._prefix) for name in os.listdir(self.folder)):
                known = json.loads(self._read(self.folder, self.name) or b"{}")
        except (OSError, ValueError):
            known = {}
        return known if isinstance(known, dict) else {}

    @property
    def name(self) -> str:
        return f"{self._prefix}{self._code()[:16]}.json"

    def _found(self, key: str) -> Rendered | None:
        found = self.used.get(key) or self.known.get(key)
        try:
            html, plain, refs = found  # type: ignore[misc]
            return str(html), str(plain), [Reference(str(k), str(u), int(line), int(col)) for k, u, line, col in refs]
        except (TypeError, ValueError):
            return None

    def render(self, text: str) -> Rendered:
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        found = self._found(key)
        if found is None:
            found = render(text)
        html, plain, refs = found
        self.used[key] = [html, plain, [[r.kind, r.url, r.line, r.column] for r in refs]]
        return found

    def references(self, text: str) -> list[Reference]:
        """The body's links and images: a plain body's found at once (quicker than hashing the code to
        find the memo and reading it), any other's from the memo, else parsed (without rendering)."""
        plain = _plain_references(text)
        if plain is not None:
            return plain
        found = self._found(hashlib.sha256(text.encode("utf-8")).hexdigest())
        return found[2] if found is not None else _parsed_references(text)  # not plain: asked once above

    def save(self) -> None:
        if self._store is not None and self.used and self.used.keys() != self.known.keys():
            self._store(self.folder, self.name, json.dumps(self.used, sort_keys=True).encode("utf-8"))
