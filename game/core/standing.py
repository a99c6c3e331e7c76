"""A nation's standing: its credibility (do others trust its word?) and its regime's stability.

Credibility falls when a nation passes the buck, leaves a treaty or breaks a pact, and rises
when it honours a duty; the NPCs read it (see the doctrines). Stability falls with lost land
and long wars and settles back in peace; a fragile regime (David) sides with whoever props it
up, which is what regime aid buys.
"""

from __future__ import annotations

import math

from game.core import checks, rules
from game.core import world as w
from game.core.actions import RegimeAid
from game.core.errors import CannotAfford, IllegalAction
from game.core.events import Event, RegimeAidGiven, new_event
from game.core.ids import NationId
from game.core.state import Match


def clamp(value: int) -> int:
    """Every standing and every cohesion lives on 0..100.

    >>> clamp(-4), clamp(55), clamp(130)
    (0, 55, 100)
    """
    return 0 if value < 0 else 100 if value > 100 else value


def shift_credibility(m: Match, nation: NationId, delta: int) -> int:
    """Move a nation's credibility; returns how far it moved (less than ``delta`` at 0 or 100)."""
    before = m.credibility[nation]
    m.credibility[nation] = clamp(before + delta)
    return m.credibility[nation] - before


def shift_stability(m: Match, nation: NationId, delta: int) -> int:
    """Move a nation's regime stability; returns how far it moved (less than ``delta`` at 0 or 100)."""
    before = m.stability[nation]
    m.stability[nation] = clamp(before + delta)
    return m.stability[nation] - before


def give_regime_aid(m: Match, a: RegimeAid, events: list[Event]) -> None:
    """Pay to prop up another nation's regime; the recipient remembers its donors (David's doctrine)."""
    checks.counterpart(m, a.nation, a.to)
    if w.at_war(m, a.nation, a.to):
        raise IllegalAction(f"{w.nation_name(m, a.nation)} is at war with {w.nation_name(m, a.to)}")
    if m.treasury[a.nation] < rules.REGIME_AID_COST:
        raise CannotAfford(f"regime aid costs {rules.REGIME_AID_COST}; the treasury holds {m.treasury[a.nation]}")
    m.treasury[a.nation] -= rules.REGIME_AID_COST
    rise = shift_stability(m, a.to, rules.REGIME_AID_STABILITY)
    m.aid_received.setdefault(a.to, {}).setdefault(a.nation, []).append(m.round)
    settle_aid_tie(m, a.to, a.nation)
    events.append(
        new_event(
            RegimeAidGiven,
            donor=a.nation,
            recipient=a.to,
            stability=m.stability[a.to],
            stability_delta=rise,
            cost=rules.REGIME_AID_COST,
            text=f"{w.nation_name(m, a.nation)} sends regime aid to {w.nation_name(m, a.to)} "
            f"(stability {m.stability[a.to]}).",
        )
    )


def regime_support(m: Match, nation: NationId) -> dict[NationId, float]:
    """What each donor still in the game has done for ``nation``'s regime, in fresh aids: recent aid counts more.

    Every aid fades by half each :data:`~game.core.rules.AID_HALF_LIFE_ROUNDS`: one given this
    round counts 1, one given that many rounds ago counts 0.5.

    Every donor's support fades at the same pace, so which donor has given more changes only
    when aid is given (or a donor falls), never with the passing of rounds.
    """
    donors = m.aid_received.get(nation, {})
    return {
        donor: sum(0.5 ** ((m.round - given) / rules.AID_HALF_LIFE_ROUNDS) for given in rounds)
        for donor, rounds in sorted(donors.items())
        if donor not in m.eliminated
    }


def equal_support(a: float, b: float) -> bool:
    """Two donors' support is a tie (rounding aside: the same aids given in the same rounds)."""
    return math.isclose(a, b, rel_tol=1e-9)


def settle_aid_tie(m: Match, recipient: NationId, donor: NationId) -> None:
    """If this aid left ``donor``'s support equal to other donors', the match's dice order them, once.

    The only draw regime aid ever makes, and only on a genuine tie: each donor of the tie gets
    a lot (``m.aid_lots``, the higher comes first), in donor-id order. Since the order of
    donors' support changes only when aid is given (:func:`regime_support`), the lots drawn
    here settle every later question of who comes first until the next aid, and the
    doctrines, which only ever read the match, never draw.
    """
    support = regime_support(m, recipient)
    tied = sorted(d for d, s in support.items() if equal_support(s, support[donor]))
    if len(tied) < 2:
        return
    lots = m.aid_lots.setdefault(recipient, {})
    m.own_dice()  # regime aid may be taken back: its checkpoint keeps the dice from before this draw
    for nation in tied:
        lots[nation] = m.rng.random()


def settle(m: Match) -> None:
    """At a round's end a nation at war strains its regime; one at peace recovers toward calm."""
    for nation in w.active_nations(m):
        if w.enemies(m, nation):
            shift_stability(m, nation, rules.STABILITY_AT_WAR_PER_ROUND)
        elif m.stability[nation] < rules.STABILITY_RECOVERY_TARGET:
            shift_stability(m, nation, 1)
