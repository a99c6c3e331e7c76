"""The render benchmark runs the real match screen and returns one time per frame (numbers are not judged here)."""

from __future__ import annotations

import pytest

from game.ui.bench import percentile, render_frame_times, summarise
from tests.ui.test_match_screen import FIXTURE, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def test_render_frame_times_measures_each_frame_while_panning_and_zooming() -> None:
    times = render_frame_times(FIXTURE, frames=60)

    assert len(times) == 60 and all(t > 0 for t in times)
    assert percentile(times, 0.5) <= percentile(times, 0.95) <= max(times)
    assert "p95" in summarise(times)
