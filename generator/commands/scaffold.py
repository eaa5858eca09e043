"""`radar new`: a new technology (blip) or initiative file that passes `radar check` from the start.

Most authors are not programmers.  The shortest safe path for them is to be asked for each field
with the valid choices numbered, and to get a file whose front matter is already correct: a safe
file name derived from the title, the first history entry in the current edition, and a body
template in the radar's own language.  Scripts give the same answers as options instead; every
invalid option is reported with its valid choices, and nothing is written.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..content.folders import BLIPS_DIR, INITIATIVES_DIR
from ..content.load import load
from ..content.model import Radar
from ..content.problems import choices
from ..content.schema import BLIP_FIELDS, INITIATIVE_STATUSES
from ..content.yamltext import history_entry, yaml_list, yaml_scalar
from ..i18n import Translator, text, translator
from ..urls import slug

MAX_SLUG = 60


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


def slugify(title: str) -> str:
    """The id for a new file (urls.slug), empty when the title holds no letter or digit."""
    return slug(title, MAX_SLUG, fallback="")


# --- asking ----------------------------------------------------------------------------------


def _split_ids(values: Sequence[str] | None) -> list[str]:
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


# --- writing ---------------------------------------------------------------------------------


def blip_text(radar: Radar, a: dict[str, object]) -> str:
    """The blip file: front matter in schema order, the first history entry, the body template."""
    ring_name = radar.ring(str(a["ring"])).name
    written = {  # the fields `radar new` fills; the table (schema.BLIP_FIELDS) gives their order
        "title": yaml_scalar(str(a["title"])),
        "quadrant": str(a["quadrant"]),
        "ring": str(a["ring"]),
        "summary": yaml_scalar(str(a["summary"])),
        "tags": yaml_list(a.get("tags", [])),  # type: ignore[arg-type]
        "capabilities": yaml_list(a["capabilities"]),  # type: ignore[arg-type]
        "initiatives": yaml_list(a["initiatives"]),  # type: ignore[arg-type]
        "algorithm": "true" if a.get("algorithm") == "yes" else "false",
        "history": "\n" + history_entry(radar.edition, str(a["ring"]), str(a["note"]), indent="  "),
    }
    fields = [
        f"{name}:" + ("" if written[name].startswith("\n") else " ") + written[name]
        for name in BLIP_FIELDS
        if name in written
    ]
    lines = ["---", *fields, "---"]
    body = translator(radar.language)("new.blip_body", title=a["title"], ring=ring_name)
    return "\n".join(lines) + "\n" + body


def initiative_text(radar: Radar, a: dict[str, object]) -> str:
    lines = [
        "---",
        f"title: {yaml_scalar(str(a['title']))}",
        f"lead: {yaml_scalar(str(a['lead']))}",
        f"status: {a['status']}",
        f"capabilities: {yaml_list(a['capabilities'])}",  # type: ignore[arg-type]
        "---",
    ]
    return "\n".join(lines) + "\n" + translator(radar.language)("new.initiative_body", title=a["title"])


def _existing(folder: Path, ident: str) -> Path | None:
    """Any file with this id, in any sub-folder: the loader reads them all, so ids must be unique."""
    return next(iter(sorted(folder.rglob(f"{ident}.md"))), None) if folder.is_dir() else None


def write_new(folder: Path, ident: str, content: str) -> Path:
    """Create the file whole or not at all, never replacing one.

    The text goes to a temporary file first, which is then hard-linked under its name (link
    refuses an existing name, so a race cannot overwrite either): a failure on the way (bytes
    that are not UTF-8, a full disk, Ctrl-C) leaves no empty file to block the retry.
    """
    other = _existing(folder, ident)
    if other is not None:
        raise Abort("new.exists", path=other)
    shown = not_utf8(content)
    if shown is not None:
        raise Abort("new.answers_not_utf8")
    data = content.encode("utf-8")
    path = folder / f"{ident}.md"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{ident}.", suffix=".tmp")
    except OSError as exc:
        raise Abort("new.cannot_write", path=path, reason=exc.strerror) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)  # as an editor would create it, not mkstemp's 0600
            handle.write(data)
        os.link(tmp, path)
    except FileExistsError as exc:
        raise Abort("new.exists", path=path) from exc
    except OSError as exc:
        raise Abort("new.cannot_write", path=path, reason=exc.strerror) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def next_steps(radar: Radar, path: Path, source: Path, title: str, kind: str) -> str:
    """What to do after the file exists, as commands the author can copy."""
    t = translator(radar.language)
    shown = _shown(path)
    src = "" if source.resolve() == Path.cwd().resolve() else f" --source {shlex.quote(str(source))}"
    ident = path.stem
    message = t(f"new.commit_{kind}", title=title)
    git = [
        f"git switch -c radar/{ident}",
        f"git add {shlex.quote(shown)}",
        f"git commit -m {shlex.quote(message)}",
        f"git push -u origin radar/{ident}",
    ]
    lines = [
        t("new.created", path=shown),
        "",
        t("new.next"),
        "  1. " + t("new.step_edit", path=shown),
        f"  2. radar check{src}    # {t('new.step_check')}",
        f"  3. radar serve{src}    # {t('new.step_serve')}",
        "  4. " + t("new.step_git"),
        *(f"       {g}" for g in git),
    ]
    return "\n".join(lines) + "\n"


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


# --- the command -----------------------------------------------------------------------------


def _blip_questions(radar: Radar, note: str) -> list[Question]:
    cells = radar.capabilities.cells.values() if radar.capabilities else []
    t = translator(radar.language)
    rings = [Choice(r.id, f"{r.name}: {r.description}" if r.description else r.name, r.name) for r in radar.rings]
    return [
        Question("title", "title"),
        Question("quadrant", "quadrant", choices=[Choice(q.id, q.name, q.name) for q in radar.quadrants]),
        Question("ring", "ring", choices=rings),
        Question("summary", "summary", required=False),
        Question("tags", "tag", required=False, many=True),
        Question(
            "algorithm",
            "algorithm",
            required=False,
            choices=[
                Choice("no", t("new.answer_no"), t("new.answer_no")),
                Choice("yes", t("new.answer_yes"), t("new.answer_yes")),
            ],
            default="no",
        ),
        Question(
            "capabilities", "capability", False, [Choice(c.id, c.title) for c in cells], True, noun="check.noun_cell"
        ),
        Question(
            "initiatives",
            "initiative",
            False,
            [Choice(i.id, i.title) for i in radar.initiatives.values()],
            True,
            noun="check.noun_initiative",
        ),
        Question("note", "note", required=False, default=note),
    ]


def _initiative_questions(radar: Radar) -> list[Question]:
    cells = radar.capabilities.cells.values() if radar.capabilities else []
    t = translator(radar.language)
    return [
        Question("title", "title"),
        Question("lead", "lead"),
        Question(
            "status",
            "status",
            choices=[Choice(s, t(f"initiative_{s}")) for s in INITIATIVE_STATUSES],
            noun="check.noun_initiative_status",
        ),
        Question(
            "capabilities", "capability", False, [Choice(c.id, c.title) for c in cells], True, noun="check.noun_cell"
        ),
    ]


FOR_BLIPS_ONLY = ("quadrant", "ring", "summary", "initiative", "note", "tag", "algorithm")
FOR_INITIATIVES_ONLY = ("lead", "status")


def new(args: argparse.Namespace, stdin: TextIO | None = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """`radar new [initiative]`: ask or take the fields, write the file, print the next steps."""
    kind = args.kind
    language = "en"  # until radar.yaml says the radar's language
    try:
        _check_options(args, kind)
        radar = _radar(args.source)
        language = radar.language
        t = translator(radar.language)
        if stdin is None or stdin.closed:  # started with standard input closed (`radar new <&-`)
            if args.interactive:
                raise Abort("new.stdin_closed")
            interactive, stdin = False, io.StringIO()
        else:
            interactive = args.interactive or (not args.no_input and stdin.isatty())
        if kind == "initiative":
            questions = _initiative_questions(radar)
            folder, render = args.source / INITIATIVES_DIR, initiative_text
        else:
            questions = _blip_questions(radar, t("new.default_note"))
            folder, render = args.source / BLIPS_DIR, blip_text
        given = {q.key: _given(args, q) for q in questions}
        fill(questions, given, interactive, t, stdin, stdout)
        answers = {q.key: q.answer for q in questions}
        ident = slugify(str(answers["title"]))
        if not ident:
            raise Abort("new.no_letters", title=answers["title"])
        path = write_new(folder, ident, render(radar, answers))
    except Abort as exc:
        print("\n".join(exc.lines(language)), file=sys.stderr)
        return 1
    stdout.write(next_steps(radar, path, args.source, str(answers["title"]), kind))
    return 0


def _given(args: argparse.Namespace, q: Question) -> object:
    value = getattr(args, q.option, None)
    return _split_ids(value) if q.many or isinstance(value, list) else value


def _check_options(args: argparse.Namespace, kind: str) -> None:
    wrong = FOR_INITIATIVES_ONLY if kind == "blip" else FOR_BLIPS_ONLY
    used = [f"--{o}" for o in wrong if getattr(args, o, None) not in (None, [])]
    if used:
        raise Abort("new.wrong_options", options=", ".join(used), kind=kind)


def _radar(source: Path) -> Radar:
    """The configuration the choices come from; other files may still have problems."""
    radar, problems = load(source)
    if radar is None:
        where = "\n".join(p.text() for p in problems.sorted())
        raise Abort("new.no_config", problems=where)
    return radar


def add_arguments(new_cmd: argparse.ArgumentParser, t: Translator) -> None:
    """The `new` subcommand's options (--source comes from cli.py)."""
    new_cmd.description = t("help.new_description")
    kinds = ("blip", "initiative")
    new_cmd.add_argument("kind", nargs="?", choices=kinds, default="blip", help=t("help.new_kind"))
    new_cmd.add_argument("--title", help=t("help.new_title"))
    new_cmd.add_argument("--quadrant", help=t("help.new_quadrant"))
    new_cmd.add_argument("--ring", help=t("help.new_ring"))
    new_cmd.add_argument("--summary", help=t("help.new_summary"))
    new_cmd.add_argument("--note", help=t("help.new_note"))
    new_cmd.add_argument("--tag", action="append", help=t("help.new_tag"))
    new_cmd.add_argument("--algorithm", choices=("yes", "no"), help=t("help.new_algorithm"))
    new_cmd.add_argument("--capability", action="append", help=t("help.new_capability"))
    new_cmd.add_argument("--initiative", action="append", help=t("help.new_initiative"))
    new_cmd.add_argument("--lead", help=t("help.new_lead"))
    new_cmd.add_argument("--status", help=t("help.new_status", statuses=", ".join(INITIATIVE_STATUSES)))
    mode = new_cmd.add_mutually_exclusive_group()
    mode.add_argument("--interactive", action="store_true", help=t("help.new_interactive"))
    mode.add_argument("--no-input", action="store_true", help=t("help.new_no_input"))


def run(args: argparse.Namespace) -> int:
    return new(args)
