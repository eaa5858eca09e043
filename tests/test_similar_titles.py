"""A new technology whose title is close to an existing one: "did you mean the existing …?"."""

from __future__ import annotations

import random
import re
import shutil
import time

from conftest import ROOT
from inprocess import radar as in_process

from generator.content import similar
from generator.content.similar import close_titles


def test_the_issues_example_is_close_and_unrelated_titles_are_not():
    existing = [
        ("spraak", "Spraakherkenning voor het proces-verbaal"),
        ("twins", "Digital twins"),
        ("lake", "Datalake en lakehouse"),
        ("privacy", "Privacy en security by design"),
        ("zero", "Zero trust-architectuur"),
        ("kafka", "Kafka streams 2"),
        ("github", "GitHub"),
        ("spa", "SPA by default"),
    ]
    new = [
        ("spraak-ai", "Spraakherkenning & AI"),
        ("twin", "Digital twin"),
        ("lake2", "Data lake en lakehouse"),
        ("pet", "Privacy-enhancing technologies"),
        ("mesh", "Data mesh"),
        ("vertaling", "Spraakvertaling op straat"),
        ("java", "Kafka streams 3"),
        ("spec-kit", "GitHub Spec Kit"),
        ("mcp", "MCP by default"),
    ]
    found = close_titles(existing, new, "nl")  # GitHub Spec Kit, MCP by default: Thoughtworks' radar, not twins
    assert found == {"spraak-ai": "spraak", "twin": "twins", "lake2": "lake"}


def test_of_two_new_twins_only_the_second_is_reported():
    assert close_titles([], [("a", "Edge computing"), ("b", "Edge-computing")], "en") == {"b": "a"}


def test_the_dutch_sample_warns_in_dutch_and_still_passes(tmp_path):
    source = tmp_path / "radar"
    shutil.copytree(ROOT / "radar", source / "radar")
    shutil.copytree(ROOT / "blips", source / "blips")
    (source / "blips" / "spraakherkenning-ai.md").write_text(
        "---\ntitle: Spraakherkenning & AI\nquadrant: data-en-ai\nring: verkennen\n---\nTekst.\n", encoding="utf-8"
    )
    result = in_process("check", "--source", str(source))
    assert result.returncode == 0, result.stderr
    expected = (
        r"blips/spraakherkenning-ai\.md:2:8: waarschuwing: de titel lijkt op de bestaande "
        r"'Spraakherkenning voor het proces-verbaal' \(blips/spraakherkenning-proces-verbaal\.md\): "
        r"bedoelde je de bestaande technologie\?"
    )
    assert re.search(expected, result.stderr), result.stderr
    assert result.stderr.count("lijkt op de bestaande") == 1, result.stderr


def test_an_english_radar_warns_in_english_only_for_the_new_blip(radar_dir):
    old = "history:\n  - edition: 2026-Q1\n    ring: trial\n    note: In use.\n"
    radar_dir.blip("kafka", title="Apache Kafka streaming", extra=old)
    radar_dir.blip("kafka-old", title="Apache Kafka streams", extra=old)  # already on the radar: left in peace
    radar_dir.blip("kafka-new", title="Kafka streaming")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    warned = re.findall(
        r"^(blips/[^:]+):\d+:\d+: warning: the title is close to the existing '([^']+)'", result.stderr, re.M
    )
    assert warned == [("blips/kafka-new.md", "Apache Kafka streaming")], result.stderr
    assert "did you mean the existing technology?" in result.stderr


def test_ten_thousand_titles_are_compared_in_linear_work(monkeypatch):
    """Titles from a small vocabulary share every word with hundreds of others: the work per new
    title stays bounded (CROWD), not proportional to the number of blips."""
    rng = random.Random(7)
    vocabulary = [f"woord{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(6)]
    titles = [(f"t{i}", f"{rng.choice(vocabulary)} {rng.choice(vocabulary)} {i}") for i in range(10_000)]
    calls = 0
    real_close = similar._close

    def counted(a, b):
        nonlocal calls
        calls += 1
        return real_close(a, b)

    monkeypatch.setattr(similar, "_close", counted)
    started = time.process_time()
    close_titles(titles[:5_000], titles[5_000:], "nl")
    assert calls <= 5_000 * 3 * (similar.CROWD + 1)
    assert time.process_time() - started < 5


def test_radar_new_says_it_at_once_and_still_writes_the_file(tmp_path):
    source = tmp_path / "radar"
    shutil.copytree(ROOT / "radar", source / "radar")
    shutil.copytree(ROOT / "blips", source / "blips")
    args = ("--title", "Spraakherkenning & AI", "--quadrant", "data-en-ai", "--ring", "verkennen", "--no-input")
    result = in_process("new", *args, "--source", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "waarschuwing: de titel lijkt op de bestaande 'Spraakherkenning voor het proces-verbaal' "
        "(blips/spraakherkenning-proces-verbaal.md): bedoelde je de bestaande technologie?"
    ), result.stdout
    assert (source / "blips" / "spraakherkenning-ai.md").is_file()
    other = in_process("new", "--title", "Kwantumsensoren", *args[2:], "--source", str(source))
    assert other.returncode == 0 and "lijkt op" not in other.stdout
