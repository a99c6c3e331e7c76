"""How nations nobody plays choose sides: the doctrines of alliance theory as rules.

Each decision is a pure function of the match and returns a :class:`Decision` with a
one-sentence reason that the chronicle shows. The engine calls three hooks:
:func:`decide_offer` (an offer to an NPC), :func:`decide_duty` (an NPC's Article 5 or
guarantee duty) and :func:`initiatives` (what an NPC starts on its own in the NPC phase), and
:func:`rank_suitors` when both seats court one nation in a round.

One file per doctrine, each one class:

- ``balancer.py`` (Waltz): joins the weaker side to stop the stronger.
- ``threat_balancer.py`` (Walt): opposes the most threatening side: power x proximity
  x forces on its border x aggressive record, discounted by shared ideology.
- ``bandwagoner.py`` (a strategy for the weak): joins the strongest threatening side
  when opposing it would cost more than it gains.
- ``regime_seeker.py`` (David): while its regime is fragile (or just lifted out of danger),
  sides with its protector, the donor whose recent aid did most; once secure, it weighs
  threats like a threat-balancer.
- ``neutral.py``: joins nobody, signs pacts, fights only whoever attacks it.

Beside them: ``base.py`` (the :class:`Doctrine` base class and the screening every doctrine
shares), ``measures.py`` (bloc, coalition, power, threat, proximity, affinity: the arithmetic
they share) and ``registry.py`` (a doctrine by its name in level files).
"""

from game.core.doctrines.bandwagoner import BANDWAGON_MARGIN
from game.core.doctrines.base import BOND_SWAY, NEUTRAL_BOND, Bond, Case, Decision, Doctrine, Initiative, bond_of
from game.core.doctrines.measures import (
    affinity,
    aggressive_record,
    bloc,
    bloc_power,
    border_forces,
    coalition,
    coalition_power,
    fragile,
    has_broken_a_pact,
    menace,
    neighbours,
    protector,
    proximity,
    side_of,
    threat,
    threat_of,
    top_donor,
    unreliable,
    war_balance,
    war_sides,
)
from game.core.doctrines.registry import (
    DOCTRINES,
    dares_war,
    decide_call,
    decide_duty,
    decide_offer,
    doctrine_of,
    initiatives,
    rank_suitors,
)

__all__ = [
    "BANDWAGON_MARGIN",
    "DOCTRINES",
    "BOND_SWAY",
    "NEUTRAL_BOND",
    "Bond",
    "Case",
    "Decision",
    "Doctrine",
    "Initiative",
    "affinity",
    "aggressive_record",
    "bloc",
    "bloc_power",
    "bond_of",
    "border_forces",
    "coalition",
    "coalition_power",
    "war_balance",
    "dares_war",
    "decide_call",
    "decide_duty",
    "decide_offer",
    "doctrine_of",
    "fragile",
    "has_broken_a_pact",
    "initiatives",
    "menace",
    "neighbours",
    "protector",
    "proximity",
    "rank_suitors",
    "side_of",
    "threat",
    "threat_of",
    "top_donor",
    "unreliable",
    "war_sides",
]
