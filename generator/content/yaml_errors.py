"""YAML syntax errors said the way an author can act on them.

PyYAML (and libyaml, which words its errors differently) reports where the *parser* gave up,
in parser terms: a missing ']' on line 6 comes out as "while parsing a flow sequence did not
find expected ',' or ']'" at line 7, column 13.  An author needs the line where the mistake
was made and what to type there.  So the error's marks and the text around them are read
again here, for the mistakes authors make most (an unclosed bracket or quote, a tab, a field
without its colon, a colon inside a value, wrong indentation), and each is said in the radar's
language at the line and column to fix; anything else keeps PyYAML's own words.  The line
itself goes with the problem, so the terminal and the preview can show it with a caret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problems

QUOTES = "'\""
# A value (after any '- ' marks and 'name: ') that starts with a character YAML reserves.
_VALUE = re.compile(r"^\s*(?:- +)*(?P<key>(?:[^\s#'\"\[\]{}:-][^:]*:\s+)?)(?P<value>[@`%&*!|>?\[{])")
_FIELD = re.compile(r"^[^\s#'\"\[\]{}:-][^:]*:(\s|$)")  # 'name: value' or 'name:' at the start of a line


@dataclass(frozen=True)
class Explained:
    """A mistake found in the text: 0-based line and column in the YAML text, a locale key and its values."""

    line: int
    column: int
    key: str
    values: dict[str, object] = field(default_factory=dict)


def report_syntax_error(
    path: Path, text: str, exc: yaml.MarkedYAMLError, problems: Problems, first_line: int = 1
) -> None:
    """Add the error to `problems` at the spot to fix, with its line of text for the excerpt."""
    lines = text.split("\n")
    found = explain(exc, lines)
    if found is None:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark else (0, 0)
        what = " ".join(s for s in (exc.context, exc.problem) if s)
    else:
        line, column, what = found.line, found.column, problems.t(found.key, **found.values)
    line = max(0, min(line, len(lines) - 1))  # the end of a text without a last line break is on its last line
    excerpt = lines[line]
    problems.add(path, line + first_line, column + 1, problems.t("check.yaml_syntax", what=what), excerpt=excerpt)


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained | None:
    """The author's mistake behind a YAML error, or None when it is none of the common ones."""
    context, problem = exc.context or "", exc.problem or ""
    opened, stopped = exc.context_mark, exc.problem_mark
    if stopped is not None:
        tab = _tab(lines, stopped.line)
        if tab is not None:
            return tab
    if opened is not None and ("flow sequence" in context or "flow mapping" in context or "quoted scalar" in context):
        opener = _char(lines, opened.line, opened.column)
        if "end of stream" in problem or "flow" in context:
            return _unclosed(lines, opened.line, opened.column, opener)
        if "escape" in problem and stopped is not None:
            text = lines[stopped.line] if stopped.line < len(lines) else ""
            at = text.rfind("\\", 0, stopped.column + 1)  # libyaml marks the backslash, PyYAML the letter after it
            return Explained(stopped.line, at if at >= 0 else stopped.column, "check.yaml_backslash")
    for mark in (stopped, opened):
        reserved = _reserved_start(lines, mark.line, mark.column) if mark is not None else None
        if reserved is not None:
            return reserved
    if stopped is None:
        return None
    after_quote = _after_quote(lines, stopped.line, stopped.column) if _expected_more(problem) else None
    if after_quote is not None:
        return after_quote
    if "simple key" in context and opened is not None:
        return _no_colon(lines, opened.line)
    if problem.startswith("mapping values are not allowed"):
        return _colon_or_indent(lines, stopped.line, stopped.column)
    if _expected_more(problem) or "entries are not allowed" in problem:
        return _misaligned(lines, stopped.line)
    return None


def _expected_more(problem: str) -> bool:
    """The parser wanted the next field or item of a block and found something else (libyaml's and PyYAML's words)."""
    return any(s in problem for s in ("expected key", "block end", "'-' indicator"))


def _char(lines: list[str], line: int, column: int) -> str:
    return lines[line][column] if 0 <= line < len(lines) and 0 <= column < len(lines[line]) else ""


def _end(lines: list[str], line: int) -> int:
    """The column just after the last character of a line (where a missing closer goes)."""
    return len(lines[line].rstrip()) if 0 <= line < len(lines) else 0


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _tab(lines: list[str], line: int) -> Explained | None:
    """A tab in the indentation of the line where YAML stopped (YAML indents with spaces only)."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    lead = text[: len(text) - len(text.lstrip(" \t"))]
    return Explained(line, lead.index("\t"), "check.yaml_tab") if "\t" in lead else None


def _unclosed(lines: list[str], line: int, column: int, opener: str) -> Explained | None:
    """A '[', '{' or quote never closed: the end of the line it was opened on, where the closer usually belongs."""
    closers = {"[": "check.yaml_unclosed_list", "{": "check.yaml_unclosed_mapping"}
    if opener in closers:
        key = closers[opener]
        return Explained(line, _end(lines, line), key, {"column": column + 1})
    if opener in QUOTES:
        return Explained(line, _end(lines, line), "check.yaml_unclosed_quote", {"column": column + 1, "quote": opener})
    return None


def _after_quote(lines: list[str], line: int, column: int) -> Explained | None:
    """Text right after a closing quote: most often an apostrophe inside single quotes ('Jan's idee')."""
    if not (0 <= line < len(lines) and 0 < column <= len(lines[line])):
        return None
    before = lines[line][:column].rstrip()
    if not before or before[-1] not in QUOTES or before.count(before[-1]) % 2:
        return None  # no quote, or an opening one
    quote = before[-1]
    key = "check.yaml_after_single_quote" if quote == "'" else "check.yaml_after_double_quote"
    return Explained(line, column, key, {"column": len(before)})


def _no_colon(lines: list[str], line: int) -> Explained | None:
    """A line read as a field name that never gets its ':' ('ring adopt'): the caret goes where the ':' belongs."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    start = _indent(text)
    name = re.match(r"[^\s:]*", text[start:])
    word = name.group() if name else ""
    after = start + len(word)
    if word and text[after : after + 1] == ":":  # 'ring:trial': the colon is there, the space is not
        value = text[after + 1 :].strip()
        return Explained(line, after + 1, "check.yaml_no_space", {"name": word, "value": value})
    return Explained(line, after, "check.yaml_no_colon", {"name": word or "..."})


def _colon_or_indent(lines: list[str], line: int, column: int) -> Explained | None:
    """A ': ' where YAML allows no new field: inside a value on a field's own line, or a line indented too deep."""
    text = lines[line] if 0 <= line < len(lines) else ""
    start = _starts(text)[-1] - 1  # after any '- ' marks
    if _FIELD.match(text[start:]) and text.index(":", start) < column:
        colon = text.index(":", start)
        value = text[colon + 1 :].strip()
        fixed = f"{text[start:colon]}: {_quoted(value)}"
        return Explained(line, column, "check.yaml_colon_in_value", {"fixed": fixed})
    above = _field_column_above(lines, line)
    if _indent(text) + 1 <= above:
        return None  # not deeper after all: some other mistake on this line
    return Explained(line, _indent(text), "check.yaml_indent_deeper", {"column": _indent(text) + 1, "expected": above})


def _quoted(value: str) -> str:
    """The value in quotes that keep it as written: single quotes around a double quote, else double quotes."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reserved_start(lines: list[str], line: int, column: int) -> Explained | None:
    """A value that starts with a character YAML reserves ('*Let op*' in Markdown style, '@team', '[Beta] ...')."""
    text = lines[line] if 0 <= line < len(lines) else ""
    found = _VALUE.match(text)
    if found is None or found.start("value") > column:
        return None
    value = text[found.start("value") :].rstrip()
    if value[0] in "[{" and not re.search(r"[\]}]\s*\S", value):
        return None  # a list or mapping after all: its mistake is elsewhere
    fixed = text[found.start("key") : found.start("value")] + _quoted(value)
    return Explained(line, found.start("value"), "check.yaml_reserved_start", {"char": value[0], "fixed": fixed})


def _field_column_above(lines: list[str], line: int) -> int:
    """The 1-based column where the nearest field above starts (after any '- ' list marks)."""
    for text in reversed(lines[:line]):
        if text.strip() and not text.lstrip().startswith("#"):
            return _starts(text)[-1]
    return 1


def _starts(text: str) -> list[int]:
    """The 1-based columns where a line's content starts: its indentation, and after each '- ' mark."""
    column = _indent(text)
    found = [column + 1]
    while text[column:].startswith("- "):
        column += 2
        column += _indent(text[column:])
        found.append(column + 1)
    return found


def _misaligned(lines: list[str], line: int) -> Explained | None:
    """A line that lines up with no field above it: say the columns it could have meant."""
    if not 0 <= line < len(lines) or not lines[line].strip():
        return None
    columns = sorted(
        {c for text in lines[:line] if text.strip() and not text.lstrip().startswith("#") for c in _starts(text)}
    )
    column = _indent(lines[line])
    if column + 1 in columns:
        return None  # aligned after all: a different mistake, left in PyYAML's words
    listed = ", ".join(str(c) for c in columns) or "1"
    return Explained(line, column, "check.yaml_misaligned", {"column": column + 1, "columns": listed})


def front_matter_end(lines: list[str], stop: int) -> tuple[int, int | None]:
    """Where front matter seems to end when its closing '---' is missing: the index of its last line,
    and of the first line of text that is not YAML (None when there is none before `stop`).

    A line in the first column that is no field ('name: ...') ends it, and so does a heading or a
    list item after a blank line.
    """
    last, blank = 0, False
    for i in range(1, stop):
        text = lines[i]
        if not text.strip():
            blank = True
            continue
        if text[0] not in " \t" and not _FIELD.match(text):
            yaml_too = text.startswith(("#", "- "))  # a comment or a list item, unless after a blank line
            if blank or not yaml_too:
                return last, i
        last, blank = i, False
    return last, None


def looks_like_prose(text: str) -> bool:
    """A line of Markdown text rather than a YAML mistake: a few words, no colon, or a heading."""
    return text.startswith("# ") or (":" not in text and len(text.split()) >= 3)
