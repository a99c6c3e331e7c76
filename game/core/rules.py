"""Every number the rules use, in one place, so balancing never means hunting through code."""

from __future__ import annotations

from typing import Final

# Economy.
CAPITAL_INCOME_BONUS: Final = 3
RECRUIT_COST: Final = 3
EXERCISE_COST: Final = 6
REGIME_AID_COST: Final = 5
REGIME_AID_STABILITY: Final = 10

# Combat: defence multipliers.
TERRAIN_DEFENCE: Final[dict[str, float]] = {
    "plains": 1.0,
    "forest": 1.25,
    "hills": 1.5,
    "mountains": 2.0,
    "urban": 1.5,
}
CAPITAL_DEFENCE: Final = 1.25
# Levies: a territory with no troops in it is still defended by its people, this many per
# point of its value. Without them a single unit could walk into undefended land, and by
# mid-match every army painted the map one unit at a time.
LEVY_PER_VALUE: Final = 1
# Joint defence by allies in one territory: 0.8 (no interoperability) at cohesion 0,
# break-even near 50, 1.2 at 100. Socialization made tangible on the battlefield.
JOINT_DEFENCE_AT_ZERO: Final = 0.8
JOINT_DEFENCE_SPAN: Final = 0.4

# Peace: the two may not attack each other for this many rounds after the one in which they made
# it. Without a truce a bot made peace and declared war again in the same round, and a player
# could buy a breathing space with a peace offer and break it the next turn. A truce forbids
# aggression only: an Article 5 duty may still call one of them against the other.
TRUCE_ROUNDS: Final = 3

# Duties and credibility.
HONOUR_COHESION: Final = 5
HONOUR_CREDIBILITY: Final = 5
# A pass shakes an alliance in proportion to the passer's share of the alliance's power: this is
# what a member holding all of it would cost, so two equal partners feel -10 as they always did,
# a great power's refusal shakes a 15-member alliance, and Luxembourg's costs the least step.
# A flat -10 per pass emptied a NATO of 15 in one NPC phase after a single attack.
PASS_COHESION_AT_FULL_SHARE: Final = -20
PASS_COHESION_LEAST: Final = -1
PASS_CREDIBILITY: Final = -10
# Calls to arms: an aggressor asks an ally into its war. No treaty obliges the ally, so refusing
# costs no credibility, only cohesion (fear of abandonment), weighted by the refuser's share of
# the alliance's power like a pass but half as heavy; joining binds the two closer.
CALL_JOINED_COHESION: Final = 3
CALL_REFUSED_COHESION_AT_FULL_SHARE: Final = -10
BREAK_PACT_CREDIBILITY: Final = -25
LEAVE_ALLIANCE_CREDIBILITY: Final = -5  # also for revoking a guarantee
RENOUNCE_PACT_CREDIBILITY: Final = -10

# Cohesion and socialization.
EXERCISE_GAIN: Final = 12  # at cohesion 0; shrinks linearly to 1 near 100
BORDER_EXERCISE_BONUS: Final = 1.5
EXERCISE_MEMORY_ROUNDS: Final = 3  # without an exercise for this long, cohesion fades
FADE_PER_ROUND: Final = 1
IDEOLOGY_DRIFT_MAX: Final = 2
LOW_COHESION: Final = 20  # below this NPC members consider leaving

# Regime stability.
STABILITY_LOST_TERRITORY: Final = -3
STABILITY_LOST_CAPITAL: Final = -20
STABILITY_AT_WAR_PER_ROUND: Final = -1
STABILITY_RECOVERY_TARGET: Final = 60
FRAGILE_STABILITY: Final = 40
# A regime remembers who propped it up, recent aid more than old: an aid this many rounds old
# weighs half a fresh one. Counted evenly, ten aids in round 1 outbid every later protector for
# the rest of the match; three rounds is about how long one aid's stability lasts at war.
AID_HALF_LIFE_ROUNDS: Final = 3

# NPC armies: at peace an NPC keeps a standing army of this many units per point of its
# land's value and banks at most this many rounds of income; at war it spends everything.
# Without the cap the nations of the rules armed without end and froze the map by mid-game.
NPC_PEACETIME_ARMY_PER_VALUE: Final = 2
NPC_WAR_CHEST_ROUNDS: Final = 2
# NPC defence: an NPC at war strikes only with good odds, and never with a lone unit (one unit
# that wins holds the land with nothing, and the levy it meets is at least one).
NPC_ATTACK_MIN_ODDS: Final = 0.7
NPC_MIN_ATTACKERS: Final = 2
NPC_ATTACKS_PER_PHASE: Final = 2
# The reckless ally: an NPC with claims starts a war for one only at these odds or better, less
# the boldness its allies' trust gives it (their credibility times the alliance's cohesion, 0..1):
# an ally sure of being backed dares a riskier war (moral hazard, Snyder's entrapment).
RECKLESS_MIN_ODDS: Final = 0.8
RECKLESS_BOLDNESS: Final = 0.3

# How far a doctrine looks when it asks how near a side is (Walt's proximity), in hexes: beyond it
# every side is equally far. It bounds the search on big maps; the shipped maps never reach it.
PROXIMITY_HORIZON = 24
