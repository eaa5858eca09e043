"""What the preview adds to pages: the live-reload script, and the page that lists the radar's problems."""

from __future__ import annotations

import html

from ...content.problems import Problem
from ...i18n import translator
from .preview import Build

# The live-reload client: reload when the server announces a build other than the one shown.
# EventSource reconnects by itself after a restart; a restarted server has a new build id.
LIVE_SCRIPT = """<script>
(function () {
  var shown = null;
  var events = new EventSource("/__radar/events");
  events.onmessage = function (e) {
    if (shown === null) { shown = e.data; } else if (e.data !== shown) { location.reload(); }
  };
}());
</script>
"""


def error_page(build: Build) -> bytes:
    """A self-contained page listing every problem (and warning); it carries the reload script like every page."""
    t = translator(build.language)
    heading, advice = t("serve.error_heading"), t("serve.error_advice")
    items = "\n".join(_item(p) for p in build.problems)
    warnings = ""
    if build.warnings:
        listed = "\n".join(_item(p) for p in build.warnings)
        warnings = f"""<h2>{html.escape(t("serve.warnings", count=len(build.warnings)))}</h2>
<ul class="radar-warnings">
{listed}
</ul>
"""
    page = f"""<!DOCTYPE html>
<html lang="{html.escape(build.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; line-height: 1.5; }}
h1 {{ color: #9b1c1c; }}
li {{ margin: .5rem 0; }}
code {{ white-space: pre-wrap; word-break: break-word; }}
pre {{ margin: .25rem 0 0; padding: .5rem; background: #f3f3f3; overflow-x: auto; }}
</style>
</head>
<body>
<main>
<h1>{html.escape(heading)}</h1>
<p>{html.escape(advice)}</p>
<ul class="radar-problems">
{items}
</ul>
{warnings}</main>
</body>
</html>
"""
    return page.encode("utf-8")


def _item(problem: Problem) -> str:
    """One problem as a list item: its line, then the excerpt with the caret under the column."""
    excerpt = problem.excerpt_lines()
    shown = f'\n<pre class="radar-excerpt">{html.escape(chr(10).join(excerpt))}</pre>' if excerpt else ""
    if problem.fix:
        shown += f'\n<pre class="radar-fix">{html.escape(problem.fix)}</pre>'
    return f"<li><code>{html.escape(problem.text())}</code>{shown}</li>"


# The warnings of a good build, on every served page: folded away at the bottom corner until opened.
# Inline styles only, so no page's stylesheet (or its absence) changes how it looks.
BANNER_STYLE = (
    "position:fixed;right:.5rem;bottom:.5rem;z-index:2147483647;max-width:min(48rem,calc(100vw - 1rem));"
    "max-height:60vh;overflow:auto;margin:0;padding:.25rem .75rem;background:#fff8db;color:#1a1a1a;"
    "border:2px solid #8a6100;border-radius:.25rem;font:14px/1.4 system-ui,sans-serif;text-align:left"
)


def warnings_banner(build: Build) -> str:
    """An <aside> that lists the build's warnings, folded (a <details>, keyboard reachable without script)."""
    if not build.warnings:
        return ""
    if build.banner is None:  # made once per build, not for every page a tab asks for
        build.banner = _banner(build)
    return build.banner


def _banner(build: Build) -> str:
    t = translator(build.language)
    items = "\n".join(_item(p) for p in build.warnings)
    label = html.escape(t("serve.warnings_label"))
    return f"""<aside class="radar-serve-warnings" aria-label="{label}" style="{BANNER_STYLE}">
<details>
<summary style="cursor:pointer;font-weight:600">{html.escape(t("serve.warnings", count=len(build.warnings)))}</summary>
<p style="margin:.25rem 0">{html.escape(t("serve.warnings_advice"))}</p>
<ul style="margin:0;padding-left:1.25rem">
{items}
</ul>
</details>
</aside>
"""


def inject(page: bytes, build: Build | None = None) -> bytes:
    """Add the warnings (if any) and the live-reload script to served HTML, before </body> (or at the end)."""
    added = (warnings_banner(build) if build is not None else "") + LIVE_SCRIPT
    script = added.encode("utf-8")
    at = page.rfind(b"</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]
