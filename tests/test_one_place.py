"""One place per fact: the content folders, the statuses and the base radius are each stated once.

Restating a fact is how the next change goes wrong silently (a folder the preview does not watch, a
status the filters do not offer), so these tests fail as soon as a second statement appears.
"""

from __future__ import annotations

import re

from conftest import ROOT

from generator.commands import gitbase
from generator.commands.serve import watch
from generator.content import config, folders, load
from generator.domain import comparison, editions
from generator.outputs import charts, write

SOURCES = sorted((ROOT / "generator").rglob("*.py"))
TEMPLATES = sorted((ROOT / "themes").rglob("*.html"))


# Same words, other facts: AOE's export keeps its releases in its own radar/ folder; an import stages in a
# temporary folder it happens to call radar.
OTHER_FACTS = {"generator/interop/aoe.py", "generator/interop/radar_files.py"}


def test_content_folders_come_from_one_list():
    assert watch.WATCHED is folders.CONTENT_FOLDERS
    assert gitbase.CONTENT is folders.CONTENT_FOLDERS
    assert write.CONTENT_FOLDERS is folders.CONTENT_FOLDERS
    assert load.BLIPS_DIR is folders.BLIPS_DIR and config.RADAR_FILE is folders.RADAR_FILE
    named = re.compile(r"""(/ |Path\()["'](blips|themes|assets|radar)\b""")  # used as a path
    restated = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in SOURCES
        if p.name != "folders.py" and p.relative_to(ROOT).as_posix() not in OTHER_FACTS
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if named.search(line) and not line.lstrip().startswith("#")
    ]
    assert not restated, "content folder named outside content/folders.py:\n" + "\n".join(restated)


def test_statuses_are_named_once():
    assert set(charts.KIND_COLORS) == {*editions.STATUSES, comparison.RETURNED}  # the chart also has a returned row
    assert set(editions.ON_RADAR) | set(editions.CHANGES) == set(editions.STATUSES)
    listed = re.compile(r"\[\s*'(new|moved-in|moved-out|unchanged|retired)'\s*,")
    found = [p.name for p in TEMPLATES if listed.search(p.read_text(encoding="utf-8"))]
    assert not found, f"templates list statuses themselves: {found}"


def test_the_base_radius_is_stated_once():
    literal = re.compile(r"(?<![\w.])34(\.0)?(?![\w.])")
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in SOURCES
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line.split("#")[0])
    ]
    assert len(found) == 1 and found[0].startswith("generator/domain/layout.py:"), found  # BASE_RADIUS
