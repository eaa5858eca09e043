"""`radar check`: validate everything, write nothing, and stay quick (no matplotlib, no Markdown rendering)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.load import load
from ..content.problems import report
from ..i18n import Translator


def check(source: Path, strict: bool = False, fmt: str = "text") -> int:
    from ..outputs.keys import markdown_memo  # a build's rendered bodies hold their links: not parsed again

    radar, problems = load(source, strict, bodies=False, memo=markdown_memo(source, write=False))
    report(problems, fmt, sys.stdout if fmt != "text" else sys.stderr)
    failed = bool(problems.errors) or radar is None
    if fmt == "text" and radar is not None and not failed:
        # Say what was checked, so a silent success is never mistaken for checking nothing.
        t = problems.t
        counts = t("check.summary_counts", technologies=len(radar.blips), initiatives=len(radar.initiatives))
        warned = problems.warnings
        verdict = t("check.summary_warnings", count=len(warned)) if warned else t("check.summary_no_problems")
        print(f"{counts}: {verdict}")
    return 1 if failed else 0


def add_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.description = t("help.check_description")
    parser.add_argument("--format", choices=("text", "github", "gitlab"), default="text", help=t("help.check_format"))
    parser.add_argument("--base", metavar="BASE", help=t("help.check_base"))


def run(args: argparse.Namespace) -> int:
    if args.base:
        from .gitbase import check_against  # git and its temporary folder only when asked for

        return check_against(args.source, args.base, args.strict, args.format)
    return check(args.source, args.strict, args.format)
