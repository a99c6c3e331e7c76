"""Turns snake: seat 1 opens odd rounds, seat 2 even ones, and the rules' phase closes each (DESIGN.md §5).

With a fixed order the second seat always saw the first seat's moves and had the last word
before the rules' phase; alternating who opens takes that edge away. Deadlines follow the
order: a duty or an offer waits for its holder's next turn, wherever in the round it falls.

Matches play on tests/fixtures/europe1914.json (seat 1: Germany and Austria-Hungary;
seat 2: France and Russia) and on the small world of tests/small_world.py.
"""

from __future__ import annotations

from game.core import current_seat, first_seat, legal_actions
from game.core.actions import AnswerOffer, HonourDuty, ProposePact
from game.core.level import TurnOrder
from tests.builder import Game, level_of
from tests.core.test_article5_1914 import europe, probe
from tests.small_world import small_world


def turns_started(game: Game) -> list[tuple[int, int]]:
    """(round, seat) of every turn started so far, in order."""
    return [(e.round, e.seat) for e in game.chronicle_of("turn_started")]


def test_seat_1_opens_odd_rounds_and_seat_2_even_rounds() -> None:
    game = europe()
    for _ in range(7):
        game.end_turn()
    assert turns_started(game) == [(1, 0), (1, 1), (2, 1), (2, 0), (3, 0), (3, 1), (4, 1), (4, 0)]


def test_first_seat_names_the_seat_that_opens_each_round() -> None:
    game = europe()
    for _ in range(11):
        game.end_turn()
    openers = {e.round: e.seat for e in reversed(game.chronicle_of("turn_started"))}
    assert openers == {r: first_seat(game.match, r) for r in range(1, 7)}
    assert [first_seat(game.match, r) for r in range(1, 7)] == [0, 1, 0, 1, 0, 1]


def test_the_rules_phase_closes_every_round_after_both_seats() -> None:
    game = europe()
    for _ in range(6):
        game.end_turn()
    order = [
        f"npc{e.round}" if e.kind == "npc_phase_started" else f"{e.round}:{e.seat + 1}"
        for e in game.match.events
        if e.kind in ("turn_started", "npc_phase_started")
    ]
    assert order == ["1:1", "1:2", "npc1", "2:2", "2:1", "npc2", "3:1", "3:2", "npc3", "4:2"]


def test_the_seat_that_opens_a_round_is_the_one_whose_turn_it_is() -> None:
    game = europe()
    game.play_until_seat(1)
    game.end_turn()  # the rules' phase, then round 2
    assert game.match.round == 2 and current_seat(game.match) == 1
    assert [e.text for e in game.events_of("turn_started")] == ["Round 2: Entente (seat 2) to play."]
    assert legal_actions(game.match, 1) and not legal_actions(game.match, 0)


def test_each_seat_collects_its_income_once_a_round_whether_it_opens_or_not() -> None:
    game = europe()
    for _ in range(6):
        game.end_turn()
    collected = [(e.nation, e.amount) for e in game.chronicle_of("income") if e.nation in ("germany", "france")]
    assert [n for n, _ in collected].count("germany") == 3  # rounds 1, 2 and 3
    assert [n for n, _ in collected].count("france") == 4  # rounds 1, 2, 3, and round 4, which it opens


def europe_ordered(order: TurnOrder) -> Game:
    level = level_of("europe1914.json").model_copy(update={"turn_order": order})
    return Game.from_level(level)


def test_a_level_can_let_seat_2_open_every_round() -> None:
    game = europe_ordered("seat2_first")
    assert current_seat(game.match) == 1 and game.match.round == 1
    for _ in range(7):
        game.end_turn()
    assert turns_started(game) == [(1, 1), (1, 0), (2, 1), (2, 0), (3, 1), (3, 0), (4, 1), (4, 0)]
    assert [first_seat(game.match, r) for r in range(1, 31)] == [1] * 30


def test_a_level_can_let_seat_1_open_every_round() -> None:
    game = europe_ordered("seat1_first")
    for _ in range(5):
        game.end_turn()
    assert turns_started(game) == [(1, 0), (1, 1), (2, 0), (2, 1), (3, 0), (3, 1)]


def test_with_a_fixed_order_a_duty_raised_by_the_second_seat_lasts_through_the_first_seats_next_turn() -> None:
    # Seat 1 opens every round. Russia (seat 2) attacks Germany on the last seat turn of round 1;
    # Austria-Hungary (seat 1) may answer on its next turn, the opening of round 2, and no later.
    game = europe_ordered("seat1_first")
    game.end_turn()
    events = probe(game, "russia", "germany")
    duty = game.duty_of("austria_hungary")
    assert [e.deadline_round for e in game.events_of("duty_raised", events) if e.nation == "austria_hungary"] == [2]
    game.end_turn()  # the rules' phase, then seat 1 opens round 2
    assert (game.match.round, game.seat) == (2, 0)
    assert HonourDuty(nation="austria_hungary", duty=duty.id) in legal_actions(game.match, 0)
    events = game.end_turn()
    assert [(e.nation, e.expired) for e in game.events_of("buck_passed", events)] == [("austria_hungary", True)]


# ---------------------------------------------------------------------------
# Duties around the turn of a round


def test_a_duty_raised_on_the_last_turn_of_a_round_outlasts_the_other_seats_opening_turn() -> None:
    # Russia (seat 2) attacks Germany on the last seat turn of round 1; Austria-Hungary (seat 1) is
    # called. Seat 2 opens round 2, so Austria-Hungary's next turn is the second of round 2.
    game = europe()
    game.end_turn()
    events = probe(game, "russia", "germany")
    duty = game.duty_of("austria_hungary")
    assert [e.deadline_round for e in game.events_of("duty_raised", events) if e.nation == "austria_hungary"] == [2]
    game.end_turn()
    assert (game.match.round, game.seat) == (2, 1) and duty.id in game.match.duties
    game.end_turn()
    assert (game.match.round, game.seat) == (2, 0) and duty.id in game.match.duties
    assert HonourDuty(nation="austria_hungary", duty=duty.id) in legal_actions(game.match, 0)
    events = game.end_turn()
    assert [(e.nation, e.expired) for e in game.events_of("buck_passed", events)] == [("austria_hungary", True)]


def test_a_duty_raised_in_round_2_waits_through_the_rules_phase_and_the_holders_opponent_opening_round_3() -> None:
    # Round 2 is seat 2, then seat 1: Germany attacks Russia on its last turn; France answers
    # on the second turn of round 3, after seat 1 has opened it.
    game = europe()
    game.play_until_seat(0)
    assert (game.match.round, game.seat) == (2, 0)
    probe(game, "germany", "russia")
    duty = game.duty_of("france")
    game.end_turn()
    assert (game.match.round, game.seat) == (3, 0) and duty.id in game.match.duties
    game.end_turn()
    assert (game.match.round, game.seat) == (3, 1) and duty.id in game.match.duties
    events = game.end_turn()
    assert [(e.nation, e.expired) for e in game.events_of("buck_passed", events)] == [("france", True)]


# ---------------------------------------------------------------------------
# Offers between the seats around the turn of a round


def test_an_offer_made_on_the_last_turn_of_a_round_waits_through_the_senders_own_opening_turn() -> None:
    level = small_world()
    level["hegemony_share"] = 1.0
    game = Game.from_level(level)
    game.end_turn()
    game.act(ProposePact(nation="germany", to="france"))
    [offer] = game.match.offers.values()
    game.end_turn()  # the rules' phase; Germany's seat opens round 2
    assert (game.match.round, game.seat) == (2, 1) and offer.id in game.match.offers
    game.end_turn()
    assert (game.match.round, game.seat) == (2, 0)
    events = game.act(AnswerOffer(nation="france", offer=offer.id, accept=True))
    assert game.match.pacts["pact_france_germany"] == ("france", "germany")
    assert game.events_of("treaty_signed", events)


def test_an_offer_left_unanswered_lapses_at_the_end_of_the_recipients_turn_in_the_next_round() -> None:
    level = small_world()
    level["hegemony_share"] = 1.0
    game = Game.from_level(level)
    game.end_turn()
    game.act(ProposePact(nation="germany", to="france"))
    game.end_turn()
    assert game.events_of("offer_answered") == []
    events = game.end_turn()
    assert game.events_of("offer_answered", events) == []  # Germany's own turn: nothing lapses
    events = game.end_turn()
    assert [e.text for e in game.events_of("offer_answered", events)] == [
        "The offer from Germany to France lapses unanswered."
    ]


def test_an_offer_from_a_nation_of_the_rules_can_be_answered_by_the_seat_that_opens_the_next_round() -> None:
    # Belgium (a balancer) courts the weaker side in the rules' phase of round 1: Germany, whose
    # seat opens round 2. Its offer is open on that very turn.
    level = small_world()
    level["hegemony_share"] = 1.0
    level["treaties"] = {"alliances": [], "guarantees": [], "pacts": []}
    level["garrisons"] = [g for g in level["garrisons"] if g["territory"] != "brussels"]
    game = Game.from_level(level)
    game.play_until_seat(1)
    events = game.end_turn()
    [made] = [e for e in game.events_of("offer_made", events) if e.sender == "belgium"]
    assert made.recipient == "germany" and "answer when the round ends" not in made.text
    assert (game.match.round, game.seat) == (2, 1)
    accept = AnswerOffer(nation="germany", offer=made.offer, accept=True)
    assert accept in legal_actions(game.match, 1)
    events = game.act(accept)
    assert game.events_of("treaty_signed", events)
