"""The `radar` command line: one table of commands, each a module under generator/commands/.

A command module exposes `add_arguments(parser)` (its own options; --source and --strict come from
the shared parents here) and `run(args) -> int`.  Only the chosen command's module is imported, so
`radar check` never waits for matplotlib.  Adding a command: a module, and one line in `COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

from . import __version__


def _parent(*flags: str, **options: object) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(*flags, **options)  # type: ignore[arg-type]
    return parent


SOURCE = _parent("--source", type=Path, default=Path("."), help="the radar's folder (default: .)")
STRICT = _parent("--strict", action="store_true", help="treat warnings (unknown fields) as errors")


@dataclass(frozen=True)
class Command:
    module: str  # generator.commands.<module>: add_arguments(parser) and run(args) -> int
    help: str
    parents: tuple[argparse.ArgumentParser, ...] = (SOURCE,)


COMMANDS = {
    "build": Command("build", "check the content, then build the site", (SOURCE, STRICT)),
    "check": Command("check", "check the content without writing anything", (SOURCE, STRICT)),
    "moves": Command("moves", "the ring moves of an edition"),
    "diff": Command("diff", "what a change does to the radar, as Markdown"),
    "new": Command("scaffold", "create a new technology (or 'new initiative') file, asking for what is missing"),
    "import": Command("import_", "bring in a radar from BYOR, AOE, Zalando or Backstage, with its history"),
    "export": Command("export", "write the radar for BYOR, Backstage or Zalando's radar"),
    "serve": Command(
        "serve", "preview the site on 127.0.0.1, rebuilding and reloading on every save", (SOURCE, STRICT)
    ),
}


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(prog="radar", description="Build a technology radar site from Markdown files.")
    parser.add_argument("--version", action="version", version=f"radar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    found = {name: commands.add_parser(name, help=c.help, parents=list(c.parents)) for name, c in COMMANDS.items()}
    return parser, found


def _command(argv: list[str]) -> str | None:
    """The subcommand word, if it is one the parser knows without its heavy modules."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in ("build", "check", "moves", "diff") else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser, commands = _parser()
    name = next((a for a in argv if not a.startswith("-")), "")
    if name not in COMMANDS:
        parser.parse_args(argv)  # --help, --version, or the error that names the commands: all exit
        return 2
    try:
        module = importlib.import_module(f"{__package__}.commands.{COMMANDS[name].module}")
    except ModuleNotFoundError as exc:  # an environment installed before a dependency was added
        print(
            f"error: the package '{exc.name}' is not installed: run `pip install .` (or `pip install -e .`) again",
            file=sys.stderr,
        )
        return 1
    module.add_arguments(commands[name])
    return module.run(parser.parse_args(argv))
