"""A Markdown file's front matter and body are cut where their lines begin and end (content/source.py),
not split into lines and joined again: the same YAML text, body and body line as the lines would give,
and the same problems, for any mix of closing lines, blank lines, stray spaces and prose."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.content.problems import Problems
from generator.content.source import read_front_matter_file

LINES = [
    "---", "--- ", "---\t", "---\x0b", "---\u3000", "...", "... ", "-- -", " ---", "----", "", "  ", "\u3000",
    "title: x", "ring: adopt", "tags:", "- a", "  - b", "# kop", "Tekst met woorden zonder dubbele punt", "\r",
    "note: a # b", "a: 'open",
]  # fmt: skip


def by_lines(text: str) -> tuple[str, str, int] | None:
    """The front matter's YAML text, the body and its first line as splitting into lines gives them."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None
    return "\n".join(lines[1:end]) + "\n", "\n".join(lines[end + 1 :]), end + 2


@given(st.lists(st.sampled_from(LINES), max_size=14), st.booleans())
def test_cut_where_the_lines_are(tmp_path_factory, lines: list[str], newline_at_end: bool) -> None:
    folder = tmp_path_factory.mktemp("cut")
    path = Path(folder, "blip.md")
    text = "\n".join(lines) + ("\n" if newline_at_end else "")
    path.write_text(text, encoding="utf-8")
    problems = Problems(folder)
    doc = read_front_matter_file(path, problems)
    expected = by_lines(text.replace("\r\n", "\n"))  # as read: Windows line ends are read as '\n'
    if doc is not None:
        assert expected == (doc.yaml_text, doc.body, doc.body_line)
    elif expected is not None:
        assert problems.items  # a YAML problem in what was cut, said as such
    if expected is None:
        assert doc is None
        assert [(p.line, p.column) for p in problems.items] != []
