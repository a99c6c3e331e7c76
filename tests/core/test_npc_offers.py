"""Offers to the nations the rules play are answered when the round ends, all suitors weighed together.

Answered at once, every swing nation went to whichever seat happened to move first. Now an
offer to a nation of the rules waits for the rules' phase; there each such nation, in the
level's order, answers the suitor its doctrine likes best first, against the world as it
stands then. Binding itself to one side rules out the other, and an exact tie between the
seats is settled by the match's dice, never by who asked first.

Most tests play on the crossroads of tests/worlds.py: West (seat 1) and East (seat 2) with
Middle, a nation of the rules, between them.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.core import legal_actions, view
from game.core.actions import Attack, InviteToAlliance, ProposeAlliance, Recruit, RegimeAid
from game.core.doctrines import decide_offer
from game.core.events import Event
from tests.builder import Game
from tests.core.test_article5_1914 import europe
from tests.worlds import crossroads, level, nation

NAMES = {"west": "West", "east": "East"}


def crossroads_game(doctrine: str, seed: int = 1, **troops: Any) -> Game:
    """The crossroads with Middle listed first, so it courts nobody on its own before round 3."""
    world = crossroads(doctrine, **troops)
    world["nations"].insert(0, world["nations"].pop(2))
    world["hegemony_share"] = 1.0
    return Game.from_level(world, seed=seed)


def both_court_middle(game: Game, asks_first: str) -> list[Event]:
    """Both seats propose an alliance to Middle in one round, ``asks_first`` first; the rules' phase's events.

    West opens round 1 and East opens round 2, so the round is chosen by who asks first.
    """
    if asks_first == "east":
        game.play_until_seat(1)
        game.end_turn()
    assert game.match.seat == ("west", "east").index(asks_first)
    asks_second = "east" if asks_first == "west" else "west"
    for suitor in (asks_first, asks_second):
        game.act(ProposeAlliance(nation=suitor, to="middle", name=f"{NAMES[suitor]} Accord"))
        assert game.events_of("offer_answered") == [], "nobody answers before the round ends"
        events = game.end_turn()
    assert any(e.kind == "npc_phase_started" for e in events)
    return events


def answers(events: list[Event], recipient: str = "middle") -> list[Any]:
    return [e for e in events if e.kind == "offer_answered" and e.recipient == recipient]


def middle_sides_with(game: Game) -> list[str]:
    """The nations Middle is allied to."""
    allies = {n for al in game.match.alliances.values() if "middle" in al.members for n in al.members}
    return sorted(allies - {"middle"})


# ---------------------------------------------------------------------------
# Courted by both seats in one round


@pytest.mark.parametrize("asks_first", ["west", "east"])
@pytest.mark.parametrize(
    ("doctrine", "west", "east", "chosen", "reason"),
    [
        ("balancer", 2, 12, "west", "West is the weaker side, and East must not grow stronger"),
        ("balancer", 12, 2, "east", "East is the weaker side, and West must not grow stronger"),
        ("bandwagoner", 12, 2, "west", "West is the stronger side, and opposing it would cost more than it gains"),
        ("bandwagoner", 2, 12, "east", "East is the stronger side, and opposing it would cost more than it gains"),
    ],
)
def test_a_nation_courted_by_both_seats_joins_the_side_its_doctrine_picks_whoever_asked_first(
    asks_first: str, doctrine: str, west: int, east: int, chosen: str, reason: str
) -> None:
    game = crossroads_game(doctrine, west=west, east=east)
    events = both_court_middle(game, asks_first)
    rival = "east" if chosen == "west" else "west"
    assert [e.text for e in answers(events)] == [
        f"Middle accepts the alliance offered by {NAMES[chosen]}: {reason}.",
        f"Middle rejects the alliance offered by {NAMES[rival]}: it is already bound to {NAMES[chosen]}'s side.",
    ]
    assert middle_sides_with(game) == [chosen]
    assert game.match.offers == {}


def test_a_bandwagoner_courted_by_two_equal_sides_joins_neither() -> None:
    game = crossroads_game("bandwagoner")  # a mirror world: the seats are equal
    events = both_court_middle(game, "west")
    reason = "{} and {} are evenly matched at its door: there is no side to submit to"
    assert sorted(e.text for e in answers(events)) == [
        f"Middle rejects the alliance offered by East: {reason.format('East', 'West')}.",
        f"Middle rejects the alliance offered by West: {reason.format('West', 'East')}.",
    ]
    assert middle_sides_with(game) == []


def regime_aided_by_both(seed: int) -> Game:
    """A fragile regime seeker aided alike by both seats in round 1 (the second aid ties the first)."""
    game = crossroads_game("regime_seeker", seed=seed, stability=10)
    game.set_treasury("west", 20).set_treasury("east", 20)
    game.act(RegimeAid(nation="west", to="middle"))
    game.end_turn()
    game.act(RegimeAid(nation="east", to="middle"))
    game.end_turn()
    game.end_turn()  # round 2, opened by East, passes: round 3 opens with West, as round 1 did
    game.end_turn()
    return game


def test_a_regime_aided_alike_by_both_seats_lets_the_dice_choose_and_the_same_seed_chooses_the_same() -> None:
    def chosen(seed: int, asks_first: str) -> str:
        game = regime_aided_by_both(seed)
        both_court_middle(game, asks_first)
        [side] = middle_sides_with(game)
        return side

    seeds = range(1, 17)
    picks = {seed: chosen(seed, "west") for seed in seeds}
    assert set(picks.values()) == {"west", "east"}, "a tie goes either way, seed by seed"
    assert all(chosen(seed, "west") == picks[seed] for seed in seeds), "the same seed, the same choice"
    # The dice settled the tie when it was made: asking first changes nothing.
    assert all(chosen(seed, "east") == picks[seed] for seed in seeds)


def test_the_loser_of_a_tie_is_told_who_props_up_the_regime() -> None:
    game = regime_aided_by_both(seed=1)
    events = both_court_middle(game, "west")
    [side] = middle_sides_with(game)
    rival = "east" if side == "west" else "west"
    assert sorted(e.text for e in answers(events)) == sorted(
        [
            f"Middle accepts the alliance offered by {NAMES[side]}: {NAMES[side]} keeps its fragile regime alive.",
            f"Middle rejects the alliance offered by {NAMES[rival]}: it is already bound to {NAMES[side]}'s side.",
        ]
    )


# ---------------------------------------------------------------------------
# The world as it stands when the round ends


def test_a_balancer_weighs_the_balance_as_it_stands_when_the_round_ends_not_when_it_was_asked() -> None:
    game = crossroads_game("balancer", west=6, east=4)
    game.act(ProposeAlliance(nation="west", to="middle", name="West Accord"))
    [offer] = game.match.offers.values()
    assert decide_offer(view(game.match), offer).reason == "West is already the stronger side"  # now...
    game.end_turn()
    game.set_treasury("east", 60)
    game.act(Recruit(nation="east", territory="e1", amount=20))  # ...and no longer when the round ends
    [answer] = answers(game.end_turn())
    assert answer.accepted and answer.reason == "West is the weaker side, and East must not grow stronger"


def test_an_offer_overtaken_by_the_senders_own_attack_is_rejected_with_the_reason_when_the_round_ends() -> None:
    game = crossroads_game("balancer", west=2, east=12)
    game.give_forces("w2", west=1)
    game.act(ProposeAlliance(nation="west", to="middle", name="West Accord"))
    game.act(Attack(nation="west", source="w2", target="n1", amount=1))
    assert game.at_war("west", "middle")
    game.end_turn()
    [answer] = answers(game.end_turn())
    assert not answer.accepted
    assert answer.text == "Middle rejects the alliance offered by West: West is at war with Middle."
    assert middle_sides_with(game) == []


def test_an_offer_overtaken_by_an_alliance_with_the_same_side_is_dropped_without_a_word() -> None:
    # West and its seat-mate Wessex are allied. Wessex invites Middle into their league, then
    # West proposes an alliance of its own. Once Middle joins the league, West is its ally: the
    # second offer has nothing left to ask and is neither accepted nor rejected.
    rows = ["W1 X1 N1 N2 E2 E1"]
    territories = {
        "W1": ("west", 3, "plains"),
        "X1": ("wessex", 2, "plains"),
        "N1": ("middle", 2, "plains"),
        "N2": ("middle", 1, "plains"),
        "E2": ("east", 2, "plains"),
        "E1": ("east", 3, "plains"),
    }
    nations = [
        nation("middle", "Middle", doctrine="balancer", capital="n1"),
        nation("west", "West", ideology="liberal", capital="w1"),
        nation("wessex", "Wessex", ideology="liberal", capital="x1"),
        nation("east", "East", ideology="authoritarian", capital="e1"),
    ]
    garrisons = {"w1": {"west": 1}, "x1": {"wessex": 1}, "e1": {"east": 12}, "n1": {"middle": 2}}
    league = [{"id": "league", "name": "Western League", "members": ["west", "wessex"], "cohesion": 50}]
    world = level(rows, territories, nations, garrisons, seats=(["west", "wessex"], ["east"]), alliances=league)
    game = Game.from_level(world)
    game.act(InviteToAlliance(nation="wessex", alliance="league", to="middle"))
    game.act(ProposeAlliance(nation="west", to="middle", name="West Accord"))
    game.end_turn()
    events = game.end_turn()
    [answer] = answers(events)
    assert answer.accepted and answer.text == (
        "Middle accepts the invitation offered by Wessex: West is the weaker side, and East must not grow stronger."
    )
    assert game.match.alliances["league"].members == ["west", "wessex", "middle"]
    assert game.match.offers == {}


# ---------------------------------------------------------------------------
# Several nations of the rules


def test_nations_of_the_rules_answer_in_the_levels_order_not_in_the_order_they_were_asked() -> None:
    game = europe()
    game.act(ProposeAlliance(nation="germany", to="belgium", name="Low Road"))
    game.act(ProposeAlliance(nation="germany", to="britain", name="High Road"))
    game.end_turn()
    events = game.end_turn()
    order = [n.id for n in game.match.level.nations]
    answered = [e.recipient for e in events if e.kind == "offer_answered" and e.recipient in ("belgium", "britain")]
    assert answered == sorted(answered, key=order.index) == ["britain", "belgium"]


def test_an_offer_waiting_for_the_rules_phase_is_not_offered_again_in_the_meantime() -> None:
    game = crossroads_game("balancer")
    game.act(ProposeAlliance(nation="west", to="middle", name="West Accord"))
    assert not any(
        isinstance(a, ProposeAlliance) and a.nation == "west" and a.to == "middle" for a in legal_actions(game.match, 0)
    )
