"""The sample radar builds, and the command line answers as documented."""

from conftest import run_radar


def test_sample_site_has_home_blips_and_data(sample_site):
    assert (sample_site / "index.html").is_file()
    assert (sample_site / "radar.json").is_file()
    assert len(list((sample_site / "blips").glob("*.html"))) >= 24


def test_version_and_help():
    assert run_radar("--version").stdout.startswith("radar ")
    for command in ("build", "check"):
        result = run_radar(command, "--help")
        assert result.returncode == 0 and "--source" in result.stdout
