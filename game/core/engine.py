"""The engine: ``apply(match, action) -> events``, and the turn flow around it.

An illegal action raises :class:`IllegalAction` with the reason and changes
nothing: every handler checks all of its rules before it touches the match.
Turn order lives in :func:`_end_turn` alone: the two seats, the one that opens the round
given by :func:`first_seat` (alternating, unless the level fixes it), then the NPC phase.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, TypeVar

from game.core import doctrines, rules
from game.core import world as w
from game.core.actions import (
    Action,
    AnswerOffer,
    Attack,
    EndTurn,
    HonourDuty,
    InviteToAlliance,
    JointExercise,
    LeaveTreaty,
    Move,
    OfferGuarantee,
    PassTheBuck,
    ProposeAlliance,
    ProposePact,
    ProposePeace,
    Recruit,
    RegimeAid,
    Undo,
    parse_action,
)
from game.core.combat import fight
from game.core.events import (
    DRIFT_IDEOLOGY,
    DRIFT_NO_EXERCISES,
    Battle,
    BuckPassed,
    CohesionChanged,
    DutyHonoured,
    DutyRaised,
    EnteredWar,
    Event,
    GuestsWithdrawn,
    Income,
    JointExerciseHeld,
    MatchOver,
    Moved,
    NationEliminated,
    NpcPhaseStarted,
    OfferAnswered,
    OfferMade,
    PeaceMade,
    Recruited,
    RegimeAidGiven,
    TerritoryCaptured,
    TreatyDissolved,
    TreatyLeft,
    TreatySigned,
    TurnStarted,
    Undone,
    WarDeclared,
)
from game.core.level import Level
from game.core.state import AllianceState, Declaration, Duty, LevelIndex, Match, Offer, Outcome

E = TypeVar("E")


class IllegalAction(ValueError):
    """The action breaks a rule; the message says which. The match is unchanged."""


def _event(cls: type[E], **fields: Any) -> E:
    # No validation: the engine made these values itself (see events.py).
    return cls.model_construct(kind=cls.model_fields["kind"].default, **fields)  # type: ignore[attr-defined, no-any-return]


# ---------------------------------------------------------------------------
# Starting a match


def new_match(level: Level, seed: int = 0, controllers: tuple[str, str] = ("human", "human")) -> Match:
    """A match at the start of seat 1's first turn. ``level`` must be valid (see level_problems)."""
    seat_of = {nid: s for s, seat in enumerate(level.seats) for nid in seat.nations}
    m = Match(
        level=level,
        index=LevelIndex(level),
        seed=seed,
        controllers=controllers,
        rng=random.Random(seed),
        seat_of=seat_of,
    )
    for t in level.territories:
        m.owner[t.id] = t.owner
        m.forces[t.id] = {}
        m.spent[t.id] = {}
    for g in level.garrisons:
        m.forces[g.territory][g.nation] = m.forces[g.territory].get(g.nation, 0) + g.strength
    for n in level.nations:
        m.treasury[n.id] = n.treasury
        m.stability[n.id] = n.stability
        m.credibility[n.id] = n.credibility
    for al in level.treaties.alliances:
        m.alliances[al.id] = AllianceState(al.id, al.name, list(al.members), al.collective_defence, al.cohesion)
    for gu in level.treaties.guarantees:
        m.guarantees[f"guarantee_{gu.guarantor}_{gu.guaranteed}"] = (gu.guarantor, gu.guaranteed)
    for p in level.treaties.pacts:
        x, y = sorted(p.members)
        m.pacts[f"pact_{x}_{y}"] = (x, y)
    for war in level.wars:
        m.wars.add(frozenset((war.aggressor, war.target)))
        m.declarations.append(Declaration(war.aggressor, war.target, 0, False))
    _record_history(m)
    events: list[Event] = []
    _begin_seat_turn(m, first_seat(m, 1), events)
    m.events.extend(events)
    return m


# ---------------------------------------------------------------------------
# The public face


def is_over(m: Match) -> bool:
    return m.phase == "over"


def current_seat(m: Match) -> int | None:
    """The seat whose turn it is (0 or 1), or None when the match is over."""
    return m.seat if m.phase == "seat" else None


def apply(m: Match, action: Action) -> list[Event]:
    """Apply one action for the seat whose turn it is and return what happened.

    Raises IllegalAction (changing nothing) when a rule forbids it.
    """
    if is_over(m):
        raise IllegalAction("the match is over")
    if isinstance(action, Undo):
        return _undo(m)
    handler = _HANDLERS.get(type(action))
    if handler is None:
        raise IllegalAction(f"unknown action kind '{getattr(action, 'kind', type(action).__name__)}'")
    nation = getattr(action, "nation", None)
    if nation is not None:
        _check_acting_nation(m, nation)
    barrier = _is_barrier(m, action)
    if not barrier and m.undoable == 0:
        checkpoint = m.clone()
        checkpoint.checkpoint = None
    else:
        checkpoint = None
    events: list[Event] = []
    handler(m, action, events)  # checks first, raises before any change
    m.log.append(action.model_dump(mode="json"))
    m.events.extend(events)
    if barrier:
        m.checkpoint, m.undoable = None, 0
    else:
        if checkpoint is not None:
            m.checkpoint = checkpoint
        m.undoable += 1
    return events


def is_legal(m: Match, action: Action) -> bool:
    """Whether ``apply`` would accept the action (tried on a clone; the match is untouched)."""
    try:
        apply(m.clone(), action)
    except IllegalAction:
        return False
    return True


def view(m: Match) -> Match:
    """A private copy for a bot or a worker thread to read and look ahead on.

    Whatever the reader does to it, the real match is untouched: that is what makes it
    read-only, without paying for a proxy on every lookup.
    """
    copy = m.clone()
    copy.checkpoint = None
    return copy


def can_undo(m: Match) -> bool:
    return m.phase == "seat" and m.undoable > 0


def _is_barrier(m: Match, action: Action) -> bool:
    """Actions after which undo is refused: they drew randomness or revealed an answer."""
    if isinstance(action, (Attack, EndTurn)):
        return True
    return False


def _check_acting_nation(m: Match, nation: str) -> None:
    if nation not in m.index.nation_name:
        raise IllegalAction(f"unknown nation '{nation}'")
    if m.seat_of.get(nation) != m.seat:
        raise IllegalAction(f"{w.nation_name(m, nation)} is not played by seat {m.seat + 1}")
    if nation in m.eliminated:
        raise IllegalAction(f"{w.nation_name(m, nation)} has been eliminated")


def _undo(m: Match) -> list[Event]:
    if not can_undo(m) or m.checkpoint is None:
        raise IllegalAction("nothing to undo since the last attack, answer or turn start")
    undone = m.log[-1]
    replay = m.log[len(m.log) - m.undoable : -1]
    restored = m.checkpoint.clone()
    for entry in replay:
        apply(restored, parse_action(entry))
    m.__dict__.update(restored.__dict__)
    event = _event(Undone, action_kind=str(undone["kind"]), text=f"Seat {m.seat + 1} took back its last action.")
    m.events.append(event)
    return [event]


# ---------------------------------------------------------------------------
# Forces


def _territory(m: Match, territory: str) -> None:
    if territory not in m.owner:
        raise IllegalAction(f"unknown territory '{territory}'")


def _recruit(m: Match, a: Recruit, events: list[Event]) -> None:
    _territory(m, a.territory)
    if m.owner[a.territory] != a.nation:
        raise IllegalAction(f"{w.territory_name(m, a.territory)} is not held by {w.nation_name(m, a.nation)}")
    cost = a.amount * rules.RECRUIT_COST
    if cost > m.treasury[a.nation]:
        raise IllegalAction(f"recruiting {a.amount} costs {cost}, but the treasury holds {m.treasury[a.nation]}")
    _do_recruit(m, a.nation, a.territory, a.amount, events)


def _do_recruit(m: Match, nation: str, territory: str, amount: int, events: list[Event]) -> None:
    cost = amount * rules.RECRUIT_COST
    m.treasury[nation] -= cost
    forces = m.forces[territory]
    forces[nation] = forces.get(nation, 0) + amount
    # New recruits cannot march on the turn they are raised.
    m.spent[territory][nation] = m.spent[territory].get(nation, 0) + amount
    events.append(
        _event(
            Recruited,
            nation=nation,
            territory=territory,
            amount=amount,
            cost=cost,
            text=f"{w.nation_name(m, nation)} recruits {amount} in {w.territory_name(m, territory)}.",
        )
    )


def _check_from(m: Match, nation: str, source: str, target: str, amount: int) -> None:
    _territory(m, source)
    _territory(m, target)
    if target not in w.adjacent(m, source):
        raise IllegalAction(f"{w.territory_name(m, target)} does not border {w.territory_name(m, source)}")
    have = w.ready(m, source, nation)
    if amount > have:
        raise IllegalAction(
            f"{w.nation_name(m, nation)} has {have} ready in {w.territory_name(m, source)}, not {amount}"
        )


def _move(m: Match, a: Move, events: list[Event]) -> None:
    _check_from(m, a.nation, a.source, a.target, a.amount)
    host = m.owner[a.target]
    if not w.allied(m, a.nation, host):
        raise IllegalAction(
            f"{w.territory_name(m, a.target)} belongs to {w.nation_name(m, host)}, "
            f"which is not an ally of {w.nation_name(m, a.nation)}"
        )
    _shift(m, a.nation, a.source, a.target, a.amount)
    events.append(
        _event(
            Moved,
            nation=a.nation,
            source=a.source,
            target=a.target,
            amount=a.amount,
            text=f"{w.nation_name(m, a.nation)} moves {a.amount} from {w.territory_name(m, a.source)} "
            f"to {w.territory_name(m, a.target)}.",
        )
    )


def _shift(m: Match, nation: str, source: str, target: str, amount: int) -> None:
    _remove_forces(m, source, nation, amount)
    m.forces[target][nation] = m.forces[target].get(nation, 0) + amount
    m.spent[target][nation] = m.spent[target].get(nation, 0) + amount


def _remove_forces(m: Match, territory: str, nation: str, amount: int) -> None:
    """Remove ready units first, so a unit that already acted is not counted as fresh."""
    forces, spent = m.forces[territory], m.spent[territory]
    left = forces.get(nation, 0) - amount
    if left > 0:
        forces[nation] = left
        if spent.get(nation, 0) > left:
            spent[nation] = left
    else:
        forces.pop(nation, None)
        spent.pop(nation, None)


# ---------------------------------------------------------------------------
# War


def _attack(m: Match, a: Attack, events: list[Event]) -> None:
    _check_from(m, a.nation, a.source, a.target, a.amount)
    defender = m.owner[a.target]
    if defender == a.nation:
        raise IllegalAction(f"{w.territory_name(m, a.target)} already belongs to {w.nation_name(m, a.nation)}")
    if w.shielded(m, a.nation, defender):
        raise IllegalAction(_why_shielded(m, a.nation, defender))
    for guest in m.forces[a.target]:
        if guest != defender and w.shielded(m, a.nation, guest):
            where = f"forces of {w.nation_name(m, guest)}"
            if w.allied(m, a.nation, guest):
                raise IllegalAction(f"{where}, an ally, stand in {w.territory_name(m, a.target)}")
            raise IllegalAction(
                f"{where} stand in {w.territory_name(m, a.target)}: {_why_shielded(m, a.nation, guest)}"
            )
    do_attack(m, a.nation, a.source, a.target, a.amount, events)


def _why_shielded(m: Match, nation: str, other: str) -> str:
    """Why ``nation`` may not attack ``other`` (see ``world.shielded``), in the player's words."""
    name, other_name = w.nation_name(m, nation), w.nation_name(m, other)
    until = w.truce_until(m, nation, other)
    if until is not None:
        return f"{name} made peace with {other_name}: their truce lasts until round {until}"
    if w.allied(m, nation, other):
        return f"{other_name} is an ally of {name}: leave the alliance first"
    if other in w.side_of(m, nation):
        return f"{other_name} and {name} are played by the same seat and never fight each other"
    mate = next(n for n in w.side_of(m, nation) if w.allied(m, n, other))
    return (
        f"{other_name} is an ally of {w.nation_name(m, mate)}, which fights on {name}'s side: "
        f"{w.nation_name(m, mate)} must leave that alliance first"
    )


def do_attack(m: Match, nation: str, source: str, target: str, amount: int, events: list[Event]) -> None:
    """Declare war if needed, fight, and capture. Rules already checked by the caller."""
    defender = m.owner[target]
    if not w.at_war(m, nation, defender):
        _declare_war(m, nation, defender, events)
    for guest in sorted(m.forces[target]):
        if guest != defender and not w.at_war(m, nation, guest):
            # Forward presence is a tripwire: troops attacked on an ally's soil are at war.
            _enter_war(m, guest, nation, "tripwire", events)
    _drop_unbound_duties(m)
    levy = w.strength(m, target) == 0  # empty land is still defended by its people
    defenders = w.defenders(m, target)
    factor = w.defence_factor(m, target)
    att_loss, def_loss = fight(amount, defenders, factor, m.rng)
    won = def_loss == defenders
    _remove_forces(m, source, nation, amount)
    if not levy:
        _take_casualties(m, target, def_loss)
    events.append(
        _event(
            Battle,
            attacker=nation,
            defender=defender,
            source=source,
            target=target,
            attack_strength=amount,
            defence_strength=defenders,
            defence_factor=round(factor, 3),
            attacker_losses=att_loss,
            defender_losses=def_loss,
            attacker_won=won,
            text=_battle_sentence(m, nation, target, amount, defenders, att_loss, def_loss, won, levy),
        )
    )
    survivors = amount - att_loss
    # Battles are fought to the end: a failed attack leaves no survivors to fall back.
    if won:
        _capture(m, nation, target, survivors, events)
    _check_capitals(m, events)


def _battle_sentence(m: Match, att: str, target: str, a: int, d: int, al: int, dl: int, won: bool, levy: bool) -> str:
    where = w.territory_name(m, target)
    verdict = "takes" if won else "fails to take"
    against = f"its levy of {d}" if levy else str(d)
    tally = f"({al} lost against {dl})"
    return f"{w.nation_name(m, att)} attacks {where} with {a} against {against} and {verdict} it {tally}."


def _take_casualties(m: Match, territory: str, losses: int) -> None:
    # The largest contingent absorbs each loss; ties go to the id first in order, so it is repeatable.
    forces = m.forces[territory]
    for _ in range(losses):
        nation = max(sorted(forces), key=lambda n: forces[n])
        _remove_forces(m, territory, nation, 1)


def _capture(m: Match, nation: str, territory: str, survivors: int, events: list[Event]) -> None:
    previous = m.owner[territory]
    m.owner[territory] = nation
    m.forces[territory] = {nation: survivors} if survivors > 0 else {}
    m.spent[territory] = {nation: survivors} if survivors > 0 else {}
    capital = w.capital_owner(m, territory) == previous
    _shift_stability(m, previous, rules.STABILITY_LOST_CAPITAL if capital else rules.STABILITY_LOST_TERRITORY)
    where = w.territory_name(m, territory)
    text = f"{w.nation_name(m, nation)} captures {where} from {w.nation_name(m, previous)}."
    if capital:
        text = f"{w.nation_name(m, nation)} captures {where}, the capital of {w.nation_name(m, previous)}!"
    events.append(
        _event(
            TerritoryCaptured, nation=nation, territory=territory, previous_owner=previous, capital=capital, text=text
        )
    )
    if not any(owner == previous for owner in m.owner.values()):
        _eliminate(m, previous, events)


def _eliminate(m: Match, nation: str, events: list[Event]) -> None:
    m.eliminated.add(nation)
    for territory, forces in m.forces.items():
        if nation in forces:
            forces.pop(nation)
            m.spent[territory].pop(nation, None)
    for alliance in list(m.alliances.values()):
        if nation in alliance.members:
            alliance.members.remove(nation)
            if len(alliance.members) < 2:
                _dissolve_alliance(m, alliance.id, events)
    for gid, pair in list(m.guarantees.items()):
        if nation in pair:
            del m.guarantees[gid]
    for pid, pair in list(m.pacts.items()):
        if nation in pair:
            del m.pacts[pid]
    m.wars = {war for war in m.wars if nation not in war}
    _drop_unbound_duties(m)
    for did, duty in list(m.duties.items()):
        if nation in (duty.nation, duty.aggressor):
            del m.duties[did]
    for oid, offer in list(m.offers.items()):
        if nation in (offer.sender, offer.recipient):
            del m.offers[oid]
    events.append(
        _event(NationEliminated, nation=nation, text=f"{w.nation_name(m, nation)} has fallen and leaves the game.")
    )


def _declare_war(m: Match, aggressor: str, target: str, events: list[Event]) -> None:
    pact = w.has_pact(m, aggressor, target)
    if pact is not None:
        del m.pacts[pact]
        _shift_credibility(m, aggressor, rules.BREAK_PACT_CREDIBILITY)
    m.wars.add(frozenset((aggressor, target)))
    m.declarations.append(Declaration(aggressor, target, m.round, pact is not None))
    a_name, t_name = w.nation_name(m, aggressor), w.nation_name(m, target)
    text = f"{a_name} declares war on {t_name}."
    if pact is not None:
        text = f"{a_name} breaks its non-aggression pact and declares war on {t_name}."
    events.append(_event(WarDeclared, aggressor=aggressor, target=target, broke_pact=pact is not None, text=text))
    _raise_duties(m, aggressor, target, events)


def _raise_duties(m: Match, aggressor: str, target: str, events: list[Event]) -> None:
    """Article 5 and guarantees: the attacked nation's defenders are called, its attacker's are not.

    Every fellow member of a collective-defence alliance of ``target`` and every
    guarantor of ``target`` gets a duty, unless it is on the aggressor's side (the
    aggressor or a nation of its seat: a seat never fights itself) or already at
    war with it. The aggressor's own allies get nothing: nobody is bound to help
    the side that started it.
    """
    side = w.side_of(m, aggressor)
    called: dict[str, str] = {}
    for alliance in sorted(m.alliances.values(), key=lambda al: al.id):
        if alliance.collective_defence and target in alliance.members:
            for member in alliance.members:
                if member != target and member not in side:
                    called.setdefault(member, alliance.id)
    for gid, (guarantor, guaranteed) in sorted(m.guarantees.items()):
        if guaranteed == target and guarantor not in side:
            called.setdefault(guarantor, gid)
    for nation, treaty in sorted(called.items()):
        if nation in m.eliminated or w.at_war(m, nation, aggressor):
            continue
        duty = Duty(
            id=m.new_id(),
            nation=nation,
            aggressor=aggressor,
            target=target,
            treaty=treaty,
            raised_turn=m.turn,
            deadline=_next_turn_of(m, nation),
        )
        m.duties[duty.id] = duty
        events.append(
            _event(
                DutyRaised,
                duty=duty.id,
                nation=nation,
                aggressor=aggressor,
                target=target,
                treaty=treaty,
                deadline_round=(duty.deadline - 1) // 3 + 1,
                text=f"{w.nation_name(m, target)} is attacked: {_treaty_name(m, treaty)} calls on "
                f"{w.nation_name(m, nation)} to join the war against {w.nation_name(m, aggressor)}.",
            )
        )


def _treaty_name(m: Match, treaty: str) -> str:
    if treaty in m.alliances:
        return (
            "the " + m.alliances[treaty].name
            if not m.alliances[treaty].name.startswith("The ")
            else m.alliances[treaty].name
        )
    if treaty in m.guarantees:
        g, h = m.guarantees[treaty]
        return f"the guarantee of {w.nation_name(m, h)} by {w.nation_name(m, g)}"
    if treaty in m.pacts:
        a, b = m.pacts[treaty]
        return f"the non-aggression pact of {w.nation_name(m, a)} and {w.nation_name(m, b)}"
    return treaty


def first_seat(m: Match, round_: int) -> int:
    """The seat that opens a round: by default it alternates, so that neither seat always answers the other.

    With a fixed order the second seat always sees the first seat's moves before making its
    own and has the last word before the NPC phase and the round limit; mirror matches
    between equal bots went to it three times in four on a fair map. That edge is why a level
    may fix the order (``turn_order``): on a map that favours one side, the other side
    moving second every round evens it out.
    """
    fixed = fixed_opener(m.level)
    return (round_ - 1) % 2 if fixed is None else fixed


def fixed_opener(level: Level) -> int | None:
    """The seat that opens every round when the level fixes the order; None when it alternates."""
    return {"seat1_first": 0, "seat2_first": 1}.get(level.turn_order)


def _turn_holder(m: Match, turn: int) -> int:
    """Who acts in a turn: a seat index, or 2 for the NPC phase."""
    round_, position = divmod(turn - 1, 3)
    if position == 2:
        return 2
    first = first_seat(m, round_ + 1)
    return first if position == 0 else 1 - first


def _next_turn_of(m: Match, nation: str) -> int:
    """The number of the holder's next turn, which ends its time to answer."""
    holder = m.seat_of.get(nation, 2)
    t = m.turn + 1
    while _turn_holder(m, t) != holder:
        t += 1
    return t


def _enter_war(m: Match, nation: str, enemy: str, cause: str, events: list[Event]) -> None:
    """Join a war without declaring it: no aggression, so no duties for the enemy's allies."""
    for alliance in w.shared_alliances(m, nation, enemy):
        _leave_alliance(m, nation, alliance.id, "it will not stay allied with a nation it is fighting", events)
    pact = w.has_pact(m, nation, enemy)
    if pact is not None:
        name = _treaty_name(m, pact)
        del m.pacts[pact]
        events.append(_event(TreatyDissolved, treaty=pact, text=f"{name[0].upper()}{name[1:]} lapses."))
    m.wars.add(frozenset((nation, enemy)))
    m.truces.pop(w.pair(nation, enemy), None)  # a truce forbids starting a war, not fighting one called by a duty
    why = "to honour its duty" if cause == "duty" else "as its troops on allied soil are attacked"
    events.append(
        _event(
            EnteredWar,
            nation=nation,
            enemy=enemy,
            cause=cause,
            text=f"{w.nation_name(m, nation)} enters the war against {w.nation_name(m, enemy)} {why}.",
        )
    )


def _check_capitals(m: Match, events: list[Event]) -> None:
    lost = [not any(w.capital_held(m, n) for n in m.level.seats[s].nations) for s in (0, 1)]
    if lost[0] and lost[1]:
        _finish(m, None, "capitals", "Both sides have lost every capital: the match is a draw.", events)
    elif lost[0] or lost[1]:
        winner = 1 if lost[0] else 0
        loser = m.level.seats[1 - winner].name
        text = f"{loser} has lost every capital: {m.level.seats[winner].name} wins the match."
        _finish(m, winner, "capitals", text, events)


def _finish(m: Match, winner: int | None, reason: Any, text: str, events: list[Event]) -> None:
    m.outcome = Outcome(winner, reason, text)
    m.phase = "over"
    events.append(_event(MatchOver, winner=winner, reason=reason, text=text))


# ---------------------------------------------------------------------------
# Duties


def _duty(m: Match, nation: str, duty_id: int) -> Duty:
    duty = m.duties.get(duty_id)
    if duty is None:
        raise IllegalAction(f"there is no open duty #{duty_id}")
    if duty.nation != nation:
        raise IllegalAction(f"duty #{duty_id} belongs to {w.nation_name(m, duty.nation)}")
    return duty


def _honour(m: Match, a: HonourDuty, events: list[Event]) -> None:
    honour_duty(m, _duty(m, a.nation, a.duty), "", events)


def _pass(m: Match, a: PassTheBuck, events: list[Event]) -> None:
    pass_the_buck(m, _duty(m, a.nation, a.duty), "", False, events)


def honour_duty(m: Match, duty: Duty, reason: str, events: list[Event]) -> None:
    """Enter the war in defence: cohesion and credibility rise. Chain-ganging, felt."""
    del m.duties[duty.id]
    m.duties_honoured[duty.nation] = m.duties_honoured.get(duty.nation, 0) + 1
    _shift_credibility(m, duty.nation, rules.HONOUR_CREDIBILITY)
    events.append(
        _event(
            DutyHonoured,
            duty=duty.id,
            nation=duty.nation,
            aggressor=duty.aggressor,
            reason=reason,
            text=f"{w.nation_name(m, duty.nation)} honours its duty to {w.nation_name(m, duty.target)}"
            + (f": {reason}." if reason else "."),
        )
    )
    _shift_cohesion(m, duty.treaty, rules.HONOUR_COHESION, "a duty honoured", events)
    if not w.at_war(m, duty.nation, duty.aggressor):
        _enter_war(m, duty.nation, duty.aggressor, "duty", events)
    # One war, one answer: other duties against the same aggressor are settled too.
    for other in [d for d in m.duties.values() if d.nation == duty.nation and d.aggressor == duty.aggressor]:
        del m.duties[other.id]


def pass_the_buck(m: Match, duty: Duty, reason: str, expired: bool, events: list[Event]) -> None:
    """Stay out: cohesion and credibility fall, and every NPC remembers."""
    del m.duties[duty.id]
    m.buck_passed[duty.nation] = m.buck_passed.get(duty.nation, 0) + 1
    _shift_credibility(m, duty.nation, rules.PASS_CREDIBILITY)
    how = "lets the deadline pass" if expired else "passes the buck"
    events.append(
        _event(
            BuckPassed,
            duty=duty.id,
            nation=duty.nation,
            aggressor=duty.aggressor,
            expired=expired,
            reason=reason,
            text=f"{w.nation_name(m, duty.nation)} {how} and stays out of the war on "
            f"{w.nation_name(m, duty.target)}" + (f": {reason}." if reason else "."),
        )
    )
    _shift_cohesion(m, duty.treaty, rules.PASS_COHESION, "a duty passed", events)


# ---------------------------------------------------------------------------
# Treaties and offers


def _check_counterpart(m: Match, nation: str, to: str) -> None:
    if to not in m.index.nation_name:
        raise IllegalAction(f"unknown nation '{to}'")
    if to == nation:
        raise IllegalAction("a nation cannot make a treaty with itself")
    if to in m.eliminated:
        raise IllegalAction(f"{w.nation_name(m, to)} has been eliminated")


def _check_once(m: Match, nation: str, to: str, kind: str) -> None:
    if (nation, to, kind) in m.proposed:
        raise IllegalAction(f"{w.nation_name(m, nation)} already made that offer to {w.nation_name(m, to)} this turn")
    for offer in m.offers.values():
        if offer.sender == nation and offer.recipient == to and offer.kind == kind:
            raise IllegalAction(f"an offer of that kind to {w.nation_name(m, to)} is already waiting for an answer")


def _propose_alliance(m: Match, a: ProposeAlliance, events: list[Event]) -> None:
    _check_counterpart(m, a.nation, a.to)
    check_alliance_offer(m, a.nation, a.to)
    _check_once(m, a.nation, a.to, "alliance")
    offer = Offer(m.new_id(), "alliance", a.nation, a.to, 0, name=a.name, collective_defence=a.collective_defence)
    make_offer(m, offer, events)


def check_alliance_offer(m: Match, nation: str, to: str) -> None:
    if w.at_war(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} is at war with {w.nation_name(m, to)}")
    if w.allied(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} and {w.nation_name(m, to)} are already allies")


def _invite(m: Match, a: InviteToAlliance, events: list[Event]) -> None:
    _check_counterpart(m, a.nation, a.to)
    alliance = m.alliances.get(a.alliance)
    if alliance is None:
        raise IllegalAction(f"unknown alliance '{a.alliance}'")
    check_invite(m, alliance, a.nation, a.to)
    _check_once(m, a.nation, a.to, "invite")
    make_offer(m, Offer(m.new_id(), "invite", a.nation, a.to, 0, alliance=alliance.id), events)


def check_invite(m: Match, alliance: AllianceState, nation: str, to: str) -> None:
    if nation not in alliance.members:
        raise IllegalAction(f"{w.nation_name(m, nation)} is not a member of the {alliance.name}")
    if to in alliance.members:
        raise IllegalAction(f"{w.nation_name(m, to)} is already a member of the {alliance.name}")
    for member in alliance.members:
        if w.at_war(m, member, to):
            raise IllegalAction(f"{w.nation_name(m, to)} is at war with {w.nation_name(m, member)}, a member")


def _offer_guarantee(m: Match, a: OfferGuarantee, events: list[Event]) -> None:
    _check_counterpart(m, a.nation, a.to)
    check_guarantee(m, a.nation, a.to)
    _check_once(m, a.nation, a.to, "guarantee")
    make_offer(m, Offer(m.new_id(), "guarantee", a.nation, a.to, 0), events)


def check_guarantee(m: Match, nation: str, to: str) -> None:
    if w.guarantee_id(m, nation, to) is not None:
        raise IllegalAction(f"{w.nation_name(m, nation)} already guarantees {w.nation_name(m, to)}")
    if w.at_war(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} is at war with {w.nation_name(m, to)}")


def _propose_pact(m: Match, a: ProposePact, events: list[Event]) -> None:
    _check_counterpart(m, a.nation, a.to)
    check_pact(m, a.nation, a.to)
    _check_once(m, a.nation, a.to, "pact")
    make_offer(m, Offer(m.new_id(), "pact", a.nation, a.to, 0), events)


def check_pact(m: Match, nation: str, to: str) -> None:
    if w.has_pact(m, nation, to) is not None:
        raise IllegalAction(f"{w.nation_name(m, nation)} and {w.nation_name(m, to)} already have a pact")
    if w.at_war(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} is at war with {w.nation_name(m, to)}")
    if w.allied(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} and {w.nation_name(m, to)} are allies already")


def _propose_peace(m: Match, a: ProposePeace, events: list[Event]) -> None:
    _check_counterpart(m, a.nation, a.to)
    if not w.at_war(m, a.nation, a.to):
        raise IllegalAction(f"{w.nation_name(m, a.nation)} is not at war with {w.nation_name(m, a.to)}")
    _check_once(m, a.nation, a.to, "peace")
    make_offer(m, Offer(m.new_id(), "peace", a.nation, a.to, 0), events)


_OFFER_WORDS = {
    "alliance": "proposes an alliance to",
    "invite": "invites",
    "guarantee": "offers a guarantee to",
    "pact": "proposes a non-aggression pact to",
    "peace": "offers peace to",
}


def make_offer(m: Match, offer: Offer, events: list[Event], reason: str = "") -> None:
    """Record an offer. A seat answers on its turn; an NPC answers in the NPC phase.

    NPCs wait for the end of the round so that both seats court them on equal terms:
    answered at once, every swing nation went to whichever seat happened to move first.
    The NPC then weighs every suitor of the round together (see :func:`_answer_npc_offers`).
    Offers made during the NPC phase itself (NPC to NPC) are answered at once.
    A seat making an offer to another of its own nations needs no answer: it is signed.
    ``reason`` is an NPC's: why its doctrine made it, said after a colon as its answers are.
    """
    m.proposed.add((offer.sender, offer.recipient, offer.kind))
    words = _OFFER_WORDS[offer.kind]
    extra = f" the {m.alliances[offer.alliance].name}" if offer.alliance else ""
    if offer.kind == "invite":
        extra = f" to join{extra}"
    sender_seat = m.seat_of.get(offer.sender)
    recipient_seat = m.seat_of.get(offer.recipient)
    deferred = recipient_seat is None and m.phase != "npc"
    if deferred:
        extra += ", which will answer when the round ends"
    events.append(
        _event(
            OfferMade,
            offer=offer.id,
            offer_kind=offer.kind,
            sender=offer.sender,
            recipient=offer.recipient,
            reason=reason,
            text=f"{w.nation_name(m, offer.sender)} {words} {w.nation_name(m, offer.recipient)}{extra}"
            + (f": {reason}." if reason else "."),
        )
    )
    if deferred:
        offer.deadline = _next_turn_of(m, offer.recipient)
        m.offers[offer.id] = offer
    elif recipient_seat is None:
        decision = doctrines.decide_offer(m, offer)
        _answer(m, offer, decision.yes, decision.reason, events)
    elif recipient_seat == sender_seat:
        _answer(m, offer, True, "", events)
    else:
        offer.deadline = _next_turn_of(m, offer.recipient)
        m.offers[offer.id] = offer


def _answer_npc_offers(m: Match, events: list[Event]) -> None:
    """NPC alignment: each NPC answers the round's offers, its favourite suitor first.

    Nations answer in level order; within a nation, offers from the side its doctrine
    likes best come first, so accepting one alliance can rule out the rival's (a nation
    bound to one side rejects the other). A dead heat between the seats is settled by
    the match's dice, never by who sits first.
    """
    pending = sorted((o for o in m.offers.values() if w.is_npc(m, o.recipient)), key=lambda o: o.id)
    position = {n.id: i for i, n in enumerate(m.level.nations)}
    for nation in sorted({o.recipient for o in pending}, key=position.__getitem__):
        offers = [o for o in pending if o.recipient == nation]
        suitors = {m.seat_of[o.sender] for o in offers if o.sender in m.seat_of}
        if len(suitors) == 2:  # only a contest needs ranking (and, on a tie, a die)
            rank = doctrines.rank_suitors(m, nation, m.rng)
            offers.sort(key=lambda o: (rank.index(m.seat_of[o.sender]) if o.sender in m.seat_of else 2, o.id))
        for offer in offers:
            del m.offers[offer.id]
            if nation in m.eliminated:
                continue
            try:
                check_offer_still_stands(m, offer)
            except IllegalAction as refusal:
                if not w.allied(m, offer.sender, offer.recipient):  # allied already: nothing left to answer
                    _answer(m, offer, False, str(refusal), events)
                continue
            decision = doctrines.decide_offer(m, offer)
            _answer(m, offer, decision.yes, decision.reason, events)


def _answer_offer(m: Match, a: AnswerOffer, events: list[Event]) -> None:
    offer = m.offers.get(a.offer)
    if offer is None:
        raise IllegalAction(f"there is no open offer #{a.offer}")
    if offer.recipient != a.nation:
        raise IllegalAction(f"offer #{a.offer} was made to {w.nation_name(m, offer.recipient)}")
    if a.accept:
        check_offer_still_stands(m, offer)
    del m.offers[offer.id]
    _answer(m, offer, a.accept, "", events)


def check_offer_still_stands(m: Match, offer: Offer) -> None:
    """Offers wait a turn; the world may have changed. Re-check the treaty's own rules."""
    if offer.sender in m.eliminated:
        raise IllegalAction(f"{w.nation_name(m, offer.sender)} has been eliminated")
    if offer.kind == "alliance":
        check_alliance_offer(m, offer.sender, offer.recipient)
    elif offer.kind == "invite":
        alliance = m.alliances.get(offer.alliance or "")
        if alliance is None:
            raise IllegalAction("that alliance no longer exists")
        check_invite(m, alliance, offer.sender, offer.recipient)
    elif offer.kind == "guarantee":
        check_guarantee(m, offer.sender, offer.recipient)
    elif offer.kind == "pact":
        check_pact(m, offer.sender, offer.recipient)
    elif offer.kind == "peace" and not w.at_war(m, offer.sender, offer.recipient):
        raise IllegalAction("the war is already over")


def _answer(m: Match, offer: Offer, accept: bool, reason: str, events: list[Event]) -> None:
    sender, recipient = w.nation_name(m, offer.sender), w.nation_name(m, offer.recipient)
    verdict = "accepts" if accept else "rejects"
    what = {"alliance": "alliance", "invite": "invitation", "guarantee": "guarantee", "pact": "pact", "peace": "peace"}
    if offer.sender != offer.recipient and (
        m.seat_of.get(offer.sender) != m.seat_of.get(offer.recipient) or not accept
    ):
        text = f"{recipient} {verdict} the {what[offer.kind]} offered by {sender}" + (f": {reason}." if reason else ".")
        events.append(
            _event(OfferAnswered, offer=offer.id, recipient=offer.recipient, accepted=accept, reason=reason, text=text)
        )
    if accept:
        _sign(m, offer, events)


def _sign(m: Match, offer: Offer, events: list[Event]) -> None:
    a, b = offer.sender, offer.recipient
    if offer.kind == "alliance":
        aid = _alliance_id(m, offer.name or "alliance")
        alliance = AllianceState(aid, offer.name or "Alliance", [a, b], offer.collective_defence, 50, m.round)
        m.alliances[aid] = alliance
        clause = "with" if offer.collective_defence else "without"
        events.append(
            _event(
                TreatySigned,
                treaty=aid,
                treaty_kind="alliance",
                nations=[a, b],
                text=f"{w.nation_name(m, a)} and {w.nation_name(m, b)} found the {alliance.name}, "
                f"{clause} an Article 5 clause.",
            )
        )
    elif offer.kind == "invite":
        alliance = m.alliances[offer.alliance or ""]
        alliance.members.append(b)
        events.append(
            _event(
                TreatySigned,
                treaty=alliance.id,
                treaty_kind="alliance",
                nations=list(alliance.members),
                text=f"{w.nation_name(m, b)} joins the {alliance.name}.",
            )
        )
    elif offer.kind == "guarantee":
        gid = f"guarantee_{a}_{b}"
        m.guarantees[gid] = (a, b)
        events.append(
            _event(
                TreatySigned,
                treaty=gid,
                treaty_kind="guarantee",
                nations=[a, b],
                text=f"{w.nation_name(m, a)} guarantees {w.nation_name(m, b)}: an attack on it will be answered.",
            )
        )
    elif offer.kind == "pact":
        x, y = sorted((a, b))
        pid = f"pact_{x}_{y}"
        m.pacts[pid] = (x, y)
        events.append(
            _event(
                TreatySigned,
                treaty=pid,
                treaty_kind="pact",
                nations=[x, y],
                text=f"{w.nation_name(m, a)} and {w.nation_name(m, b)} sign a non-aggression pact.",
            )
        )
    elif offer.kind == "peace":
        m.wars.discard(frozenset((a, b)))
        until = m.round + rules.TRUCE_ROUNDS + 1
        m.truces[w.pair(a, b)] = until
        _drop_unbound_duties(m)
        events.append(
            _event(
                PeaceMade,
                nations=[a, b],
                text=f"{w.nation_name(m, a)} and {w.nation_name(m, b)} make peace: neither may attack the other "
                f"before round {until}.",
            )
        )


def _alliance_id(m: Match, name: str) -> str:
    base = "".join(c if c.isalnum() else "_" for c in name.lower()).strip("_") or "alliance"
    if not base[0].isalpha():
        base = "a_" + base
    candidate, n = base, 2
    while candidate in m.alliances or candidate in m.retired_alliances or candidate in m.index.nation_name:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def _leave(m: Match, a: LeaveTreaty, events: list[Event]) -> None:
    treaty = a.treaty
    if treaty in m.alliances:
        if a.nation not in m.alliances[treaty].members:
            raise IllegalAction(f"{w.nation_name(m, a.nation)} is not a member of the {m.alliances[treaty].name}")
        _shift_credibility(m, a.nation, rules.LEAVE_ALLIANCE_CREDIBILITY)
        _leave_alliance(m, a.nation, treaty, "", events)
    elif treaty in m.guarantees or treaty in m.pacts:
        pair = m.guarantees.get(treaty) or m.pacts[treaty]
        if a.nation not in pair:
            raise IllegalAction(f"{w.nation_name(m, a.nation)} is not party to {_treaty_name(m, treaty)}")
        # Walking away is never free, or a pact could be dropped the turn before the attack it forbade.
        cost = rules.RENOUNCE_PACT_CREDIBILITY if treaty in m.pacts else rules.LEAVE_ALLIANCE_CREDIBILITY
        _shift_credibility(m, a.nation, cost)
        end_treaty(m, a.nation, treaty, "", events)
    else:
        raise IllegalAction(f"unknown treaty '{treaty}'")


def end_treaty(m: Match, nation: str, treaty: str, reason: str, events: list[Event]) -> None:
    """Leave a guarantee or pact (alliances: see _leave_alliance). Open duties from it count as passed."""
    if treaty in m.alliances:
        _leave_alliance(m, nation, treaty, reason, events)
        return
    name = _treaty_name(m, treaty)
    _pass_open_duties(m, nation, treaty, events)
    m.guarantees.pop(treaty, None)
    m.pacts.pop(treaty, None)
    _drop_unbound_duties(m)
    events.append(
        _event(
            TreatyLeft,
            treaty=treaty,
            nation=nation,
            reason=reason,
            text=f"{w.nation_name(m, nation)} ends {name}" + (f": {reason}." if reason else "."),
        )
    )


def _pass_open_duties(m: Match, nation: str, treaty: str, events: list[Event]) -> None:
    for duty in [d for d in m.duties.values() if d.nation == nation and d.treaty == treaty]:
        pass_the_buck(m, duty, "it walked away from the treaty", False, events)


def _leave_alliance(m: Match, nation: str, aid: str, reason: str, events: list[Event]) -> None:
    alliance = m.alliances[aid]
    _pass_open_duties(m, nation, aid, events)
    alliance.members.remove(nation)
    events.append(
        _event(
            TreatyLeft,
            treaty=aid,
            nation=nation,
            reason=reason,
            text=f"{w.nation_name(m, nation)} leaves the {alliance.name}" + (f": {reason}." if reason else "."),
        )
    )
    if len(alliance.members) < 2:
        _dissolve_alliance(m, aid, events)
    _drop_unbound_duties(m)
    _withdraw_guests(m, events)


def _dissolve_alliance(m: Match, aid: str, events: list[Event]) -> None:
    alliance = m.alliances.pop(aid)
    m.retired_alliances.add(aid)
    _drop_unbound_duties(m)
    events.append(_event(TreatyDissolved, treaty=aid, text=f"The {alliance.name} is dissolved."))


def _drop_unbound_duties(m: Match) -> None:
    """A duty lapses, without blame or credit, once there is nothing left to answer.

    That is: the treaty no longer binds its holder to the target, the target has made
    peace with the aggressor, or the holder is already at war with the aggressor by
    another road (a tripwire, its own attack).
    """
    for did, duty in list(m.duties.items()):
        alliance = m.alliances.get(duty.treaty)
        if alliance is not None:
            bound = duty.nation in alliance.members and duty.target in alliance.members
        else:
            bound = m.guarantees.get(duty.treaty) == (duty.nation, duty.target)
        still_fought = w.at_war(m, duty.target, duty.aggressor)
        if not bound or not still_fought or w.at_war(m, duty.nation, duty.aggressor):
            del m.duties[did]


def _withdraw_guests(m: Match, events: list[Event]) -> None:
    """Forces standing on ground that is no longer allied go home (to their capital, else their first territory)."""
    for territory in list(m.forces):
        host = m.owner[territory]
        for guest, amount in sorted(m.forces[territory].items()):
            if guest == host or w.allied(m, guest, host):
                continue
            m.forces[territory].pop(guest)
            m.spent[territory].pop(guest, None)
            home = w.capital_of(m, guest)
            if home is None or m.owner.get(home) != guest:
                own = w.territories_of(m, guest)
                home = own[0] if own else None
            if home is not None:
                m.forces[home][guest] = m.forces[home].get(guest, 0) + amount
            events.append(
                _event(
                    GuestsWithdrawn,
                    nation=guest,
                    territory=territory,
                    amount=amount,
                    text=f"{amount} troops of {w.nation_name(m, guest)} leave {w.territory_name(m, territory)}.",
                )
            )


# ---------------------------------------------------------------------------
# Cohesion, credibility, stability


def _clamp(value: int) -> int:
    return 0 if value < 0 else 100 if value > 100 else value


def _shift_credibility(m: Match, nation: str, delta: int) -> None:
    m.credibility[nation] = _clamp(m.credibility[nation] + delta)


def _shift_stability(m: Match, nation: str, delta: int) -> None:
    m.stability[nation] = _clamp(m.stability[nation] + delta)


def _shift_cohesion(m: Match, treaty: str, delta: int, cause: str, events: list[Event]) -> None:
    alliance = m.alliances.get(treaty)
    if alliance is None:
        return
    before = alliance.cohesion
    alliance.cohesion = _clamp(before + delta)
    if alliance.cohesion != before:
        change = alliance.cohesion - before
        direction = "rises" if change > 0 else "falls"
        events.append(
            _event(
                CohesionChanged,
                alliance=alliance.id,
                cohesion=alliance.cohesion,
                delta=change,
                cause=cause,
                text=f"Cohesion of the {alliance.name} {direction} to {alliance.cohesion} ({cause}).",
            )
        )


def exercise_gain(cohesion: int, on_border: bool) -> int:
    """Diminishing returns: a young alliance learns much from one exercise, a seasoned one little."""
    gain = rules.EXERCISE_GAIN * (100 - cohesion) / 100.0
    if on_border:
        gain *= rules.BORDER_EXERCISE_BONUS
    return max(1 if cohesion < 100 else 0, round(gain))


def _exercise(m: Match, a: JointExercise, events: list[Event]) -> None:
    alliance = m.alliances.get(a.alliance)
    if alliance is None:
        raise IllegalAction(f"unknown alliance '{a.alliance}'")
    if a.nation not in alliance.members or a.partner not in alliance.members:
        raise IllegalAction(f"both nations must be members of the {alliance.name}")
    if a.partner == a.nation:
        raise IllegalAction("an exercise needs a partner")
    if a.nation in m.exercised:
        raise IllegalAction(f"{w.nation_name(m, a.nation)} has already held an exercise this turn")
    if m.treasury[a.nation] < rules.EXERCISE_COST:
        raise IllegalAction(f"an exercise costs {rules.EXERCISE_COST}; the treasury holds {m.treasury[a.nation]}")
    on_border = False
    if a.territory is not None:
        _territory(m, a.territory)
        if m.owner[a.territory] not in (a.nation, a.partner):
            raise IllegalAction(f"{w.territory_name(m, a.territory)} belongs to neither partner")
        on_border = w.on_alliance_border(m, alliance, a.territory)
        if not on_border:
            raise IllegalAction(f"{w.territory_name(m, a.territory)} is not on the alliance's border")
    m.treasury[a.nation] -= rules.EXERCISE_COST
    m.exercised.add(a.nation)
    gain = exercise_gain(alliance.cohesion, on_border)
    alliance.cohesion = _clamp(alliance.cohesion + gain)
    alliance.last_exercise_round = m.round
    if on_border:
        m.border_exercises[alliance.id] = m.round
    where = f" on the border at {w.territory_name(m, a.territory)}" if a.territory else ""
    events.append(
        _event(
            JointExerciseHeld,
            alliance=alliance.id,
            nations=[a.nation, a.partner],
            territory=a.territory,
            cohesion=alliance.cohesion,
            gain=gain,
            text=f"{w.nation_name(m, a.nation)} and {w.nation_name(m, a.partner)} hold a joint exercise{where}: "
            f"cohesion of the {alliance.name} rises to {alliance.cohesion}.",
        )
    )


def _regime_aid(m: Match, a: RegimeAid, events: list[Event]) -> None:
    _check_counterpart(m, a.nation, a.to)
    if w.at_war(m, a.nation, a.to):
        raise IllegalAction(f"{w.nation_name(m, a.nation)} is at war with {w.nation_name(m, a.to)}")
    if m.treasury[a.nation] < rules.REGIME_AID_COST:
        raise IllegalAction(f"regime aid costs {rules.REGIME_AID_COST}; the treasury holds {m.treasury[a.nation]}")
    m.treasury[a.nation] -= rules.REGIME_AID_COST
    _shift_stability(m, a.to, rules.REGIME_AID_STABILITY)
    donors = m.aid_received.setdefault(a.to, {})
    donors[a.nation] = donors.get(a.nation, 0) + 1
    events.append(
        _event(
            RegimeAidGiven,
            donor=a.nation,
            recipient=a.to,
            stability=m.stability[a.to],
            text=f"{w.nation_name(m, a.nation)} sends regime aid to {w.nation_name(m, a.to)} "
            f"(stability {m.stability[a.to]}).",
        )
    )


# ---------------------------------------------------------------------------
# Turn flow


def _end_turn_action(m: Match, a: EndTurn, events: list[Event]) -> None:
    _end_turn(m, events)


def _end_turn(m: Match, events: list[Event]) -> None:
    _expire(m, lambda nation: m.seat_of.get(nation) == m.seat, events)
    if m.seat == first_seat(m, m.round):
        m.turn += 1
        _begin_seat_turn(m, 1 - m.seat, events)
        return
    m.turn += 1
    _npc_phase(m, events)
    if is_over(m):
        return
    m.turn += 1
    _end_round(m, events)
    if is_over(m):
        return
    m.round += 1
    _begin_seat_turn(m, first_seat(m, m.round), events)


def _expire(m: Match, holder: Callable[[str], bool], events: list[Event]) -> None:
    for duty in sorted(m.duties.values(), key=lambda d: d.id):
        if duty.deadline <= m.turn and holder(duty.nation):
            pass_the_buck(m, duty, "", True, events)
    for offer in sorted(m.offers.values(), key=lambda o: o.id):
        if offer.deadline <= m.turn and holder(offer.recipient):
            del m.offers[offer.id]
            events.append(
                _event(
                    OfferAnswered,
                    offer=offer.id,
                    recipient=offer.recipient,
                    accepted=False,
                    expired=True,
                    reason="",
                    text=f"The offer from {w.nation_name(m, offer.sender)} to {w.nation_name(m, offer.recipient)} "
                    "lapses unanswered.",
                )
            )


def _reset_turn(m: Match) -> None:
    for spent in m.spent.values():
        spent.clear()
    m.exercised.clear()
    m.proposed.clear()
    m.checkpoint, m.undoable = None, 0


def _collect_income(m: Match, nation: str, events: list[Event]) -> None:
    amount = w.income(m, nation)
    m.treasury[nation] += amount
    events.append(
        _event(
            Income,
            nation=nation,
            amount=amount,
            treasury=m.treasury[nation],
            text=f"{w.nation_name(m, nation)} collects {amount} (treasury {m.treasury[nation]}).",
        )
    )


def _begin_seat_turn(m: Match, seat: int, events: list[Event]) -> None:
    m.phase, m.seat = "seat", seat
    _reset_turn(m)
    events.append(
        _event(
            TurnStarted,
            round=m.round,
            seat=seat,
            text=f"Round {m.round}: {m.level.seats[seat].name} (seat {seat + 1}) to play.",
        )
    )
    for nation in w.seat_nations(m, seat):
        _collect_income(m, nation, events)


def _npc_phase(m: Match, events: list[Event]) -> None:
    """NPC alignment, NPC duties, NPC defence: the world answers the seats' moves."""
    m.phase = "npc"
    _reset_turn(m)
    events.append(_event(NpcPhaseStarted, round=m.round, text=f"Round {m.round}: the other nations act."))
    npcs = [n for n in w.active_nations(m) if w.is_npc(m, n)]
    for nation in npcs:
        _collect_income(m, nation, events)
    _answer_npc_offers(m, events)
    for nation in npcs:
        if nation in m.eliminated:
            continue
        for initiative in doctrines.initiatives(m, nation):
            _run_initiative(m, nation, initiative, events)
            if is_over(m):
                return
    # Duties may raise more duties (an NPC's attack below never declares war, so this ends).
    while True:
        open_duties = sorted((d for d in m.duties.values() if w.is_npc(m, d.nation)), key=lambda d: d.id)
        if not open_duties:
            break
        for duty in open_duties:
            if duty.id not in m.duties:
                continue
            decision = doctrines.decide_duty(m, duty)
            if decision.yes:
                honour_duty(m, duty, decision.reason, events)
            else:
                pass_the_buck(m, duty, decision.reason, False, events)
    for nation in npcs:
        if nation in m.eliminated:
            continue
        _npc_defence(m, nation, events)
        if is_over(m):
            return


def _run_initiative(m: Match, nation: str, initiative: doctrines.Initiative, events: list[Event]) -> None:
    """An NPC acts on its doctrine: the same rules as a seat's action, checked the same way."""
    if initiative.kind == "leave":
        if initiative.treaty in m.alliances and nation in m.alliances[initiative.treaty].members:
            _leave_alliance(m, nation, initiative.treaty, initiative.reason, events)
        return
    to = initiative.to
    if to in m.eliminated or to == nation:
        return
    kind = initiative.kind
    try:
        if kind == "alliance":
            check_alliance_offer(m, nation, to)
            offer = Offer(m.new_id(), "alliance", nation, to, 0, name=initiative.name or "Alliance")
        elif kind == "invite":
            alliance = m.alliances.get(initiative.treaty)
            if alliance is None:
                return
            check_invite(m, alliance, nation, to)
            offer = Offer(m.new_id(), "invite", nation, to, 0, alliance=alliance.id)
        elif kind == "pact":
            check_pact(m, nation, to)
            offer = Offer(m.new_id(), "pact", nation, to, 0)
        elif kind == "peace":
            if not w.at_war(m, nation, to):
                return
            offer = Offer(m.new_id(), "peace", nation, to, 0)
        else:
            return
        _check_once(m, nation, to, offer.kind)
    except IllegalAction:
        return
    make_offer(m, offer, events, initiative.reason)


def _npc_defence(m: Match, nation: str, events: list[Event]) -> None:
    """A simple, sensible defence: recruit where the danger is, strike back only with good odds."""
    territories = w.territories_of(m, nation)
    if not territories:
        return
    foes = set(w.enemies(m, nation))

    def danger(t: str) -> tuple[int, int, str]:
        hostile = 0
        neutral = 0
        for other in w.adjacent(m, t):
            owner = m.owner[other]
            if owner in foes:
                hostile += w.strength(m, other)
            elif owner != nation and not w.allied(m, nation, owner):
                neutral += 1
        return hostile, neutral, t

    spot = max(territories, key=danger)
    amount = m.treasury[nation] // rules.RECRUIT_COST
    if not foes:
        land = sum(m.index.value[t] for t in territories)
        army = sum(m.forces[t].get(nation, 0) for t in territories)
        amount = min(amount, max(0, rules.NPC_PEACETIME_ARMY_PER_VALUE * land - army))
    if amount > 0:
        _do_recruit(m, nation, spot, amount, events)
    if not foes:
        m.treasury[nation] = min(m.treasury[nation], rules.NPC_WAR_CHEST_ROUNDS * w.income(m, nation))
        return
    for _ in range(rules.NPC_ATTACKS_PER_PHASE):
        best: tuple[float, str, str, int] | None = None
        for source in sorted(w.territories_of(m, nation)):
            attackers = w.ready(m, source, nation)
            if attackers < 2:
                continue
            for target in sorted(w.adjacent(m, source)):
                if m.owner[target] not in foes:
                    continue
                if any(g != m.owner[target] and not w.at_war(m, nation, g) for g in m.forces[target]):
                    continue
                chance = w.attack_odds(m, target, attackers).attacker_wins
                if chance >= rules.NPC_ATTACK_MIN_ODDS and (best is None or chance > best[0]):
                    best = (chance, source, target, attackers)
        if best is None:
            return
        _, source, target, attackers = best
        do_attack(m, nation, source, target, attackers, events)
        if is_over(m):
            return


def _end_round(m: Match, events: list[Event]) -> None:
    """Socialization fades, ideologies pull apart, regimes settle; then the score is kept."""
    for alliance in sorted(m.alliances.values(), key=lambda al: al.id):
        if m.round - alliance.last_exercise_round >= rules.EXERCISE_MEMORY_ROUNDS:
            _shift_cohesion(m, alliance.id, -rules.FADE_PER_ROUND, DRIFT_NO_EXERCISES, events)
        ideologies = {m.index.ideology[n] for n in alliance.members}
        drift = min(len(ideologies) - 1, rules.IDEOLOGY_DRIFT_MAX)
        if drift > 0 and alliance.id in m.alliances:
            _shift_cohesion(m, alliance.id, -drift, DRIFT_IDEOLOGY, events)
    for nation in w.active_nations(m):
        if w.enemies(m, nation):
            _shift_stability(m, nation, rules.STABILITY_AT_WAR_PER_ROUND)
        elif m.stability[nation] < rules.STABILITY_RECOVERY_TARGET:
            _shift_stability(m, nation, 1)
    _record_history(m)
    vp0, vp1, total = w.victory_points(m)
    share = m.level.hegemony_share
    for seat, points in ((0, vp0), (1, vp1)):
        if total > 0 and points / total >= share:
            _finish(
                m,
                seat,
                "hegemony",
                f"{m.level.seats[seat].name} holds {points / total:.0%} of all victory points: hegemony.",
                events,
            )
            return
    if m.round >= m.level.round_limit:
        if abs(vp0 - vp1) < 1e-9:
            _finish(m, None, "round_limit", f"The last round ends level at {vp0:.1f} points each: a draw.", events)
        else:
            winner = 0 if vp0 > vp1 else 1
            _finish(
                m,
                winner,
                "round_limit",
                f"The last round ends with {m.level.seats[winner].name} ahead, "
                f"{max(vp0, vp1):.1f} points to {min(vp0, vp1):.1f}.",
                events,
            )


def _record_history(m: Match) -> None:
    vp0, vp1, _ = w.victory_points(m)
    m.history.append(
        {
            "round": m.round,
            "points": [round(vp0, 2), round(vp1, 2)],
            "cohesion": {a.id: a.cohesion for a in m.alliances.values()},
        }
    )


_HANDLERS: dict[type[Any], Callable[[Match, Any, list[Event]], None]] = {
    Recruit: _recruit,
    Move: _move,
    Attack: _attack,
    ProposeAlliance: _propose_alliance,
    InviteToAlliance: _invite,
    OfferGuarantee: _offer_guarantee,
    ProposePact: _propose_pact,
    ProposePeace: _propose_peace,
    AnswerOffer: _answer_offer,
    LeaveTreaty: _leave,
    HonourDuty: _honour,
    PassTheBuck: _pass,
    JointExercise: _exercise,
    RegimeAid: _regime_aid,
    EndTurn: _end_turn_action,
}
