"""What the preview adds to pages: the live-reload script, and the page that lists the radar's problems."""

from __future__ import annotations

import html

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
    """A self-contained page listing every problem; it carries the reload script like every page."""
    t = translator(build.language)
    heading, advice = t("serve.error_heading"), t("serve.error_advice")
    items = "\n".join(f"<li><code>{html.escape(p.text())}</code></li>" for p in build.problems)
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
</style>
</head>
<body>
<main>
<h1>{html.escape(heading)}</h1>
<p>{html.escape(advice)}</p>
<ul class="radar-problems">
{items}
</ul>
</main>
</body>
</html>
"""
    return page.encode("utf-8")


def inject(page: bytes) -> bytes:
    """Add the live-reload script to served HTML, before </body> (or at the end)."""
    script = LIVE_SCRIPT.encode("utf-8")
    at = page.rfind(b"</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]
