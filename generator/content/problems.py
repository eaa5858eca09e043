"""Problems found in the content: collected, never raised one at a time.

Every check in the loader appends to one `Problems` list so that a single run
reports every mistake in every file, the way an author fixing a pull request
wants to see them.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from ..i18n import text as _text

ERROR = "error"
WARNING = "warning"
EXCERPT_WIDTH = 100  # characters of a long line shown around the caret


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    severity: str = ERROR
    language: str = field(default="en", compare=False)  # of the message, for the 'warning:' label
    excerpt: str = field(default="", compare=False)  # the line of the file at `line`, when the message needs it seen
    fix: str = field(default="", compare=False)  # YAML that mends it, to paste as it is (block YAML, notes quoted)

    def text(self) -> str:
        label = "" if self.severity == ERROR else _text(self.language, "check.warning_label") + " "
        return f"{self.path}:{self.line}:{self.column}: {label}{self.message}"

    def excerpt_lines(self) -> list[str]:
        """The line with its number and a caret under the column, as compilers show it; none without an excerpt.

        Control characters (a tab too) show as escapes, so what the caret points at is visible and
        nothing reaches a terminal as a command; a long line shows only the part around the caret.
        """
        if not self.excerpt:
            return []
        shown = printable(self.excerpt)
        caret = len(printable(self.excerpt[: max(self.column - 1, 0)]))
        if len(shown) > EXCERPT_WIDTH:
            start = max(0, min(caret - EXCERPT_WIDTH // 2, len(shown) - EXCERPT_WIDTH))
            end = start + EXCERPT_WIDTH
            shown = ("…" if start else "") + shown[start:end] + ("…" if end < len(shown) else "")
            caret += (1 if start else 0) - start
        number = str(self.line)
        return [f"{number} | {shown}".rstrip(), f"{' ' * len(number)} | {' ' * caret}^"]

    def with_excerpt(self) -> str:
        """`text()`, then the excerpt lines and the fix: the plain terminal format (CI formats keep one
        line per problem).  Indented, so no line of them reads as `path:line:column:`."""
        below = [*self.excerpt_lines(), *self.fix.splitlines()]
        return "\n".join([self.text(), *("    " + line for line in below)])

    def described(self) -> str:
        """The message with its fix on the lines below, for CI reports (one annotation per problem)."""
        return self.message + ("\n" + self.fix if self.fix else "")


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """The text with control characters written as escapes (ESC as \\x1b): a message quotes what an
    author wrote (a field name, a file name), and that must never reach a terminal as a command."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if char < "\x80" else f"\\u{ord(char):04x}"


def choices(valid: Iterable[str], given: object | None = None, language: str = "en") -> str:
    """The sentence that ends an 'unknown id' message: the closest match, then every choice."""
    valid = list(valid)
    hint = ""
    if isinstance(given, str):
        same = [v for v in valid if v.casefold() == given.strip().casefold()]
        close = same or difflib.get_close_matches(given, valid, n=1, cutoff=0.6)
        if close:
            hint = _text(language, "check.did_you_mean", choice=close[0]) + " "
    listed = ", ".join(valid) if valid else _text(language, "check.none_defined")
    return hint + _text(language, "check.valid_choices", choices=listed)


@functools.lru_cache(maxsize=64)
def _resolved(folder: str) -> str:
    """A folder resolved once, not once per file in it: resolving walks every part of the path."""
    return os.path.realpath(folder)


def real_path(path: Path | str) -> str:
    """`os.path.realpath(path)`, with its folder's resolution shared by the thousands of files in it."""
    text = os.fspath(path)
    folder, name = os.path.split(text)
    if name in ("", ".", "..") or os.path.islink(text):
        return os.path.realpath(text)
    return os.path.join(_resolved(folder or "."), name)


def inside(path: Path | str, folder: Path | str) -> str | None:
    """`path` (resolved) relative to `folder` (resolved) as a POSIX path, or None when it is elsewhere."""
    return _under(real_path(path), _resolved(os.fspath(folder)))


def _under(real: str, base: str) -> str | None:
    if real == base:
        return "."
    if not real.startswith(base.rstrip(os.sep) + os.sep):
        return None
    return real[len(base.rstrip(os.sep)) + 1 :].replace(os.sep, "/")


@dataclass
class Problems:
    """An append-only list of problems with the source root, for relative paths.

    `language` is the radar's (from radar/radar.yaml, English until it is known): messages are
    written with `t` in that language, so a Dutch radar's authors read Dutch.
    """

    root: Path
    items: list[Problem] = field(default_factory=list)
    language: str = "en"

    def add(
        self,
        path: Path | str,
        line: int,
        column: int,
        message: str,
        severity: str = ERROR,
        excerpt: str = "",
        fix: str = "",
    ) -> None:
        shown = "\n".join(printable(row) for row in fix.splitlines())
        where = printable(self.relative(path))
        self.items.append(Problem(where, line, column, printable(message), severity, self.language, excerpt, shown))

    def t(self, key: str, /, **values: object) -> str:
        """A message in the radar's language: problems.t('check.unknown_field', name=...)."""
        return _text(self.language, key, **values)

    def choices(self, valid: Iterable[str], given: object | None = None) -> str:
        return choices(valid, given, self.language)

    def scratch(self) -> Problems:
        """An empty list for the same radar and language (the loader's per-file caches)."""
        return Problems(self.root, language=self.language)

    def relative(self, path: Path | str) -> str:
        # The folder is resolved, not the file: a link is reported where it stands, not where it points.
        text = os.fspath(path)
        folder, name = os.path.split(text)
        where = os.path.join(_resolved(folder or "."), name) if name not in ("", ".", "..") else os.path.realpath(text)
        found = _under(where, _resolved(os.fspath(self.root)))
        return Path(path).as_posix() if found is None else found

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))


def format_problems(problems: list[Problem], fmt: str) -> str:
    """Render problems for a terminal, GitHub Actions annotations or a GitLab code-quality report."""
    if fmt == "github":
        kind = {ERROR: "error", WARNING: "warning"}
        return "".join(
            f"::{kind[p.severity]} file={_gh_property(p.path)},line={p.line},col={p.column}"
            f"::{_gh_escape(p.described())}\n"
            for p in problems
        )
    if fmt == "gitlab":
        import hashlib

        report = [
            {
                "description": p.described(),
                "check_name": "radar-check",
                "fingerprint": hashlib.sha1(p.text().encode()).hexdigest(),
                "severity": "major" if p.severity == ERROR else "minor",
                "location": {"path": p.path, "lines": {"begin": p.line}},
            }
            for p in problems
        ]
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    return "".join(p.with_excerpt() + "\n" for p in problems)


def _gh_escape(message: str) -> str:
    # GitHub workflow commands need %, CR and LF escaped in the message part.
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    # In the properties part ',' and ':' separate fields, so a file name holding them is escaped too.
    return _gh_escape(value).replace(":", "%3A").replace(",", "%2C")


def rebased(problems: list[Problem], root: Path) -> list[Problem]:
    """Paths relative to the working directory instead of the radar's folder.

    CI annotations are matched to files by their path from the repository's root, where CI runs
    the command; a radar kept in a sub-folder (--source docs/radar) needs that prefix.
    """
    try:
        prefix = root.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return problems
    if prefix in ("", "."):
        return problems
    return [p if Path(p.path).is_absolute() else replace(p, path=f"{prefix}/{p.path}") for p in problems]


def report(problems: Problems, fmt: str = "text", stream: TextIO | None = None) -> None:
    # sys.stderr is looked up per call, not bound at import, so redirected output (tests, serve) catches it.
    stream = stream or sys.stderr
    items = problems.sorted()
    stream.write(format_problems(items if fmt == "text" else rebased(items, problems.root), fmt))
    if fmt == "text" and items:
        files = len({p.path for p in items})
        counts = {"errors": len(problems.errors), "warnings": len(problems.warnings), "files": files}
        stream.write(problems.t("check.summary", **counts) + "\n")
