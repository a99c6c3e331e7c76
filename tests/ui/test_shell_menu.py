"""The main menu and the settings screen, driven by real clicks and keys."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.io.paths import settings_path
from game.io.settings import load_settings
from game.ui.app import App
from game.ui.scenes.help import HelpScene
from game.ui.scenes.load_scene import LoadScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.new_game import NewGameScene
from game.ui.scenes.settings_scene import SettingsScene
from tests.ui.shell_driver import app, click, click_at, find, frames, home, played_match, press  # noqa: F401


def open_menu(app: App) -> MenuScene:
    menu = MenuScene(app)
    app.reset_to(menu)
    frames(app)
    return menu


def test_the_menu_offers_every_mode_and_greys_out_what_is_not_there_yet(app: App) -> None:
    menu = open_menu(app)
    assert list(menu.buttons) == ["hotseat", "vs_ai", "continue", "load", "editor", "settings", "quit"]
    assert not menu.buttons["continue"].is_enabled  # no autosave in a fresh home
    assert menu.buttons["editor"].is_enabled
    assert menu.buttons["editor"].tool_tip_text == "Design your own maps."


def test_the_map_editor_button_opens_the_editor(app: App) -> None:
    from game.ui.scenes.editor import EditorScene

    menu = open_menu(app)
    click(app, menu.buttons["editor"])
    assert isinstance(app.scene, EditorScene)


def test_menu_settings_change_volume_and_back_persists_it(app: App, home: Path) -> None:
    open_menu(app)
    click(app, find(app, "#menu_settings"))
    settings = app.scene
    assert isinstance(settings, SettingsScene)
    before = app.settings.volume
    assert settings.volume is not None
    click(app, settings.volume.right_button)
    frames(app, 40)  # two clicks in quick succession would be a double click
    click(app, settings.volume.right_button)
    assert app.settings.volume == pytest.approx(before + 0.10)
    click(app, find(app, "#settings_done"))
    assert isinstance(app.scene, MenuScene)
    assert settings_path().parent == home
    assert load_settings().volume == pytest.approx(before + 0.10)


def test_choosing_an_animation_speed_is_saved_at_once(app: App) -> None:
    open_menu(app)
    app.push(SettingsScene(app))
    frames(app)
    click(app, find(app, "#choice_fast"))
    assert load_settings().animation_speed == "fast"
    click(app, find(app, "#choice_muted"))
    assert load_settings().muted is True
    assert app.sound.muted is True


def test_picking_a_window_size_resizes_the_window_and_remembers_it(app: App) -> None:
    open_menu(app)
    app.push(SettingsScene(app))
    frames(app)
    click(app, find(app, "#resolution"))  # opens the drop-down
    option = next(
        e
        for e in app.manager.get_sprite_group().sprites()
        if getattr(e, "text", None) == "1600 \u00d7 900" and e.alive() and e.visible
    )
    click(app, option)
    assert app.size == (1600, 900)
    assert tuple(load_settings().resolution) == (1600, 900)
    # The card was laid out again for the new window: still centred.
    scene = app.scene
    assert isinstance(scene, SettingsScene) and scene.card is not None
    assert abs(scene.card.rect.centerx - 800) <= 4


def test_escape_closes_settings_and_the_menu_is_back(app: App) -> None:
    open_menu(app)
    app.push(SettingsScene(app))
    frames(app)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MenuScene)


def test_resizing_the_window_lays_the_menu_out_again(app: App) -> None:
    menu = open_menu(app)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1000, h=640, size=(1000, 640)))
    frames(app)
    assert app.size == (1000, 640)
    assert abs(menu.buttons["quit"].rect.centerx - 500) <= 1
    assert menu.buttons["quit"].rect.bottom <= 640


def test_hot_seat_and_vs_ai_open_the_level_picker(app: App) -> None:
    open_menu(app)
    click(app, find(app, "#menu_vs_ai"))
    picker = app.scene
    assert isinstance(picker, NewGameScene) and picker.vs_ai
    assert picker.difficulty_choice is not None and picker.seat_choice is not None
    click(app, find(app, "#choice_hard"))
    assert picker.difficulty == "hard"
    press(app, pygame.K_ESCAPE)
    click(app, find(app, "#menu_hotseat"))
    assert isinstance(app.scene, NewGameScene) and not app.scene.vs_ai


def test_the_level_picker_lists_shipped_levels_and_my_maps_with_broken_ones_marked(app: App, home: Path) -> None:
    maps = home / "maps"
    maps.mkdir()
    (maps / "mine.json").write_text(Path("tests/fixtures/july_1914.json").read_text(), encoding="utf-8")
    (maps / "broken.json").write_text('{"title": "Half a map"}', encoding="utf-8")
    open_menu(app)
    app.push(NewGameScene(app, vs_ai=False))
    frames(app)
    picker = app.scene
    assert isinstance(picker, NewGameScene)
    titles = [picker._item_text(i) for i in range(len(picker.entries))]
    assert "July 1914 (test fixture)  (your map)" in titles
    assert "broken  (your map)  \u2014 cannot load" in titles


def test_the_level_picker_says_when_a_scenario_fixes_who_opens_every_round(app: App) -> None:
    open_menu(app)
    app.push(NewGameScene(app, vs_ai=False))
    frames(app)
    picker = app.scene
    assert isinstance(picker, NewGameScene)
    details = {entry.level.title: picker._details_html(entry) for entry in picker.entries if entry.level}
    assert "Entente opens every round" in details["The Guns of August"]
    assert "opens every round" not in details["The Narrow Sea"]


def test_f1_shows_the_shortcuts_and_any_key_dismisses_them(app: App) -> None:
    open_menu(app)
    press(app, pygame.K_F1)
    assert isinstance(app.scene, HelpScene)
    press(app, pygame.K_x, "x")
    assert isinstance(app.scene, MenuScene)


def test_a_click_anywhere_dismisses_the_shortcuts(app: App) -> None:
    open_menu(app)
    app.push(HelpScene(app))
    frames(app)
    click_at(app, (20, 20))
    assert isinstance(app.scene, MenuScene)
    app.push(HelpScene(app))
    frames(app)
    click_at(app, (640, 360))  # on the card itself
    assert isinstance(app.scene, MenuScene)


def test_load_game_opens_the_saves_list(app: App) -> None:
    open_menu(app)
    click(app, find(app, "#menu_load"))
    assert isinstance(app.scene, LoadScene)


def test_quit_stops_the_loop(app: App) -> None:
    open_menu(app)
    click(app, find(app, "#menu_quit"))
    assert app.running is False
