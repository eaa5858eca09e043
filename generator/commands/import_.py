"""`radar import FORMAT INPUT...`: another tool's radar, with its history, as a radar folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.schema import EDITION_RE

FORMATS = ("byor", "aoe", "zalando", "backstage")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Create or update the radar in --source from another tool's files. Several files are several "
        "editions (a date in each name, or --edition for one file); --git reads every committed version."
    )
    parser.add_argument("format", choices=FORMATS, help="the source tool")
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="files (aoe: the radar's folder)")
    parser.add_argument("--edition", metavar="YYYY-Qn", help="the edition of a single input file")
    parser.add_argument("--git", type=Path, metavar="FILE", help="read every commit of FILE as a snapshot")
    parser.add_argument("--title", help="the radar's title (default: from the source)")
    parser.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="another name for a ring or quadrant, such as caution=hold (given by default)",
    )
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help="byor: where the sheet's radar was published; links to its technology pages become links to ours",
    )
    parser.add_argument("--force", action="store_true", help="replace files already in --source")


def run(args: argparse.Namespace) -> int:
    from ..interop import formats
    from ..interop.radar_files import ImportError_, files_of, write
    from ..interop.snapshots import Report
    from ..interop.sources import SourceError

    if args.edition and not EDITION_RE.match(args.edition):
        print(
            f"radar import: --edition must be written YYYY-Qn, such as 2026-Q2, not {args.edition!r}", file=sys.stderr
        )
        return 2
    if not args.inputs and not args.git:
        print("radar import: name the files to import, or --git FILE", file=sys.stderr)
        return 2
    report = Report()
    try:
        imported = formats.read(args, report)
        files = files_of(imported, report) if imported.blips else {}
        if not files:
            for line in report.lines():
                print(line, file=sys.stderr)
            print("radar import: nothing to import: no row could be read", file=sys.stderr)
            return 1
        problems = write(args.source, files, args.force)
    except (SourceError, ImportError_) as error:
        print(f"radar import: {error}", file=sys.stderr)
        return 1
    if problems:
        for line in report.lines():
            print(line, file=sys.stderr)
        for problem in problems:
            print(problem.text(), file=sys.stderr)
        print(f"radar import: the imported radar does not pass the check; {args.source} is unchanged", file=sys.stderr)
        return 1
    print(f"imported {args.format} into {args.source}: edition {imported.edition}")
    for line in report.lines():
        print(line)
    return 0
