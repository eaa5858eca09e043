"""`radar new` asking for each field: options first, then questions with numbered choices that take
numbers, ids, names or the start of one, and every wrong answer said with its valid choices."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from ..content.problems import choices
from ..i18n import Translator, text


class Abort(Exception):
    """Answers that cannot be used: each part a locale key with its values, said in the radar's language.

    A value with a `text(language)` method (a noun, the choices sentence) is put into words at that time.
    """

    def __init__(self, key: str = "", /, **values: object) -> None:
        self.parts: list[tuple[str, dict[str, object]]] = [(key, values)] if key else []
        super().__init__(key)

    def lines(self, language: str) -> list[str]:
        said = []
        for key, values in self.parts:
            words = {k: v.text(language) if hasattr(v, "text") else v for k, v in values.items()}
            said.append(text(language, "cli.error", message=text(language, key, **words)))
        return said


@dataclass(frozen=True)
class Word:
    """A word from the locale files, chosen now and said in the radar's language later."""

    key: str

    def text(self, language: str) -> str:
        return text(language, self.key)


@dataclass(frozen=True)
class Valid:
    """The 'did you mean ...? valid choices: ...' sentence, said in the radar's language later."""

    valid: tuple[str, ...]
    given: object = None
    around: bool = False  # in brackets after a message: " (valid choices: ...)"

    def text(self, language: str) -> str:
        said = choices(self.valid, self.given, language)
        return f" ({said})" if self.around else said


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    name: str = ""  # what readers call it ("Beproeven"): accepted as an answer as well as the id


@dataclass
class Question:
    """One field to fill: a free text, or one or many ids from a list of choices."""

    key: str
    option: str
    required: bool = True
    choices: list[Choice] | None = None
    many: bool = False
    default: str = ""
    noun: str = ""  # locale key of the noun in messages ("unknown <noun> 'x'"); check.noun_<key> otherwise
    answer: object = None
    errors: list[tuple[str, dict[str, object]]] = field(default_factory=list)  # locale key, values


def split_ids(values: Sequence[str] | None) -> list[str]:
    """Repeated options and comma-separated lists both work: --capability a --capability b,c."""
    found: list[str] = []
    for value in values or ():
        found.extend(v.strip() for v in value.split(",") if v.strip())
    return list(dict.fromkeys(found))


def not_utf8(text: str) -> str | None:
    """The text as its bytes would show, when it holds bytes that are not UTF-8 (argv and stdin keep them escaped)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


def _validate(q: Question, given: object) -> None:
    """Check an option's value against the choices; keep the value or record why it is wrong."""
    if q.choices is None and q.many:
        q.answer = list(given) if isinstance(given, list) else [str(given)]
        return
    if q.choices is None:
        text = " ".join(str(given).split())
        shown = not_utf8(text)
        if shown is not None:
            q.errors.append(("new.not_utf8_option", {"option": q.option, "shown": shown}))
            return
        if q.required and not text:
            q.errors.append(("new.option_empty", {"option": q.option}))
        q.answer = text
        return
    valid = [c.id for c in q.choices]
    values = given if isinstance(given, list) else [given]
    picked = []
    for value in values:
        found = _one(str(value), q.choices, prefix=False)  # scripts name a choice in full
        if found is None:
            noun = Word(q.noun or f"check.noun_{q.key}")
            q.errors.append(
                (
                    "new.unknown_choice",
                    {"noun": noun, "value": value, "option": q.option, "choices": Valid(tuple(valid), str(value))},
                )
            )
        else:
            picked.append(found)
    q.answer = picked if q.many else (picked[0] if picked else values[0])


def _ask_line(prompt: str, stdin: TextIO, stdout: TextIO) -> str:
    stdout.write(prompt)
    stdout.flush()
    try:
        line = stdin.readline()
    except (OSError, ValueError, UnicodeDecodeError) as exc:  # closed, unreadable or not UTF-8
        raise Abort("new.stdin_unreadable", error=exc) from exc
    if not line:
        raise Abort("new.no_answer")
    shown = not_utf8(line)
    if shown is not None:
        raise Abort("new.answer_not_utf8", shown=shown.strip())
    return line.strip()


def _ask(q: Question, t: Translator, stdin: TextIO, stdout: TextIO) -> object:
    """Ask until the answer is valid: numbers, ids or names for choices, any non-empty text otherwise."""
    if q.choices is None and q.many:
        answer = _ask_line(f"{t('new.ask_' + q.key)}: ", stdin, stdout)
        return list(dict.fromkeys(v.strip() for v in answer.split(",") if v.strip()))
    if q.choices is None:
        while True:
            answer = " ".join(_ask_line(f"{t('new.ask_' + q.key)}: ", stdin, stdout).split())
            if answer or not q.required:
                return answer or q.default
            stdout.write(t("new.empty") + "\n")
    if q.many and not q.choices:
        return []
    stdout.write(f"{t('new.ask_' + q.key)}:\n")
    width = len(str(len(q.choices)))
    for n, c in enumerate(q.choices, 1):
        stdout.write(f"  {n:>{width}}) {c.id}" + (f"  {c.label}" if c.label and c.label != c.id else "") + "\n")
    prompt = t("new.pick_many") if q.many else t("new.pick_one", n=len(q.choices))
    while True:
        answer = _ask_line(prompt, stdin, stdout)
        if not answer and not q.required and not q.many:
            return q.default
        picked = _pick(answer, q.choices, q.many)
        if picked is not None:
            return picked
        stdout.write(t("new.not_a_choice", answer=answer) + "\n")
        close = _suggest(answer, q.choices)
        if close:
            stdout.write(t("new.did_you_mean", choice=close) + "\n")


def _pick(answer: str, options: list[Choice], many: bool) -> object | None:
    """The ids an answer names, by number, id or name (any case, or the unique start of one);
    None when any part is not a choice."""
    parts = [p for p in re.split(r"[,\s]+", answer) if p] if many else [answer.strip()]
    if not parts and many:
        return []
    ids = []
    for part in parts:
        found = _one(part, options)
        if found is None:
            return None
        ids.append(found)
    return list(dict.fromkeys(ids)) if many else ids[0]


def _one(part: str, options: list[Choice], prefix: bool = True) -> str | None:
    if part.isdigit():
        return options[int(part) - 1].id if 1 <= int(part) <= len(options) else None
    wanted = part.casefold()
    if not wanted:
        return None
    for c in options:
        if wanted in (c.id.casefold(), c.name.casefold()):
            return c.id
    if not prefix:
        return None
    starts = [c.id for c in options if c.id.casefold().startswith(wanted) or c.name.casefold().startswith(wanted)]
    return starts[0] if len(starts) == 1 and len(wanted) >= 2 else None


def _suggest(answer: str, options: list[Choice]) -> str:
    """The nearest id or name to a mistyped answer, for 'did you mean ...?'."""
    names = {n.casefold(): n for c in options for n in (c.id, c.name) if n}
    close = difflib.get_close_matches(answer.casefold(), list(names), n=1, cutoff=0.6)
    return names[close[0]] if close else ""


def fill(
    questions: list[Question],
    given: dict[str, object],
    interactive: bool,
    t: Translator,
    stdin: TextIO,
    stdout: TextIO,
) -> None:
    """Take options first; ask for what is missing when interactive, else report it with its choices."""
    missing: list[tuple[str, dict[str, object]]] = []
    for q in questions:
        value = given.get(q.key)
        if value not in (None, []):
            _validate(q, value)
        elif interactive:
            q.answer = _ask(q, t, stdin, stdout)
        elif q.required:
            valid = Valid(tuple(c.id for c in q.choices), around=True) if q.choices else ""
            missing.append(("new.option_required", {"option": q.option, "choices": valid}))
        else:
            q.answer = [] if q.many else q.default
    errors = [e for q in questions for e in q.errors] + missing
    if errors:
        abort = Abort()
        abort.parts = errors
        raise abort
