"""Alliance theory at NATO's scale: one attack on one member of a fifteen-member alliance.

tests/fixtures/nato_1956.json: NATO (cohesion 60, Article 5) with the United States on seat 1,
the Soviet Union on seat 2, every other member a nation of the rules with its own doctrine.
The Soviet Union, with troops stationed in East Germany, takes Hamburg from West Germany.
"""

from __future__ import annotations

import json
import random

from game.core import duties
from game.core.actions import Attack
from tests.builder import FIXTURES_DIR, Game, level_of

NATO_MEMBERS = 15


def nato_level(member_order_seed: int | None = None) -> dict[str, object]:
    level = json.loads((FIXTURES_DIR / "nato_1956.json").read_text(encoding="utf-8"))
    if member_order_seed is not None:
        nato = next(al for al in level["treaties"]["alliances"] if al["id"] == "nato")
        random.Random(member_order_seed).shuffle(nato["members"])
    return level


def soviet_attack_and_npc_phase(level: dict[str, object]) -> Game:
    game = Game.from_level(level_of(level))
    game.end_turn()  # the United States ends its first turn
    game.act(Attack(nation="ussr", source="east_berlin", target="hamburg", amount=8))
    game.end_turn()  # the Soviet turn ends: the NPC members answer their duties
    return game


def answers(game: Game) -> dict[str, str]:
    said = {e.nation: "honoured" for e in game.chronicle_of("duty_honoured")}
    said.update({e.nation: "passed" for e in game.chronicle_of("buck_passed")})
    return said


def test_one_attack_leaves_nato_standing_with_most_members_honouring() -> None:
    game = soviet_attack_and_npc_phase(nato_level())
    nato = game.match.alliances["nato"]
    npc_members = NATO_MEMBERS - 1  # the United States is a seat and answers on its own turn
    said = {n: a for n, a in answers(game).items() if n != "usa"}
    assert len(said) == npc_members - 1  # every member but West Germany, the victim, was called and answered
    assert sum(1 for a in said.values() if a == "honoured") > len(said) / 2
    assert len(nato.members) == NATO_MEMBERS
    assert nato.cohesion >= 60


def test_the_order_an_alliance_lists_its_members_in_never_changes_the_outcome() -> None:
    reference = soviet_attack_and_npc_phase(nato_level())
    for seed in range(4):
        shuffled = soviet_attack_and_npc_phase(nato_level(member_order_seed=seed))
        assert answers(shuffled) == answers(reference)
        assert shuffled.match.alliances["nato"].cohesion == reference.match.alliances["nato"].cohesion
        assert shuffled.match.credibility == reference.match.credibility


def test_a_small_members_pass_shakes_the_alliance_less_than_a_great_powers() -> None:
    game = Game.from_level("nato_1956.json")
    game.end_turn()
    game.act(Attack(nation="ussr", source="east_berlin", target="hamburg", amount=8))
    luxembourg, britain = game.duty_of("luxembourg"), game.duty_of("uk")
    assert duties.pass_cohesion(game.match, luxembourg) == -1  # the least step: every refusal is remembered
    assert duties.pass_cohesion(game.match, britain) < duties.pass_cohesion(game.match, luxembourg)


def test_all_holders_called_by_one_declaration_decide_before_any_answer_takes_effect() -> None:
    # Answered one by one, each pass lowered the cohesion the next member weighed; decided
    # together, every member's reason is about the alliance as it stood when the war began.
    game = soviet_attack_and_npc_phase(nato_level())
    reasons = [e.reason for e in game.chronicle_of("buck_passed")]
    assert not any("hollow" in reason for reason in reasons)


def test_two_equal_partners_feel_a_pass_as_a_flat_ten() -> None:
    from game.core import world as w
    from game.core.state import Duty
    from tests.small_world import small_world

    game = Game.from_level(small_world())
    m = game.match
    m.forces["paris"], m.forces["brussels"] = {}, {"france": 2, "belgium": 10}
    assert w.power(m, "france") == w.power(m, "belgium")
    duty = Duty(
        id=99, nation="france", aggressor="germany", target="belgium", treaty="entente", raised_turn=1, deadline=2
    )
    assert duties.pass_cohesion(m, duty) == -10
