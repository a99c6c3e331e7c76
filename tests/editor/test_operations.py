"""Editing a level: every operation gives a new level, undo gives the old one back, and
refused input changes nothing. The world is tests/small_world.py::

    P P B B       P paris (france, capital)   A alsace (germany)
     P A A B      B berlin (germany, capital) R brussels (belgium)
    R R A .
"""

from __future__ import annotations

import doctest
from collections.abc import Callable
from typing import Any

import pytest

import game.editor
from game.core import Level, level_problems
from game.editor import (
    EditError,
    EditHistory,
    Pick,
    add_alliance,
    add_guarantee,
    add_pact,
    add_war,
    assign_seat,
    brush,
    create_nation,
    create_territory,
    delete_nation,
    delete_territory,
    eyedropper,
    fill,
    grid,
    history,
    naming,
    new_level,
    operations,
    paint,
    remove_alliance,
    remove_guarantee,
    remove_pact,
    remove_war,
    rename_seat,
    resize_map,
    set_capital,
    set_garrison,
    set_meta,
    update_alliance,
    update_guarantee,
    update_nation,
    update_territory,
)
from game.io.levels import level_from_data
from tests.small_world import small_world

Operation = Callable[[Level], Level]


def world() -> Level:
    return level_from_data(small_world())


def rows(level: Level) -> list[list[str]]:
    return [row.split() for row in level.map.rows]


def garrisons(level: Level) -> set[tuple[str, str, int]]:
    return {(g.territory, g.nation, g.strength) for g in level.garrisons}


def nation(level: Level, nid: str) -> Any:
    return next(n for n in level.nations if n.id == nid)


def territory(level: Level, tid: str) -> Any:
    return next(t for t in level.territories if t.id == tid)


# -- Every operation: a new level, the old one untouched, undo brings it back ------------------

EVERY_OPERATION: list[Any] = [
    pytest.param(lambda lv: paint(lv, [(3, 2)], "A"), id="paint"),
    pytest.param(lambda lv: fill(lv, (0, 2), "."), id="fill"),
    pytest.param(lambda lv: resize_map(lv, 6, 4), id="resize_map"),
    pytest.param(
        lambda lv: create_territory(lv, "lille", "Lille", "L", "france", cells=[(3, 2)]), id="create_territory"
    ),
    pytest.param(
        lambda lv: update_territory(lv, "alsace", name="Elsass", value=2, terrain="forest"), id="update_territory"
    ),
    pytest.param(lambda lv: update_territory(lv, "alsace", owner="france"), id="update_territory owner"),
    pytest.param(lambda lv: update_territory(lv, "alsace", code="Al"), id="update_territory code"),
    pytest.param(lambda lv: update_territory(lv, "paris", new_id="lutetia"), id="update_territory id"),
    pytest.param(lambda lv: delete_territory(lv, "alsace"), id="delete_territory"),
    pytest.param(lambda lv: create_nation(lv, "spain", "Spain"), id="create_nation"),
    pytest.param(lambda lv: update_nation(lv, "belgium", stability=20, doctrine="regime_seeker"), id="update_nation"),
    pytest.param(lambda lv: update_nation(lv, "germany", new_id="prussia"), id="update_nation id"),
    pytest.param(lambda lv: delete_nation(lv, "belgium", heir="france"), id="delete_nation"),
    pytest.param(lambda lv: assign_seat(lv, "belgium", 0), id="assign_seat"),
    pytest.param(lambda lv: set_capital(lv, "belgium", "brussels"), id="set_capital"),
    pytest.param(lambda lv: set_garrison(lv, "berlin", "germany", 4), id="set_garrison"),
    pytest.param(lambda lv: add_alliance(lv, "central", "Central Powers", ["germany", "belgium"]), id="add_alliance"),
    pytest.param(lambda lv: update_alliance(lv, "entente", cohesion=90), id="update_alliance"),
    pytest.param(lambda lv: update_alliance(lv, "entente", against=["germany"]), id="alliance scope"),
    pytest.param(lambda lv: update_guarantee(lv, "france", "belgium", territories=["brussels"]), id="guarantee scope"),
    pytest.param(lambda lv: remove_alliance(lv, "entente"), id="remove_alliance"),
    pytest.param(lambda lv: add_guarantee(lv, "germany", "belgium"), id="add_guarantee"),
    pytest.param(lambda lv: remove_guarantee(lv, "france", "belgium"), id="remove_guarantee"),
    pytest.param(lambda lv: add_pact(lv, "france", "germany"), id="add_pact"),
    pytest.param(lambda lv: remove_pact(lv, "belgium", "germany"), id="remove_pact"),
    pytest.param(lambda lv: add_war(lv, "germany", "france"), id="add_war"),
    pytest.param(lambda lv: set_meta(lv, title="Big world", round_limit=40), id="set_meta"),
    pytest.param(lambda lv: rename_seat(lv, 0, "Entente"), id="rename_seat"),
]


@pytest.mark.parametrize("operation", EVERY_OPERATION)
def test_an_operation_returns_a_new_level_and_undo_brings_the_old_one_back(operation: Operation) -> None:
    level = world()
    before = level.model_dump()
    edit = EditHistory(level)

    changed = operation(level)

    assert level.model_dump() == before, "the operation changed the level it was given"
    assert changed.model_dump() != before
    assert edit.apply("edit", changed)
    assert edit.undo().model_dump() == before
    assert edit.redo().model_dump() == changed.model_dump()


REFUSED: list[Any] = [
    pytest.param(lambda lv: paint(lv, [(0, 0)], "Zz"), "no territory with the code 'Zz'", id="paint unknown code"),
    pytest.param(lambda lv: fill(lv, (0, 0), "Zz"), "no territory with the code", id="fill unknown code"),
    pytest.param(lambda lv: resize_map(lv, 0, 3), "width must be", id="resize to zero"),
    pytest.param(lambda lv: resize_map(lv, 4, 257), "height must be", id="resize too tall"),
    pytest.param(lambda lv: eyedropper(lv, (4, 0)), "outside the 4x3 map", id="eyedropper off the map"),
    pytest.param(lambda lv: create_territory(lv, "paris", "Paris", "Q", "france"), "already a territory", id="dup id"),
    pytest.param(lambda lv: create_territory(lv, "lille", "Lille", "P", "france"), "already marks", id="dup code"),
    pytest.param(lambda lv: create_territory(lv, "lille", "Lille", ".", "france"), "marks sea", id="sea code"),
    pytest.param(lambda lv: create_territory(lv, "lille", "Lille", "L", "spain"), "no nation 'spain'", id="no owner"),
    pytest.param(lambda lv: create_territory(lv, "lille", "Lille", "L", "france", value=6), "value", id="value 6"),
    pytest.param(lambda lv: create_territory(lv, "Lille!", "Lille", "L", "france"), "id", id="bad id"),
    pytest.param(lambda lv: update_territory(lv, "lyon", value=2), "no territory 'lyon'", id="update unknown"),
    pytest.param(lambda lv: update_territory(lv, "alsace", value=0), "value", id="value 0"),
    pytest.param(lambda lv: update_territory(lv, "alsace", terrain="swamp"), "terrain", id="unknown terrain"),  # type: ignore[arg-type]
    pytest.param(lambda lv: update_territory(lv, "alsace", code="B"), "already marks", id="code taken"),
    pytest.param(lambda lv: update_territory(lv, "alsace", new_id="berlin"), "already a territory", id="id taken"),
    pytest.param(lambda lv: update_territory(lv, "alsace", owner="spain"), "no nation", id="owner unknown"),
    pytest.param(lambda lv: update_territory(lv, "alsace", name=""), "name", id="empty name"),
    pytest.param(lambda lv: delete_territory(lv, "lyon"), "no territory", id="delete unknown territory"),
    pytest.param(lambda lv: create_nation(lv, "france", "France again"), "already a nation", id="dup nation"),
    pytest.param(lambda lv: create_nation(lv, "spain", "Spain", colour="red"), "colour", id="bad colour"),
    pytest.param(lambda lv: create_nation(lv, "spain", "Spain", stability=101), "stability", id="stability 101"),
    pytest.param(lambda lv: update_nation(lv, "france", credibility=-1), "credibility", id="credibility -1"),
    pytest.param(lambda lv: update_nation(lv, "france", treasury=10_001), "treasury", id="treasury too big"),
    pytest.param(lambda lv: update_nation(lv, "france", ideology="anarchist"), "ideology", id="bad ideology"),  # type: ignore[arg-type]
    pytest.param(lambda lv: update_nation(lv, "france", doctrine="appeaser"), "doctrine", id="bad doctrine"),  # type: ignore[arg-type]
    pytest.param(lambda lv: update_nation(lv, "france", new_id="germany"), "already a nation", id="nation id taken"),
    pytest.param(lambda lv: update_nation(lv, "spain", name="Spain"), "no nation 'spain'", id="update unknown nation"),
    pytest.param(lambda lv: delete_nation(lv, "germany"), "still owns 2 territories", id="delete landed nation"),
    pytest.param(lambda lv: delete_nation(lv, "germany", heir="germany"), "its own heir", id="own heir"),
    pytest.param(lambda lv: delete_nation(lv, "germany", heir="spain"), "no nation 'spain'", id="unknown heir"),
    pytest.param(lambda lv: assign_seat(lv, "belgium", 2), "a seat is 0, 1 or None", id="seat 2"),
    pytest.param(lambda lv: assign_seat(lv, "spain", 0), "no nation", id="seat unknown nation"),
    pytest.param(lambda lv: rename_seat(lv, 2, "Third"), "a seat is 0 or 1", id="rename seat 2"),
    pytest.param(lambda lv: set_capital(lv, "france", "berlin"), "belongs to 'germany'", id="foreign capital"),
    pytest.param(lambda lv: set_capital(lv, "france", "lyon"), "no territory", id="unknown capital"),
    pytest.param(lambda lv: set_garrison(lv, "paris", "france", -1), "strength", id="negative garrison"),
    pytest.param(lambda lv: set_garrison(lv, "paris", "france", 10_001), "strength", id="huge garrison"),
    pytest.param(lambda lv: set_garrison(lv, "lyon", "france", 1), "no territory", id="garrison nowhere"),
    pytest.param(lambda lv: set_garrison(lv, "paris", "spain", 1), "no nation", id="garrison of nobody"),
    pytest.param(
        lambda lv: add_alliance(lv, "entente", "Again", ["france", "germany"]), "already an alliance", id="dup"
    ),
    pytest.param(lambda lv: add_alliance(lv, "solo", "Solo", ["france"]), "at least two", id="alliance of one"),
    pytest.param(lambda lv: add_alliance(lv, "x", "X", ["france", "france"]), "each member once", id="twice"),
    pytest.param(lambda lv: add_alliance(lv, "x", "X", ["france", "spain"]), "no nation 'spain'", id="unknown member"),
    pytest.param(lambda lv: add_alliance(lv, "x", "X", ["france", "germany"], cohesion=101), "cohesion", id="cohesion"),
    pytest.param(lambda lv: update_alliance(lv, "nato", cohesion=5), "no alliance 'nato'", id="unknown alliance"),
    pytest.param(lambda lv: update_alliance(lv, "entente", members=["france"]), "at least two", id="shrink to one"),
    pytest.param(lambda lv: remove_alliance(lv, "nato"), "no alliance", id="remove unknown alliance"),
    pytest.param(lambda lv: update_alliance(lv, "entente", against=["spain"]), "no nation 'spain'", id="scope nobody"),
    pytest.param(
        lambda lv: update_alliance(lv, "entente", against=["belgium"]),
        "party to the treaty",
        id="scope against a member",
    ),
    pytest.param(
        lambda lv: update_guarantee(lv, "france", "belgium", territories=["lyon"]), "no territory", id="scope nowhere"
    ),
    pytest.param(
        lambda lv: update_guarantee(lv, "france", "belgium", against=["germany", "germany"]),
        "each nation once",
        id="scope naming a nation twice",
    ),
    pytest.param(
        lambda lv: update_guarantee(lv, "germany", "belgium", against=["france"]),
        "does not guarantee",
        id="scope of no guarantee",
    ),
    pytest.param(lambda lv: add_guarantee(lv, "france", "belgium"), "already guarantees", id="dup guarantee"),
    pytest.param(lambda lv: add_guarantee(lv, "france", "france"), "two different nations", id="self guarantee"),
    pytest.param(lambda lv: remove_guarantee(lv, "germany", "belgium"), "does not guarantee", id="no guarantee"),
    pytest.param(lambda lv: add_pact(lv, "belgium", "germany"), "already have", id="dup pact (either order)"),
    pytest.param(lambda lv: remove_pact(lv, "france", "germany"), "no non-aggression pact", id="no pact"),
    pytest.param(lambda lv: remove_war(lv, "france", "germany"), "not at war", id="no war"),
    pytest.param(lambda lv: set_meta(lv, hegemony_share=0.5), "hegemony_share", id="hegemony 0.5"),
    pytest.param(lambda lv: set_meta(lv, round_limit=0), "round_limit", id="round limit 0"),
    pytest.param(lambda lv: set_meta(lv, title=""), "title", id="empty title"),
    pytest.param(lambda lv: brush((0, 0), -1), "radius", id="negative brush"),
]


@pytest.mark.parametrize(("operation", "reason"), REFUSED)
def test_refused_input_raises_edit_error_with_a_reason_and_changes_nothing(operation: Operation, reason: str) -> None:
    level = world()
    before = level.model_dump()

    with pytest.raises(EditError, match=reason):
        operation(level)

    assert level.model_dump() == before


def test_an_edit_error_is_a_value_error() -> None:
    assert issubclass(EditError, ValueError)


# -- Drafts and the grid ------------------------------------------------------------------------


def test_a_new_level_is_a_blank_sea_with_two_empty_seats_and_its_problems_listed() -> None:
    level = new_level(5, 3, "Draft")

    assert level.map.rows == [". . . . ."] * 3
    assert [s.nations for s in level.seats] == [[], []]
    assert level.nations == [] and level.territories == []
    assert [p.location for p in level_problems(level)] == ["seats[0].nations", "seats[1].nations"]


def test_a_new_level_refuses_a_size_outside_the_file_limits() -> None:
    with pytest.raises(EditError, match="width"):
        new_level(0, 5)
    with pytest.raises(EditError, match="height"):
        new_level(5, 257)


def test_a_draft_becomes_a_valid_level_one_operation_at_a_time() -> None:
    level = new_level(6, 4, "Two shores")
    level = create_nation(level, "north", "North", ideology="liberal")
    level = create_nation(level, "south", "South", ideology="monarchist")
    level = create_territory(level, "cape", "Cape", "C", "north", value=3, cells=brush((1, 1), 1))
    level = create_territory(level, "dune", "Dune", "D", "south", value=3, cells=[(3, 1), (4, 1), (3, 2)])
    level = set_capital(set_capital(level, "north", "cape"), "south", "dune")
    level = assign_seat(assign_seat(level, "north", 0), "south", 1)
    level = set_garrison(level, "cape", "north", 3)

    assert level_problems(level) == []
    assert level.map.rows == [". C C . . .", "C C C D D .", ". C C D . .", ". . . . . ."]


def test_painting_sets_the_cells_and_ignores_those_off_the_map() -> None:
    level = paint(world(), [(3, 2), (9, 9), (-1, 0)], "A")

    assert rows(level) == [["P", "P", "B", "B"], ["P", "A", "A", "B"], ["R", "R", "A", "A"]]


def test_painting_sea_removes_land() -> None:
    level = paint(world(), [(0, 0), (1, 0)], ".")

    assert rows(level)[0] == [".", ".", "B", "B"]


def test_rows_stay_aligned_when_a_longer_code_appears() -> None:
    level = create_territory(world(), "lorraine", "Lorraine", "Lor", "france", cells=[(3, 2)])

    assert level.map.rows == ["P   P   B   B", "P   A   A   B", "R   R   A   Lor"]
    assert len({len(row.split()) for row in level.map.rows}) == 1


def test_grid_rows_align_columns_and_drop_trailing_spaces() -> None:
    assert grid.format_rows([["P", ".", "Be"], ["Ly", "P", "."]]) == ["P  .  Be", "Ly P  ."]


def test_a_brush_covers_every_cell_within_its_radius() -> None:
    assert brush((2, 2), 0) == [(2, 2)]
    assert sorted(brush((2, 2), 1)) == sorted([(2, 2), (1, 2), (3, 2), (1, 1), (2, 1), (1, 3), (2, 3)])
    assert len(brush((2, 2), 2)) == 19
    assert len(brush((5, 5), 3)) == 37


def test_fill_changes_the_connected_region_only() -> None:
    # Germany's two territories become one colour, then a flood fill turns Alsace (connected A cells) to Berlin.
    level = fill(world(), (1, 1), "B")

    assert rows(level) == [["P", "P", "B", "B"], ["P", "B", "B", "B"], ["R", "R", "B", "."]]


def test_fill_stops_at_cells_of_another_token() -> None:
    level = paint(world(), [(0, 0), (1, 0), (0, 1)], ".")  # Paris gone: two sea pockets apart
    level = fill(level, (0, 0), "R")

    assert rows(level)[0] == ["R", "R", "B", "B"]
    assert rows(level)[2][3] == "."  # the other sea cell is not connected


def test_fill_off_the_map_changes_nothing() -> None:
    level = world()
    assert fill(level, (7, 7), "A") == level


def test_the_eyedropper_names_the_token_and_its_territory() -> None:
    assert eyedropper(world(), (1, 1)) == Pick("A", "alsace")
    assert eyedropper(world(), (3, 2)) == Pick(".", None)


def test_growing_the_map_adds_sea_and_shrinking_cuts_at_the_right_and_bottom() -> None:
    grown = resize_map(world(), 5, 4)
    shrunk = resize_map(world(), 2, 2)

    assert rows(grown) == [["P", "P", "B", "B", "."], ["P", "A", "A", "B", "."], ["R", "R", "A", ".", "."], ["."] * 5]
    assert rows(shrunk) == [["P", "P"], ["P", "A"]]
    # Berlin and Brussels lost every cell: they stay listed, and the problems say so.
    assert {p.message for p in level_problems(shrunk)} >= {
        "territory 'berlin' (code 'B') has no cells on the map",
        "territory 'brussels' (code 'R') has no cells on the map",
    }


def test_a_hand_written_row_with_missing_cells_reads_as_sea() -> None:
    level = world().model_copy(update={"map": world().map.model_copy(update={"rows": ["P  P", "P A A B", "R R A ."]})})
    assert grid.read_tokens(level.map)[0] == ["P", "P", ".", "."]


# -- Territories --------------------------------------------------------------------------------


def test_a_new_code_rewrites_the_territorys_cells() -> None:
    level = update_territory(world(), "alsace", code="Al")

    assert level.map.rows == ["P  P  B  B", "P  Al Al B", "R  R  Al ."]
    assert level_problems(level) == []


def test_a_new_territory_id_is_followed_by_capitals_and_garrisons() -> None:
    level = update_territory(world(), "paris", new_id="lutetia", name="Lutetia")

    assert nation(level, "france").capital == "lutetia"
    assert ("lutetia", "france", 3) in garrisons(level)
    assert level_problems(level) == []


def test_a_territory_changing_hands_takes_its_garrison_and_stops_being_a_capital() -> None:
    level = update_territory(world(), "paris", owner="germany")

    assert territory(level, "paris").owner == "germany"
    assert nation(level, "france").capital is None
    assert ("paris", "germany", 3) in garrisons(level)
    assert not any(g.nation == "france" and g.territory == "paris" for g in level.garrisons)


def test_deleting_a_territory_turns_its_cells_to_sea_and_drops_its_garrisons_and_capital() -> None:
    level = delete_territory(world(), "paris")

    assert rows(level) == [[".", ".", "B", "B"], [".", "A", "A", "B"], ["R", "R", "A", "."]]
    assert nation(level, "france").capital is None
    assert garrisons(level) == {("brussels", "france", 2)}


def test_a_garrison_is_set_changed_and_removed_by_strength_zero() -> None:
    level = set_garrison(world(), "berlin", "germany", 4)
    assert ("berlin", "germany", 4) in garrisons(level)
    level = set_garrison(level, "berlin", "germany", 6)
    assert ("berlin", "germany", 6) in garrisons(level)
    assert len(level.garrisons) == 3
    level = set_garrison(level, "berlin", "germany", 0)
    assert garrisons(level) == garrisons(world())


def test_a_capital_can_be_set_and_cleared() -> None:
    assert nation(set_capital(world(), "belgium", "brussels"), "belgium").capital == "brussels"
    assert nation(set_capital(world(), "germany", "alsace"), "germany").capital == "alsace"
    assert nation(set_capital(world(), "france", None), "france").capital is None


# -- Nations and seats --------------------------------------------------------------------------


def test_a_new_nation_is_an_npc_with_a_colour_nobody_uses() -> None:
    level = create_nation(world(), "spain", "Spain", ideology="monarchist", doctrine="bandwagoner", treasury=5)

    spain = nation(level, "spain")
    assert spain.colour.lower() not in {n.colour.lower() for n in world().nations}
    assert (spain.ideology, spain.doctrine, spain.treasury, spain.capital) == ("monarchist", "bandwagoner", 5, None)
    assert all("spain" not in seat.nations for seat in level.seats)


def test_every_nation_field_can_be_updated() -> None:
    level = update_nation(
        world(),
        "belgium",
        name="Kingdom of Belgium",
        colour="#112233",
        ideology="monarchist",
        doctrine="threat_balancer",
        stability=30,
        credibility=80,
        treasury=7,
    )

    belgium = nation(level, "belgium")
    assert (belgium.name, belgium.colour, belgium.ideology, belgium.doctrine) == (
        "Kingdom of Belgium",
        "#112233",
        "monarchist",
        "threat_balancer",
    )
    assert (belgium.stability, belgium.credibility, belgium.treasury) == (30, 80, 7)


def test_a_new_nation_id_is_followed_everywhere_the_nation_is_named() -> None:
    level = update_nation(world(), "belgium", new_id="flanders")

    assert territory(level, "brussels").owner == "flanders"
    assert level.treaties.alliances[0].members == ["france", "flanders"]
    assert level.treaties.guarantees[0].guaranteed == "flanders"
    assert level.treaties.pacts[0].members == ["germany", "flanders"]
    assert level_problems(level) == []
    level = update_nation(level, "germany", new_id="prussia")
    assert level.seats[1].nations == ["prussia"]
    assert level_problems(level) == []


def test_deleting_a_nation_with_an_heir_hands_over_its_land_and_ends_its_treaties() -> None:
    level = add_war(world(), "germany", "belgium")
    level = remove_alliance(level, "entente")
    level = remove_guarantee(level, "france", "belgium")
    level = set_garrison(level, "brussels", "belgium", 2)
    level = delete_nation(level, "belgium", heir="germany")

    assert [n.id for n in level.nations] == ["france", "germany"]
    assert territory(level, "brussels").owner == "germany"
    assert ("brussels", "germany", 2) in garrisons(level)
    assert level.treaties.pacts == [] and level.wars == []
    # France's troops in Brussels now stand in German land without an alliance: the problems say so.
    assert [p.location for p in level_problems(level)] == ["garrisons[1].nation"]


def test_deleting_a_nation_dissolves_an_alliance_left_with_one_member() -> None:
    level = update_territory(world(), "brussels", owner="france")
    level = delete_nation(level, "belgium")

    assert level.treaties.alliances == []
    assert level.treaties.guarantees == []
    assert level_problems(level) == []


def test_deleting_a_nation_keeps_an_alliance_that_still_has_two_members() -> None:
    level = add_alliance(world(), "league", "League", ["france", "germany", "belgium"])
    level = delete_nation(level, "belgium", heir="france")

    assert [(a.id, a.members) for a in level.treaties.alliances] == [("league", ["france", "germany"])]


def test_deleting_a_seat_nation_empties_its_seat() -> None:
    level = delete_nation(world(), "germany", heir="belgium")

    assert level.seats[1].nations == []
    assert territory(level, "berlin").owner == "belgium"


def test_a_nation_moves_between_seats_and_back_to_the_rules() -> None:
    level = assign_seat(world(), "belgium", 1)
    assert [s.nations for s in level.seats] == [["france"], ["germany", "belgium"]]
    level = assign_seat(level, "belgium", 0)
    assert [s.nations for s in level.seats] == [["france", "belgium"], ["germany"]]
    level = assign_seat(level, "belgium", None)
    assert [s.nations for s in level.seats] == [["france"], ["germany"]]


def test_assigning_a_nation_to_its_own_seat_keeps_the_order() -> None:
    level = assign_seat(assign_seat(world(), "belgium", 0), "france", 0)
    assert level.seats[0].nations == ["france", "belgium"]


# -- Treaties and the scenario ------------------------------------------------------------------


def test_alliances_are_added_updated_and_removed() -> None:
    level = add_alliance(world(), "central", "Central Powers", ["germany", "belgium"], collective_defence=False)
    level = update_alliance(level, "central", name="Dual Alliance", cohesion=75, collective_defence=True)
    level = update_alliance(level, "central", new_id="dual", members=["belgium", "germany", "france"])

    dual = level.treaties.alliances[1]
    assert (dual.id, dual.name, dual.members, dual.collective_defence, dual.cohesion) == (
        "dual",
        "Dual Alliance",
        ["belgium", "germany", "france"],
        True,
        75,
    )
    assert [a.id for a in remove_alliance(level, "entente").treaties.alliances] == ["dual"]


def test_guarantees_pacts_and_wars_are_added_and_removed() -> None:
    level = add_guarantee(world(), "germany", "belgium")
    level = add_pact(level, "france", "germany")
    level = add_war(level, "france", "germany")
    assert len(level.treaties.guarantees) == 2 and len(level.treaties.pacts) == 2 and len(level.wars) == 1

    level = remove_guarantee(level, "germany", "belgium")
    level = remove_pact(level, "germany", "france")  # either order names the pact
    level = remove_war(level, "germany", "france")
    assert level.treaties == world().treaties and level.wars == []


def test_a_treatys_scope_is_set_and_cleared_and_a_level_with_one_stays_valid() -> None:
    level = update_alliance(world(), "entente", against=["germany"], territories=["brussels"])
    level = update_guarantee(level, "france", "belgium", territories=["brussels"])
    (alliance,), (guarantee,) = level.treaties.alliances, level.treaties.guarantees
    assert (alliance.against, alliance.territories) == (["germany"], ["brussels"])
    assert (guarantee.against, guarantee.territories) == ([], ["brussels"])
    assert level_problems(level) == []

    level = update_alliance(level, "entente", against=[])  # cleared: an attack by anyone
    level = update_guarantee(level, "france", "belgium", territories=[])
    assert level.treaties.alliances[0].against == [] and level.treaties.alliances[0].territories == ["brussels"]
    assert level.treaties.guarantees == world().treaties.guarantees


def test_a_scope_follows_a_new_id_and_forgets_what_is_deleted() -> None:
    level = update_alliance(world(), "entente", against=["germany"], territories=["brussels", "paris"])
    level = update_nation(level, "germany", new_id="reich")
    level = update_territory(level, "brussels", new_id="bruxelles")
    assert level.treaties.alliances[0].against == ["reich"]
    assert level.treaties.alliances[0].territories == ["bruxelles", "paris"]
    assert level_problems(level) == []

    level = delete_territory(level, "bruxelles")
    level = delete_nation(level, "reich", heir="france")
    assert (level.treaties.alliances[0].against, level.treaties.alliances[0].territories) == ([], ["paris"])


def test_the_title_briefing_round_limit_and_hegemony_share_are_set() -> None:
    level = set_meta(world(), title="Great War", briefing="Hold the line.", round_limit=50, hegemony_share=0.75)

    assert (level.title, level.briefing, level.round_limit, level.hegemony_share) == (
        "Great War",
        "Hold the line.",
        50,
        0.75,
    )
    assert set_meta(level) == level


def test_a_scenario_can_fix_who_opens_every_round() -> None:
    level = set_meta(world(), turn_order="seat2_first")
    assert level.turn_order == "seat2_first"
    with pytest.raises(EditError, match="turn_order"):
        set_meta(level, turn_order="entente_first")  # type: ignore[arg-type]


# -- Undo and redo ------------------------------------------------------------------------------


def test_undo_and_redo_step_through_the_edits_with_menu_labels() -> None:
    edit = EditHistory(world())
    assert (edit.can_undo, edit.can_redo, edit.undo_label, edit.redo_label) == (False, False, None, None)

    edit.apply("paint", paint(edit.level, [(3, 2)], "A"))
    edit.apply("delete territory", delete_territory(edit.level, "paris"))
    assert edit.undo_label == "Undo delete territory"

    edit.undo()
    assert (edit.undo_label, edit.redo_label) == ("Undo paint", "Redo delete territory")
    edit.undo()
    assert edit.level == world() and not edit.can_undo
    edit.redo()
    edit.redo()
    assert [t.id for t in edit.level.territories] == ["berlin", "alsace", "brussels"] and not edit.can_redo


def test_a_new_edit_after_undo_forgets_what_was_undone() -> None:
    edit = EditHistory(world())
    edit.apply("paint", paint(edit.level, [(3, 2)], "A"))
    edit.undo()
    edit.apply("rename", set_meta(edit.level, title="Other"))

    assert not edit.can_redo and edit.undo_label == "Undo rename"


def test_an_edit_that_changes_nothing_is_not_a_step() -> None:
    edit = EditHistory(world())
    assert not edit.apply("paint", paint(edit.level, [(0, 0)], "P"))
    assert not edit.can_undo


def test_the_history_keeps_at_most_its_cap_of_steps() -> None:
    edit = EditHistory(world(), cap=3)
    for limit in range(31, 36):
        edit.apply(f"limit {limit}", set_meta(edit.level, round_limit=limit))

    undone = 0
    while edit.can_undo:
        edit.undo()
        undone += 1
    assert undone == 3
    assert edit.level.round_limit == 32


def test_the_default_cap_is_two_hundred_steps() -> None:
    assert history.DEFAULT_CAP == 200


def test_one_brush_stroke_merged_across_many_cells_is_one_undo() -> None:
    edit = EditHistory(world())
    edit.apply("title", set_meta(edit.level, title="Stroke"))
    for cell in [(3, 2), (0, 2), (1, 2)]:
        edit.apply("paint", paint(edit.level, [cell], "A"), merge=True)

    assert rows(edit.level)[2] == ["A", "A", "A", "A"]
    edit.undo()
    assert edit.level.title == "Stroke" and rows(edit.level)[2] == ["R", "R", "A", "."]


def test_dirty_tracks_the_difference_from_the_last_save() -> None:
    edit = EditHistory(world())
    assert not edit.dirty
    edit.apply("paint", paint(edit.level, [(3, 2)], "A"))
    assert edit.dirty
    edit.undo()
    assert not edit.dirty  # back to what is on disk
    edit.redo()
    edit.mark_saved()
    assert not edit.dirty
    edit.undo()
    assert edit.dirty
    assert EditHistory(new_level(3, 3), saved=False).dirty  # a new draft was never saved


def test_undo_and_redo_with_nothing_to_do_are_refused() -> None:
    edit = EditHistory(world())
    with pytest.raises(EditError, match="nothing to undo"):
        edit.undo()
    with pytest.raises(EditError, match="nothing to redo"):
        edit.redo()


# -- Names, ids and codes for new things --------------------------------------------------------


def test_new_ids_and_codes_avoid_those_already_taken() -> None:
    assert naming.unused_id("Paris", {"paris"}) == "paris_2"
    assert naming.unused_id("Île-de-France", set()) == "ile_de_france"
    assert naming.unused_code("Paris", {"P", "Pa", "Pr"}) == "Pi"


@pytest.mark.parametrize("module", [game.editor, grid, history, naming, operations], ids=lambda m: m.__name__)
def test_the_examples_in_the_docstrings_run(module: Any) -> None:
    failures, _ = doctest.testmod(module)
    assert failures == 0
