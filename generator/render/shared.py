"""`{% shared value, ... %}...{% endshared %}`: a fragment a template repeats on many pages, rendered once.

The site header is on every page and what each ring asks of teams on every blip page; at a thousand
blips rendering them again for each page was a tenth of the build's rendering.  The markup is still the
theme's: the tag only remembers what its body rendered, for the rest of the build (one `Site`, one Jinja
environment; the live preview makes a new one for every rebuild), under the template, the tag's place
in it, the values it names and the folder of the page being rendered (links are relative to it, and
`|rel` depends on nothing else of the page).  So a fragment may read nothing else that differs between
the pages of one folder: whatever it does read (the page's path, a variable of the page) belongs among
its values.  A value that cannot be a key (a list) renders the fragment every time.

The small macros pages call thousands of times (a ring's badge, a status's) wrap their body in it too, so
the tag costs little more than a look-up: it compiles to that look-up and the body inline (as `{% set %}`
captures a block), not to a call block, which makes a caller macro on every use.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from typing import Any

import markupsafe
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.runtime import Context


class SharedFragments(Extension):
    tags = {"shared"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        self.rendered: dict[Hashable, markupsafe.Markup] = {}
        self.tags_seen = itertools.count()

    def parse(self, parser: Parser) -> list[nodes.Node]:
        lineno = next(parser.stream).lineno
        values: list[nodes.Expr] = []
        while parser.stream.current.type != "block_end":
            if values:
                parser.stream.expect("comma")
            values.append(parser.parse_expression())
        body = parser.parse_statements(("name:endshared",), drop_needle=True)
        place = nodes.Const((parser.name, next(self.tags_seen)))  # two tags may share a line
        # key, found = _lookup(...); if found == None: made = <body>; output _keep(key, made) else: output found
        key, found, made = (parser.free_identifier(lineno) for _ in range(3))
        lookup = self.call_method("_lookup", [place, nodes.Tuple(values, "load"), nodes.ContextReference()])
        missing = nodes.Compare(found, [nodes.Operand("eq", nodes.Const(None))])
        render = [nodes.AssignBlock(made, None, body), nodes.Output([self.call_method("_keep", [key, made])])]
        return [
            nodes.Assign(nodes.Tuple([key, found], "store"), lookup).set_lineno(lineno),
            nodes.If(missing, render, [], [nodes.Output([found])]).set_lineno(lineno),
        ]

    def _lookup(self, place: tuple, values: tuple, context: Context) -> tuple[Hashable, markupsafe.Markup | None]:
        """The fragment's key and what its body rendered under it before (None: render it now)."""
        page = context.get("page_path")
        key = (place, values, page.rpartition("/")[0] if isinstance(page, str) else None)
        try:
            return key, self.rendered.get(key)
        except TypeError:  # unhashable: not shared
            return None, None  # `_keep` keeps nothing under None

    def _keep(self, key: Hashable, made: markupsafe.Markup) -> markupsafe.Markup:
        if key is not None:
            self.rendered[key] = made
        return made
