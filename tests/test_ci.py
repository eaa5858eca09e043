"""CI on a fresh Debian machine: the system packages it installs, and the pinned tools whose output tests assert on."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT

# ruff's formatting, the browser driver, axe's rules, and the scheduler tests/conftest.py subclasses
PINNED = ("ruff", "playwright", "axe-playwright-python", "pytest-xdist")


def test_tools_whose_output_tests_assert_on_are_pinned_to_the_installed_versions():
    """A new ruff or axe release must not turn CI red by itself: pinned exactly, and the pins are what runs here."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # (tomllib needs Python 3.11)
    extras = pyproject.split("\ntest = [", 1)[1].split("]", 1)[0]
    pins = dict(re.findall(r'"([A-Za-z0-9_.-]+)\s*==\s*([^"]+)"', extras))
    for tool in PINNED:
        assert tool in pins, f"{tool} is not pinned with == in the test extras"
        assert pins[tool] == version(tool), f"{tool}: pinned {pins[tool]}, installed {version(tool)}"


def test_no_test_needs_git_init_b():
    """`git init -b` needs git 2.28; CI images with an older git must still pass."""
    offenders = [
        p.name
        for p in sorted((ROOT / "tests").glob("*.py"))
        if re.search(r"""["']init["'][^)\n]*["']-b["']|init -b""", p.read_text(encoding="utf-8"))
        and p.name != "test_ci.py"
    ]
    assert offenders == []


def _system_packages(tmp_path: Path, tools: dict[str, str]) -> list[str]:
    """Run .ci/system-packages with only `tools` (name -> script) on PATH and an apt-get that records its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    scripts = {"apt-get": f'#!/bin/sh\necho "$@" >> {log}\n', **tools}
    for name, text in scripts.items():
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    for name in ("sed", "python3"):
        (bin_dir / name).symlink_to(sys.executable if name == "python3" else f"/usr/bin/{name}")
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    subprocess.run(["/bin/bash", str(ROOT / ".ci" / "system-packages")], env=env, check=True, timeout=60)
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.mark.parametrize(
    ("tools", "installed"),
    [
        ({}, "chromium git"),
        ({"chromium": "#!/bin/sh\n", "git": "#!/bin/sh\necho git version 1.9.1\n"}, "git"),
        ({"chromium": "#!/bin/sh\n", "git": "#!/bin/sh\necho git version 2.39.5\n"}, None),
    ],
)
def test_ci_installs_git_and_chromium_when_missing_or_too_old(tmp_path, tools, installed):
    calls = _system_packages(tmp_path, tools)
    if installed is None:
        assert calls == []
    else:
        assert calls == ["update -qq", f"install -y -qq {installed}"]


def test_ci_run_uses_the_system_packages_script():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/system-packages" in run and os.access(ROOT / ".ci" / "run", os.X_OK)
