"""Calls to arms: an aggressor asks its allies into its war (offensive alliance politics).

No treaty obliges an ally to join a war its partner started (Article 5 binds only in defence),
so the aggressor must ask. Joining is a declaration of the joiner's own: it is an aggressor
too, and raises duties for the victim's allies, which is how a reckless ally's war spreads
(chain-ganging, 1914). Refusing costs the alliance cohesion (the caller's fear of abandonment),
weighted by the refuser's share of the alliance's power, but no credibility, since no promise
was broken. A seat answers on its turn; a nation of the rules answers in the NPC phase by its
doctrine (:meth:`game.core.doctrines.Doctrine.decide_call`). A call that no longer stands (the
war ended, a nation fell, the alliance was left) ends with a sentence saying why.
"""

from __future__ import annotations

from collections.abc import Callable

from game.core import doctrines, flow, rules, treaties, war
from game.core import world as w
from game.core.actions import AnswerCall, CallToArms
from game.core.cohesion import shift as shift_cohesion
from game.core.errors import AlreadyOffered, IllegalAction, UnknownId
from game.core.events import CallAnswered, CallMade, Event, new_event
from game.core.ids import NationId, TreatyId
from game.core.state import Call, Match


def aggressor_of(m: Match, nation: NationId, enemy: NationId) -> bool:
    """Whether ``nation`` is at war with ``enemy`` as an aggressor: it declared that war itself."""
    return w.at_war(m, nation, enemy) and any(d.aggressor == nation and d.target == enemy for d in m.declarations)


def binding_alliance(m: Match, a: NationId, b: NationId) -> TreatyId | None:
    """The alliance a call between two allies is made under: the first they share, by id."""
    shared = sorted(al.id for al in w.shared_alliances(m, a, b))
    return shared[0] if shared else None


def check_call(m: Match, caller: NationId, ally: NationId, enemy: NationId) -> TreatyId:
    """Whether ``caller`` may call ``ally`` into its war on ``enemy``; returns the alliance it calls under."""
    treaty, refusal = _judge_call(m, caller, ally, enemy)
    if refusal is not None:
        raise refusal()
    assert treaty is not None  # a call nothing refuses has its alliance
    return treaty


def call_treaty(m: Match, caller: NationId, ally: NationId, enemy: NationId) -> TreatyId | None:
    """:func:`check_call` as a question: the alliance the call would be made under, or None if refused."""
    return _judge_call(m, caller, ally, enemy)[0]


def _judge_call(
    m: Match, caller: NationId, ally: NationId, enemy: NationId
) -> tuple[TreatyId | None, Callable[[], IllegalAction] | None]:
    """(the alliance a call is made under, None) or (None, what to raise): the rules of a call, once.

    The refusal is a function, so the sentence is written only when a player will read it: the
    bots and the NPC phase ask this of every ally of every war, and most answers are no.
    """
    if enemy not in m.index.nation_name:
        return None, lambda: UnknownId(f"unknown nation '{enemy}'")
    if ally not in m.index.nation_name:
        return None, lambda: UnknownId(f"unknown nation '{ally}'")

    def name(nation: NationId) -> str:
        return w.nation_name(m, nation)

    if not aggressor_of(m, caller, enemy):
        return None, lambda: IllegalAction(
            f"{name(caller)} is not waging a war of its own on {name(enemy)}: only an aggressor calls to arms"
        )
    treaty = binding_alliance(m, caller, ally) if ally != caller and ally not in m.eliminated else None
    if treaty is None:
        return None, lambda: IllegalAction(f"{name(ally)} is not an ally of {name(caller)}")
    if ally in w.side_of(m, caller):
        return None, lambda: IllegalAction(
            f"{name(ally)} is played by the same seat as {name(caller)}: it may go to war itself"
        )
    if w.at_war(m, ally, enemy):
        return None, lambda: IllegalAction(f"{name(ally)} is already at war with {name(enemy)}")
    if treaties.shielded(m, ally, enemy):
        return None, lambda: IllegalAction(f"{name(ally)} could not join: {treaties.why_shielded(m, ally, enemy)}")
    if any(c.caller == caller and c.ally == ally and c.enemy == enemy for c in m.calls.values()):
        return None, lambda: AlreadyOffered(
            f"{name(caller)} has already called {name(ally)} to arms against {name(enemy)}"
        )
    return treaty, None


def call_to_arms(m: Match, a: CallToArms, events: list[Event]) -> None:
    """The action: a seat's nation, aggressor of a war, calls an ally into it."""
    treaty = check_call(m, a.nation, a.to, a.enemy)
    make_call(m, a.nation, a.to, a.enemy, treaty, "", events)


def check_call_to_arms(m: Match, a: CallToArms) -> None:
    """The action's rules alone (:func:`check_call`), for asking without acting."""
    check_call(m, a.nation, a.to, a.enemy)


def make_call(
    m: Match, caller: NationId, ally: NationId, enemy: NationId, treaty: TreatyId, reason: str, events: list[Event]
) -> Call:
    """Record a call (rules already checked). The ally answers on its holder's next turn."""
    call = Call(m.new_id(), caller, ally, enemy, treaty, m.turn, flow.next_turn_of(m, ally))
    m.calls[call.id] = call
    when = "in the NPC phase" if w.is_npc(m, ally) else f"by round {flow.round_of(call.deadline)}"
    events.append(
        new_event(
            CallMade,
            call=call.id,
            caller=caller,
            ally=ally,
            enemy=enemy,
            treaty=treaty,
            deadline_round=flow.round_of(call.deadline),
            reason=reason,
            text=f"{w.nation_name(m, caller)} calls on {w.nation_name(m, ally)} to join its war on "
            f"{w.nation_name(m, enemy)}, answer {when}" + (f": {reason}." if reason else "."),
        )
    )
    return call


def _close(m: Match, call: Call, text: str, reason: str, events: list[Event], **how: bool) -> None:
    """The call is answered or ends: it leaves the table, and its CallAnswered event says how."""
    del m.calls[call.id]
    events.append(
        new_event(
            CallAnswered,
            call=call.id,
            nation=call.ally,
            caller=call.caller,
            enemy=call.enemy,
            joined=how.get("joined", False),
            expired=how.get("expired", False),
            ended=how.get("ended", False),
            reason=reason,
            text=text,
        )
    )


def call_of(m: Match, nation: NationId, call_id: int) -> Call:
    call = m.calls.get(call_id)
    if call is None:
        raise UnknownId(f"there is no open call to arms #{call_id}")
    if call.ally != nation:
        raise IllegalAction(f"call #{call_id} was made to {w.nation_name(m, call.ally)}")
    return call


def answer_call(m: Match, a: AnswerCall, events: list[Event]) -> None:
    """The action: a seat's nation joins its ally's war, or refuses."""
    call = call_of(m, a.nation, a.call)
    if a.join:
        join(m, call, "", events)
    else:
        refuse(m, call, "", False, events)


def join(m: Match, call: Call, reason: str, events: list[Event]) -> None:
    """Entrapment: the ally declares war on the enemy itself, and the enemy's allies are called."""
    ally, enemy = w.nation_name(m, call.ally), w.nation_name(m, call.enemy)
    text = f"{ally} answers the call of {w.nation_name(m, call.caller)} and goes to war with {enemy}"
    _close(m, call, text + (f": {reason}." if reason else "."), reason, events, joined=True)
    shift_cohesion(m, call.treaty, rules.CALL_JOINED_COHESION, "a call to arms answered", events)
    war.declare_war(m, call.ally, call.enemy, events)
    for other in [c for c in m.calls.values() if c.ally == call.ally and c.enemy == call.enemy]:
        del m.calls[other.id]  # one war, one answer


def refusal_cohesion(m: Match, call: Call) -> int:
    """What refusing costs the alliance's cohesion: by the refuser's share of its power, at least one step."""
    alliance = m.alliances.get(call.treaty)
    if alliance is None:
        return 0
    total = sum(w.power(m, n) for n in alliance.members)
    share = w.power(m, call.ally) / total if total > 0 else 1.0 / len(alliance.members)
    return min(-1, round(rules.CALL_REFUSED_COHESION_AT_FULL_SHARE * share))


def refuse(m: Match, call: Call, reason: str, expired: bool, events: list[Event]) -> None:
    """Abandonment: the ally stays out; the alliance's cohesion falls, its credibility does not."""
    how = "lets the call of" if expired else "refuses the call of"
    tail = " go unanswered" if expired else ""
    text = (
        f"{w.nation_name(m, call.ally)} {how} {w.nation_name(m, call.caller)}{tail} and stays out of its "
        f"war on {w.nation_name(m, call.enemy)}" + (f": {reason}." if reason else ".")
    )
    _close(m, call, text, reason, events, expired=expired)
    shift_cohesion(m, call.treaty, refusal_cohesion(m, call), "a call to arms refused", events)


def why_ended(m: Match, call: Call) -> str | None:
    """Why a call no longer stands, in the player's words; None while it does."""
    caller, ally, enemy = (w.nation_name(m, n) for n in (call.caller, call.ally, call.enemy))
    if call.caller in m.eliminated:
        return f"{caller} has fallen"
    if call.enemy in m.eliminated:
        return f"{enemy} has fallen"
    if call.ally in m.eliminated:
        return f"{ally} has fallen"
    if not w.at_war(m, call.caller, call.enemy):
        return f"{caller} is no longer at war with {enemy}"
    if w.at_war(m, call.ally, call.enemy):
        return f"{ally} is already at war with {enemy}"
    if binding_alliance(m, call.caller, call.ally) is None:
        return f"{ally} and {caller} are no longer allies"
    if treaties.shielded(m, call.ally, call.enemy):
        return treaties.why_shielded(m, call.ally, call.enemy)
    return None


def lapse(m: Match, events: list[Event]) -> None:
    """Calls that no longer stand end, each with a sentence: nothing lapses silently."""
    for call in sorted(m.calls.values(), key=lambda c: c.id):
        why = why_ended(m, call)
        if why is None:
            continue
        text = f"The call of {w.nation_name(m, call.caller)} to {w.nation_name(m, call.ally)} ends: {why}."
        _close(m, call, text, why, events, ended=True)


def expire(m: Match, holder: Callable[[NationId], bool], events: list[Event]) -> None:
    """At the end of a turn, its holder's calls still unanswered at their deadline count as refused."""
    for call in sorted(m.calls.values(), key=lambda c: c.id):
        if call.deadline <= m.turn and holder(call.ally):
            refuse(m, call, "", True, events)


def answer_npc_calls(m: Match, events: list[Event]) -> None:
    """Each nation of the rules answers the calls made to it by its doctrine, all on the same state."""
    pending = sorted((c for c in m.calls.values() if w.is_npc(m, c.ally)), key=lambda c: c.id)
    decisions = [(call, doctrines.decide_call(m, call)) for call in pending]
    for call, decision in decisions:
        if call.id not in m.calls:
            continue
        if why_ended(m, call) is not None:
            lapse(m, events)
            continue
        if decision.yes:
            join(m, call, decision.reason, events)
        else:
            refuse(m, call, decision.reason, False, events)


def callable_allies(m: Match, caller: NationId, enemy: NationId) -> list[tuple[NationId, TreatyId]]:
    """Every ally ``caller`` could call into its war on ``enemy`` now, with the alliance it would call under."""
    found: list[tuple[NationId, TreatyId]] = []
    allies = sorted({n for al in w.alliances_of(m, caller) for n in al.members if n != caller})
    for ally in allies:
        treaty = call_treaty(m, caller, ally, enemy)
        if treaty is not None:
            found.append((ally, treaty))
    return found
