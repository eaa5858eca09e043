"""The pipeline: load and validate, lay out, render, write.  One function per stage."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import jinja2

from ..collector import kept_alive
from ..content.load import load
from ..content.model import Radar
from ..content.problems import Problems, report
from ..i18n import Translator
from ..outputs.keys import markdown_memo
from ..outputs.write import OutputError, check_target, write_failure, write_site
from ..render.parts import site_files
from ..render.site import Site, template_frame, template_problem


def render_site(radar: Radar, source: Path) -> tuple[Site, Iterator[tuple[str, bytes]]]:
    """Every file of the site, (path, bytes) made one by one as they are written: every registered part, every path."""
    files = site_files(radar, source)
    return files.site, files.each()


def counting(files: Iterable[tuple[str, bytes]], pages: list[str]) -> Iterator[tuple[str, bytes]]:
    """The files as they are, noting the pages among them (for the closing line)."""
    for path, content in files:
        if path.endswith(".html"):
            pages.append(path)
        yield path, content


def growth_notes(site: Site) -> list[str]:
    """The rings the current edition's picture widened, kept in the render cache with the outputs: a
    build whose pages and pictures are all kept would otherwise lay out the edition only to say this."""

    def notes() -> bytes:
        found = [
            site.t(
                "build.widened",
                ring=site.radar.rings[ring].name,
                factor=f"{factor:.1f}",
                count=count,
                quadrant=site.radar.quadrants[quadrant].name,
            )
            for ring, quadrant, count, factor in site.current.layout.grown
        ]
        return json.dumps(found).encode("utf-8")

    return json.loads(site.kept("notes/growth.json", notes))  # named as no file of the site is


def build(source: Path, out: Path, strict: bool = False) -> int:
    radar, problems = load(source, strict, memo=markdown_memo(source))
    with kept_alive():
        return _write(radar, problems, source, out)


def _write(radar: Radar | None, problems: Problems, source: Path, out: Path) -> int:
    report(problems)
    t = problems.t  # the radar's language once radar.yaml is read
    if problems.errors or radar is None:
        print(t("build.nothing_written", out=out), file=sys.stderr)
        return 1
    try:
        check_target(out, source)
        site, files = render_site(radar, source)
        pages: list[str] = []
        write_site(out, counting(files, pages))
    except OutputError as exc:
        print(t("cli.error", message=exc.text(radar.language)), file=sys.stderr)
        return 1
    except OSError as exc:  # --out under a file, a read-only parent, a full disk: the old site stays as it was
        failure = write_failure(out, exc, radar.language)
        print(t("cli.error", message=failure) + "\n" + t("build.nothing_written", out=out), file=sys.stderr)
        return 1
    except Exception as exc:  # a theme arrives by pull request: its mistakes are problems, not tracebacks
        if not isinstance(exc, jinja2.TemplateError) and template_frame(exc) is None:
            raise  # not from a template: a bug of ours, shown in full
        problem = template_problem(exc, radar.language)
        problem = dataclasses.replace(problem, path=problems.relative(problem.path))
        print(problem.text() + "\n" + t("build.nothing_written", out=out), file=sys.stderr)
        return 1
    for note in growth_notes(site):
        print(note, file=sys.stderr)
    print(t("build.built", out=out, pages=len(pages), count=len(radar.blips), edition=radar.edition))
    return 0


def add_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.description = t("help.build_description")
    parser.add_argument("--out", type=Path, default=None, help=t("help.build_out"))


def run(args: argparse.Namespace) -> int:
    return build(args.source, args.out or args.source / "site", args.strict)
