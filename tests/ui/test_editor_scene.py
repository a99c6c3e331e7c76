"""The map editor scene, driven by real clicks and keys: build a level, save it, play it."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.core import apply, current_seat, level_problems, new_match
from game.core.actions import EndTurn
from game.core.hexgrid import Cell
from game.core.level import SEA
from game.io.levels import load_level
from game.io.paths import maps_dir
from game.ui.app import App
from game.ui.scenes.editor import EditorScene, load_draft
from tests.ui.shell_driver import (  # noqa: F401
    StubMatchScene,
    app,
    click,
    click_at,
    frames,
    home,
    press,
    stub_match_screen,
)


def open_editor(app: App) -> EditorScene:
    scene = EditorScene(app)
    app.reset_to(scene)
    frames(app)
    return scene


def widget(scene: EditorScene, key: str) -> Any:
    return scene.widgets[key]


def choose(app: App, scene: EditorScene, key: str, option: str) -> None:
    """Open a drop-down with a click and click one of its options."""
    click(app, widget(scene, key))
    menu = widget(scene, key)
    items = menu.current_state.options_selection_list.item_list
    button = next(item["button_element"] for item in items if item["text"] == option)
    click_at(app, button.rect.center)


def paint_cell(app: App, scene: EditorScene, cell: Cell) -> None:
    click_at(app, scene.cell_centre(cell))


def token(scene: EditorScene, cell: Cell) -> str:
    col, row = cell
    return scene.level.map.rows[row].split()[col]


def build_two_nation_map(app: App, scene: EditorScene) -> None:
    for seat in ("Seat 1", "Seat 2"):
        click(app, widget(scene, "new_nation"))
        choose(app, scene, "nation_seat", seat)
    assert [s.nations for s in scene.level.seats] == [["nation_1"], ["nation_2"]]
    click(app, widget(scene, "brush_2"))
    for nation, cell in (("Nation 1", (3, 4)), ("Nation 2", (11, 5))):
        choose(app, scene, "nation", nation)
        click(app, widget(scene, "new_territory"))
        paint_cell(app, scene, cell)
    owners = [t.owner for t in scene.level.territories]
    assert owners == ["nation_1", "nation_2"]
    click(app, widget(scene, "tool_capital"))
    paint_cell(app, scene, (3, 4))
    paint_cell(app, scene, (11, 5))
    click(app, widget(scene, "tool_garrison"))
    paint_cell(app, scene, (3, 4))
    paint_cell(app, scene, (3, 4))


def test_build_a_level_save_it_load_it_and_play_a_turn(app: App, home: Path) -> None:
    scene = open_editor(app)
    assert scene.problems  # a blank map has no nations yet
    build_two_nation_map(app, scene)
    assert [n.capital for n in scene.level.nations] == [t.id for t in scene.level.territories]
    assert [(g.nation, g.strength) for g in scene.level.garrisons] == [("nation_1", 2)]
    assert scene.problems == []
    assert widget(scene, "problems").item_list[0]["text"].startswith("No problems")
    assert widget(scene, "playtest").is_enabled

    click(app, widget(scene, "save_as"))
    saved = maps_dir() / "untitled_map.json"
    assert saved.exists() and not scene.history.dirty
    level = load_level(saved)
    assert level_problems(level) == []
    match = new_match(level, 3)
    assert current_seat(match) == 0
    apply(match, EndTurn())
    assert current_seat(match) == 1


def test_play_test_opens_the_match_screen(app: App, home: Path, stub_match_screen: type[StubMatchScene]) -> None:
    scene = open_editor(app)
    build_two_nation_map(app, scene)
    click(app, widget(scene, "playtest"))
    assert len(stub_match_screen.opened) == 1
    assert stub_match_screen.opened[0].match.level == scene.level


def test_undo_and_redo_a_paint_with_the_keyboard(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "new_territory"))
    code = scene.level.territories[0].code
    paint_cell(app, scene, (5, 5))
    assert token(scene, (5, 5)) == code
    assert widget(scene, "undo").text == "Undo paint"
    press(app, pygame.K_z, "z", pygame.KMOD_CTRL)
    assert token(scene, (5, 5)) == SEA
    assert widget(scene, "redo").text == "Redo paint"
    press(app, pygame.K_y, "y", pygame.KMOD_CTRL)
    assert token(scene, (5, 5)) == code


def test_a_level_with_problems_is_saved_only_as_a_draft(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "save"))
    draft = maps_dir() / "untitled_map.draft.json"
    assert draft.exists()
    assert not (maps_dir() / "untitled_map.json").exists()
    assert "draft" in scene.status
    assert [n.id for n in load_draft(draft).nations] == ["nation_1"]


def test_clicking_a_problem_selects_the_nation_it_names(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "new_nation"))
    assert scene.nation == "nation_2"
    problems = widget(scene, "problems")
    item = next(i for i in problems.item_list if "nation_1" in i["text"])
    click_at(app, item["button_element"].rect.center)
    assert scene.nation == "nation_1"


def test_alliances_edit_opens_a_draft_in_the_editor(home: Path, monkeypatch: Any) -> None:
    from game.cli import main

    opened: list[object] = []

    def run(self: App) -> None:
        opened.append(self.scene)
        for s in reversed(self.scenes):
            s.exit()

    monkeypatch.setattr(App, "run", run)
    draft = home / "mine.draft.json"
    from game.editor import create_nation, new_level
    from game.io.levels import save_level

    save_level(create_nation(new_level(8, 6, "Mine"), "north", "North"), draft)
    assert main(["edit", str(draft)]) == 0
    scene = opened[0]
    assert isinstance(scene, EditorScene) and scene.level.title == "Mine"
    assert main(["edit", str(home / "missing.json")]) == 1
    pygame.event.clear()


def test_a_dirty_draft_gets_a_recovery_copy_within_a_minute(app: App, home: Path) -> None:
    from game.ui.scenes.editor import recovery_path

    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    assert not recovery_path().exists()
    app.step(30.0)
    assert not recovery_path().exists()
    app.step(31.0)
    assert [n.id for n in load_draft(recovery_path()).nations] == ["nation_1"]
