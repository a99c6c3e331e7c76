"""Saves: a saved match comes back exactly, and a damaged save is caught, never trusted (DESIGN.md §6)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytest_mock import MockerFixture

from game.core import state_hash
from game.core.actions import Attack, EndTurn, Move, Recruit
from game.io.saves import SAVE_FORMAT, SaveError, load_match, match_from_text, read_summary, save_match, save_to_text
from tests.builder import Game


def a_match_under_way() -> Game:
    """July 1914, two rounds in: recruits, moves, a battle (so the dice have rolled), an open duty.

    Turns snake: seat 1 then seat 2 in round 1, seat 2 then seat 1 in round 2.
    """
    game = Game.from_level("july_1914.json", seed=11)
    game.act(
        Recruit(nation="germany", territory="berlin", amount=3),
        Move(nation="germany", source="berlin", target="munich", amount=4),
        EndTurn(),
        Recruit(nation="france", territory="lyon", amount=2),
        EndTurn(),  # the rules' phase, then round 2, which seat 2 opens
        EndTurn(),
        Attack(nation="germany", source="munich", target="lyon", amount=4),
    )
    assert [e.defence_strength for e in game.events_of("battle")] == [2]
    return game


def test_a_saved_match_loads_into_exactly_the_same_position(tmp_path: Path) -> None:
    game = a_match_under_way()
    path = tmp_path / "save.json"
    save_match(game.match, path)
    loaded = load_match(path)
    assert state_hash(loaded) == game.hash
    assert loaded.log == game.match.log


def test_a_loaded_match_plays_on_exactly_like_the_original(tmp_path: Path) -> None:
    game = a_match_under_way()
    path = tmp_path / "save.json"
    save_match(game.match, path)
    loaded = Game(load_match(path))
    for g in (game, loaded):
        g.act(EndTurn(), EndTurn())
    assert loaded.hash == game.hash


def test_a_fresh_match_round_trips_through_text() -> None:
    game = Game.from_level("july_1914.json", seed=2)
    assert state_hash(match_from_text(save_to_text(game.match))) == game.hash


def test_a_save_tells_the_load_menu_what_it_holds(tmp_path: Path) -> None:
    game = a_match_under_way()
    path = tmp_path / "save.json"
    save_match(game.match, path)
    summary = read_summary(path)
    assert (summary.title, summary.round, summary.seat) == ("July 1914 (test fixture)", 2, 0)


def test_a_truncated_save_is_refused_as_damaged(tmp_path: Path) -> None:
    text = save_to_text(a_match_under_way().match)
    path = tmp_path / "save.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(SaveError, match=r"save\.json: damaged save \(bad JSON at line \d+, column \d+\)"):
        load_match(path)


def test_a_save_with_an_edited_action_is_refused_as_damaged(tmp_path: Path) -> None:
    data = json.loads(save_to_text(a_match_under_way().match))
    assert data["actions"][0] == {"kind": "recruit", "nation": "germany", "territory": "berlin", "amount": 3}
    data["actions"][0]["amount"] = 2  # still legal, but the game it replays is not the one saved
    path = tmp_path / "save.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="damaged save: replaying the actions does not reach the saved position"):
        load_match(path)


def test_a_save_with_an_action_that_cannot_have_happened_names_the_action(tmp_path: Path) -> None:
    data = json.loads(save_to_text(a_match_under_way().match))
    data["actions"][1]["amount"] = 99
    with pytest.raises(SaveError, match=r"damaged save: action 2 does not replay \(.*not 99\)"):
        match_from_text(json.dumps(data), "save.json")


def test_a_save_with_something_that_is_not_an_action_names_the_action() -> None:
    data = json.loads(save_to_text(a_match_under_way().match))
    data["actions"][2] = {"kind": "surrender"}
    with pytest.raises(SaveError, match="damaged save: action 3 is not a valid action"):
        match_from_text(json.dumps(data), "save.json")


def test_a_save_from_a_newer_version_of_the_game_is_refused_with_a_reason(tmp_path: Path) -> None:
    data = json.loads(save_to_text(a_match_under_way().match))
    data["format_version"] = SAVE_FORMAT + 1
    path = tmp_path / "save.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=f"save format {SAVE_FORMAT + 1} is newer than this game understands"):
        load_match(path)


@pytest.mark.parametrize("version", range(1, SAVE_FORMAT))
def test_a_save_made_under_older_rules_is_refused_with_a_reason_and_left_as_it_is(tmp_path: Path, version: int) -> None:
    # Format 1's actions were played under the rules before levies (and before NPC answers at
    # the round's end, the alternating first seat, NPC army caps): replayed now, they could
    # reach another position or be refused, so the game says why instead of "damaged".
    data = json.loads(save_to_text(a_match_under_way().match))
    data["format_version"] = version
    path = tmp_path / "save.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    older = rf"this save was made under older rules \(save format {version}\) and cannot be replayed"
    with pytest.raises(SaveError, match=older) as caught:
        load_match(path)
    assert "the file is left as it is" in str(caught.value)
    assert "newer" not in str(caught.value) and "damaged" not in str(caught.value)
    with pytest.raises(SaveError, match=older):
        read_summary(path)  # the load menu hears the same reason
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert os.listdir(tmp_path) == ["save.json"]


def test_a_save_with_an_unknown_older_format_is_not_called_newer() -> None:
    data = json.loads(save_to_text(a_match_under_way().match))
    data["format_version"] = 0
    with pytest.raises(SaveError) as caught:
        match_from_text(json.dumps(data), "save.json")
    assert "newer" not in str(caught.value)
    assert "save format 0 is not one this game can read" in str(caught.value)


def test_a_missing_save_is_a_save_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="no such file"):
        load_match(tmp_path / "nowhere.json")


def test_a_failed_write_leaves_the_good_save_intact(tmp_path: Path, mocker: MockerFixture) -> None:
    path = tmp_path / "save.json"
    good = Game.from_level("july_1914.json", seed=1)
    save_match(good.match, path)
    before = path.read_bytes()
    mocker.patch("game.io.atomic.os.replace", side_effect=OSError(28, "No space left on device"))
    with pytest.raises(OSError):
        save_match(a_match_under_way().match, path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["save.json"], "the half-written temp file was left behind"
    assert state_hash(load_match(path)) == good.hash


def test_a_write_that_breaks_off_halfway_leaves_the_good_save_intact(tmp_path: Path, mocker: MockerFixture) -> None:
    path = tmp_path / "save.json"
    save_match(Game.from_level("july_1914.json").match, path)
    before = path.read_bytes()
    mocker.patch("game.io.atomic.os.fsync", side_effect=OSError(5, "Input/output error"))
    with pytest.raises(OSError):
        save_match(a_match_under_way().match, path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["save.json"]
