"""The declared shape of every file an author writes, one place per fact.

Like MkDocs' config schema, each field is declared once with its type, whether
it is required, what it means and an example line to copy; the loader checks
files against these declarations and collects every mismatch.  The docs in
CONTRIBUTING.md are written from these declarations; what each field means is worded in
generator/locales (the `field:` group), so a message names it in the radar's language.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from typing import Any

from .problems import ERROR, WARNING, Problems
from .source import Document, Key

EDITION_RE = re.compile(r"^(\d{4})-Q([1-4])$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAILBOX_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
"""A contact written as a mailbox: shown as a mail link, so it must be an address a mail program takes."""
CONTACT_MAX = 120

TEXT, TEXTS, BOOL, EDITION, MAPPING, MAPPINGS, ID = (
    "text",
    "list of texts",
    "true or false",
    "edition",
    "mapping",
    "list of mappings",
    "id",
)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    example: str = ""
    doc: str = ""  # the locale key of what it means ('field.blip_title'), said in the radar's language


def _fields(table: str, *fields: Field) -> dict[str, Field]:
    """A table's fields by name; each field's meaning is the locale key `field.<table>_<name>`."""
    return {f.name: replace(f, doc=f.doc or f"field.{table}_{f.name}") for f in fields}


ENTRY_FIELDS = _fields(
    "entry",  # quadrants and rings in radar.yaml
    Field("id", ID, True, "id: beproeven"),
    Field("name", TEXT, True, "name: Beproeven"),
    Field("description", TEXT, False, "description: ..."),
    Field("color", TEXT, False, "color: '#1f5f8b'"),
    Field("from", EDITION, False, "from: 2021-Q1"),
    Field("until", EDITION, False, "until: 2020-Q4"),
)

RADAR_FIELDS = _fields(
    "radar",
    Field("title", TEXT, True, "title: Technologieradar Politie"),
    Field(
        "language",
        TEXT,
        True,
        "language: nl",
    ),
    Field("edition", EDITION, True, "edition: 2026-Q4"),
    Field("description", TEXT, False, "description: ..."),
    Field(
        "editions",
        TEXTS,
        False,
        "editions: [2026-Q1, 2026-Q2]",
    ),
    Field("theme", ID, False, "theme: default"),
    Field("quadrants", MAPPINGS, True, "quadrants: [{id: ..., name: ...}]"),
    Field("rings", MAPPINGS, True, "rings: [{id: ..., name: ...}]"),
)

HISTORY_FIELDS = _fields(
    "history",
    Field("edition", EDITION, True, "edition: 2026-Q4"),
    Field("ring", ID, False, "ring: beproeven"),
    Field("retired", BOOL, False, "retired: true"),
    Field("note", TEXT, False, "note: Pilot geslaagd"),
)

LEAFLET_FIELDS = _fields(
    "leaflet",
    Field("purpose", TEXT, True, "purpose: ..."),
    Field("owner", TEXT, True, "owner: Team Data"),
    Field("published", EDITION, False, "published: 2026-Q3"),
    Field("risks", TEXTS, True, "risks: [Vooringenomenheid]"),
    Field("measures", TEXTS, True, "measures: [Menselijke toets]"),
)

BLIP_FIELDS = _fields(
    "blip",
    Field("title", TEXT, True, "title: Digital twins"),
    Field("quadrant", ID, True, "quadrant: data-en-ai"),
    Field("ring", ID, True, "ring: beproeven"),
    Field("summary", TEXT, False, "summary: ..."),
    Field("tags", TEXTS, False, "tags: [ai, privacy]"),
    Field("capabilities", TEXTS, False, "capabilities: [technologie-wendbaarheid]"),
    Field("initiatives", TEXTS, False, "initiatives: [no-more-ransom]"),
    Field("algorithm", BOOL, False, "algorithm: true"),
    Field(
        "contact",
        TEXT,
        False,
        "contact: team-innovatie@politie.nl",
    ),
    Field("featured", BOOL, False, "featured: false"),
    Field("leaflet", MAPPING, False, "leaflet: {purpose: ...}"),
    Field("history", MAPPINGS, False, "history: [{edition: 2026-Q4, ring: beproeven}]"),
)

# Fields whose change is a ring move (shown as moved/retired), not an edit: every other field is an edit.
MOVE_FIELDS = ("ring", "history")
# Sub-tables of a blip field: radar.json writes them field by field in their table's order.
BLIP_PARTS = {"leaflet": LEAFLET_FIELDS, "history": HISTORY_FIELDS}


def edited_fields() -> tuple[str, ...]:
    """The blip fields `radar diff` reports as edited: the table's, read when asked (a new field counts at once)."""
    return tuple(name for name in BLIP_FIELDS if name not in MOVE_FIELDS)


INITIATIVE_FIELDS = _fields(
    "initiative",
    Field("title", TEXT, True, "title: No More Ransom"),
    Field("lead", TEXT, True, "lead: Team High Tech Crime"),
    Field("status", ID, True, "status: pilot"),
    Field(
        "contact",
        TEXT,
        False,
        "contact: team-innovatie@politie.nl",
    ),
    Field("capabilities", TEXTS, False, "capabilities: [werkwijze-wendbaarheid]"),
)

AXIS_FIELDS = _fields(
    "axis",
    Field("id", ID, True, "id: technologie"),
    Field("name", TEXT, True, "name: Technologie"),
    Field("title", TEXT, True, "title: ..."),
)

SCORE_FIELDS = _fields(
    "score",
    Field("edition", EDITION, True, "edition: 2026-Q4"),
    Field("status", ID, True, "status: in-uitvoering"),
    Field("lead", TEXT, False, "lead: CIO-office"),
    Field("note", TEXT, False, "note: ..."),
)

CELL_FIELDS = _fields(
    "cell",
    Field("id", ID, True, "id: technologie-wendbaarheid"),
    Field("column", ID, True, "column: technologie"),
    Field("row", ID, True, "row: wendbaarheid"),
    Field("title", TEXT, True, "title: ..."),
    Field("criteria", TEXTS, True, "criteria: [...]"),
    Field("scores", MAPPINGS, False, "scores: [{edition: 2026-Q4, status: ...}]"),
)

CAPABILITIES_FIELDS = _fields(
    "capabilities",
    Field("title", TEXT, True, "title: Politie Digital Capability Model"),
    Field("description", TEXT, False, "description: ..."),
    Field("columns", MAPPINGS, True, "columns: [{id: ..., name: ..., title: ...}]"),
    Field("rows", MAPPINGS, True, "rows: [{id: ..., name: ..., title: ...}]"),
    Field("cells", MAPPINGS, True, "cells: [{id: ..., column: ..., row: ...}]"),
)


def _check_type(kind: str, value: Any) -> Any | None:
    """The value in its canonical form, or None when it has the wrong type."""
    if kind in (TEXT, ID):
        if value.__class__ is str:  # nearly every value: the checks below, short of the calls
            text = value.strip()
        elif isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return None
        else:
            text = str(value).strip()
        if kind == ID:
            return text if ID_RE.match(text) else None
        return text
    if kind == EDITION:
        return value if isinstance(value, str) and EDITION_RE.match(value) else None
    if kind == BOOL:
        return value if isinstance(value, bool) else None
    if kind == MAPPING:
        return value if isinstance(value, dict) else None
    if kind == MAPPINGS:
        return value if isinstance(value, list) and all(isinstance(v, dict) for v in value) else None
    if kind == TEXTS:
        if not isinstance(value, list):
            return None
        items = [v.strip() if v.__class__ is str else _check_type(TEXT, v) for v in value]
        return None if any(i is None for i in items) else items
    raise ValueError(kind)


# Characters XML 1.0 forbids (radar.svg must stay valid XML) and that reach a terminal as commands:
# C0 controls but tab and line feed, DEL, C1 controls, lone surrogates and U+FFFE/U+FFFF.
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _may_hold_controls(doc: Document) -> bool:
    """Whether a value read from the file may hold an unprintable character: only when its text holds one,
    or a backslash (a double-quoted escape such as '\\e').  Looked at once a file rather than at each of
    its values, which was a tenth of checking a blip's fields."""
    if doc.controls is None:
        text = doc.yaml_text
        # (every character UNPRINTABLE names but tab and line feed is one `isprintable` refuses: a quick no)
        printable = text.replace("\n", "").replace("\t", "").isprintable()
        doc.controls = not text or "\\" in text or (not printable and UNPRINTABLE.search(text) is not None)
    return doc.controls


def _unprintable(value: Any) -> str | None:
    """The first unprintable character in a text or a list of texts, if any."""
    for text in value if isinstance(value, list) else [value]:
        found = UNPRINTABLE.search(text) if isinstance(text, str) else None
        if found:
            return found.group()
    return None


# The words for each declared type, as messages say it: "'tags' must be a list of texts".
TYPE_KEYS = {
    TEXT: "check.type_text",
    TEXTS: "check.type_texts",
    BOOL: "check.type_bool",
    EDITION: "check.type_edition",
    MAPPING: "check.type_mapping",
    MAPPINGS: "check.type_mappings",
    ID: "check.type_id",
}


def _type_message(field: Field, value: Any, problems: Problems, valid: list[str] | None = None) -> str:
    if field.type == EDITION:
        return problems.t("check.must_be_edition", name=field.name, value=repr(value))
    if field.type == ID and valid is not None:
        # The radar's own ids, not the schema's Dutch example: 'ring: Adopt' -> did you mean 'adopt'?
        return problems.t(
            "check.must_be_own_id", name=field.name, value=repr(value), choices=problems.choices(valid, value)
        )
    if field.type == ID:
        return problems.t("check.must_be_id", name=field.name, value=repr(value), example=field.example)
    if field.type == TEXTS and isinstance(value, list):
        return problems.t("check.must_be_texts", name=field.name, example=field.example)
    return problems.t(
        "check.must_be",
        name=field.name,
        type=problems.t(TYPE_KEYS[field.type]),
        kind=_kind(value, problems),
        example=field.example,
    )


def _example(field: Field, vocab: dict[str, list[str]] | None) -> str:
    """The example line, with an id from the radar at hand where there is one."""
    valid = (vocab or {}).get(field.name)
    return f"{field.name}: {valid[0]}" if valid else field.example


def _kind(value: Any, problems: Problems) -> str:
    """What the author wrote instead, as messages say it: 'not a list'."""
    if value is None:
        return problems.t("check.kind_empty")
    key = {bool: "bool", int: "number", float: "number", str: "text", list: "list", dict: "mapping"}.get(type(value))
    return problems.t(f"check.kind_{key}") if key else type(value).__name__


def read_fields(
    doc: Document,
    at: tuple[Key, ...],
    data: Any,
    fields: dict[str, Field],
    problems: Problems,
    strict: bool,
    what: str,
    vocab: dict[str, list[str]] | None = None,
) -> dict[str, Any] | None:
    """Check one mapping against its declared fields; return the valid values only.

    Missing and mistyped fields are errors; unknown fields are warnings (errors
    when strict), with the nearest known field suggested.
    """
    if not isinstance(data, dict):
        line, col = doc.where(*at)
        problems.add(
            doc.path,
            line,
            col,
            problems.t(
                "check.not_fields", what=what, example=next(iter(fields.values())).example, kind=_kind(data, problems)
            ),
        )
        return None
    values: dict[str, Any] = {}
    controls = _may_hold_controls(doc)
    for name, value in data.items():
        field = fields.get(str(name))
        if field is None:
            line, col = doc.where(*at, str(name), key=True)
            close = difflib.get_close_matches(str(name), list(fields), n=1, cutoff=0.6)
            hint = problems.t("check.did_you_mean", choice=close[0]) + " " if close else ""
            known = ", ".join(fields)
            problems.add(
                doc.path,
                line,
                col,
                problems.t("check.unknown_field", name=name, what=what, hint=hint, fields=known),
                ERROR if strict else WARNING,
            )
            continue
        checked = _check_type(field.type, value)
        if checked is None and not (value is None and not field.required):
            line, col = doc.where(*at, field.name)
            problems.add(doc.path, line, col, _type_message(field, value, problems, (vocab or {}).get(field.name)))
            continue
        bad = _unprintable(checked) if controls else None
        if bad is not None:
            line, col = doc.where(*at, field.name)
            problems.add(
                doc.path,
                line,
                col,
                problems.t("hardening.control_character", name=field.name, code=f"{ord(bad):04X}"),
            )
            continue
        if field.required and field.type == TEXT and checked == "":
            line, col = doc.where(*at, field.name)
            problems.add(
                doc.path,
                line,
                col,
                problems.t(
                    "hardening.empty_text",
                    name=field.name,
                    doc=problems.t(field.doc).rstrip("."),
                    example=field.example,
                ),
            )
            continue
        if checked is not None:
            values[field.name] = checked
    for field in fields.values():
        if field.required and field.name not in data:
            line, col = doc.where(*at)
            problems.add(
                doc.path,
                line,
                col,
                problems.t(
                    "check.missing_field",
                    what=what,
                    name=field.name,
                    doc=problems.t(field.doc).rstrip("."),
                    example=_example(field, vocab),
                ),
            )
    return values


# Fixed vocabularies: the ids authors write; their labels live in i18n.
INITIATIVE_STATUSES = ("verkenning", "pilot", "opschaling", "in-gebruik", "gestopt")
SCORE_STATUSES = ("opgepakt", "in-uitvoering", "niet-in-beeld")
# The content's language as a BCP 47 tag (nl, en, de, en-GB, nl-BE, zh-Hant-TW): language, then optional
# script, region and variants.  The interface text falls back along i18n.chain, so any valid tag works.
LANGUAGE_RE = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
)


def contact_problem(value: str, problems: Problems) -> str | None:
    """Why a contact cannot be shown, or None: readers must be able to reach whoever it names."""
    if "\n" in value or len(value) > CONTACT_MAX:
        return problems.t("check.contact_line", max=CONTACT_MAX)
    if "@" in value and not MAILBOX_RE.match(value):
        return problems.t("check.contact_mailbox", value=repr(value))
    return None
