"""Saved games from a player's chair: one autosave per match, Continue, the Load screen's list,
renaming and deleting, older and broken saves. Driven by real clicks and keys."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pygame
import pytest

from game.core import state_hash
from game.io.levels import load_level
from game.io.paths import autosave_path, saves_dir
from game.io.saves import PLAYTEST_ID, content_hash, load_match, save_match
from game.ui.app import App
from game.ui.main import screenshot, write_sample_saves
from game.ui.scenes.load_scene import LoadScene, list_saves, when
from game.ui.scenes.menu import MenuScene
from tests.ui.shell_driver import (  # noqa: F401
    FIXTURE_LEVEL,
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

SAVES_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saves"


def open_menu(app: App) -> MenuScene:
    menu = MenuScene(app)
    app.reset_to(menu)
    frames(app)
    return menu


def open_load(app: App) -> LoadScene:
    open_menu(app)
    click(app, find(app, "#menu_load"))
    scene = app.scene
    assert isinstance(scene, LoadScene)
    return scene


def select(app: App, scene: LoadScene, index: int) -> None:
    click(app, find(app, "#save_list").item_list_container.elements[index])
    assert scene.selected == index


def type_text(app: App, text: str) -> None:
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    frames(app, 2)


def details(scene: LoadScene) -> str:
    return scene.details.html_text  # type: ignore[union-attr]


def edited(path: Path, change: dict[str, object]) -> None:
    """Change top-level fields of a save and make its hash hold again (as a knowing hand would)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(change)
    if "content_hash" in data:
        data["content_hash"] = content_hash(data)
    path.write_text(json.dumps(data), encoding="utf-8")


# -- Each match its own autosave, Continue the last played ---------------------------------


def test_each_match_keeps_its_own_autosave_and_continue_resumes_the_last_played(
    app: App, stub_match_screen: type[StubMatchScene]
) -> None:
    first, second = played_match(seed=5), played_match(seed=6, controllers=("human", "greedy"))
    for match in (first, second, first):  # play the first, start another, go back to the first
        assert app.autosave(match)
        time.sleep(0.02)
    assert first.match_id != second.match_id
    assert sorted(p.name for p in saves_dir().glob("*.json")) == sorted(
        f"autosave-{m.match_id}.json" for m in (first, second)
    )
    assert state_hash(load_match(autosave_path(second.match_id or ""))) == state_hash(second)  # not replaced
    menu = open_menu(app)
    assert menu.buttons["continue"].is_enabled
    click(app, find(app, "#menu_continue"))
    resumed = app.scene
    assert isinstance(resumed, StubMatchScene) and state_hash(resumed.match) == state_hash(first)
    assert resumed.match.match_id == first.match_id  # it goes on writing its own autosave


def test_an_editor_play_test_never_replaces_a_match_s_autosave(app: App) -> None:
    pytest.importorskip("game.ui.scenes.match")
    from game.ui.scenes.editor import EditorScene
    from game.ui.scenes.match import MatchScene

    match = played_match(seed=7)
    app.autosave(match)
    before = autosave_path(match.match_id or "").read_bytes()
    time.sleep(0.02)
    editor = EditorScene(app, load_level(FIXTURE_LEVEL), FIXTURE_LEVEL)
    app.reset_to(editor)
    frames(app)
    click(app, editor.widgets["playtest"])
    frames(app, 3)
    assert isinstance(app.scenes[0], MatchScene)  # the play-test is on, and has autosaved its first turn
    assert autosave_path(PLAYTEST_ID).exists()
    assert autosave_path(match.match_id or "").read_bytes() == before
    open_menu(app)
    click(app, find(app, "#menu_continue"))
    frames(app, 3)
    resumed = app.scenes[0]
    assert isinstance(resumed, MatchScene) and state_hash(resumed.match) == state_hash(match)


# -- Errors a resume can meet, as sentences --------------------------------------------------


def test_an_autosave_naming_an_unknown_bot_disables_continue_and_says_why(app: App) -> None:
    match = played_match(controllers=("human", "bandwagoner:hard"))
    app.autosave(match)
    edited(autosave_path(match.match_id or ""), {"controllers": ["human", "skynet"]})
    menu = open_menu(app)
    assert not menu.buttons["continue"].is_enabled
    assert "seat 2 is played by 'skynet', which is no player this game has" in (
        menu.buttons["continue"].tool_tip_text or ""
    )
    scene = open_load(app)
    assert "cannot be loaded" in details(scene) and "skynet" in details(scene)
    assert not find(app, "#load_button").is_enabled
    press(app, pygame.K_RETURN)
    assert app.scene is scene  # nothing opened, nothing raised


def test_an_old_save_naming_an_unknown_bot_is_listed_as_such(app: App) -> None:
    saves_dir().mkdir(parents=True)
    path = saves_dir() / "old.json"
    shutil.copy(SAVES_FIXTURES / "format3.json", path)
    edited(path, {"controllers": ["skynet", "human"]})
    scene = open_load(app)
    (entry,) = scene.entries
    assert entry.problem is not None and "seat 1 is played by 'skynet'" in entry.problem
    assert not find(app, "#load_button").is_enabled


def test_a_save_that_cannot_open_says_so_and_the_game_goes_on(
    app: App, monkeypatch: pytest.MonkeyPatch, stub_match_screen: type[StubMatchScene]
) -> None:
    save_match(played_match(), saves_dir() / "duel.json")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no bot of that name")

    monkeypatch.setattr(StubMatchScene, "__init__", broken)
    scene = open_load(app)
    click(app, find(app, "#load_button"))
    assert app.scene is scene
    assert any("duel: the match could not be opened (no bot of that name)" in t.text for t in app.toasts)


# -- What the list shows ---------------------------------------------------------------------


def test_each_save_shows_its_level_round_seats_and_date_without_hovering(app: App) -> None:
    match = played_match(actions=30, controllers=("human", "bandwagoner:hard"))
    save_match(match, saves_dir() / "Evening duel.json")
    scene = open_load(app)
    (entry,) = scene.entries
    line = entry.label
    assert line.startswith("Evening duel \u00b7 July 1914 (test fixture) \u00b7 ")
    assert f"round {match.round}" in line and "vs AI, hard" in line
    assert entry.summary is not None and line.endswith(when(entry.summary.saved_at, short=True))
    text = details(scene)
    assert "Central Powers: human player" in text and "Entente: AI: bandwagoner, hard" in text
    assert f"Round {match.round} of 20" in text and "Saved " in text


def test_an_older_save_is_listed_then_loaded_brought_up_to_date(
    app: App, stub_match_screen: type[StubMatchScene]
) -> None:
    saves_dir().mkdir(parents=True)
    shutil.copy(SAVES_FIXTURES / "format2.json", saves_dir() / "from last year.json")
    scene = open_load(app)
    assert "older version of the game (save format 2)" in details(scene)
    click(app, find(app, "#load_button"))
    resumed = app.scene
    assert isinstance(resumed, StubMatchScene) and resumed.match.round == 9
    assert any(t.text.startswith("Brought up to date from save format 2") for t in app.toasts)


# -- Rename ----------------------------------------------------------------------------------


def test_rename_gives_a_save_the_name_typed(app: App) -> None:
    save_match(played_match(), saves_dir() / "july-1914-test-fixture-20261201-100203.json")
    scene = open_load(app)
    click(app, find(app, "#rename_button"))
    type_text(app, "Duel with Anna")  # the old name is selected: typing replaces it
    press(app, pygame.K_RETURN)
    assert [p.name for p in saves_dir().glob("*.json")] == ["Duel with Anna.json"]
    assert scene.mode == "browse" and scene.entries[0].label.startswith("Duel with Anna \u00b7 ")
    assert app.toasts[-1].text == "Renamed to \u201cDuel with Anna\u201d"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../../escape", "cannot hold '/'"),
        ("   ", "Type a name for the save."),
        ("taken", "There is already a save called 'taken'."),
        ("autosave-x", "kept for the autosaves"),
    ],
)
def test_a_name_that_cannot_be_used_is_refused_in_the_form_and_nothing_moves(app: App, name: str, why: str) -> None:
    save_match(played_match(), saves_dir() / "mine.json")
    time.sleep(0.02)
    save_match(played_match(seed=9), saves_dir() / "taken.json")
    scene = open_load(app)
    select(app, scene, [e.path.name for e in scene.entries].index("mine.json"))
    click(app, find(app, "#rename_button"))
    find(app, "#rename_entry").set_text(name)
    click(app, find(app, "#rename_ok_button"))
    assert scene.mode == "rename" and why in find(app, "#rename_problem").html_text
    assert sorted(p.name for p in saves_dir().glob("*.json")) == ["mine.json", "taken.json"]
    press(app, pygame.K_ESCAPE)  # Esc leaves the form, not the screen
    assert app.scene is scene and scene.mode == "browse"


# -- Delete ----------------------------------------------------------------------------------


def test_delete_asks_first_and_keep_keeps_the_save(app: App) -> None:
    save_match(played_match(), saves_dir() / "precious.json")
    scene = open_load(app)
    click(app, find(app, "#delete_button"))
    assert "Delete this save for good?" in details(scene)
    click(app, find(app, "#keep_button"))
    assert (saves_dir() / "precious.json").exists() and scene.mode == "browse"


def test_delete_for_good_removes_the_save_and_the_list_moves_on(app: App) -> None:
    save_match(played_match(), saves_dir() / "old.json")
    time.sleep(0.02)
    save_match(played_match(seed=8), saves_dir() / "newer.json")
    scene = open_load(app)
    assert [e.name for e in scene.entries] == ["newer", "old"]
    click(app, find(app, "#delete_button"))
    click(app, find(app, "#delete_ok_button"))
    assert [p.name for p in saves_dir().glob("*.json")] == ["old.json"]
    assert [e.name for e in scene.entries] == ["old"] and scene.selected == 0
    assert app.toasts[-1].text == "Deleted \u201cnewer\u201d"


def test_a_damaged_save_can_be_deleted(app: App) -> None:
    saves_dir().mkdir(parents=True)
    (saves_dir() / "torn.json").write_text("{", encoding="utf-8")
    open_load(app)
    press(app, pygame.K_DELETE)
    press(app, pygame.K_RETURN)  # Enter confirms the question on screen
    assert list(saves_dir().glob("*.json")) == []


# -- The picture -----------------------------------------------------------------------------


def test_the_load_screenshot_shows_sample_saves_and_leaves_the_player_s_alone(home: Path, tmp_path: Path) -> None:
    mine = played_match()
    save_match(mine, saves_dir() / "my own.json")
    before = sorted(p.name for p in saves_dir().iterdir())
    out = tmp_path / "load.png"
    assert screenshot("load", str(FIXTURE_LEVEL), str(out), (1280, 720)) == 0
    assert out.exists() and sorted(p.name for p in saves_dir().iterdir()) == before


def test_the_sample_saves_are_what_a_player_s_folder_holds(home: Path) -> None:
    write_sample_saves(load_level(FIXTURE_LEVEL), 1)
    entries = list_saves()
    assert [e.name for e in entries] == ["Autosave", "Hot-seat duel with Anna", "Play-test autosave", "torn"]
    assert entries[-1].problem is not None and all(e.resumable for e in entries[:-1])


@pytest.mark.parametrize("playtest", [True, False], ids=["after a play-test", "after a match"])
def test_play_again_is_a_new_match_with_its_own_autosave_and_a_play_test_stays_one(
    app: App, stub_match_screen: type[StubMatchScene], playtest: bool
) -> None:
    from game.ui.main import finished_match
    from game.ui.scenes.gameover import GameOverScene

    finished = finished_match(load_level(FIXTURE_LEVEL), seed=1)
    finished.match_id = PLAYTEST_ID if playtest else "0123456789abcdef"
    app.reset_to(GameOverScene(app, finished))
    frames(app)
    click(app, find(app, "#gameover_again"))
    (opened,) = stub_match_screen.opened
    if playtest:
        assert opened.match.match_id == PLAYTEST_ID
    else:
        assert opened.match.match_id not in (None, PLAYTEST_ID, finished.match_id)
