"""Actions: what a seat may ask the rules to do. One pydantic model per kind.

Actions arrive from people, scripts and bots, so they are validated here, at the
boundary; the engine then trusts their shape and checks only the rules. They are strict,
as levels are: ``"amount": "3"``, ``"amount": true`` or ``"accept": "yes"`` is a mistake in
a script or a damaged save, not a number or a yes, so it is refused rather than guessed.
"""

from __future__ import annotations

import json
import types
from typing import Annotated, Any, Literal, TypeAlias, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Recruit(_Action):
    """Buy forces in a territory the nation owns."""

    kind: Literal["recruit"] = "recruit"
    nation: str
    territory: str
    amount: int = Field(ge=1)


class Move(_Action):
    """Move ready forces to an adjacent territory of the nation or of an ally (forward presence)."""

    kind: Literal["move"] = "move"
    nation: str
    source: str
    target: str
    amount: int = Field(ge=1)


class Attack(_Action):
    """Attack an adjacent territory; against a nation not yet at war it is a declaration of war."""

    kind: Literal["attack"] = "attack"
    nation: str
    source: str
    target: str
    amount: int = Field(ge=1)


def _unscoped(ids: tuple[str, ...]) -> bool:
    return not ids


# A treaty's scope, as in a level (``alliances schema``): left out of a log when empty, so an unscoped
# offer is written exactly as before scopes existed. A JSON array arrives as a list, which strict
# mode would refuse for a tuple: the container is taken as given, its items stay strict (text only).
Against: TypeAlias = Annotated[
    tuple[str, ...],
    Field(
        default=(), strict=False, exclude_if=_unscoped, description="binds only against these nations; empty: anyone"
    ),
]
Area: TypeAlias = Annotated[
    tuple[str, ...],
    Field(
        default=(),
        strict=False,
        exclude_if=_unscoped,
        description="binds only for an attack on these territories; empty: anywhere",
    ),
]


class ProposeAlliance(_Action):
    """Found a new two-member alliance with ``to``, limited by a scope if ``against`` or ``territories`` say so."""

    kind: Literal["propose_alliance"] = "propose_alliance"
    nation: str
    to: str
    name: str = Field(min_length=1, max_length=80)
    collective_defence: bool = True
    against: Against
    territories: Area


class InviteToAlliance(_Action):
    """Ask ``to`` to join an alliance the nation belongs to."""

    kind: Literal["invite"] = "invite"
    nation: str
    alliance: str
    to: str


class OfferGuarantee(_Action):
    """Offer ``to`` a one-way guarantee: the nation takes a duty to defend it (within a scope, if one is given)."""

    kind: Literal["offer_guarantee"] = "offer_guarantee"
    nation: str
    to: str
    against: Against
    territories: Area


class ProposePact(_Action):
    """Propose a non-aggression pact."""

    kind: Literal["propose_pact"] = "propose_pact"
    nation: str
    to: str


class ProposePeace(_Action):
    """Offer to end the war between the nation and ``to``."""

    kind: Literal["propose_peace"] = "propose_peace"
    nation: str
    to: str


class AnswerOffer(_Action):
    """Accept or reject an offer made to one of the seat's nations."""

    kind: Literal["answer_offer"] = "answer_offer"
    nation: str
    offer: int
    accept: bool


class LeaveTreaty(_Action):
    """Leave an alliance, revoke a guarantee the nation gave, or renounce a pact."""

    kind: Literal["leave_treaty"] = "leave_treaty"
    nation: str
    treaty: str


class HonourDuty(_Action):
    """Enter the war against the aggressor, as the treaty demands."""

    kind: Literal["honour_duty"] = "honour_duty"
    nation: str
    duty: int


class PassTheBuck(_Action):
    """Stay out of the war and let others carry the cost."""

    kind: Literal["pass_the_buck"] = "pass_the_buck"
    nation: str
    duty: int


class CallToArms(_Action):
    """As the aggressor of a war on ``enemy``, ask the ally ``to`` to join it: no treaty obliges it to."""

    kind: Literal["call_to_arms"] = "call_to_arms"
    nation: str
    to: str
    enemy: str


class AnswerCall(_Action):
    """Join an ally's war (a declaration of one's own) or refuse (the alliance's cohesion falls)."""

    kind: Literal["answer_call"] = "answer_call"
    nation: str
    call: int
    join: bool


class JointExercise(_Action):
    """Train with an ally: cohesion rises. Held on a border (``territory``) it gains more,
    and threat-balancers take note."""

    kind: Literal["joint_exercise"] = "joint_exercise"
    nation: str
    alliance: str
    partner: str
    territory: str | None = None


class RegimeAid(_Action):
    """Prop up another nation's regime: its stability rises, and it remembers the donor."""

    kind: Literal["regime_aid"] = "regime_aid"
    nation: str
    to: str


class EndTurn(_Action):
    kind: Literal["end_turn"] = "end_turn"


class Undo(_Action):
    """Take back the seat's last action of this turn, if nothing random or hidden followed it."""

    kind: Literal["undo"] = "undo"


Action: TypeAlias = Annotated[
    Recruit
    | Move
    | Attack
    | ProposeAlliance
    | InviteToAlliance
    | OfferGuarantee
    | ProposePact
    | ProposePeace
    | AnswerOffer
    | LeaveTreaty
    | HonourDuty
    | PassTheBuck
    | CallToArms
    | AnswerCall
    | JointExercise
    | RegimeAid
    | EndTurn
    | Undo,
    Field(discriminator="kind"),
]

ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action)


def parse_action(data: object) -> Action:
    """Validate a decoded JSON object into an action (pydantic.ValidationError if it is not one).

    Strict: a number is an integer (``3``, never ``"3"``, ``3.0`` or ``true``), a yes or no is
    ``true`` or ``false``, a name is text. :func:`action_problem` says what was wrong.
    """
    return ACTION_ADAPTER.validate_python(data)


def log_entry(action: Action) -> dict[str, Any]:
    """The action as a match's log keeps it: exactly ``action.model_dump(mode="json")``.

    For the kinds whose fields are all text, whole numbers and yes-or-no, that is a copy of the
    model's own fields, in their order, in a tenth of pydantic's time: the engine logs every
    action, 250 in a random match. The kinds with a scope (left out of the log when empty) go
    through pydantic.
    """
    plain = _PLAIN.get(type(action))
    if plain is None:
        plain = _PLAIN[type(action)] = _plain_fields(type(action))
    return dict(action.__dict__) if plain else action.model_dump(mode="json")


def _plain_fields(kind: type[BaseModel]) -> bool:
    """Whether each of the kind's fields is written to JSON as it stands (text, numbers, yes-or-no,
    nothing), and always written."""
    return all(
        not info.exclude and getattr(info, "exclude_if", None) is None and _plain(info.annotation)
        for info in kind.model_fields.values()
    )


def _plain(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Literal:
        return all(type(arg) in (str, int, bool) for arg in get_args(annotation))
    if origin in (Union, types.UnionType):
        return all(_plain(arg) for arg in get_args(annotation))
    return annotation in (str, int, bool, type(None))


_PLAIN: dict[type[BaseModel], bool] = {}


_EXPECTED = {
    "int_type": "a whole number",
    "bool_type": "true or false",
    "string_type": "text",
    "tuple_type": "a list",
    "model_type": "an object",
    "model_attributes_type": "an object",
}


def action_problem(error: ValidationError) -> str:
    """What is wrong with a would-be action, for the person who wrote it: the field, by the action's
    kind, and why (``recruit.amount: must be a whole number, not "3"``); the first problem, and how
    many more there are.

    >>> try:
    ...     parse_action({"kind": "answer_offer", "nation": "france", "offer": 1, "accept": "yes"})
    ... except ValidationError as err:
    ...     print(action_problem(err))
    answer_offer.accept: must be true or false, not "yes"
    """
    problems = error.errors(include_url=False)
    first = problems[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]).lstrip(".")
    kind = first["type"]
    if kind == "union_tag_invalid":
        where, reason = (
            "kind",
            f"{_shown(first['input'].get('kind'))} is not an action ({first['ctx']['expected_tags']})",
        )
    elif kind == "union_tag_not_found":
        where, reason = "kind", "is missing"
    elif kind in _EXPECTED:
        reason = f"must be {_EXPECTED[kind]}, not {_shown(first['input'])}"
    elif kind == "missing":
        reason = "is missing"
    elif kind == "extra_forbidden":
        reason = "is not a field of this action"
    else:
        reason = first["msg"][:1].lower() + first["msg"][1:]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return (f"{where}: {reason}" if where else reason) + more


def _shown(value: object, limit: int = 40) -> str:
    """A value as it was written in the JSON, cut short: a hostile file may hold a megabyte of it."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        return json.dumps(value[:limit], ensure_ascii=False)[:-1] + ('..."' if len(value) > limit else '"')
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):  # not JSON at all, or an integer too long to print
        return type(value).__name__
    return text if len(text) <= limit else text[:limit] + "..."
