"""A duty that ends unanswered says why, and a treaty never calls a nation against its own ally."""

from __future__ import annotations

from game.core.actions import Attack, ProposePeace
from tests.builder import Game
from tests.small_world import small_world
from tests.worlds import crossroads


def test_no_treaty_calls_a_nation_to_war_against_its_own_ally() -> None:
    # Middle guarantees West, but is allied to East: when East attacks West, the prior alliance wins.
    eastern = [{"id": "eastern", "name": "Eastern Pact", "members": ["east", "middle"], "cohesion": 50}]
    game = Game.from_level(crossroads("balancer", alliances=eastern, guarantees=[("middle", "west")]))
    game.end_turn()  # West's turn; East plays with troops standing in its ally's land
    game.give_forces("n1", east=6)
    events = game.act(Attack(nation="east", source="n1", target="w2", amount=6))
    assert game.duties_of("middle") == []
    void = game.events_of("duty_void", events)
    assert [e.text for e in void] == [
        "West is attacked by East, but the guarantee of West by Middle is void against Middle's own ally: "
        "it owes West no war."
    ]
    assert void[0].treaty == "guarantee_middle_west"


def test_a_duty_ended_by_peace_says_so_and_costs_its_holder_nothing() -> None:
    game = Game.from_level(small_world())
    game.end_turn()  # France's turn ends: Germany to play
    game.give_forces("berlin", germany=30).give_forces("alsace", germany=2)
    game.give_forces("brussels", france=0, belgium=8)  # no French troops there: no tripwire
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    assert [d.target for d in game.duties_of("france")] == ["belgium"]
    game.act(ProposePeace(nation="germany", to="belgium"))
    events = game.end_turn()  # Belgium, weaker, accepts in the NPC phase
    assert game.duties_of("france") == []
    assert "France's duty to Belgium ends: Belgium has made peace with Germany." in [
        e.text for e in game.events_of("duty_ended", events)
    ]
    assert game.match.buck_passed.get("france", 0) == 0


def test_a_duty_outlives_the_fall_of_the_nation_it_protects() -> None:
    game = Game.from_level(small_world())
    game.end_turn()
    game.give_forces("alsace", germany=6).give_forces("brussels", france=0, belgium=1)
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=6))
    assert "belgium" in game.match.eliminated
    assert [d.target for d in game.duties_of("france")] == ["belgium"]
