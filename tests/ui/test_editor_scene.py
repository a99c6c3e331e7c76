"""The map editor scene, driven by real clicks and keys: build a level, save it, play it."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.core import apply, current_seat, level_problems, new_match
from game.core.actions import EndTurn
from game.core.hexgrid import Cell, edge_between
from game.core.level import SEA
from game.io.levels import find_level, load_level
from game.io.paths import maps_dir
from game.ui.app import App
from game.ui.hex_camera import BASE_SIZE, ZOOM_STEPS, HexCamera
from game.ui.map_view import MapView
from game.ui.scenes.editor import EditorScene, load_draft
from game.ui.theme import map_palette
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
    assert widget(scene, "problems").html_text.startswith("No problems")
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
    click_problem(app, scene, "Nation 1 owns no territory")
    assert scene.nation == "nation_1"
    assert scene.status == "Nation 1 owns no territory"


def problem_rows(scene: EditorScene) -> list[tuple[str, Any]]:
    """The problems list's lines as a player sees them: each row's words and where it stands on screen."""
    box = widget(scene, "problems")
    rows = []
    for row in box.text_box_layout.layout_rows:
        words = "".join(getattr(chunk, "text", "") for chunk in row.items)
        inset = (box.border_width["left"] + box.padding[0], box.border_width["top"] + box.padding[1])
        rect = pygame.Rect(row.x, row.y, row.width, row.height).move(box.rect.x + inset[0], box.rect.y + inset[1])
        rows.append((words, rect))
    return rows


def click_problem(app: App, scene: EditorScene, words: str) -> None:
    _, rect = next(row for row in problem_rows(scene) if words in row[0])
    click_at(app, (rect.x + 12, rect.centery))


def test_the_editor_names_nations_never_their_ids(app: App, home: Path) -> None:
    scene = open_editor(app)
    build_two_nation_map(app, scene)
    owner = widget(scene, "territory_owner")
    assert [text for text, _ in owner.options_list] == ["Nation 1", "Nation 2"]
    assert owner.selected_option[0] == "Nation 2"  # the last territory made is selected
    choose(app, scene, "territory_owner", "Nation 1")
    assert scene.level.territories[1].owner == "nation_1"
    click(app, widget(scene, "tool_capital"))
    paint_cell(app, scene, (11, 5))  # the territory just handed to Nation 1
    assert scene.status.endswith("is now the capital of Nation 1")
    click(app, widget(scene, "tool_garrison"))
    paint_cell(app, scene, (11, 5))
    assert "troops of Nation 1" in scene.status
    problems = " ".join(words for words, _ in problem_rows(scene))
    assert "Nation 2 owns no territory" in problems
    assert "nation_" not in problems + scene.status


def test_a_long_problem_wraps_inside_the_panel(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "new_territory"))
    scene.type_in("territory_name", "The Kingdom of the Two Sicilies and Its Islands")  # as typed in its box
    frames(app)
    box = widget(scene, "problems")
    long_line = next(line for line in scene._problem_items if app.font(14).size(line)[0] > box.rect.width)
    rows = problem_rows(scene)
    assert len(rows) > len(scene.problems), f"'{long_line}' wraps onto a second row"
    assert all(box.rect.left <= rect.left and rect.right <= box.rect.right for _, rect in rows)
    assert " ".join(words.strip() for words, _ in rows).replace("  ", " ").count("has no cells on the map") == 1


def test_borders_show_between_two_territories_of_one_nation(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    for cell in ((4, 4), (5, 4)):
        click(app, widget(scene, "new_territory"))
        paint_cell(app, scene, cell)
    assert [t.owner for t in scene.level.territories] == ["nation_1", "nation_1"]
    scene.territory = None  # nothing selected: no outline of the selection over the border
    surface = pygame.Surface(app.size)
    scene.draw(surface)
    (ax, ay), (bx, by) = edge_between((4, 4), (5, 4), scene.camera.size)
    ox, oy = scene.camera.cell_to_screen((0, 0))
    # A fifth of the way along the edge: clear of the territory's name written across its centre.
    x, y = ox + ax + (bx - ax) / 5, oy + ay + (by - ay) / 5
    near = {tuple(surface.get_at((round(x) + dx, round(y) + dy))) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    border = map_palette()["territory_border"]
    assert tuple(border) in near and border != pygame.Color(scene.level.nations[0].colour)


def test_the_editor_canvas_and_the_match_map_share_one_camera(app: App, home: Path) -> None:
    """Same zoom steps, same cell positions: the editor's canvas is the match map's camera over the draft."""
    level = load_level(find_level("continent"))
    scene = EditorScene(app, level=level)
    app.reset_to(scene)
    frames(app)
    view = MapView(new_match(level, seed=1), map_palette(), scene.canvas)
    assert isinstance(scene.camera, HexCamera) and isinstance(view, HexCamera)
    # The wheel over the canvas moves by the map view's zoom steps.
    before = scene.camera.zoom_index
    pygame.mouse.set_pos(scene.canvas.center)
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
    frames(app, 2)
    assert scene.camera.size == BASE_SIZE * ZOOM_STEPS[before + 1]
    view.zoom_index, view.offset = scene.camera.zoom_index, pygame.Vector2(scene.camera.offset)
    canvas = scene.canvas
    on_screen = [
        scene.cell_at((canvas.x + canvas.width * fx, canvas.y + canvas.height * fy))
        for fx, fy in ((0.2, 0.3), (0.5, 0.5), (0.8, 0.7))
    ]
    for cell in on_screen:
        assert cell is not None
        assert scene.cell_centre(cell) == tuple(int(v) for v in view.cell_to_screen(cell))
        assert scene.cell_at(scene.cell_centre(cell)) == view.cell_at(view.cell_to_screen(cell)) == cell


def test_a_painted_cell_shows_on_the_next_frame(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "new_territory"))
    cell = (8, 5)
    x, y = scene.cell_centre(cell)
    spot = (x, int(y + scene.camera.size * 0.6))  # inside the hex, below the name at its middle
    surface = pygame.Surface(app.size)
    scene.draw(surface)
    sea = surface.get_at(spot)
    paint_cell(app, scene, cell)
    assert token(scene, cell) != SEA
    scene.draw(surface)
    painted = surface.get_at(spot)
    nation = pygame.Color(scene.level.nations[0].colour)
    assert painted != sea
    assert max(abs(painted[i] - nation[i]) for i in range(3)) < 40, (painted, nation)


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


def type_into(app: App, scene: EditorScene, key: str, text: str, enter: bool = False) -> None:
    """Click a text field, select what it holds, type ``text`` as key presses and text input."""
    click(app, widget(scene, key))
    press(app, pygame.K_a, "a", pygame.KMOD_CTRL)
    press(app, pygame.K_BACKSPACE, "\b")
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    frames(app, 2)
    if enter:
        press(app, pygame.K_RETURN, "\r")


def test_the_scenario_window_sets_the_round_limit_turn_order_and_map_size(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "open_scenario"))
    assert scene.dialog == "scenario"
    type_into(app, scene, "sc_rounds", "12")
    type_into(app, scene, "sc_share", "0.75")
    type_into(app, scene, "sc_width", "20")
    type_into(app, scene, "sc_height", "9")
    type_into(app, scene, "sc_briefing", "Hold the line.")
    seat_2 = scene.level.seats[1].name
    choose(app, scene, "sc_order", f"{seat_2} first every round")
    click(app, widget(scene, "sc_apply"))
    level = scene.level
    assert (level.round_limit, level.hegemony_share) == (12, 0.75)
    assert level.turn_order == "seat2_first"
    assert (level.map.width, level.map.height) == (20, 9)
    assert level.briefing == "Hold the line."
    assert widget(scene, "undo").tool_tip_text == "Undo edit scenario"  # the button itself may say just Undo
    type_into(app, scene, "sc_rounds", "0")
    click(app, widget(scene, "sc_apply"))
    assert scene.level.round_limit == 12 and scene.status.startswith("Cannot edit scenario")
    press(app, pygame.K_z, "z", pygame.KMOD_CTRL)
    assert (scene.level.round_limit, scene.level.map.width, scene.level.turn_order) == (30, 16, "alternate")
    click(app, widget(scene, "close_window"))
    assert scene.dialog is None and "window" not in scene.widgets


def test_treaties_window_adds_an_alliance_with_article_5_and_undoes_it(app: App, home: Path) -> None:
    scene = open_editor(app)
    for _ in range(3):
        click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "open_treaties"))
    type_into(app, scene, "al_new_name", "Entente")
    choose(app, scene, "al_new_a", "Nation 1")
    choose(app, scene, "al_new_b", "Nation 2")
    click(app, widget(scene, "al_add"))
    (alliance,) = scene.level.treaties.alliances
    assert (alliance.name, alliance.members, alliance.collective_defence) == ("Entente", ["nation_1", "nation_2"], True)
    click(app, widget(scene, "al_a5_0"))
    assert not scene.level.treaties.alliances[0].collective_defence
    click(app, widget(scene, "al_cplus_0"))
    assert scene.level.treaties.alliances[0].cohesion == 55
    choose(app, scene, "al_add_0", "Nation 3")
    assert scene.level.treaties.alliances[0].members == ["nation_1", "nation_2", "nation_3"]
    choose(app, scene, "al_del_0", "Nation 1")
    assert scene.level.treaties.alliances[0].members == ["nation_2", "nation_3"]
    choose(app, scene, "al_del_0", "Nation 2")  # two members at least: refused
    assert "at least two members" in scene.status
    choose(app, scene, "g_new_a", "Nation 1")
    choose(app, scene, "g_new_b", "Nation 3")
    click(app, widget(scene, "g_add"))
    assert [(g.guarantor, g.guaranteed) for g in scene.level.treaties.guarantees] == [("nation_1", "nation_3")]
    choose(app, scene, "p_new_a", "Nation 2")
    choose(app, scene, "p_new_b", "Nation 2")
    click(app, widget(scene, "p_add"))
    assert scene.level.treaties.pacts == [] and scene.status.startswith("Cannot add pact")
    choose(app, scene, "p_new_b", "Nation 3")
    click(app, widget(scene, "p_add"))
    assert [p.members for p in scene.level.treaties.pacts] == [["nation_2", "nation_3"]]
    click(app, widget(scene, "p_del_0"))
    click(app, widget(scene, "g_del_0"))
    assert scene.level.treaties.pacts == [] and scene.level.treaties.guarantees == []
    for _ in range(8):  # every change was one step: pact and guarantee, members, cohesion, Article 5
        press(app, pygame.K_z, "z", pygame.KMOD_CTRL)
    (alliance,) = scene.level.treaties.alliances
    assert alliance.collective_defence and alliance.cohesion == 50
    press(app, pygame.K_z, "z", pygame.KMOD_CTRL)
    assert scene.level.treaties.alliances == []
    press(app, pygame.K_y, "y", pygame.KMOD_CTRL)
    click(app, widget(scene, "al_remove_0"))
    assert scene.level.treaties.alliances == []


def test_treaties_window_sets_and_clears_the_scope_of_an_alliance_and_a_guarantee(app: App, home: Path) -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "danzig_1939.json"
    scene = EditorScene(app, load_level(path), path)
    app.reset_to(scene)
    frames(app)
    click(app, widget(scene, "open_treaties"))
    franco_polish = 1
    assert widget(scene, f"al_scopeclear_{franco_polish}").is_enabled is False  # nothing to clear yet

    choose(app, scene, f"al_against_{franco_polish}", "+ Germany")
    choose(app, scene, f"al_area_{franco_polish}", "+ Warsaw")
    alliance = scene.level.treaties.alliances[franco_polish]
    assert (alliance.against, alliance.territories) == (["germany"], ["warsaw"])
    shown = [getattr(e, "text", "") for e in app.manager.get_sprite_group().sprites() if e.visible]
    assert "Only against Germany; only in Warsaw" in shown
    assert scene.problems == []

    choose(app, scene, "g_against_0", "+ Soviet Union")
    choose(app, scene, "g_area_0", "− Bucharest")  # named already: dropped
    guarantee = scene.level.treaties.guarantees[0]
    assert (guarantee.against, guarantee.territories) == (["ussr"], ["moldavia"])
    click(app, widget(scene, "g_scopeclear_0"))
    assert scene.level.treaties.guarantees[0].against == scene.level.treaties.guarantees[0].territories == []

    click(app, widget(scene, f"al_scopeclear_{franco_polish}"))
    assert scene.level.treaties.alliances[franco_polish].against == []
    for _ in range(6):  # each change was one step
        press(app, pygame.K_z, "z", pygame.KMOD_CTRL)
    assert scene.level == load_level(path)


def test_the_treaties_window_scrolls_to_every_row_of_a_map_with_many_treaties(app: App, home: Path) -> None:
    path = Path(__file__).resolve().parents[2] / "levels" / "continent.json"
    scene = EditorScene(app, load_level(path), path)
    app.reset_to(scene)
    frames(app)
    click(app, widget(scene, "open_treaties"))
    rows = scene._treaties_scroll.get_container()
    last = widget(scene, f"g_del_{len(scene.level.treaties.guarantees) - 1}")
    assert last.ui_container is rows
    assert last.get_relative_rect().bottom <= rows.get_relative_rect().height, "the last guarantee can be scrolled to"
    assert scene._treaties_scroll.vert_scroll_bar is not None


def test_delete_a_territory_and_a_nation_that_hands_its_land_to_a_neighbour(app: App, home: Path) -> None:
    scene = open_editor(app)
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "new_territory"))
    paint_cell(app, scene, (5, 5))
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "new_territory"))
    paint_cell(app, scene, (6, 5))
    click(app, widget(scene, "new_territory"))
    paint_cell(app, scene, (9, 5))
    assert scene.territory == scene.level.territories[2].id
    click(app, widget(scene, "delete_territory"))
    assert len(scene.level.territories) == 2 and token(scene, (9, 5)) == SEA
    choose(app, scene, "nation", "Nation 1")
    click(app, widget(scene, "delete_nation"))
    assert scene.dialog == "delete_nation" and len(scene.level.nations) == 2
    click(app, widget(scene, "prompt_yes"))
    assert [n.id for n in scene.level.nations] == ["nation_2"]
    assert [t.owner for t in scene.level.territories] == ["nation_2", "nation_2"]
    # A nation with land and no neighbour: the EditError is the status line.
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "new_territory"))
    paint_cell(app, scene, (12, 2))
    choose(app, scene, "nation", "Nation 2")
    click(app, widget(scene, "new_nation"))
    click(app, widget(scene, "delete_nation"))
    assert scene.dialog is None and len(scene.level.nations) == 2
    choose(app, scene, "nation", "Nation 3")
    click(app, widget(scene, "delete_nation"))
    assert "still owns 1 territory" in scene.status


def test_opening_the_editor_offers_to_recover_an_unsaved_map(app: App, home: Path) -> None:
    from game.editor import create_nation, new_level
    from game.io.levels import save_level
    from game.ui.scenes.editor import recovery_path

    recovery_path().parent.mkdir(parents=True, exist_ok=True)
    save_level(create_nation(new_level(10, 7, "Lost work"), "north", "North"), recovery_path())
    scene = open_editor(app)
    assert scene.dialog == "recover" and scene.level.title == "Untitled map"
    click(app, widget(scene, "prompt_yes"))
    assert scene.level.title == "Lost work" and [n.id for n in scene.level.nations] == ["north"]
    assert scene.history.dirty and scene.dialog is None
    scene = open_editor(app)
    click(app, widget(scene, "prompt_no"))
    assert not recovery_path().exists() and scene.level.title == "Untitled map"
    assert open_editor(app).dialog is None


def test_saving_onto_a_link_that_loops_says_so_in_the_status_and_keeps_the_map(app: App, home: Path) -> None:
    scene = open_editor(app)
    build_two_nation_map(app, scene)
    maps_dir().mkdir(parents=True, exist_ok=True)
    loop = maps_dir() / "loop.json"
    loop.symlink_to(loop.name)
    assert scene.save(loop) is None
    assert scene.status == f"Not saved: {loop}: it is a symbolic link that loops back on itself"
    assert scene.history.dirty, "the map still counts as unsaved"


def test_the_undo_button_never_cuts_its_words(app: App, home: Path) -> None:
    scene = open_editor(app)
    build_two_nation_map(app, scene)
    choose(app, scene, "territory_owner", "Nation 1")  # a step with a long name: "Undo change territory owner"
    label = scene.history.undo_label
    assert label is not None
    button = widget(scene, "undo")
    assert button.font.size(button.text)[0] <= button.rect.width - 16, f"'{button.text}' is cut at the edge"
    assert button.text in (label, "Undo") and button.tool_tip_text == label, "what it undoes is still told"
