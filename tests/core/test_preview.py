"""A preview tells what an action would do before it is done, and does nothing.

What it tells must be what :func:`game.core.apply` then does: the same sentences up to the
dice, the same gold, credibility, stability and cohesion. And the events carry those numbers
themselves, so a screen reads them from the event instead of the rules' table.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

from game.core import (
    CannotAfford,
    Match,
    NotYourTurn,
    Shielded,
    apply,
    current_seat,
    deadline_round,
    new_match,
    preview,
    state_hash,
)
from game.core import world as w
from game.core.actions import (
    Attack,
    EndTurn,
    HonourDuty,
    JointExercise,
    LeaveTreaty,
    PassTheBuck,
    ProposePact,
    Recruit,
    RegimeAid,
    Undo,
)
from game.core.forces import recruit_cost
from tests.builder import Game, level_of
from tests.core.test_article5_1914 import border, europe, france_to_play_after_germany_attacks_russia, guarantee
from tests.core.test_invariants import random_action
from tests.small_world import small_world


def changes(before: dict[Any, int], after: dict[Any, int]) -> dict[Any, int]:
    return {k: after[k] - v for k, v in before.items() if k in after and after[k] != v}


def cohesions(m: Match) -> dict[str, int]:
    return {a.id: a.cohesion for a in m.alliances.values()}


# -- An attack, up to its battle ------------------------------------------------------------------


def germany_ready_to_attack_belgium() -> tuple[Game, Attack]:
    game = europe()
    source, target = border(game, "germany", "belgium")
    game.give_forces(source, germany=1)
    game.give_forces(target, belgium=10)
    return game, Attack(nation="germany", source=source, target=target, amount=1)


def test_previewing_an_attack_on_a_guaranteed_nation_names_the_guarantors_duty_and_changes_nothing() -> None:
    game, attack = germany_ready_to_attack_belgium()
    before, dice = game.hash, game.match.rng.getstate()
    seen = preview(game.match, attack)
    assert seen.legal
    assert [(d.nation, d.treaty) for d in seen.duties] == [("britain", guarantee(game, "britain", "belgium"))]
    assert game.hash == before
    assert game.match.rng.getstate() == dice, "the preview drew from the match's own dice"


def test_an_attacks_preview_stops_before_the_battle_and_says_the_dice_decide_the_rest() -> None:
    game, attack = germany_ready_to_attack_belgium()
    seen = preview(game.match, attack)
    assert seen.dice_follow
    assert [e.kind for e in seen.events] == ["war_declared", "duty_raised"]


def test_an_attacks_preview_tells_the_very_sentences_the_attack_then_produces_before_its_battle() -> None:
    game, attack = germany_ready_to_attack_belgium()
    told = [e.text for e in preview(game.match, attack).events]
    done = [e.text for e in game.act(attack)]
    assert done[: len(told)] == told
    assert game.last[len(told)].kind == "battle"


def test_the_duty_an_attack_would_raise_falls_due_in_the_round_the_real_duty_does() -> None:
    game, attack = germany_ready_to_attack_belgium()
    (call,) = preview(game.match, attack).duties
    game.act(attack)
    assert call.deadline_round == deadline_round(game.duty_of("britain"))


def test_breaking_a_pact_costs_the_credibility_the_preview_said_and_the_declaration_says_so_too() -> None:
    game = Game.from_level(small_world())
    game.end_turn()  # Germany, which has a pact with Belgium, to play
    game.give_forces("alsace", germany=6)
    attack = Attack(nation="germany", source="alsace", target="brussels", amount=6)
    told = preview(game.match, attack).credibility
    before = game.match.credibility["germany"]
    (declaration,) = game.events_of("war_declared", game.act(attack))
    assert declaration.broke_pact
    assert told == {"germany": game.match.credibility["germany"] - before} == {"germany": -25}
    assert declaration.credibility_delta == -25


def test_a_tripwire_leaves_no_duty_to_answer_in_the_preview() -> None:
    game = Game.from_level(small_world())
    game.end_turn()
    game.give_forces("alsace", germany=6)
    seen = preview(game.match, Attack(nation="germany", source="alsace", target="brussels", amount=6))
    # France is called by the Entente, but its troops in Brussels take it into the war at once.
    assert "entered_war" in [e.kind for e in seen.events]
    assert seen.duties == ()


# -- A refusal ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "error"),
    [
        (Attack(nation="france", source="paris", target="brussels", amount=1), Shielded),
        (Attack(nation="germany", source="berlin", target="paris", amount=1), NotYourTurn),
        (RegimeAid(nation="france", to="belgium"), CannotAfford),
    ],
    ids=["an ally", "not its turn", "an empty treasury"],
)
def test_a_refused_actions_preview_gives_the_kind_and_the_words_apply_refuses_it_with(
    action: Any, error: type[Exception]
) -> None:
    game = Game.from_level(small_world()).set_treasury("france", 0)
    seen = preview(game.match, action)
    reason = game.refused(action)
    assert seen.refusal is not None and not seen.legal
    assert seen.refusal.error is error
    assert seen.refusal.reason == reason
    assert seen.events == () and seen.cost == 0


# -- The price of each answer to a duty ---------------------------------------------------------


@pytest.mark.parametrize("answer", [HonourDuty, PassTheBuck], ids=["honour", "pass the buck"])
def test_the_credibility_and_cohesion_a_duty_answer_moves_are_what_its_preview_said(answer: Any) -> None:
    game = france_to_play_after_germany_attacks_russia()
    duty = game.duty_of("france")
    action = answer(nation="france", duty=duty.id)
    seen = preview(game.match, action)
    credibility, cohesion = dict(game.match.credibility), cohesions(game.match)
    events = game.act(action)
    assert seen.credibility == changes(credibility, game.match.credibility)
    assert seen.cohesion == changes(cohesion, cohesions(game.match))
    assert seen.credibility["france"] == sum(getattr(e, "credibility_delta", 0) for e in events)


def test_honouring_raises_credibility_and_cohesion_and_passing_lowers_them() -> None:
    game = france_to_play_after_germany_attacks_russia()
    duty = game.duty_of("france")
    honour = preview(game.match, HonourDuty(nation="france", duty=duty.id))
    passing = preview(game.match, PassTheBuck(nation="france", duty=duty.id))
    assert honour.credibility["france"] > 0 > passing.credibility["france"]
    assert honour.cohesion["franco_russian"] > 0 > passing.cohesion["franco_russian"]


def test_credibility_already_at_the_top_rises_no_further_in_the_preview_nor_in_the_event() -> None:
    game = france_to_play_after_germany_attacks_russia()
    game.match.credibility["france"] = 100
    action = HonourDuty(nation="france", duty=game.duty_of("france").id)
    assert "france" not in preview(game.match, action).credibility
    (honoured,) = game.events_of("duty_honoured", game.act(action))
    assert honoured.credibility_delta == 0


# -- What an option costs ----------------------------------------------------------------------


def test_an_exercise_costs_the_gold_its_preview_and_its_event_say_and_raises_cohesion_by_its_gain() -> None:
    game = Game.from_level(small_world()).set_treasury("france", 30)
    action = JointExercise(nation="france", alliance="entente", partner="belgium")
    seen = preview(game.match, action)
    (held,) = game.events_of("joint_exercise_held", game.act(action))
    assert seen.cost == held.cost == w.exercise_cost() == 30 - game.match.treasury["france"]
    assert seen.cohesion == {"entente": held.gain}


def test_regime_aid_costs_what_the_core_says_before_it_is_chosen_and_raises_stability_as_previewed() -> None:
    game = Game.from_level(small_world()).set_treasury("france", 30)
    game.match.stability["belgium"] = 30
    action = RegimeAid(nation="france", to="belgium")
    seen = preview(game.match, action)
    (aid,) = game.events_of("regime_aid_given", game.act(action))
    assert seen.cost == aid.cost == w.regime_aid_cost()
    assert seen.stability == {"belgium": aid.stability_delta} == {"belgium": game.match.stability["belgium"] - 30}


def test_leaving_an_alliance_costs_the_credibility_the_preview_said_and_the_event_carries_it() -> None:
    game = Game.from_level(small_world())
    seen = preview(game.match, LeaveTreaty(nation="france", treaty="entente"))
    before = game.match.credibility["france"]
    (left,) = game.events_of("treaty_left", game.act(LeaveTreaty(nation="france", treaty="entente")))
    assert (
        seen.credibility == {"france": left.credibility_delta} == {"france": game.match.credibility["france"] - before}
    )
    assert left.credibility_delta < 0


def test_recruiting_costs_what_the_core_prices_each_unit_at() -> None:
    game = Game.from_level(small_world())
    assert preview(game.match, Recruit(nation="france", territory="paris", amount=1)).cost == recruit_cost(1)


# -- Every action of random play: told, then done -----------------------------------------------

PLAYOUT_LEVELS = [pytest.param(small_world(), id="small_world"), pytest.param("europe1914.json", id="europe1914")]


@pytest.mark.parametrize("source", PLAYOUT_LEVELS)
def test_in_random_play_every_preview_tells_what_apply_then_does_and_changes_nothing(source: Any) -> None:
    rng = random.Random(13)
    m = new_match(level_of(source), seed=5)
    for _ in range(150):
        if current_seat(m) is None:
            break
        action = random_action(m, rng)
        before, dice = state_hash(m), m.rng.getstate()
        seen = preview(m, action)
        assert state_hash(m) == before and m.rng.getstate() == dice
        assert seen.legal, seen.refusal
        numbers = dict(m.treasury), dict(m.credibility), dict(m.stability), cohesions(m)
        events = apply(m, action)
        assert [e.text for e in events[: len(seen.events)]] == [e.text for e in seen.events]
        if not seen.dice_follow:
            assert len(events) == len(seen.events)
            assert seen.treasury == changes(numbers[0], m.treasury)
            assert seen.credibility == changes(numbers[1], m.credibility)
            assert seen.stability == changes(numbers[2], m.stability)
            assert seen.cohesion == changes(numbers[3], cohesions(m))


@pytest.mark.parametrize("source", PLAYOUT_LEVELS)
def test_in_random_play_the_events_carry_every_change_of_credibility_and_every_gold_spent(source: Any) -> None:
    rng = random.Random(21)
    m = new_match(level_of(source), seed=3)
    for _ in range(200):
        if current_seat(m) is None:
            break
        action = random_action(m, rng)
        if isinstance(action, Undo):
            continue  # taking an action back takes back its numbers: the undone event says which action
        credibility, treasury = dict(m.credibility), dict(m.treasury)
        events = apply(m, action)
        # Credibility moves only by honouring, passing, leaving or breaking a pact: each event says by how much.
        told: Counter[str] = Counter()
        for event in events:
            who = getattr(event, "aggressor", None) if event.kind == "war_declared" else getattr(event, "nation", None)
            if getattr(event, "credibility_delta", 0):
                told[who] += event.credibility_delta
        assert dict(told) == changes(credibility, m.credibility)
        if not isinstance(action, EndTurn):  # a seat's own action: its gold goes on what the events price
            spent = sum(getattr(e, "cost", 0) for e in events)
            assert spent == -sum(changes(treasury, m.treasury).values())


# -- What waits for a seat's answer -------------------------------------------------------------


def test_a_seats_open_questions_are_its_duties_oldest_first_then_the_offers_made_to_it() -> None:
    game = europe()
    source, target = border(game, "germany", "russia")
    game.give_forces(source, germany=1)
    game.act(ProposePact(nation="germany", to="france"))
    game.act(Attack(nation="germany", source=source, target=target, amount=1))
    game.end_turn()
    questions = w.open_questions(game.match, 1)
    assert [(d.nation, d.treaty) for d in questions.duties] == [("france", "franco_russian")]
    assert [(o.kind, o.recipient) for o in questions.offers] == [("pact", "france")]
    assert len(questions) == 2
    assert len(w.open_questions(game.match, 0)) == 0, "the other seat has nothing to answer"


def test_an_attacks_preview_names_the_victims_allies_who_are_at_war_with_the_attacker_already() -> None:
    game = europe()
    source, target = border(game, "germany", "russia")
    game.give_forces(source, germany=1)
    game.match.wars.add(frozenset(("germany", "france")))
    seen = preview(game.match, Attack(nation="germany", source=source, target=target, amount=1))
    assert ("germany", "russia", ("france",)) in seen.already_fighting
    assert "france" not in [d.nation for d in seen.duties]
