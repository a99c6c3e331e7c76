"""The relations table lists every war, truce, alliance, guarantee and pact, worst first."""

from __future__ import annotations

from game.core import relations
from game.core.actions import AnswerOffer, ProposePeace
from game.core.state import AllianceState
from tests.core.test_npc_offers import crossroads_game


def test_a_fresh_crossroads_has_no_relations() -> None:
    assert relations(crossroads_game("balancer").match) == []


def test_wars_come_first_then_alliances_guarantees_and_pacts() -> None:
    m = crossroads_game("balancer").match
    m.wars.add(frozenset(("east", "west")))
    m.alliances["a1"] = AllianceState("a1", "Middle League", ["middle", "west"], True, 60)
    m.guarantees["g1"] = ("east", "middle")
    m.pacts["p1"] = ("middle", "east")
    rows = relations(m)
    assert [(r.kind, r.nations) for r in rows] == [
        ("war", ("west", "east")),
        ("alliance", ("middle", "west")),
        ("guarantee", ("east", "middle")),
        ("pact", ("middle", "east")),  # Middle comes first in this level
    ]
    assert rows[1].treaty == "a1"


def test_a_truce_after_peace_counts_down_its_rounds_and_then_leaves_the_table() -> None:
    game = crossroads_game("balancer", west=12, east=2)
    game.match.wars.add(frozenset(("east", "west")))
    game.act(ProposePeace(nation="west", to="east"))
    game.end_turn()
    [offer] = game.match.offers.values()
    game.act(AnswerOffer(nation="east", offer=offer.id, accept=True))
    [truce] = [r for r in relations(game.match) if r.kind == "truce"]
    assert truce.nations == ("west", "east")
    assert truce.until_round is not None and truce.rounds_left == truce.until_round - game.match.round
    first = truce.rounds_left
    game.end_turn()
    game.end_turn()
    [later] = [r for r in relations(game.match) if r.kind == "truce"]
    assert later.rounds_left == first - 1
    while game.match.round < truce.until_round:
        game.end_turn()
    assert [r for r in relations(game.match) if r.kind == "truce"] == []
