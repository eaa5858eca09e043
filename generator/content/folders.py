"""Where a radar's content lives inside its folder: the one list every command reads.

The loader reads these, `radar serve` watches them, `radar diff` takes them from git, the build refuses
to write a site inside them and copies assets/ from them; a new content folder is added here only.
"""

from __future__ import annotations

from pathlib import Path

BLIPS_DIR = Path("blips")
RADAR_DIR = Path("radar")
THEMES_DIR = Path("themes")
ASSETS_DIR = Path("assets")  # images and files that blip texts link to, copied into the site as they are
RADAR_FILE = RADAR_DIR / "radar.yaml"
CAPABILITIES_FILE = RADAR_DIR / "capabilities.yaml"
INITIATIVES_DIR = RADAR_DIR / "initiatives"

CONTENT_FOLDERS = tuple(p.as_posix() for p in (BLIPS_DIR, RADAR_DIR, THEMES_DIR, ASSETS_DIR))
