"""What a seat may do now: a lazy list of legal actions.

Actions that carry an amount (recruit, move, attack) are listed once per place,
with the largest amount allowed; any smaller positive amount is legal too, and
``action in legal_actions(m, seat)`` answers for any amount.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Iterator
from operator import attrgetter, itemgetter
from typing import Any

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
    offered_already,
    shields_territory,
)
from game.core.unchecked import built as _new


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
    yield from _questions(m, nations)
    for nation in nations:
        affordable = m.treasury[nation] // rules.RECRUIT_COST
        if affordable > 0:
            for territory in w.territories_of(m, nation):
                yield _new(Recruit, nation=nation, territory=territory, amount=affordable)
        for source in w.posts_of(m, nation):
            amount = w.ready(m, source, nation)
            if amount <= 0:
                continue
            for target in w.neighbours(m, source):
                host = m.owner[target]
                if w.allied(m, nation, host):
                    yield _new(Move, nation=nation, source=source, target=target, amount=amount)
                elif not shields_territory(m, nation, target):
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


def random_action(m: Match, seat: int, rng: random.Random, skip: tuple[type[Action], ...] = ()) -> Action:
    """One of ``legal_actions(m, seat)`` (less the kinds in ``skip``), each equally likely, without listing them.

    Listing every action to pick one cost most of a random match on a big map (hundreds of
    actions built and checked per pick). Instead each block of actions is counted from the
    ledger (so many territories to recruit in, so many borders per stack, so many treaty kinds
    per nation) into slots that hold every legal action exactly once, plus some that turn out
    illegal; a slot is drawn at random and checked, and an illegal one is drawn again. That is
    rejection sampling: every legal action stays exactly as likely as every other, as if the
    full list had been made and one picked from it.
    """
    if m.phase != "seat" or m.seat != seat:
        raise ValueError(f"it is not seat {seat + 1}'s turn")
    nations = w.seat_nations(m, seat)
    listed = _questions(m, nations)
    if listed and skip:
        listed = [a for a in listed if not isinstance(a, skip)]
    blocks: list[tuple[int, Callable[[int], Action | None]]] = []
    if listed:
        blocks.append((len(listed), listed.__getitem__))
    for nation in nations:
        blocks.extend(_blocks(m, nation, skip))
    if Undo not in skip and can_undo(m):
        blocks.append((1, lambda _: _new(Undo)))
    if EndTurn not in skip:
        blocks.append((1, lambda _: _new(EndTurn)))
    total = sum(map(_size, blocks))
    if total == 0:
        raise ValueError("nothing is left to choose from")
    while True:
        slot = rng.randrange(total)
        for size, pick in blocks:
            if slot < size:
                action = pick(slot)
                break
            slot -= size
        if action is not None:
            return action


_by_id = attrgetter("id")
_size = itemgetter(0)


def _questions(m: Match, nations: list[str]) -> list[Action]:
    """The answers a seat's ``nations`` owe (duties, calls to arms, offers), as :func:`_generate` lists them.

    Asked before every draw of the random bot: a seat has one or two nations and seldom more
    than one answer waiting, so each kind is sorted only when two wait.
    """
    found: list[Action] = []
    if not (m.duties or m.calls or m.offers):  # most draws: nothing waits for an answer
        return found
    if m.duties:
        duties = [d for d in m.duties.values() if d.nation in nations]
        if len(duties) > 1:
            duties.sort(key=_by_id)
        for duty in duties:
            found += [
                _new(HonourDuty, nation=duty.nation, duty=duty.id),
                _new(PassTheBuck, nation=duty.nation, duty=duty.id),
            ]
    if m.calls:
        summoned = [c for c in m.calls.values() if c.ally in nations]
        if len(summoned) > 1:
            summoned.sort(key=_by_id)
        for call in summoned:
            found += [_new(AnswerCall, nation=call.ally, call=call.id, join=join) for join in (True, False)]
    offers = [o for o in m.offers.values() if o.recipient in nations]
    if len(offers) > 1:
        offers.sort(key=_by_id)
    for offer in offers:
        if _ok(check_offer_still_stands, m, offer):
            found.append(_new(AnswerOffer, nation=offer.recipient, offer=offer.id, accept=True))
        found.append(_new(AnswerOffer, nation=offer.recipient, offer=offer.id, accept=False))
    return found


def _blocks(m: Match, nation: str, skip: tuple[type[Action], ...]) -> list[tuple[int, Callable[[int], Action | None]]]:
    """The slots of one nation's own actions: each legal action once, some slots illegal.

    Each block's size is counted from the ledger; what its slots stand for (borders in map
    order, partners, treaties) is listed only when one of them is drawn (:class:`_Slots`). A
    draw lands in one or two blocks, and listing all of them was most of a random bot's pick.
    """
    slots = _Slots(m, nation, skip)
    blocks: list[tuple[int, Callable[[int], Action | None]]] = []
    if slots.affordable > 0 and Recruit not in skip:
        land = len(m.owner.land.get(nation, ()))
        if land:
            blocks.append((land, slots.recruit))
    if Move not in skip or Attack not in skip:
        forces, spent, degree = m.forces, m.spent, m.index.degree
        borders_count = 0
        for t in forces.posts.get(nation, ()):
            if forces[t].get(nation, 0) > spent[t].get(nation, 0):  # troops ready to march
                borders_count += degree[t]
        if borders_count:
            blocks.append((borders_count, slots.march))
    book = slots.book
    others_count = len(m.level.nations) - len(m.eliminated) - 1  # the nation itself is still in the game
    if others_count > 0:
        blocks.append((others_count * slots.kinds, slots.diplomacy))
    if book and m.wars and CallToArms not in skip:
        # Every ally of every war it started; whether the call may be made is asked only of the one drawn.
        enemies = m.wars.enemies(nation)
        if enemies:
            declared = {d.target for d in m.declarations if d.aggressor == nation}
            slots.wars = [e for e in enemies if e in declared]  # calls.aggressor_of, for every enemy in one pass
            if slots.wars and slots.allies():
                blocks.append((len(slots.wars) * len(slots.allies()), slots.summon))
    # Treaties it may leave: its alliances by id, then its guarantees and pacts by id.
    if LeaveTreaty not in skip:
        if m.guarantees or m.pacts:
            slots.signed = [t for t, pair in m.guarantees.items() if nation in pair] + [
                t for t, pair in m.pacts.items() if nation in pair
            ]
        if book or slots.signed:
            blocks.append((len(book) + len(slots.signed), slots.leave))
    if book and JointExercise not in skip and nation not in m.exercised and m.treasury[nation] >= rules.EXERCISE_COST:
        # Each partner of each alliance, in the field or on the alliance's border.
        count = 2 * sum(len(alliance.members) - alliance.members.count(nation) for alliance in book)
        if count:
            blocks.append((count, slots.exercise))
    return blocks


class _Slots:
    """One nation's slots for one draw: what a slot number stands for, each list made when first needed.

    Only what every draw needs is set in ``__init__``; the rest stays at the class's empty
    defaults until a drawn slot asks for it (a draw lands in one or two blocks).
    """

    wars: list[str] | tuple[()] = ()
    signed: list[str] | tuple[()] = ()
    _land: list[str] | None = None
    _alliances: list[Any] | None = None
    _borders: tuple[list[tuple[str, int, tuple[str, ...]]], list[int]] | None = None
    _others: list[str] | None = None
    _allies: list[str] | None = None
    _treaties: list[str] | None = None
    _exercises: list[tuple[Any, str, bool]] | None = None

    def __init__(self, m: Match, nation: str, skip: tuple[type[Action], ...]) -> None:
        self.m, self.nation, self.skip = m, nation, skip
        self.affordable = m.treasury[nation] // rules.RECRUIT_COST
        self.book = m.alliances.of(nation)
        self.kinds = _DIPLOMACY + len(self.book)  # peace, alliance, guarantee, pact, aid, one invitation per alliance

    @property
    def land(self) -> list[str]:
        """The nation's land in map order."""
        if self._land is None:
            self._land = w.territories_of(self.m, self.nation)
        return self._land

    def alliances(self) -> list[Any]:
        if self._alliances is None:
            self._alliances = sorted(self.book, key=lambda al: al.id)
        return self._alliances

    def allies(self) -> list[str]:
        if self._allies is None:
            self._allies = sorted({n for al in self.book for n in al.members if n != self.nation})
        return self._allies

    def recruit(self, i: int) -> Action | None:
        return _new(Recruit, nation=self.nation, territory=self.land[i], amount=self.affordable)

    def march(self, i: int) -> Action | None:
        m, nation, skip = self.m, self.nation, self.skip
        if self._borders is None:
            borders = []
            for source in w.posts_of(m, nation):
                amount = w.ready(m, source, nation)
                if amount > 0:
                    borders.append((source, amount, w.neighbours(m, source)))
            starts = [0]
            for _, _, targets in borders:
                starts.append(starts[-1] + len(targets))
            self._borders = borders, starts
        borders, starts = self._borders
        k = bisect_right(starts, i) - 1
        source, amount, targets = borders[k]
        target = targets[i - starts[k]]
        if w.allied(m, nation, m.owner[target]):
            if Move in skip:
                return None
            return _new(Move, nation=nation, source=source, target=target, amount=amount)
        if Attack in skip or shields_territory(m, nation, target):
            return None
        return _new(Attack, nation=nation, source=source, target=target, amount=amount)

    def diplomacy(self, i: int) -> Action | None:
        m, nation = self.m, self.nation
        if self._others is None:
            self._others = [n for n in w.active_nations(m) if n != nation]
        other, kind = self._others[i // self.kinds], i % self.kinds
        if w.at_war(m, nation, other):
            if kind == 0 and not offered_already(m, nation, other, "peace"):
                return _new(ProposePeace, nation=nation, to=other)
            return None
        action: Action | None = None
        if (
            kind == 1
            and not offered_already(m, nation, other, "alliance")
            and _ok(check_alliance_offer, m, nation, other)
        ):
            name = f"{w.nation_name(m, nation)}–{w.nation_name(m, other)} Alliance"
            action = _new(ProposeAlliance, nation=nation, to=other, name=name)
        elif (
            kind == 2 and not offered_already(m, nation, other, "guarantee") and _ok(check_guarantee, m, nation, other)
        ):
            action = _new(OfferGuarantee, nation=nation, to=other)
        elif kind == 3 and not offered_already(m, nation, other, "pact") and _ok(check_pact, m, nation, other):
            action = _new(ProposePact, nation=nation, to=other)
        elif kind == 4 and m.treasury[nation] >= rules.REGIME_AID_COST:
            action = _new(RegimeAid, nation=nation, to=other)
        elif kind >= _DIPLOMACY and not offered_already(m, nation, other, "invite"):
            alliance = self.alliances()[kind - _DIPLOMACY]
            if _ok(check_invite, m, alliance, nation, other):
                action = _new(InviteToAlliance, nation=nation, alliance=alliance.id, to=other)
        return None if action is None or isinstance(action, self.skip) else action

    def summon(self, i: int) -> Action | None:
        allies = self.allies()
        enemy, ally = self.wars[i // len(allies)], allies[i % len(allies)]
        if calls.call_treaty(self.m, self.nation, ally, enemy) is None:
            return None
        return _new(CallToArms, nation=self.nation, to=ally, enemy=enemy)

    def leave(self, i: int) -> Action | None:
        if self._treaties is None:
            self._treaties = [alliance.id for alliance in self.alliances()] + sorted(self.signed)
        return _new(LeaveTreaty, nation=self.nation, treaty=self._treaties[i])

    def exercise(self, i: int) -> Action | None:
        m, nation = self.m, self.nation
        if self._exercises is None:
            self._exercises = [
                (alliance, p, border)
                for alliance in self.alliances()
                for p in alliance.members
                if p != nation
                for border in (False, True)
            ]
        alliance, partner, on_border = self._exercises[i]
        if not on_border:
            return _new(JointExercise, nation=nation, alliance=alliance.id, partner=partner)
        border = next((t for t in sorted(self.land) if w.on_alliance_border(m, alliance, t)), None)
        if border is None:
            return None
        return _new(JointExercise, nation=nation, alliance=alliance.id, partner=partner, territory=border)


_DIPLOMACY = 5
