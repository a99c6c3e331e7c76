"""Events: what happened, as data and as a sentence for the chronicle.

The engine builds events with ``model_construct`` (no validation: it made the
values itself, and the inner loop must stay fast); replays and tests parse them
back through :data:`EVENT_ADAPTER`, which does validate.

An event carries the numbers it changed (a cost in gold, a change in credibility or
stability, a cohesion gain), so a reader never works them out from the rules' table.
Fields added after the first release default to 0: a file written before them still reads.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from game.core.unchecked import built


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str = Field(description="a plain English sentence for the chronicle")


class TurnStarted(_Event):
    kind: Literal["turn_started"] = "turn_started"
    round: int
    seat: int


class NpcPhaseStarted(_Event):
    kind: Literal["npc_phase_started"] = "npc_phase_started"
    round: int


class Income(_Event):
    kind: Literal["income"] = "income"
    nation: str
    amount: int
    treasury: int


class Recruited(_Event):
    kind: Literal["recruited"] = "recruited"
    nation: str
    territory: str
    amount: int
    cost: int


class Moved(_Event):
    kind: Literal["moved"] = "moved"
    nation: str
    source: str
    target: str
    amount: int


class WarDeclared(_Event):
    kind: Literal["war_declared"] = "war_declared"
    aggressor: str
    target: str
    broke_pact: bool
    credibility_delta: int = Field(0, description="the aggressor's change in credibility (a broken pact costs it)")


class EnteredWar(_Event):
    """A nation joins a war without declaring it: honouring a duty or a tripwire garrison."""

    kind: Literal["entered_war"] = "entered_war"
    nation: str
    enemy: str
    cause: Literal["duty", "tripwire"]


class Battle(_Event):
    kind: Literal["battle"] = "battle"
    attacker: str
    defender: str
    source: str
    target: str
    attack_strength: int
    defence_strength: int
    defence_factor: float
    attacker_losses: int
    defender_losses: int
    attacker_won: bool


class TerritoryCaptured(_Event):
    kind: Literal["territory_captured"] = "territory_captured"
    nation: str
    territory: str
    previous_owner: str
    capital: bool
    stability_delta: int = Field(0, description="the previous owner's change in regime stability")


class NationEliminated(_Event):
    kind: Literal["nation_eliminated"] = "nation_eliminated"
    nation: str


class GuestsWithdrawn(_Event):
    kind: Literal["guests_withdrawn"] = "guests_withdrawn"
    nation: str
    territory: str
    amount: int


class DutyRaised(_Event):
    kind: Literal["duty_raised"] = "duty_raised"
    duty: int
    nation: str
    aggressor: str
    target: str
    treaty: str
    deadline_round: int


class DutyHonoured(_Event):
    kind: Literal["duty_honoured"] = "duty_honoured"
    duty: int
    nation: str
    aggressor: str
    reason: str = ""
    credibility_delta: int = Field(0, description="the nation's change in credibility for honouring")


class BuckPassed(_Event):
    kind: Literal["buck_passed"] = "buck_passed"
    duty: int
    nation: str
    aggressor: str
    expired: bool
    reason: str = ""
    credibility_delta: int = Field(0, description="the nation's change in credibility for passing")


# Why a duty ended without an answer (DutyEnded.cause).
DutyEndCause = Literal["peace", "unbound", "at_war", "holder_fell", "aggressor_fell"]


class DutyEnded(_Event):
    """A duty that ended without being honoured or passed, and why: nothing lapses silently."""

    kind: Literal["duty_ended"] = "duty_ended"
    duty: int
    nation: str
    aggressor: str
    target: str
    cause: DutyEndCause


class DutyVoid(_Event):
    """A treaty that would have called a nation to war against its own ally: a prior alliance wins."""

    kind: Literal["duty_void"] = "duty_void"
    nation: str
    aggressor: str
    target: str
    treaty: str


class CallMade(_Event):
    """An aggressor calls an ally into its war (a call to arms): no treaty obliges the ally."""

    kind: Literal["call_made"] = "call_made"
    call: int
    caller: str
    ally: str
    enemy: str
    treaty: str
    deadline_round: int
    reason: str = ""


class CallAnswered(_Event):
    """An ally joins the caller's war (entrapment) or refuses (abandonment), or lets the call lapse."""

    kind: Literal["call_answered"] = "call_answered"
    call: int
    nation: str
    caller: str
    enemy: str
    joined: bool
    expired: bool = False
    ended: bool = False  # the call no longer stood (peace, a fallen nation, a treaty left)
    reason: str = ""


# Which clause of a treaty's scope left an attack out (DutySpared.clause).
ScopeClause = Literal["against", "territories"]


class DutySpared(_Event):
    """A treaty whose scope leaves the attack out (casus foederis): ``nations`` owe ``target`` no war.

    ``clause`` says which limit did it: ``against`` (the attacker is not one the treaty names) or
    ``territories`` (``territory``, the one attacked, lies outside the treaty's area).
    """

    kind: Literal["duty_spared"] = "duty_spared"
    treaty: str
    nations: list[str]
    aggressor: str
    target: str
    territory: str | None = None
    clause: ScopeClause


class OfferMade(_Event):
    kind: Literal["offer_made"] = "offer_made"
    offer: int
    offer_kind: str
    sender: str
    recipient: str
    reason: str = ""  # a nation of the rules says why its doctrine made the offer


class OfferAnswered(_Event):
    kind: Literal["offer_answered"] = "offer_answered"
    offer: int
    recipient: str
    accepted: bool
    expired: bool = False
    reason: str = ""


class TreatySigned(_Event):
    kind: Literal["treaty_signed"] = "treaty_signed"
    treaty: str
    treaty_kind: Literal["alliance", "guarantee", "pact"]
    nations: list[str]


class TreatyLeft(_Event):
    kind: Literal["treaty_left"] = "treaty_left"
    treaty: str
    nation: str
    reason: str = ""
    credibility_delta: int = Field(0, description="the nation's change in credibility for walking away (0 when forced)")


class TreatyDissolved(_Event):
    kind: Literal["treaty_dissolved"] = "treaty_dissolved"
    treaty: str


class PeaceMade(_Event):
    kind: Literal["peace_made"] = "peace_made"
    nations: list[str]


class JointExerciseHeld(_Event):
    kind: Literal["joint_exercise_held"] = "joint_exercise_held"
    alliance: str
    nations: list[str]
    territory: str | None
    cohesion: int
    gain: int
    cost: int = Field(0, description="the gold the nation that held it paid")


class RegimeAidGiven(_Event):
    kind: Literal["regime_aid_given"] = "regime_aid_given"
    donor: str
    recipient: str
    stability: int
    stability_delta: int = Field(0, description="how far the recipient's stability rose")
    cost: int = Field(0, description="the gold the donor paid")


# The causes of the slow drift every alliance's cohesion suffers at a round's end (the chronicle
# sums these up in one line; changes with any other cause were someone's doing).
DRIFT_NO_EXERCISES = "no recent exercises"
DRIFT_IDEOLOGY = "ideological distance"
DRIFT_CAUSES = frozenset({DRIFT_NO_EXERCISES, DRIFT_IDEOLOGY})


class CohesionChanged(_Event):
    kind: Literal["cohesion_changed"] = "cohesion_changed"
    alliance: str
    cohesion: int
    delta: int
    cause: str


class Undone(_Event):
    kind: Literal["undone"] = "undone"
    action_kind: str


class MatchOver(_Event):
    kind: Literal["match_over"] = "match_over"
    winner: int | None
    reason: Literal["capitals", "hegemony", "round_limit"]


Event: TypeAlias = Annotated[
    TurnStarted
    | NpcPhaseStarted
    | Income
    | Recruited
    | Moved
    | WarDeclared
    | EnteredWar
    | Battle
    | TerritoryCaptured
    | NationEliminated
    | GuestsWithdrawn
    | DutyRaised
    | DutyHonoured
    | BuckPassed
    | DutyEnded
    | DutyVoid
    | CallMade
    | CallAnswered
    | DutySpared
    | OfferMade
    | OfferAnswered
    | TreatySigned
    | TreatyLeft
    | TreatyDissolved
    | PeaceMade
    | JointExerciseHeld
    | RegimeAidGiven
    | CohesionChanged
    | Undone
    | MatchOver,
    Field(discriminator="kind"),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


#: An event the rules made themselves, built without validation: ``new_event(Income, nation=..., ...)``.
#: Every value comes from the engine's own state, so checking it again would only cost time; events
#: read back from a file go through :data:`EVENT_ADAPTER`, which does check. The same function as
#: ``unchecked.built``, not a wrapper of it: a match of the random bots makes 700 events.
new_event = built
