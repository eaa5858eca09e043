"""Blip ids from other tools' names: ASCII, stable for the same name, never shared by two names.

Names arrive in any script ('Zürich', 'Яндекс', '数据湖') and with symbols that carry the meaning
('C#' is not 'C'); an id must be a file name and a URL on every system, and the same name must get
the same id in every import so that re-importing updates files instead of adding new ones.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..i18n import Message
from ..urls import slug

# Symbols that tell technologies apart ('C', 'C#', 'C++'); elsewhere they are dropped like punctuation.
_SYMBOLS = ((re.compile(r"(?<=[A-Za-z0-9])\+\+"), " plus plus "), (re.compile(r"(?<=[A-Za-z0-9])#"), " sharp "))


def name_key(name: str) -> str:
    """What makes two rows the same technology: the name, case and spacing aside ('Zap' and 'ZAP')."""
    return " ".join(name.casefold().split())


def base_id(name: str) -> str:
    """The readable id of a name, or '' when the name holds no letter or digit in any script."""
    from anyascii import anyascii  # imported by an import, not by every build's exports

    kept = "".join(c for c in name if c not in "'’" and unicodedata.category(c) not in ("So", "Sk"))  # ™, emoji
    text = anyascii(kept)
    for pattern, word in _SYMBOLS:
        text = pattern.sub(word, text)
    return slug(text, fallback="")


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]


class Ids:
    """Hands out one id per name key; a clash gets a suffix from the name itself, so ids do not
    depend on the order rows arrive in."""

    def __init__(self, taken: dict[str, str] | None = None) -> None:
        self.by_key: dict[str, str] = {}
        self.owner: dict[str, str] = dict(taken or {})  # id -> key
        self.renamed: list[tuple[str, str, Message]] = []  # (name, id, why)

    def get(self, name: str) -> str:
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        ident = base_id(name)
        why: Message | None = None
        if not ident:
            ident, why = f"blip-{_digest(key)}", Message("import.why_no_letters")
        elif self.owner.get(ident, key) != key:
            other = self.owner[ident]
            why = Message("import.why_taken", other=other, id=ident)
            ident = f"{ident}-{_digest(key)}"
        elif ident != slug(name, fallback=""):
            why = Message("import.why_transliterated")
        self.owner[ident] = key
        self.by_key[key] = ident
        if why is not None:
            self.renamed.append((name, ident, why))
        return ident
