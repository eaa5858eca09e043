"""What a ring means, where people look, and who to ask: ring meanings and the `contact` field."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import ROOT
from inprocess import radar as in_process

from generator import urls
from generator.content.load import load


def test_ring_meanings_beside_the_radar_and_on_every_blip_page(sample_site: Path):
    radar, _ = load(ROOT)
    assert radar is not None
    home = (sample_site / urls.INDEX).read_text(encoding="utf-8")
    figure = re.search(r'<figure class="radar-figure.*?</figure>', home, re.S).group(0)
    for ring in radar.rings:
        assert ring.description and html.escape(ring.description) in figure, ring.id
    for blip in radar.blips.values():
        page = (sample_site / urls.blip_url(blip.id)).read_text(encoding="utf-8")
        for ring in radar.rings:
            assert html.escape(ring.description) in page, (blip.id, ring.id)
        current = re.findall(r'<div class="ring-meaning current">\s*<dt><a href="[^"]*">([^<]*)</a>', page)
        standing_ring = next((h.ring for h in reversed(blip.history) if h.edition <= radar.edition), blip.ring)
        expected = [radar.ring(standing_ring).name] if standing_ring else []
        assert current == expected, blip.id


def test_contact_is_shown_as_text_or_mail_link(sample_site: Path):
    drones = (sample_site / urls.blip_url("drones")).read_text(encoding="utf-8")
    assert '<dd><a href="mailto:landelijke-dronepool@politie.nl">landelijke-dronepool@politie.nl</a></dd>' in drones
    initiative = (sample_site / urls.initiative_url("no-more-ransom")).read_text(encoding="utf-8")
    assert "<dt>Contact</dt><dd>Team High Tech Crime, via de servicedesk Landelijke Eenheid</dd>" in initiative


def test_a_bad_contact_is_reported_at_its_line_with_the_other_problems(radar_dir):
    radar_dir.blip("a", extra="contact: 'team@'\n")
    radar_dir.blip("b", extra="contact: 'javascript:alert(1)@x.nl <b>'\n")
    radar_dir.write(
        "radar/initiatives/two.md", "---\ntitle: Two\nlead: L\nstatus: pilot\ncontact: [a, b]\n---\nBody.\n"
    )
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1
    out = result.stderr + result.stdout
    assert re.search(r"blips/a\.md:5:\d+: .*'contact' looks like a mailbox, but 'team@'", out), out
    assert re.search(r"blips/b\.md:5:\d+: .*'contact' looks like a mailbox", out), out
    assert re.search(r"initiatives/two\.md:5:\d+: 'contact' must be a text", out), out


def test_a_good_contact_passes_and_reaches_the_page(radar_dir, tmp_path: Path):
    radar_dir.blip("a", title="Alpha", extra="contact: data-team@example.nl\n")
    out = tmp_path / "site"
    result = in_process("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / urls.blip_url("a")).read_text(encoding="utf-8")
    assert '<a href="mailto:data-team@example.nl">data-team@example.nl</a>' in page
