"""The politics tally counts what the chronicle told: duties, calls to arms, NPC wars, widening wars."""

from __future__ import annotations

from game.ai.politics import table, tally
from tests.core.test_calls import reckless_world


def test_a_reckless_allys_war_and_its_call_are_counted() -> None:
    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    game.end_turn()  # the NPC phase: Middle strikes East for its claim and calls West in
    counts = tally(game.match.events, game.match.seat_of)
    assert counts["npc wars"] == 1
    assert counts["calls made"] == 1
    assert counts["wars of 3+"] == 0  # Middle and East only, so far


def test_joining_is_not_counted_as_a_war_of_ambition_and_widens_the_war() -> None:
    from game.core.actions import AnswerCall

    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    game.end_turn()
    game.play_until_seat(0, at_least_one=False)
    call = next(iter(game.match.calls.values()))
    game.act(AnswerCall(nation="west", call=call.id, join=True))
    counts = tally(game.match.events, game.match.seat_of)
    assert counts["npc wars"] == 1 and counts["calls joined"] == 1 and counts["wars of 3+"] == 1
    assert "calls to arms made" in table([counts])
