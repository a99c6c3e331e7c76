"""Calls to arms: an aggressor asks its allies into its war, and the reckless ally who starts one.

The stage is tests/worlds.py's crossroads: W1 W2 | N1 N2 | E2 E1, West (seat 1) on the left,
East (seat 2) on the right, Middle, a nation of the rules, between them and allied to West.
"""

from __future__ import annotations

from typing import Any

from game.core import legal_actions
from game.core.actions import AnswerCall, Attack, CallToArms, EndTurn, HonourDuty, LeaveTreaty
from game.core.state import AllianceState
from tests.builder import Game, level_of
from tests.worlds import crossroads

WESTERN = [{"id": "western", "name": "Western Pact", "members": ["west", "middle"], "cohesion": 50}]


def world(doctrine: str = "bandwagoner", **setup: Any) -> Game:
    return Game.from_level(level_of(crossroads(doctrine, alliances=WESTERN, **setup)))


def west_at_war_with_east(game: Game, troops: int = 6) -> None:
    """West marches through its ally's land and attacks East: West is the aggressor."""
    game.give_forces("n2", west=troops)
    game.act(Attack(nation="west", source="n2", target="e2", amount=troops))


def test_an_aggressor_may_call_its_ally_and_the_call_waits_for_the_npc_phase() -> None:
    game = world()
    west_at_war_with_east(game)
    events = game.act(CallToArms(nation="west", to="middle", enemy="east"))
    made = game.events_of("call_made", events)
    assert [e.text for e in made] == ["West calls on Middle to join its war on East, answer in the NPC phase."]
    assert list(game.match.calls.values())[0].ally == "middle"


def test_only_an_aggressor_calls_to_arms() -> None:
    game = world()
    game.end_turn()  # East's turn: East attacks West's ally Middle, so West is at war only if it honours
    game.give_forces("e2", east=8)
    game.act(Attack(nation="east", source="e2", target="n2", amount=8))
    game.end_turn()
    game.play_until_seat(0)
    duty = game.duty_of("west")
    game.act(HonourDuty(nation="west", duty=duty.id))
    reason = game.refused(CallToArms(nation="west", to="middle", enemy="east"))
    assert reason == "West is not waging a war of its own on East: only an aggressor calls to arms"


def test_a_bandwagoner_joins_the_stronger_sides_war_and_its_joining_is_a_declaration_of_its_own() -> None:
    game = world("bandwagoner", west=20, east=3)
    west_at_war_with_east(game)
    game.act(CallToArms(nation="west", to="middle", enemy="east"))
    events = game.end_turn()
    events += game.end_turn()  # East's turn, then the NPC phase
    answered = game.events_of("call_answered", events)
    assert [(e.joined, e.reason) for e in answered] == [
        (True, "West's side is the stronger, and it wants a share of the spoils")
    ]
    declared = [e for e in game.events_of("war_declared", events) if e.aggressor == "middle"]
    assert [e.target for e in declared] == ["east"]  # an aggressor in its own right


def test_a_balancer_will_not_help_the_stronger_side() -> None:
    game = world("balancer", west=20, east=3)
    west_at_war_with_east(game)
    game.act(CallToArms(nation="west", to="middle", enemy="east"))
    credibility = game.match.credibility["middle"]
    cohesion = game.match.alliances["western"].cohesion
    game.end_turn()
    events = game.end_turn()
    answered = game.events_of("call_answered", events)
    assert [(e.joined, e.reason) for e in answered] == [
        (False, "West's side is already the stronger, and must not grow stronger still")
    ]
    assert game.match.credibility["middle"] == credibility  # no treaty obliged it
    assert game.match.alliances["western"].cohesion < cohesion  # but West fears abandonment


def reckless_world(**setup: Any) -> Game:
    level = crossroads("bandwagoner", alliances=WESTERN, **setup)
    middle = next(n for n in level["nations"] if n["id"] == "middle")
    middle["claims"] = ["e2"]
    return Game.from_level(level_of(level))


def test_a_reckless_ally_starts_a_war_for_its_claim_and_calls_its_seat_ally_in() -> None:
    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    events = game.end_turn()  # East ends its turn: the NPC phase
    assert any(e.aggressor == "middle" and e.target == "east" for e in game.events_of("war_declared", events))
    made = game.events_of("call_made", events)
    assert [(e.caller, e.ally, e.enemy) for e in made] == [("middle", "west", "east")]
    assert made[0].reason == "it went to war for its claim on E2"
    # West's turn opens with the call waiting: join (entrapment) or refuse (abandonment).
    game.play_until_seat(0, at_least_one=False)
    call = next(iter(game.match.calls.values()))
    choices = [a for a in legal_actions(game.match, 0) if isinstance(a, AnswerCall)]
    assert {a.join for a in choices} == {True, False} and all(a.call == call.id for a in choices)


def test_a_call_left_unanswered_at_the_end_of_the_turn_counts_as_refused() -> None:
    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    game.end_turn()
    game.play_until_seat(0, at_least_one=False)
    cohesion = game.match.alliances["western"].cohesion
    events = game.act(EndTurn())
    expired = [e for e in game.events_of("call_answered", events) if e.expired]
    assert [e.text for e in expired] == ["West lets the call of Middle go unanswered and stays out of its war on East."]
    assert game.match.alliances["western"].cohesion < cohesion


def test_a_call_that_no_longer_stands_ends_with_a_sentence() -> None:
    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    game.end_turn()
    game.play_until_seat(0, at_least_one=False)
    events = game.act(LeaveTreaty(nation="west", treaty="western"))
    ended = [e for e in game.events_of("call_answered", events) if e.ended]
    assert [e.text for e in ended] == ["The call of Middle to West ends: West and Middle are no longer allies."]
    assert game.match.calls == {}


def test_a_timid_ally_does_not_start_a_war_it_could_lose() -> None:
    game = reckless_world(middle=2, east=12, west=3)
    game.end_turn()
    events = game.end_turn()
    assert not any(e.aggressor == "middle" for e in game.events_of("war_declared", events))


def test_joining_is_refused_when_the_ally_could_not_attack_the_enemy() -> None:
    game = world()
    west_at_war_with_east(game)
    game.match.alliances["eastern"] = AllianceState("eastern", "Eastern Pact", ["east", "middle"], True, 50)
    reason = game.refused(CallToArms(nation="west", to="middle", enemy="east"))
    assert reason == "Middle could not join: East is an ally of Middle: leave the alliance first"


def test_a_shipped_level_has_a_reckless_ally_that_can_drag_a_seat_in() -> None:
    from game.core import new_match
    from game.core import world as w
    from tests.conftest import LEVELS_DIR

    found = []
    for path in sorted(LEVELS_DIR.glob("*.json")):
        m = new_match(level_of(path))
        for nation, claims in m.index.claims.items():
            seat_allies = {n for al in w.alliances_of(m, nation) for n in al.members if n in m.seat_of}
            if claims and w.is_npc(m, nation) and seat_allies:
                found.append((path.name, nation))
    assert ("continent.json", "bulgaria") in found


def test_1914_a_reckless_austria_hungary_attacks_serbia_and_its_call_reaches_germanys_seat() -> None:
    # tests/fixtures/sarajevo_1914.json: Austria-Hungary is a nation of the rules claiming Belgrade,
    # in the Triple Alliance with Germany (a seat) and Italy; Russia guarantees Serbia.
    game = Game.from_level("sarajevo_1914.json")
    events = game.end_turn() + game.end_turn()  # both seats end their first turn: the NPC phase
    declared = [(e.aggressor, e.target) for e in game.events_of("war_declared", events)]
    assert declared[0] == ("austria", "serbia")
    assert [(d.nation, d.aggressor) for d in game.duties_of("russia")][:1] == [("russia", "austria")]
    called = [(e.caller, e.ally) for e in game.events_of("call_made", events)]
    assert ("austria", "germany") in called
    game.play_until_seat(0, at_least_one=False)
    assert [c.ally for c in game.match.calls.values()] == ["germany"]  # Germany answers on its own turn
