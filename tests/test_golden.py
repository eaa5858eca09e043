"""The stable text outputs of the sample radar and of `radar diff` equal their golden files.

Regenerate after a deliberate change with `python tests/golden.py`, then review `git diff tests/golden`.
"""

from __future__ import annotations

import golden


def test_outputs_equal_their_golden_files(sample_site, tmp_path):
    produced = golden.outputs(sample_site, tmp_path)
    assert sorted(produced) == sorted(p.name for p in golden.GOLDEN.iterdir())
    for name, text in produced.items():
        expected = (golden.GOLDEN / name).read_text(encoding="utf-8")
        assert text == expected, f"tests/golden/{name} differs: run `python tests/golden.py` if the change is meant"
