"""Which reader a format name means, and its inputs gathered from the command line."""

from __future__ import annotations

import argparse

from .radar_files import Imported
from .snapshots import Report
from .sources import SourceError, read_files, read_git
from .vocabulary import parse_aliases


def read(args: argparse.Namespace, report: Report) -> Imported:
    aliases = parse_aliases(args.alias)
    if args.format == "byor":
        from . import byor

        sources = read_files(args.inputs, args.edition) + (read_git(args.git) if args.git else [])
        return byor.read(sources, aliases, report, args.title or "", args.site_url or "")
    if args.format == "aoe":
        from . import aoe

        if len(args.inputs) != 1 or not args.inputs[0].is_dir():
            raise SourceError("import.aoe_one_folder")
        return aoe.read(args.inputs[0], aliases, report, args.title or "")
    if args.format in ("zalando", "backstage"):
        if len(args.inputs) != 1:
            raise SourceError("import.one_file", format=args.format)
        if args.format == "zalando":
            from . import zalando

            return zalando.read(args.inputs[0], args.edition, aliases, report, args.title or "")
        from . import backstage

        return backstage.read(args.inputs[0], aliases, report, args.title or "")
    raise SourceError("import.no_importer", format=args.format)
