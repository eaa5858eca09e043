"""snowballstemmer hands out PyStemmer's compiled Snowball stemmers when it is installed (a
dependency, for speed): they must stem exactly as the pure-Python ones do, which the JavaScript
stemmers of the search page (static/stemmers/) are compiled from too."""

from __future__ import annotations

import re
from pathlib import Path

import snowballstemmer
from snowballstemmer.dutch_stemmer import DutchStemmer
from snowballstemmer.english_stemmer import EnglishStemmer

ROOT = Path(__file__).resolve().parent.parent


def test_the_compiled_stemmers_stem_every_word_of_the_sample_as_the_python_ones():
    files = [p for folder in ("blips", "radar") for p in (ROOT / folder).rglob("*.md")]
    text = " ".join(p.read_text(encoding="utf-8") for p in files)
    words = sorted({w.lower() for w in re.findall(r"[^\W_]+", text)})
    assert len(words) > 1000
    assert type(snowballstemmer.stemmer("dutch")).__module__ == "Stemmer"  # the compiled one is in use
    for name, python in (("dutch", DutchStemmer()), ("english", EnglishStemmer())):
        compiled = snowballstemmer.stemmer(name)
        assert compiled.stemWords(words) == python.stemWords(words), name
