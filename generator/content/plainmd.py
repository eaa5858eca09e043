"""Where the links of a plain Markdown body are, found without markdown-it, for `radar check`.

On a radar never built, `radar check` parsed every body with markdown-it's block parser (a loop of
Python rules over every line) only to find its links: most of its Markdown time, plus importing
markdown-it.  Most blip bodies are plain: paragraphs, `#` headings, list items of one line (or lazily
continued), and links like `[text](other-blip.md)`.  For those, the blocks are a matter of blank lines
and line starts, and a link is a simple pattern.

`links(text)` gives each link and image as (kind, url, first line, end line) of its block, in
markdown-it's order, or None as soon as the body holds anything this module does not follow exactly
(indentation, tabs, block quotes, fences, rules, setext underlines, tables, reference definitions,
empty list items, and in a block with a link: code spans, `<`, backslashes, or a bracket that is not
part of a simple link).  markdown-it then parses the body, so the answer is always markdown-it's:
tests/test_plainmd.py compares the two on thousands of generated bodies.  Every step is a regular
expression or a scan without backtracking across lines: linear in the body, whatever it holds.
"""

from __future__ import annotations

import re

# markdown-it's mdTrim characters (its CommonMark whitespace and the Unicode spaces), pinned by a test:
# importing markdown_it to read them would cost what this module saves.
TRIM = "\t\n\x0b\x0c\r \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

_UNFOLLOWED = ("\t", "\r", "\0", "|", "]:")  # tabs, line ends, tables and reference definitions
_STARTS_BLOCK = frozenset(" >`~-*_=+#0123456789")  # a line starting otherwise is paragraph text
_HEADING = re.compile(r"(#{1,6})(?: |$)")
_ITEM = re.compile(r"(?:([-*+])|([0-9]{1,9})([.)]))( *)")  # a list marker and the spaces after it
# A link or image with a plain page path, or with a web address (which no build records: any brackets
# of its own are accounted for, and it holds none of the characters that could end it elsewhere).
_LINK = re.compile(r"(!?)\[[^\[\]]*\]\((?:((?!//)[A-Za-z0-9._~/#-]+)|[A-Za-z][A-Za-z0-9+.-]*:[^\s()\[\]<>\\]*)\)")
_NOT_IN_LINK_BLOCK = re.compile(r"[`<\\]")

PARAGRAPH, HEADING, BULLET, ORDERED = range(4)
Links = list[tuple[str, str, int, int]]


def links(text: str) -> Links | None:
    """The body's links and images as (kind, url, first, end) with their block's lines, or None."""
    if any(part in text for part in _UNFOLLOWED):
        return None
    lines = text.split("\n")
    kinds = []
    for line in lines:
        if not line.strip(" "):
            kinds.append(-1)
        elif line[0] not in _STARTS_BLOCK:
            kinds.append(PARAGRAPH)  # most lines: said here, without a call
        else:
            line_kind = _kind(line)
            if line_kind is None:
                return None
            kinds.append(line_kind)
    found: Links = []
    count, i = len(lines), 0
    while i < count:
        kind = kinds[i]
        if kind < 0:
            i += 1
        elif kind == HEADING:
            if "](" in lines[i] and not _block(_heading_text(lines[i]), i, i + 1, found):
                return None
            i += 1
        elif kind == PARAGRAPH:
            end = _paragraph_end(kinds, lines, i + 1, in_item=False)
            block = "\n".join(lines[i:end])
            if "](" in block and not _block(block.strip(TRIM), i, end, found):  # trimming keeps a '](' as it is
                return None
            i = end
        else:
            i = _list(kinds, lines, i, found)
            if i < 0:
                return None
    return found


def _kind(line: str) -> int | None:
    """What a line starting a block at the left margin is, or None for what this module does not follow."""
    first = line[0]
    if first not in _STARTS_BLOCK:
        return PARAGRAPH
    if first in " >" or line.startswith(("```", "~~~")):
        return None  # indented, a block quote or a fence
    if first in "-*_=+" and len(set(line.replace(" ", ""))) == 1:
        return None  # a rule, a setext underline or an empty list item
    if first == "#":
        return HEADING if _HEADING.match(line) else PARAGRAPH
    if first in "-*+0123456789":
        item = _item(line)
        if item is not None:
            kind, content = item
            return kind if content and _kind(content) == PARAGRAPH else None
    return PARAGRAPH


def _item(line: str) -> tuple[int, str] | None:
    """A list item's kind and the text after its marker ("" when markdown-it would not see plain text
    there: no space, more than four spaces, or nothing), or None when the line is no list item."""
    match = _ITEM.match(line)
    if match is None:
        return None
    rest = line[match.end() :]
    if not match.group(4):
        return None if rest else (BULLET if match.group(1) else ORDERED, "")
    kind = BULLET if match.group(1) else ORDERED
    return kind, (rest if rest and len(match.group(4)) <= 4 else "")


def _marker(line: str) -> str:
    match = _ITEM.match(line)
    assert match is not None
    return match.group(1) or match.group(3)


def _paragraph_end(kinds: list[int], lines: list[str], i: int, in_item: bool) -> int:
    """The line after a paragraph: a blank line, a heading, or a list item that may interrupt it (at the
    margin only a bullet or a list starting at 1; inside a list item any item)."""
    while i < len(kinds):
        kind = kinds[i]
        if kind < 0 or kind in (HEADING, BULLET):
            break
        if kind == ORDERED and (in_item or int(_ITEM.match(lines[i]).group(2)) == 1):  # type: ignore[union-attr]
            break
        i += 1
    return i


def _list(kinds: list[int], lines: list[str], i: int, found: Links) -> int:
    """Read one list from line `i`: each item's paragraph, until a line that is not the next item of
    the same kind and marker.  The line after the list, or -1 to give up."""
    kind, marker = kinds[i], _marker(lines[i])
    while True:
        match = _ITEM.match(lines[i])
        assert match is not None
        end = _paragraph_end(kinds, lines, i + 1, in_item=True)
        text = "\n".join([lines[i][match.end() :], *lines[i + 1 : end]]).strip(TRIM)
        if not _block(text, i, end, found):
            return -1
        i = end
        while i < len(kinds) and kinds[i] < 0:
            i += 1
        if i >= len(kinds) or kinds[i] != kind or _marker(lines[i]) != marker:
            return i


def _block(text: str, first: int, end: int, found: Links) -> bool:
    """Add the links of one block's inline text; false when they are not simple enough to be sure of."""
    if "](" not in text:
        return True
    if _NOT_IN_LINK_BLOCK.search(text):
        return False
    matches = list(_LINK.finditer(text))
    if text.count("[") != len(matches) or text.count("]") != len(matches):
        return False
    found.extend(("image" if m.group(1) else "link", m.group(2), first, end) for m in matches if m.group(2))
    return True


def _heading_text(line: str) -> str:
    """An ATX heading's text as markdown-it takes it: without its marks and a closing run of '#'."""
    level = len(_HEADING.match(line).group(1))  # type: ignore[union-attr]
    text = line[level:].rstrip(" ")
    unclosed = text.rstrip("#")
    if unclosed and unclosed[-1] == " ":
        text = unclosed
    return text.strip(TRIM)
