"""Which doctrine a nation follows, by the name its level gives it, and the questions asked of it.

A new doctrine is one new file holding one :class:`~game.core.doctrines.base.Doctrine`
subclass; it plays once its name is in the level format's ``Doctrine`` literal
(``game/core/level.py``) and its instance is listed in :data:`DOCTRINES` below (a test checks
that every name has one). The module-level functions are what the engine and the bots call:
each dispatches to the doctrine of the nation concerned.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import MappingProxyType

from game.core.doctrines.balancer import Balancer
from game.core.doctrines.bandwagoner import Bandwagoner
from game.core.doctrines.base import Decision, Doctrine, Initiative
from game.core.doctrines.neutral import Neutral
from game.core.doctrines.regime_seeker import RegimeSeeker
from game.core.doctrines.threat_balancer import ThreatBalancer
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match, Offer

DOCTRINES: Mapping[DoctrineName, Doctrine] = MappingProxyType(
    {d.name: d for d in (Balancer(), ThreatBalancer(), Bandwagoner(), RegimeSeeker(), Neutral())}
)
"""Every doctrine by its name in level files."""


def doctrine_of(m: Match, nation: str) -> Doctrine:
    """The doctrine the level gives ``nation``."""
    return DOCTRINES[m.index.doctrine[nation]]


def decide_offer(m: Match, offer: Offer) -> Decision:
    """An NPC answers an offer by its doctrine, in the NPC phase of the round it was made."""
    return doctrine_of(m, offer.recipient).decide_offer(m, offer)


def decide_duty(m: Match, duty: Duty) -> Decision:
    """Honour or pass the buck, by the holder's doctrine; the treaty's cohesion (or credibility) moves its threshold."""
    return doctrine_of(m, duty.nation).decide_duty(m, duty)


def decide_call(m: Match, call: Call) -> Decision:
    """An NPC answers an ally's call to arms by its doctrine."""
    return doctrine_of(m, call.ally).decide_call(m, call)


def dares_war(m: Match, nation: str, victim: str) -> Decision:
    """Whether an NPC's doctrine lets it start a war for a claim on ``victim``'s land."""
    return doctrine_of(m, nation).dares_war(m, nation, victim)


def initiatives(m: Match, nation: str) -> list[Initiative]:
    """What an NPC starts on its own this NPC phase."""
    return doctrine_of(m, nation).initiatives(m, nation)


def rank_suitors(m: Match, nation: str, rng: random.Random) -> list[int]:
    """The two seats, the one ``nation``'s doctrine would rather join first.

    A dead heat (mirror worlds, the first round of a symmetric map) is settled by ``rng``
    so that sitting first is never an advantage.
    """
    doctrine = doctrine_of(m, nation)
    first, second = doctrine.appeal(m, nation, 0), doctrine.appeal(m, nation, 1)
    if first == second:
        return [0, 1] if rng.random() < 0.5 else [1, 0]
    return [0, 1] if first > second else [1, 0]
