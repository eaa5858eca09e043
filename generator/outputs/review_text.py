"""The review's phrases in the radar's language, shared by `radar moves` and the review PDF.

No matplotlib here, so `radar moves` starts fast.
"""

from __future__ import annotations

from ..content.model import Radar
from ..domain.editions import Standing
from ..domain.review import Review
from ..i18n import translator


def ring_name(radar: Radar, ring: str | None) -> str:
    return radar.ring(ring).name if ring else ""


def heading(rv: Review) -> tuple[str, str]:
    t = translator(rv.radar.language)
    title = f"{rv.radar.title} — {t('moves_title', edition=rv.edition)}"
    compared = t("moves_compared", previous=rv.previous) if rv.previous else t("moves_first")
    return title, compared


def counts_line(rv: Review) -> str:
    t = translator(rv.radar.language)
    return " · ".join(f"{t('status_' + k)}: {n}" for k, n in rv.counts.items())


def move_text(rv: Review, s: Standing) -> str:
    t = translator(rv.radar.language)
    arrow = f"{ring_name(rv.radar, s.previous_ring)} → {ring_name(rv.radar, s.ring)}"
    status = t("status_" + s.status) + (f", {t('returned')}" if s.returned else "")
    return f"{arrow} ({status})"
