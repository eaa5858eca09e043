"""`radar diff BASE`: what a change does to the radar, as Markdown for a pull request (see gitbase.py)."""

from __future__ import annotations

import argparse

from .gitbase import diff


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Blips added, moved, retired and edited against the git revision BASE, for a pull request."
    parser.add_argument("base", metavar="BASE", help="git revision to compare with, such as origin/main")


def run(args: argparse.Namespace) -> int:
    return diff(args.source, args.base)
