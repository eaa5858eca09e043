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


def test_a_dependency_missing_from_an_old_environment_is_a_clear_error(monkeypatch, capsys, tmp_path):
    from generator import cli

    monkeypatch.chdir(tmp_path)  # no radar here, and a locale without a language: English
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")

    def missing(name: str):
        raise ModuleNotFoundError("No module named 'pyphen'", name="pyphen")

    monkeypatch.setattr(cli.importlib, "import_module", missing)
    assert cli.main(["build"]) == 1
    err = capsys.readouterr().err
    assert "'pyphen' is not installed" in err and "pip install" in err and "Traceback" not in err
