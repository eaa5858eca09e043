"""`radar export --format F`: the radar for another tool (BYOR, Backstage, Zalando), to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.load import load
from ..content.problems import report
from ..content.schema import EDITION_RE
from ..i18n import Translator, translator

FORMATS = ("byor-csv", "byor-json", "backstage", "zalando")


def add_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.description = t("help.export_description")
    parser.add_argument("--format", choices=FORMATS, required=True, help=t("help.export_format"))
    parser.add_argument("--edition", metavar="YYYY-Qn", help=t("help.export_edition"))
    parser.add_argument("--out", type=Path, help=t("help.export_out"))


def run(args: argparse.Namespace) -> int:
    from ..interop.exports import EXPORTS

    radar, problems = load(args.source)
    report(problems)
    if radar is None or problems.errors:
        return 1
    edition = args.edition or radar.edition
    if not EDITION_RE.match(edition) or edition not in radar.editions:
        t = translator(radar.language)
        print(t("export.no_edition", edition=repr(edition), editions=", ".join(radar.editions)), file=sys.stderr)
        return 1
    text = EXPORTS[args.format][1](radar, edition)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
