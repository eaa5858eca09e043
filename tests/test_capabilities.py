"""The capability model, its cells and the initiatives: built pages, links both ways, gaps, scores, radar.json.

Expectations come from the source files (radar/capabilities.yaml read with plain
YAML, the blips' and initiatives' front matter), never from the generator's own
derived data, so a wrong derivation cannot agree with itself.
"""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from browser_util import WCAG_AA
from conftest import CAPABILITIES_YAML, ROOT, RadarDir
from inprocess import radar as in_process

from generator.content.load import load
from generator.i18n import catalogues

NL, EN = catalogues()["nl"], catalogues()["en"]
LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$", re.M)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SCORE_ORDER = ("opgepakt", "in-uitvoering", "niet-in-beeld")  # best first, as the issue lists them


# --- a small HTML tree, enough to walk tables and links -----------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def visible_text(self) -> str:
        """Text without the parts hidden from assistive technology."""
        if self.attrs.get("aria-hidden") == "true":
            return ""
        parts = [c if isinstance(c, str) else c.visible_text() for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and all(child.attrs.get(k) == v for k, v in attrs.items()):
                    found.append(child)
                found.extend(child.all(tag, **attrs))
        return found

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {}, None)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(path: Path) -> Node:
    builder = TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder.root


def main_links(site: Path, page: str) -> set[str]:
    """Site-root paths that the page's main content links to (navigation excluded)."""
    main = parse(site / page).one("main")
    base = posixpath.dirname(page)
    return {posixpath.normpath(posixpath.join(base, a.attrs["href"])) for a in main.all("a") if "href" in a.attrs}


def listed_links(site: Path, page: str) -> set[str]:
    """Site-root paths linked from list items of the page's main content: the lists, not the radar picture.

    Only `<li>` links outside `<svg>` count, so a cell page whose technology list is empty cannot pass
    on the zoomed picture's links alone.
    """
    main = parse(site / page).one("main")
    base = posixpath.dirname(page)
    found = set()
    for a in main.all("a"):
        ancestors = []
        node = a.parent
        while node is not None and node is not main:
            ancestors.append(node.tag)
            node = node.parent
        if "href" in a.attrs and "li" in ancestors and "svg" not in ancestors:
            found.add(posixpath.normpath(posixpath.join(base, a.attrs["href"])))
    return found


# --- the sample's source, read independently of the generator ---------------------------------


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def model() -> dict:
    return yaml.safe_load((ROOT / "radar/capabilities.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_blips() -> dict[str, dict]:
    return {p.stem: front_matter(p) for p in sorted((ROOT / "blips").glob("*.md"))}


@pytest.fixture(scope="module")
def sample_initiatives() -> dict[str, dict]:
    return {p.stem: front_matter(p) for p in sorted((ROOT / "radar/initiatives").glob("*.md"))}


@pytest.fixture(scope="module")
def on_radar(sample_site) -> set[str]:
    data = json.loads((sample_site / "radar.json").read_text(encoding="utf-8"))
    return {b["id"] for b in data["blips"] if b["on_radar"]}


# --- links both ways ----------------------------------------------------------------------------


def test_every_technology_cell_link_exists_both_ways(sample_site, sample_blips):
    pairs = [(bid, cid) for bid, fm in sample_blips.items() for cid in fm.get("capabilities", [])]
    assert len(pairs) >= 39  # the sample links every technology to at least one cell
    for bid, cid in pairs:
        assert f"capabilities/{cid}.html" in listed_links(sample_site, f"blips/{bid}.html"), (bid, cid)
        assert f"blips/{bid}.html" in listed_links(sample_site, f"capabilities/{cid}.html"), (cid, bid)


def test_every_technology_initiative_link_exists_both_ways(sample_site, sample_blips):
    pairs = [(bid, iid) for bid, fm in sample_blips.items() for iid in fm.get("initiatives", [])]
    assert pairs
    for bid, iid in pairs:
        assert f"initiatives/{iid}.html" in listed_links(sample_site, f"blips/{bid}.html"), (bid, iid)
        assert f"blips/{bid}.html" in listed_links(sample_site, f"initiatives/{iid}.html"), (iid, bid)


def test_every_initiative_cell_link_exists_both_ways(sample_site, sample_initiatives):
    assert len(sample_initiatives) >= 6
    for iid, fm in sample_initiatives.items():
        assert fm["capabilities"], iid
        for cid in fm["capabilities"]:
            assert f"capabilities/{cid}.html" in listed_links(sample_site, f"initiatives/{iid}.html"), (iid, cid)
            assert f"initiatives/{iid}.html" in listed_links(sample_site, f"capabilities/{cid}.html"), (cid, iid)


def test_cell_and_initiative_pages_link_only_to_what_names_them(sample_site, sample_blips, sample_initiatives, model):
    """No stray links: a cell page lists exactly the technologies and initiatives that name the cell."""
    for cell in model["cells"]:
        cid = cell["id"]
        links = listed_links(sample_site, f"capabilities/{cid}.html")
        blips = {f"blips/{b}.html" for b, fm in sample_blips.items() if cid in fm.get("capabilities", [])}
        initiatives = {f"initiatives/{i}.html" for i, fm in sample_initiatives.items() if cid in fm["capabilities"]}
        assert {x for x in links if x.startswith("blips/")} == blips, cid
        assert {x for x in links if x.startswith("initiatives/")} == initiatives, cid
    for iid in sample_initiatives:
        links = listed_links(sample_site, f"initiatives/{iid}.html")
        blips = {f"blips/{b}.html" for b, fm in sample_blips.items() if iid in fm.get("initiatives", [])}
        assert {x for x in links if x.startswith("blips/")} == blips, iid


def test_every_link_on_the_new_pages_resolves(sample_site, model, sample_initiatives):
    pages = ["capabilities/index.html", "initiatives/index.html"]
    pages += [f"capabilities/{c['id']}.html" for c in model["cells"]]
    pages += [f"initiatives/{i}.html" for i in sample_initiatives]
    for page in pages:
        for target in main_links(sample_site, page):
            assert (sample_site / target.partition("#")[0]).is_file(), (page, target)


# --- the grid -----------------------------------------------------------------------------------


def test_grid_matches_capabilities_yaml(sample_site, model):
    table = parse(sample_site / "capabilities/index.html").one("table", **{"class": "cap-grid stack-table"})
    head, body = table.one("thead"), table.one("tbody")
    columns = head.all("th", scope="col")
    assert [th.all("span")[0].text() for th in columns] == [c["name"] for c in model["columns"]]
    assert [th.all("span")[1].text() for th in columns] == [c["title"] for c in model["columns"]]
    rows = body.all("tr")
    assert len(rows) == len(model["rows"])
    cells = {c["id"]: c for c in model["cells"]}
    for r, (tr, row) in enumerate(zip(rows, model["rows"], strict=True)):
        header = tr.one("th", scope="row")
        assert [s.text() for s in header.all("span")] == [row["name"], row["title"]]
        tds = [td for td in tr.children if isinstance(td, Node) and td.tag == "td"]
        assert len(tds) == len(model["columns"])
        for c, td in enumerate(tds):
            cell = cells[td.attrs["id"].removeprefix("cell-")]
            assert (cell["column"], cell["row"]) == (model["columns"][c]["id"], row["id"]), (r, c)
            assert td.one("h2").text() == cell["title"]
            criteria = td.one("ul", **{"class": "criteria"})
            assert [li.text() for li in criteria.all("li")] == cell["criteria"]
    assert len(table.all("td", role="cell")) == len(cells) + 1  # nine cells and the corner


def test_grid_lists_each_cells_technologies_with_their_ring_and_its_initiatives(
    sample_site, model, sample_blips, sample_initiatives, on_radar
):
    rings = {r["id"]: r["name"] for r in yaml.safe_load((ROOT / "radar/radar.yaml").read_text())["rings"]}
    page = parse(sample_site / "capabilities/index.html")
    for cell in model["cells"]:
        td = page.one("td", id=f"cell-{cell['id']}")
        listed = {}
        for li in (
            td.all("ul", **{"class": "cell-blips"})[0].all("li") if td.all("ul", **{"class": "cell-blips"}) else []
        ):
            href = li.one("a").attrs["href"]
            listed[href.removeprefix("../blips/").removesuffix(".html")] = li.one("span").text()
        expected = {b: rings[fm["ring"]] for b, fm in sample_blips.items() if cell["id"] in fm.get("capabilities", [])}
        assert listed == {b: r for b, r in expected.items() if b in on_radar}, cell["id"]
        named = {a.attrs["href"] for ul in td.all("ul", **{"class": "cell-initiatives"}) for a in ul.all("a")}
        assert named == {
            f"../initiatives/{i}.html" for i, fm in sample_initiatives.items() if cell["id"] in fm["capabilities"]
        }


def test_gap_cells_are_marked_in_text(sample_site, model, sample_blips, sample_initiatives, on_radar):
    page = parse(sample_site / "capabilities/index.html")
    gaps = []
    for cell in model["cells"]:
        served = any(cell["id"] in fm.get("capabilities", []) for b, fm in sample_blips.items() if b in on_radar)
        planned = any(
            cell["id"] in fm["capabilities"] and fm["status"] != "gestopt" for fm in sample_initiatives.values()
        )
        td = page.one("td", id=f"cell-{cell['id']}")
        marked = NL["gap_cell"] in td.visible_text()
        assert marked == (not served and not planned), cell["id"]
        assert ("is-gap" in td.classes()) == marked
        if marked:
            gaps.append(cell["id"])
            cell_page = parse(sample_site / f"capabilities/{cell['id']}.html").one("main")
            assert NL["gap_cell"] in cell_page.visible_text()
    assert gaps == ["organisatie-weerbaarheid"]  # the sample's deliberate gap
    summary = page.one("p", **{"class": "cap-summary"}).text()
    assert f"Gaten: 1 van de {len(model['cells'])} cellen" in summary


def _expected_change(scores: list[dict]) -> tuple[str, str | None]:
    """(current status, words of the change) from the YAML scores, oldest first."""
    current = scores[-1]
    if len(scores) == 1:
        return current["status"], NL["score_first"]
    previous = scores[-2]
    step = SCORE_ORDER.index(current["status"]) - SCORE_ORDER.index(previous["status"])
    was = NL["score_" + previous["status"]]
    if step < 0:
        return current["status"], "↑ " + NL["score_up"].format(was=was, edition=previous["edition"])
    if step > 0:
        return current["status"], "↓ " + NL["score_down"].format(was=was, edition=previous["edition"])
    return current["status"], "= " + NL["score_same"].format(edition=previous["edition"])


def test_score_label_and_change_are_shown_in_words(sample_site, model):
    page = parse(sample_site / "capabilities/index.html")
    directions = set()
    for cell in model["cells"]:
        status, change = _expected_change(cell["scores"])
        directions.add(change[0])
        td = page.one("td", id=f"cell-{cell['id']}")
        label = td.one("span", **{"class": f"score score-{status}"})
        assert label.text() == NL["score_" + status]
        assert td.one("span", **{"class": "score-change"}).text() == change
        assert f"{NL['lead']}: {cell['scores'][-1]['lead']}" in td.text()
        assert f"score-{status}" in td.classes()  # the colour strip follows the same status
    assert directions == {"↑", "↓", "="}  # the sample shows every kind of change


def test_cell_page_shows_every_score_edition(sample_site, model):
    for cell in model["cells"]:
        page = parse(sample_site / f"capabilities/{cell['id']}.html")
        rows = page.one("table", **{"class": "score-history stack-table"}).one("tbody").all("tr")
        newest_first = list(reversed(cell["scores"]))
        assert len(rows) == len(newest_first) >= 2
        for tr, score in zip(rows, newest_first, strict=True):
            label = tr.one("span", **{"class": f"score score-{score['status']}"})
            lead, note = (td.visible_text() for td in tr.all("td")[1:])
            assert (tr.one("th").text(), label.text(), lead, note) == (
                score["edition"],
                NL["score_" + score["status"]],
                score["lead"],
                score["note"],
            )


def test_cell_page_groups_technologies_by_ring_and_draws_only_them(sample_site, model, sample_blips, on_radar):
    radar_yaml = yaml.safe_load((ROOT / "radar/radar.yaml").read_text())
    ring_names = [r["name"] for r in radar_yaml["rings"]]
    ring_of = {r["id"]: r["name"] for r in radar_yaml["rings"]}
    for cell in model["cells"]:
        main = parse(sample_site / f"capabilities/{cell['id']}.html").one("main")
        members = {b for b, fm in sample_blips.items() if cell["id"] in fm.get("capabilities", []) and b in on_radar}
        section = main.one("section", **{"class": "cell-technologies"})
        grouped: dict[str, set[str]] = {}
        heading = None
        for child in [c for c in section.children if isinstance(c, Node)]:
            if child.tag == "h3":
                heading = child.text()
            elif child.tag == "ul":
                grouped[heading] = {
                    a.attrs["href"].removeprefix("../blips/").removesuffix(".html") for a in child.all("a")
                }
        on = {k: v for k, v in grouped.items() if k in ring_names}
        assert list(on) == [r for r in ring_names if r in on]  # inner to outer
        assert on == {
            ring_of[sample_blips[b]["ring"]]: {x for x in members if sample_blips[x]["ring"] == sample_blips[b]["ring"]}
            for b in members
        }
        svg = main.one("svg")
        assert {a.attrs["id"].removeprefix("dot-") for a in svg.all("a")} == members, cell["id"]
        assert svg.attrs["aria-label"] == NL["cell_picture"].format(title=cell["title"])  # says what it shows


# --- the leaflet gap --------------------------------------------------------------------------


def test_algorithms_without_leaflet_count_as_a_gap_of_the_leaflet_cell(sample_site, model, sample_blips, on_radar):
    missing = sorted(
        b for b, fm in sample_blips.items() if fm.get("algorithm") and not fm.get("leaflet") and b in on_radar
    )
    assert missing == ["deepfake-detectie", "osint-tooling"]
    leaflet_cells = [c["id"] for c in model["cells"] if any("bijsluiter" in x.lower() for x in c["criteria"])]
    assert leaflet_cells == ["werkwijze-weerbaarheid"]
    page = parse(sample_site / "capabilities/index.html")
    for cell in model["cells"]:
        td = page.one("td", id=f"cell-{cell['id']}")
        text = NL["leaflet_gap"].format(count=len(missing))
        if cell["id"] in leaflet_cells:
            assert text in td.visible_text()
            marker = [d for d in td.all("div") if "gap-marker" in d.classes()][0]
            assert sorted(a.attrs["href"] for a in marker.all("a")) == [f"../blips/{b}.html" for b in missing]
        else:
            assert NL["leaflet_gap"].split(":")[0] not in td.visible_text().replace(NL["gap_cell"], "")
    cell_page = parse(sample_site / "capabilities/werkwijze-weerbaarheid.html").one("main")
    assert NL["leaflet_gap"].format(count=2) in cell_page.visible_text()
    data = json.loads((sample_site / "radar.json").read_text(encoding="utf-8"))
    assert data["capabilities"]["leaflet_cell"] == "werkwijze-weerbaarheid"
    assert data["capabilities"]["algorithms_without_leaflet"] == missing


def build_small(radar: RadarDir, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = in_process("build", "--source", str(radar.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


def test_leaflet_cell_is_found_by_its_criteria_and_said_when_missing(radar_dir, tmp_path):
    radar_dir.blip("model", extra="algorithm: true\ncapabilities: [tech-future]\n")
    out = build_small(radar_dir, tmp_path)
    page = parse(out / "capabilities/index.html")
    summary = page.one("p", **{"class": "cap-summary"}).text()
    assert EN["leaflet_no_cell"] in summary  # no cell asks for a leaflet: said, not silently dropped
    assert "Algorithms on the radar without a leaflet: 1" in summary
    assert all(EN["leaflet_gap"].format(count=1) not in td.text() for td in page.all("td"))

    radar_dir.write(
        "radar/capabilities.yaml",
        CAPABILITIES_YAML.replace("criteria: [d]", "criteria: [An information leaflet per algorithm]"),
    )
    out = build_small(radar_dir, tmp_path / "again")
    page = parse(out / "capabilities/index.html")
    assert EN["leaflet_gap"].format(count=1) in page.one("td", id="cell-work-agile").visible_text()
    assert EN["leaflet_rule"].format(cell="W A") in page.one("p", **{"class": "cap-summary"}).text()


def test_gap_follows_technologies_and_running_initiatives(radar_dir, tmp_path):
    """A stopped initiative does not fill a gap; a technology on the radar does; a retired one does not."""
    radar_dir.write(
        "radar/initiatives/old.md", "---\ntitle: Old\nlead: L\nstatus: gestopt\ncapabilities: [work-future]\n---\n"
    )
    radar_dir.blip("live", extra="capabilities: [tech-agile]\n")
    radar_dir.blip(
        "gone",
        extra="capabilities: [work-agile]\nhistory:\n"
        "  - {edition: 2026-Q1, ring: trial}\n  - {edition: 2026-Q2, retired: true}\n",
    )
    out = build_small(radar_dir, tmp_path)
    page = parse(out / "capabilities/index.html")
    gaps = {td.attrs["id"] for td in page.all("td") if EN["gap_cell"] in td.visible_text()}
    assert gaps == {"cell-work-future", "cell-work-agile"}
    # the retired technology still links both ways, on the cell page's "not on the radar" list
    cell_links = main_links(out, "capabilities/work-agile.html")
    assert "blips/gone.html" in cell_links
    assert "capabilities/work-agile.html" in main_links(out, "blips/gone.html")


def test_english_radar_shows_english_labels_and_first_score(radar_dir, tmp_path):
    radar_dir.write(
        "radar/capabilities.yaml",
        CAPABILITIES_YAML.replace(
            "criteria: [a]}", "criteria: [a], scores: [{edition: 2026-Q1, status: niet-in-beeld, lead: Nobody}]}"
        ),
    )
    out = build_small(radar_dir, tmp_path)
    page = parse(out / "capabilities/index.html")
    work = page.one("td", id="cell-work-agile")
    assert work.one("span", **{"class": "score score-opgepakt"}).text() == "Sufficiently picked up"
    assert work.one("span", **{"class": "score-change"}).text() == "↑ improved, was: Work in progress (2026-Q1)"
    tech = page.one("td", id="cell-tech-future")
    assert tech.one("span", **{"class": "score score-niet-in-beeld"}).text() == "Not yet in view"
    assert tech.one("span", **{"class": "score-edition"}).text() == "(scored in 2026-Q1)"  # an older score says so
    assert tech.one("span", **{"class": "score-change"}).text() == "first score"
    assert page.one("td", id="cell-tech-agile").one("span", **{"class": "score score-none"}).text() == "Not scored yet"


def test_radar_without_a_capability_model_still_has_initiative_pages(radar_dir, tmp_path):
    (radar_dir.root / "radar/capabilities.yaml").unlink()
    radar_dir.write(
        "radar/initiatives/pilot-one.md", "---\ntitle: Pilot one\nlead: Team A\nstatus: pilot\n---\nBody.\n"
    )
    radar_dir.blip("x", extra="initiatives: [pilot-one]\n")
    out = build_small(radar_dir, tmp_path)
    assert not (out / "capabilities").exists()
    nav = parse(out / "index.html").one("header").one("nav").text()
    assert EN["capabilities"] not in nav and EN["initiatives"] in nav
    assert "blips/x.html" in main_links(out, "initiatives/pilot-one.html")
    assert EN["no_cells"] in parse(out / "initiatives/pilot-one.html").one("main").text()
    data = json.loads((out / "radar.json").read_text(encoding="utf-8"))
    assert data["capabilities"] is None
    assert data["initiatives"][0]["blips"] == ["x"]


def test_hostile_text_in_the_model_arrives_escaped(radar_dir, tmp_path):
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    text = (
        CAPABILITIES_YAML.replace("title: T F", f"title: '{evil}'")
        .replace("criteria: [a]", f"criteria: ['{evil}']")
        .replace("lead: CIO}]", f"lead: '{evil}', note: '{evil}'}}]")
        .replace("title: Technology", f"title: '{evil}'")
    )
    assert text.count(evil) == 5
    radar_dir.write("radar/capabilities.yaml", text)
    out = build_small(radar_dir, tmp_path)
    for page in ("capabilities/index.html", "capabilities/tech-future.html", "capabilities/work-agile.html"):
        tree = parse(out / page)
        pictures = [n for n in tree.all("img") if n.attrs.get("src") != "score-trend.svg"]  # the trend chart
        assert not tree.all("script") and not pictures, page
        assert "<script>alert(1)</script>" in tree.one("main").text()  # shown as text
        assert not any(n.attrs.get("onerror") for n in tree.all()), page
    data = json.loads((out / "radar.json").read_text(encoding="utf-8"))
    assert data["capabilities"]["cells"][0]["title"] == evil  # data stays data


# --- initiatives ------------------------------------------------------------------------------


def test_initiatives_overview_lists_each_with_lead_status_cells_and_count(
    sample_site, sample_initiatives, sample_blips, model
):
    titles = {c["id"]: c["title"] for c in model["cells"]}
    rows = parse(sample_site / "initiatives/index.html").one("tbody").all("tr")
    assert [tr.attrs["data-initiative"] for tr in rows] == sorted(sample_initiatives)
    for tr in rows:
        iid = tr.attrs["data-initiative"]
        fm = sample_initiatives[iid]
        cells = [td.visible_text() for td in tr.all("td")]
        assert tr.one("th").text() == fm["title"]
        assert cells[0] == fm["lead"]
        assert cells[1] == NL["initiative_" + fm["status"]]
        assert [a.text() for a in tr.all("td")[2].all("a")] == [titles[c] for c in fm["capabilities"]]
        assert cells[3] == str(sum(iid in b.get("initiatives", []) for b in sample_blips.values()))


def test_initiative_page_shows_lead_status_and_description(sample_site, sample_initiatives):
    for iid, fm in sample_initiatives.items():
        main = parse(sample_site / f"initiatives/{iid}.html").one("main")
        assert main.one("h1").text() == fm["title"]
        facts = main.one("dl").text()
        assert fm["lead"] in facts and NL["initiative_" + fm["status"]] in facts
        body = (ROOT / f"radar/initiatives/{iid}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
        first_words = " ".join(body.split()[:6])
        assert first_words in main.one("div", **{"class": "body"}).text()


# --- radar.json -------------------------------------------------------------------------------


def test_radar_json_holds_the_model_scores_and_initiatives(sample_site, model, sample_blips, sample_initiatives):
    data = json.loads((sample_site / "radar.json").read_text(encoding="utf-8"))
    caps = data["capabilities"]
    assert [(c["id"], c["name"], c["title"]) for c in caps["columns"]] == [
        (c["id"], c["name"], c["title"]) for c in model["columns"]
    ]
    assert [(r["id"], r["name"], r["title"]) for r in caps["rows"]] == [
        (r["id"], r["name"], r["title"]) for r in model["rows"]
    ]
    for got, cell in zip(caps["cells"], model["cells"], strict=True):
        assert (got["id"], got["column"], got["row"], got["title"], got["criteria"]) == (
            cell["id"],
            cell["column"],
            cell["row"],
            cell["title"],
            cell["criteria"],
        )
        assert got["scores"] == [
            {"edition": s["edition"], "status": s["status"], "lead": s["lead"], "note": s["note"]}
            for s in cell["scores"]
        ]
        assert got["blips"] == sorted(b for b, fm in sample_blips.items() if cell["id"] in fm.get("capabilities", []))
        assert got["initiatives"] == sorted(
            i for i, fm in sample_initiatives.items() if cell["id"] in fm["capabilities"]
        )
        assert (sample_site / got["url"]).is_file()
    assert [i["id"] for i in data["initiatives"]] == sorted(sample_initiatives)
    for entry in data["initiatives"]:
        fm = sample_initiatives[entry["id"]]
        assert (entry["title"], entry["lead"], entry["status"], entry["capabilities"]) == (
            fm["title"],
            fm["lead"],
            fm["status"],
            fm["capabilities"],
        )
        assert entry["blips"] == sorted(b for b, bf in sample_blips.items() if entry["id"] in bf.get("initiatives", []))
        assert (sample_site / entry["url"]).is_file()


# --- validation specific to the model --------------------------------------------------------


def only_problem(radar: RadarDir) -> tuple[str, int, int, str]:
    result = in_process("check", "--source", str(radar.root))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    found = [(m["path"], int(m["line"]), int(m["col"]), m["message"]) for m in LINE.finditer(result.stderr)]
    assert len(found) == 1, result.stderr
    return found[0]


def spot(text: str, line: int, col: int) -> str:
    return text.splitlines()[line - 1][col - 1 :]


@pytest.mark.parametrize(
    "old, new, starts, words",
    [
        ("column: tech, row: agile", "column: tek, row: agile", "tek", ["unknown column 'tek'", "tech, work"]),
        ("column: work, row: future", "column: work, row: futur", "futur", ["unknown row 'futur'", "future, agile"]),
        (
            "{edition: 2026-Q1, status: in-uitvoering, lead: CIO}, {edition: 2026-Q2",
            "{edition: 2026-Q2, status: in-uitvoering, lead: CIO}, {edition: 2026-Q1",
            "2026-Q1",
            ["oldest first", "2026-Q1 comes after 2026-Q2"],
        ),
        (
            "{edition: 2026-Q2, status: opgepakt",
            "{edition: 2026-Q3, status: opgepakt",
            "2026-Q3",
            ["2026-Q3 is after the current edition 2026-Q2"],
        ),
        (
            "status: in-uitvoering",
            "status: bezig",
            "bezig",
            ["unknown score status 'bezig'", "opgepakt, in-uitvoering, niet-in-beeld"],
        ),
    ],
    ids=["unknown-column", "unknown-row", "scores-out-of-order", "score-after-current", "bad-score-status"],
)
def test_capability_model_mistakes_point_at_the_value(radar_dir, old, new, starts, words):
    text = CAPABILITIES_YAML.replace(old, new)
    assert text != CAPABILITIES_YAML
    radar_dir.write("radar/capabilities.yaml", text)
    path, line, col, message = only_problem(radar_dir) if "column" not in old else _first_of_many(radar_dir)
    assert path == "radar/capabilities.yaml"
    assert spot(text, line, col).startswith(starts), (line, col)
    for word in words:
        assert word in message, message


def _first_of_many(radar: RadarDir) -> tuple[str, int, int, str]:
    """An unknown column or row also leaves its grid position empty: that is a second, separate problem."""
    result = in_process("check", "--source", str(radar.root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = [(m["path"], int(m["line"]), int(m["col"]), m["message"]) for m in LINE.finditer(result.stderr)]
    unknown = [f for f in found if "unknown" in f[3]]
    assert len(unknown) == 1, result.stderr
    assert any("no cell for column" in f[3] for f in found), result.stderr
    return unknown[0]


def test_blip_naming_unknown_cell_and_initiative_in_text_and_github_format(radar_dir):
    radar_dir.blip("x", extra="capabilities: [tech-futur]\ninitiatives: [pilot-two]\n")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = {
        m["message"].split(":")[0]: (m["path"], int(m["line"]), int(m["col"])) for m in LINE.finditer(result.stderr)
    }
    assert found["unknown capability cell 'tech-futur'"] == ("blips/x.md", 5, 16)
    assert found["unknown initiative 'pilot-two'"] == ("blips/x.md", 6, 15)
    assert "tech-future" in result.stderr and "pilot-one" in result.stderr
    github = in_process("check", "--source", str(radar_dir.root), "--format", "github")
    assert "::error file=blips/x.md,line=5,col=16::" in github.stdout


# --- in Chromium: layout at both widths, colours, the table as assistive technology sees it ------

PAGES = [
    "capabilities/index.html",
    "capabilities/werkwijze-weerbaarheid.html",
    "capabilities/organisatie-weerbaarheid.html",
    "initiatives/index.html",
    "initiatives/cloudroadmap.html",
]


@pytest.fixture
def sized(browser):
    """A page of a given viewport width; closed after the test."""
    contexts = []

    def make(width: int):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        return context, context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [1400, 360])
def test_pages_fit_the_screen_and_pass_axe(sized, sample_server, width):
    from axe_playwright_python.sync_playwright import Axe

    _, page = sized(width)
    for path in PAGES:
        page.goto(sample_server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        violations = Axe().run(page, options=WCAG_AA).response["violations"]
        assert violations == [], (path, width, [v["id"] for v in violations])


def test_grid_is_three_across_when_wide_and_stacked_when_narrow(sized, sample_server):
    script = """() => [...document.querySelectorAll('.cap-grid tbody tr')].map(tr =>
        [...tr.querySelectorAll('td')].map(td => { const r = td.getBoundingClientRect(); return [r.left, r.top]; }))"""
    _, wide = sized(1400)
    wide.goto(sample_server + "capabilities/index.html")
    for row in wide.evaluate(script):
        assert len({round(top) for _, top in row}) == 1  # one line
        assert [left for left, _ in row] == sorted(left for left, _ in row) and len({round(x) for x, _ in row}) == 3
    _, narrow = sized(360)
    narrow.goto(sample_server + "capabilities/index.html")
    for row in narrow.evaluate(script):
        assert len({round(left) for left, _ in row}) == 1  # one above the other
        assert [top for _, top in row] == sorted(top for _, top in row)
        label = narrow.locator(".cap-grid .stack-label").first
        assert label.is_visible()  # sighted readers still see which column a cell is in


def _ax_roles(context, page) -> list[str]:
    session = context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    return [n.get("role", {}).get("value") for n in nodes if not n.get("ignored")]


@pytest.mark.parametrize("width", [1400, 360])
def test_grid_stays_a_table_for_assistive_technology(sized, sample_server, model, width):
    context, page = sized(width)
    page.goto(sample_server + "capabilities/index.html")
    roles = _ax_roles(context, page)
    # the grid, and under it the score trend table: a row per cell, a column per edition
    editions = len(load(ROOT)[0].editions)
    cells = len(model["cells"])
    assert roles.count("table") == 2
    assert roles.count("columnheader") == len(model["columns"]) + 1 + editions
    assert roles.count("rowheader") == len(model["rows"]) + cells
    assert roles.count("cell") + roles.count("gridcell") == cells + 1 + cells * editions  # with the corner


def _luminance(rgb: str) -> float:
    channels = [int(x) / 255 for x in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_score_colours_differ_and_meet_aa_contrast(sized, sample_server):
    _, page = sized(1400)
    page.goto(sample_server + "capabilities/index.html")
    seen = {}
    for status in SCORE_ORDER:
        label = page.locator(f".cap-grid .score.score-{status}").first
        color, background = label.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        assert _contrast(color, background) >= 4.5, (status, color, background)
        strip = label.evaluate("e => getComputedStyle(e.closest('td')).borderTopColor")
        assert _contrast(strip, "rgb(255, 255, 255)") >= 3, (status, strip)  # WCAG 1.4.11, non-text contrast
        seen[status] = (background, strip)
    assert len(set(seen.values())) == len(SCORE_ORDER)
