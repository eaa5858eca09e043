"""Colours an author sets must keep the picture readable: WCAG 2.1 AA contrast, checked at load time."""

from conftest import RADAR_YAML
from inprocess import radar as in_process


def test_a_pale_quadrant_colour_is_refused_with_its_contrast(radar_dir):
    radar_dir.write(
        "radar/radar.yaml", RADAR_YAML.replace("{id: tools, name: Tools}", "{id: tools, name: Tools, color: '#ffdd55'}")
    )
    radar_dir.blip("thing")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1
    line = next(i for i, text in enumerate(RADAR_YAML.splitlines(), 1) if "id: tools" in text)
    assert f"radar/radar.yaml:{line}:" in result.stderr
    assert "colour '#ffdd55' gives the white blip numbers a contrast of 1.3:1" in result.stderr
    assert "4.5:1" in result.stderr and "darker" in result.stderr


def test_a_dark_ring_colour_is_refused_and_a_good_one_reaches_the_page(radar_dir, tmp_path):
    radar_dir.write(
        "radar/radar.yaml", RADAR_YAML.replace("{id: hold, name: Hold}", "{id: hold, name: Hold, color: '#202020'}")
    )
    radar_dir.blip("thing")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1 and "the dark ring names" in result.stderr and "lighter" in result.stderr

    radar_dir.write(
        "radar/radar.yaml", RADAR_YAML.replace("{id: data, name: Data}", "{id: data, name: Data, color: '#123456'}")
    )
    out = tmp_path / "site"
    assert in_process("build", "--source", str(radar_dir.root), "--out", str(out)).returncode == 0
    assert "#123456" in (out / "static" / "colors.css").read_text()
    assert 'fill="#123456"' in (out / "index.html").read_text()
