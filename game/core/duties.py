"""The Article 5 duty, and guarantees: who is called to a war, and what answering costs.

When a nation is attacked (the target of a declaration), every fellow member of a
collective-defence alliance and every guarantor gets a duty: join the war against the
aggressor by the end of its holder's next turn. Honouring it means entering the war (the
war rule, :func:`game.core.war.honour_duty`, since it may set off everything a war entry
does). Passing the buck keeps the holder out at a price: its credibility and its alliance's
cohesion fall, and every NPC remembers. A duty left unanswered at its deadline counts as
passed; one with nothing left to answer lapses (:func:`lapse`).
"""

from __future__ import annotations

from collections.abc import Callable

from game.core import flow, rules
from game.core import world as w
from game.core.actions import PassTheBuck
from game.core.cohesion import shift as shift_cohesion
from game.core.errors import IllegalAction, UnknownId
from game.core.events import (
    BuckPassed,
    DutyEndCause,
    DutyEnded,
    DutyRaised,
    DutySpared,
    DutyVoid,
    Event,
    ScopeClause,
    new_event,
)
from game.core.ids import DutyId, NationId, TerritoryId, TreatyId
from game.core.standing import shift_credibility
from game.core.state import Duty, Match, Scope


def _treaty_calls(
    m: Match, aggressor: NationId, target: NationId, territory: TerritoryId | None
) -> tuple[dict[NationId, TreatyId], dict[TreatyId, list[NationId]]]:
    """Whom the treaties of ``target`` call against ``aggressor`` (first treaty by id), and whom a scope spares."""
    side = w.side_of(m, aggressor)
    called: dict[NationId, TreatyId] = {}
    spared: dict[TreatyId, list[NationId]] = {}
    for alliance in sorted(m.alliances.values(), key=lambda al: al.id):
        if alliance.collective_defence and target in alliance.members:
            holders = [member for member in alliance.members if member != target and member not in side]
            if outside_scope(m, alliance.id, aggressor, territory) is not None:
                spared[alliance.id] = holders
                continue
            for member in holders:
                called.setdefault(member, alliance.id)
    for gid, (guarantor, guaranteed) in sorted(m.guarantees.items()):
        if guaranteed == target and guarantor not in side:
            if outside_scope(m, gid, aggressor, territory) is not None:
                spared[gid] = [guarantor]
                continue
            called.setdefault(guarantor, gid)
    return called, spared


def already_fighting(
    m: Match, aggressor: NationId, target: NationId, territory: TerritoryId | None = None
) -> list[NationId]:
    """The treaty partners of ``target`` that an attack would call, were they not at war with ``aggressor`` already.

    They get no duty (there is nothing left to ask of them); a preview names them, so that a
    player never reads "no treaty obliges anyone" about a victim whose ally is already fighting.
    """
    called, _ = _treaty_calls(m, aggressor, target, territory)
    return [n for n in sorted(called) if n not in m.eliminated and w.at_war(m, n, aggressor)]


def raise_duties(
    m: Match, aggressor: NationId, target: NationId, events: list[Event], territory: TerritoryId | None = None
) -> None:
    """Article 5 and guarantees: the attacked nation's defenders are called, its attacker's are not.

    Every fellow member of a collective-defence alliance of ``target`` and every
    guarantor of ``target`` gets a duty, unless it is on the aggressor's side (the
    aggressor or a nation of its seat: a seat never fights itself) or already at
    war with it. The aggressor's own allies get nothing: nobody is bound to help
    the side that started it. A treaty whose scope leaves the attack out (see
    :func:`outside_scope`; ``territory`` is the one attacked) calls nobody, and an
    event says whom it spared.
    """
    called, spared = _treaty_calls(m, aggressor, target, territory)
    for nation, treaty in sorted(called.items()):
        if nation in m.eliminated or w.at_war(m, nation, aggressor):
            continue
        if w.allied(m, nation, aggressor):
            void_against_ally(m, nation, aggressor, target, treaty, events)
            continue
        duty = Duty(
            id=m.new_id(),
            nation=nation,
            aggressor=aggressor,
            target=target,
            treaty=treaty,
            raised_turn=m.turn,
            deadline=flow.next_turn_of(m, nation),
        )
        m.duties[duty.id] = duty
        events.append(
            new_event(
                DutyRaised,
                duty=duty.id,
                nation=nation,
                aggressor=aggressor,
                target=target,
                treaty=treaty,
                deadline_round=deadline_round(duty),
                text=f"{w.nation_name(m, target)} is attacked: {w.the_treaty(m, treaty)} calls on "
                f"{w.nation_name(m, nation)} to join the war against {w.nation_name(m, aggressor)}.",
            )
        )
    for treaty, holders in spared.items():
        left_out = [n for n in holders if n not in called and n not in m.eliminated and not w.at_war(m, n, aggressor)]
        if left_out:
            spare(m, treaty, left_out, aggressor, target, territory, events)


# ---------------------------------------------------------------------------
# Scope (casus foederis): when a treaty binds


def set_scope(m: Match, treaty: TreatyId, scope: Scope) -> None:
    """Give a treaty its scope (the match keeps only scopes that limit something)."""
    if scope.limited:
        m.scopes[treaty] = scope
    else:
        m.scopes.pop(treaty, None)


def outside_scope(m: Match, treaty: TreatyId, aggressor: NationId, territory: TerritoryId | None) -> ScopeClause | None:
    """Which clause of the treaty's scope leaves this attack out, or None when the treaty binds.

    ``against``: the attacker is none of the nations the treaty names (the Anglo-Polish protocol of
    1939 named Germany only). ``territories``: the attacked territory is not in the treaty's area
    (NATO's Article 6: the Falklands lay outside it in 1982). A declaration of war that attacks no
    territory (``territory`` None) is judged by ``against`` alone: it is an attack on the nation itself.
    """
    scope = w.scope_of(m, treaty)
    if scope.against and aggressor not in scope.against:
        return "against"
    if scope.territories and territory is not None and territory not in scope.territories:
        return "territories"
    return None


def spare(
    m: Match,
    treaty: TreatyId,
    nations: list[NationId],
    aggressor: NationId,
    target: NationId,
    territory: TerritoryId | None,
    events: list[Event],
) -> None:
    """Say that the treaty's scope leaves this attack out, so ``nations`` owe ``target`` nothing."""
    clause = outside_scope(m, treaty, aggressor, territory)
    assert clause is not None, "only an attack outside the treaty's scope spares anyone"
    scope = w.scope_of(m, treaty)
    guarantee = m.guarantees.get(treaty)
    if guarantee is not None:
        subject, whom, pronoun = (
            f"{w.nation_name(m, guarantee[0])}'s guarantee of {w.nation_name(m, target)}",
            "it",
            "it owes",
        )
    else:
        whom = w.listed([w.nation_name(m, n) for n in nations], "and")
        subject, pronoun = _first_upper(w.the_treaty(m, treaty)), "it owes" if len(nations) == 1 else "they owe"
    if clause == "against":
        limit = w.scope_phrase(m, Scope(against=scope.against))
        why = f"{pronoun} {w.nation_name(m, target)} no war against {w.nation_name(m, aggressor)}"
    else:
        limit = w.scope_phrase(m, Scope(territories=scope.territories))
        place = w.territory_name(m, territory or "")
        why = f"the attack on {place} is outside its scope, so {pronoun} {w.nation_name(m, target)} no war"
    events.append(
        new_event(
            DutySpared,
            treaty=treaty,
            nations=list(nations),
            aggressor=aggressor,
            target=target,
            territory=territory,
            clause=clause,
            text=f"{subject} binds {whom} {limit}: {why}.",
        )
    )


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def same_declaration(a: Duty, b: Duty) -> bool:
    """Whether two duties were raised by one declaration of war (one aggressor, one victim, one turn)."""
    return (a.aggressor, a.target, a.raised_turn) == (b.aggressor, b.target, b.raised_turn)


def void_against_ally(
    m: Match, nation: NationId, aggressor: NationId, target: NationId, treaty: TreatyId, events: list[Event]
) -> None:
    """A prior alliance wins: no treaty calls a nation to war against its own ally.

    The 1839 guarantor Austria owed Belgium nothing against its ally Germany in 1914.
    """
    ally = w.nation_name(m, aggressor)
    events.append(
        new_event(
            DutyVoid,
            nation=nation,
            aggressor=aggressor,
            target=target,
            treaty=treaty,
            text=f"{w.nation_name(m, target)} is attacked by {ally}, but {w.the_treaty(m, treaty)} is void "
            f"against {w.nation_name(m, nation)}'s own ally: it owes {w.nation_name(m, target)} no war.",
        )
    )


def deadline_round(duty: Duty) -> int:
    """The round by whose holder's turn the duty must be answered."""
    return flow.round_of(duty.deadline)


def duty_of(m: Match, nation: NationId, duty_id: DutyId) -> Duty:
    """The open duty a nation answers, or a refusal saying why it cannot."""
    duty = m.duties.get(duty_id)
    if duty is None:
        raise UnknownId(f"there is no open duty #{duty_id}")
    if duty.nation != nation:
        raise IllegalAction(f"duty #{duty_id} belongs to {w.nation_name(m, duty.nation)}")
    return duty


def pass_(m: Match, a: PassTheBuck, events: list[Event]) -> None:
    """The action: a seat's nation passes the buck on one of its duties."""
    pass_the_buck(m, duty_of(m, a.nation, a.duty), "", False, events)


def pass_the_buck(m: Match, duty: Duty, reason: str, expired: bool, events: list[Event]) -> None:
    """Stay out: cohesion and credibility fall, and every NPC remembers."""
    del m.duties[duty.id]
    m.buck_passed[duty.nation] = m.buck_passed.get(duty.nation, 0) + 1
    credibility = shift_credibility(m, duty.nation, rules.PASS_CREDIBILITY)
    how = "lets the deadline pass" if expired else "passes the buck"
    events.append(
        new_event(
            BuckPassed,
            duty=duty.id,
            nation=duty.nation,
            aggressor=duty.aggressor,
            expired=expired,
            reason=reason,
            credibility_delta=credibility,
            text=f"{w.nation_name(m, duty.nation)} {how} and stays out of the war on "
            f"{w.nation_name(m, duty.target)}" + (f": {reason}." if reason else "."),
        )
    )
    shift_cohesion(m, duty.treaty, pass_cohesion(m, duty), "a duty passed", events)


def pass_cohesion(m: Match, duty: Duty) -> int:
    """What passing the buck on ``duty`` costs its alliance's cohesion (0 for a guarantee, which has none).

    In proportion to the passer's share of the alliance's power (see ``rules.PASS_COHESION_AT_FULL_SHARE``),
    and never less than one step: every refusal is remembered.
    """
    alliance = m.alliances.get(duty.treaty)
    if alliance is None:
        return 0
    total = sum(w.power(m, n) for n in alliance.members)
    share = w.power(m, duty.nation) / total if total > 0 else 1.0 / len(alliance.members)
    return min(rules.PASS_COHESION_LEAST, round(rules.PASS_COHESION_AT_FULL_SHARE * share))


def walk_away(m: Match, nation: NationId, treaty: TreatyId, events: list[Event]) -> None:
    """Leaving a treaty passes the buck on every duty it still holds under it."""
    for duty in [d for d in m.duties.values() if d.nation == nation and d.treaty == treaty]:
        pass_the_buck(m, duty, "it walked away from the treaty", False, events)


def lapse(m: Match, events: list[Event]) -> None:
    """A duty ends, without blame or credit, once there is nothing left to answer; an event says why.

    That is: the target has made peace with the aggressor, the treaty no longer binds its
    holder to the target, or the holder is already at war with the aggressor by another road
    (a tripwire, its own attack). A duty whose target has fallen still stands until it expires:
    the holder may yet go to war for it (Britain and France for Poland in 1939).
    """
    for duty in list(m.duties.values()):
        cause = _why_ended(m, duty)
        if cause is not None:
            end(m, duty, cause, events)


def _why_ended(m: Match, duty: Duty) -> DutyEndCause | None:
    if w.at_war(m, duty.nation, duty.aggressor):
        return "at_war"
    if duty.target in m.eliminated:
        return None
    alliance = m.alliances.get(duty.treaty)
    if alliance is not None:
        bound = duty.nation in alliance.members and duty.target in alliance.members
    else:
        bound = m.guarantees.get(duty.treaty) == (duty.nation, duty.target)
    if not w.at_war(m, duty.target, duty.aggressor):
        return "peace"
    if not bound:
        return "unbound"
    return None


_ENDINGS: dict[DutyEndCause, str] = {
    "peace": "{target} has made peace with {aggressor}",
    "unbound": "{treaty} no longer binds it to {target}",
    "at_war": "it is already at war with {aggressor}",
    "holder_fell": "it has fallen",
    "aggressor_fell": "{aggressor} has fallen",
}


def end(m: Match, duty: Duty, cause: DutyEndCause, events: list[Event]) -> None:
    """The duty ends unanswered, for ``cause``, and the chronicle says so."""
    del m.duties[duty.id]
    why = _ENDINGS[cause].format(
        target=w.nation_name(m, duty.target),
        aggressor=w.nation_name(m, duty.aggressor),
        treaty=w.the_treaty(m, duty.treaty)
        if duty.treaty in m.alliances or duty.treaty in m.guarantees
        else "the treaty",
    )
    events.append(
        new_event(
            DutyEnded,
            duty=duty.id,
            nation=duty.nation,
            aggressor=duty.aggressor,
            target=duty.target,
            cause=cause,
            text=f"{w.nation_name(m, duty.nation)}'s duty to {w.nation_name(m, duty.target)} ends: {why}.",
        )
    )


def expire(m: Match, holder: Callable[[NationId], bool], events: list[Event]) -> None:
    """At the end of a turn, the duties of its holder that fall due and are still unanswered count as passed."""
    for duty in sorted(m.duties.values(), key=lambda d: d.id):
        if duty.deadline <= m.turn and holder(duty.nation):
            pass_the_buck(m, duty, "", True, events)
