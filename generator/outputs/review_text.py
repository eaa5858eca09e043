"""The review's phrases in the radar's language, shared by `radar moves` and the review PDF.

No matplotlib here, so `radar moves` starts fast.
"""

from __future__ import annotations

from ..content.model import Radar
from ..domain.comparison import RETURNED, Comparison
from ..domain.editions import Standing
from ..i18n import translator


def ring_name(radar: Radar, ring: str | None) -> str:
    return radar.ring(ring).name if ring else ""


def heading(rv: Comparison) -> tuple[str, str]:
    t = translator(rv.radar.language)
    if rv.consecutive:
        title = f"{rv.radar.title} — {t('moves_title', edition=rv.edition)}"
    else:
        title = f"{rv.radar.title} — {t('compare_title', start=rv.start, end=rv.end)}"
    compared = t("moves_compared", previous=rv.previous) if rv.previous else t("moves_first")
    return title, compared


def counts_line(rv: Comparison) -> str:
    t = translator(rv.radar.language)
    return " · ".join(f"{count_label(t, k)}: {n}" for k, n in rv.all_counts.items())


def count_label(t, key: str) -> str:
    """A status name, or 'back on the radar' for the count of returned technologies."""
    return t("returned") if key == RETURNED else t("status_" + key)


def move_text(rv: Comparison, s: Standing) -> str:
    t = translator(rv.radar.language)
    arrow = f"{ring_name(rv.radar, s.previous_ring)} → {ring_name(rv.radar, s.ring)}"
    status = t("status_" + s.status) + (f", {t('returned')}" if s.returned else "")
    return f"{arrow} ({status})"
