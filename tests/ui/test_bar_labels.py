"""A bar's label stays legible on a light fill: dark letters where the bar is filled."""

from __future__ import annotations

import pygame

from game.ui.panels.common import bar_surface, ink


def letters_in(surface: pygame.Surface, area: pygame.Rect, colour: pygame.Color) -> int:
    return sum(
        1
        for x in range(area.left, area.right)
        for y in range(area.top, area.bottom)
        if surface.get_at((x, y))[:3] == colour[:3]
    )


def test_on_an_amber_fill_the_label_is_drawn_dark_where_the_bar_is_full() -> None:
    pygame.font.init()
    font = pygame.font.Font(None, 22)
    bar = bar_surface((460, 30), 0.6, ink("warn"), "60% chance to take Belgrade", font)
    filled_under_label = pygame.Rect(150, 0, 126, 30)  # the label is centred; the fill reaches 276
    assert letters_in(bar, filled_under_label, ink("bar_bg")) > 20
    empty_part = pygame.Rect(290, 0, 40, 30)
    assert letters_in(bar, empty_part, ink("text")) > 5, "light letters where the bar is empty"
