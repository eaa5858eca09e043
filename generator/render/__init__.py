"""The HTML site: page families, theme, URLs, rendered with (sandboxed) Jinja2."""
