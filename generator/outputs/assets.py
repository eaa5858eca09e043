"""assets/: images and files that blip texts link to ('../assets/x.png'), copied as they are."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.folders import ASSETS_DIR
from ..render.site import Maker, Site, output_files

ASSETS = ASSETS_DIR.as_posix()


@output_files
def asset_files(site: Site) -> Iterator[tuple[str, Maker]]:
    """Only regular files inside the folder: a link to elsewhere on the build machine is not published."""
    if site.source is None or not (site.source / ASSETS).is_dir():
        return
    folder = site.source / ASSETS
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if (
            path.is_file()
            and not path.is_symlink()
            and path.resolve().is_relative_to(root)
            and not any(part.startswith(".") for part in rel.parts)
        ):
            yield f"{ASSETS}/{rel.as_posix()}", path.read_bytes
