"""Interface text as data: one <language>.yaml per language, read by generator/i18n.py."""
