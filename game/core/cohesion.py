"""Cohesion: what an alliance is worth, and socialization, the way it grows.

Joint exercises raise it, with diminishing returns near 100 (allies who train together
fight together); it falls with buck-passing, slowly with ideological distance between the
members, and slowly when nobody has exercised for a while. High cohesion makes allies
defending one territory fight better (see ``world.joint_defence_factor``) and NPC members
honour more readily; below ``rules.LOW_COHESION`` NPC members consider leaving.
"""

from __future__ import annotations

from game.core import checks, rules
from game.core import world as w
from game.core.actions import JointExercise
from game.core.errors import CannotAfford, IllegalAction, UnknownId
from game.core.events import DRIFT_IDEOLOGY, DRIFT_NO_EXERCISES, CohesionChanged, Event, JointExerciseHeld, new_event
from game.core.ids import TreatyId
from game.core.standing import clamp
from game.core.state import Match


def shift(m: Match, treaty: TreatyId, delta: int, cause: str, events: list[Event]) -> None:
    """Move an alliance's cohesion (nothing for a guarantee, which has none) and say why."""
    alliance = m.alliances.get(treaty)
    if alliance is None:
        return
    before = alliance.cohesion
    alliance.cohesion = clamp(before + delta)
    if alliance.cohesion != before:
        change = alliance.cohesion - before
        direction = "rises" if change > 0 else "falls"
        events.append(
            new_event(
                CohesionChanged,
                alliance=alliance.id,
                cohesion=alliance.cohesion,
                delta=change,
                cause=cause,
                text=f"Cohesion of {w.with_the(alliance.name)} {direction} to {alliance.cohesion} ({cause}).",
            )
        )


def exercise_gain(cohesion: int, on_border: bool) -> int:
    """Diminishing returns: a young alliance learns much from one exercise, a seasoned one little.

    >>> exercise_gain(0, False), exercise_gain(50, False), exercise_gain(50, True), exercise_gain(99, False)
    (12, 6, 9, 1)
    """
    gain = rules.EXERCISE_GAIN * (100 - cohesion) / 100.0
    if on_border:
        gain *= rules.BORDER_EXERCISE_BONUS
    return max(1 if cohesion < 100 else 0, round(gain))


def hold_exercise(m: Match, a: JointExercise, events: list[Event]) -> None:
    """Two members train together; on the alliance's border it teaches more and alarms threat-balancers."""
    check_exercise(m, a)
    alliance = m.alliances[a.alliance]
    on_border = a.territory is not None  # the check refuses a territory off the alliance's border
    m.treasury[a.nation] -= rules.EXERCISE_COST
    m.exercised.add(a.nation)
    gain = exercise_gain(alliance.cohesion, on_border)
    alliance.cohesion = clamp(alliance.cohesion + gain)
    alliance.last_exercise_round = m.round
    if on_border:
        m.border_exercises[alliance.id] = m.round
    where = f" on the border at {w.territory_name(m, a.territory)}" if a.territory else ""
    events.append(
        new_event(
            JointExerciseHeld,
            alliance=alliance.id,
            nations=[a.nation, a.partner],
            territory=a.territory,
            cohesion=alliance.cohesion,
            gain=gain,
            cost=rules.EXERCISE_COST,
            text=f"{w.nation_name(m, a.nation)} and {w.nation_name(m, a.partner)} hold a joint exercise{where}: "
            f"cohesion of {w.with_the(alliance.name)} rises to {alliance.cohesion}.",
        )
    )


def check_exercise(m: Match, a: JointExercise) -> None:
    """The rules of an exercise (raises IllegalAction, changes nothing): members, once a turn, paid, on the border."""
    alliance = m.alliances.get(a.alliance)
    if alliance is None:
        raise UnknownId(f"unknown alliance '{a.alliance}'")
    if a.nation not in alliance.members or a.partner not in alliance.members:
        raise IllegalAction(f"both nations must be members of {w.with_the(alliance.name)}")
    if a.partner == a.nation:
        raise IllegalAction("an exercise needs a partner")
    if a.nation in m.exercised:
        raise IllegalAction(f"{w.nation_name(m, a.nation)} has already held an exercise this turn")
    if m.treasury[a.nation] < rules.EXERCISE_COST:
        raise CannotAfford(f"an exercise costs {rules.EXERCISE_COST}; the treasury holds {m.treasury[a.nation]}")
    if a.territory is not None:
        checks.territory(m, a.territory)
        if m.owner[a.territory] not in (a.nation, a.partner):
            raise IllegalAction(f"{w.territory_name(m, a.territory)} belongs to neither partner")
        if not w.on_alliance_border(m, alliance, a.territory):
            raise IllegalAction(f"{w.territory_name(m, a.territory)} is not on the alliance's border")


def drift(m: Match, events: list[Event]) -> None:
    """At a round's end socialization fades without exercises, and differing ideologies pull members apart."""
    for alliance in sorted(m.alliances.values(), key=lambda al: al.id):
        if m.round - alliance.last_exercise_round >= rules.EXERCISE_MEMORY_ROUNDS:
            shift(m, alliance.id, -rules.FADE_PER_ROUND, DRIFT_NO_EXERCISES, events)
        ideologies = {m.index.ideology[n] for n in alliance.members}
        pull = min(len(ideologies) - 1, rules.IDEOLOGY_DRIFT_MAX)
        if pull > 0 and alliance.id in m.alliances:
            shift(m, alliance.id, -pull, DRIFT_IDEOLOGY, events)
