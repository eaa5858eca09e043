"""The `radar` command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import __version__


def _parser() -> argparse.ArgumentParser:
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "build":
        from .build import build

        return build(args.source, args.out or args.source / "site", args.strict)
    if args.command == "check":
        from .build import check

        return check(args.source, args.strict, args.format)
    return 2
