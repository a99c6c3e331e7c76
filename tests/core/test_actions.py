"""Every action a player can take: what it does when legal, and why it is refused when not.

Most tests play on the small world (tests/small_world.py)::

    Paris (France, seat 1) borders Berlin, Alsace and Brussels;
    Berlin and Alsace (Germany, seat 2) border each other; Alsace borders Brussels;
    Brussels (Belgium, NPC balancer) is France's ally in the Entente and guaranteed by France,
    and has a non-aggression pact with Germany. Three French troops stand in Paris, two in Brussels.

A refused action must name its reason and leave the match exactly as it was
(``Game.refused`` checks the state hash before and after).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from game.core import action_problem, can_undo, duties, legal_actions, parse_action, rules, victory
from game.core.actions import (
    AnswerOffer,
    Attack,
    EndTurn,
    HonourDuty,
    InviteToAlliance,
    JointExercise,
    LeaveTreaty,
    Move,
    OfferGuarantee,
    PassTheBuck,
    ProposeAlliance,
    ProposePact,
    ProposePeace,
    Recruit,
    RegimeAid,
    Undo,
)
from game.core.cohesion import exercise_gain
from game.core.engine import HUMAN, new_match
from game.core.events import Event
from game.core.victory import PointSplit
from tests.builder import Game, level_of
from tests.small_world import small_world

Change = Callable[[dict[str, Any]], object]


def world(*changes: Change, seed: int = 1) -> Game:
    """The small world, changed as told; hegemony is out of reach so a test's match never ends by surprise."""
    level = small_world()
    level["hegemony_share"] = 1.0
    for change in changes:
        change(level)
    return Game.from_level(level, seed=seed)


def no_treaties(level: dict[str, Any]) -> None:
    level["treaties"] = {"alliances": [], "guarantees": [], "pacts": []}
    level["garrisons"] = [g for g in level["garrisons"] if g["territory"] != "brussels"]


def no_pact(level: dict[str, Any]) -> None:
    level["treaties"]["pacts"] = []


def no_guests(level: dict[str, Any]) -> None:
    level["garrisons"] = [g for g in level["garrisons"] if g["territory"] != "brussels"]


def germany_in_the_entente(level: dict[str, Any]) -> None:
    level["treaties"]["alliances"][0]["members"].append("germany")
    level["treaties"]["pacts"] = []


def at_war(game: Game, a: str, b: str) -> Game:
    game.match.wars.add(frozenset((a, b)))
    return game


def germany_to_play(*changes: Change) -> Game:
    game = world(*changes)
    game.end_turn()
    assert game.seat == 1
    return game


# ---------------------------------------------------------------------------
# Who may act, and when


def test_a_seat_cannot_give_orders_to_the_other_seats_nation() -> None:
    game = world()
    reason = game.refused(Recruit(nation="germany", territory="berlin", amount=1))
    assert "Germany is not played by seat 1" in reason


def test_a_seat_cannot_give_orders_to_a_nation_the_rules_play() -> None:
    game = world()
    assert "not played by seat 1" in game.refused(RegimeAid(nation="belgium", to="france"))


def test_a_nation_that_does_not_exist_cannot_act() -> None:
    game = world()
    assert "unknown nation 'prussia'" in game.refused(Recruit(nation="prussia", territory="paris", amount=1))


def test_a_fallen_nation_of_a_seat_cannot_act_while_its_partner_plays_on() -> None:
    game = Game.from_level("july_1914.json")
    game.end_turn()
    game.give_forces("warsaw", russia=12)
    game.act(Attack(nation="russia", source="warsaw", target="vienna", amount=12))
    assert "austria" in game.match.eliminated and game.match.phase == "seat"
    game.play_until_seat(0)
    assert "Austria-Hungary has been eliminated" in game.refused(RegimeAid(nation="austria", to="italy"))


def test_nothing_can_be_done_once_the_match_is_over() -> None:
    game = world().give_forces("paris", france=12)  # empty Berlin still has its levy to beat
    events = game.act(Attack(nation="france", source="paris", target="berlin", amount=12))
    assert game.events_of("battle", events)[0].attacker_won
    assert game.match.outcome is not None
    assert game.refused(EndTurn()) == "the match is over"
    assert game.refused(Recruit(nation="france", territory="paris", amount=1)) == "the match is over"
    assert not legal_actions(game.match, 0) and not legal_actions(game.match, 1)


# ---------------------------------------------------------------------------
# Recruit


def test_recruiting_adds_forces_and_charges_the_treasury() -> None:
    game = world()
    events = game.act(Recruit(nation="france", territory="paris", amount=2))
    assert game.match.forces["paris"]["france"] == 5
    assert game.match.treasury["france"] == 6 - 2 * rules.RECRUIT_COST
    assert [e.text for e in events] == ["France recruits 2 in Paris."]


def test_new_recruits_cannot_march_on_the_turn_they_are_raised() -> None:
    game = world()
    game.act(Recruit(nation="france", territory="paris", amount=2))
    reason = game.refused(Move(nation="france", source="paris", target="brussels", amount=4))
    assert "has 3 ready in Paris, not 4" in reason


def test_recruiting_in_someone_elses_territory_is_refused() -> None:
    game = world()
    assert "Berlin is not held by France" in game.refused(Recruit(nation="france", territory="berlin", amount=1))
    assert "Brussels is not held by France" in game.refused(Recruit(nation="france", territory="brussels", amount=1))


def test_recruiting_in_an_unknown_territory_is_refused() -> None:
    game = world()
    assert "unknown territory 'lyon'" in game.refused(Recruit(nation="france", territory="lyon", amount=1))


def test_recruiting_more_than_the_treasury_pays_for_is_refused() -> None:
    game = world()
    reason = game.refused(Recruit(nation="france", territory="paris", amount=3))
    assert reason == f"recruiting 3 costs {3 * rules.RECRUIT_COST}, but the treasury holds 6"


def test_an_order_to_recruit_nobody_is_not_an_action_at_all() -> None:
    with pytest.raises(ValidationError):
        Recruit(nation="france", territory="paris", amount=0)


# ---------------------------------------------------------------------------
# Move


def test_moving_into_an_allys_territory_is_forward_presence() -> None:
    game = world()
    events = game.act(Move(nation="france", source="paris", target="brussels", amount=2))
    assert game.match.forces["paris"] == {"france": 1}
    assert game.match.forces["brussels"] == {"france": 4}
    assert game.match.owner["brussels"] == "belgium"
    assert events[0].text == "France moves 2 from Paris to Brussels."


def test_troops_that_moved_cannot_move_again_this_turn() -> None:
    game = world()
    game.act(Move(nation="france", source="paris", target="brussels", amount=3))
    assert "has 2 ready in Brussels, not 3" in game.refused(
        Move(nation="france", source="brussels", target="paris", amount=3)
    )


def test_moving_into_a_territory_that_does_not_border_is_refused() -> None:
    game = germany_to_play().give_forces("berlin", germany=3)
    reason = game.refused(Move(nation="germany", source="berlin", target="brussels", amount=1))
    assert "Brussels does not border Berlin" in reason


def test_moving_more_troops_than_stand_ready_is_refused() -> None:
    game = world()
    assert "France has 3 ready in Paris, not 4" in game.refused(
        Move(nation="france", source="paris", target="brussels", amount=4)
    )


def test_moving_into_a_territory_of_a_nation_that_is_no_ally_is_refused() -> None:
    game = world()
    reason = game.refused(Move(nation="france", source="paris", target="alsace", amount=1))
    assert "Alsace belongs to Germany, which is not an ally of France" in reason


def test_moving_from_an_unknown_territory_is_refused() -> None:
    game = world()
    assert "unknown territory 'lorraine'" in game.refused(
        Move(nation="france", source="lorraine", target="paris", amount=1)
    )


# ---------------------------------------------------------------------------
# Attack


def test_beating_the_levy_of_a_territory_without_troops_takes_it_and_declares_war() -> None:
    game = world().give_forces("paris", france=9)
    events = game.act(Attack(nation="france", source="paris", target="alsace", amount=6))
    [battle] = game.events_of("battle", events)
    assert battle.attacker_won
    assert game.match.owner["alsace"] == "france"
    assert game.match.forces["alsace"] == {"france": 6 - battle.attacker_losses}
    assert game.at_war("france", "germany")
    assert [e.text for e in game.events_of("war_declared", events)] == ["France declares war on Germany."]
    assert game.events_of("territory_captured", events)[0].text == "France captures Alsace from Germany."


def test_a_second_attack_on_the_same_enemy_is_no_new_declaration() -> None:
    game = world().give_forces("paris", france=6)
    game.act(Attack(nation="france", source="paris", target="alsace", amount=2))
    events = game.act(Attack(nation="france", source="paris", target="berlin", amount=4))
    assert game.events_of("war_declared", events) == []
    assert [d.aggressor for d in game.match.declarations] == ["france"]


def test_a_battle_costs_both_sides_what_the_event_reports() -> None:
    game = world(seed=7).give_forces("paris", france=9).give_forces("alsace", germany=4)
    events = game.act(Attack(nation="france", source="paris", target="alsace", amount=6))
    battle = game.events_of("battle", events)[0]
    assert (battle.attack_strength, battle.defence_strength) == (6, 4)
    assert battle.defence_factor == rules.TERRAIN_DEFENCE["hills"]
    if battle.attacker_won:
        assert game.match.forces["alsace"] == {"france": 6 - battle.attacker_losses}
        assert game.match.forces["paris"] == {"france": 3}
    else:
        assert game.match.forces["alsace"] == {"germany": 4 - battle.defender_losses}
        assert game.match.forces["paris"] == {"france": 9 - battle.attacker_losses}
        # Survivors of a failed attack fall back spent.
        assert game.match.spent["paris"]["france"] == 6 - battle.attacker_losses


def test_attacking_a_territory_that_is_already_yours_is_refused() -> None:
    game = world()
    reason = game.refused(Attack(nation="france", source="brussels", target="paris", amount=1))
    assert "Paris already belongs to France" in reason


def test_attacking_an_ally_is_refused_until_the_alliance_is_left() -> None:
    game = world()
    reason = game.refused(Attack(nation="france", source="paris", target="brussels", amount=1))
    assert reason == "Belgium is an ally of France: leave the alliance first"


def test_attacking_a_territory_where_an_allys_troops_stand_is_refused() -> None:
    def belgium_also_allied_to_germany(level: dict[str, Any]) -> None:
        level["treaties"]["alliances"].append(
            {"id": "low_league", "name": "Low League", "members": ["germany", "belgium"]}
        )
        level["garrisons"].append({"territory": "alsace", "nation": "belgium", "strength": 1})

    game = world(belgium_also_allied_to_germany)
    reason = game.refused(Attack(nation="france", source="paris", target="alsace", amount=2))
    assert reason == "forces of Belgium, an ally, stand in Alsace"
    assert Attack(nation="france", source="paris", target="alsace", amount=2) not in legal_actions(game.match, 0)


def test_attacking_a_territory_that_does_not_border_is_refused() -> None:
    game = germany_to_play().give_forces("berlin", germany=3)
    assert "Brussels does not border Berlin" in game.refused(
        Attack(nation="germany", source="berlin", target="brussels", amount=1)
    )


def test_attacking_with_more_troops_than_stand_ready_is_refused() -> None:
    game = world()
    assert "France has 3 ready in Paris, not 5" in game.refused(
        Attack(nation="france", source="paris", target="alsace", amount=5)
    )


def test_attacking_a_pact_partner_breaks_the_pact_at_a_heavy_cost_in_credibility() -> None:
    game = germany_to_play(no_guests).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    before = game.match.credibility["germany"]
    events = game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    assert game.match.pacts == {}
    assert game.match.credibility["germany"] == before + rules.BREAK_PACT_CREDIBILITY
    declaration = game.events_of("war_declared", events)[0]
    assert declaration.broke_pact
    assert declaration.text == "Germany breaks its non-aggression pact and declares war on Belgium."
    assert game.match.declarations[-1].broke_pact


def test_attacking_a_nation_without_a_pact_costs_no_credibility() -> None:
    game = germany_to_play(no_pact, no_guests).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    before = game.match.credibility["germany"]
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    assert game.match.credibility["germany"] == before


def test_allied_troops_attacked_on_an_allys_soil_are_a_tripwire_that_brings_their_nation_into_the_war() -> None:
    game = germany_to_play(no_pact).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    events = game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    assert game.at_war("france", "germany")
    entered = game.events_of("entered_war", events)
    assert [(e.nation, e.enemy, e.cause) for e in entered] == [("france", "germany", "tripwire")]
    assert entered[0].text == "France enters the war against Germany as its troops on allied soil are attacked."
    # France did not declare anything: the aggressor is Germany alone.
    assert [(d.aggressor, d.target) for d in game.match.declarations] == [("germany", "belgium")]


def test_an_attack_where_no_allied_troops_stand_brings_no_one_in_by_tripwire() -> None:
    game = germany_to_play(no_pact, no_guests).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    events = game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    assert game.events_of("entered_war", events) == []
    assert not game.at_war("france", "germany")


def test_a_nation_brought_into_the_war_by_its_tripwire_is_not_later_blamed_for_passing_the_buck() -> None:
    game = germany_to_play(no_pact).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    assert game.at_war("france", "germany")
    game.play_until_seat(0)  # the rules' phase, then Germany opens round 2
    game.end_turn()  # France's whole turn goes by without touching the duty
    assert game.match.buck_passed.get("france", 0) == 0
    assert game.duties_of("france") == []


def test_a_pact_that_lapses_when_its_members_meet_in_war_is_named_in_words() -> None:
    def belgian_troops_in_france(level: dict[str, Any]) -> None:
        level["garrisons"].append({"territory": "paris", "nation": "belgium", "strength": 1})

    game = germany_to_play(belgian_troops_in_france).give_forces("berlin", germany=1).give_forces("paris", france=10)
    events = game.act(Attack(nation="germany", source="berlin", target="paris", amount=1))
    lapsed = game.events_of("treaty_dissolved", events)
    assert [e.treaty for e in lapsed] == ["pact_belgium_germany"]
    assert "pact_" not in lapsed[0].text.lower()


def test_taking_the_last_capital_of_a_seat_ends_the_match_in_victory() -> None:
    game = world().give_forces("paris", france=12)  # empty Berlin still has its levy to beat
    events = game.act(Attack(nation="france", source="paris", target="berlin", amount=12))
    assert game.events_of("battle", events)[0].attacker_won
    captured = game.events_of("territory_captured", events)[0]
    assert captured.capital
    assert captured.text == "France captures Berlin, the capital of Germany!"
    over = game.events_of("match_over", events)
    assert [(e.winner, e.reason) for e in over] == [(0, "capitals")]
    assert game.match.phase == "over" and game.match.outcome is not None and game.match.outcome.winner == 0


def test_when_a_nation_of_the_rules_takes_the_last_capital_the_chronicle_does_not_credit_the_winner() -> None:
    game = world(no_treaties)
    game.match.owner["alsace"] = "belgium"
    game.give_forces("alsace", belgium=6)
    game.match.wars.add(frozenset(("belgium", "germany")))
    game.end_turn()
    events = game.end_turn()  # the rules' phase: Belgium marches into empty Berlin
    assert game.match.owner["berlin"] == "belgium"
    over = game.events_of("match_over", events)
    assert [(e.winner, e.reason) for e in over] == [(0, "capitals")]
    assert "West holds" not in over[0].text


def test_taking_one_capital_of_a_seat_that_still_holds_another_does_not_end_the_match() -> None:
    game = Game.from_level("july_1914.json")
    game.end_turn()
    game.give_forces("warsaw", russia=12)
    events = game.act(Attack(nation="russia", source="warsaw", target="vienna", amount=12))
    assert game.events_of("territory_captured", events)[0].capital
    assert game.events_of("match_over", events) == []
    assert game.match.outcome is None and game.seat == 1


def test_losing_a_territory_shakes_the_regime_and_losing_the_capital_shakes_it_more() -> None:
    game = world().give_forces("paris", france=20)  # enough to beat both levies
    before = game.match.stability["germany"]
    events = game.act(Attack(nation="france", source="paris", target="alsace", amount=8))
    assert game.events_of("territory_captured", events)[0].territory == "alsace"
    assert game.match.stability["germany"] == before + rules.STABILITY_LOST_TERRITORY
    events = game.act(Attack(nation="france", source="paris", target="berlin", amount=12))
    assert game.events_of("territory_captured", events)[0].capital
    assert game.match.stability["germany"] == before + rules.STABILITY_LOST_TERRITORY + rules.STABILITY_LOST_CAPITAL


# ---------------------------------------------------------------------------
# Proposing an alliance


def test_a_nation_the_rules_play_answers_an_alliance_offer_when_the_round_ends_with_its_reason() -> None:
    game = world(no_treaties)
    events = game.act(ProposeAlliance(nation="france", to="belgium", name="Low Countries Pact"))
    [made] = events
    assert made.text == "France proposes an alliance to Belgium, which will answer when the round ends."
    assert [o.recipient for o in game.match.offers.values()] == ["belgium"], "it waits for the rules' phase"
    assert game.events_of("offer_answered", game.end_turn()) == [], "Germany's turn comes before the answer"
    events = game.end_turn()
    [answer] = game.events_of("offer_answered", events)
    assert [e.kind for e in events].index("npc_phase_started") < events.index(answer)
    verdict = "accepts" if answer.accepted else "rejects"
    assert answer.reason
    assert answer.text == f"Belgium {verdict} the alliance offered by France: {answer.reason}."
    assert [o for o in game.match.offers.values() if o.sender == "france"] == [], "nothing is left waiting"
    assert ("low_countries_pact" in game.match.alliances) == answer.accepted


def test_a_balancer_signs_an_alliance_with_the_weaker_side() -> None:
    game = germany_to_play(no_treaties)
    game.act(ProposeAlliance(nation="germany", to="belgium", name="Central League"))
    events = game.end_turn()  # the rules' phase: Belgium answers
    assert game.events_of("offer_answered", events)[0].accepted
    signed = game.events_of("treaty_signed", events)[0]
    assert signed.text == "Germany and Belgium found the Central League, with an Article 5 clause."
    alliance = game.match.alliances[signed.treaty]
    assert alliance.members == ["germany", "belgium"] and alliance.collective_defence


def test_an_alliance_offer_to_the_other_seat_waits_for_its_turn_and_can_be_accepted_then() -> None:
    game = world()
    game.act(ProposeAlliance(nation="france", to="germany", name="Concert of Europe", collective_defence=False))
    [offer] = game.match.offers.values()
    assert game.match.alliances.keys() == {"entente"}
    game.end_turn()
    events = game.act(AnswerOffer(nation="germany", offer=offer.id, accept=True))
    alliance = game.match.alliances[game.events_of("treaty_signed", events)[0].treaty]
    assert alliance.name == "Concert of Europe" and not alliance.collective_defence
    assert alliance.members == ["france", "germany"]
    assert game.match.offers == {}


def test_an_alliance_between_two_nations_of_one_seat_is_signed_without_waiting() -> None:
    game = Game.from_level("july_1914.json")
    game.act(LeaveTreaty(nation="germany", treaty="triple_alliance"))
    events = game.act(ProposeAlliance(nation="germany", to="austria", name="Dual Alliance"))
    assert game.events_of("treaty_signed", events)
    assert game.match.alliances["dual_alliance_2"].members == ["germany", "austria"]


def test_a_dissolved_alliances_id_is_never_given_to_a_new_one() -> None:
    # The chronicle, the cohesion chart and the memory of border exercises follow an alliance
    # by its id: a new alliance under an old id would inherit the old one's line and past.
    game = Game.from_level("july_1914.json")
    game.act(LeaveTreaty(nation="germany", treaty="triple_alliance"))
    game.act(ProposeAlliance(nation="germany", to="austria", name="Dual Alliance"))
    game.act(LeaveTreaty(nation="germany", treaty="dual_alliance_2"))
    assert "dual_alliance_2" not in game.match.alliances
    game.play_until_seat(0)  # one offer per pair and turn
    events = game.act(ProposeAlliance(nation="germany", to="austria", name="Dual Alliance"))
    [signed] = game.events_of("treaty_signed", events)
    assert signed.treaty not in {"dual_alliance_2", "triple_alliance"}
    assert game.match.alliances[signed.treaty].name == "Dual Alliance"


def test_proposing_an_alliance_to_yourself_is_refused() -> None:
    game = world()
    assert game.refused(ProposeAlliance(nation="france", to="france", name="Me")) == (
        "a nation cannot make a treaty with itself"
    )


def test_proposing_an_alliance_to_an_unknown_nation_is_refused() -> None:
    game = world()
    assert "unknown nation 'spain'" in game.refused(ProposeAlliance(nation="france", to="spain", name="Iberia"))


def test_proposing_an_alliance_to_an_enemy_is_refused() -> None:
    game = at_war(world(), "france", "germany")
    assert game.refused(ProposeAlliance(nation="france", to="germany", name="X")) == "France is at war with Germany"


def test_proposing_an_alliance_to_an_ally_is_refused() -> None:
    game = world()
    assert game.refused(ProposeAlliance(nation="france", to="belgium", name="X")) == (
        "France and Belgium are already allies"
    )


def test_the_same_offer_cannot_be_made_twice_while_the_first_waits() -> None:
    game = world()
    game.act(ProposeAlliance(nation="france", to="germany", name="First"))
    reason = game.refused(ProposeAlliance(nation="france", to="germany", name="Second"))
    assert "already waiting for an answer" in reason or "already made that offer" in reason


def test_an_offer_to_a_nation_of_the_rules_cannot_be_repeated_the_same_turn_but_can_after_its_refusal() -> None:
    game = world(no_treaties)
    game.act(ProposeAlliance(nation="france", to="belgium", name="First"))
    assert game.refused(ProposeAlliance(nation="france", to="belgium", name="Again")) == (
        "France already made that offer to Belgium this turn"
    )
    game.play_until_seat(0)
    [answer] = [e for e in game.chronicle_of("offer_answered") if e.recipient == "belgium"]
    assert not answer.accepted  # France is the stronger side: a balancer says no
    game.act(ProposeAlliance(nation="france", to="belgium", name="Next round"))


# ---------------------------------------------------------------------------
# Invitations


def test_an_invitation_to_the_other_seat_waits_and_on_acceptance_the_nation_joins() -> None:
    game = world()
    events = game.act(InviteToAlliance(nation="france", alliance="entente", to="germany"))
    assert events[0].text == "France invites Germany to join the Entente."
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    events = game.act(AnswerOffer(nation="germany", offer=offer.id, accept=True))
    assert game.events_of("treaty_signed", events)[0].text == "Germany joins the Entente."
    assert game.match.alliances["entente"].members == ["france", "belgium", "germany"]


def named_the_northern_league(level: dict[str, Any]) -> None:
    level["treaties"]["alliances"][0]["name"] = "The Northern League"


def test_an_invitation_into_an_alliance_named_the_something_says_its_the_once() -> None:
    game = world(named_the_northern_league)
    events = game.act(InviteToAlliance(nation="france", alliance="entente", to="germany"))
    assert events[0].text == "France invites Germany to join The Northern League."


def test_joining_and_leaving_an_alliance_named_the_something_say_its_the_once() -> None:
    game = world(named_the_northern_league)
    events = game.act(InviteToAlliance(nation="france", alliance="entente", to="germany"))
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    events = game.act(AnswerOffer(nation="germany", offer=offer.id, accept=True))
    assert game.events_of("treaty_signed", events)[0].text == "Germany joins The Northern League."
    left = game.act(LeaveTreaty(nation="germany", treaty="entente"))
    assert game.events_of("treaty_left", left)[0].text.startswith("Germany leaves The Northern League")
    assert "Germany is not a member of The Northern League" in game.refused(
        InviteToAlliance(nation="germany", alliance="entente", to="france")
    )


def test_inviting_into_an_unknown_alliance_is_refused() -> None:
    game = world()
    assert "unknown alliance 'nato'" in game.refused(InviteToAlliance(nation="france", alliance="nato", to="germany"))


def test_only_a_member_may_invite_others_into_an_alliance() -> None:
    game = germany_to_play()
    assert game.refused(InviteToAlliance(nation="germany", alliance="entente", to="france")) == (
        "Germany is not a member of the Entente"
    )


def test_inviting_a_nation_that_is_already_a_member_is_refused() -> None:
    game = world()
    assert game.refused(InviteToAlliance(nation="france", alliance="entente", to="belgium")) == (
        "Belgium is already a member of the Entente"
    )


def test_inviting_a_nation_at_war_with_a_member_is_refused() -> None:
    game = at_war(world(), "belgium", "germany")
    assert game.refused(InviteToAlliance(nation="france", alliance="entente", to="germany")) == (
        "Germany is at war with Belgium, a member"
    )


# ---------------------------------------------------------------------------
# Guarantees


def test_a_guarantee_accepted_by_the_other_seat_binds_the_guarantor() -> None:
    game = world()
    game.act(OfferGuarantee(nation="france", to="germany"))
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    events = game.act(AnswerOffer(nation="germany", offer=offer.id, accept=True))
    assert game.match.guarantees["guarantee_france_germany"] == ("france", "germany")
    assert game.events_of("treaty_signed", events)[0].text == (
        "France guarantees Germany: an attack on it will be answered."
    )


def test_guaranteeing_a_nation_twice_is_refused() -> None:
    game = world()
    assert game.refused(OfferGuarantee(nation="france", to="belgium")) == "France already guarantees Belgium"


def test_guaranteeing_an_enemy_is_refused() -> None:
    game = at_war(world(), "france", "germany")
    assert game.refused(OfferGuarantee(nation="france", to="germany")) == "France is at war with Germany"


# ---------------------------------------------------------------------------
# Non-aggression pacts


def test_a_pact_accepted_by_the_other_seat_is_signed() -> None:
    game = world()
    game.act(ProposePact(nation="france", to="germany"))
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    events = game.act(AnswerOffer(nation="germany", offer=offer.id, accept=True))
    assert game.match.pacts["pact_france_germany"] == ("france", "germany")
    assert game.events_of("treaty_signed", events)[0].text == "France and Germany sign a non-aggression pact."


def test_a_second_pact_with_the_same_nation_is_refused() -> None:
    game = germany_to_play()
    assert game.refused(ProposePact(nation="germany", to="belgium")) == "Germany and Belgium already have a pact"


def test_a_pact_between_allies_is_refused() -> None:
    game = world()
    assert game.refused(ProposePact(nation="france", to="belgium")) == "France and Belgium are allies already"


def test_a_pact_with_an_enemy_is_refused() -> None:
    game = at_war(world(), "france", "germany")
    assert game.refused(ProposePact(nation="france", to="germany")) == "France is at war with Germany"


# ---------------------------------------------------------------------------
# Peace


def peace_in_round_1() -> tuple[Game, list[Event]]:
    """France attacks Germany, offers peace, and Germany accepts on its turn of round 1."""
    game = world()
    game.act(Attack(nation="france", source="paris", target="alsace", amount=1))
    game.act(ProposePeace(nation="france", to="germany"))
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    return game, game.act(AnswerOffer(nation="germany", offer=offer.id, accept=True))


def test_peace_accepted_by_the_enemy_ends_the_war() -> None:
    game, events = peace_in_round_1()
    assert not game.at_war("france", "germany")
    assert game.events_of("peace_made", events)[0].text == (
        "France and Germany make peace: neither may attack the other before round 5."
    )


def test_after_peace_neither_may_attack_the_other_until_the_truce_ends() -> None:
    # Without a truce a bot made peace and declared war again in the same round.
    game, _ = peace_in_round_1()  # the truce lasts until round 5
    game.give_forces("berlin", germany=9)
    attack = Attack(nation="germany", source="berlin", target="paris", amount=9)
    assert attack not in legal_actions(game.match, 1)
    assert game.refused(attack) == "Germany made peace with France: their truce lasts until round 5"
    while game.match.round < 5:
        game.end_turn()
    game.play_until_seat(1, at_least_one=False)
    game.give_forces("berlin", germany=9)
    assert attack in legal_actions(game.match, 1)
    game.act(attack)
    assert game.at_war("france", "germany")


def test_a_duty_that_brings_back_the_war_ends_the_truce_so_the_two_may_fight_it() -> None:
    game, _ = peace_in_round_1()
    game.give_forces("alsace", germany=1).give_forces("brussels", france=0)  # no French tripwire there
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))  # France's ally
    duty = game.duty_of("france")
    game.play_until_seat(0)
    game.act(HonourDuty(nation="france", duty=duty.id))
    assert game.at_war("france", "germany")
    game.give_forces("paris", france=6)
    attack = Attack(nation="france", source="paris", target="berlin", amount=6)
    assert attack in legal_actions(game.match, 0), "at war again: the truce must not stop them fighting it"
    game.act(attack)


def test_peace_with_a_nation_you_are_not_fighting_is_refused() -> None:
    game = world()
    assert game.refused(ProposePeace(nation="france", to="germany")) == "France is not at war with Germany"


# ---------------------------------------------------------------------------
# Answering offers


def test_a_rejected_offer_is_gone_and_signs_nothing() -> None:
    game = world()
    game.act(ProposePact(nation="france", to="germany"))
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    events = game.act(AnswerOffer(nation="germany", offer=offer.id, accept=False))
    assert events[0].text == "Germany rejects the pact offered by France."
    assert game.match.offers == {} and "pact_france_germany" not in game.match.pacts


def test_an_offer_waits_for_the_recipients_turn_and_cannot_be_answered_by_the_sender() -> None:
    game = world()
    game.act(ProposePact(nation="france", to="germany"))
    offer = next(iter(game.match.offers.values()))
    assert "Germany is not played by seat 1" in game.refused(AnswerOffer(nation="germany", offer=offer.id, accept=True))
    assert game.refused(AnswerOffer(nation="france", offer=offer.id, accept=True)) == (
        f"offer #{offer.id} was made to Germany"
    )


def test_an_offer_left_unanswered_lapses_at_the_end_of_the_recipients_turn() -> None:
    game = world()
    game.act(ProposePact(nation="france", to="germany"))
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    assert offer.id in game.match.offers  # still open through Germany's turn
    events = game.end_turn()
    lapsed = game.events_of("offer_answered", events)
    assert [(e.offer, e.expired, e.accepted) for e in lapsed] == [(offer.id, True, False)]
    assert lapsed[0].text == "The offer from France to Germany lapses unanswered."
    assert game.match.offers == {}


def test_answering_an_offer_that_does_not_exist_is_refused() -> None:
    game = germany_to_play()
    assert game.refused(AnswerOffer(nation="germany", offer=99, accept=True)) == "there is no open offer #99"


def test_an_offer_overtaken_by_war_can_no_longer_be_accepted_but_can_be_rejected() -> None:
    game = world()
    game.act(ProposeAlliance(nation="france", to="germany", name="Too Late"))
    game.act(Attack(nation="france", source="paris", target="alsace", amount=1))
    offer = next(iter(game.match.offers.values()))
    game.end_turn()
    assert game.refused(AnswerOffer(nation="germany", offer=offer.id, accept=True)) == "France is at war with Germany"
    assert AnswerOffer(nation="germany", offer=offer.id, accept=True) not in list(legal_actions(game.match, 1))
    game.act(AnswerOffer(nation="germany", offer=offer.id, accept=False))


# ---------------------------------------------------------------------------
# Leaving treaties


def test_leaving_an_alliance_costs_credibility_and_sends_guests_home() -> None:
    game = world()
    before = game.match.credibility["france"]
    events = game.act(LeaveTreaty(nation="france", treaty="entente"))
    assert game.match.credibility["france"] == before + rules.LEAVE_ALLIANCE_CREDIBILITY
    assert "entente" not in game.match.alliances  # two members: it falls apart
    assert [e.text for e in game.events_of("treaty_left", events)] == ["France leaves the Entente."]
    assert game.events_of("treaty_dissolved", events)[0].text == "The Entente is dissolved."
    assert game.match.forces["brussels"] == {}
    assert game.match.forces["paris"] == {"france": 5}
    assert game.events_of("guests_withdrawn", events)[0].amount == 2


def test_revoking_a_guarantee_ends_it() -> None:
    game = world()
    events = game.act(LeaveTreaty(nation="france", treaty="guarantee_france_belgium"))
    assert game.match.guarantees == {}
    assert events[0].text == "France ends the guarantee of Belgium by France."


def test_renouncing_a_pact_ends_it() -> None:
    game = germany_to_play()
    game.act(LeaveTreaty(nation="germany", treaty="pact_belgium_germany"))
    assert game.match.pacts == {}


def test_walking_away_from_a_treaty_with_an_open_duty_counts_as_passing_the_buck() -> None:
    game = germany_to_play(no_pact, no_guests).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    game.play_until_seat(0)
    duty = game.duty_of("france")
    events = game.act(LeaveTreaty(nation="france", treaty=duty.treaty))
    passed = game.events_of("buck_passed", events)
    assert [(e.nation, e.reason) for e in passed] == [("france", "it walked away from the treaty")]
    assert game.match.buck_passed["france"] == 1


def test_leaving_an_alliance_you_are_not_in_is_refused() -> None:
    game = germany_to_play()
    assert game.refused(LeaveTreaty(nation="germany", treaty="entente")) == "Germany is not a member of the Entente"


def test_leaving_a_guarantee_you_are_not_party_to_is_refused() -> None:
    game = germany_to_play()
    assert game.refused(LeaveTreaty(nation="germany", treaty="guarantee_france_belgium")) == (
        "Germany is not party to the guarantee of Belgium by France"
    )


def test_leaving_an_unknown_treaty_is_refused() -> None:
    game = world()
    assert game.refused(LeaveTreaty(nation="france", treaty="warsaw_pact")) == "unknown treaty 'warsaw_pact'"


# ---------------------------------------------------------------------------
# Duties: honour and pass the buck


def belgium_attacked() -> Game:
    """Germany attacks Belgium (no pact, no French troops there); it is France's turn to answer."""
    game = germany_to_play(no_pact, no_guests).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    game.play_until_seat(0)
    return game


def test_honouring_a_duty_enters_the_war_and_raises_cohesion_and_credibility() -> None:
    game = belgium_attacked()
    duty = game.duty_of("france")
    credibility, cohesion = game.match.credibility["france"], game.match.alliances["entente"].cohesion
    events = game.act(HonourDuty(nation="france", duty=duty.id))
    assert game.at_war("france", "germany")
    assert game.match.credibility["france"] == credibility + rules.HONOUR_CREDIBILITY
    assert game.match.alliances["entente"].cohesion == cohesion + rules.HONOUR_COHESION
    assert game.events_of("duty_honoured", events)[0].text == "France honours its duty to Belgium."
    assert game.events_of("war_declared", events) == []
    assert game.duties_of("france") == []


def test_passing_the_buck_stays_out_of_the_war_at_a_cost() -> None:
    game = belgium_attacked()
    duty = game.duty_of("france")
    credibility, cohesion = game.match.credibility["france"], game.match.alliances["entente"].cohesion
    cost = duties.pass_cohesion(game.match, duty)
    events = game.act(PassTheBuck(nation="france", duty=duty.id))
    assert not game.at_war("france", "germany")
    assert game.match.credibility["france"] == credibility + rules.PASS_CREDIBILITY
    assert cost < 0
    assert game.match.alliances["entente"].cohesion == cohesion + cost
    assert game.match.buck_passed["france"] == 1
    assert events[0].text == "France passes the buck and stays out of the war on Belgium."


@pytest.mark.parametrize("answer", [HonourDuty, PassTheBuck])
def test_answering_a_duty_that_does_not_exist_is_refused(answer: type[HonourDuty] | type[PassTheBuck]) -> None:
    game = world()
    assert game.refused(answer(nation="france", duty=42)) == "there is no open duty #42"


@pytest.mark.parametrize("answer", [HonourDuty, PassTheBuck])
def test_a_nation_cannot_answer_its_partners_duty(answer: type[HonourDuty] | type[PassTheBuck]) -> None:
    game = Game.from_level("july_1914.json")
    game.end_turn()
    game.give_forces("warsaw", russia=1).give_forces("vienna", austria=10, germany=0)
    game.act(Attack(nation="russia", source="warsaw", target="vienna", amount=1))
    game.play_until_seat(0)
    duty = game.duty_of("germany")
    assert game.refused(answer(nation="austria", duty=duty.id)) == f"duty #{duty.id} belongs to German Empire"


@pytest.mark.parametrize("answer", [HonourDuty, PassTheBuck])
def test_a_duty_cannot_be_answered_by_the_other_seat(answer: type[HonourDuty] | type[PassTheBuck]) -> None:
    game = germany_to_play(no_pact, no_guests).give_forces("alsace", germany=1).give_forces("brussels", belgium=10)
    game.act(Attack(nation="germany", source="alsace", target="brussels", amount=1))
    duty = game.duty_of("france")
    assert "France is not played by seat 2" in game.refused(answer(nation="france", duty=duty.id))


# ---------------------------------------------------------------------------
# Joint exercises


def test_a_joint_exercise_raises_cohesion_and_costs_the_host() -> None:
    game = world()
    cohesion = game.match.alliances["entente"].cohesion
    events = game.act(JointExercise(nation="france", alliance="entente", partner="belgium"))
    gain = exercise_gain(cohesion, on_border=False)
    assert gain > 0
    assert game.match.alliances["entente"].cohesion == cohesion + gain
    assert game.match.treasury["france"] == 6 - rules.EXERCISE_COST
    assert events[0].text == f"France and Belgium hold a joint exercise: cohesion of the Entente rises to {60 + gain}."


def test_an_exercise_on_the_border_teaches_more_and_is_remembered() -> None:
    border = world().set_cohesion("entente", 20)
    inland = world().set_cohesion("entente", 20)
    border.act(JointExercise(nation="france", alliance="entente", partner="belgium", territory="paris"))
    inland.act(JointExercise(nation="france", alliance="entente", partner="belgium"))
    assert border.match.alliances["entente"].cohesion > inland.match.alliances["entente"].cohesion
    assert border.match.border_exercises == {"entente": 1}
    assert inland.match.border_exercises == {}


def test_exercises_teach_a_young_alliance_more_than_a_seasoned_one_but_always_something() -> None:
    young = world().set_cohesion("entente", 20)
    seasoned = world().set_cohesion("entente", 90)
    young.act(JointExercise(nation="france", alliance="entente", partner="belgium"))
    seasoned.act(JointExercise(nation="france", alliance="entente", partner="belgium"))
    young_gain = young.match.alliances["entente"].cohesion - 20
    seasoned_gain = seasoned.match.alliances["entente"].cohesion - 90
    assert young_gain > seasoned_gain >= 1


def test_an_alliance_at_full_cohesion_stays_at_100() -> None:
    game = world().set_cohesion("entente", 100)
    game.act(JointExercise(nation="france", alliance="entente", partner="belgium", territory="paris"))
    assert game.match.alliances["entente"].cohesion == 100


def test_a_nation_holds_one_exercise_per_turn_and_may_hold_another_next_turn() -> None:
    game = world().set_treasury("france", 30)
    game.act(JointExercise(nation="france", alliance="entente", partner="belgium"))
    assert game.refused(JointExercise(nation="france", alliance="entente", partner="belgium")) == (
        "France has already held an exercise this turn"
    )
    game.play_until_seat(0)
    game.act(JointExercise(nation="france", alliance="entente", partner="belgium"))


def test_a_border_exercise_is_among_the_actions_a_seat_is_offered() -> None:
    game = world()
    border_exercise = JointExercise(nation="france", alliance="entente", partner="belgium", territory="paris")
    assert border_exercise in legal_actions(game.match, 0)  # the rules accept it...
    assert border_exercise in list(legal_actions(game.match, 0))  # ...so the list should offer it


def test_an_exercise_in_an_unknown_alliance_is_refused() -> None:
    game = world()
    assert game.refused(JointExercise(nation="france", alliance="nato", partner="belgium")) == (
        "unknown alliance 'nato'"
    )


def test_an_exercise_with_a_nation_outside_the_alliance_is_refused() -> None:
    game = world()
    assert game.refused(JointExercise(nation="france", alliance="entente", partner="germany")) == (
        "both nations must be members of the Entente"
    )


def test_an_exercise_needs_a_partner() -> None:
    game = world()
    assert game.refused(JointExercise(nation="france", alliance="entente", partner="france")) == (
        "an exercise needs a partner"
    )


def test_an_exercise_the_treasury_cannot_pay_for_is_refused() -> None:
    game = world().set_treasury("france", rules.EXERCISE_COST - 1)
    assert game.refused(JointExercise(nation="france", alliance="entente", partner="belgium")) == (
        f"an exercise costs {rules.EXERCISE_COST}; the treasury holds {rules.EXERCISE_COST - 1}"
    )


def test_an_exercise_on_a_third_nations_ground_is_refused() -> None:
    game = world()
    assert game.refused(JointExercise(nation="france", alliance="entente", partner="belgium", territory="alsace")) == (
        "Alsace belongs to neither partner"
    )


def test_an_exercise_far_from_any_border_cannot_claim_the_border_bonus() -> None:
    game = world(germany_in_the_entente)
    assert game.refused(JointExercise(nation="france", alliance="entente", partner="belgium", territory="paris")) == (
        "Paris is not on the alliance's border"
    )


# ---------------------------------------------------------------------------
# Regime aid


def test_regime_aid_steadies_the_recipient_and_is_remembered() -> None:
    game = world()
    before = game.match.stability["belgium"]
    events = game.act(RegimeAid(nation="france", to="belgium"))
    assert game.match.stability["belgium"] == min(100, before + rules.REGIME_AID_STABILITY)
    assert game.match.treasury["france"] == 6 - rules.REGIME_AID_COST
    assert game.match.aid_received == {"belgium": {"france": [1]}}  # the round of each aid
    assert events[0].text == f"France sends regime aid to Belgium (stability {game.match.stability['belgium']})."


def test_regime_aid_to_an_enemy_is_refused() -> None:
    game = at_war(world(), "france", "germany")
    assert game.refused(RegimeAid(nation="france", to="germany")) == "France is at war with Germany"


def test_regime_aid_the_treasury_cannot_pay_for_is_refused() -> None:
    game = world().set_treasury("france", rules.REGIME_AID_COST - 1)
    assert game.refused(RegimeAid(nation="france", to="belgium")) == (
        f"regime aid costs {rules.REGIME_AID_COST}; the treasury holds {rules.REGIME_AID_COST - 1}"
    )


def test_regime_aid_to_yourself_is_refused() -> None:
    game = world()
    assert "itself" in game.refused(RegimeAid(nation="france", to="france"))


# ---------------------------------------------------------------------------
# End turn


def test_ending_the_turn_hands_over_to_the_other_seat_which_collects_its_income() -> None:
    game = world()
    events = game.end_turn()
    assert game.seat == 1 and game.match.round == 1
    income = 3 + 1 + rules.CAPITAL_INCOME_BONUS  # Berlin, Alsace, and the capital bonus
    assert [e.text for e in events] == [
        "Round 1: Central (seat 2) to play.",
        f"Germany collects {income} (treasury {income}).",
    ]


def test_after_both_seats_the_other_nations_act_and_a_new_round_begins() -> None:
    game = world()
    game.act(Move(nation="france", source="paris", target="brussels", amount=1))
    game.end_turn()
    events = game.end_turn()
    kinds = [e.kind for e in events]
    assert kinds.index("npc_phase_started") < kinds.index("turn_started")
    # Turns snake: the seat that played last in round 1 opens round 2.
    assert game.seat == 1 and game.match.round == 2
    assert game.events_of("turn_started", events)[0].text == "Round 2: Central (seat 2) to play."
    # A new turn: every unit is ready again.
    assert all(not spent for spent in game.match.spent.values())


def one_round(level: dict[str, Any]) -> None:
    level["round_limit"] = 1


def test_at_the_round_limit_the_seat_ahead_wins_counting_an_npc_allys_land_by_cohesion() -> None:
    # West: Paris (3) and a share of allied Brussels (2); Central: Berlin (3) and Alsace (1).
    game = world(one_round)
    game.end_turn()
    events = game.end_turn()
    over = game.events_of("match_over", events)
    assert [(e.winner, e.reason) for e in over] == [(0, "round_limit")]
    assert over[0].text == "The last round ends with West ahead, 4.2 points to 4.0."


def test_victory_points_split_into_own_land_land_taken_and_allies_land() -> None:
    game = world().give_forces("paris", france=9)
    west, central, total = victory.point_split(game.match)
    assert (west, central, total) == (PointSplit(3, 0, 1.2), PointSplit(4, 0, 0), 9)
    game.act(Attack(nation="france", source="paris", target="alsace", amount=6))
    assert game.match.owner["alsace"] == "france"
    west, central, _ = victory.point_split(game.match)
    assert (west.own, west.captured, central.own) == (3, 1, 3), "Alsace counts as taken, and Germany lost it"
    assert victory.victory_points(game.match)[:2] == (west.total, central.total)


def test_an_ally_held_by_no_cohesion_adds_no_victory_points() -> None:
    game = world(one_round).set_cohesion("entente", 0)
    game.end_turn()
    events = game.end_turn()
    assert [(e.winner, e.reason) for e in game.events_of("match_over", events)] == [(1, "round_limit")]


def test_a_level_score_at_the_round_limit_is_a_draw() -> None:
    # Cohesion 51 drifts to 50 at the round's end (a liberal and a non-aligned nation): Brussels counts 1.
    game = world(one_round).set_cohesion("entente", 51)
    game.end_turn()
    events = game.end_turn()
    assert [(e.winner, e.reason) for e in game.events_of("match_over", events)] == [(None, "round_limit")]
    assert game.match.outcome is not None and "a draw" in game.match.outcome.text


def test_a_seat_holding_the_hegemony_share_of_victory_points_wins_at_the_end_of_the_round() -> None:
    def hegemony_at_60(level: dict[str, Any]) -> None:
        level["hegemony_share"] = 0.6

    game = world(hegemony_at_60).set_cohesion("entente", 100)
    game.act(Attack(nation="france", source="paris", target="alsace", amount=1))
    assert game.match.outcome is None  # counted at the end of the round, not at once
    game.end_turn()
    events = game.end_turn()
    assert [(e.winner, e.reason) for e in game.events_of("match_over", events)] == [(0, "hegemony")]


def test_the_points_hegemony_needs_are_the_bar_the_round_end_holds_a_seat_to() -> None:
    game = world()
    first, second, total = victory.victory_points(game.match)
    assert victory.hegemony_points(game.match) == pytest.approx(game.match.level.hegemony_share * total)
    assert max(first, second) < victory.hegemony_points(game.match)  # nobody has it at the start: no winner


# ---------------------------------------------------------------------------
# Undo


def test_undo_takes_back_the_last_action_exactly() -> None:
    game = world()
    start = game.hash
    game.act(Recruit(nation="france", territory="paris", amount=1))
    middle = game.hash
    game.act(Move(nation="france", source="paris", target="brussels", amount=2))
    assert can_undo(game.match) and Undo() in list(legal_actions(game.match, 0))
    events = game.act(Undo())
    assert game.hash == middle
    assert events[0].text == "Seat 1 took back its last action."
    game.act(Undo())
    assert game.hash == start
    assert game.match.log == []


def test_undo_withdraws_an_offer_to_the_other_seat_before_it_is_ever_seen() -> None:
    game = world()
    before = game.hash
    game.act(ProposePact(nation="france", to="germany"))
    assert game.match.offers
    game.act(Undo())
    assert game.match.offers == {} and game.hash == before


def test_only_a_seat_a_person_plays_may_take_an_action_back() -> None:
    level = small_world()
    level["hegemony_share"] = 1.0
    game = Game(new_match(level_of(level), seed=1, controllers=("bandwagoner:hard", HUMAN)))
    before = game.hash
    game.act(Recruit(nation="france", territory="paris", amount=1))
    # A bot never takes back what it chose: its turn keeps no checkpoint, and Undo is not offered.
    assert not can_undo(game.match) and game.match.checkpoint is None
    assert Undo() not in list(legal_actions(game.match, 0))
    assert game.refused(Undo()) == "nothing to undo since the last attack, answer or turn start"
    assert game.hash != before
    game.end_turn()
    middle = game.hash
    game.act(Recruit(nation="germany", territory="berlin", amount=1))
    assert can_undo(game.match)
    game.act(Undo())
    assert game.hash == middle


def test_undo_is_refused_at_the_start_of_a_turn() -> None:
    game = world()
    assert game.refused(Undo()) == "nothing to undo since the last attack, answer or turn start"
    assert Undo() not in list(legal_actions(game.match, 0))


def test_undo_is_refused_after_an_attack_has_rolled_the_dice() -> None:
    game = world()
    game.act(Recruit(nation="france", territory="paris", amount=1))
    game.act(Attack(nation="france", source="paris", target="alsace", amount=1))
    assert "nothing to undo" in game.refused(Undo())


def test_undo_takes_back_an_offer_to_a_nation_of_the_rules_which_then_never_answers_it() -> None:
    game = world(no_treaties)
    before = game.hash
    game.act(ProposeAlliance(nation="france", to="belgium", name="Hopeful"))
    assert game.match.offers and can_undo(game.match), "nothing has been answered yet"
    game.act(Undo())
    assert game.hash == before and game.match.offers == {}
    game.play_until_seat(0)
    assert [e for e in game.chronicle_of("offer_answered") if e.recipient == "belgium"] == []
    assert game.chronicle_of("treaty_signed") == []


def test_an_offer_taken_back_may_be_made_again_the_same_turn() -> None:
    game = world(no_treaties)
    offer = ProposeAlliance(nation="france", to="belgium", name="Hopeful")
    game.act(offer, Undo())
    game.act(offer)
    assert [o.recipient for o in game.match.offers.values()] == ["belgium"]


def test_undo_is_refused_after_an_attack_even_when_an_offer_to_a_nation_of_the_rules_came_first() -> None:
    game = world(no_treaties)
    game.act(ProposeAlliance(nation="france", to="belgium", name="Hopeful"))
    game.act(Attack(nation="france", source="paris", target="alsace", amount=1))
    assert "nothing to undo" in game.refused(Undo())
    assert [o.recipient for o in game.match.offers.values()] == ["belgium"], "the offer still stands"


def test_undo_is_refused_after_the_turn_has_been_handed_over() -> None:
    game = world()
    game.act(Recruit(nation="france", territory="paris", amount=1))
    game.end_turn()
    assert "nothing to undo" in game.refused(Undo())


# Actions are strict, as levels are: a wrong type in a script or a save log is a mistake to name,
# never a value to guess (``"amount": true`` once recruited one unit).

RECRUIT = {"kind": "recruit", "nation": "france", "territory": "paris"}
ANSWER = {"kind": "answer_offer", "nation": "france", "offer": 1}


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        pytest.param(
            {**RECRUIT, "amount": "3"}, 'recruit.amount: must be a whole number, not "3"', id="amount as text"
        ),
        pytest.param({**RECRUIT, "amount": True}, "recruit.amount: must be a whole number, not true", id="amount true"),
        pytest.param({**RECRUIT, "amount": 3.0}, "recruit.amount: must be a whole number, not 3.0", id="amount 3.0"),
        pytest.param({**ANSWER, "accept": "yes"}, 'answer_offer.accept: must be true or false, not "yes"', id="yes"),
        pytest.param({**ANSWER, "accept": 1}, "answer_offer.accept: must be true or false, not 1", id="accept 1"),
        pytest.param(
            {"kind": "honour_duty", "nation": "france", "duty": "4"},
            'honour_duty.duty: must be a whole number, not "4"',
            id="duty as text",
        ),
        pytest.param(
            {**RECRUIT, "territory": 7, "amount": 1}, "recruit.territory: must be text, not 7", id="territory a number"
        ),
        pytest.param(
            {"kind": "offer_guarantee", "nation": "france", "to": "belgium", "against": ["germany", 5]},
            "offer_guarantee.against[1]: must be text, not 5",
            id="a number in a scope",
        ),
    ],
)
def test_a_wrong_type_is_refused_and_the_field_named_not_coerced(written: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_action(written)
    assert action_problem(refused.value) == problem


def test_actions_as_json_writes_them_still_parse_whole_numbers_lists_and_all() -> None:
    assert parse_action({**RECRUIT, "amount": 3}) == Recruit(nation="france", territory="paris", amount=3)
    scoped = parse_action({"kind": "offer_guarantee", "nation": "france", "to": "belgium", "against": ["germany"]})
    assert scoped == OfferGuarantee(nation="france", to="belgium", against=("germany",))
    with pytest.raises(ValidationError):
        parse_action({**RECRUIT, "amount": "3"})  # and not a string that looks like one
