"""Other tools' text made safe and readable: mojibake repaired, HTML turned into Markdown.

Descriptions arrive as HTML (Thoughtworks, Backstage) and sometimes double-encoded
('TomcatÂ®'); the site shows Markdown and never raw tags, so HTML is converted by a parser
(markdownify on BeautifulSoup), never by regular expressions.

ftfy and markdownify (with BeautifulSoup, a third of a second to import) are loaded by the first
text that needs them: `radar build` writes the exports through this package but converts nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from ..content import markup

_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z/!]")


def repair(text: str) -> str:
    """Mojibake undone ('TomcatÂ®' -> 'Tomcat®'); nothing else about the text changes."""
    import ftfy

    return ftfy.fix_encoding(text)


@functools.cache
def _converter() -> type:
    from markdownify import MarkdownConverter

    class Converter(MarkdownConverter):
        """markdownify with a say over every link: `resolve` maps an href to the one the radar uses,
        or to None when it leads nowhere in the radar (the link text stays, the link goes)."""

        def __init__(self, resolve: Callable[[str], str | None], **options: Any) -> None:
            super().__init__(**options)
            self.resolve = resolve

        def convert_a(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
            href = el.get("href") or ""
            target = self.resolve(href)
            if target is None:
                return text
            el["href"] = target
            return super().convert_a(el, text, parent_tags)

        def convert_img(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
            src = el.get("src") or ""
            target = self.resolve(src)
            if target is None:
                return el.get("alt") or ""
            el["src"] = target
            return super().convert_img(el, text, parent_tags)

    return Converter


def keep_external(href: str) -> str | None:
    """Links to elsewhere stay; a relative link from another site would be broken here."""
    return href if _EXTERNAL.match(href) else None


def html_to_markdown(html: str, resolve: Callable[[str], str | None] = keep_external) -> str:
    """Markdown for an HTML fragment; plain text is passed through as it is (no tags to convert)."""
    if not _TAG.search(html):
        return html.strip()
    text = _converter()(resolve, heading_style="ATX", bullets="-", strip=["script", "style"]).convert(html)
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line if line.strip() else "" for line in lines)).strip()


def plain(markdown: str) -> str:
    """The text of a Markdown fragment on one line, for summaries and notes."""
    return " ".join(markup.render(markdown)[1].split())


def excerpt(text: str, limit: int = 200) -> str:
    """The first sentence, at most `limit` characters."""
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
