"""The ledger's totals, the victory points read from them, and the allies and enemies kept beside
the treaties are what a full recount of the map and the treaties gives.

Power, income, land and where troops stand are read from totals kept as the map changes
(game/core/ledger.py). If one function changed the map behind the ledger's back, a doctrine
would weigh a nation by troops it no longer has: these tests recount the whole map after each
action of the 63 golden playthroughs, and after writes a test might make by hand.
"""

from __future__ import annotations

import pytest

from game.ai import make_bot
from game.ai.arena import play_match
from game.core import Match, apply, new_match, parse_action, rules, victory
from game.core import world as w
from game.io.levels import load_level
from tests.core.test_treaty_ledger import rescan_relations
from tests.golden.playthrough import LEVELS, MATCHES, ROOT


def scanned_points(m: Match) -> tuple[list[float], list[float], float]:
    """Victory points by a scan of the whole map, the definition point_split reads from the ledger."""
    held = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    weight: list[dict[str, float]] = [{}, {}]
    for alliance in m.alliances.values():
        for seat in (0, 1):
            if any(m.seat_of.get(n) == seat for n in alliance.members):
                for n in alliance.members:
                    if n not in m.seat_of:
                        weight[seat][n] = max(weight[seat].get(n, 0.0), alliance.cohesion / 100.0)
    total = 0.0
    for territory, owner in m.owner.items():
        value = m.index.value[territory]
        total += value
        seat = m.seat_of.get(owner)
        if seat is not None:
            held[seat][0 if m.seat_of.get(m.index.first_owner[territory]) == seat else 1] += value
        else:
            for s in (0, 1):
                held[s][2] += value * weight[s].get(owner, 0.0)
    return held[0], held[1], total


def recount(m: Match) -> None:
    first, second, total = victory.point_split(m)
    assert ([first.own, first.captured, first.allies], [second.own, second.captured, second.allies], total) == (
        scanned_points(m)
    )
    for nation in m.index.nation_name:
        land = [t for t, owner in m.owner.items() if owner == nation]
        assert w.territories_of(m, nation) == land, nation
        assert w.total_forces(m, nation) == sum(f.get(nation, 0) for f in m.forces.values()), nation
        bonus = rules.CAPITAL_INCOME_BONUS if w.capital_held(m, nation) else 0
        assert w.income(m, nation) == sum(m.index.value[t] for t in land) + bonus, nation
        adjacent = m.index.geography.adjacent
        rim = {o for t in land for o in adjacent[t] if m.owner[o] != nation}
        assert m.owner.rim(nation, adjacent) == rim, nation
        assert w.posts_of(m, nation) == [t for t, f in m.forces.items() if f.get(nation, 0) > 0], nation
    rescan_relations(m)


@pytest.mark.parametrize("level", LEVELS)
def test_every_golden_action_leaves_totals_a_recount_agrees_with(level: str) -> None:
    loaded = load_level(ROOT / level)
    for a, b, seed in MATCHES:
        played, _ = play_match(loaded, (make_bot(a), make_bot(b)), seed)
        m = new_match(loaded, seed, controllers=played.controllers)
        recount(m)
        for entry in played.log:
            apply(m, parse_action(entry))
            recount(m)
            recount(m.clone())


def test_stacks_written_by_hand_are_counted() -> None:
    m = new_match(load_level(ROOT / "levels" / "tutorial.json"), seed=1)
    some = next(iter(m.forces))
    m.forces[some]["sweden"] = 7
    m.forces[some]["sweden"] = 3
    m.forces[some].pop("sweden")
    m.forces[some] = {"russia": 4}
    m.owner[some] = "russia"
    recount(m)
    m.forces = {t: dict(f) for t, f in m.forces.items()}  # replaced wholesale, as a load does
    m.owner = dict(m.owner)
    recount(m)
    with pytest.raises(TypeError):
        m.forces[some].update({"russia": 1})
