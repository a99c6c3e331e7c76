"""The map editor's controller without a window: paint, undo and redo, rename, save and load, recover."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core import level_problems
from game.core.hexgrid import Cell
from game.core.level import SEA
from game.io.levels import find_level, load_level
from game.io.paths import maps_dir
from game.ui.scenes.editor_controller import (
    AUTOSAVE_SECONDS,
    EditorController,
    ScenarioForm,
    load_draft,
    recovery_path,
)


class Host:
    """A screen that writes down what the controller asked of it."""

    def __init__(self, autosaves: bool = True) -> None:
        self.shown: list[bool] = []
        self.refits = 0
        self.notices: list[tuple[str, bool]] = []
        self.autosaves = autosaves

    def show(self, rebuild: bool) -> None:
        self.shown.append(rebuild)

    def refit(self) -> None:
        self.refits += 1

    def tell(self, text: str, error: bool) -> None:
        self.notices.append((text, error))

    def may_autosave(self) -> bool:
        return self.autosaves


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ALLIANCES_HOME", str(tmp_path))
    return tmp_path


def token(controller: EditorController, cell: Cell) -> str:
    col, row = cell
    return controller.level.map.rows[row].split()[col]


def two_nations(controller: EditorController) -> None:
    """Two seated nations, each with one painted territory, a capital and troops: a playable draft."""
    for seat, cell in ((0, (3, 4)), (1, (11, 5))):
        assert controller.new_nation()
        assert controller.assign_seat(seat)
        assert controller.new_territory()
        controller.select_brush(1)
        assert controller.paint(cell)
        assert controller.make_capital(cell)
        assert controller.garrison(cell, +1)


def test_a_blank_controller_needs_no_window_and_names_what_is_missing(home: Path) -> None:
    controller = EditorController()
    assert controller.level.title == "Untitled map" and controller.history.dirty
    assert controller.problems == level_problems(controller.level) != []
    assert controller.status.startswith("New map")


def test_paint_undo_and_redo(home: Path) -> None:
    host = Host()
    controller = EditorController(host=host)
    controller.new_nation()
    controller.new_territory()
    code = controller.level.territories[0].code
    assert controller.paint((5, 5))
    assert token(controller, (5, 5)) == code
    assert controller.history.undo_label == "Undo paint"
    assert controller.undo() and token(controller, (5, 5)) == SEA
    assert controller.status == "Undo paint done"
    assert controller.redo() and token(controller, (5, 5)) == code
    assert not controller.redo(), "nothing left to redo"
    assert host.shown and all(host.shown), "every change asked the screen to show it"


def test_a_dragged_stroke_is_one_undo_and_the_panel_waits_for_its_end(home: Path) -> None:
    host = Host()
    controller = EditorController(host=host)
    controller.new_nation()
    controller.new_territory()
    controller.paint((2, 2))
    host.shown.clear()
    for cell in ((3, 2), (4, 2), (5, 2)):
        controller.paint(cell, merge=True)
    assert host.shown == [False, False, False], "painting on refreshes only the bar and problems"
    controller.end_stroke()
    assert host.shown[-1] is True
    controller.undo()
    assert all(token(controller, (c, 2)) == SEA for c in range(2, 6))


def test_painting_without_a_territory_says_why_and_stops_the_stroke(home: Path) -> None:
    host = Host()
    controller = EditorController(host=host)
    assert controller.paint((4, 4)) is False
    assert host.notices == [("Choose or create a territory to paint its land", True)]
    assert not controller.history.can_undo


def test_rename_trims_and_refuses_an_empty_name(home: Path) -> None:
    controller = EditorController()
    controller.new_nation()
    assert controller.rename_nation("  Ruritania  ")
    assert controller.level.nations[0].name == "Ruritania"
    assert controller.history.undo_label == "Undo rename nation"
    assert not controller.rename_nation("   ")
    assert controller.level.nations[0].name == "Ruritania"
    assert controller.rename_map("x" * 150) and len(controller.level.title) == 100


def test_a_refused_edit_changes_nothing_and_says_why(home: Path) -> None:
    host = Host()
    controller = EditorController(host=host)
    controller.new_nation()
    before = controller.level
    assert not controller.add_pair("pact", "nation_1", "nation_1")
    assert controller.level is before and controller.status.startswith("Cannot add pact")
    assert host.notices[-1][1] is True


def test_save_and_load_round_trip(home: Path) -> None:
    host = Host()
    controller = EditorController(host=host)
    two_nations(controller)
    assert controller.problems == []
    written = controller.save(None)
    assert written == maps_dir() / "untitled_map.json" and not controller.history.dirty
    assert load_level(written) == controller.level
    assert host.notices[-1] == (controller.status, False)
    again = EditorController(load_draft(written), written)
    assert again.level == controller.level and not again.history.dirty
    assert again.status == "Editing untitled_map.json"


def test_a_draft_with_problems_is_saved_beside_the_map_as_a_draft(home: Path) -> None:
    controller = EditorController()
    controller.new_nation()
    written = controller.save(maps_dir() / "mine.json")
    assert written == maps_dir() / "mine.draft.json" and not (maps_dir() / "mine.json").exists()
    assert controller.path == maps_dir() / "mine.json", "once fixed, it saves under its own name"
    assert [n.id for n in load_draft(written).nations] == ["nation_1"]


def test_recovery_copy_within_a_minute_then_recovered_by_the_next_editor(home: Path) -> None:
    controller = EditorController()
    controller.new_nation()
    controller.rename_nation("Lost")
    controller.tick(AUTOSAVE_SECONDS - 1)
    assert not recovery_path().exists()
    controller.tick(1)
    assert recovery_path().exists()
    host = Host()
    later = EditorController(host=host)
    assert later.recovery_found and later.status.startswith("An unsaved map was found")
    assert later.recover()
    assert [n.name for n in later.level.nations] == ["Lost"] and later.history.dirty
    assert not later.history.can_undo, "a recovered map starts a history of its own"
    assert host.refits == 1


def test_discarding_the_recovery_copy_deletes_it(home: Path) -> None:
    controller = EditorController()
    controller.new_nation()
    controller.write_recovery()
    later = EditorController()
    later.discard_recovery()
    assert not recovery_path().exists() and not EditorController().recovery_found


def test_a_headless_tool_never_writes_a_recovery_copy(home: Path) -> None:
    controller = EditorController(host=Host(autosaves=False))
    controller.new_nation()
    controller.tick(AUTOSAVE_SECONDS * 2)
    assert not recovery_path().exists()


def test_a_clean_draft_writes_no_recovery_copy(home: Path) -> None:
    level = load_level(find_level("tutorial"))
    controller = EditorController(level)
    controller.tick(AUTOSAVE_SECONDS)
    assert not recovery_path().exists()


def test_deleting_a_nation_with_land_asks_to_give_it_to_its_neighbour(home: Path) -> None:
    controller = EditorController()
    controller.new_nation()
    controller.new_territory()
    controller.paint((5, 5))
    controller.new_nation()
    controller.new_territory()
    controller.paint((6, 5))
    controller.select_nation("nation_1")
    assert controller.delete_nation() == "ask" and controller.heir == "nation_2"
    assert len(controller.level.nations) == 2, "asking changes nothing"
    assert controller.delete_nation_to_heir()
    assert [t.owner for t in controller.level.territories] == ["nation_2", "nation_2"]
    assert controller.status == "Deleted Nation 1: its land went to Nation 2 (undo brings it back)"


def test_the_scenario_is_one_step_and_a_resize_refits_the_canvas(home: Path) -> None:
    host = Host()
    controller = EditorController(host=host)
    form = ScenarioForm("Isles", "Hold.", "12", "75%", "20", "9", "seat2_first")
    assert controller.apply_scenario(form)
    level = controller.level
    assert (level.title, level.round_limit, level.hegemony_share) == ("Isles", 12, 0.75)
    assert level.turn_order == "seat2_first"
    assert (level.map.width, level.map.height) == (20, 9) and host.refits == 1
    assert not controller.apply_scenario(ScenarioForm("Isles", "", "twelve", "0.6", "20", "9"))
    assert controller.status.startswith("Round limit and map size are whole numbers")
    assert controller.undo() and controller.level.map.width == 16


def test_a_problem_selects_what_it_names_in_words_not_ids(home: Path) -> None:
    controller = EditorController()
    controller.new_nation()
    controller.new_nation()
    problem = next(p for p in controller.problems if "'nation_1'" in p.message or p.location == "nations[0]")
    controller.go_to_problem(problem)
    assert controller.nation == "nation_1" and "nation_" not in controller.status


def test_the_eyedropper_picks_the_territory_and_its_owner(home: Path) -> None:
    controller = EditorController(load_level(find_level("tutorial")))
    territory = controller.level.territories[-1]
    cell = next(iter(controller.cells_of(territory.id)))
    controller.select_tool("sea")
    controller.pick(cell)
    assert (controller.territory, controller.nation, controller.tool) == (territory.id, territory.owner, "land")
