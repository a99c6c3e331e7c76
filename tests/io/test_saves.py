"""Saves: a saved match comes back exactly, from its snapshot, and an edited or damaged save is
caught, never trusted (DESIGN.md §6)."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest
from pytest_mock import MockerFixture

from game.ai import make_bot
from game.core import apply, can_undo, current_seat, new_match, state_hash
from game.core.actions import Attack, EndTurn, Move, Recruit, Undo
from game.editor import generate_level
from game.io.saves import (
    SAVE_FORMAT,
    SaveError,
    content_hash,
    load_match,
    load_save,
    match_from_text,
    read_info,
    read_summary,
    save_match,
    save_to_text,
    verify_save,
)
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


def saved_data(game: Game) -> dict[str, Any]:
    return json.loads(save_to_text(game.match))  # type: ignore[no-any-return]


def rehashed(data: dict[str, Any]) -> str:
    """The save as a hostile editor who knows the hash would write it: edited, and hashed again."""
    data["content_hash"] = content_hash(data)
    return json.dumps(data)


def test_a_saved_match_loads_into_exactly_the_same_position(tmp_path: Path) -> None:
    game = a_match_under_way()
    path = tmp_path / "save.json"
    save_match(game.match, path)
    loaded = load_match(path)
    assert state_hash(loaded) == game.hash
    assert loaded.log == game.match.log
    assert loaded.history == game.match.history
    assert [e.text for e in loaded.events] == [e.text for e in game.match.events]  # the chronicle comes back too


def test_a_loaded_match_plays_on_exactly_like_the_original_as_the_same_match(tmp_path: Path) -> None:
    game = a_match_under_way()
    path = tmp_path / "save.json"
    save_match(game.match, path)
    loaded = Game(load_match(path))
    assert loaded.match.match_id == game.match.match_id is not None  # the same match: it keeps its own autosave
    for g in (game, loaded):
        g.act(EndTurn(), EndTurn())
    assert loaded.hash == game.hash


@pytest.mark.parametrize("level", ["july_1914.json", "danzig_1939.json", "sarajevo_1914.json", "nato_1956.json"])
def test_bots_playing_on_after_a_load_meet_the_same_match_as_without_it(level: str) -> None:
    """N more actions, dice, NPC phases and undo included, on the original and on its loaded copy."""
    original = Game.from_level(level, seed=3).match
    rng = random.Random(3)
    bot = make_bot("random")
    for _ in range(40):
        apply(original, bot.choose(original, original.seat, rng))
    loaded = match_from_text(save_to_text(original))
    assert loaded.undoable == original.undoable
    if can_undo(original):
        apply(original, Undo())
        apply(loaded, Undo())
    bots = {id(m): (make_bot("bandwagoner:easy"), make_bot("greedy"), random.Random(9)) for m in (original, loaded)}
    for _ in range(60):
        for m in (original, loaded):
            if current_seat(m) is not None:
                first, second, dice = bots[id(m)]
                apply(m, (first, second)[m.seat].choose(m, m.seat, dice))
    assert state_hash(loaded) == state_hash(original)
    assert [e.text for e in loaded.events] == [e.text for e in original.events]
    assert loaded.log == original.log and loaded.history == original.history


def test_undo_after_a_load_takes_back_the_same_action_as_before_it() -> None:
    game = Game.from_level("july_1914.json", seed=4)
    game.act(
        Recruit(nation="germany", territory="berlin", amount=1), Recruit(nation="germany", territory="berlin", amount=2)
    )
    loaded = Game(match_from_text(save_to_text(game.match)))
    for g in (game, loaded):
        g.act(Undo())
    assert loaded.hash == game.hash
    assert (
        loaded.match.log
        == game.match.log
        == [{"kind": "recruit", "nation": "germany", "territory": "berlin", "amount": 1}]
    )
    for g in (game, loaded):
        g.act(Undo())
    assert not can_undo(loaded.match) and loaded.hash == game.hash


def test_a_fresh_match_round_trips_through_text() -> None:
    game = Game.from_level("july_1914.json", seed=2)
    assert state_hash(match_from_text(save_to_text(game.match))) == game.hash


def test_a_save_tells_the_load_menu_what_it_holds(tmp_path: Path) -> None:
    game = a_match_under_way()
    game.match.controllers = ("human", "bandwagoner:hard")
    path = tmp_path / "save.json"
    save_match(game.match, path)
    info = read_info(path)
    summary = info.summary
    assert (summary.title, summary.round, summary.seat, summary.round_limit) == ("July 1914 (test fixture)", 2, 0, 20)
    assert summary.seats == ["Central Powers", "Entente"]
    assert info.controllers == ("human", "bandwagoner:hard")
    assert read_summary(path) == summary


# -- Loading uses the snapshot ------------------------------------------------------------


def long_match() -> Game:
    """A generated map of 114 territories played by random bots until a side falls (round 14)."""
    game = Game(new_match(generate_level(7, 40, 30, 8), seed=5))
    bot, rng = make_bot("random"), random.Random(5)
    while current_seat(game.match) is not None and game.match.round <= 25:
        game.act(bot.choose(game.match, game.match.seat, rng))
    return game


def test_loading_copies_the_snapshot_instead_of_replaying_the_log(tmp_path: Path, mocker: MockerFixture) -> None:
    game = long_match()
    path = tmp_path / "save.json"
    save_match(game.match, path)
    replayed = mocker.patch("game.io.saves.apply", side_effect=AssertionError("loading replayed an action"))
    assert state_hash(load_match(path)) == game.hash
    assert replayed.call_count == 0


# -- Trust: the hash covers everything ------------------------------------------------------

EDITS = {
    "the round limit": (("level", "round_limit"), 99),
    "the hegemony share": (("level", "hegemony_share"), 0.51),
    "a terrain": (("level", "territories", 0, "terrain"), "mountains"),
    "a nation's start": (("level", "nations", 0, "treasury"), 9000),
    "the seed": (("seed",), 12),
    "a seat's player": (("controllers", 1), "greedy"),
    "an action": (("actions", 0, "amount"), 2),
    "the snapshot": (("snapshot", "treasury", "germany"), 9000),
    "the chronicle": (("events", 0, "text"), "Nothing happened."),
    "the charts' history": (("history", 0, "round"), 7),
    "the summary": (("summary", "round"), 9),
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_a_save_edited_anywhere_is_refused_as_damaged(tmp_path: Path, edit: str) -> None:
    where, value = EDITS[edit]
    data = saved_data(a_match_under_way())
    spot: Any = data
    for key in where[:-1]:
        spot = spot[key]
    assert spot[where[-1]] != value
    spot[where[-1]] = value
    path = tmp_path / "save.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"save\.json: damaged save: its content does not match its hash"):
        load_match(path)
    with pytest.raises(SaveError, match="does not match its hash"):
        read_summary(path)  # the Load screen lists it as damaged before anyone tries it


def test_a_truncated_save_is_refused_as_damaged(tmp_path: Path) -> None:
    text = save_to_text(a_match_under_way().match)
    path = tmp_path / "save.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(SaveError, match=r"save\.json: damaged save \(bad JSON at line \d+, column \d+\)"):
        load_match(path)


def test_a_save_with_something_that_is_not_an_action_names_the_action() -> None:
    data = saved_data(a_match_under_way())
    data["actions"][2] = {"kind": "surrender"}
    with pytest.raises(SaveError, match="damaged save: action 3 is not a valid action"):
        match_from_text(rehashed(data), "save.json")


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("owner", "berlin"), "atlantis", r"snapshot\.owner: unknown nation 'atlantis'"),
        (("forces", "paris"), {"atlantis": 3}, r"snapshot\.forces\.paris: unknown nation 'atlantis'"),
        (("treasury", "germany"), "lots", r"snapshot\.treasury\.germany: input should be a valid integer"),
        (("stability", "germany"), 250, r"snapshot\.stability\.germany: input should be less than or equal to 100"),
        (("rng",), [3, [1, 2, 3], None], r"snapshot\.rng: not the state of the match's dice"),
        (("seat",), 1, r"snapshot\.seat: turn 5 is not seat 2's"),
        (("next_id",), 0, r"snapshot\.next_id: 0 is not above the ids already given"),
    ],
    ids=["unknown owner", "unknown army", "a word for a number", "out of range", "broken dice", "wrong seat", "ids"],
)
def test_a_hashed_but_impossible_snapshot_is_refused_with_where_and_what(
    where: tuple[str, ...], value: Any, message: str
) -> None:
    data = saved_data(a_match_under_way())
    spot: Any = data["snapshot"]
    for key in where[:-1]:
        spot = spot[key]
    spot[where[-1]] = value
    with pytest.raises(SaveError, match=r"save\.json: damaged save: " + message):
        match_from_text(rehashed(data), "save.json")


def test_a_huge_hostile_save_is_refused_quickly_and_clearly(tmp_path: Path) -> None:
    data = saved_data(a_match_under_way())
    data["snapshot"]["forces"]["paris"] = {f"n{i}": 1 for i in range(300_000)}  # ~5 MB of armies nobody has
    path = tmp_path / "save.json"
    path.write_text(rehashed(data), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(SaveError, match=r"snapshot\.forces\.paris: unknown nation 'n0'"):
        load_match(path)
    assert time.perf_counter() - started < 10


# -- Who plays ------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["skynet", "bandwagoner:godlike", "", 7])
def test_a_save_naming_a_player_the_game_does_not_have_is_refused_before_it_opens(tmp_path: Path, bad: Any) -> None:
    data = saved_data(a_match_under_way())
    data["controllers"] = ["human", bad]
    path = tmp_path / "save.json"
    path.write_text(rehashed(data), encoding="utf-8")  # the hash holds: the check is of its own
    for reader in (load_match, read_summary):
        with pytest.raises(SaveError) as caught:
            reader(path)
        message = str(caught.value)
        assert message.startswith(f"{path}: controllers[1]: ")
        assert "human or a bot: random, greedy, bandwagoner" in message


def test_an_old_save_naming_an_unknown_bot_is_refused_too(tmp_path: Path, fixtures_dir: Path) -> None:
    data = json.loads((fixtures_dir / "saves" / "format3.json").read_text(encoding="utf-8"))
    data["controllers"] = ["human", "skynet"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"controllers\[1\]: seat 2 is played by 'skynet', which is no player"):
        load_match(path)


# -- Formats --------------------------------------------------------------------------------


def test_a_save_from_a_newer_version_of_the_game_is_refused_with_a_reason(tmp_path: Path) -> None:
    data = saved_data(a_match_under_way())
    data["format_version"] = SAVE_FORMAT + 1
    path = tmp_path / "save.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=f"save format {SAVE_FORMAT + 1} is newer than this game understands"):
        load_match(path)


@pytest.mark.parametrize("version", [0, -1, "4", None, 2.5])
def test_a_save_with_an_unknown_format_is_not_called_newer(version: Any) -> None:
    data = saved_data(a_match_under_way())
    data["format_version"] = version
    with pytest.raises(SaveError) as caught:
        match_from_text(json.dumps(data), "save.json")
    assert "newer" not in str(caught.value)
    assert f"save format {version!r} is not one this game can read (it reads 1 to {SAVE_FORMAT})" in str(caught.value)


def test_a_missing_save_is_a_save_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="no such file"):
        load_match(tmp_path / "nowhere.json")


# -- Older formats are upgraded -------------------------------------------------------------


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_save_is_upgraded_on_load_and_plays_on(tmp_path: Path, fixtures_dir: Path, version: int) -> None:
    fixture = fixtures_dir / "saves" / f"format{version}.json"
    old = json.loads(fixture.read_text(encoding="utf-8"))
    assert old["format_version"] == version
    before = fixture.read_bytes()
    loaded = load_save(fixture)
    match = loaded.match
    assert loaded.format_version == version
    assert loaded.note is not None and f"from save format {version}" in loaded.note
    assert match.level.title == old["summary"]["title"] and match.seed == old["seed"]
    assert match.controllers == tuple(old["controllers"])
    assert len(match.log) + len(loaded.skipped) == len(old["actions"])
    assert len(loaded.skipped) <= 3, loaded.skipped  # nearly every old action still stands
    bot, rng = make_bot("random"), random.Random(1)
    played = 0
    while played < 12 and current_seat(match) is not None:  # playable: more actions under today's rules
        apply(match, bot.choose(match, match.seat, rng))
        played += 1
    assert played >= 3
    assert fixture.read_bytes() == before  # the old file is left as it was...
    path = tmp_path / "upgraded.json"
    save_match(match, path)  # ...and the next save writes today's format
    assert json.loads(path.read_text(encoding="utf-8"))["format_version"] == SAVE_FORMAT
    assert state_hash(load_match(path)) == state_hash(match)
    assert verify_save(path).ok


def test_a_format_1_save_keeps_seat_1_opening_every_round(fixtures_dir: Path) -> None:
    # Format 1 was played before the opening seat alternated: the old turns stay each seat's own.
    match = load_match(fixtures_dir / "saves" / "format1.json")
    assert match.level.turn_order == "seat1_first"
    assert match.round == 4


def test_an_old_save_gets_the_same_match_id_each_time_it_loads(fixtures_dir: Path) -> None:
    first = load_match(fixtures_dir / "saves" / "format2.json")
    second = load_match(fixtures_dir / "saves" / "format2.json")
    assert first.match_id == second.match_id is not None  # one autosave for it, however often it is loaded
    assert read_info(fixtures_dir / "saves" / "format2.json").match_id == first.match_id


def test_an_older_save_lists_with_its_summary_and_format(fixtures_dir: Path) -> None:
    info = read_info(fixtures_dir / "saves" / "format1.json")
    assert (info.format_version, info.summary.title, info.summary.round) == (1, "The Narrow Sea", 4)
    assert info.summary.seats == ["Sweden", "Russia"] and info.summary.round_limit == 15


# -- alliances verify -----------------------------------------------------------------------


def test_verify_replays_the_log_and_agrees_with_a_good_save(tmp_path: Path) -> None:
    path = tmp_path / "save.json"
    save_match(a_match_under_way().match, path)
    verdict = verify_save(path)
    assert verdict.ok and verdict.text == f"{path}: ok: 7 actions replay to the saved snapshot (round 2)"


def test_verify_finds_a_snapshot_the_actions_do_not_lead_to(tmp_path: Path) -> None:
    data = saved_data(a_match_under_way())
    data["snapshot"]["treasury"]["germany"] += 50
    path = tmp_path / "save.json"
    path.write_text(rehashed(data), encoding="utf-8")
    assert load_match(path).treasury["germany"] == data["snapshot"]["treasury"]["germany"]  # the hash holds...
    verdict = verify_save(path)  # ...but the moves do not lead there
    assert not verdict.ok
    assert verdict.text == f"{path}: MISMATCH: replaying the 7 actions does not reach the saved snapshot " + (
        "(first difference: treasury)"
    )


def test_verify_names_an_action_that_does_not_replay(tmp_path: Path) -> None:
    data = saved_data(a_match_under_way())
    data["actions"][1]["amount"] = 99
    path = tmp_path / "save.json"
    path.write_text(rehashed(data), encoding="utf-8")
    verdict = verify_save(path)
    assert not verdict.ok and "MISMATCH: action 2 of 7 does not replay" in verdict.text


# -- Writing --------------------------------------------------------------------------------


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


def test_an_old_save_whose_actions_mostly_no_longer_stand_is_refused_quickly(fixtures_dir: Path) -> None:
    data = json.loads((fixtures_dir / "saves" / "format3.json").read_text(encoding="utf-8"))
    refused = {"kind": "recruit", "nation": "sweden", "territory": "moscow", "amount": 1}  # never legal here
    data["actions"] = data["actions"][:5] + [refused] * 200_000
    started = time.perf_counter()
    with pytest.raises(SaveError, match=r"cannot be brought up to date: more than 100 of its actions no longer stand"):
        match_from_text(json.dumps(data), "old.json")
    assert time.perf_counter() - started < 10
