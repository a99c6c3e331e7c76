"""Battles: an attrition duel whose odds the preview shows exactly.

A battle is a run of exchanges. In each, one unit falls: the defenders lose one with
probability ``a / (a + d * factor)``, else the attackers do, where ``a`` and ``d`` are
the units still standing and ``factor`` is the defence multiplier (terrain, capital,
joint defence). It ends when one side has none left. Because the dice are exactly
this chain, :func:`odds` computes the same distribution the dice draw from, and the
preview can never lie.

>>> round(odds(5, 5, 1.0).attacker_wins, 3)
0.5
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

MAX_EXACT = 400  # above this many units a side, odds are still exact but slow; cap the DP work


@dataclass(frozen=True)
class Odds:
    """What the combat preview shows before an attack is confirmed."""

    attacker_wins: float
    expected_attacker_losses: float
    expected_defender_losses: float


def odds(attackers: int, defenders: int, factor: float) -> Odds:
    """Exact win probability and expected losses for ``attackers`` against ``defenders``."""
    if attackers <= 0:
        return Odds(0.0, 0.0, 0.0)
    if defenders <= 0:
        return Odds(1.0, 0.0, 0.0)
    return _odds(min(attackers, MAX_EXACT), min(defenders, MAX_EXACT), round(factor, 6))


@lru_cache(maxsize=4096)
def _odds(attackers: int, defenders: int, factor: float) -> Odds:
    # Forward dynamic programme over (attackers left, defenders left).
    # reach[d] holds the probability of standing at (a, d) for the current a.
    win = 0.0
    att_loss = 0.0
    def_loss = 0.0
    reach = [0.0] * (defenders + 1)
    reach[defenders] = 1.0
    held = [d * factor for d in range(defenders + 1)]  # the defence's weight at d standing, asked a*d times
    for a in range(attackers, 0, -1):
        nxt = [0.0] * (defenders + 1)
        # Within one attacker count, defenders fall from high to low: what falls from d reaches d - 1
        # (``fallen``) before d - 1 is settled, the same sums in the same order as adding it there.
        fallen = 0.0
        for d in range(defenders, 0, -1):
            p = reach[d] + fallen if fallen else reach[d]
            if p == 0.0:
                fallen = 0.0
                continue
            hit = a / (a + held[d])
            fallen = p * hit
            nxt[d] = p * (1.0 - hit)
        # reach[0]: the defence is wiped out with a units still standing.
        p_end = reach[0] + fallen if fallen else reach[0]
        win += p_end
        att_loss += p_end * (attackers - a)
        def_loss += p_end * defenders
        reach = nxt
    # What is left in reach: attackers wiped out (a == 0) with d defenders standing.
    for d in range(1, defenders + 1):
        p = reach[d]
        att_loss += p * attackers
        def_loss += p * (defenders - d)
    return Odds(win, att_loss, def_loss)


def surely_below(attackers: int, defenders: int, factor: float, chance: float) -> bool:
    """Whether the attack's chance of winning is certainly under ``chance``, often without the whole table.

    The nations of the rules weigh every stack against every border and strike only at good
    odds; most stacks are hopeless, and :func:`odds` would settle each to the last defender.
    Here the chain runs defender by defender instead, so the chance that the attack is wiped
    out is known early: once it passes ``1 - chance`` (with a margin far above rounding), the
    answer is in. ``False`` promises nothing: ask :func:`odds` for the exact figure.

    >>> surely_below(2, 10, 1.0, 0.7), surely_below(10, 2, 1.0, 0.7)
    (True, False)
    """
    if attackers <= 0:
        return chance > 0.0
    if defenders <= 0:
        return False
    return _surely_below(min(attackers, MAX_EXACT), min(defenders, MAX_EXACT), round(factor, 6), chance)


_MARGIN = 1e-9  # far above the rounding of a few thousand sums, far below any odds a player sees


@lru_cache(maxsize=4096)
def _surely_below(attackers: int, defenders: int, factor: float, chance: float) -> bool:
    # reach[a] holds the probability of standing at (a, d) for the current defender count d.
    ceiling = 1.0 - chance + _MARGIN  # wiped out more often than this: the attack wins less than ``chance``
    lost = 0.0
    reach = [0.0] * (attackers + 1)
    reach[attackers] = 1.0
    for d in range(defenders, 0, -1):
        nxt = [0.0] * (attackers + 1)
        weight = d * factor
        fallen = 0.0  # what fell from a + 1 attackers at this defender count
        for a in range(attackers, 0, -1):
            p = reach[a] + fallen
            if p == 0.0:
                fallen = 0.0
                continue
            hit = a / (a + weight)
            nxt[a] = p * hit
            fallen = p * (1.0 - hit)
        lost += fallen  # the attack wiped out with d defenders standing
        if lost > ceiling:
            return True
        reach = nxt
    return False


@lru_cache(maxsize=8192)
def repelled(attackers: int, defenders: int, factor: float) -> tuple[float, ...]:
    """The battle's end as a distribution over the defenders left standing: index ``d`` is the
    chance the attack is wiped out leaving ``d`` defenders, index 0 the chance the attack wins.

    The same chain of exchanges as :func:`odds` and the dice; a bot planning several attacks on
    one target in turn chains these (what the first leaves, the second meets).

    >>> [round(p, 3) for p in repelled(1, 1, 1.0)]
    [0.5, 0.5]
    """
    win = 0.0
    reach = [0.0] * (defenders + 1)
    reach[defenders] = 1.0
    for a in range(attackers, 0, -1):
        nxt = [0.0] * (defenders + 1)
        for d in range(defenders, 0, -1):
            p = reach[d]
            if p == 0.0:
                continue
            hit = a / (a + d * factor)
            reach[d - 1] += p * hit
            nxt[d] += p * (1.0 - hit)
        win += reach[0]
        reach = nxt
    reach[0] = win
    return tuple(reach)


def fight(attackers: int, defenders: int, factor: float, rng: random.Random) -> tuple[int, int]:
    """Roll a battle. Returns (attacker losses, defender losses); the side that lost everything lost."""
    a, d = attackers, defenders
    while a > 0 and d > 0:
        if rng.random() < a / (a + d * factor):
            d -= 1
        else:
            a -= 1
    return attackers - a, defenders - d
