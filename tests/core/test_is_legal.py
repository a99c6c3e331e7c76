"""``is_legal`` asks an action's own check instead of trying it: it must agree with trying it.

Bots ask whether an action is legal dozens of times a turn; trying it on a clone of a big map
cost more than their thinking, so Recruit, Move, Attack, exercises, answers to offers and calls
to arms are asked of the same check their handlers run first. If the check ever missed a rule
the handler enforces, a bot would hand the engine an illegal action: these tests try every kind
of near miss both ways along real matches.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from game.ai import make_bot
from game.core import Action, IllegalAction, Match, apply, current_seat, is_legal, new_match
from game.core import world as w
from game.core.actions import AnswerOffer, Attack, CallToArms, JointExercise, Move, Recruit
from game.io.levels import load_level
from tests.golden.playthrough import ROOT


def tried(m: Match, action: Action) -> bool:
    """The definition: what apply does to a copy."""
    try:
        apply(m.clone(record=False), action)
    except IllegalAction:
        return False
    return True


def near_misses(m: Match, rng: random.Random) -> Iterator[Action]:
    """Legal actions and ones just outside the rules: every nation, its posts and borders, amounts ±1."""
    territories = list(m.owner)
    for nation in m.index.nation_name:
        for territory in rng.sample(territories, 3) + w.territories_of(m, nation)[:2]:
            affordable = max(1, m.treasury.get(nation, 0) // 3)
            for amount in (1, affordable, affordable + 1, 10_000):
                yield Recruit(nation=nation, territory=territory, amount=amount)
        for source in w.posts_of(m, nation)[:4] + rng.sample(territories, 1):
            ready = w.ready(m, source, nation)
            targets = list(w.neighbours(m, source))[:4] + rng.sample(territories, 1)
            for target in targets:
                for amount in {1, max(1, ready), ready + 1}:
                    yield Move(nation=nation, source=source, target=target, amount=amount)
                    yield Attack(nation=nation, source=source, target=target, amount=amount)
        others = [n for n in m.index.nation_name if n != nation]
        for alliance in [*m.alliances.values()][:3]:
            for partner in [*alliance.members[:3], rng.choice(others)]:
                for territory in (None, *w.territories_of(m, nation)[:2], rng.choice(territories)):
                    yield JointExercise(nation=nation, alliance=alliance.id, partner=partner, territory=territory)
        for offer in list(m.offers.values())[:4]:
            for accept in (True, False):
                yield AnswerOffer(nation=nation, offer=offer.id, accept=accept)
                yield AnswerOffer(nation=offer.recipient, offer=offer.id, accept=accept)
        yield AnswerOffer(nation=nation, offer=10_000, accept=True)
        for enemy in [*w.enemies(m, nation)[:2], rng.choice(others)]:
            for ally in [*m.alliances.allies(nation)][:3] + [rng.choice(others), nation]:
                yield CallToArms(nation=nation, to=ally, enemy=enemy)


@pytest.mark.parametrize("level", ["tutorial.json", "continent.json"])
def test_asking_the_check_agrees_with_trying_the_action(level: str) -> None:
    loaded = load_level(ROOT / "levels" / level)
    for seed in (1, 2):
        m = new_match(loaded, seed)
        bots = (make_bot("bandwagoner:hard"), make_bot("random"))
        rng = random.Random(seed)
        steps = 0
        while (seat := current_seat(m)) is not None and steps < 400:
            if steps % 9 == 0:
                for action in near_misses(m, rng):
                    assert is_legal(m, action) == tried(m, action), action
            apply(m, bots[seat].choose(m, seat, rng))
            steps += 1
        for action in near_misses(m, rng):  # and once the match is over (or well on)
            assert is_legal(m, action) == tried(m, action), action
