"""YAML that people will edit, written by us: `radar new`'s front matter and the fixes `radar check`
suggests.  One place, so a title, list or note reads back as the same text wherever it is written."""

from __future__ import annotations

from collections.abc import Sequence

import yaml


def yaml_scalar(value: str) -> str:
    """The value as one YAML scalar that reads back as the same text (quoted only when needed)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def yaml_quoted(value: str) -> str:
    """The value as a double-quoted YAML scalar: a comma, colon or '#' in a note can never cut it."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style='"')
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def yaml_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


def history_entry(edition: str, ring: str, note: str, indent: str = "") -> str:
    """One history entry as block YAML with its note quoted, the form authors copy and extend:
    in the flow form `{edition: …, note: a, b}` a comma in the note starts a new field."""
    lines = [f"- edition: {edition}", f"  ring: {yaml_scalar(ring)}", f"  note: {yaml_quoted(note)}"]
    return "\n".join(indent + line for line in lines)
