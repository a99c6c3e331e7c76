"""A measure kept by game.core.memo is what working it out afresh gives, whatever changed since.

If a write escaped the stamp (a container that does not count its changes, a record the stamp
leaves out), a doctrine would answer from a map that no longer stands. These tests ask every
kept measure before each action of the golden playthroughs, apply the action, ask again (a
stale answer would be kept and returned) and compare with the answer worked out with nothing
kept.
"""

from __future__ import annotations

import pytest

from game.ai import make_bot
from game.ai.arena import play_match
from game.core import Match, apply, new_match, parse_action
from game.core.doctrines import measures
from game.io.levels import load_level
from tests.golden.playthrough import LEVELS, MATCHES, ROOT


def _asked(m: Match) -> list[object]:
    """Every kept measure of every nation still in the match, for both seats."""
    nations = [n for n in m.index.nation_name if n not in m.eliminated]
    found: list[object] = []
    for seat in (0, 1):
        group = measures.bloc(m, seat)
        found.append(group)
        for nation in nations:
            found += [measures.menace(m, nation, seat), measures.threat(m, nation, seat)]
            found.append(measures.threat_of(m, nation, reversed(group)))
    return found


def _fresh(m: Match) -> list[object]:
    m.measures = None
    return _asked(m)


@pytest.mark.parametrize("level", LEVELS)
def test_a_kept_measure_is_what_a_fresh_one_is_after_every_golden_action(level: str) -> None:
    loaded = load_level(ROOT / level)
    for a, b, seed in MATCHES[:2]:
        played, _ = play_match(loaded, (make_bot(a), make_bot(b)), seed)
        m = new_match(loaded, seed, controllers=played.controllers)
        for entry in played.log:
            _asked(m)  # kept, so that a change the stamp missed would be answered from the past
            apply(m, parse_action(entry))
            assert _asked(m) == _fresh(m), f"{level} seed {seed}, after {entry}"


def _continent() -> Match:
    return new_match(load_level(ROOT / "levels" / "continent.json"), seed=1)


def test_a_stack_or_an_owner_written_by_hand_is_seen() -> None:
    m = _continent()
    seat_nation = m.level.seats[0].nations[0]
    npc = next(n for n in m.index.nation_name if n not in m.seat_of)
    before = measures.menace(m, npc, 0)
    somewhere = next(iter(m.owner.territories_of(seat_nation)))
    m.forces[somewhere][seat_nation] = m.forces[somewhere].get(seat_nation, 0) + 50
    assert measures.menace(m, npc, 0) > before
    assert measures.menace(m, npc, 0) == _fresh_menace(m, npc, 0)
    m.owner[somewhere] = npc
    assert measures.menace(m, npc, 0) == _fresh_menace(m, npc, 0)


def test_a_map_replaced_wholesale_is_not_taken_for_the_old_one() -> None:
    m = _continent()
    npc = next(n for n in m.index.nation_name if n not in m.seat_of)
    measures.menace(m, npc, 0)
    counted = m.forces.version
    m.forces = {t: {n: s * 3 for n, s in stacks.items()} for t, stacks in m.forces.items()}
    m.forces.version = counted  # a new ledger's count may come to the old one's: the stamp must not be fooled
    assert measures.menace(m, npc, 0) == _fresh_menace(m, npc, 0)


def test_a_clone_keeps_nothing_and_its_changes_leave_the_original_alone() -> None:
    m = _continent()
    npc = next(n for n in m.index.nation_name if n not in m.seat_of)
    kept = measures.threat(m, npc, 1)
    copy = m.clone()
    assert copy.measures is None
    for territory in copy.owner.territories_of(copy.level.seats[1].nations[0]):
        copy.forces[territory][copy.level.seats[1].nations[0]] = 0
    assert measures.threat(copy, npc, 1) != kept
    assert measures.threat(m, npc, 1) == kept


def _fresh_menace(m: Match, nation: str, seat: int) -> float:
    m.measures = None
    return measures.menace(m, nation, seat)
