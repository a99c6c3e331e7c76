"""Doctrines at the edges: parity, reasons true of the numbers, cohesion that moves a threshold.

Each test is a hand-built world (tests/worlds.py) with the choice alliance theory expects and
the one sentence the chronicle gives for it. Power is troops plus twice the income; West and
East have the same land (income 8), so the troops in their capitals decide who is stronger:
with ``west=8, east=8`` both weigh 24. Middle's income is 6; Wessex, beyond West, has 5.
"""

from __future__ import annotations

import pytest

from game.core import world as w
from game.core.doctrines import (
    decide_call,
    decide_duty,
    menace,
    threat,
    threat_of,
    war_balance,
)
from game.core.state import Call, Match
from tests.core.test_doctrines import answer, duty_for_middle, match_of, pact_with_west


def decided(m: Match, aggressor: str = "east", target: str = "west", treaty: str = "pact") -> tuple[bool, str]:
    decision = decide_duty(m, duty_for_middle(m, aggressor, target, treaty))
    return decision.yes, decision.reason


def western_league(cohesion: int = 50) -> list[dict[str, object]]:
    """West, Middle and Wessex in one alliance."""
    return [{"id": "pact", "name": "Western League", "members": ["west", "middle", "wessex"], "cohesion": cohesion}]


# -- Parity: every doctrine answers "evenly matched", the same way for a side and for a duty --------


def test_a_balancer_joins_neither_of_two_evenly_matched_sides() -> None:
    m = match_of("balancer", west=8, east=8)
    assert w.power(m, "west") == w.power(m, "east")
    assert answer(m, "west") == (False, "West and East are evenly matched, and it will not tip the balance")
    assert answer(m, "east") == (False, "East and West are evenly matched, and it will not tip the balance")


def test_a_balancer_answers_a_duty_at_parity_as_it_answers_a_side_at_parity() -> None:
    m = match_of("balancer", west=8, east=8, alliances=pact_with_west(50))
    assert w.power(m, "west") == w.power(m, "east")
    assert decided(m) == (False, "West would be evenly matched with East without it")


def test_a_threat_balancer_joins_neither_of_two_sides_that_threaten_it_equally() -> None:
    m = match_of("threat_balancer", west=8, east=8)
    assert threat(m, "middle", 0) == threat(m, "middle", 1)
    assert answer(m, "west") == (False, "West and East threaten it equally")
    assert answer(m, "east") == (False, "East and West threaten it equally")


def test_a_threat_balancer_answers_a_duty_at_parity_as_it_answers_a_side_at_parity() -> None:
    m = match_of("threat_balancer", west=8, east=8, alliances=pact_with_west(50))
    assert threat(m, "middle", 0) == threat(m, "middle", 1)
    assert decided(m) == (False, "East threatens it as much as West does")


def test_a_bandwagoner_submits_to_neither_of_two_equal_sides() -> None:
    m = match_of("bandwagoner", west=8, east=8)
    assert menace(m, "middle", 0) == menace(m, "middle", 1)
    assert answer(m, "west") == (False, "West and East are evenly matched at its door: there is no side to submit to")
    assert answer(m, "east") == (False, "East and West are evenly matched at its door: there is no side to submit to")


def test_a_bandwagoner_submits_to_neither_side_when_one_is_only_slightly_the_stronger() -> None:
    m = match_of("bandwagoner", west=8, east=12)  # East is a sixth stronger: rough parity
    assert menace(m, "middle", 0) < menace(m, "middle", 1) < menace(m, "middle", 0) * 1.2
    assert answer(m, "west") == (False, "West and East are evenly matched at its door: there is no side to submit to")
    assert answer(m, "east") == (False, "East and West are evenly matched at its door: there is no side to submit to")


def test_a_bandwagoner_answers_a_duty_at_parity_as_it_answers_a_side_at_parity() -> None:
    # East (16 troops: 32) against West (2: 18) with Middle (2: 14) beside it: 32 each.
    m = match_of("bandwagoner", west=2, east=16, middle=2, alliances=pact_with_west(50))
    attacker, defender = war_balance(m, "east", "west", {"middle"})
    assert attacker == defender
    assert decided(m) == (False, "with it, West would only be evenly matched with East")


# -- The bandwagoner weighs its own strength ------------------------------------------------------


def test_a_bandwagoner_that_can_hold_its_own_does_not_submit_to_a_weak_neighbour() -> None:
    m = match_of("bandwagoner", west=2, east=6, middle=30)
    assert menace(m, "middle", 1) > menace(m, "middle", 0) * 1.2  # East is clearly the stronger side...
    assert w.power(m, "middle") > menace(m, "middle", 1)  # ...but Middle outweighs it alone
    assert answer(m, "east") == (False, "it can hold its own against East")


def test_a_weak_bandwagoner_still_submits_to_a_side_clearly_the_stronger() -> None:
    m = match_of("bandwagoner", west=2, east=12)
    assert answer(m, "east") == (True, "East is the stronger side, and opposing it would cost more than it gains")


# -- Reasons say what they count --------------------------------------------------------------------


def test_a_balancer_that_stays_out_says_it_counted_the_victims_allies() -> None:
    # West alone (18) could not hold East (28); West with Wessex (18 + 20) can.
    m = match_of("balancer", west=2, east=12, wessex=10, alliances=western_league(50))
    assert w.power(m, "west") < w.power(m, "east") < w.power(m, "west") + w.power(m, "wessex")
    assert decided(m) == (False, "West and its allies can hold East without it")


def test_a_balancer_whose_victim_stands_alone_says_so() -> None:
    m = match_of("balancer", west=12, east=8, alliances=pact_with_west(50))
    assert decided(m) == (False, "West can hold East without it")


def test_a_balancer_needed_by_a_victim_and_its_allies_says_what_it_counted() -> None:
    m = match_of("balancer", west=2, east=30, wessex=2, alliances=western_league(50))
    assert decided(m) == (True, "West and its allies cannot hold East without it")


# -- Cohesion moves the doctrine's threshold, never its reasoning -------------------------------


def test_a_balancer_of_a_close_alliance_honours_even_when_the_victim_is_somewhat_the_stronger() -> None:
    # West (28) outweighs East (24): the balancer alone would stay out; at cohesion 80 it comes.
    m = match_of("balancer", west=12, east=8, alliances=pact_with_west(80))
    assert decided(m) == (True, "West can hold East without it, but the alliance stands together")


def test_a_close_alliance_does_not_make_a_balancer_fight_for_a_victim_far_the_stronger() -> None:
    m = match_of("balancer", west=30, east=2, alliances=pact_with_west(100))
    assert decided(m) == (False, "West can hold East without it")


def test_a_balancer_of_a_hollow_alliance_wants_a_clearer_need() -> None:
    # East (20) outweighs West (18) a little: enough at cohesion 50, not at 20.
    loose = match_of("balancer", west=2, east=4, alliances=pact_with_west(50))
    hollow = match_of("balancer", west=2, east=4, alliances=pact_with_west(20))
    assert decided(loose) == (True, "West cannot hold East without it")
    assert decided(hollow) == (False, "West cannot hold East without it, but the alliance is too hollow to fight for")


def test_a_balancer_of_a_hollow_alliance_still_comes_when_the_need_is_clear() -> None:
    m = match_of("balancer", west=2, east=30, alliances=pact_with_west(20))
    assert w.power(m, "east") > 2 * w.power(m, "west")
    assert decided(m) == (True, "West cannot hold East without it")


def test_a_close_alliance_does_not_make_a_bandwagoner_join_a_hopeless_war() -> None:
    m = match_of("bandwagoner", west=2, east=40, alliances=pact_with_west(90))
    assert decided(m) == (False, "East would outweigh West even with it")


def test_a_close_alliance_tips_a_bandwagoner_into_a_war_that_is_nearly_even() -> None:
    m = match_of("bandwagoner", west=2, east=16, middle=2, alliances=pact_with_west(80))
    reason = "with it, West would only be evenly matched with East, but the alliance stands together"
    assert decided(m) == (True, reason)


def test_a_close_alliance_does_not_move_a_fragile_regime_to_fight_for_others() -> None:
    m = match_of("regime_seeker", stability=20, alliances=pact_with_west(90))
    m.aid_received["middle"] = {"east": [1]}
    assert decided(m) == (False, "its fragile regime cannot afford a war for others")


@pytest.mark.parametrize("cohesion", [5, 50, 100])
def test_where_cohesion_agrees_with_the_doctrine_the_reason_is_the_doctrines_alone(cohesion: int) -> None:
    m = match_of("threat_balancer", west=4, east=30, alliances=pact_with_west(cohesion))
    assert threat(m, "middle", 1) > 2 * threat(m, "middle", 0)  # a case even a hollow alliance fights for
    assert decided(m) == (True, "East is the greater threat")


# -- A guarantee is no alliance ------------------------------------------------------------------


def guarantor(west: int, east: int, credibility: int) -> Match:
    m = match_of("balancer", west=west, east=east, guarantees=[("middle", "west")])
    m.credibility["middle"] = credibility
    return m


def test_a_guarantor_keeps_its_word_where_its_doctrine_alone_would_stay_out() -> None:
    m = guarantor(west=12, east=8, credibility=90)
    reason = "West can hold East without it, but it keeps its word to West"
    assert decided(m, treaty="guarantee_middle_west") == (True, reason)


def test_a_guarantor_weighs_the_war_as_its_doctrine_does() -> None:
    assert decided(guarantor(west=2, east=12, credibility=60), treaty="guarantee_middle_west") == (
        True,
        "West cannot hold East without it",
    )
    assert decided(guarantor(west=12, east=8, credibility=50), treaty="guarantee_middle_west") == (
        False,
        "West can hold East without it",
    )


def test_a_guarantor_with_little_credibility_left_wants_a_clearer_need() -> None:
    m = guarantor(west=2, east=4, credibility=10)
    assert decided(m, treaty="guarantee_middle_west") == (
        False,
        "West cannot hold East without it, but it has little credibility left to lose",
    )


def test_a_guarantee_from_a_nation_of_no_side_is_accepted_with_an_accepting_reason() -> None:
    m = match_of("balancer", wessex=3)
    assert answer(m, "wessex", "guarantee") == (True, "protection is welcome")


# -- Peace counts both sides of the war --------------------------------------------------------


def at_war(m: Match, *pairs: tuple[str, str]) -> Match:
    for a, b in pairs:
        m.wars.add(frozenset((a, b)))
    return m


def test_a_nation_evenly_matched_with_its_enemy_makes_peace() -> None:
    m = at_war(match_of("balancer", middle=12, east=8), ("middle", "east"))
    assert w.power(m, "middle") == w.power(m, "east")
    assert answer(m, "east", "peace") == (True, "the two sides are evenly matched in troops and income")


def test_a_nation_stronger_than_its_enemy_but_not_than_its_enemys_side_makes_peace() -> None:
    # Middle (32) outweighs East (24), not East with Wessex (24 + 20), which fights it too.
    alliance = [{"id": "eastern", "name": "Eastern Pact", "members": ["east", "wessex"], "cohesion": 50}]
    m = match_of("balancer", middle=20, east=8, wessex=10, alliances=alliance)
    at_war(m, ("middle", "east"), ("middle", "wessex"))
    assert answer(m, "east", "peace") == (True, "the balance of troops and income favours East and its allies")


def test_a_nation_weaker_than_its_enemy_whose_allies_carry_the_war_fights_on() -> None:
    m = match_of("balancer", middle=2, west=20, east=8, alliances=pact_with_west(50))
    at_war(m, ("middle", "east"), ("west", "east"))
    assert w.power(m, "middle") < w.power(m, "east")
    assert answer(m, "east", "peace") == (False, "the balance of troops and income favours it and its allies")


def test_an_ally_at_peace_with_the_enemy_is_not_counted_in_the_war() -> None:
    m = match_of("balancer", middle=2, west=20, east=8, alliances=pact_with_west(50))
    at_war(m, ("middle", "east"))
    assert answer(m, "east", "peace") == (True, "the balance of troops and income favours East")


# -- Threat: an aggressor of no side, and the ideology of a whole bloc --------------------------------


def test_a_threat_balancer_weighs_an_aggressor_of_no_side_like_any_other() -> None:
    # Wessex, allied to nobody, attacks West; Middle, West's ally, fears West (near, strong) more.
    m = match_of("threat_balancer", west=12, wessex=2, alliances=pact_with_west(50))
    assert threat_of(m, "middle", ["wessex"]) < threat_of(m, "middle", ["west"])
    assert decided(m, aggressor="wessex") == (False, "Wessex threatens it less than West does")


def test_a_threat_balancer_fights_an_aggressor_of_no_side_that_is_the_greater_threat() -> None:
    m = match_of("threat_balancer", west=2, wessex=40, alliances=pact_with_west(50))
    assert decided(m, aggressor="wessex") == (True, "Wessex is the greater threat")


def test_an_alien_ally_is_not_discounted_by_its_leaders_kinship() -> None:
    # Middle is liberal like West; Wessex, West's ally, is authoritarian in one world, liberal in the other.
    league = [{"id": "league", "name": "League", "members": ["west", "wessex"], "cohesion": 50}]
    alien = match_of("threat_balancer", ideology="liberal", wessex=6, wessex_ideology="authoritarian", alliances=league)
    kin = match_of("threat_balancer", ideology="liberal", wessex=6, wessex_ideology="liberal", alliances=league)
    assert threat(alien, "middle", 0) > threat(kin, "middle", 0)


# -- Calls to arms answer parity and protectors as duties do -----------------------------------------


def called_by_west(m: Match, enemy: str = "east") -> tuple[bool, str]:
    decision = decide_call(m, Call(m.new_id(), "west", "middle", enemy, "pact", 1, 3))
    return decision.yes, decision.reason


def test_a_threat_balancer_called_to_a_war_between_two_sides_that_threaten_it_equally_stays_out() -> None:
    m = match_of("threat_balancer", west=8, east=8, alliances=pact_with_west(50))
    assert called_by_west(m) == (False, "East threatens it as much as West does")


def test_a_threat_balancer_called_against_an_enemy_of_no_side_weighs_it_like_any_other() -> None:
    m = match_of("threat_balancer", west=2, wessex=40, alliances=pact_with_west(50))
    assert called_by_west(m, enemy="wessex") == (True, "Wessex is the greater threat")


def test_a_regime_just_lifted_out_of_danger_answers_its_protectors_call() -> None:
    m = match_of("regime_seeker", stability=45, alliances=pact_with_west(50))
    m.aid_received["middle"] = {"west": [1]}
    assert called_by_west(m) == (True, "West's aid has just lifted its regime out of danger")
