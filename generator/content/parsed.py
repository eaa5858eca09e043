"""Content files parsed once and kept while unchanged: the live preview reloads every file on every
save, and a thousand blips must not be parsed (or their Markdown rendered) again each time."""

from __future__ import annotations

import os
import time
from pathlib import Path

from . import markup
from .files import inside
from .model import Reference
from .problems import Problems
from .source import Document, read_front_matter_file, read_yaml_file

# Parsed front matter per file, and its Markdown rendered (or only its links found) once asked for,
# reused while the file is unchanged (the live preview reloads every file on every save).
_parsed: dict[Path, tuple[tuple[int, int, str] | None, Document | None, list, dict[str, tuple[str, str, tuple]]]] = {}

# A file's modification time has the file system's granularity (a clock tick, up to 10 ms here), so a file
# read within a tick of being written can be written again with the same time and size, and look unchanged.
# Such a file is read again on the next load, until its time is older than this (as git does with its index).
RACY_NS = 100_000_000


def _key(stat: os.stat_result, language: str) -> tuple[int, int, str] | None:
    """What tells a file's versions apart; None for a version too recent to be told from the next one."""
    if time.time_ns() - stat.st_mtime_ns < RACY_NS:
        return None
    return (stat.st_mtime_ns, stat.st_size, language)


def parse_cached(path: Path, problems: Problems) -> Document | None:
    key = _key(path.stat(), problems.language)
    cached = _parsed.get(path)
    if cached is None or key is None or cached[0] != key:
        scratch = problems.scratch()
        cached = (key, read_front_matter_file(path, scratch), scratch.items, {})
        _parsed[path] = cached
    problems.items.extend(cached[2])
    return cached[1]


# radar.yaml and capabilities.yaml, kept like the Markdown files while unchanged.
_yaml_docs: dict[Path, tuple[tuple[int, int, str] | None, Document | None, list]] = {}


def read_yaml_cached(path: Path, problems: Problems) -> Document | None:
    """The YAML file, parsed again only when its mtime or size changed (live preview rebuilds)."""
    real = inside(path, problems)
    if real is None:
        return None
    key = _key(real.stat(), problems.language)
    cached = _yaml_docs.get(path)
    if cached is None or key is None or cached[0] != key:
        scratch = problems.scratch()
        cached = (key, read_yaml_file(path, scratch), scratch.items)
        _yaml_docs[path] = cached
    problems.items.extend(cached[2])
    return cached[1]


memo: markup.Memo | None = None  # this load's rendered bodies from earlier runs, if the caller keeps them


def body_of(path: Path, bodies: bool = True) -> tuple[str, str, tuple]:
    """The file's Markdown body as HTML and as plain text, and its links and images at their file lines,
    made once per version of the file.  Without `bodies` (`radar check`) only the links are found: a
    body holding no link syntax is not parsed at all, and no body is rendered."""
    rendered, doc = _parsed[path][3], _parsed[path][1]
    text, first = (doc.body, doc.body_line) if doc is not None else ("", 0)
    if bodies and ("body" not in rendered or memo):  # the memo records every body in use, to keep them
        html, plain, found = memo.render(text) if memo else markup.render(text)
        rendered["body"] = (html, plain, _in_file(found, first))
    if "body" in rendered:
        return rendered["body"] if bodies else ("", "", rendered["body"][2])
    if "links" not in rendered:
        found = []
        if "](" in text or "]:" in text:
            found = memo.references(text) if memo else markup.references(text)
        rendered["links"] = ("", "", _in_file(found, first))
    return rendered["links"]


def _in_file(found: list[Reference], first: int) -> tuple[Reference, ...]:
    """The body's links at their lines in the file (made anew: `dataclasses.replace` looks up the fields
    each time, a few microseconds a link)."""
    return tuple(Reference(r.kind, r.url, first + r.line, r.column) for r in found)
