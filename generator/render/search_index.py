"""The search index: words reduced to stems with Snowball, weighted by where they occur.

Like Sphinx, the build stems every word with `snowballstemmer` and the page stems the query
with the same Snowball algorithms compiled to JavaScript (static/stemmers/), so "vertalen"
finds "vertaling" without a server.  Words are stemmed in Dutch and in English alike: a Dutch
radar is full of English terms ("Digital twins", "Zero trust") and the reverse happens too.

The index maps each stem to the documents holding it with a score, title above tags above
summary above text, so the page only adds numbers and never reads the texts themselves; the
word list beside it lets the page match the word being typed as a prefix, and a stem at the
end of a Dutch compound ("spraakvertaling" for "vertaling").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+")
"""A word: letters and digits; hyphens, apostrophes and punctuation separate (radar.js uses the same)."""

ALGORITHMS = ("dutch", "english")
"""The Snowball algorithms every word is stemmed with, the same pair static/stemmers/ holds."""

WEIGHTS = {"title": 16, "tags": 6, "summary": 3}
"""Points for a stem in each field; the text adds one point per occurrence, at most TEXT_CAP."""
TEXT_CAP = 3


@dataclass(frozen=True)
class Document:
    """One thing a search can find: a technology, an initiative or a capability cell."""

    url: str
    title: str
    summary: str
    kind: str
    badge: str
    tags: tuple[str, ...]
    text: str


def fold(text: str) -> str:
    """Without accents, as the page folds the query: 'é' and 'e' are one letter to a searcher."""
    if text.isascii():
        return text  # nothing to take off
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@cache
def _stemmers() -> tuple:
    return tuple(snowballstemmer.stemmer(a) for a in ALGORITHMS)


@cache
def stems(word: str) -> tuple[str, ...]:
    """A lower-case word's stems in every algorithm, accents folded after stemming, as the page does."""
    found: list[str] = []
    for stemmer in _stemmers():
        stem = fold(stemmer.stemWord(word))
        if stem and stem not in found:
            found.append(stem)
    return tuple(found)


def _stem_counts(words_counted: dict[str, int]) -> dict[str, int]:
    """How often each stem occurs among the words, given how often each word does (each looked up once)."""
    counts: dict[str, int] = {}
    for word, times in words_counted.items():
        for stem in stems(word):
            counts[stem] = counts.get(stem, 0) + times
    return counts


def build(documents: Iterable[Document]) -> dict[str, object]:
    """The index the page reads: documents to show, stem -> [doc, score, ...], word -> stems."""
    docs: list[list[object]] = []
    postings: dict[str, list[int]] = {}
    vocabulary: dict[str, list[str]] = {}
    seen: set[str] = set()  # words already in the vocabulary (under their folded form)
    for number, doc in enumerate(documents):
        docs.append([doc.url, doc.title, doc.summary, doc.kind, doc.badge, list(doc.tags)])
        scores: dict[str, int] = {}
        fields = {"title": doc.title, "tags": " ".join(doc.tags), "summary": doc.summary}
        # each field's distinct words in the order they first occur, with how often (repeats count in the text only)
        found: dict[str, dict[str, int]] = {name: dict.fromkeys(words(text), 1) for name, text in fields.items()}
        for name in fields:
            for stem in _stem_counts(found[name]):
                scores[stem] = scores.get(stem, 0) + WEIGHTS[name]
        found["text"] = Counter(words(doc.text))
        for stem, count in _stem_counts(found["text"]).items():
            scores[stem] = scores.get(stem, 0) + (count if count < TEXT_CAP else TEXT_CAP)
        for stem, score in scores.items():
            postings.setdefault(stem, []).extend((number, score))
        for field in found.values():
            for word in field:  # first occurrences in the order of the text: the vocabulary as word by word
                if word not in seen:
                    seen.add(word)
                    vocabulary.setdefault(fold(word), list(stems(word)))  # the first word of a folded form
    return {
        "docs": docs,
        "stems": dict(sorted(postings.items())),
        "words": dict(sorted(vocabulary.items())),
    }
