"""Before a player courts a nation nobody plays, the core says how its doctrine would answer today.

The forecast asks the very questions the round's end asks (does the offer still stand, what
does the doctrine say) on a private copy: the match, its offers and its dice stay as they were,
and when the round ends on an unchanged world the real answer is the one forecast.
"""

from __future__ import annotations

from game.core import forecast, forecast_offer, state_hash
from game.core.actions import ProposeAlliance, ProposePact, ProposePeace, Recruit
from tests.core.test_npc_offers import answers, crossroads_game


def test_a_bandwagoner_would_join_the_stronger_seat_and_says_why_without_anything_changing() -> None:
    game = crossroads_game("bandwagoner", west=12, east=2)
    before = state_hash(game.match), game.match.rng.getstate()
    seen = forecast(game.match, ProposeAlliance(nation="west", to="middle", name="West Accord"))
    assert seen is not None
    assert (seen.nation, seen.accept) == ("middle", True)
    assert seen.reason == "West is the stronger side, and opposing it would cost more than it gains"
    assert (state_hash(game.match), game.match.rng.getstate()) == before
    assert game.match.offers == {}


def test_the_weaker_seat_is_told_the_bandwagoner_would_refuse() -> None:
    game = crossroads_game("bandwagoner", west=2, east=12)
    seen = forecast(game.match, ProposeAlliance(nation="west", to="middle", name="West Accord"))
    assert seen is not None and not seen.accept
    assert "East" in seen.reason


def test_the_answer_at_the_round_end_is_the_one_forecast_for_the_offer_waiting() -> None:
    game = crossroads_game("balancer", west=2, east=12)
    game.act(ProposeAlliance(nation="west", to="middle", name="West Accord"))
    [offer] = game.match.offers.values()
    seen = forecast_offer(game.match, offer)
    assert seen is not None and seen.accept
    events = game.end_turn()
    events += game.end_turn()
    [answer] = answers(events)
    assert answer.text == f"Middle accepts the alliance offered by West: {seen.reason}."


def test_no_forecast_for_an_offer_the_rules_refuse_or_a_nation_a_player_answers() -> None:
    game = crossroads_game("balancer")
    assert forecast(game.match, ProposePeace(nation="west", to="middle")) is None  # no war to end
    assert forecast(game.match, ProposePact(nation="west", to="east")) is None  # East's player answers
    assert forecast(game.match, Recruit(nation="west", territory="w1", amount=1)) is None


def test_a_neutral_would_sign_a_pact_but_join_no_alliance() -> None:
    game = crossroads_game("neutral")
    pact = forecast(game.match, ProposePact(nation="west", to="middle"))
    alliance = forecast(game.match, ProposeAlliance(nation="west", to="middle", name="West Accord"))
    assert pact is not None and pact.accept and pact.reason == "it wants no part in anyone's war"
    assert alliance is not None and not alliance.accept
