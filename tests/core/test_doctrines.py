"""NPC doctrines: each chooses the side alliance theory says it should, and says why in one sentence.

West (seat 1, liberal) and East (seat 2, authoritarian) court a nation nobody plays that
sits between them (see tests/worlds.py). Power is troops plus twice the income; both
seats have the same land, so the troops in each capital decide who is stronger.
"""

from __future__ import annotations

import random

from game.core import Match, apply, new_match
from game.core import world as w
from game.core.actions import EndTurn
from game.core.doctrines import (
    Decision,
    Initiative,
    coalition_power,
    decide_duty,
    decide_offer,
    initiatives,
    menace,
    proximity,
    rank_suitors,
    threat,
)
from game.core.state import Duty, Offer
from tests.builder import level_of
from tests.worlds import crossroads


def match_of(doctrine: str, **setup: object) -> Match:
    return new_match(level_of(crossroads(doctrine, **setup)), seed=1)  # type: ignore[arg-type]


def alliance_offer(m: Match, sender: str) -> Offer:
    return Offer(m.new_id(), "alliance", sender, "middle", 0, name=f"{sender} treaty")


def answer(m: Match, sender: str, kind: str = "alliance") -> tuple[bool, str]:
    offer = Offer(m.new_id(), kind, sender, "middle", 0, name="A treaty")  # type: ignore[arg-type]
    decision = decide_offer(m, offer)
    return decision.yes, decision.reason


def duty_for_middle(m: Match, aggressor: str = "east", target: str = "west", treaty: str = "pact") -> Duty:
    return Duty(
        id=m.new_id(), nation="middle", aggressor=aggressor, target=target, treaty=treaty, raised_turn=1, deadline=3
    )


def pact_with_west(cohesion: int) -> list[dict[str, object]]:
    return [{"id": "pact", "name": "Western Pact", "members": ["west", "middle"], "cohesion": cohesion}]


# -- Balancer (Waltz) ---------------------------------------------------------------------


def test_a_balancer_joins_the_weaker_side() -> None:
    m = match_of("balancer", west=2, east=12)
    assert answer(m, "west") == (True, "West is the weaker side, and East must not grow stronger")


def test_a_balancer_will_not_join_the_stronger_side() -> None:
    m = match_of("balancer", west=2, east=12)
    assert answer(m, "east") == (False, "East is already the stronger side")


def test_a_balancer_honours_its_duty_when_the_aggressor_outweighs_its_victim_without_it() -> None:
    # West and Middle together could hold East; West alone could not: the balancer is needed.
    m = match_of("balancer", west=2, east=12, alliances=pact_with_west(50))
    assert coalition_power(m, "west") > w.power(m, "east") > w.power(m, "west")
    decision = decide_duty(m, duty_for_middle(m))
    assert decision.yes and decision.reason == "West cannot hold East without it"


def test_a_balancer_passes_the_buck_when_the_victim_can_hold_without_it() -> None:
    m = match_of("balancer", west=12, east=8, alliances=pact_with_west(50))
    decision = decide_duty(m, duty_for_middle(m))
    assert not decision.yes and decision.reason == "West can hold East without it"


# -- Threat balancer (Walt) -----------------------------------------------------------------


def test_a_threat_balancer_joins_against_the_more_threatening_side() -> None:
    m = match_of("threat_balancer", west=4, east=12)
    assert threat(m, "middle", 1) > threat(m, "middle", 0)
    assert answer(m, "west") == (True, "East is the greater threat")
    assert answer(m, "east") == (False, "East threatens it more than West does")


def test_a_threat_balancer_fears_a_kindred_regime_less() -> None:
    stranger = match_of("threat_balancer", west=8, east=10, ideology="conservative")
    kin = match_of("threat_balancer", west=8, east=10, ideology="authoritarian")
    assert threat(kin, "middle", 1) < threat(stranger, "middle", 1)
    assert answer(stranger, "west")[0] is True
    assert answer(kin, "east") == (True, "West is the greater threat")


def test_a_threat_balancer_counts_an_aggressive_record() -> None:
    m = match_of("threat_balancer", west=8, east=8)
    calm = threat(m, "middle", 1)
    from game.core.state import Declaration

    m.declarations.append(Declaration("east", "west", 1, True))
    assert threat(m, "middle", 1) > calm * 1.9  # a broken pact doubles the record


def test_a_threat_balancer_fears_a_distant_power_less() -> None:
    near = match_of("threat_balancer", east=9)
    far = match_of("threat_balancer", east=9, gap=6)
    assert proximity(near, "middle", ["east"]) == 1.0
    assert proximity(far, "middle", ["east"]) < 0.5
    assert threat(far, "middle", 1) < threat(near, "middle", 1)


# -- Bandwagoner --------------------------------------------------------------------------------


def test_a_bandwagoner_joins_the_stronger_side() -> None:
    m = match_of("bandwagoner", west=2, east=12)
    assert answer(m, "east") == (True, "East is the stronger side, and opposing it would cost more than it gains")


def test_a_bandwagoner_joins_neither_of_two_equal_sides() -> None:
    # Two equal sides, or one barely the stronger: at rough parity there is no side to submit to.
    # (See tests/core/test_doctrine_edges.py for the edges of every doctrine.)
    m = match_of("bandwagoner", west=9, east=8)
    assert menace(m, "middle", 1) < menace(m, "middle", 0) <= menace(m, "middle", 1) * 1.2
    assert answer(m, "east") == (False, "East and West are evenly matched at its door: there is no side to submit to")


def test_a_bandwagoner_refuses_the_weaker_side() -> None:
    m = match_of("bandwagoner", west=2, east=12)
    assert answer(m, "west") == (False, "opposing East would cost more than it gains")


def test_a_bandwagoner_follows_the_strongest_side_at_its_door_not_the_strongest_on_the_map() -> None:
    m = match_of("bandwagoner", west=6, east=12, gap=6)
    assert w.power(m, "east") > w.power(m, "west")
    assert menace(m, "middle", 0) > menace(m, "middle", 1)
    assert answer(m, "west")[0] is True
    assert answer(m, "east") == (False, "opposing West would cost more than it gains")


def test_a_bandwagoner_passes_the_buck_against_a_stronger_aggressor() -> None:
    m = match_of("bandwagoner", west=2, east=20, alliances=pact_with_west(50))
    decision = decide_duty(m, duty_for_middle(m))
    assert not decision.yes and decision.reason == "East would outweigh West even with it"


def test_a_bandwagoner_honours_its_duty_against_a_weaker_aggressor() -> None:
    m = match_of("bandwagoner", west=12, east=2, alliances=pact_with_west(50))
    decision = decide_duty(m, duty_for_middle(m))
    assert decision.yes and decision.reason == "with it, West would outweigh East"


def test_a_duty_holder_is_counted_once_on_the_side_it_would_join() -> None:
    # The holder is already in the victim's alliance: counting it twice would make a stronger
    # aggressor look weaker. Here East outweighs West and Middle together, but not West plus
    # Middle counted twice.
    m = match_of("bandwagoner", west=2, east=24, middle=2, alliances=pact_with_west(50))
    defenders = coalition_power(m, "west")
    assert defenders < coalition_power(m, "east") < defenders + w.power(m, "middle")
    assert decide_duty(m, duty_for_middle(m)).yes is False


# -- Regime seeker (David) ----------------------------------------------------------------------


def test_a_fragile_regime_sides_with_its_largest_donor() -> None:
    m = match_of("regime_seeker", stability=20, west=2, east=12)
    m.aid_received["middle"] = {"west": [1, 1], "east": [1]}
    assert answer(m, "west") == (True, "West keeps its fragile regime alive")
    assert answer(m, "east") == (False, "West, not East, props up its regime")


def test_a_fragile_regime_nobody_aids_joins_nobody() -> None:
    m = match_of("regime_seeker", stability=20)
    assert answer(m, "west") == (False, "its fragile regime needs support, and nobody has given any")


def test_a_secure_regime_seeker_weighs_threats_instead() -> None:
    m = match_of("regime_seeker", stability=80, west=4, east=12)
    m.aid_received["middle"] = {"east": [1, 1, 1]}
    assert answer(m, "west") == (True, "East is the greater threat")


def test_a_fragile_regime_honours_a_duty_to_its_donor() -> None:
    m = match_of("regime_seeker", stability=20, alliances=pact_with_west(50))
    m.aid_received["middle"] = {"west": [1]}
    decision = decide_duty(m, duty_for_middle(m))
    assert decision.yes and decision.reason == "West keeps its fragile regime alive"


# -- Neutral ------------------------------------------------------------------------------------


def test_a_neutral_joins_nobody_but_signs_pacts() -> None:
    m = match_of("neutral")
    assert answer(m, "west") == (False, "it is neutral and joins nobody")
    assert answer(m, "east", "pact") == (True, "it wants no part in anyone's war")


def test_a_neutral_never_honours_a_duty() -> None:
    m = match_of("neutral", alliances=pact_with_west(90))
    decision = decide_duty(m, duty_for_middle(m))
    assert not decision.yes and decision.reason == "it fights only when it is attacked itself"


# -- Cohesion, memory and initiative --------------------------------------------------------------


def test_cohesion_moves_a_doctrines_threshold_and_the_reason_stays_the_doctrines_own() -> None:
    # East (36) against West (18) with Middle (14): the bandwagoner would stay out, but at cohesion
    # 80 a war this close is worth the alliance; the balancer would come, but not for a hollow one.
    # (The thresholds at every edge: tests/core/test_doctrine_edges.py.)
    firm = match_of("bandwagoner", west=2, east=20, alliances=pact_with_west(80))
    hollow = match_of("balancer", west=2, east=4, alliances=pact_with_west(20))
    assert decide_duty(firm, duty_for_middle(firm)) == Decision(
        True, "East would outweigh West even with it, but the alliance stands together"
    )
    assert decide_duty(hollow, duty_for_middle(hollow)) == Decision(
        False, "West cannot hold East without it, but the alliance is too hollow to fight for"
    )


def test_a_nation_that_passed_the_buck_twice_is_refused() -> None:
    m = match_of("balancer", west=2, east=12)
    m.buck_passed["west"] = 2
    assert answer(m, "west") == (False, "West passed the buck when its allies needed it")


def test_an_npc_leaves_an_alliance_whose_cohesion_has_collapsed() -> None:
    m = match_of("balancer", alliances=pact_with_west(10))
    assert Initiative("leave", treaty="pact", reason="its cohesion has fallen to 10") in initiatives(m, "middle")


def test_an_unaligned_bandwagoner_approaches_the_stronger_side_even_from_the_second_seat() -> None:
    m = match_of("bandwagoner", west=8, east=14)
    order = [n.id for n in m.level.nations].index("middle")
    m.round = 3 - order % 3  # its courting round
    (approach,) = [i for i in initiatives(m, "middle") if i.kind == "alliance"]
    assert approach.to == "east"
    assert approach.reason == "East is the stronger side, and opposing it would cost more than it gains"


def test_an_npc_at_war_with_a_stronger_nation_sues_for_peace_and_says_so_as_measured() -> None:
    m = match_of("balancer", west=2, east=20)
    m.wars.add(frozenset(("middle", "east")))
    peace = [i for i in initiatives(m, "middle") if i.kind == "peace"]
    assert peace == [Initiative("peace", to="east", reason="the balance of troops and income favours East")]


def test_the_chronicle_says_why_an_npc_made_its_approach() -> None:
    m = match_of("bandwagoner", west=8, east=14)
    order = [n.id for n in m.level.nations].index("middle")
    m.round = 3 - order % 3
    events = apply(m, EndTurn()) + apply(m, EndTurn())  # both seats pass; the nations of the rules act
    (made,) = [e for e in events if e.kind == "offer_made" and e.sender == "middle"]
    assert made.reason == "East is the stronger side, and opposing it would cost more than it gains"
    assert made.text.endswith(f": {made.reason}.")


def test_an_unaligned_balancer_approaches_the_weaker_side() -> None:
    m = match_of("balancer", west=12, east=2)
    order = [n.id for n in m.level.nations].index("middle")
    m.round = 3 - order % 3
    (approach,) = [i for i in initiatives(m, "middle") if i.kind == "alliance"]
    assert approach.to == "east"


def test_a_nation_ranks_first_the_seat_its_doctrine_would_rather_join() -> None:
    dice = random.Random(1)
    assert rank_suitors(match_of("balancer", west=2, east=12), "middle", dice) == [0, 1]
    assert rank_suitors(match_of("balancer", west=12, east=2), "middle", dice) == [1, 0]
    assert rank_suitors(match_of("bandwagoner", west=2, east=12), "middle", dice) == [1, 0]
    assert rank_suitors(match_of("threat_balancer", west=4, east=12), "middle", dice) == [0, 1]


def test_a_dead_heat_between_the_seats_is_settled_by_the_dice_not_by_sitting_first() -> None:
    m = match_of("bandwagoner")  # both seats alike: a mirror world
    assert menace(m, "middle", 0) == menace(m, "middle", 1)
    orders = {seed: rank_suitors(m, "middle", random.Random(seed)) for seed in range(16)}
    assert {tuple(order) for order in orders.values()} == {(0, 1), (1, 0)}
    assert all(rank_suitors(m, "middle", random.Random(seed)) == order for seed, order in orders.items())


def test_doctrines_read_the_match_and_never_change_it() -> None:
    from game.core import state_hash

    m = match_of("threat_balancer", alliances=pact_with_west(50))
    offer, duty = alliance_offer(m, "east"), duty_for_middle(m)
    before = state_hash(m)
    decide_offer(m, offer)
    decide_duty(m, duty)
    initiatives(m, "middle")
    rank_suitors(m, "middle", random.Random(1))
    assert state_hash(m) == before
