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
from functools import cache
from typing import Any

import snowballstemmer

WORD = re.compile(r"[^\W_]+")

ALGORITHMS = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}
"""Snowball algorithm per primary language subtag; another language compares words unstemmed."""

DISTINCT = 5
"""A stem this long or longer can bring two titles together; shorter ones ("voor", "data", "ai") cannot."""

SHARE = 0.5
"""Close when the shared stems hold at least this share of the letters of the shorter title."""

CROWD = 20
"""A stem in more titles than this is too common to bring candidates (it still counts as shared)."""


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


@cache
def _stemmer(language: str) -> Any:
    algorithm = ALGORITHMS.get(language.split("-")[0].lower())
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def stems(title: str, language: str) -> frozenset[str]:
    """The title's word stems: 'Digital twins' and 'digital twin' give the same set."""
    stemmer = _stemmer(language)
    words = WORD.findall(_fold(title))
    return frozenset(stemmer.stemWords(words) if stemmer else words)


def _letters(title: str) -> str:
    """The title's letters and digits only: 'Datalake' and 'Data lake' are one title."""
    return "".join(WORD.findall(_fold(title)))


def _close(a: frozenset[str], b: frozenset[str]) -> bool:
    numbered_a, numbered_b = {s for s in a if any(map(str.isdigit, s))}, {s for s in b if any(map(str.isdigit, s))}
    if numbered_a and numbered_b and numbered_a != numbered_b:
        return False  # "Java 17" and "Java 21", "4G" and "5G": a number tells them apart on purpose
    shared = a & b
    if not any(len(s) >= DISTINCT for s in shared):
        return False
    shorter = min(sum(map(len, a)), sum(map(len, b)))
    return sum(map(len, shared)) >= SHARE * shorter


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
