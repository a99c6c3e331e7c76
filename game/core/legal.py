"""What a seat may do now: a lazy list of legal actions.

Actions that carry an amount (recruit, move, attack) are listed once per place,
with the largest amount allowed; any smaller positive amount is legal too, and
``action in legal_actions(m, seat)`` answers for any amount.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from game.core import calls, rules
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
)
from game.core.engine import can_undo, is_legal
from game.core.errors import IllegalAction
from game.core.state import Match
from game.core.treaties import (
    check_alliance_offer,
    check_guarantee,
    check_invite,
    check_offer_still_stands,
    check_pact,
    shielded,
)


class LegalActions:
    """Iterable, countable and searchable, like python-chess's legal move generator."""

    def __init__(self, match: Match, seat: int) -> None:
        self._match = match
        self._seat = seat

    def __iter__(self) -> Iterator[Action]:
        return _generate(self._match, self._seat)

    def __contains__(self, action: object) -> bool:
        m = self._match
        if m.phase != "seat" or m.seat != self._seat:
            return False
        return is_legal(m, action)  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        return any(True for _ in self)

    def count(self) -> int:
        return sum(1 for _ in self)


def legal_actions(match: Match, seat: int) -> LegalActions:
    """Every action ``seat`` may take now (nothing when it is not its turn)."""
    return LegalActions(match, seat)


A = TypeVar("A", bound=BaseModel)


def _new(cls: type[A], **fields: Any) -> A:
    """Build an action without validation: the generator's values are legal by construction.

    Even ``model_construct`` costs ~8 µs, most of the time of listing 300 actions on a
    large map; this fills the instance's fields directly (the same state model_construct
    leaves behind) in about 1 µs.
    """
    defaults = _DEFAULTS.get(cls)
    if defaults is None:
        defaults = {name: info.default for name, info in cls.model_fields.items() if not info.is_required()}
        _DEFAULTS[cls] = defaults
    obj = cls.__new__(cls)
    values = {**defaults, **fields}
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


_DEFAULTS: dict[type[Any], dict[str, Any]] = {}


def _ok(check: object, *args: object) -> bool:
    try:
        check(*args)  # type: ignore[operator]
    except IllegalAction:
        return False
    return True


def _generate(m: Match, seat: int) -> Iterator[Action]:  # noqa: C901 - one loop per action kind
    if m.phase != "seat" or m.seat != seat:
        return
    nations = w.seat_nations(m, seat)
    others = [n for n in w.active_nations(m)]
    for duty in sorted(m.duties.values(), key=lambda d: d.id):
        if duty.nation in nations:
            yield _new(HonourDuty, nation=duty.nation, duty=duty.id)
            yield _new(PassTheBuck, nation=duty.nation, duty=duty.id)
    for call in sorted(m.calls.values(), key=lambda c: c.id):
        if call.ally in nations:
            yield _new(AnswerCall, nation=call.ally, call=call.id, join=True)
            yield _new(AnswerCall, nation=call.ally, call=call.id, join=False)
    for offer in sorted(m.offers.values(), key=lambda o: o.id):
        if offer.recipient in nations:
            if _ok(check_offer_still_stands, m, offer):
                yield _new(AnswerOffer, nation=offer.recipient, offer=offer.id, accept=True)
            yield _new(AnswerOffer, nation=offer.recipient, offer=offer.id, accept=False)
    for nation in nations:
        affordable = m.treasury[nation] // rules.RECRUIT_COST
        for territory, owner in m.owner.items():
            if owner == nation and affordable > 0:
                yield _new(Recruit, nation=nation, territory=territory, amount=affordable)
        for source, forces in m.forces.items():
            amount = forces.get(nation, 0) - m.spent[source].get(nation, 0)
            if amount <= 0:
                continue
            for target in sorted(w.adjacent(m, source)):
                host = m.owner[target]
                if w.allied(m, nation, host):
                    yield _new(Move, nation=nation, source=source, target=target, amount=amount)
                elif not any(shielded(m, nation, g) for g in (host, *m.forces[target])):
                    yield _new(Attack, nation=nation, source=source, target=target, amount=amount)
        for other in others:
            if other == nation:
                continue
            pending = {(o.kind) for o in m.offers.values() if o.sender == nation and o.recipient == other}
            proposed = {k for (s, r, k) in m.proposed if s == nation and r == other}
            blocked = pending | proposed
            if w.at_war(m, nation, other):
                if "peace" not in blocked:
                    yield _new(ProposePeace, nation=nation, to=other)
                continue
            if "alliance" not in blocked and _ok(check_alliance_offer, m, nation, other):
                name = f"{w.nation_name(m, nation)}–{w.nation_name(m, other)} Alliance"
                yield _new(ProposeAlliance, nation=nation, to=other, name=name)
            if "guarantee" not in blocked and _ok(check_guarantee, m, nation, other):
                yield _new(OfferGuarantee, nation=nation, to=other)
            if "pact" not in blocked and _ok(check_pact, m, nation, other):
                yield _new(ProposePact, nation=nation, to=other)
            if "invite" not in blocked:
                for alliance in sorted(w.alliances_of(m, nation), key=lambda al: al.id):
                    if _ok(check_invite, m, alliance, nation, other):
                        yield _new(InviteToAlliance, nation=nation, alliance=alliance.id, to=other)
            if m.treasury[nation] >= rules.REGIME_AID_COST:
                yield _new(RegimeAid, nation=nation, to=other)
        for enemy in w.enemies(m, nation):
            if calls.aggressor_of(m, nation, enemy):
                for ally, _ in calls.callable_allies(m, nation, enemy):
                    yield _new(CallToArms, nation=nation, to=ally, enemy=enemy)
        for alliance in sorted(w.alliances_of(m, nation), key=lambda al: al.id):
            yield _new(LeaveTreaty, nation=nation, treaty=alliance.id)
            if nation not in m.exercised and m.treasury[nation] >= rules.EXERCISE_COST:
                border = next(
                    (t for t in sorted(w.territories_of(m, nation)) if w.on_alliance_border(m, alliance, t)), None
                )
                for partner in alliance.members:
                    if partner != nation:
                        yield _new(JointExercise, nation=nation, alliance=alliance.id, partner=partner)
                        if border is not None:
                            yield _new(
                                JointExercise, nation=nation, alliance=alliance.id, partner=partner, territory=border
                            )
        for treaty, pair in sorted({**m.guarantees, **m.pacts}.items()):
            if nation in pair:
                yield _new(LeaveTreaty, nation=nation, treaty=treaty)
    if can_undo(m):
        yield _new(Undo)
    yield _new(EndTurn)
