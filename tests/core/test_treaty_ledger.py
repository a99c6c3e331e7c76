"""Allies, alliances and enemies kept beside the treaties (game/core/treaty_ledger.py) are what a scan gives.

Every doctrine and bot asks "allied?", "whose alliances?" and "at war with whom?" thousands of
times a turn, and reads a kept answer. If a write reached the treaties behind the book's back,
a nation would fight beside an ally it no longer has. The golden playthroughs check this after
every action (tests/core/test_ledger.py calls :func:`rescan_relations`); these tests make the
writes a test or a load makes by hand.
"""

from __future__ import annotations

import pytest

from game.core import Match, new_match
from game.core import world as w
from game.core.state import AllianceState
from game.io.levels import load_level
from tests.golden.playthrough import ROOT


def rescan_relations(m: Match) -> None:
    """The definitions the kept answers stand for, by a scan of every alliance and war."""
    nations = list(m.index.nation_name)
    for a in nations:
        mine = [al for al in m.alliances.values() if a in al.members]
        assert list(w.alliances_of(m, a)) == mine, a
        assert w.enemies(m, a) == sorted(o for war in m.wars if a in war for o in war if o != a), a
        for b in nations:
            shared = [al for al in mine if b in al.members]
            assert w.shared_alliances(m, a, b) == shared, (a, b)
            assert w.allied(m, a, b) == (a == b or bool(shared)), (a, b)


@pytest.fixture
def m() -> Match:
    return new_match(load_level(ROOT / "levels" / "continent.json"), seed=1)


def test_members_changed_in_place_are_seen(m: Match) -> None:
    alliance = next(iter(m.alliances.values()))
    outsider = next(n for n in m.index.nation_name if n not in alliance.members)
    assert not w.allied(m, alliance.members[0], outsider)
    alliance.members.append(outsider)
    assert w.allied(m, alliance.members[0], outsider)
    rescan_relations(m)
    alliance.members.remove(outsider)
    assert not w.allied(m, alliance.members[0], outsider)
    alliance.members += [outsider]
    rescan_relations(m)
    del alliance.members[-1]
    rescan_relations(m)
    alliance.members = [alliance.members[0], outsider]  # a new list handed in
    assert w.allied(m, alliance.members[0], outsider)
    rescan_relations(m)


def test_alliances_added_removed_or_replaced_wholesale_are_seen(m: Match) -> None:
    a, b = "serbia", "bulgaria"
    m.alliances["balkan"] = AllianceState("balkan", "Balkan League", [a, b], True, 50)
    assert w.allied(m, a, b) and m.alliances["balkan"] in w.alliances_of(m, b)
    del m.alliances["balkan"]
    assert not w.allied(m, a, b)
    m.alliances = {"balkan": AllianceState("balkan", "Balkan League", [a, b], True, 50)}  # as a load does
    assert w.allied(m, a, b)
    rescan_relations(m)
    m.alliances.pop("balkan")
    rescan_relations(m)
    with pytest.raises(TypeError):
        m.alliances.update({})


def test_wars_added_ended_or_replaced_are_seen(m: Match) -> None:
    m.wars.add(frozenset(("serbia", "bulgaria")))
    assert "bulgaria" in w.enemies(m, "serbia")
    m.wars.discard(frozenset(("serbia", "bulgaria")))
    assert "bulgaria" not in w.enemies(m, "serbia")
    m.wars = {frozenset(("serbia", "bulgaria"))}
    assert w.enemies(m, "bulgaria") == ["serbia"]
    rescan_relations(m)
    with pytest.raises(TypeError):
        m.wars |= {frozenset(("serbia", "greece"))}


def test_a_clone_keeps_its_own_book(m: Match) -> None:
    copy = m.clone()
    alliance = next(iter(copy.alliances.values()))
    outsider = next(n for n in copy.index.nation_name if n not in alliance.members)
    alliance.members.append(outsider)
    copy.wars.add(frozenset((alliance.members[0], outsider)))
    assert w.allied(copy, alliance.members[0], outsider) and not w.allied(m, alliance.members[0], outsider)
    rescan_relations(m)
    rescan_relations(copy)
