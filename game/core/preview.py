"""What an action would do, without doing it: the dry run a screen shows before the player commits.

:func:`preview` plays the action on a private copy of the match (a clone, as
:func:`~game.core.engine.view` makes) and reports what changed: the events, the gold it costs,
every nation's change in credibility and stability, every alliance's change in cohesion, and
the duties it would raise. A refused
action reports the refusal instead (its :class:`~game.core.errors.IllegalAction` subclass and
its reason), exactly as :func:`~game.core.engine.apply` would raise it.

A preview stops where the dice begin. An attack is previewed up to the battle: the declaration
of war, the tripwires and the duties it raises, never who wins; the same holds for anything else
that draws from the match's generator (the NPC phase an end of turn may open). The real match,
its generator included, is never touched.

>>> from game.core.actions import Recruit
>>> from game.core.engine import new_match
>>> from game.core.level import Level
>>> level = Level.model_validate({
...     "title": "Two", "map": {"width": 2, "height": 1, "rows": ["A B"]},
...     "nations": [{"id": "x", "name": "X", "colour": "#3050c0", "capital": "a"},
...                 {"id": "y", "name": "Y", "colour": "#c03030", "capital": "b"}],
...     "seats": [{"name": "West", "nations": ["x"]}, {"name": "East", "nations": ["y"]}],
...     "territories": [{"id": "a", "name": "A", "code": "A", "owner": "x", "value": 2},
...                     {"id": "b", "name": "B", "code": "B", "owner": "y", "value": 2}]})
>>> match = new_match(level, seed=0)
>>> two = preview(match, Recruit(nation="x", territory="a", amount=1))
>>> two.legal, two.cost, [event.text for event in two.events]
(True, 3, ['X recruits 1 in A.'])
>>> match.treasury["x"], match.forces["a"]
(5, {})
>>> preview(match, Recruit(nation="x", territory="a", amount=9)).refusal
Refusal(error=<class 'game.core.errors.CannotAfford'>, reason='recruiting 9 costs 27, but the treasury holds 5')
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from game.core import doctrines, treaties
from game.core import world as w
from game.core.actions import (
    Action,
    Attack,
    InviteToAlliance,
    OfferGuarantee,
    ProposeAlliance,
    ProposePact,
    ProposePeace,
)
from game.core.duties import already_fighting
from game.core.engine import HANDLERS, apply
from game.core.errors import IllegalAction
from game.core.events import DutyRaised, Event, WarDeclared
from game.core.ids import NationId, TreatyId
from game.core.state import Match, Offer

K = TypeVar("K")


@dataclass(frozen=True)
class Refusal:
    """Why the rules refuse an action: the kind of refusal and the player's words for it."""

    error: type[IllegalAction]
    reason: str


@dataclass(frozen=True)
class DutyCall:
    """A duty the action would raise: ``nation`` called by ``treaty`` to fight ``aggressor``."""

    nation: NationId
    treaty: TreatyId
    aggressor: NationId
    target: NationId
    deadline_round: int


def _frozen(changes: dict[K, int]) -> Mapping[K, int]:
    return MappingProxyType(changes)


@dataclass(frozen=True)
class Preview:
    """What :func:`preview` found. Every mapping holds only what would change, by how much."""

    action: Action
    #: None when the action is legal now.
    refusal: Refusal | None = None
    #: The events the action would produce, up to (not including) the first that depends on the dice.
    events: tuple[Event, ...] = ()
    #: True when the dice decide what follows ``events`` (an attack's battle).
    dice_follow: bool = False
    #: Gold the acting nation would pay (0 for an action that costs nothing, or earns).
    cost: int = 0
    treasury: Mapping[NationId, int] = field(default_factory=lambda: _frozen({}))
    credibility: Mapping[NationId, int] = field(default_factory=lambda: _frozen({}))
    stability: Mapping[NationId, int] = field(default_factory=lambda: _frozen({}))
    #: By alliance id; an alliance founded or dissolved by the action has no entry (its events say so).
    cohesion: Mapping[TreatyId, int] = field(default_factory=lambda: _frozen({}))
    #: The duties the action would raise that still stand when the preview stops: a nation that the
    #: same action brings into the war (a tripwire) has nothing left to answer, though ``events`` say it was called.
    duties: tuple[DutyCall, ...] = ()
    #: For each war the action declares, the victim's treaty partners that are at war with the
    #: aggressor already (so no duty calls them): (aggressor, victim, those partners).
    already_fighting: tuple[tuple[NationId, NationId, tuple[NationId, ...]], ...] = ()

    @property
    def legal(self) -> bool:
        return self.refusal is None


class _DiceReached(Exception):
    """Raised on a look-ahead's first draw from the generator: what follows depends on the dice."""


class _WatchedDice(random.Random):
    """The copy's generator: notes the first draw, and with ``stop`` halts the look-ahead there."""

    def __init__(self, original: random.Random, stop: bool) -> None:
        super().__init__(0)  # any seed: the state is replaced at once, and no entropy is read
        self.setstate(original.getstate())
        self.stop = stop
        self.drawn = False

    def _draw(self) -> None:
        self.drawn = True
        if self.stop:
            raise _DiceReached

    def random(self) -> float:
        self._draw()
        return super().random()

    def getrandbits(self, k: int, /) -> int:
        self._draw()
        return super().getrandbits(k)


def _copy(m: Match, stop: bool) -> tuple[Match, _WatchedDice]:
    # A clone, not a view: a view forgets the undo checkpoint, and an undo is previewed too. Undo
    # only reads the checkpoint (it replays on a clone of it), so the real one is never changed.
    copy = m.clone()
    dice = _WatchedDice(m.rng, stop)
    copy.rng = dice
    return copy, dice


def preview(m: Match, action: Action) -> Preview:
    """What ``action`` would do now, found on a private copy; ``m`` is left exactly as it was."""
    copy, dice = _copy(m, stop=False)
    try:
        events = apply(copy, action)
    except IllegalAction as refusal:
        return Preview(action, refusal=Refusal(type(refusal), str(refusal)))
    if dice.drawn:
        # Again, this time halted at the first draw: the events and the state before the dice.
        # The first run proved every check passes, so the handler is called directly.
        copy, _ = _copy(m, stop=True)
        events = []
        try:
            HANDLERS[type(action)](copy, action, events)
        except _DiceReached:
            pass
    nation: NationId | None = getattr(action, "nation", None)
    treasury = _changes(m.treasury, copy.treasury)
    territory = action.target if isinstance(action, Attack) else None
    fighting = tuple(
        (e.aggressor, e.target, tuple(already_fighting(m, e.aggressor, e.target, territory)))
        for e in events
        if isinstance(e, WarDeclared)
    )
    return Preview(
        action,
        events=tuple(events),
        dice_follow=dice.drawn,
        cost=max(0, -treasury.get(nation, 0)) if nation is not None else 0,
        treasury=treasury,
        credibility=_changes(m.credibility, copy.credibility),
        stability=_changes(m.stability, copy.stability),
        cohesion=_changes(
            {a.id: a.cohesion for a in m.alliances.values()}, {a.id: a.cohesion for a in copy.alliances.values()}
        ),
        duties=tuple(
            DutyCall(e.nation, e.treaty, e.aggressor, e.target, e.deadline_round)
            for e in events
            if isinstance(e, DutyRaised) and e.duty in copy.duties
        ),
        already_fighting=tuple(f for f in fighting if f[2]),
    )


def _changes(before: Mapping[K, int], after: Mapping[K, int]) -> Mapping[K, int]:
    """What moved between two tables of numbers, by key, in the order of ``before``."""
    return _frozen({k: after[k] - v for k, v in before.items() if k in after and after[k] != v})


# ---------------------------------------------------------------------------
# How a nation nobody plays would answer an offer

#: The actions that make an offer, answered by the nation they name in ``to``.
OFFERS = (ProposeAlliance, InviteToAlliance, OfferGuarantee, ProposePact, ProposePeace)


@dataclass(frozen=True)
class Forecast:
    """How a nation nobody plays would answer an offer if it answered now, in its doctrine's words.

    It answers for real only when the round ends, after the other seats' moves and every
    suitor of the round are weighed: a forecast is the answer to today's world, not a promise.
    """

    #: The nation that would answer.
    nation: NationId
    accept: bool
    #: Why, as the chronicle would say it ("it sides with the stronger side").
    reason: str


def forecast(m: Match, action: Action) -> Forecast | None:
    """How the nation nobody plays that ``action`` makes an offer to would answer it now; ``m`` is left as it was.

    None for an action that makes no offer, one the rules refuse now (its :func:`preview` says
    why), and one to a nation a seat plays (a player answers that). The offer is made on a
    private copy and put to the nation's doctrine exactly as the round's end would put it: first
    whether it still stands, then the doctrine's choice.

    >>> from game.core.engine import new_match
    >>> from game.core.level import Level
    >>> level = Level.model_validate({
    ...     "title": "Three", "map": {"width": 3, "height": 1, "rows": ["A B C"]},
    ...     "nations": [{"id": "x", "name": "X", "colour": "#3050c0", "capital": "a"},
    ...                 {"id": "y", "name": "Y", "colour": "#c03030", "capital": "b"},
    ...                 {"id": "z", "name": "Z", "colour": "#30c030", "doctrine": "neutral"}],
    ...     "seats": [{"name": "West", "nations": ["x"]}, {"name": "East", "nations": ["y"]}],
    ...     "territories": [{"id": "a", "name": "A", "code": "A", "owner": "x", "value": 2},
    ...                     {"id": "b", "name": "B", "code": "B", "owner": "y", "value": 2},
    ...                     {"id": "c", "name": "C", "code": "C", "owner": "z", "value": 2}]})
    >>> match = new_match(level, seed=0)
    >>> forecast(match, ProposeAlliance(nation="x", to="z", name="Pact of A"))
    Forecast(nation='z', accept=False, reason='it is neutral and joins nobody')
    >>> match.offers
    {}
    """
    if not isinstance(action, OFFERS) or not w.is_npc(m, action.to):
        return None
    copy, _ = _copy(m, stop=True)
    before = set(copy.offers)
    try:
        apply(copy, action)
    except (IllegalAction, _DiceReached):
        return None
    made = [offer for oid, offer in copy.offers.items() if oid not in before and offer.recipient == action.to]
    return _answer(copy, made[0]) if made else None


def forecast_offer(m: Match, offer: Offer) -> Forecast | None:
    """How the nation nobody plays that holds ``offer`` (one waiting for the round's end) would answer it now.

    None when the offer is no longer open or a seat plays its recipient. ``m`` is left as it was.
    """
    if m.offers.get(offer.id) is not offer or not w.is_npc(m, offer.recipient):
        return None
    copy, _ = _copy(m, stop=True)
    return _answer(copy, copy.offers[offer.id])


def _answer(m: Match, offer: Offer) -> Forecast:
    """The round end's two steps (:func:`game.core.npc.align`) on a copy: does it stand, what says the doctrine."""
    try:
        treaties.check_offer_still_stands(m, offer)
    except IllegalAction as refusal:
        return Forecast(offer.recipient, False, str(refusal))
    decision = doctrines.decide_offer(m, offer)
    return Forecast(offer.recipient, decision.yes, decision.reason)
