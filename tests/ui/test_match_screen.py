"""The match screen, played like a player plays it: real pygame events, clicks aimed at the map.

This module also holds :class:`Screen`, the small driver the other match-screen tests use:
it posts MOUSEMOTION/MOUSEBUTTONDOWN/UP and KEYDOWN/UP events and runs real frames, so
every click goes through pygame_gui and the scene exactly as a player's would.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core import Match, new_match
from game.core import world as w
from game.core.actions import Attack, Move, Recruit
from game.io.levels import level_from_data
from game.io.settings import Settings
from game.ui.app import App
from game.ui.panels import CombatPreview, DiplomacyWindow, GlossaryWindow, MoveDialog
from game.ui.scenes.match import MatchScene

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "july_1914.json"
SIZE = (1280, 720)


def fixture_level(**changes: Any) -> Any:
    """The July 1914 test level, with top-level fields changed (``round_limit=2``)."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data.update(changes)
    return level_from_data(data, "<july 1914>")


class Screen:
    """An App showing a MatchScene, and a player's hands: click, drag, press, wait."""

    def __init__(
        self,
        match: Match,
        ai: dict[int, str] | None = None,
        size: tuple[int, int] = SIZE,
        read_briefing: bool = True,
    ) -> None:
        self.app = App(Settings(muted=True, animation_speed="off", resolution=size), size=size)
        self.match = match
        self.scene = MatchScene(self.app, match, ai=ai)
        self.app.push(self.scene)
        self.frames(3)
        report = self.scene.dialog
        if read_briefing and getattr(report, "briefing", None) and not report.questions:
            self.press_button(report.proceed)  # a player reads the level's briefing and goes on

    # Time ---------------------------------------------------------------------
    def frames(self, count: int = 1) -> None:
        for _ in range(count):
            self.app.step(1 / 60)

    def until(self, condition: Callable[[], bool], frames: int = 600, seconds: float = 30.0) -> None:
        """Run frames until ``condition`` holds (the AI thinks in another thread: real time passes)."""
        deadline = time.monotonic() + seconds
        for _ in range(frames):
            if condition():
                return
            self.frames(1)
            time.sleep(0.001)
            if time.monotonic() > deadline:
                break
        assert condition(), "the screen never got there"

    # Hands --------------------------------------------------------------------
    def move_mouse(
        self, pos: tuple[float, float], buttons: tuple[int, int, int] = (0, 0, 0), rel: Any = (0, 0)
    ) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=_int(pos), rel=rel, buttons=buttons))

    def click(self, pos: tuple[float, float], button: int = 1) -> None:
        at = _int(pos)
        self.move_mouse(at)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=at, button=button))
        self.frames(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=at, button=button))
        # The release becomes UI_BUTTON_PRESSED on the next frame; give the scene one more to act.
        self.frames(3)

    def click_territory(self, territory: str) -> None:
        view = self.scene.map_view
        assert view is not None
        if not view.is_visible(territory):
            view.centre_on(territory)
        self.click(view.territory_centre(territory))

    def press_button(self, element: Any) -> None:
        assert element.alive() and element.is_enabled, f"{element} is not pressable"
        self.click(element.rect.center)

    def press(self, key: int, mod: int = 0, unicode: str = "") -> None:
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=key, mod=mod, unicode=unicode, scancode=0))
        self.frames(2)

    def drag(self, start: tuple[int, int], end: tuple[int, int], button: int = 3) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=button))
        held = tuple(1 if b == button else 0 for b in (1, 2, 3))
        steps = 5
        x, y = start
        for i in range(1, steps + 1):
            nx = start[0] + (end[0] - start[0]) * i // steps
            ny = start[1] + (end[1] - start[1]) * i // steps
            self.move_mouse((nx, ny), buttons=held, rel=(nx - x, ny - y))  # type: ignore[arg-type]
            x, y = nx, ny
            self.frames(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=button))
        self.frames(2)

    def wheel(self, pos: tuple[float, float], notches: int) -> None:
        self.move_mouse(pos)
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=notches, flipped=False, precise_x=0.0, precise_y=notches)
        )
        self.frames(2)

    # What is on screen ----------------------------------------------------------
    @property
    def dialog(self) -> Any:
        return self.scene.dialog

    def territory_with_orders(self) -> tuple[str, dict[str, list[Move]], dict[str, list[Attack]]] | None:
        """A territory of the seat to play with ready forces, and its legal targets (from legal_actions)."""
        for action in self.scene.legal():
            if isinstance(action, (Move, Attack)):
                moves, attacks = self.scene.orders(action.source)
                return action.source, moves, attacks
        return None

    def close(self) -> None:
        for scene in reversed(self.app.scenes):
            scene.exit()
        self.app.scenes.clear()
        pygame.event.clear()


def _int(pos: tuple[float, float]) -> tuple[int, int]:
    return int(round(pos[0])), int(round(pos[1]))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autosaves and settings go to a fresh folder, never the player's."""
    monkeypatch.setenv("ALLIANCES_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def screen(home: Path) -> Iterator[Screen]:
    shown = Screen(new_match(fixture_level(), seed=3))
    yield shown
    shown.close()


# ---------------------------------------------------------------------------------------------
# Selecting and ordering


def test_clicking_your_territory_selects_it_and_lights_up_its_legal_moves_and_attacks(screen: Screen) -> None:
    screen.click_territory("berlin")

    assert screen.scene.selected == "berlin"
    highlights = screen.scene.highlights()
    legal = [a for a in screen.scene.legal() if isinstance(a, (Move, Attack)) and a.source == "berlin"]
    assert highlights.move_targets == {a.target for a in legal if isinstance(a, Move)}
    assert highlights.attack_targets == {a.target for a in legal if isinstance(a, Attack)}
    assert "munich" in highlights.move_targets and "warsaw" in highlights.attack_targets


def test_an_attack_is_previewed_and_confirmed_with_its_button(screen: Screen) -> None:
    match = screen.match
    screen.click_territory("berlin")
    screen.click_territory("brussels")

    preview = screen.dialog
    assert isinstance(preview, CombatPreview)
    assert preview.shown_odds == w.attack_odds(match, "brussels", 6)
    # No troops stand in Brussels (value 2, plains, a capital): its people's levy defends it.
    assert w.strength(match, "brussels") == 0
    assert preview.defence_label.text == "Levy 2 (no troops) × 1.25 = 2.5 effective strength"
    levy_losses = preview.shown_odds.expected_defender_losses
    assert preview.losses_label.text.endswith(f"the levy's {levy_losses:.1f} (no troops of theirs)")
    assert "Declaration of war" in preview.consequences.html_text
    assert "Britain" in preview.consequences.html_text  # the guarantor of Belgium will be called

    screen.press_button(preview.confirm)

    assert screen.dialog is None
    battle = [e for e in match.events if getattr(e, "kind", "") == "battle"][-1]
    assert (battle.source, battle.target, battle.attack_strength) == ("berlin", "brussels", 6)
    assert battle.defence_strength == 2, "the battle fought the levy the preview showed"
    assert battle.attacker_won  # 99% at seed 3
    assert match.owner["brussels"] == "germany"  # the levy beaten: taken, and Belgium falls


def test_the_preview_shows_the_cores_odds_for_the_strength_chosen_and_cancel_changes_nothing(home: Path) -> None:
    match = new_match(fixture_level(), seed=3)
    match.forces["vienna"]["germany"] = 8
    screen = Screen(match)
    try:
        screen.click_territory("vienna")
        screen.click_territory("belgrade")
        preview = screen.dialog
        assert isinstance(preview, CombatPreview)
        assert preview.shown_odds == w.attack_odds(match, "belgrade", 8)
        troops, factor = w.strength(match, "belgrade"), w.defence_factor(match, "belgrade")
        assert troops > 0, "Serbian troops stand in Belgrade: no levy beside them"
        assert preview.defence_label.text == (
            f"Defenders {troops} × {factor:.2f} = {troops * factor:.1f} effective strength"
        )
        assert "guarantee of Serbia" in preview.consequences.html_text  # Russia would be called
        assert preview.losses_label.text == (
            f"Expected losses: yours {preview.shown_odds.expected_attacker_losses:.1f}, "
            f"theirs {preview.shown_odds.expected_defender_losses:.1f}"
        )

        assert preview.slider is not None
        for _ in range(7):
            screen.press_button(preview.slider.left_button)

        assert preview.amount == 1
        assert preview.shown_odds == w.attack_odds(match, "belgrade", 1)
        screen.press(pygame.K_ESCAPE)
        assert screen.dialog is None and match.log == []
    finally:
        screen.close()


def test_a_move_asks_for_an_amount_and_defaults_to_all_ready_troops(screen: Screen) -> None:
    screen.click_territory("berlin")
    screen.click_territory("munich")

    dialog = screen.dialog
    assert isinstance(dialog, MoveDialog) and dialog.amount == 6
    screen.press(pygame.K_RETURN)

    assert screen.match.forces["munich"]["germany"] == 6
    assert w.ready(screen.match, "munich", "germany") == 0


def test_recruiting_in_the_territory_panel_buys_the_chosen_amount(screen: Screen) -> None:
    match = screen.match
    before = match.treasury["germany"]
    screen.click_territory("berlin")
    panel = screen.scene.territory_panel
    assert panel is not None and panel.recruit == Recruit(nation="germany", territory="berlin", amount=before // 3)
    chosen = panel.amount

    screen.press_button(panel._button)

    assert match.forces["berlin"]["germany"] == 6 + chosen
    assert match.treasury["germany"] == before - 3 * chosen


def test_the_recruit_amount_starts_at_half_of_what_the_treasury_buys_not_all_of_it(screen: Screen) -> None:
    most = screen.match.treasury["germany"] // 3
    screen.click_territory("berlin")
    panel = screen.scene.territory_panel
    assert panel is not None and panel.recruit is not None and panel.recruit.amount == most > 2
    assert panel.amount == (most + 1) // 2 < most
    assert panel._amount_label.text.startswith(f"{(most + 1) // 2} of {most} troops")


def test_ctrl_z_takes_back_the_last_move_through_the_cores_undo(screen: Screen) -> None:
    screen.click_territory("berlin")
    screen.click_territory("munich")
    screen.press(pygame.K_RETURN)
    assert screen.match.forces["munich"].get("germany") == 6

    screen.press(pygame.K_z, mod=pygame.KMOD_CTRL)

    assert screen.match.forces["berlin"]["germany"] == 6
    assert "germany" not in screen.match.forces["munich"]
    assert screen.match.events[-1].kind == "undone"


# ---------------------------------------------------------------------------------------------
# Camera


def test_the_wheel_zooms_at_the_cursor_and_f_fits_the_map_again(screen: Screen) -> None:
    view = screen.scene.map_view
    assert view is not None
    fitted = view.zoom_index
    berlin = view.territory_centre("berlin")

    screen.wheel(berlin, 1)

    assert view.zoom_index == fitted + 1
    assert view.territory_at(berlin) == "berlin"  # the point under the cursor stays put
    screen.press(pygame.K_f)
    assert view.zoom_index == fitted


def test_when_the_keys_move_the_map_the_hover_card_names_what_is_now_under_the_pointer(screen: Screen) -> None:
    view = screen.scene.map_view
    assert view is not None
    screen.wheel(view.territory_centre("berlin"), 3)  # zoomed in, pointer resting on Berlin
    pointer = screen.scene.pointer
    assert screen.scene.hover == "berlin"
    for _ in range(4):
        screen.press(pygame.K_RIGHT)
    assert view.territory_at(pointer) != "berlin", "the map moved Berlin from under the pointer"
    assert screen.scene.hover == view.territory_at(pointer)


def test_the_wheel_over_an_open_window_scrolls_the_window_not_the_map(screen: Screen) -> None:
    view = screen.scene.map_view
    assert view is not None
    fitted = view.zoom_index
    screen.press(pygame.K_d)
    window = screen.dialog.window
    screen.move_mouse(window.rect.center)
    screen.frames(2)  # pygame_gui learns what the pointer hovers on its next update
    screen.wheel(window.rect.center, 1)
    assert view.zoom_index == fitted


def test_dragging_pans_the_map_and_does_not_select(screen: Screen) -> None:
    view = screen.scene.map_view
    assert view is not None
    screen.wheel(view.rect.center, 2)
    before = pygame.Vector2(view.offset)
    centre = view.rect.center

    screen.drag(centre, (centre[0] + 80, centre[1] + 40), button=3)
    screen.drag(centre, (centre[0] - 30, centre[1]), button=1)

    assert view.offset != before
    assert screen.scene.selected is None


def test_arrow_keys_pan_and_a_toggles_the_alliance_overlay(screen: Screen) -> None:
    view = screen.scene.map_view
    assert view is not None
    screen.wheel(view.rect.center, 2)
    before = pygame.Vector2(view.offset)

    screen.press(pygame.K_LEFT)
    screen.press(pygame.K_a)

    assert view.offset.x > before.x
    assert screen.scene.show_alliances


def test_the_window_can_be_resized_and_the_layout_follows(screen: Screen) -> None:
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=640, size=(1024, 640)))
    screen.frames(2)

    scene = screen.scene
    assert scene.map_rect.right == scene.side_rect.left
    assert scene.side_rect.right == 1024 and scene.map_rect.bottom == 640
    assert scene.map_view is not None and scene.map_view.rect == scene.map_rect
    screen.click_territory("berlin")
    assert scene.selected == "berlin"


# ---------------------------------------------------------------------------------------------
# Windows, cards and shortcuts


def test_d_opens_diplomacy_and_g_the_glossary_and_escape_closes_them(screen: Screen) -> None:
    screen.press(pygame.K_d)
    assert isinstance(screen.dialog, DiplomacyWindow)
    screen.press(pygame.K_ESCAPE)
    assert screen.dialog is None

    screen.press(pygame.K_g)
    assert isinstance(screen.dialog, GlossaryWindow)
    assert "Article 5" in screen.dialog.text.html_text and "Buck-passing" in screen.dialog.text.html_text
    screen.press(pygame.K_ESCAPE)
    assert screen.dialog is None


def test_the_first_article_5_call_of_the_match_shows_a_one_line_hint_once(screen: Screen) -> None:
    screen.click_territory("berlin")
    screen.click_territory("warsaw")
    screen.press_button(screen.dialog.confirm)  # breaks the pact with Russia; France is called

    shown = []
    while screen.scene.card is not None:
        card = screen.scene.card
        shown.append(screen.scene.card_term)
        # One line of at most about fifteen words over the map's edge, not a paragraph over a quarter of it.
        assert len(card.text.split()) <= 15 and card.panel.rect.height <= 44
        assert card.panel.rect.bottom <= screen.scene.map_rect.bottom
        screen.press_button(screen.scene.card.dismiss)
    assert shown == ["pact", "article_5"]

    screen.click_territory("vienna")  # Germany attacks Serbia: another duty, no second card
    screen.click_territory("belgrade")
    screen.press_button(screen.dialog.confirm)
    assert screen.scene.card is None or screen.scene.card_term not in ("pact", "article_5")


def test_escape_opens_the_pause_menu_and_f1_the_help(screen: Screen) -> None:
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.pause import PauseScene

    screen.press(pygame.K_ESCAPE)
    assert isinstance(screen.app.scene, PauseScene)
    screen.press(pygame.K_ESCAPE)
    assert screen.app.scene is screen.scene

    screen.press(pygame.K_F1)
    assert isinstance(screen.app.scene, HelpScene)


def test_the_turn_start_is_autosaved_to_the_match_s_own_file(home: Path) -> None:
    shown = Screen(new_match(fixture_level(), seed=3))
    try:
        assert shown.match.match_id is not None
        assert [p.name for p in (home / "saves").glob("*.json")] == [f"autosave-{shown.match.match_id}.json"]
    finally:
        shown.close()
