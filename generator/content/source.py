"""Reading content files: UTF-8 text, front matter, and YAML that remembers where each value stood.

PyYAML's composed node tree carries a mark (line, column) for every key and
value; we keep it next to the plain data so every later check can point an
author at the exact spot in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .files import read_bytes
from .problems import WARNING, Problems
from .yaml_errors import front_matter_end, looks_like_prose, report_syntax_error

Key = str | int


@dataclass
class Document:
    """One YAML document (a whole file or a file's front matter) with its marks.

    The node tree that holds the marks is composed again from `yaml_text` when first asked for,
    not kept from the parse: most files have no problem to point at, and a thousand files' trees
    (three objects a value) were most of what the collector walked during a load, and what the
    process freed on its way out.
    """

    path: Path
    data: Any
    _node: yaml.Node | None
    first_line: int  # 1-based line of the file where the YAML text starts
    body: str = ""
    body_line: int = 0
    yaml_text: str = ""
    # Whether a value of this file may hold a control character, once schema.read_fields has looked.
    controls: bool | None = field(default=None, compare=False, repr=False)

    @property
    def node(self) -> yaml.Node | None:
        if self._node is None and self.yaml_text:
            loader = LOADER(self.yaml_text)
            try:
                self._node = loader.get_single_node()  # parsed once already: it composes as it did then
            finally:
                loader.dispose()
        return self._node

    def where(self, *path: Key, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`, or of its key when `key` is true.

        Falls back to the nearest enclosing node that exists, so a message about
        a missing field still points inside the right mapping.
        """
        node, key_node = self.node, None
        for step in path:
            found = _child(node, step)
            if found is None:
                break
            key_node, node = found
        target = key_node if (key and key_node is not None) else node
        if target is None:
            return self.first_line, 1
        return self.first_line + target.start_mark.line, target.start_mark.column + 1


def _child(node: yaml.Node | None, step: Key) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == step:
                return k, v
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None


def read_text(path: Path, problems: Problems) -> str | None:
    """The file as text, or None after reporting why it cannot be read or where the first byte that is
    not UTF-8 sits."""
    raw = read_bytes(path, problems)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.add(
            path,
            line,
            column,
            problems.t("check.not_utf8", byte=f"0x{raw[exc.start]:02x}"),
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


# libyaml's loader gives the same nodes and marks as the pure-Python one, about ten times faster:
# at ten thousand blip files, parsing front matter was most of the load time (see bench/README.md).
_RESOLVER = yaml.resolver.Resolver()  # the safe loaders' resolver: no path resolvers, so a value's tag is
# a function of the value alone, and the same keys, ids and editions come back in every file


@lru_cache(maxsize=4096)
def _resolve(kind: type, value: str | None, implicit: Any) -> str:
    return _RESOLVER.resolve(kind, value, implicit)  # type: ignore[arg-type]


# The characters a plain value that is not text (a bool, a number, null, a date, '<<', ...) can start with:
# one starting with any other is text, by the resolver's own rule, without a look-up.  Titles, notes and
# summaries are mostly new to the cache, and resolving them was a quarter of composing a blip's front matter.
_IMPLICIT_FIRST = frozenset(_RESOLVER.yaml_implicit_resolvers)
_TEXT_ANYWAY = None not in _IMPLICIT_FIRST and not _RESOLVER.yaml_path_resolvers  # no resolver for every value
# Of YAML 1.1's implicit forms only a date and time may hold a space ('2001-12-14 21:59:43.10 -5'): a value
# with a space is text when its first character starts no date ('Toezicht op ...', 'Netwerk ...').
_SPACED = "tag:yaml.org,2002:timestamp"
_WORDS_ONLY = frozenset(
    first
    for first, resolvers in _RESOLVER.yaml_implicit_resolvers.items()
    if first and all(tag != _SPACED for tag, _ in resolvers)
)


def _resolve_tag(kind: type, value: str | None, implicit: Any) -> str:
    if _TEXT_ANYWAY and kind is yaml.ScalarNode and implicit[0] and value:
        first = value[0]
        if first not in _IMPLICIT_FIRST or (first in _WORDS_ONLY and " " in value):
            return STR
    return _resolve(kind, value, implicit)


class LOADER(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, resolving each plain value's tag once per process rather than once per value."""

    resolve = staticmethod(_resolve_tag)


def parse_yaml(path: Path, text: str, problems: Problems, first_line: int = 1) -> Document | None:
    """Parse YAML text; syntax errors, duplicate keys, aliases and oversized numbers become problems with their marks.

    Content arrives by pull request, so the node tree is checked before anything is built from it:
    one pass that visits every node once finds duplicate keys and refuses aliases, which is what
    makes a 20-byte recursive alias or a "billion laughs" document harmless (see `_walk`).
    """
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        data = _plain(loader, node) if "*" not in text and not _HASHTAG.search(text) else _Unusual
        if data is _Unusual:
            if not _walk(path, text, node, problems, first_line):
                return None
            data = _construct(loader, node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        report_syntax_error(path, text, exc, problems, first_line)
        return None
    except yaml.reader.ReaderError:  # at a byte offset (libyaml) or a character's (PyYAML): found again here
        _report_unprintable(path, text, problems, first_line)
        return None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        problems.add(path, first_line, 1, problems.t("check.yaml_error", what=exc))
        return None
    finally:
        loader.dispose()
    return Document(path, data, None, first_line, yaml_text=text)


# What YAML 1.1 allows in a document (PyYAML's Reader.NON_PRINTABLE is the complement).
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _report_unprintable(path: Path, text: str, problems: Problems, first_line: int) -> None:
    found = _NOT_YAML.search(text)
    at = found.start() if found else 0
    line = text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1)
    code = f"{ord(text[at]):04X}" if found else "?"
    excerpt = text.split("\n")[line]
    problems.add(path, first_line + line, column + 1, problems.t("check.yaml_unprintable", code=code), excerpt=excerpt)


STR, SEQ, MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Unusual(Exception):
    """A node the short way does not handle (a merge key, a key that is not text, a node that holds itself)."""


def _plain(loader: Any, node: yaml.Node | None) -> Any:
    """The data of a tree that holds nothing to report, checked and built in one pass; `_Unusual` for any
    other tree, which `_walk` then checks and `_construct` builds.

    Most files are plain: text keys once each, no number too long, and (the caller's test of the text)
    no alias (no '*') and no value a ' #' may have cut.  Whatever `_walk` reports must send a tree there.
    Checking and building them in one pass instead of two saved a tenth of `radar check`'s YAML time at a
    thousand blips."""
    if node is None:
        return None
    try:
        return _built(loader, node)
    except Exception:  # a value PyYAML refuses, a tree too deep: the two passes say what is wrong, as ever
        # PyYAML's constructor as if it had never begun (an exception leaves a node marked as being built)
        loader.constructed_objects, loader.recursive_objects, loader.state_generators = {}, {}, []
        loader.deep_construct = False
        return _Unusual


def _construct(loader: Any, node: yaml.Node) -> Any:
    """The data of a tree `_walk` found usable (so without aliases): built as `_plain` builds, or by PyYAML's
    own safe constructor when it holds what `_built` leaves to it (a key given twice, a merge key, a key
    that is not text).  The same values as `construct_document`, in a third of the time (its per-node
    bookkeeping was a fifth of `radar check` on a thousand blips)."""
    try:
        return _built(loader, node)
    except _Unusual:
        return loader.construct_document(node)


def _built(loader: Any, node: yaml.Node) -> Any:
    """Plain strings, lists and mappings built straight from the nodes, any other scalar by PyYAML's safe
    constructor; `_Unusual` raised at a key given twice, a key that is not text, an over-long number or
    any other node."""
    scalar, sequence, mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode

    def build(n: yaml.Node) -> Any:
        kind = n.__class__
        if kind is scalar:
            if n.tag == STR:
                return n.value
            if n.tag == INT_TAG and len(n.value) > MAX_DIGITS:
                raise _Unusual
            return loader.construct_object(n, deep=True)
        if kind is sequence and n.tag == SEQ:
            return [build(item) for item in n.value]
        if kind is mapping and n.tag == MAP:
            value: dict[str, Any] = {}
            for k, v in n.value:
                if k.__class__ is not scalar or k.tag != STR or k.value in value:
                    raise _Unusual
                value[k.value] = build(v)
            return value
        raise _Unusual

    return build(node)


INT_TAG = "tag:yaml.org,2002:int"
MAX_DIGITS = 100  # far beyond any count or year; Python refuses to convert beyond 4300 digits


def _walk(path: Path, text: str, node: yaml.Node | None, problems: Problems, first_line: int) -> bool:
    """Report duplicate keys, aliases and numbers too long to be numbers; true when the tree is usable.

    PyYAML composes an alias as the very node its anchor names, so a node met twice is an alias:
    the walk keeps a visited set and never enters a node twice, which bounds it by the file's size
    whatever the aliases do. Aliases are refused outright: no radar file needs them, and a value
    repeated through aliases can grow without bound once constructed.  (`_plain` builds the trees that
    have nothing to report here without this walk: a new check here must make `_plain` refuse its trees.)
    """
    usable = True
    aliased = False
    plain: list[yaml.ScalarNode] | None = [] if _HASHTAG.search(text) else None  # values a '#' may have cut
    seen_nodes: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        if id(current) in seen_nodes:
            aliased = True
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, v in current.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        problems.add(
                            path,
                            first_line + k.start_mark.line,
                            k.start_mark.column + 1,
                            problems.t("check.key_twice", key=k.value, line=seen[k.value]),
                        )
                    seen.setdefault(k.value, first_line + k.start_mark.line)
                if plain is not None and isinstance(v, yaml.ScalarNode) and not v.style and v.tag == STR:
                    plain.append(v)
                stack.extend((k, v))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif current.tag == INT_TAG and len(current.value) > MAX_DIGITS:
            problems.add(
                path,
                first_line + current.start_mark.line,
                current.start_mark.column + 1,
                problems.t("hardening.number_too_long", digits=len(current.value)),
            )
            usable = False
    if aliased:
        _report_aliases(path, text, problems, first_line)
        usable = False
    if plain:
        _report_cut_values(path, text, plain, problems, first_line)
    return usable


# ' #123', ' #tag': a '#' after one space and before a word starts a YAML comment, though it reads as text
# (a comment written as one is, '  # note', is left alone).
_HASHTAG = re.compile(r" #[^\s#]")


def _report_cut_values(
    path: Path, text: str, values: list[yaml.ScalarNode], problems: Problems, first_line: int
) -> None:
    """A warning for each unquoted value that a '#' on its last line cut short: 'summary: Zie #123' is 'Zie'."""
    lines = text.split("\n")
    for node in values:
        end = node.end_mark
        rest = lines[end.line][end.column :] if end.line < len(lines) else ""
        if _HASHTAG.match(rest) is None:
            continue
        comment = rest[1:].rstrip()
        problems.add(
            path,
            first_line + end.line,
            end.column + 2,
            problems.t("check.cut_by_comment", value=node.value, comment=comment, whole=f"{node.value} {comment}"),
            WARNING,
            excerpt=lines[end.line],
        )


def _report_aliases(path: Path, text: str, problems: Problems, first_line: int) -> None:
    """Each alias (`*name`) at its own line and column; only run when the walk met one."""
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            problems.add(
                path,
                first_line + event.start_mark.line,
                event.start_mark.column + 1,
                problems.t("hardening.alias", anchor=event.anchor),
            )


def read_yaml_file(path: Path, problems: Problems) -> Document | None:
    text = read_text(path, problems)
    return None if text is None else parse_yaml(path, text, problems)


# The line that closes front matter ('---' or '...', then only spaces: `str.rstrip`'s), and a blank line,
# each with the line end before it: a pattern that starts with a character is searched for it at C speed,
# where one anchored with `^` is tried at every position (a third of cutting the file, both).
_CLOSE = re.compile(r"\n(?:---|\.\.\.)[^\S\n]*(?=\n|\Z)")
_BLANK = re.compile(r"\n[^\S\n]*\n")


def read_front_matter_file(path: Path, problems: Problems) -> Document | None:
    """A Markdown file that starts with '---', YAML fields, '---', then the Markdown body.

    Cut where the lines begin and end, not split into lines and joined again: the body is most of the
    file, and only front matter missing its closing line needs the file as lines."""
    text = read_text(path, problems)
    if text is None:
        return None
    first = text.find("\n")
    if (text if first < 0 else text[:first]).rstrip() != "---":
        problems.add(
            path,
            1,
            1,
            problems.t("check.no_front_matter"),
        )
        return None
    close = _CLOSE.search(text, first) if first >= 0 else None
    if close is None:
        lines = text.split("\n")
        _front_matter_open(path, lines, front_matter_end(lines, len(lines))[0], problems)
        return None
    end = text.count("\n", 0, close.end())  # the closing line's index
    yaml_text = text[first + 1 : close.start() + 1] or "\n"
    # Text after a blank line, and a '---' of its own (a Markdown horizontal rule) further down that
    # seems to close the front matter: when its YAML then fails, the missing '---' is the mistake to
    # name.  Without a blank line in the front matter that cannot be the case.
    lines = text[: close.end()].split("\n") if _BLANK.search("\n" + yaml_text) else []
    last, prose = front_matter_end(lines, end) if lines else (0, None)
    if last > 0 and prose is not None and not lines[prose - 1].strip() and looks_like_prose(lines[prose]):
        scratch = problems.scratch()
        doc = parse_yaml(path, yaml_text, scratch, first_line=2)
        if doc is None:
            _front_matter_open(path, lines, last, problems)
            return None
        problems.items.extend(scratch.items)
    else:
        doc = parse_yaml(path, yaml_text, problems, first_line=2)
    if doc is None:
        return None
    if doc.data is None:
        doc.data = {}
    doc.body = text[close.end() + 1 :]
    doc.body_line = end + 2
    return doc


def _front_matter_open(path: Path, lines: list[str], last: int, problems: Problems) -> None:
    """The unclosed front matter, pointed at the end of its last field: where the '---' goes."""
    message = problems.t("check.front_matter_open")
    if last <= 0:
        problems.add(path, 1, 1, message)
    else:
        problems.add(path, last + 1, len(lines[last].rstrip()) + 1, message, excerpt=lines[last])
