"""The radar in other tools' formats: one function per format, each for one edition.

The format modules are imported when a format is asked for: `radar build` writes every export,
and need not load the import side's HTML and Unicode libraries to do so."""

from __future__ import annotations

from collections.abc import Callable

from ..content.model import Radar


def _byor_csv(radar: Radar, edition: str) -> str:
    from . import byor

    return byor.to_csv(radar, edition)


def _byor_json(radar: Radar, edition: str) -> str:
    from . import byor

    return byor.to_json(radar, edition)


def _backstage(radar: Radar, edition: str) -> str:
    from . import backstage

    return backstage.export(radar, edition)


def _zalando(radar: Radar, edition: str) -> str:
    from . import zalando

    return zalando.export(radar, edition)


EXPORTS: dict[str, tuple[str, Callable[[Radar, str], str]]] = {
    "byor-csv": ("byor.csv", _byor_csv),
    "byor-json": ("byor.json", _byor_json),
    "backstage": ("backstage.json", _backstage),
    "zalando": ("zalando.json", _zalando),
}


def site_files(radar: Radar) -> dict[str, bytes]:
    """The current edition in every format, as downloads beside radar.json (a Backstage instance
    or a BYOR page can load them by URL)."""
    return {path: make(radar, radar.edition) for path, make in site_makers(radar).items()}


def site_makers(radar: Radar) -> dict[str, Callable[[Radar, str], bytes]]:
    """`site_files` as paths and the functions that make them: the build makes one only when asked."""
    return {f"exports/{name}": _encoded(make) for name, make in EXPORTS.values()}


def _encoded(make: Callable[[Radar, str], str]) -> Callable[[Radar, str], bytes]:
    return lambda radar, edition: make(radar, edition).encode("utf-8")
