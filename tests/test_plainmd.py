"""`radar check` finds the links of plain bodies without markdown-it (content/plainmd.py): wherever it
answers, it must give exactly the links and images a build renders, at the same lines and columns;
where it cannot be sure it must hand the body to markdown-it."""

from __future__ import annotations

import random
import time

from conftest import ROOT
from markdown_it.common.utils import MD_TRIM_CHARS
from watched_build import imported

from generator.content import plainmd
from generator.content.markup import references, render

# Line starts: every block a body can open with, plain or not, with the spacing markdown-it weighs.
STARTS = [
    "", "", "", "", "Tekst ", "# ", "## ", "###### ", "####### ", "#", "#x ", "- ", "* ", "+ ", "-  ", "-    ",
    "-     ", "-", "-x", "1. ", "1) ", "2. ", "10. ", "0. ", "1234567890. ", "1.", "1.x", "> ", " ", "   ", "    ",
    "\t", "```", "~~~", "---", "***", "___", "===", "- - ", "- 1. ", "- # ", "- > ", "* * *", "  - ", "[a]: x.md",
    "\u00a0", "\u2003- ", "٣. ", "=x ", "**", "__", "``", "~~",
]  # fmt: skip
# Inline pieces: simple links and images (found here), and everything that makes a link unsure.
PIECES = [
    "woord", "twee woorden", " ", "  ", ".", "[tekst](andere.md)", "[x](a/b.md#kop)", "![beeld](p.png)",
    "[](leeg.md)", "[a](#)", "[a](//host/x)", "[a](http://x/)", "[a](b c)", "[a](<b>)", "[a](b \"t\")",
    "[a](b(c))", "[a] (b)", "[a]", "[", "]", "(", ")", "](", "!", "![", "*", "**", "_", "`", "``", "<", ">",
    "\\", "&amp;", "&#93;", "#", " ###", " #", "|", ":", "]:", "%20", "ü", "[é](é.md)", "[a](a%20b.md)",
    "[x [y](z.md)](w.md)", "[A](B.MD)", "\u00a0", "\u2003", "[a](foo.md:bar)", "[a](http://x y)",
    "[a](http://x\u00a0y)", "[a](javascript:alert(1))", "[a](http://x/\x01)", "[a](https://x/a_(b))",
]  # fmt: skip
PLAIN_STARTS = ["", "", "Tekst ", "# ", "## ", "- ", "* ", "1. ", "2. ", "1) ", "+ "]
PLAIN_PIECES = [" ", "woord", "[tekst](andere.md)", "![b](p.png)", "**", "&amp;", "#", "!", "[w](https://x.org/a?b=1&c)",
                "![e](http://x/p.png)", "[m](mailto:a@b.nl)"]  # fmt: skip


def body(rng: random.Random, unusual: float) -> str:
    """Up to 14 lines of plain starts and pieces, each start or piece with chance `unusual` any of them."""

    def pick(plain: list[str], every: list[str]) -> str:
        return rng.choice(every if rng.random() < unusual else plain)

    lines = [
        pick(PLAIN_STARTS, STARTS) + "woord" + "".join(pick(PLAIN_PIECES, PIECES) for _ in range(rng.randrange(7)))
        for _ in range(rng.randrange(15))
    ]
    return "\n".join(lines) + rng.choice(["", "\n", "\n\n", "\n  "])


def test_trim_is_markdown_its():
    assert plainmd.TRIM == MD_TRIM_CHARS


def test_any_body_gets_the_links_a_build_renders():
    rng = random.Random(20261130)  # bodies made fresh each run would make a failure hard to repeat
    for _ in range(2500):
        text = body(rng, unusual=rng.choice([0.03, 0.1, 0.3, 1]))
        assert references(text) == render(text)[2], text


def test_plain_bodies_are_read_without_markdown_it_and_agree_with_it():
    rng = random.Random(20261130)
    for _ in range(500):
        text = body(rng, unusual=0)
        if "](" in text:
            assert plainmd.links(text) is not None, text  # plain: answered here
        assert references(text) == render(text)[2], text


def test_the_sample_blips_are_plain():
    for path in sorted((ROOT / "blips").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert plainmd.links(body) is not None, path.name
        assert references(body) == render(body)[2], path.name


def test_what_is_not_followed_goes_to_markdown_it():
    unsure = [
        "    [code](a.md)\n",  # indented code
        "```\n[fenced](a.md)\n```\n",
        "> [quoted](a.md)\n",
        "Kop\n===\n[a](b.md)\n",
        "| a |\n|---|\n| [c](d.md) |\n",
        "[ref]: a.md\n",
        "- \n[a](b.md)\n",  # an empty item
        "Zie `[a](b.md)`\n",
        "Zie [a](b.md) en \\[\n",
        "[x [y](z.md)](w.md)\n",
        "- tekst\n  [doorlopend](a.md)\n",
    ]
    for text in unsure:
        assert plainmd.links(text) is None, text
        assert references(text) == render(text)[2], text


def test_hostile_bodies_take_linear_time():
    for text in ("[" * 200_000, "[a](" * 50_000, "- " * 100_000 + "\n", "](" * 100_000, "# \n" * 50_000):
        start = time.process_time()
        plainmd.links(text)
        assert time.process_time() - start < 2, text[:10]


def test_check_of_plain_bodies_needs_no_markdown_it_and_still_finds_dead_links(radar_dir, tmp_path):
    radar_dir.blip("one", body="Intro.\n\n## Kop\n\n- zie [twee](two.md)\n- en [nergens](nowhere.md)\n")
    radar_dir.blip("two", body="Terug naar [een](one.md).")
    status, _, stderr = imported("check", "--source", str(radar_dir.root), cache=tmp_path / "cache")
    assert status == "0 []"  # a dead link is a warning; no markdown-it (nor anything heavier)
    assert "blips/one.md:11:16: warning: the link 'nowhere.md'" in stderr, stderr
    # A body that is not plain goes to markdown-it, with the same answer
    radar_dir.blip("two", body="Terug naar [een](one.md).\n\n> en [weg](gone.md)\n")
    status, _, stderr = imported("check", "--source", str(radar_dir.root), cache=tmp_path / "cache")
    assert status == "0 ['markdown_it']"
    assert "blips/two.md:8:12: warning: the link 'gone.md'" in stderr, stderr
