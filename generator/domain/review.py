"""The leadership review of one edition: what is new, what moved in or out, what was retired, and why.

A `Review` is the `Comparison` of an edition with the one before it, together with
the edition's laid-out view (numbers, legend).  The moves page, the archive, the
review PDF, the chart and `radar moves` all count from it, so they can never tell a
different story.  Plain data: the words are in `outputs/review_text.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..content.model import Radar
from .comparison import Comparison, previous_of
from .views import EditionView


@dataclass
class Review(Comparison):
    """One edition compared with the one before it."""

    laid_out: EditionView | None = None

    @cached_property
    def view(self) -> EditionView:
        return self.laid_out or EditionView(self.radar, self.end)

    @cached_property
    def ring_positions(self) -> dict[str, int]:
        return self.view.ring_positions


def review(radar: Radar, edition: str | None = None, view: EditionView | None = None) -> Review:
    """The review of `edition` (default: the current one), reusing a laid-out view when there is one."""
    edition = edition or (view.edition if view else radar.edition)
    return Review(radar, previous_of(radar, edition), edition, view)
