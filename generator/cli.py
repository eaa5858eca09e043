"""The `radar` command line: one table of commands, each a module under generator/commands/.

A command module exposes `add_arguments(parser, t)` (its own options, their help worded by `t`;
--source and --strict come from the shared parents here) and `run(args) -> int`.  Only the chosen
command's module is imported, so `radar check` never waits for matplotlib.  Adding a command: a module,
and one line in `COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .collector import collect_in_batches
from .i18n import Translator, environment_language, radar_language, translator

SOURCE, STRICT = "source", "strict"  # the options several commands share, made once by _parents


def _parents(t: Translator) -> dict[str, argparse.ArgumentParser]:
    source = argparse.ArgumentParser(add_help=False)
    source.add_argument("--source", type=Path, default=Path("."), help=t("help.source"))
    strict = argparse.ArgumentParser(add_help=False)
    strict.add_argument("--strict", action="store_true", help=t("help.strict"))
    helps = argparse.ArgumentParser(add_help=False)  # argparse's own -h would say it in English
    helps.add_argument("-h", "--help", action="help", help=t("help.help"))
    return {SOURCE: source, STRICT: strict, "help": helps}


@dataclass(frozen=True)
class Command:
    module: str  # generator.commands.<module>: add_arguments(parser, t) and run(args) -> int
    help: str  # the locale key of its one-line help
    parents: tuple[str, ...] = (SOURCE,)


COMMANDS = {
    "build": Command("build", "help.build", (SOURCE, STRICT)),
    "check": Command("check", "help.check", (SOURCE, STRICT)),
    "moves": Command("moves", "help.moves"),
    "diff": Command("diff", "help.diff"),
    "new": Command("scaffold", "help.new"),
    "import": Command("import_", "help.import"),
    "export": Command("export", "help.export"),
    "serve": Command("serve", "help.serve", (SOURCE, STRICT)),
}


def language(argv: list[str]) -> str:
    """The language of the command line's own words (help, usage errors), chosen before parsing.

    argparse prints help while it parses, before any radar is loaded, so the loader cannot say.
    The radar the command is about can, cheaply: the `language:` line of --source's radar.yaml
    (the current folder's by default), so that help and every later message agree.  Outside a
    radar the user's locale decides (LC_ALL, LC_MESSAGES, LANG), and English where it names none.
    """
    source = "."
    for i, arg in enumerate(argv):
        if arg == "--source" and i + 1 < len(argv):
            source = argv[i + 1]
        elif arg.startswith("--source="):
            source = arg.partition("=")[2]
    return radar_language(Path(source)) or environment_language() or "en"


# argparse words its frame (usage, section titles, its own errors) through gettext, by these English
# msgids: each is said by a locale key, so a Dutch radar's authors read a usage error in Dutch too.
ARGPARSE_WORDS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one_required",
    "not allowed with argument %s": "argparse.not_allowed",
    "ignored explicit argument %r": "argparse.ignored",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "expected %s argument": "argparse.expected_n_one",
    "expected %s arguments": "argparse.expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
}


@contextmanager
def argparse_in(t: Translator) -> Iterator[None]:
    """argparse's own words in `t`'s language while parsing.  argparse looks its module-level gettext
    functions up at each call; they are swapped for ours meanwhile and put back after (one caller,
    in-process tests, is never left speaking another language)."""
    said = {msgid: t(key) for msgid, key in ARGPARSE_WORDS.items()}
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def words(msgid: str) -> str:
        return said.get(msgid, msgid)

    argparse._ = words  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: words(one if n == 1 else many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _parser(t: Translator) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(prog="radar", description=t("help.radar"), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=t("help.help"))
    parser.add_argument("--version", action="version", version=f"radar {__version__}", help=t("help.version"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parents = _parents(t)
    found = {
        name: commands.add_parser(
            name, help=t(c.help), parents=[parents["help"], *(parents[p] for p in c.parents)], add_help=False
        )
        for name, c in COMMANDS.items()
    }
    return parser, found


def _command(argv: list[str]) -> str | None:
    """The subcommand word, if it is one the parser knows without its heavy modules."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in ("build", "check", "moves", "diff") else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    collect_in_batches()
    t = translator(language(argv))
    with argparse_in(t):
        return _main(argv, t)


def _main(argv: list[str], t: Translator) -> int:
    parser, commands = _parser(t)
    name = next((a for a in argv if not a.startswith("-")), "")
    if name not in COMMANDS:
        parser.parse_args(argv)  # --help, --version, or the error that names the commands: all exit
        return 2
    try:
        module = importlib.import_module(f"{__package__}.commands.{COMMANDS[name].module}")
    except ModuleNotFoundError as exc:  # an environment installed before a dependency was added
        print(t("cli.error", message=t("cli.not_installed", name=exc.name)), file=sys.stderr)
        return 1
    module.add_arguments(commands[name], t)
    return module.run(parser.parse_args(argv))
