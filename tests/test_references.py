"""`radar check` finds a body's links without rendering it (content/markup.references): it must find
exactly the links and images a build renders, at the same lines and columns, whatever the Markdown."""

from __future__ import annotations

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from generator.content.markup import references, render

PIECES = list("ab <>/[]()!\"'=&#*_`\n:|\\-") + [
    "](",
    "]:",
    "[a]",
    "[b]: x.md\n",
    "[a]: <y z.md>\n",
    "x.md",
    "../../",
    "/etc/passwd",
    "http://x/",
    "\n\n",
    "    ",
    "```\n",
    "~~~",
    "\n> ",
    "\n- ",
    "\n1. ",
    "\n| a | b |\n|---|---|\n",
    "\n---\n",
    "\n===\n",
    "&#93;",
    "<a.md>",
]
MARKDOWN = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@seed(20261129)
@settings(max_examples=600, deadline=None)
@given(text=MARKDOWN)
def test_references_are_the_links_a_build_renders(text):
    assert references(text) == render(text)[2]


def test_links_in_code_are_not_links_and_reference_links_are():
    text = (
        "Intro `[code](a.md)` and\n\n    [indented](b.md)\n\n```\n[fenced](c.md)\n```\n\n"
        "A [reference][r] and ![an image](d.png).\n\n| a | b |\n|---|---|\n| [cell](e.md) | x |\n\n[r]: f.md\n"
    )
    assert [(r.kind, r.url, r.line, r.column) for r in references(text)] == [
        ("link", "f.md", 8, 1),  # lines count from the body's first (0); a reference at its paragraph
        ("image", "d.png", 8, 34),
        ("link", "e.md", 12, 10),
    ]
