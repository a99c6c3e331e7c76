"""The screen computes no rule and changes the match only through the core's ``apply``.

``game.core.apply`` is wrapped so that each call on the real match records the state
fingerprint before and after. If anything else changed the match (a panel, a dialog,
the AI driver, the map), a fingerprint would move between two calls, or after the last.
"""

from __future__ import annotations

from typing import Any

import pygame
import pytest
from pytest_mock import MockerFixture

import game.core
from game.core import current_seat, new_match, state_hash
from game.ui.scenes.handover import HandoverScene
from tests.ui.test_match_hotseat import answer_prompts, dismiss_cards, play_turn
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def test_every_change_the_screen_makes_goes_through_apply(mocker: MockerFixture) -> None:
    match = new_match(fixture_level(round_limit=2), seed=8)
    real_apply = game.core.apply
    hashes: list[tuple[str, str]] = []

    def recording_apply(m: Any, action: Any) -> Any:
        if m is not match:
            return real_apply(m, action)  # dry runs and bots' look-ahead on private copies
        before = state_hash(m)
        events = real_apply(m, action)
        hashes.append((before, state_hash(m)))
        return events

    spy = mocker.patch("game.core.apply", side_effect=recording_apply)
    screen = Screen(match, ai={1: "greedy"})
    try:
        last = state_hash(match)

        def check() -> None:
            nonlocal last
            for before, after in hashes[checked[0] :]:
                assert before == last, "the match changed outside apply"
                last = after
            checked[0] = len(hashes)
            assert state_hash(match) == last, "the match changed outside apply"

        checked = [0]
        for _ in range(400):
            if match.outcome is not None:
                break
            if current_seat(match) == 0:
                # Everything a player does: diplomacy, a recruit, an order, undo, end turn.
                answer_prompts(screen)
                dismiss_cards(screen)
                check()
                screen.press(pygame.K_d)
                screen.press(pygame.K_ESCAPE)
                screen.click_territory("berlin")
                panel = screen.scene.territory_panel
                if panel is not None and panel._button is not None:
                    screen.press_button(panel._button)
                    check()
                    screen.press(pygame.K_z, mod=pygame.KMOD_CTRL)
                    check()
                play_turn(screen)
            else:
                screen.frames(1)
            check()
            assert not isinstance(screen.app.scene, HandoverScene)
        assert match.outcome is not None
        check()
        assert spy.call_count >= len(hashes) > 0
        kinds = {call.args[1].kind for call in spy.call_args_list if call.args[0] is match}
        assert {"recruit", "undo", "end_turn"} <= kinds
    finally:
        screen.close()
