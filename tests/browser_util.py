"""Helpers for the real-browser tests: which pages to visit, and a link crawler.

Page types are discovered from the built site rather than listed by hand, so a
page family added later (archive, search, capability cells, ...) is visited by
the accessibility and browser tests without anyone remembering to add it.
"""

from __future__ import annotations

import posixpath
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Pages every sample build must have (site path -> why): the tests assert these exist.
CORE_PAGES = {
    "index.html": "home with radar",
    "quadrants/*": "quadrant",
    "blips/*": "blip",
    "rings/*": "ring",
    "tags/*": "tag",
    "capabilities/index.html": "capability model",
    "capabilities/*": "capability cell",
    "initiatives/index.html": "initiatives",
    "initiatives/*": "initiative",
    "moves.html": "ring moves",
    "editions/index.html": "archive",
    "editions/*/index.html": "an earlier edition",
    "search.html": "search",
}

# resultTypes: the tests read only the violations, which axe still reports in full (every failing node);
# the passes and the rest keep one node per rule instead of a CSS selector worked out for every node of the
# page and sent back: 30-60% of an axe run on the picture and capability pages (1177 nodes passed on index).
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def _type_key(rel: str) -> str:
    """The page type of a site path: each top-level file is its own type; in folders, index pages
    are one type and every other page one more. Segments holding digits (editions such as
    `2026-Q3`) are wildcards, so an archive of twenty editions is still one type per template."""
    parts = rel.split("/")
    if len(parts) == 1:
        return rel
    folders = ["*" if re.search(r"\d", p) else p for p in parts[:-1]]
    name = "index.html" if parts[-1] == "index.html" else "*"
    return "/".join([*folders, name])


def page_types(site: Path) -> dict[str, str]:
    """Page type -> one representative site path (the first in sorted order, so runs are stable).

    Blip pages come in two kinds that use different parts of the template (with and without an
    algorithm leaflet, on the radar or retired); the richest one is picked so that most of the
    template is checked."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        found.setdefault(_type_key(rel), []).append(rel)
    chosen = {key: paths[0] for key, paths in found.items()}
    if "blips/*" in found:
        chosen["blips/*"] = max(found["blips/*"], key=lambda rel: (site / rel).stat().st_size)
    return chosen


def missing_core(types: dict[str, str]) -> list[str]:
    return [key for key in CORE_PAGES if key not in types]


class _Refs(HTMLParser):
    """Every reference a page makes (a/link href, script/img src, svg use href) and every id it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (tag, url)
        self.ids: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("a", "link") and a.get("href"):
            self.refs.append((tag, a["href"]))
        elif tag in ("script", "img", "source", "iframe") and a.get("src"):
            self.refs.append((tag, a["src"]))
        elif tag == "use" and (a.get("href") or a.get("xlink:href")):
            self.refs.append((tag, a.get("href") or a.get("xlink:href")))

    handle_startendtag = handle_starttag


@dataclass
class Crawl:
    """What a crawl found: pages read, problems (one line each), and links that leave the site."""

    pages: dict[str, list[str]] = field(default_factory=dict)  # url -> ids on the page
    problems: list[str] = field(default_factory=list)
    external: list[tuple[str, str]] = field(default_factory=list)  # (page, url)
    fetched: set[str] = field(default_factory=set)


def _fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a URL (http:// or file://); 404 for a missing file."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - only loopback and file URLs
            return getattr(response, "status", None) or 200, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""
    except (urllib.error.URLError, OSError):
        return 404, "", b""


def _inside(url: str, root: str) -> bool:
    return url.startswith(root)


def crawl(root: str, start: str = "index.html", workers: int = 8) -> Crawl:
    """Follow every reference from `start` breadth-first, staying under `root` (an http:// or file://
    URL ending in '/'). Every target must load (HTTP 200, or an existing file) and every fragment
    must name an id on its target page."""
    result = Crawl()
    fragments: list[tuple[str, str, str]] = []  # (from page, target url, fragment)
    queue = [root + start]
    result.fetched.add(root + start)
    with ThreadPoolExecutor(workers) as pool:
        while queue:
            batch, queue = queue, []
            for url, (status, ctype, body) in zip(batch, pool.map(_fetch, batch), strict=True):
                if status != 200:
                    result.problems.append(f"{url}: status {status}")
                    continue
                if not (url.endswith((".html", ".svg")) or "text/html" in ctype):
                    continue
                parser = _Refs()
                parser.feed(body.decode("utf-8"))
                result.pages[url] = parser.ids
                for tag, ref in parser.refs:
                    target = urllib.parse.urljoin(url, ref)
                    base, _, fragment = target.partition("#")
                    if not _inside(base, root):
                        if tag in ("a",) and re.match(r"(https?|mailto):", ref):
                            result.external.append((url, ref))
                        else:
                            result.problems.append(f"{url}: <{tag}> {ref} leaves the site")
                        continue
                    if ref.startswith("/") or re.match(r"[a-z]+:", ref):
                        result.problems.append(f"{url}: <{tag}> {ref} is not a relative link")
                    if fragment:
                        fragments.append((url, base, urllib.parse.unquote(fragment)))
                    if base not in result.fetched:
                        result.fetched.add(base)
                        queue.append(base)
    for page, target, fragment in fragments:
        ids = result.pages.get(target)
        if ids is not None and fragment not in ids:
            result.problems.append(f"{page}: #{fragment} is not an id on {target}")
    return result


def duplicate_ids(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({i for i in ids if i in seen or seen.add(i)})


def site_path(url: str, root: str) -> str:
    return posixpath.normpath(url[len(root) :]) if url.startswith(root) else url


def format_violations(path: str, violations: list[dict]) -> list[str]:
    """One line per failing element: the page, axe's rule id, the element and where to read more."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(f"{path}: {v['id']} ({v.get('impact')}) at {target}: {v['help']} <{v['helpUrl']}>")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"    {summary[:300]}")
    return lines


class Outline(HTMLParser):
    """What a page offers assistive technology without running it: headings in order, landmarks,
    link names, image alternatives, ids, the title and the language."""

    LANDMARKS = {"main": "main", "header": "banner", "footer": "contentinfo", "nav": "navigation"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[int] = []
        self.landmarks: list[str] = []
        self.ids: list[str] = []
        self.lang: str | None = None
        self.title = ""
        self.nameless_links: list[str] = []
        self.images_without_alt: list[str] = []
        self._in_title = False
        self._links: list[list] = []  # open <a>: [href, text so far, has aria-label]
        self._depth = 0  # nesting inside header/footer of <article>/<section> (not page landmarks)
        self._svg = 0  # inside an inline <svg>, whose <title> elements name shapes, not the page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "svg":
            self._svg += 1
        elif tag == "title" and not self._svg:
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag in ("article", "section", "aside"):
            self._depth += 1
        if tag in self.LANDMARKS and not (tag in ("header", "footer") and self._depth):
            self.landmarks.append(self.LANDMARKS[tag])
        if a.get("role") in ("main", "banner", "contentinfo", "navigation", "search"):
            self.landmarks.append(str(a["role"]))
        if tag == "a" and (a.get("href") is not None):
            self._links.append([a["href"], "", bool((a.get("aria-label") or "").strip())])
        if tag == "img" and a.get("alt") is None:
            self.images_without_alt.append(str(a.get("src")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "svg":
            self._svg -= 1
        elif tag in ("article", "section", "aside"):
            self._depth -= 1
        elif tag == "a" and self._links:
            href, text, labelled = self._links.pop()
            if not (text.strip() or labelled):
                self.nameless_links.append(href)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        for link in self._links:
            link[1] += data

    def heading_skips(self) -> list[str]:
        """Places where the outline jumps down more than one level (h2 -> h4), or starts below h1."""
        skips, previous = [], 0
        for level in self.headings:
            if level > previous + 1:
                skips.append(f"h{previous} -> h{level}" if previous else f"starts at h{level}")
            previous = level
        return skips


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser
