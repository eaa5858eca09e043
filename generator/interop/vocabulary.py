"""Quadrant and ring names as other tools write them, matched to the radar's ids.

Sources spell the same ring 'Adopt', 'ADOPT' and 'adopt', and rename rings over the years
(Thoughtworks' 'caution' became 'hold'): names match case-insensitively and through aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..urls import slug

BYOR_RINGS = ("adopt", "trial", "assess", "hold")
DEFAULT_ALIASES = {"caution": "hold"}


@dataclass
class Entry:
    id: str
    name: str
    description: str = ""
    color: str = ""


@dataclass
class Vocabulary:
    """Quadrants or rings in order; `open` ones take on names they have not seen (BYOR sheets
    define their quadrants by use)."""

    kind: str
    entries: list[Entry] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    open: bool = False

    def resolve(self, raw: object) -> str | None:
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            return None
        text = " ".join(str(raw).split())
        key = text.casefold()
        key = self.aliases.get(key, key)
        for entry in self.entries:
            if key in (entry.id, entry.name.casefold(), slug(entry.name, fallback="")) or slug(key) == entry.id:
                return entry.id
        if not self.open or not text or len(text) > 40 or len(text.split()) > 4:
            return None
        ident = slug(key, fallback="")
        if not ident:
            return None
        self.entries.append(Entry(ident, _display(text)))
        return ident

    def ids(self) -> list[str]:
        return [e.id for e in self.entries]


def _display(text: str) -> str:
    """'languages-and-frameworks' -> 'Languages and frameworks'; names already written as names stay."""
    if text == text.lower() and " " not in text:
        words = text.replace("-", " ").replace("_", " ")
        return words[:1].upper() + words[1:]
    return text


def parse_aliases(pairs: list[str]) -> dict[str, str]:
    """'--alias caution=hold' options as a mapping, lowercased."""
    result = dict(DEFAULT_ALIASES)
    for pair in pairs:
        old, _, new = pair.partition("=")
        if old.strip() and new.strip():
            result[old.strip().casefold()] = new.strip().casefold()
    return result


def byor_rings(aliases: dict[str, str]) -> Vocabulary:
    """BYOR's four rings in order; sheets may use other ring names, which join after them."""
    return Vocabulary("ring", [Entry(r, r.capitalize()) for r in BYOR_RINGS], aliases, open=True)
