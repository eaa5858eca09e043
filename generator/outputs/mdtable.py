"""Markdown tables for minutes and pull-request comments, safe for any text a blip may hold."""

from __future__ import annotations


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no line breaks, no column breaks, no raw HTML."""
    text = " ".join(str(text).split())
    for char, escaped in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "\\`")):
        text = text.replace(char, escaped)
    return text


def md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return lines
