"""The victory-point scores in the top bar are drawn in each side's colour, which must stay legible."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.io.levels import load_level
from game.ui.panels.common import ink
from game.ui.panels.top_bar import TEXT_FLOOR, _lift

LEVELS = sorted((Path(__file__).parents[2] / "levels").glob("*.json"))


def contrast(a: pygame.Color, b: pygame.Color) -> float:
    """WCAG 2 contrast ratio between two colours."""

    def luminance(c: pygame.Color) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.name)
def test_every_seat_score_reads_on_the_dark_bar(path: Path) -> None:
    level = load_level(path)
    colours = {n.id: n.colour for n in level.nations}
    for seat in level.seats:
        score = _lift(pygame.Color(colours[seat.nations[0]]), TEXT_FLOOR)
        assert contrast(score, pygame.Color(ink("bar_bg"))) >= 4.5, (seat.name, colours[seat.nations[0]])


def test_a_light_colour_is_left_as_the_player_knows_it() -> None:
    gold = pygame.Color("#c79a2e")
    assert _lift(gold, TEXT_FLOOR) == gold
