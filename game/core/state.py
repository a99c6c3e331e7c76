"""The mutable state of a match, kept in plain dataclasses and dicts.

Pydantic guards the files and the actions; inside the engine's loop a territory's
owner is a dict lookup and a clone is a handful of dict copies. Everything here is
JSON-serialisable through :func:`snapshot`, which saves and the state hash use.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Literal

from game.core.ids import DutyId, NationId, OfferId, TerritoryId, TreatyId
from game.core.ledger import Army, Holdings
from game.core.level import Level, geography_of, per_level
from game.core.memo import Memo
from game.core.treaty_ledger import Alliances, Members, Wars

TreatyKind = Literal["alliance", "guarantee", "pact"]
OfferKind = Literal["alliance", "invite", "guarantee", "pact", "peace"]
Phase = Literal["seat", "npc", "over"]
OutcomeReason = Literal["capitals", "hegemony", "round_limit"]


@dataclass(frozen=True)
class Scope:
    """When a treaty binds (casus foederis): only against ``against``, only for an attack on ``territories``.

    An empty tuple sets no limit: ``Scope()`` binds against any attacker, anywhere on the protected
    land. Kept in level order, so that sentences name them as the level does.
    """

    against: tuple[NationId, ...] = ()
    territories: tuple[TerritoryId, ...] = ()

    @property
    def limited(self) -> bool:
        """Whether the scope limits the treaty at all."""
        return bool(self.against or self.territories)

    def as_json(self) -> dict[str, list[str]]:
        return {"against": list(self.against), "territories": list(self.territories)}


NO_SCOPE = Scope()


@dataclass
class AllianceState:
    id: TreatyId
    name: str
    members: list[NationId]
    collective_defence: bool
    cohesion: int
    last_exercise_round: int = 0

    def copy(self) -> AllianceState:
        """A copy with its own members list (not yet in any alliance book), without __init__'s per-field hooks."""
        other = AllianceState.__new__(AllianceState)
        fields = dict(self.__dict__)
        fields["members"] = Members(self.members)
        object.__setattr__(other, "__dict__", fields)
        return other

    def __setattr__(self, name: str, value: Any) -> None:
        # Members always tell their alliance book of a change, however the list was handed in.
        if name == "members":
            old = self.__dict__.get("members")
            changed = old.changed if isinstance(old, Members) else None
            object.__setattr__(self, name, Members(value, changed))
            if changed is not None:
                changed()
            return
        object.__setattr__(self, name, value)


@dataclass
class Duty:
    """An obligation to join a war against ``aggressor`` because ``target`` was attacked.

    ``treaty`` is the alliance id or guarantee id that created it; ``deadline`` is the
    turn number at whose end an unanswered duty counts as passed.
    """

    id: DutyId
    nation: NationId
    aggressor: NationId
    target: NationId
    treaty: TreatyId
    raised_turn: int
    deadline: int


@dataclass
class Call:
    """A call to arms: ``caller``, the aggressor of a war on ``enemy``, asks its ally ``ally`` to join.

    ``treaty`` is the alliance that binds the two; ``deadline`` the turn at whose end an
    unanswered call counts as refused.
    """

    id: int
    caller: NationId
    ally: NationId
    enemy: NationId
    treaty: TreatyId
    raised_turn: int
    deadline: int


@dataclass
class Offer:
    id: OfferId
    kind: OfferKind
    sender: NationId
    recipient: NationId
    deadline: int
    alliance: TreatyId | None = None  # invite: the alliance to join
    name: str | None = None  # new alliance: its name
    collective_defence: bool = True
    scope: Scope = NO_SCOPE  # alliance or guarantee: the scope the signed treaty will have


@dataclass
class Declaration:
    aggressor: NationId
    target: NationId
    round: int
    broke_pact: bool


@dataclass
class Outcome:
    """How the match ended. ``winner`` is a seat index (0 or 1), or None for a draw."""

    winner: int | None
    reason: OutcomeReason
    text: str


_INDEXES: OrderedDict[str, LevelIndex] = OrderedDict()


def index_of(level: Level) -> LevelIndex:
    """The level's lookups, made once per level and shared by every match and every load of it."""
    return per_level(_INDEXES, level, LevelIndex)


class LevelIndex:
    """Lookups derived from the level once and shared by every clone of a match (see :func:`index_of`)."""

    def __init__(self, level: Level) -> None:
        self.geography = geography_of(level)
        self.nation_name = {n.id: n.name for n in level.nations}
        self.territory_name = {t.id: t.name for t in level.territories}
        self.value = {t.id: t.value for t in level.territories}
        self.degree = {t: len(ns) for t, ns in self.geography.neighbours.items()}  # how many borders each has
        self.total_value = sum(self.value.values())
        self.first_owner = {t.id: t.owner for t in level.territories}
        self.terrain = {t.id: t.terrain for t in level.territories}
        self.capital_of = {n.id: n.capital for n in level.nations if n.capital is not None}
        self.capital_owner = {c: n for n, c in self.capital_of.items()}
        self.ideology = {n.id: n.ideology for n in level.nations}
        self.doctrine = {n.id: n.doctrine for n in level.nations}
        self.claims = {n.id: tuple(n.claims) for n in level.nations if n.claims}
        self.nations = tuple(n.id for n in level.nations)  # in level order
        self.position = {n: i for i, n in enumerate(self.nations)}


@dataclass
class Match:
    level: Level
    index: LevelIndex
    seed: int
    controllers: tuple[str, str]
    rng: random.Random
    seat_of: dict[NationId, int]  # nation -> seat index; NPCs absent
    # Turn flow: turn counts seat turns and NPC phases (3 per round), from 1.
    round: int = 1
    turn: int = 1
    phase: Phase = "seat"
    seat: int = 0
    # The world.
    owner: Holdings = field(default_factory=Holdings)  # a dict, with each nation's land kept beside it
    forces: Army = field(default_factory=Army)  # territory -> nation -> strength, with each nation's totals
    spent: dict[TerritoryId, dict[NationId, int]] = field(default_factory=dict)  # forces that moved/fought this turn
    treasury: dict[NationId, int] = field(default_factory=dict)
    stability: dict[NationId, int] = field(default_factory=dict)
    credibility: dict[NationId, int] = field(default_factory=dict)
    eliminated: set[NationId] = field(default_factory=set)
    # Treaties and war.
    alliances: Alliances[AllianceState] = field(default_factory=Alliances)  # a dict; each nation's allies kept
    guarantees: dict[TreatyId, tuple[NationId, NationId]] = field(default_factory=dict)  # id -> (guarantor, guaranteed)
    pacts: dict[TreatyId, tuple[NationId, NationId]] = field(default_factory=dict)
    # The scope of each alliance or guarantee that has one (a treaty absent here binds against anyone, anywhere).
    scopes: dict[TreatyId, Scope] = field(default_factory=dict)
    wars: Wars = field(default_factory=Wars)  # a set of pairs, with each nation's enemies kept beside it
    # Ids of dissolved alliances, never given again: charts, the chronicle and border-exercise
    # memory follow an alliance by its id, so a new one must not inherit an old one's.
    retired_alliances: set[TreatyId] = field(default_factory=set)
    # Truces after peace: the sorted pair of nations -> the first round either may attack the other.
    truces: dict[tuple[NationId, NationId], int] = field(default_factory=dict)
    declarations: list[Declaration] = field(default_factory=list)
    duties: dict[DutyId, Duty] = field(default_factory=dict)
    offers: dict[OfferId, Offer] = field(default_factory=dict)
    calls: dict[int, Call] = field(default_factory=dict)  # calls to arms awaiting an answer
    next_id: int = 1
    # Memory the NPCs consult.
    buck_passed: dict[str, int] = field(default_factory=dict)
    duties_honoured: dict[str, int] = field(default_factory=dict)
    aid_received: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # recipient -> donor -> rounds
    # Where two donors' regime support tied, the lot the match's dice gave each (the higher comes
    # first): recipient -> donor -> lot. See standing.give_regime_aid.
    aid_lots: dict[str, dict[str, float]] = field(default_factory=dict)
    border_exercises: dict[str, int] = field(default_factory=dict)  # alliance -> round of last one
    # Per-turn bookkeeping.
    exercised: set[str] = field(default_factory=set)  # nations that held an exercise this turn
    proposed: set[tuple[str, str, str]] = field(default_factory=set)  # (sender, recipient, kind)
    # History for charts: per round, victory points per seat and cohesion per alliance.
    history: list[dict[str, Any]] = field(default_factory=list)
    outcome: Outcome | None = None
    # The log: every applied action since the start, as JSON-ready dicts.
    log: list[dict[str, Any]] = field(default_factory=list)
    # Every event so far, oldest first: the chronicle.
    events: list[Any] = field(default_factory=list)
    # Undo support: a clone taken before the first undoable action since the last barrier.
    checkpoint: Match | None = None
    undoable: int = 0  # how many of the last log entries may be taken back
    checkpoint_events: int = 0  # how many events were recorded when the checkpoint was taken
    # Which match this is, for its own autosave (game.io.saves): given by the shell when the match
    # starts, kept by every clone and by undo. Not part of the rules: no snapshot or hash holds it.
    match_id: str | None = None
    # The doctrines' measures kept while the map and treaties stand as they are (game.core.memo):
    # never saved, never cloned, worked out afresh when asked.
    measures: Memo | None = field(default=None, compare=False, repr=False)

    def __setattr__(self, name: str, value: Any) -> None:
        # Whoever sets the map wholesale (a load, a test) hands plain dicts; the ledger keeps the totals.
        # One lookup for the other names: the rules set the phase, seat and turn a thousand times a match.
        ledger = _LEDGERS.get(name)
        if ledger is not None and not isinstance(value, ledger):
            value = ledger(value)
        object.__setattr__(self, name, value)

    def forget_undo(self) -> None:
        """Nothing before now can be taken back (a barrier, a new turn). A bot's seat keeps no
        history, so there is usually nothing to drop, and the match is not written."""
        if self.undoable or self.checkpoint is not None:
            self.checkpoint, self.undoable = None, 0

    def clone(self, record: bool = True, *, same_dice: bool = False) -> Match:
        """A deep copy sharing only the immutable level and geography.

        ``record=False`` leaves out what only looks back (the log before the actions undo may
        still take back, and the events): the copy plays on exactly as the original, and costs
        nothing per action already played. The undo checkpoint and the rules' dry runs use it.

        ``same_dice``: the copy shares this match's generator instead of its own copy of it, which
        is half the cost of a clone on a small map. Only for the undo checkpoint: the actions it
        can take back draw nothing (attacks and turn ends are barriers), and the one that may
        (a tied regime aid) gives the checkpoint its own dice first (:meth:`own_dice`).
        """
        if same_dice:
            rng = self.rng
        else:
            rng = random.Random.__new__(random.Random)  # not Random(): seeding from the OS costs 15 µs
            rng.setstate(self.rng.getstate())
        if record:
            log, events = list(self.log), list(self.events)
        else:
            log, events = (self.log[len(self.log) - self.undoable :] if self.undoable else []), []
        other = Match.__new__(Match)
        # Filled in one go rather than through __init__: its default factories would build every
        # container only for this copy to replace it, and a clone is taken once per undoable turn.
        object.__setattr__(
            other,
            "__dict__",
            {
                "level": self.level,
                "index": self.index,
                "seed": self.seed,
                "controllers": self.controllers,
                "rng": rng,
                "seat_of": self.seat_of,
                "round": self.round,
                "turn": self.turn,
                "phase": self.phase,
                "seat": self.seat,
                "owner": self.owner.copy(),
                "forces": self.forces.copy(),
                "spent": {t: dict(f) if f else {} for t, f in self.spent.items()},
                "treasury": dict(self.treasury),
                "stability": dict(self.stability),
                "credibility": dict(self.credibility),
                "eliminated": set(self.eliminated),
                "alliances": Alliances((a.id, a.copy()) for a in self.alliances.values()),
                "guarantees": dict(self.guarantees),
                "pacts": dict(self.pacts),
                "scopes": dict(self.scopes),  # scopes are immutable
                "wars": Wars(self.wars),
                "retired_alliances": set(self.retired_alliances),
                "truces": dict(self.truces),
                "declarations": list(self.declarations),  # entries are never mutated
                "duties": {k: Duty(**vars(d)) for k, d in self.duties.items()},
                "offers": {k: Offer(**vars(o)) for k, o in self.offers.items()},
                "calls": {k: Call(**vars(c)) for k, c in self.calls.items()},
                "next_id": self.next_id,
                "buck_passed": dict(self.buck_passed),
                "duties_honoured": dict(self.duties_honoured),
                "aid_received": {k: {d: list(r) for d, r in v.items()} for k, v in self.aid_received.items()},
                "aid_lots": {k: dict(v) for k, v in self.aid_lots.items()},
                "border_exercises": dict(self.border_exercises),
                "exercised": set(self.exercised),
                "proposed": set(self.proposed),
                "history": list(self.history),
                "outcome": self.outcome,
                "log": log,
                "events": events,
                "checkpoint": self.checkpoint,
                "undoable": self.undoable,
                "checkpoint_events": self.checkpoint_events,
                "match_id": self.match_id,
                "measures": None,
            },
        )
        return other

    def own_dice(self) -> None:
        """Before a draw the undo checkpoint could still take back: the checkpoint keeps the dice as they were."""
        checkpoint = self.checkpoint
        if checkpoint is not None and checkpoint.rng is self.rng:
            rng = random.Random.__new__(random.Random)
            rng.setstate(self.rng.getstate())
            checkpoint.rng = rng

    def new_id(self) -> int:
        value = self.next_id
        self.next_id += 1
        return value


def snapshot(match: Match) -> dict[str, Any]:
    """Everything that decides the future of the match, as JSON-ready data.

    The log, the history, the chronicle, the undo checkpoint and the match's id are left out:
    two matches with equal snapshots play on identically, whatever path led to them.
    :func:`game.core.restore.restore` is its inverse, which is why every dict keeps the match's
    own order (the rules walk some of them in that order, e.g. the nations in a territory) while
    sets, which have no order of their own, are sorted. :func:`state_hash` sorts the keys itself.
    """
    return {
        "round": match.round,
        "turn": match.turn,
        "phase": match.phase,
        "seat": match.seat,
        "rng": _rng_state(match.rng),
        "owner": dict(match.owner),
        "forces": {t: dict(f) for t, f in match.forces.items() if f},
        "spent": {t: dict(f) for t, f in match.spent.items() if f},
        "treasury": dict(match.treasury),
        "stability": dict(match.stability),
        "credibility": dict(match.credibility),
        "eliminated": sorted(match.eliminated),
        "alliances": {k: vars(a) | {"members": list(a.members)} for k, a in match.alliances.items()},
        "guarantees": {k: list(v) for k, v in match.guarantees.items()},
        "pacts": {k: list(v) for k, v in match.pacts.items()},
        # Only when some treaty has one: a match without scopes hashes as it did before scopes existed.
        **({"scopes": {k: v.as_json() for k, v in match.scopes.items()}} if match.scopes else {}),
        "wars": sorted(sorted(w) for w in match.wars),
        "retired_alliances": sorted(match.retired_alliances),
        "truces": {f"{a}|{b}": r for (a, b), r in match.truces.items()},
        "declarations": [dict(vars(d)) for d in match.declarations],
        "duties": {str(k): dict(vars(d)) for k, d in match.duties.items()},
        "offers": {str(k): _offer_json(o) for k, o in match.offers.items()},
        **({"calls": {str(k): dict(vars(c)) for k, c in match.calls.items()}} if match.calls else {}),
        "next_id": match.next_id,
        "buck_passed": dict(match.buck_passed),
        "duties_honoured": dict(match.duties_honoured),
        "aid_received": {k: {d: list(r) for d, r in v.items()} for k, v in match.aid_received.items()},
        "aid_lots": {k: dict(v) for k, v in match.aid_lots.items()},
        "border_exercises": dict(match.border_exercises),
        "exercised": sorted(match.exercised),
        "proposed": sorted(list(p) for p in match.proposed),
        "outcome": dict(vars(match.outcome)) if match.outcome else None,
    }


def state_hash(match: Match) -> str:
    """A stable fingerprint of the match state: equal hashes, equal futures."""
    text = json.dumps(snapshot(match), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _offer_json(offer: Offer) -> dict[str, Any]:
    """An offer as data; its scope only when it has one (an unscoped offer reads as before scopes)."""
    data = {k: v for k, v in vars(offer).items() if k != "scope"}
    if offer.scope.limited:
        data["scope"] = offer.scope.as_json()
    return data


def _rng_state(rng: random.Random) -> list[Any]:
    version, internal, gauss = rng.getstate()
    return [version, list(internal), gauss]


#: The match's attributes kept by a ledger, and the ledger a plain value is wrapped in (Match.__setattr__).
_LEDGERS: dict[str, type[Any]] = {"owner": Holdings, "forces": Army, "alliances": Alliances, "wars": Wars}
