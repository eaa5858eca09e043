"""What an author adding a technology is warned about beyond valid fields: text left from `radar new`,
and a title close to an existing technology's (did they mean that one?)."""

from __future__ import annotations

from functools import cache, lru_cache

from ..i18n import catalogues
from .model import Radar
from .parsed import parse_cached
from .problems import ERROR, WARNING, Problems
from .similar import close_titles
from .source import Document


def similar_titles(radar: Radar, problems: Problems) -> None:
    """Warn on a blip new in this edition whose title is close to another's: did the author mean
    the existing one?  Blips already on the radar were decided on and are left in peace."""
    new = {i: b for i, b in radar.blips.items() if b.history and b.history[0].edition == radar.edition}
    existing = tuple((i, b.title) for i, b in radar.blips.items() if i not in new)
    close = _close_titles(existing, tuple((i, b.title) for i, b in new.items()), radar.language)
    for ident, other in close.items():
        path = problems.root / new[ident].source  # where it was read, sub-folders included
        doc = parse_cached(path, problems)
        line, col = doc.where("title") if doc is not None else (1, 1)
        theirs = radar.blips[other]
        message = problems.t("check.similar_title", title=theirs.title, path=theirs.source)
        problems.add(path, line, col, message, WARNING)


# `close_titles`, answered again without comparing while no title changed: the live preview loads on
# every save, and an edit or a ring move leaves every title as it was (6 ms at 1000 blips).
_close_titles = lru_cache(maxsize=1)(close_titles)


@cache
def _template_sentences(key: str) -> tuple[str, ...]:
    """The sentences `radar new` writes for authors to replace, in every language, without the title."""
    found = []
    for words in catalogues().values():
        for line in words.get(f"new.{key}", "").splitlines():
            if line.startswith("#"):
                continue
            for part in line.split("{"):
                part = part.split("}")[-1].strip()
                if len(part) >= 20:
                    found.append(part)
    return tuple(found)


@cache
def _longest_words(key: str) -> tuple[str, ...]:
    """The longest word of each template sentence."""
    return tuple(max(sentence.split(), key=len) for sentence in _template_sentences(key))


@cache
def _placeholder_notes() -> dict[str, str]:
    """Placeholder note -> what to say about it left as it is, in every language."""
    said: dict[str, str] = {}
    for words in catalogues().values():
        for placeholder, left in (
            ("new.default_note", "check.default_note_left"),
            ("check.fix_note", "check.fix_note_left"),
        ):
            if placeholder in words:
                said[words[placeholder]] = left
    return said


def leftovers(doc: Document, f: dict, body: str, problems: Problems, strict: bool, key: str) -> None:
    """Template text from `radar new` left in a file: a warning while writing, an error under --strict."""
    severity = ERROR if strict else WARNING
    # A body holding a sentence holds each of its words, so one search for its longest word rules out
    # nearly every file before its lines are flattened (which was a twentieth of checking a blip).
    if any(word in body for word in _longest_words(key)):
        _template_left(doc, body, _template_sentences(key), problems, severity)
    said = _placeholder_notes()
    history = f.get("history")
    for i, entry in enumerate(history if isinstance(history, list) else []):
        if isinstance(entry, dict) and entry.get("note") in said:
            line, col = doc.where("history", i, "note")
            problems.add(doc.path, line, col, problems.t(said[entry["note"]], note=entry["note"]), severity)


def _template_left(doc: Document, body: str, sentences: tuple[str, ...], problems: Problems, severity: str) -> None:
    """The first template sentence left in the body, at the line it starts on."""
    lines = [" ".join(line.split()) for line in body.splitlines()]
    flat = " ".join(lines)
    for sentence in sentences:
        if sentence in flat:
            at = next((n for n, line in enumerate(lines) if sentence[:30] in line), 0)
            message = problems.t("check.template_left", sentence=sentence[:60])
            problems.add(doc.path, (doc.body_line or 1) + at, 1, message, severity)
            break
