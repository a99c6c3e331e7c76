"""A match from its snapshot: the inverse of :func:`~game.core.state.snapshot`, checked.

A save keeps the state its match had, so loading is a copy of that state, not a replay of
the whole log (a replay took 4.5 s on a 1,016-territory map, and grew with the match). The
save's hash says the file is the one the game wrote; the checks here make sure that,
whatever a file holds, the engine is handed only a state it can play on: every nation and
territory known to the level, every number in its range, the turn where the round puts it.
A wrong one is refused with where and what (:class:`BadSnapshot`), never a KeyError deep in
a rule three turns later. Every check is one pass over the data: linear in the file's size.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.core import flow
from game.core.ledger import Army, Holdings
from game.core.level import Level
from game.core.state import (
    AllianceState,
    Call,
    Declaration,
    Duty,
    LevelIndex,
    Match,
    Offer,
    Outcome,
    Scope,
)
from game.core.treaty_ledger import Alliances, Wars

# Far above anything a match reaches (a level starts at most 10,000 strong a garrison), far below
# the numbers that would make arithmetic crawl: a count in a save must fit in this.
BIG: int = 10**12
Count: TypeAlias = Annotated[int, Field(ge=0, le=BIG)]
Number: TypeAlias = Annotated[int, Field(ge=-BIG, le=BIG)]
Percent: TypeAlias = Annotated[int, Field(ge=0, le=100)]
Pair: TypeAlias = Annotated[list[str], Field(min_length=2, max_length=2)]


class BadSnapshot(ValueError):
    """A snapshot the engine cannot play on: ``where`` in it, and ``what`` is wrong."""

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}" if where else what)
        self.where = where
        self.what = what


class _Data(BaseModel):
    # Strict: a save is written by the game, so a "3" where 3 belongs is damage, not a typo to forgive.
    model_config = ConfigDict(extra="forbid", strict=True)


class _Alliance(_Data):
    id: str
    name: str
    members: list[str]
    collective_defence: bool
    cohesion: Percent
    last_exercise_round: Count


class _Scope(_Data):
    against: list[str]
    territories: list[str]


class _Declaration(_Data):
    aggressor: str
    target: str
    round: Count
    broke_pact: bool


class _Duty(_Data):
    id: Count
    nation: str
    aggressor: str
    target: str
    treaty: str
    raised_turn: Count
    deadline: Count


class _Offer(_Data):
    id: Count
    kind: Literal["alliance", "invite", "guarantee", "pact", "peace"]
    sender: str
    recipient: str
    deadline: Count
    alliance: str | None
    name: str | None
    collective_defence: bool
    scope: _Scope | None = None


class _Call(_Data):
    id: Count
    caller: str
    ally: str
    enemy: str
    treaty: str
    raised_turn: Count
    deadline: Count


class _Outcome(_Data):
    winner: Literal[0, 1] | None
    reason: Literal["capitals", "hegemony", "round_limit"]
    text: str


class _Snapshot(_Data):
    round: Annotated[int, Field(ge=1, le=BIG)]
    turn: Annotated[int, Field(ge=1, le=BIG)]
    phase: Literal["seat", "npc", "over"]
    seat: Literal[0, 1]
    rng: list[Any]
    owner: dict[str, str]
    forces: dict[str, dict[str, Count]]
    spent: dict[str, dict[str, Count]]
    treasury: dict[str, Count]
    stability: dict[str, Percent]
    credibility: dict[str, Percent]
    eliminated: list[str]
    alliances: dict[str, _Alliance]
    guarantees: dict[str, Pair]
    pacts: dict[str, Pair]
    scopes: dict[str, _Scope] = {}
    wars: list[Pair]
    retired_alliances: list[str]
    truces: dict[str, Count]
    declarations: list[_Declaration]
    duties: dict[str, _Duty]
    offers: dict[str, _Offer]
    calls: dict[str, _Call] = {}
    next_id: Count
    buck_passed: dict[str, Count]
    duties_honoured: dict[str, Count]
    aid_received: dict[str, dict[str, list[Count]]]
    aid_lots: dict[str, dict[str, float]]
    border_exercises: dict[str, Count]
    exercised: list[str]
    proposed: list[Annotated[list[str], Field(min_length=3, max_length=3)]]
    outcome: _Outcome | None


class _HistoryEntry(_Data):
    round: Count
    points: Annotated[list[float], Field(min_length=2, max_length=2)]
    cohesion: dict[str, Percent]


def restore(
    level: Level,
    seed: int,
    controllers: tuple[str, str],
    data: Any,
    history: Any = (),
    where: str = "snapshot",
) -> Match:
    """The match whose :func:`~game.core.state.snapshot` is ``data``, with its chart ``history``.

    ``level`` must be valid (see level_problems). The log, the chronicle and the undo point are
    not in a snapshot: the caller sets them. Raises BadSnapshot naming the first problem.
    """
    s = _validated(_Snapshot, data, where)
    rounds = [_validated(_HistoryEntry, entry, f"history[{i}]") for i, entry in enumerate(_listed(history, "history"))]
    seat_of = {nid: seat for seat, entry in enumerate(level.seats) for nid in entry.nations}
    m = Match(
        level=level,
        index=LevelIndex(level),
        seed=seed,
        controllers=controllers,
        rng=_rng(s.rng, f"{where}.rng"),
        seat_of=seat_of,
    )
    _check(m, s, where)
    m.round, m.turn, m.phase, m.seat = s.round, s.turn, s.phase, s.seat
    m.owner = Holdings(s.owner)
    m.forces = Army({t.id: s.forces.get(t.id, {}) for t in level.territories})
    m.spent = {t.id: dict(s.spent.get(t.id, {})) for t in level.territories}
    m.treasury, m.stability, m.credibility = dict(s.treasury), dict(s.stability), dict(s.credibility)
    m.eliminated = set(s.eliminated)
    m.alliances = Alliances(
        (k, AllianceState(a.id, a.name, list(a.members), a.collective_defence, a.cohesion, a.last_exercise_round))
        for k, a in s.alliances.items()
    )
    m.guarantees = {k: (v[0], v[1]) for k, v in s.guarantees.items()}
    m.pacts = {k: (v[0], v[1]) for k, v in s.pacts.items()}
    m.scopes = {k: Scope(tuple(v.against), tuple(v.territories)) for k, v in s.scopes.items()}
    m.wars = Wars(frozenset(w) for w in s.wars)
    m.retired_alliances = set(s.retired_alliances)
    m.truces = {_truce_pair(key): until for key, until in s.truces.items()}
    m.declarations = [Declaration(d.aggressor, d.target, d.round, d.broke_pact) for d in s.declarations]
    m.duties = {d.id: Duty(**d.model_dump()) for d in s.duties.values()}
    m.offers = {o.id: _offer(o) for o in s.offers.values()}
    m.calls = {c.id: Call(**c.model_dump()) for c in s.calls.values()}
    m.next_id = s.next_id
    m.buck_passed, m.duties_honoured = dict(s.buck_passed), dict(s.duties_honoured)
    m.aid_received = {k: {d: list(r) for d, r in v.items()} for k, v in s.aid_received.items()}
    m.aid_lots = {k: dict(v) for k, v in s.aid_lots.items()}
    m.border_exercises = dict(s.border_exercises)
    m.exercised = set(s.exercised)
    m.proposed = {(p[0], p[1], p[2]) for p in s.proposed}
    m.outcome = Outcome(s.outcome.winner, s.outcome.reason, s.outcome.text) if s.outcome else None
    m.history = [entry.model_dump() for entry in rounds]
    return m


def _validated(model: type[_Data], data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise BadSnapshot(where, "must be a JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        raise BadSnapshot(f"{where}{path}", first["msg"][:1].lower() + first["msg"][1:]) from None


def _listed(value: Any, where: str) -> list[Any]:
    if isinstance(value, tuple):
        return list(value)
    if not isinstance(value, list):
        raise BadSnapshot(where, "must be a JSON list")
    return value


def _rng(state: list[Any], where: str) -> random.Random:
    """The dice exactly where they were: Mersenne Twister's 625 words and the cached gauss."""
    ok = (
        len(state) == 3
        and state[0] == 3
        and isinstance(state[1], list)
        and len(state[1]) == 625
        and all(type(word) is int and 0 <= word < 2**32 for word in state[1])
        and 0 <= state[1][-1] <= 624
        and (state[2] is None or type(state[2]) is float)
    )
    if not ok:
        raise BadSnapshot(where, "not the state of the match's dice")
    rng = random.Random()
    rng.setstate((3, tuple(state[1]), state[2]))
    return rng


def _truce_pair(key: str) -> tuple[str, str]:
    a, _, b = key.partition("|")
    return (a, b)


def _offer(o: _Offer) -> Offer:
    scope = Scope(tuple(o.scope.against), tuple(o.scope.territories)) if o.scope else Scope()
    return Offer(o.id, o.kind, o.sender, o.recipient, o.deadline, o.alliance, o.name, o.collective_defence, scope)


def _check(m: Match, s: _Snapshot, where: str) -> None:
    """Every id the level must know, every key that must match its value, the turn the round implies."""
    nations = set(m.index.nation_name)
    territories = set(m.index.territory_name)

    def fail(path: str, what: str) -> None:
        raise BadSnapshot(f"{where}.{path}", what)

    def known(ids: Iterable[str], among: set[str], path: str, kind: str) -> None:
        for value in ids:
            if value not in among:
                fail(path, f"unknown {kind} '{value}'")

    def every(keys: Iterable[str], path: str) -> None:
        missing = nations.difference(keys)
        if missing:
            fail(path, f"nation '{min(missing)}' is missing")

    if set(s.owner) != territories:
        odd = sorted(territories.symmetric_difference(s.owner))[0]
        fail("owner", f"territory '{odd}' is {'unknown' if odd in s.owner else 'missing'}")
    known(s.owner.values(), nations, "owner", "nation")
    for name, table in (("forces", s.forces), ("spent", s.spent)):
        known(table, territories, name, "territory")
        for t, per_nation in table.items():
            known(per_nation, nations, f"{name}.{t}", "nation")
    for name, per in (("treasury", s.treasury), ("stability", s.stability), ("credibility", s.credibility)):
        known(per, nations, name, "nation")
        every(per, name)
    known(s.eliminated, nations, "eliminated", "nation")
    for k, a in s.alliances.items():
        if a.id != k:
            fail(f"alliances.{k}.id", f"'{a.id}' is not the alliance's key")
        known(a.members, nations, f"alliances.{k}.members", "nation")
    for name, pairs in (("guarantees", s.guarantees), ("pacts", s.pacts)):
        for k, pair in pairs.items():
            known(pair, nations, f"{name}.{k}", "nation")
    for k, scope in s.scopes.items():
        known(scope.against, nations, f"scopes.{k}.against", "nation")
        known(scope.territories, territories, f"scopes.{k}.territories", "territory")
    for i, war in enumerate(s.wars):
        known(war, nations, f"wars[{i}]", "nation")
    for key in s.truces:
        known(_truce_pair(key), nations, f"truces.{key}", "nation")
    for i, d in enumerate(s.declarations):
        known((d.aggressor, d.target), nations, f"declarations[{i}]", "nation")
    highest = 0

    def numbered(name: str, items: Mapping[str, _Duty | _Offer | _Call]) -> None:
        nonlocal highest
        for k, item in items.items():
            if k != str(item.id):
                fail(f"{name}.{k}.id", f"{item.id} is not the key")
            highest = max(highest, item.id)

    numbered("duties", s.duties)
    numbered("offers", s.offers)
    numbered("calls", s.calls)
    for k, duty in s.duties.items():
        known((duty.nation, duty.aggressor, duty.target), nations, f"duties.{k}", "nation")
    for k, call in s.calls.items():
        known((call.caller, call.ally, call.enemy), nations, f"calls.{k}", "nation")
    for k, offer in s.offers.items():
        known((offer.sender, offer.recipient), nations, f"offers.{k}", "nation")
        if offer.scope is not None:
            known(offer.scope.against, nations, f"offers.{k}.scope.against", "nation")
            known(offer.scope.territories, territories, f"offers.{k}.scope.territories", "territory")
    if s.next_id <= highest:
        fail("next_id", f"{s.next_id} is not above the ids already given (up to {highest})")
    for name, counts in (("buck_passed", s.buck_passed), ("duties_honoured", s.duties_honoured)):
        known(counts, nations, name, "nation")
    for name, nested in (("aid_received", s.aid_received), ("aid_lots", s.aid_lots)):
        known(nested, nations, name, "nation")
        for k, donors in nested.items():
            known(donors, nations, f"{name}.{k}", "nation")
    known(s.exercised, nations, "exercised", "nation")
    for i, (sender, recipient, _) in enumerate(s.proposed):
        known((sender, recipient), nations, f"proposed[{i}]", "nation")
    _check_turn(m, s, fail)


def _check_turn(m: Match, s: _Snapshot, fail: Callable[[str, str], None]) -> None:
    """A seat's turn is the one the round's order gives that turn number; only a finished match has an outcome."""
    if (s.phase == "over") != (s.outcome is not None):
        fail("outcome", "a match has an outcome exactly when its phase is 'over'")
    if s.phase == "npc":
        fail("phase", "a match is saved between turns, never inside the NPC phase")
    if s.phase == "seat":
        if flow.round_of(s.turn) != s.round:
            fail("round", f"turn {s.turn} falls in round {flow.round_of(s.turn)}, not {s.round}")
        if flow.turn_holder(m, s.turn) != s.seat:
            fail("seat", f"turn {s.turn} is not seat {s.seat + 1}'s")
