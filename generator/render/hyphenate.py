"""Soft hyphens in long words, so a phone breaks "Criminaliteitsvoorspelling" at a syllable.

CSS `hyphens: auto` depends on a hyphenation dictionary the browser may not have (Chromium on
Linux has none for Dutch), and without one a long word is cut anywhere or runs off the screen.
Pyphen holds LibreOffice's dictionaries: the build inserts U+00AD at syllable boundaries, which a
browser shows as a hyphen only where it breaks the line; find-in-page and copying ignore it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pyphen

LONG = 12
"""Words shorter than this fit a phone's line at heading size; they stay as they are."""
_WORD = re.compile(r"[^\W\d_]{" + str(LONG) + ",}")


@cache
def _dictionary(language: str) -> pyphen.Pyphen:
    # BCP 47 'nl-BE' is pyphen's 'nl_BE', which falls back to its 'nl'; a language it lacks gets English
    return pyphen.Pyphen(lang=pyphen.language_fallback(language.replace("-", "_")) or "en", left=3, right=3)


@lru_cache(maxsize=1 << 16)
def hyphenate(text: str, language: str) -> str:
    """`text` with soft hyphens in every word of LONG letters or more: a title is on many pages and in every
    rebuild of the live preview, so each is worked out once per process."""
    dictionary = _dictionary(language)
    return _WORD.sub(lambda m: dictionary.inserted(m.group(0), hyphen="\u00ad"), str(text))
