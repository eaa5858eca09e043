"""The checks of one blip or initiative file: its fields, ids, history and leaflet, each problem at its
line; a bad ring does not hide a typo further down."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import periods
from .authoring import leftovers
from .folders import RADAR_FILE
from .model import Blip, HistoryEntry, Initiative, Leaflet, Radar
from .parsed import body_of
from .problems import ERROR, WARNING, Problems
from .schema import (
    BLIP_FIELDS,
    HISTORY_FIELDS,
    INITIATIVE_FIELDS,
    INITIATIVE_STATUSES,
    LEAFLET_FIELDS,
    contact_problem,
    read_fields,
)
from .source import Document
from .spot import check_id, reporter
from .yamltext import history_entry


def _check_ids(
    problems: Problems, doc: Document, name: str, values: list[str], valid: list[str], what: str
) -> tuple[str, ...]:
    kept = []
    for i, value in enumerate(values):
        if check_id(problems, doc, (name, i), value, valid, what) and value not in kept:
            kept.append(value)
    return tuple(kept)


def cell_ids(radar: Radar) -> list[str]:
    return list(radar.capabilities.cells) if radar.capabilities else []


def _contact(doc: Document, f: dict, problems: Problems) -> str:
    """The contact when readers can use it; otherwise a problem at the field and nothing shown."""
    value = f.get("contact", "")
    message = contact_problem(value, problems) if value else None
    if message:
        reporter(problems, doc, "contact")(message)
        return ""
    return value


def read_initiative(
    path: Path, doc: Document, radar: Radar, problems: Problems, strict: bool, bodies: bool = True
) -> Initiative | None:
    f = read_fields(doc, (), doc.data, INITIATIVE_FIELDS, problems, strict, problems.t("check.what_front_matter"))
    if f is None or not {"title", "lead", "status"} <= f.keys():
        return None
    noun = problems.t("check.noun_initiative_status")
    check_id(problems, doc, ("status",), f["status"], list(INITIATIVE_STATUSES), noun)
    leftovers(doc, f, doc.body, problems, strict, "initiative_body")
    html, text, references = body_of(path, bodies)
    return Initiative(
        id=path.stem,
        title=f["title"],
        lead=f["lead"],
        status=f["status"],
        source=problems.relative(path),
        capabilities=_check_ids(
            problems, doc, "capabilities", f.get("capabilities", []), cell_ids(radar), problems.t("check.noun_cell")
        ),
        body_html=html,
        body_text=text,
        contact=_contact(doc, f, problems),
        references=references,
    )


def read_blip(
    path: Path, doc: Document, radar: Radar, problems: Problems, strict: bool, bodies: bool = True
) -> Blip | None:
    vocab = {"quadrant": [q.id for q in radar.quadrants], "ring": [r.id for r in radar.rings]}
    what = problems.t("check.what_front_matter")
    f = read_fields(doc, (), doc.data, BLIP_FIELDS, problems, strict, what, vocab)
    if f is None:
        return None
    ok = {"title", "quadrant", "ring"} <= f.keys()
    if "quadrant" in f:
        ok &= check_id(
            problems, doc, ("quadrant",), f["quadrant"], vocab["quadrant"], problems.t("check.noun_quadrant")
        )
    if "ring" in f:
        ok &= check_id(problems, doc, ("ring",), f["ring"], vocab["ring"], problems.t("check.noun_ring"))
    in_use = ok and f["ring"] == vocab["ring"][0]  # the innermost ring: the technology is in use
    history = _history(doc, f, radar, problems, strict) if ok else ()
    leaflet = None
    if "leaflet" in f:
        what = problems.t("check.what_leaflet")
        lf = read_fields(doc, ("leaflet",), f["leaflet"], LEAFLET_FIELDS, problems, strict, what)
        if lf and {"purpose", "owner", "risks", "measures"} <= lf.keys():
            leaflet = Leaflet(
                lf["purpose"], lf["owner"], tuple(lf["risks"]), tuple(lf["measures"]), lf.get("published", "")
            )
        if not f.get("algorithm"):
            reporter(problems, doc, "leaflet", key=True)(problems.t("check.leaflet_not_algorithm"))
    # A bad ring must not hide typos further down: cells and initiatives are checked either way.
    capabilities = _check_ids(
        problems, doc, "capabilities", f.get("capabilities", []), cell_ids(radar), problems.t("check.noun_cell")
    )
    noun = problems.t("check.noun_initiative")
    initiatives = _check_ids(problems, doc, "initiatives", f.get("initiatives", []), list(radar.initiatives), noun)
    if f.get("algorithm") and "leaflet" not in f:
        # The model asks for a leaflet "bij inzet van algoritmen": in the innermost ring the algorithm
        # is in use, so it is an error there.  Further out it is a warning while the leaflet is being
        # written (the capability model shows such blips as its leaflet gap), an error under --strict.
        line, col = doc.where("algorithm")
        if in_use:
            text = problems.t("check.algorithm_in_use_without_leaflet", ring=radar.rings[0].name)
        else:
            text = problems.t("check.algorithm_without_leaflet")
        problems.add(doc.path, line, col, text, ERROR if strict or in_use else WARNING)
    leftovers(doc, f, doc.body, problems, strict, "blip_body")
    if not ok:
        return None
    html, text, references = body_of(path, bodies)
    made: dict[str, Any] = {  # the fields that need more than their checked value; the others go in as read
        "id": path.stem,
        "source": problems.relative(path),
        "tags": tuple(dict.fromkeys(t.lower() for t in f.get("tags", []))),
        "capabilities": capabilities,
        "initiatives": initiatives,
        "history": history,
        "algorithm": bool(f.get("algorithm")),
        "featured": f.get("featured", True) is not False,
        "leaflet": leaflet,
        "contact": _contact(doc, f, problems),
        "body_html": html,
        "body_text": text,
        "references": references,
    }
    plain = {name: f[name] for name in BLIP_FIELDS if name in f and name not in made}
    return Blip(**plain, **made)


def _history(doc: Document, f: dict, radar: Radar, problems: Problems, strict: bool) -> tuple[HistoryEntry, ...]:
    """History entries, oldest first; without any, the blip is new in the current edition."""
    if "history" not in f:
        return (HistoryEntry(radar.edition, f["ring"], ""),)
    ring_ids = [r.id for r in radar.all_rings]
    entries: list[HistoryEntry] = []
    indices: list[int] = []  # of each kept entry in the file's list, for its line in a message

    def line_of(n: int) -> int:
        return doc.where("history", indices[n])[0]

    for i, raw in enumerate(f["history"]):
        raw = _known_history_fields(doc, i, raw, problems)
        what = problems.t("check.what_history", n=i + 1)
        h = read_fields(doc, ("history", i), raw, HISTORY_FIELDS, problems, strict, what, {"ring": ring_ids})
        if not h or "edition" not in h:
            continue
        report = reporter(problems, doc, "history", i, "edition")
        if "ring" in h and h.get("retired"):
            reporter(problems, doc, "history", i, "retired", key=True)(problems.t("check.ring_and_retired"))
            continue
        if "ring" not in h and not h.get("retired"):
            reporter(problems, doc, "history", i)(problems.t("check.ring_or_retired", what=what, ring=ring_ids[0]))
            continue
        noun = problems.t("check.noun_ring")
        if "ring" in h and not check_id(problems, doc, ("history", i, "ring"), h["ring"], ring_ids, noun):
            continue
        if "ring" in h and not periods.active(radar.ring(h["ring"]), h["edition"]):
            held = [r.id for r in radar.rings_at(h["edition"])]
            reporter(problems, doc, "history", i, "ring")(
                problems.t(
                    "check.ring_period", ring=h["ring"], edition=h["edition"], choices=problems.choices(held, h["ring"])
                )
            )
            continue
        if h["edition"] > radar.edition:
            report(
                problems.t("check.after_current", edition=h["edition"], current=radar.edition)
                + f" ({RADAR_FILE.as_posix()})"
            )
            continue
        if entries and h["edition"] <= entries[-1].edition:
            key = "check.history_twice" if h["edition"] == entries[-1].edition else "check.history_order"
            report(problems.t(key, edition=h["edition"], previous=entries[-1].edition, line=line_of(-1)))
            continue
        if h.get("retired") and (not entries or entries[-1].retired):
            report(problems.t("check.retired_first"))
            continue
        entries.append(HistoryEntry(h["edition"], h.get("ring"), h.get("note", "")))
        indices.append(i)
    placed = [e for e in entries if not e.retired]
    if placed and placed[-1].ring != f["ring"]:
        last = line_of(entries.index(placed[-1]))
        line, col = doc.where("ring")
        message = problems.t("check.ring_not_history", ring=f["ring"], line=last, last=placed[-1].ring)
        problems.add(
            doc.path,
            line,
            col,
            message,
            fix=history_entry(radar.edition, f["ring"], problems.t("check.fix_note"), "  "),
        )
    return tuple(entries)


def _known_history_fields(doc: Document, i: int, raw: Any, problems: Problems) -> Any:
    """The entry without its unknown fields, each reported as an error (not a warning).

    In a flow-style entry `{edition: 2026-Q4, ring: x, note: Pilot geslaagd, evaluatie positief}`
    the comma ends the note, and 'evaluatie positief' becomes a field of its own: a warning
    would let leadership read a truncated reason, so it is an error that shows the quoted fix.
    """
    if not isinstance(raw, dict):
        return raw  # read_fields says what an entry must be
    if all(str(name) in HISTORY_FIELDS for name in raw):
        return raw
    node = _child_node(_child_node(doc.node, "history"), i)
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    known = {}
    for name, value in raw.items():
        if str(name) in HISTORY_FIELDS:
            known[name] = value
            continue
        line, col = doc.where("history", i, str(name), key=True)
        message = problems.t("hardening.history_unknown", name=name, n=i + 1, fields=", ".join(HISTORY_FIELDS))
        index = next((j for j, (k, _) in enumerate(pairs) if getattr(k, "value", None) == str(name)), None)
        if index and getattr(node, "flow_style", False) and isinstance(pairs[index - 1][1], yaml.ScalarNode):
            before_key, before_value = pairs[index - 1][0].value, pairs[index - 1][1].value
            cut = f"{name}" if value is None else f"{name}: {value}"
            fixed = f"{before_value}, {cut}".replace('"', '\\"')
            message = problems.t(
                "hardening.history_comma", name=name, n=i + 1, key=before_key, value=before_value, fixed=fixed
            )
        problems.add(doc.path, line, col, message)
    return known


def _child_node(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if getattr(k, "value", None) == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None
