"""The blip field table in content/schema.py is the one place a front-matter field is declared.

From it come: which fields are required and their checks (read_fields), the model's values (load),
radar.json's blip entries (outputs/data.py), what `radar diff` calls an edit (schema.edited_fields) and
the CONTRIBUTING tables (tests/test_scaffold.py).  The last test adds a field to the table, and only
there, and follows it from a file to radar.json and the diff.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import RadarDir, blip_text

from generator.commands import gitbase
from generator.content import entries as entries_module
from generator.content import schema
from generator.content.load import load
from generator.content.model import Blip
from generator.outputs.data import blip_data


def test_every_field_of_the_table_is_in_the_model():
    assert set(schema.BLIP_FIELDS) <= {f.name for f in dataclasses.fields(Blip)}


def test_every_field_of_every_table_has_its_meaning_in_the_locale_files_and_no_other_field_key_is_there():
    from generator.i18n import catalogues

    tables = [value for name, value in vars(schema).items() if name.endswith("_FIELDS") and isinstance(value, dict)]
    docs = {field.doc for table in tables for field in table.values()}
    for language, strings in catalogues().items():
        assert {key for key in strings if key.startswith("field.")} == docs, language


def test_edits_are_every_field_but_the_moves():
    assert schema.edited_fields() == tuple(n for n in schema.BLIP_FIELDS if n not in ("ring", "history"))
    assert {"contact", "featured"} <= set(schema.edited_fields())  # the two a hand-kept list had missed


def test_radar_json_holds_every_field_of_the_table(sample_site: Path):
    blips = json.loads((sample_site / "radar.json").read_text(encoding="utf-8"))["blips"]
    assert blips and all(set(schema.BLIP_FIELDS) <= set(b) for b in blips)
    with_contact = [b for b in blips if b["contact"]]
    assert with_contact, "the sample has contacts; radar.json must carry them"
    assert all(set(schema.LEAFLET_FIELDS) == set(b["leaflet"]) for b in blips if b["leaflet"])
    assert all(set(schema.HISTORY_FIELDS) == set(h) for b in blips for h in b["history"])


@pytest.fixture
def owner_team(monkeypatch):
    """A new optional field, declared in the table only (plus the attribute a model needs to hold it)."""
    field = schema.Field("owner_team", schema.TEXT, False, "owner_team: Team Data", doc="Team that owns it.")
    monkeypatch.setitem(schema.BLIP_FIELDS, "owner_team", field)
    model = dataclasses.make_dataclass("BlipWithOwner", [("owner_team", str, "")], bases=(Blip,))
    monkeypatch.setattr(entries_module, "Blip", model)
    return field


def test_a_field_added_to_the_table_reaches_the_model_radar_json_and_the_diff(tmp_path: Path, owner_team):
    radar = RadarDir(tmp_path / "base")
    radar.write("blips/thing.md", blip_text(extra="owner_team: Team A\n"))
    base, problems = load(radar.root)
    assert base is not None and not problems.items, [p.text() for p in problems.items]  # no unknown-field warning
    assert base.blips["thing"].owner_team == "Team A"  # type: ignore[attr-defined]
    assert blip_data(base.blips["thing"])["owner_team"] == "Team A"

    radar = RadarDir(tmp_path / "head")
    radar.write("blips/thing.md", blip_text(extra="owner_team: Team B\n"))
    head, _ = load(radar.root)
    assert head is not None
    (change,) = gitbase.changes(base, head)
    assert change.kind == "edited" and change.fields == ("owner_team",)


def test_radar_new_writes_fields_of_the_table_in_its_order(tmp_path: Path):
    import yaml

    from generator.commands.scaffold_files import blip_text as new_blip

    radar, _ = load(RadarDir(tmp_path).root)
    assert radar is not None
    answers = {"title": "T", "quadrant": "data", "ring": "trial", "summary": "", "note": "n"}
    text = new_blip(radar, {**answers, "capabilities": [], "initiatives": []})
    keys = list(yaml.safe_load(text.split("---")[1]))
    assert keys == [name for name in schema.BLIP_FIELDS if name in keys]
    assert {"title", "quadrant", "ring", "history"} <= set(keys)
