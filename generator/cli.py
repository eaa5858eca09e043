"""The `radar` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; given the `command` being run, the others that import much
    (`new`, `serve`: a web server, templates) are only named, so `radar check` starts quickly."""
    parser = argparse.ArgumentParser(prog="radar", description="Build a technology radar site from Markdown files.")
    parser.add_argument("--version", action="version", version=f"radar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="check the content, then build the site",
        description="Check every file, then write the site. On any error nothing is written.",
    )
    build.add_argument("--source", type=Path, default=Path("."), help="the radar's folder (default: .)")
    build.add_argument("--out", type=Path, default=None, help="output folder (default: SOURCE/site)")
    build.add_argument("--strict", action="store_true", help="treat warnings (unknown fields) as errors")

    check = commands.add_parser(
        "check",
        help="check the content without writing anything",
        description="Report every problem in every file as path:line:column: message.",
    )
    check.add_argument("--source", type=Path, default=Path("."), help="the radar's folder (default: .)")
    check.add_argument("--strict", action="store_true", help="treat warnings (unknown fields) as errors")
    check.add_argument(
        "--format",
        choices=("text", "github", "gitlab"),
        default="text",
        help="text for people, github for Actions annotations, gitlab for a code-quality report",
    )
    # Ring moves (moves.py, gitbase.py): --base on check, `radar moves`, `radar diff`
    check.add_argument(
        "--base",
        metavar="BASE",
        help="git revision to compare with: a ring changed since BASE needs a history entry for this edition",
    )
    moves = commands.add_parser(
        "moves", help="the ring moves of an edition", description="What is new, moved in or out, and retired."
    )
    moves.add_argument("--source", type=Path, default=Path("."), help="the radar's folder (default: .)")
    moves.add_argument("--edition", metavar="YYYY-Qn", help="the edition to review (default: the current one)")
    moves.add_argument("--format", choices=("text", "markdown", "csv"), default="text", help="output format")
    diff = commands.add_parser(
        "diff",
        help="what a change does to the radar, as Markdown",
        description="Blips added, moved, retired and edited against the git revision BASE, for a pull request.",
    )
    diff.add_argument("base", metavar="BASE", help="git revision to compare with, such as origin/main")
    diff.add_argument("--source", type=Path, default=Path("."), help="the radar's folder (default: .)")
    # Authoring: `radar new` and `radar serve` declare their own options (scaffold.py, serve.py).
    if command in (None, "new", "serve", "import", "export"):
        from .commands import export, import_, scaffold, serve

        scaffold.add_parser(commands)
        serve.add_parser(commands)
        import_.add_parser(commands)
        export.add_parser(commands)
    else:
        for name in ("new", "serve", "import", "export"):
            commands.add_parser(name)
    return parser


def _command(argv: list[str]) -> str | None:
    """The subcommand word, if it is one the parser knows without its heavy modules."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in ("build", "check", "moves", "diff") else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(_command(argv)).parse_args(argv)
    if args.command == "build":
        from .commands.build import build

        return build(args.source, args.out or args.source / "site", args.strict)
    if args.command == "check" and args.base:
        from .commands.gitbase import check_against

        return check_against(args.source, args.base, args.strict, args.format)
    if args.command == "check":
        from .commands.check import check

        return check(args.source, args.strict, args.format)
    if args.command == "moves":
        from .commands.moves import run

        return run(args.source, args.edition, args.format)
    if args.command == "diff":
        from .commands.gitbase import diff

        return diff(args.source, args.base)
    if args.command == "new":
        from .commands.scaffold import new

        return new(args)
    if args.command == "serve":
        from .commands.serve import serve

        return serve(args.source, args.port, args.out, args.strict)
    if args.command == "import":
        from .commands import import_

        return import_.run(args)
    if args.command == "export":
        from .commands import export

        return export.run(args)
    return 2
