"""`radar diff BASE`: what a change does to the radar, as Markdown for a pull request (see gitbase.py)."""

from __future__ import annotations

import argparse

from ..i18n import Translator
from .gitbase import diff


def add_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.description = t("help.diff_description")
    parser.add_argument("base", metavar="BASE", help=t("help.diff_base"))


def run(args: argparse.Namespace) -> int:
    return diff(args.source, args.base)
