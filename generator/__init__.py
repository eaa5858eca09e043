"""Technology radar generator: a folder of Markdown files in, a static intranet site out."""

__version__ = "0.1.0"
