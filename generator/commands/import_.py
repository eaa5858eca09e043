"""`radar import FORMAT INPUT...`: another tool's radar, with its history, as a radar folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.schema import EDITION_RE
from ..i18n import Translator, radar_language, translator

FORMATS = ("byor", "aoe", "zalando", "backstage")


def add_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.description = t("help.import_description")
    parser.add_argument("format", choices=FORMATS, help=t("help.import_format"))
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help=t("help.import_inputs"))
    parser.add_argument("--edition", metavar="YYYY-Qn", help=t("help.import_edition"))
    parser.add_argument("--git", type=Path, metavar="FILE", help=t("help.import_git"))
    parser.add_argument("--title", help=t("help.import_title"))
    parser.add_argument("--alias", action="append", default=[], metavar="OLD=NEW", help=t("help.import_alias"))
    parser.add_argument("--site-url", metavar="URL", help=t("help.import_site_url"))
    parser.add_argument("--force", action="store_true", help=t("help.import_force"))


def run(args: argparse.Namespace) -> int:
    from ..interop import formats
    from ..interop.radar_files import ImportError_, files_of, write
    from ..interop.snapshots import Report
    from ..interop.sources import SourceError

    # The radar already in --source says which language to speak; a new one is written in English
    # (radar.yaml's `language: en`), and so are the messages about it.
    language = radar_language(args.source) or "en"
    t = translator(language)
    if args.edition and not EDITION_RE.match(args.edition):
        print(t("import.failed", message=t("import.bad_edition", edition=repr(args.edition))), file=sys.stderr)
        return 2
    if not args.inputs and not args.git:
        print(t("import.failed", message=t("import.no_inputs")), file=sys.stderr)
        return 2
    report = Report()
    try:
        imported = formats.read(args, report)
        files = files_of(imported, report) if imported.blips else {}
        if not files:
            for line in report.lines(language):
                print(line, file=sys.stderr)
            print(t("import.failed", message=t("import.nothing")), file=sys.stderr)
            return 1
        problems = write(args.source, files, args.force)
    except (SourceError, ImportError_) as error:
        print(t("import.failed", message=error.text(language)), file=sys.stderr)
        return 1
    if problems:
        for line in report.lines(language):
            print(line, file=sys.stderr)
        for problem in problems:
            print(problem.text(), file=sys.stderr)
        print(t("import.failed", message=t("import.does_not_pass", source=args.source)), file=sys.stderr)
        return 1
    print(t("import.imported", format=args.format, source=args.source, edition=imported.edition))
    for line in report.lines(language):
        print(line)
    return 0
