"""A bar's label reads whole: beside the bar, never across the fill's end where a glyph was cut in two colours."""

from __future__ import annotations

import pygame
import pytest

from game.ui.panels.common import bar_surface, ink


def columns_of(surface: pygame.Surface, colour: pygame.Color) -> list[int]:
    """The x of every pixel drawn in exactly ``colour``."""
    w, h = surface.get_size()
    return [x for x in range(w) for y in range(h) if surface.get_at((x, y))[:3] == colour[:3]]


@pytest.fixture(scope="module")
def font() -> pygame.font.Font:
    pygame.font.init()
    return pygame.font.Font(None, 22)


@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.95])
@pytest.mark.parametrize("fill", ["warn", "good", "heading", "ai", "bad"])
def test_the_label_sits_left_of_the_bar_in_one_colour_whatever_the_fill(
    font: pygame.font.Font, fill: str, fraction: float
) -> None:
    bar = bar_surface((460, 30), fraction, ink(fill), "60% chance to take Belgrade", font)
    letters = columns_of(bar, ink("text"))
    drawn = columns_of(bar, ink(fill)) + columns_of(bar, ink("bar_back"))
    assert letters, "the label is written in the panels' text colour"
    assert drawn, "the bar is drawn"
    assert max(letters) < min(drawn), "a glyph of the label lies on the bar"


def test_bars_of_one_kind_start_at_the_same_x_whatever_their_number(font: pygame.font.Font) -> None:
    starts = []
    for value in (5, 60, 100):
        bar = bar_surface((300, 18), value / 100, ink("good"), f"cohesion {value}", font)
        starts.append(min(columns_of(bar, ink("good")) + columns_of(bar, ink("bar_back"))))
    assert len(set(starts)) == 1, f"the bars of a list start at {starts}"
