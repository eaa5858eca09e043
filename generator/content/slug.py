"""One slug function for file ids, tags and suggestions: the content decides what an id may look like."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # pure, and asked for every tag of every blip on every page that lists it
def slug(text: str, limit: int = 60, fallback: str = "x") -> str:
    """An id a file name and a URL can hold: ASCII lowercase, digits and hyphens, at most `limit` long
    ('Spraakherkenning & AI' -> 'spraakherkenning-ai'), so free text (titles, tags) can never climb out
    of its folder and is the same on every file system."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(result) > limit:
        result = result[:limit].rsplit("-", 1)[0] or result[:limit]
    return result or fallback
