"""The match screen's keys read as the commands a player expects (game/ui/scenes/match_input.py)."""

from __future__ import annotations

import pygame

from game.ui.commands import Back, EndTurnAsked, NextReady, PanMap, ShowHelp, SkipAi, ToggleMapMode, UndoAsked
from game.ui.scenes.match_input import key_command


def test_a_shows_alliances_but_with_shift_it_pans_like_the_arrows() -> None:
    assert key_command(pygame.K_a, 0, "a", ai_playing=False) == ToggleMapMode()
    assert key_command(pygame.K_a, pygame.KMOD_SHIFT, "A", ai_playing=False) == PanMap((1, 0), pygame.K_a)
    assert key_command(pygame.K_LEFT, 0, "", ai_playing=False) == PanMap((1, 0), pygame.K_LEFT)


def test_ctrl_z_undoes_and_ctrl_with_a_pan_key_does_not_pan() -> None:
    assert key_command(pygame.K_z, pygame.KMOD_CTRL, "", ai_playing=False) == UndoAsked()
    assert key_command(pygame.K_z, 0, "z", ai_playing=False) is None
    assert key_command(pygame.K_w, pygame.KMOD_CTRL, "", ai_playing=False) is None


def test_space_skips_only_while_the_ai_plays() -> None:
    assert key_command(pygame.K_SPACE, 0, " ", ai_playing=True) == SkipAi()
    assert key_command(pygame.K_SPACE, 0, " ", ai_playing=False) is None


def test_the_turn_keys() -> None:
    assert key_command(pygame.K_RETURN, 0, "\r", ai_playing=False) == EndTurnAsked()
    assert key_command(pygame.K_TAB, 0, "\t", ai_playing=False) == NextReady()
    assert key_command(pygame.K_ESCAPE, 0, "", ai_playing=False) == Back()
    assert key_command(pygame.K_SLASH, pygame.KMOD_SHIFT, "?", ai_playing=False) == ShowHelp()
