"""`radar new`: a new technology (blip) or initiative file that passes `radar check` from the start.

Most authors are not programmers.  The shortest safe path for them is to be asked for each field
with the valid choices numbered, and to get a file whose front matter is already correct: a safe
file name derived from the title, the first history entry in the current edition, and a body
template in the radar's own language.  Scripts give the same answers as options instead; every
invalid option is reported with its valid choices, and nothing is written.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import TextIO

from ..content.folders import BLIPS_DIR, INITIATIVES_DIR
from ..content.load import load
from ..content.model import Radar
from ..content.schema import INITIATIVE_STATUSES
from ..content.similar import close_titles
from ..i18n import Translator, translator
from ..urls import slug
from .scaffold_files import blip_text, initiative_text, next_steps, write_new
from .scaffold_prompts import Abort, Choice, Question, fill, split_ids

MAX_SLUG = 60


def slugify(title: str) -> str:
    """The id for a new file (urls.slug), empty when the title holds no letter or digit."""
    return slug(title, MAX_SLUG, fallback="")


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


def new(args: argparse.Namespace, stdin: TextIO | None, stdout: TextIO) -> int:
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
    if kind == "blip":
        stdout.write(_similar(radar, str(answers["title"])))
    stdout.write(next_steps(radar, path, args.source, str(answers["title"]), kind))
    return 0


def _similar(radar: Radar, title: str) -> str:
    """'did you mean the existing …?' at once, as `radar check` will say it: the file is written
    anyway (it may well be another technology), and the author still has it open to decide."""
    existing = ((b.id, b.title) for b in radar.blips.values())
    close = close_titles(existing, [("", title)], radar.language)
    if not close:
        return ""
    t, theirs = translator(radar.language), radar.blips[close[""]]
    return t("check.warning_label") + " " + t("check.similar_title", title=theirs.title, path=theirs.source) + "\n\n"


def _given(args: argparse.Namespace, q: Question) -> object:
    value = getattr(args, q.option, None)
    return split_ids(value) if q.many or isinstance(value, list) else value


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
    return new(args, sys.stdin, sys.stdout)  # the streams of this call, not those bound when the module was imported
