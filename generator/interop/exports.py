"""The radar in other tools' formats: one function per format, each for one edition."""

from __future__ import annotations

from collections.abc import Callable

from ..content.model import Radar
from . import backstage, byor, zalando

EXPORTS: dict[str, tuple[str, Callable[[Radar, str], str]]] = {
    "byor-csv": ("byor.csv", byor.to_csv),
    "byor-json": ("byor.json", byor.to_json),
    "backstage": ("backstage.json", backstage.export),
    "zalando": ("zalando.json", zalando.export),
}


def site_files(radar: Radar) -> dict[str, bytes]:
    """The current edition in every format, as downloads beside radar.json (a Backstage instance
    or a BYOR page can load them by URL)."""
    return {f"exports/{name}": make(radar, radar.edition).encode("utf-8") for name, make in EXPORTS.values()}
