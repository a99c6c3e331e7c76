"""The engine's public face: ``apply(match, action) -> events``, and the match it changes.

An illegal action raises an :class:`~game.core.errors.IllegalAction` saying why and changes
nothing: every handler checks all of its rules before it touches the match. The rules
themselves live one family to a module, each rule a function named after it:

- :mod:`~game.core.flow` whose turn it is; :mod:`~game.core.rounds` what opens and closes turns and rounds
- :mod:`~game.core.forces` income, recruiting, marching; :mod:`~game.core.war` attacks, declarations, captures
- :mod:`~game.core.duties` the Article 5 duty and guarantees, passing the buck
- :mod:`~game.core.treaties` offers, signing, leaving, peace and the truce
- :mod:`~game.core.cohesion` exercises and drift; :mod:`~game.core.standing` credibility, stability, aid
- :mod:`~game.core.victory` capitals, hegemony, the round limit, points
- :mod:`~game.core.npc` the NPC phase in its order; :mod:`~game.core.doctrines` how NPCs decide

>>> from game.core.actions import EndTurn, Recruit
>>> level = Level.model_validate({
...     "title": "Two", "map": {"width": 2, "height": 1, "rows": ["A B"]},
...     "nations": [{"id": "x", "name": "X", "colour": "#3050c0", "capital": "a"},
...                 {"id": "y", "name": "Y", "colour": "#c03030", "capital": "b"}],
...     "seats": [{"name": "West", "nations": ["x"]}, {"name": "East", "nations": ["y"]}],
...     "territories": [{"id": "a", "name": "A", "code": "A", "owner": "x", "value": 2},
...                     {"id": "b", "name": "B", "code": "B", "owner": "y", "value": 2}]})
>>> match = new_match(level, seed=0)
>>> current_seat(match), match.treasury["x"]
(0, 5)
>>> [event.text for event in apply(match, Recruit(nation="x", territory="a", amount=1))]
['X recruits 1 in A.']
>>> apply(match, Recruit(nation="x", territory="a", amount=9))
Traceback (most recent call last):
...
game.core.errors.CannotAfford: recruiting 9 costs 27, but the treasury holds 2
>>> [event.kind for event in apply(match, EndTurn())], current_seat(match)
(['turn_started', 'income'], 1)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from game.core import calls, checks, cohesion, duties, forces, ids, rounds, standing, treaties, victory, war
from game.core import world as w
from game.core.actions import (
    Action,
    AnswerCall,
    AnswerOffer,
    Attack,
    CallToArms,
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
    log_entry,
    parse_action,
)
from game.core.errors import IllegalAction, NotYourTurn, UnknownId
from game.core.events import Event, Undone, new_event
from game.core.flow import first_seat
from game.core.level import Level
from game.core.state import AllianceState, Declaration, Match, Scope, index_of

HUMAN = "human"
"""The controller of a seat a person plays (``Match.controllers``); any other names a bot."""


def new_match(level: Level, seed: int = 0, controllers: tuple[str, str] = (HUMAN, HUMAN)) -> Match:
    """A match at the start of seat 1's first turn. ``level`` must be valid (see level_problems)."""
    seat_of = {nid: s for s, seat in enumerate(level.seats) for nid in seat.nations}
    m = Match(
        level=level,
        index=index_of(level),
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
        duties.set_scope(m, al.id, Scope(tuple(al.against), tuple(al.territories)))
    for gu in level.treaties.guarantees:
        gid = ids.guarantee_id(gu.guarantor, gu.guaranteed)
        m.guarantees[gid] = (gu.guarantor, gu.guaranteed)
        duties.set_scope(m, gid, Scope(tuple(gu.against), tuple(gu.territories)))
    for p in level.treaties.pacts:
        x, y = sorted(p.members)
        m.pacts[ids.pact_id(x, y)] = (x, y)
    for war_ in level.wars:
        m.wars.add(frozenset((war_.aggressor, war_.target)))
        m.declarations.append(Declaration(war_.aggressor, war_.target, 0, False))
    victory.record_history(m)
    events: list[Event] = []
    rounds.begin_seat_turn(m, first_seat(m, 1), events)
    m.events.extend(events)
    return m


def current_seat(m: Match) -> int | None:
    """The seat whose turn it is (0 or 1), or None when the match is over."""
    return m.seat if m.phase == "seat" else None


def _end_turn(m: Match, a: EndTurn, events: list[Event]) -> None:
    rounds.end_turn(m, events)


# Each action kind and the rule that carries it out; every handler checks before it changes anything.
HANDLERS: dict[type[Any], Callable[[Match, Any, list[Event]], None]] = {
    Recruit: forces.recruit,
    Move: forces.move,
    Attack: war.attack,
    ProposeAlliance: treaties.propose_alliance,
    InviteToAlliance: treaties.invite,
    OfferGuarantee: treaties.offer_guarantee,
    ProposePact: treaties.propose_pact,
    ProposePeace: treaties.propose_peace,
    AnswerOffer: treaties.answer_offer,
    LeaveTreaty: treaties.leave,
    HonourDuty: war.honour,
    PassTheBuck: duties.pass_,
    CallToArms: calls.call_to_arms,
    AnswerCall: calls.answer_call,
    JointExercise: cohesion.hold_exercise,
    RegimeAid: standing.give_regime_aid,
    EndTurn: _end_turn,
}


def apply(m: Match, action: Action) -> list[Event]:
    """Apply one action for the seat whose turn it is and return what happened.

    Raises IllegalAction (changing nothing) when a rule forbids it.
    """
    if w.is_over(m):
        raise NotYourTurn("the match is over")
    if isinstance(action, Undo):
        return undo(m)
    handler = HANDLERS.get(type(action))
    if handler is None:
        raise UnknownId(f"unknown action kind '{getattr(action, 'kind', type(action).__name__)}'")
    nation = getattr(action, "nation", None)
    if nation is not None:
        checks.acting_nation(m, nation)
    # A bot's every action is a barrier: it takes nothing back, so nothing is kept for undo.
    barrier = not takes_back(m, m.seat) or is_barrier(action)
    previous = m.checkpoint
    if not barrier and m.undoable == 0:
        # Set before the action runs, so that a draw it makes (Match.own_dice) spares the checkpoint.
        m.checkpoint = m.clone(record=False, same_dice=True)
        m.checkpoint.checkpoint = None
        events_before = len(m.events)
        taken = True
    else:
        taken = False
    events: list[Event] = []
    try:
        handler(m, action, events)  # checks first, raises before any change
    except Exception:
        m.checkpoint = previous  # an illegal action changes nothing, the checkpoint included
        raise
    if m.calls:
        calls.lapse(m, events)  # a call the action overtook (a peace, a fall) ends with a sentence
    m.log.append(log_entry(action))
    m.events.extend(events)
    if barrier:
        m.forget_undo()
    else:
        if taken:
            m.checkpoint_events = events_before
        m.undoable += 1
    return events


def takes_back(m: Match, seat: int) -> bool:
    """Whether the seat may undo: only a person does. A bot never takes back what it chose, so
    its actions keep no checkpoint, which was a clone of the whole match on each of its turns."""
    return m.controllers[seat] == HUMAN


#: The actions whose rules can be asked without acting: each handler above runs this same check
#: first, then changes the match. A bot asks dozens of times a turn whether a march is legal, and
#: trying it on a clone of a 1,000-territory map cost more than all its thinking.
CHECKS: dict[type[Action], Callable[[Match, Any], None]] = {
    Recruit: forces.check_recruit,
    Move: forces.check_move,
    Attack: war.check_attack,
    JointExercise: cohesion.check_exercise,
    AnswerOffer: treaties.check_answer,
    CallToArms: calls.check_call_to_arms,
}


def is_legal(m: Match, action: Action) -> bool:
    """Whether ``apply`` would accept the action; the match is untouched.

    Asked of the action's own check where it has one (:data:`CHECKS`), else tried on a clone.
    """
    check = CHECKS.get(type(action))
    try:
        if check is None:
            apply(m.clone(record=False), action)
            return True
        if w.is_over(m):
            return False
        assert isinstance(action, (Recruit, Move, Attack, JointExercise, AnswerOffer, CallToArms))  # CHECKS' kinds
        checks.acting_nation(m, action.nation)
        check(m, action)
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


def is_barrier(action: Action) -> bool:
    """Actions after which undo is refused: they drew randomness or ended the turn."""
    return isinstance(action, (Attack, EndTurn))


def undo(m: Match) -> list[Event]:
    """Take back the seat's last action since the last barrier: replay the others on the checkpoint."""
    if not can_undo(m) or m.checkpoint is None:
        raise IllegalAction("nothing to undo since the last attack, answer or turn start")
    undone = m.log[-1]
    replay = m.log[len(m.log) - m.undoable : -1]
    restored = m.checkpoint.clone(record=False)
    for entry in replay:
        apply(restored, parse_action(entry))
    # The checkpoint keeps no log or events (see Match.clone): the restored match takes the
    # original's from before the checkpoint, and adds the replayed actions' own.
    restored.log = m.log[: len(m.log) - m.undoable] + restored.log
    restored.events = m.events[: m.checkpoint_events] + restored.events
    restored.checkpoint_events = m.checkpoint_events if restored.undoable else 0
    m.__dict__.update(restored.__dict__)
    event = new_event(Undone, action_kind=str(undone["kind"]), text=f"Seat {m.seat + 1} took back its last action.")
    m.events.append(event)
    return [event]
