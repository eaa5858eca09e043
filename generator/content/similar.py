"""Titles close to an existing one: an author about to add "Spraakherkenning & AI" beside
"Spraakherkenning voor het proces-verbaal" is asked whether the existing technology was meant,
since a second blip for one technology splits its history and its readers.

Linear in the number of blips, so a 10,000-blip radar is checked as fast as a small one: each
title is reduced to word stems (Snowball, in the radar's language) and indexed by every stem long
enough to tell technologies apart; only titles sharing such a stem are compared, and a stem that
many titles share says nothing about any two of them ("platform"), so it brings no candidates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

import snowballstemmer

WORD = re.compile(r"[^\W_]+")

ALGORITHMS = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}
"""Snowball algorithm per primary language subtag; another language compares words unstemmed."""

DISTINCT = 5
"""A stem this long or longer can bring two titles together; shorter ones ("voor", "data", "ai") cannot."""

WORD_LIKE = 4
"""A shared stem this long counts towards how much two titles share; "by", "de" and "ai" do not."""

OF_NEW, OF_OLD = 0.75, 0.3
"""Close when the shared stems hold this share of the new title's letters, and this share of the old one's.
Measured: the issue's example is close, and the 1,933 titles of sixteen years of Thoughtworks radars
(tests/test_import_byor.py) raise no warning; at 0.7 "Dev containers" met "Android Emulator Container"."""

CROWD = 20
"""A stem in more titles than this is too common to bring candidates (it still counts as shared)."""


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()  # nothing to take off
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


@cache
def _stemmer(language: str) -> Any:
    algorithm = ALGORITHMS.get(language.split("-")[0].lower())
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@lru_cache(maxsize=1 << 16)  # the live preview compares every title again on each save
def stems(title: str, language: str) -> frozenset[str]:
    """The title's word stems: 'Digital twins' and 'digital twin' give the same set."""
    stemmer = _stemmer(language)
    words = WORD.findall(_fold(title))
    return frozenset(stemmer.stemWords(words) if stemmer else words)


@lru_cache(maxsize=1 << 16)
def _letters(title: str) -> str:
    """The title's letters and digits only: 'Datalake' and 'Data lake' are one title."""
    return "".join(WORD.findall(_fold(title)))


def _close(new: frozenset[str], old: frozenset[str]) -> bool:
    """Most of the new title is in the old one, and a fair part of the old one is in the new: "Spraakherkenning
    & AI" beside "Spraakherkenning voor het proces-verbaal", not "GitHub Spec Kit" beside "GitHub"."""
    numbered_new, numbered_old = (
        {s for s in new if any(map(str.isdigit, s))},
        {s for s in old if any(map(str.isdigit, s))},
    )
    if numbered_new and numbered_old and numbered_new != numbered_old:
        return False  # "Java 17" and "Java 21", "4G" and "5G": a number tells them apart on purpose
    together = new & old
    if not any(len(s) >= DISTINCT for s in together):
        return False
    shared = _weight(s for s in together if len(s) >= WORD_LIKE)  # "by", "de", "ai" bring nobody together
    return shared >= OF_NEW * _weight(new) and shared >= OF_OLD * _weight(old)


def _weight(stems: Iterable[str]) -> int:
    """Letters, with a short word ("JS", "AI") counting as three: it still tells titles apart."""
    return sum(max(len(s), 3) for s in stems)


def close_titles(existing: Iterable[tuple[str, str]], new: Iterable[tuple[str, str]], language: str) -> dict[str, str]:
    """For each new (key, title) whose title is close to an earlier one, the key of the closest.

    `existing` come first and are never reported; each new title is compared with the existing
    ones and with the new ones before it, so of two new twins only the second is reported.
    """
    by_stem: dict[str, list[str]] = {}
    by_letters: dict[str, str] = {}
    stems_of: dict[str, frozenset[str]] = {}
    order: dict[str, int] = {}
    found: dict[str, str] = {}

    def index(key: str, title: str) -> None:
        mine = stems(title, language)
        stems_of[key] = mine
        order.setdefault(key, len(order))
        by_letters.setdefault(_letters(title), key)
        for stem in mine:
            if len(stem) >= DISTINCT:
                keys = by_stem.setdefault(stem, [])
                if len(keys) <= CROWD:
                    keys.append(key)

    def closest(key: str, title: str) -> str | None:
        same = by_letters.get(_letters(title))
        if same is not None:
            return same
        mine = stems(title, language)
        best: tuple[int, int, str] | None = None  # most shared letters, then the first indexed
        for stem in mine:
            candidates = by_stem.get(stem, ())
            if len(candidates) > CROWD:
                continue
            for other in candidates:
                theirs = stems_of[other]
                if _close(mine, theirs):
                    score = (sum(map(len, mine & theirs)), -order[other], other)
                    if best is None or score > best:
                        best = score
        return best[2] if best else None

    for key, title in existing:
        index(key, title)
    for key, title in new:
        other = closest(key, title)
        if other is not None:
            found[key] = other
        index(key, title)
    return found
