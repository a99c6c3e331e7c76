"""restore() is the inverse of snapshot(): a save loads by copying the state, so nothing may be left out."""

from __future__ import annotations

import dataclasses
import random

import pytest

from game.ai import make_bot
from game.core import Match, apply, current_seat, new_match, snapshot, state_hash
from game.core.restore import BadSnapshot, restore
from tests.builder import Game, level_of

# What a snapshot leaves out on purpose, and who brings each back when a save loads.
NOT_IN_A_SNAPSHOT = {
    "level": "the save's level",
    "index": "derived from the level",
    "seed": "the save's seed",
    "controllers": "the save's controllers",
    "seat_of": "derived from the level",
    "rng": "in the snapshot as 'rng'",
    "history": "the save's history (restore's argument)",
    "log": "the save's actions",
    "events": "the save's chronicle",
    "checkpoint": "the save's undo point",
    "undoable": "the save's undo point",
    "checkpoint_events": "the save's undo point (its events)",
    "match_id": "the save's match id",
    "measures": "nothing: a cache of the doctrines' measures, worked out afresh when asked",
}


def test_every_field_of_a_match_is_in_its_snapshot_or_brought_back_by_the_save() -> None:
    match = Game.from_level("july_1914.json").match
    fields = {f.name for f in dataclasses.fields(Match)}
    missing = fields - set(snapshot(match)) - set(NOT_IN_A_SNAPSHOT) - {"scopes", "calls"}
    assert missing == set(), f"a new Match field must be saved: add it to snapshot() and restore() ({missing})"


@pytest.mark.parametrize("level", ["july_1914.json", "danzig_1939.json", "sarajevo_1914.json"])
def test_a_restored_match_has_the_same_state_in_the_same_order(level: str) -> None:
    match = Game.from_level(level, seed=2).match
    bots, rng = (make_bot("greedy"), make_bot("random")), random.Random(2)
    for _ in range(80):
        if current_seat(match) is None:
            break
        apply(match, bots[match.seat].choose(match, match.seat, rng))
    copy = restore(match.level, match.seed, match.controllers, snapshot(match), match.history)
    assert state_hash(copy) == state_hash(match)
    # The rules walk some dicts in order (who stands in a territory): a copy must walk them alike.
    assert [list(f) for f in copy.forces.values()] == [list(f) for f in match.forces.values()]
    assert list(copy.alliances) == list(match.alliances) and list(copy.offers) == list(match.offers)
    assert copy.history == match.history


def test_an_impossible_snapshot_says_where_and_what() -> None:
    match = new_match(level_of("july_1914.json"), 1)
    data = snapshot(match)
    del data["owner"]["paris"]
    with pytest.raises(BadSnapshot, match=r"^snapshot\.owner: territory 'paris' is missing$"):
        restore(match.level, 1, match.controllers, data)
