"""Saving, autosaving and loading from the shell: the same match comes back, damage is reported."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

import json
import re
from pathlib import Path

import pygame
import pytest

from game.core import state_hash
from game.io.paths import autosave_path, saves_dir
from game.io.saves import content_hash, load_match, save_match
from game.ui.app import App
from game.ui.scenes.load_scene import LoadScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.settings_scene import SettingsScene
from tests.ui.shell_driver import (  # noqa: F401
    StubMatchScene,
    app,
    click,
    find,
    frames,
    home,
    played_match,
    press,
    stub_match_screen,
)


def open_menu(app: App) -> MenuScene:
    menu = MenuScene(app)
    app.reset_to(menu)
    frames(app)
    return menu


def test_autosave_then_continue_resumes_the_same_match_with_the_same_ai(
    app: App, stub_match_screen: type[StubMatchScene]
) -> None:
    match = played_match(controllers=("human", "bandwagoner:hard"))
    assert app.autosave(match)
    menu = open_menu(app)
    assert menu.buttons["continue"].is_enabled
    click(app, find(app, "#menu_continue"))
    resumed = app.scene
    assert isinstance(resumed, StubMatchScene)
    assert state_hash(resumed.match) == state_hash(match)
    assert resumed.ai == {1: "bandwagoner:hard"}
    assert app.scenes == [resumed]  # the menu is gone: its widgets must not sit over the map


def test_a_hot_seat_save_resumes_as_hot_seat(app: App, stub_match_screen: type[StubMatchScene]) -> None:
    match = played_match(seed=9)
    save_match(match, saves_dir() / "duel.json")
    open_menu(app)
    app.push(LoadScene(app))
    frames(app)
    click(app, find(app, "#load_button"))
    resumed = app.scene
    assert isinstance(resumed, StubMatchScene)
    assert state_hash(resumed.match) == state_hash(match)
    assert resumed.ai is None


def test_load_of_an_autosave_resumes_the_same_match_on_the_real_match_screen(app: App) -> None:
    pytest.importorskip("game.ui.scenes.match")
    from game.ui.scenes.match import MatchScene

    match = played_match(controllers=("bandwagoner:easy", "human"))
    app.autosave(match)
    open_menu(app)
    click(app, find(app, "#menu_continue"))
    frames(app, 3)
    scene = app.scenes[0]
    assert isinstance(scene, MatchScene)
    assert scene.match.controllers == ("bandwagoner:easy", "human")
    assert load_match(autosave_path(match.match_id or "")).controllers == match.controllers


def test_a_damaged_save_is_listed_with_its_reason_and_cannot_be_loaded(
    app: App, stub_match_screen: type[StubMatchScene]
) -> None:
    saves_dir().mkdir(parents=True)
    (saves_dir() / "torn.json").write_text('{"format_version": 4, "summary": {"title": "x"', encoding="utf-8")
    open_menu(app)
    app.push(LoadScene(app))
    frames(app)
    scene = app.scene
    assert isinstance(scene, LoadScene)
    (entry,) = scene.entries
    assert entry.label == "torn.json \u2014 damaged"
    assert "bad JSON" in (entry.problem or "")
    click(app, find(app, "#save_list").item_list_container.elements[0])
    assert scene.selected == 0
    assert "cannot be loaded" in scene.details.html_text  # type: ignore[union-attr]
    assert not find(app, "#load_button").is_enabled
    press(app, pygame.K_RETURN)
    assert app.scene is scene and stub_match_screen.opened == []


def test_a_save_that_lists_fine_but_does_not_load_shows_an_error_not_a_crash(
    app: App, stub_match_screen: type[StubMatchScene]
) -> None:
    path = saves_dir() / "tampered.json"
    save_match(played_match(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["snapshot"]["owner"]["paris"] = "atlantis"  # the hash is made to hold: only loading can tell
    data["content_hash"] = content_hash(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    open_menu(app)
    app.push(LoadScene(app))
    frames(app)
    click(app, find(app, "#load_button"))
    scene = app.scene
    assert isinstance(scene, LoadScene)
    assert stub_match_screen.opened == []
    assert any("snapshot.owner: unknown nation 'atlantis'" in t.text for t in app.toasts)
    assert scene.entries[0].problem is not None and not find(app, "#load_button").is_enabled


def test_continue_with_a_damaged_autosave_is_disabled_and_says_why(app: App) -> None:
    saves_dir().mkdir(parents=True)
    autosave_path("0123abcd").write_text("not json", encoding="utf-8")
    menu = open_menu(app)
    assert not menu.buttons["continue"].is_enabled
    assert "damaged" in (menu.buttons["continue"].tool_tip_text or "")


def test_autosave_that_cannot_write_shows_a_notice_and_play_goes_on(
    app: App, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = home / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ALLIANCES_HOME", str(blocker))  # saves/ cannot be created inside a file
    assert app.autosave(played_match(actions=3)) is False
    assert app.toasts and app.toasts[-1].error and app.toasts[-1].text.startswith("Autosave failed")
    frames(app, 3)  # the notice is drawn without trouble


def pause_over_stub(app: App, actions: int = 12) -> tuple[StubMatchScene, PauseScene]:
    match_scene = StubMatchScene(app, played_match(actions=actions))
    app.reset_to(match_scene)
    pause = PauseScene(app, match_scene)
    app.push(pause)
    frames(app)
    return match_scene, pause


def test_pause_save_game_writes_a_loadable_save_named_after_the_level(app: App) -> None:
    match_scene, _ = pause_over_stub(app)
    click(app, find(app, "#pause_save"))
    (path,) = saves_dir().glob("*.json")
    assert re.fullmatch(r"july-1914-test-fixture-\d{8}-\d{6}\.json", path.name)
    assert state_hash(load_match(path)) == state_hash(match_scene.match)
    assert app.toasts[-1].text == f"Game saved as {path.name}"


def test_pause_resume_and_escape_return_to_the_match(app: App) -> None:
    match_scene, _ = pause_over_stub(app)
    click(app, find(app, "#pause_resume"))
    assert app.scene is match_scene
    app.push(PauseScene(app, match_scene))
    frames(app)
    press(app, pygame.K_ESCAPE)
    assert app.scene is match_scene


def test_pause_settings_and_load_open_over_the_paused_match(app: App) -> None:
    _, pause = pause_over_stub(app)
    click(app, find(app, "#pause_settings"))
    assert isinstance(app.scene, SettingsScene)
    press(app, pygame.K_ESCAPE)
    assert app.scene is pause
    click(app, find(app, "#pause_load"))
    assert isinstance(app.scene, LoadScene)


def test_pause_main_menu_autosaves_so_continue_picks_the_match_up(app: App) -> None:
    match_scene, _ = pause_over_stub(app)
    click(app, find(app, "#pause_menu"))
    assert isinstance(app.scene, MenuScene) and len(app.scenes) == 1
    assert state_hash(load_match(autosave_path(match_scene.match.match_id or ""))) == state_hash(match_scene.match)
    assert app.scene.buttons["continue"].is_enabled


def test_pause_quit_autosaves_and_ends_the_loop(app: App) -> None:
    match_scene, _ = pause_over_stub(app)
    click(app, find(app, "#pause_quit"))
    assert app.running is False
    assert state_hash(load_match(autosave_path(match_scene.match.match_id or ""))) == state_hash(match_scene.match)


def test_a_match_vs_the_ai_started_from_the_menu_saves_and_loads_with_its_seats(app: App) -> None:
    pytest.importorskip("game.ui.scenes.match")
    from game.ui.scenes.match import MatchScene

    open_menu(app)
    click(app, find(app, "#menu_vs_ai"))
    click(app, find(app, "#choice_hard"))
    click(app, find(app, "#choice_1"))  # the human plays seat 2
    click(app, find(app, "#start_match"))
    match_scene = app.scenes[0]
    assert isinstance(match_scene, MatchScene)
    assert match_scene.match.controllers == ("bandwagoner:hard", "human")
    app.push(PauseScene(app, match_scene))
    frames(app)
    click(app, find(app, "#pause_save"))
    saved = state_hash(match_scene.match)
    click(app, find(app, "#pause_menu"))
    click(app, find(app, "#menu_load"))
    load = app.scene
    assert isinstance(load, LoadScene)
    index = next(i for i, e in enumerate(load.entries) if not e.is_autosave)
    click(app, find(app, "#save_list").item_list_container.elements[index])
    click(app, find(app, "#load_button"))
    resumed = app.scenes[0]
    assert isinstance(resumed, MatchScene) and resumed is not match_scene
    assert resumed.match.controllers == ("bandwagoner:hard", "human")
    assert resumed.ai == {0: "bandwagoner:hard"}
    assert state_hash(load_match(load.entries[index].path)) == saved
