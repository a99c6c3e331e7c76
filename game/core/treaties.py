"""Treaties: offers and answers, signing, leaving, and peace with the truce that follows it.

A treaty is proposed and then answered: a seat answers on its turn, a nation of the rules in
the NPC phase (so both seats court it on equal terms), an offer within one seat is signed at
once. Leaving is never free: credibility falls, and any duty still held under the treaty
counts as passed. Peace ends a war and opens a truce: neither nation may attack the other for
``rules.TRUCE_ROUNDS`` rounds after the round of peace (a duty may still call them to fight,
which ends the truce: see :func:`end_truce`). Who may not attack whom, by treaty or truce, is
:func:`shielded`.
"""

from __future__ import annotations

from collections.abc import Callable

from game.core import checks, doctrines, duties, flow, ids, rules
from game.core import world as w
from game.core.actions import (
    AnswerOffer,
    InviteToAlliance,
    LeaveTreaty,
    OfferGuarantee,
    ProposeAlliance,
    ProposePact,
    ProposePeace,
)
from game.core.errors import AlreadyOffered, IllegalAction, UnknownId
from game.core.events import (
    Event,
    OfferAnswered,
    OfferMade,
    PeaceMade,
    TreatyDissolved,
    TreatyLeft,
    TreatySigned,
    new_event,
)
from game.core.forces import withdraw_guests
from game.core.ids import NationId, TerritoryId, TreatyId
from game.core.standing import shift_credibility
from game.core.state import NO_SCOPE, AllianceState, Match, Offer, Scope

# ---------------------------------------------------------------------------
# Who may not attack whom: allies, a seat's own nations, and a truce


def pair(a: NationId, b: NationId) -> tuple[NationId, NationId]:
    """Two nations in a fixed order: the key of what binds them both alike (a truce)."""
    return (a, b) if a < b else (b, a)


def truce_until(m: Match, a: NationId, b: NationId) -> int | None:
    """The first round in which ``a`` and ``b`` may attack each other again after making peace, if still to come."""
    until = m.truces.get(pair(a, b))
    return until if until is not None and m.round < until else None


def end_truce(m: Match, a: NationId, b: NationId) -> None:
    """A truce forbids starting a war, not fighting one a treaty calls in: entering a war ends it."""
    m.truces.pop(pair(a, b), None)


def shielded(m: Match, nation: NationId, other: NationId) -> bool:
    """True when ``nation`` may not attack ``other``: itself, an ally, a seat-mate, a seat-mate's ally, or under truce.

    A seat is one player. Its nations never fight each other, and one attacking the other's ally
    would call the other to war against its own seat under Article 5, so that alliance must be
    left first, exactly as one's own must. A truce binds only the two nations that made peace.
    """
    if m.truces and truce_until(m, nation, other) is not None:
        return True
    # w.allied for every nation of w.side_of, written out: the bots ask this of every stack they weigh.
    allies = m.alliances.allies
    seat = m.seat_of.get(nation)
    if seat is None:
        return other == nation or other in allies(nation)
    for mate in m.level.seats[seat].nations:
        if other == mate or other in allies(mate):
            return True
    return False


def shields_territory(m: Match, nation: NationId, territory: TerritoryId) -> bool:
    """True when ``nation`` may not attack ``territory``: its holder or a guest standing there is
    :func:`shielded` from it (war.check_attack says which, and why)."""
    host = m.owner[territory]
    if shielded(m, nation, host):
        return True
    for guest in m.forces[territory]:
        if guest != host and shielded(m, nation, guest):
            return True
    return False


def why_shielded(m: Match, nation: NationId, other: NationId) -> str:
    """Why ``nation`` may not attack ``other`` (see :func:`shielded`), in the player's words."""
    name, other_name = w.nation_name(m, nation), w.nation_name(m, other)
    until = truce_until(m, nation, other)
    if until is not None:
        return f"{name} made peace with {other_name}: their truce lasts until round {until}"
    if w.allied(m, nation, other):
        return f"{other_name} is an ally of {name}: leave the alliance first"
    if other in w.side_of(m, nation):
        return f"{other_name} and {name} are played by the same seat and never fight each other"
    mate = next(n for n in w.side_of(m, nation) if w.allied(m, n, other))
    return (
        f"{other_name} is an ally of {w.nation_name(m, mate)}, which fights on {w.possessive(name)} side: "
        f"{w.nation_name(m, mate)} must leave that alliance first"
    )


# ---------------------------------------------------------------------------
# What each kind of offer requires


def check_alliance_offer(m: Match, nation: NationId, to: NationId) -> None:
    if w.at_war(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} is at war with {w.nation_name(m, to)}")
    if w.allied(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} and {w.nation_name(m, to)} are already allies")


def check_invite(m: Match, alliance: AllianceState, nation: NationId, to: NationId) -> None:
    if nation not in alliance.members:
        raise IllegalAction(f"{w.nation_name(m, nation)} is not a member of {w.with_the(alliance.name)}")
    if to in alliance.members:
        raise IllegalAction(f"{w.nation_name(m, to)} is already a member of {w.with_the(alliance.name)}")
    for member in alliance.members:
        if w.at_war(m, member, to):
            raise IllegalAction(f"{w.nation_name(m, to)} is at war with {w.nation_name(m, member)}, a member")


def check_guarantee(m: Match, nation: NationId, to: NationId) -> None:
    if w.guarantee_id(m, nation, to) is not None:
        raise IllegalAction(f"{w.nation_name(m, nation)} already guarantees {w.nation_name(m, to)}")
    if w.at_war(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} is at war with {w.nation_name(m, to)}")


def check_pact(m: Match, nation: NationId, to: NationId) -> None:
    if w.has_pact(m, nation, to) is not None:
        raise IllegalAction(f"{w.nation_name(m, nation)} and {w.nation_name(m, to)} already have a pact")
    if w.at_war(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} is at war with {w.nation_name(m, to)}")
    if w.allied(m, nation, to):
        raise IllegalAction(f"{w.nation_name(m, nation)} and {w.nation_name(m, to)} are allies already")


def offered_scope(
    m: Match, nation: NationId, to: NationId, against: tuple[str, ...], territories: tuple[str, ...], kind: str
) -> Scope:
    """The scope an alliance or guarantee offer asks for, checked: known nations and territories, each
    named once, none of the treaty's own parties, and only land the treaty would protect (an alliance
    both nations' land, a guarantee the guaranteed nation's)."""
    if not against and not territories:  # most offers bind anywhere, against anyone
        return NO_SCOPE
    parties = (nation, to)
    protected = parties if kind == "alliance" else (to,)
    for nid in against:
        if nid not in m.index.nation_name or nid in m.eliminated:
            raise UnknownId(f"unknown nation '{nid}'")
        if nid in parties:
            raise IllegalAction(
                f"a treaty of {w.nation_name(m, nation)} and {w.nation_name(m, to)} cannot bind against "
                f"{w.nation_name(m, nid)}, one of its own parties"
            )
    for tid in territories:
        if tid not in m.owner:
            raise UnknownId(f"unknown territory '{tid}'")
        if m.owner[tid] not in protected:
            raise IllegalAction(
                f"{w.territory_name(m, tid)} belongs to {w.nation_name(m, m.owner[tid])}, which the {kind} "
                "would not protect"
            )
    for names in (against, territories):
        twice = next((x for i, x in enumerate(names) if x in names[:i]), None)
        if twice is not None:
            raise IllegalAction(f"the scope names '{twice}' twice")
    return Scope(tuple(against), tuple(territories))


def check_once(m: Match, nation: NationId, to: NationId, kind: str) -> None:
    """One offer of a kind to a nation per turn, and none while a like one still waits."""
    if (nation, to, kind) in m.proposed:
        raise AlreadyOffered(f"{w.nation_name(m, nation)} already made that offer to {w.nation_name(m, to)} this turn")
    if _unanswered(m, nation, to, kind):
        raise AlreadyOffered(f"an offer of that kind to {w.nation_name(m, to)} is already waiting for an answer")


def offered_already(m: Match, nation: NationId, to: NationId, kind: str) -> bool:
    """:func:`check_once` as a question, for the random draw and the bots: made this turn, or still unanswered."""
    return (nation, to, kind) in m.proposed or _unanswered(m, nation, to, kind)


def _unanswered(m: Match, nation: NationId, to: NationId, kind: str) -> bool:
    return any(o.sender == nation and o.recipient == to and o.kind == kind for o in m.offers.values())


def check_offer_still_stands(m: Match, offer: Offer) -> None:
    """Offers wait a turn; the world may have changed. Re-check the treaty's own rules."""
    if offer.sender in m.eliminated:
        raise IllegalAction(f"{w.nation_name(m, offer.sender)} has been eliminated")
    if offer.kind == "alliance":
        check_alliance_offer(m, offer.sender, offer.recipient)
    elif offer.kind == "invite":
        alliance = m.alliances.get(offer.alliance or "")
        if alliance is None:
            raise IllegalAction("that alliance no longer exists")
        check_invite(m, alliance, offer.sender, offer.recipient)
    elif offer.kind == "guarantee":
        check_guarantee(m, offer.sender, offer.recipient)
    elif offer.kind == "pact":
        check_pact(m, offer.sender, offer.recipient)
    elif offer.kind == "peace" and not w.at_war(m, offer.sender, offer.recipient):
        raise IllegalAction("the war is already over")


# ---------------------------------------------------------------------------
# Making offers (the actions)


def propose_alliance(m: Match, a: ProposeAlliance, events: list[Event]) -> None:
    checks.counterpart(m, a.nation, a.to)
    check_alliance_offer(m, a.nation, a.to)
    check_once(m, a.nation, a.to, "alliance")
    scope = offered_scope(m, a.nation, a.to, a.against, a.territories, "alliance")
    offer = Offer(
        m.new_id(), "alliance", a.nation, a.to, 0, name=a.name, collective_defence=a.collective_defence, scope=scope
    )
    make_offer(m, offer, events)


def invite(m: Match, a: InviteToAlliance, events: list[Event]) -> None:
    checks.counterpart(m, a.nation, a.to)
    alliance = m.alliances.get(a.alliance)
    if alliance is None:
        raise UnknownId(f"unknown alliance '{a.alliance}'")
    check_invite(m, alliance, a.nation, a.to)
    check_once(m, a.nation, a.to, "invite")
    make_offer(m, Offer(m.new_id(), "invite", a.nation, a.to, 0, alliance=alliance.id), events)


def offer_guarantee(m: Match, a: OfferGuarantee, events: list[Event]) -> None:
    checks.counterpart(m, a.nation, a.to)
    check_guarantee(m, a.nation, a.to)
    check_once(m, a.nation, a.to, "guarantee")
    scope = offered_scope(m, a.nation, a.to, a.against, a.territories, "guarantee")
    make_offer(m, Offer(m.new_id(), "guarantee", a.nation, a.to, 0, scope=scope), events)


def propose_pact(m: Match, a: ProposePact, events: list[Event]) -> None:
    checks.counterpart(m, a.nation, a.to)
    check_pact(m, a.nation, a.to)
    check_once(m, a.nation, a.to, "pact")
    make_offer(m, Offer(m.new_id(), "pact", a.nation, a.to, 0), events)


def propose_peace(m: Match, a: ProposePeace, events: list[Event]) -> None:
    checks.counterpart(m, a.nation, a.to)
    if not w.at_war(m, a.nation, a.to):
        raise IllegalAction(f"{w.nation_name(m, a.nation)} is not at war with {w.nation_name(m, a.to)}")
    check_once(m, a.nation, a.to, "peace")
    make_offer(m, Offer(m.new_id(), "peace", a.nation, a.to, 0), events)


_OFFER_WORDS = {
    "alliance": "proposes an alliance to",
    "invite": "invites",
    "guarantee": "offers a guarantee to",
    "pact": "proposes a non-aggression pact to",
    "peace": "offers peace to",
}


_OFFER_NOUNS = {
    "alliance": "alliance",
    "invite": "invitation",
    "guarantee": "guarantee",
    "pact": "pact",
    "peace": "peace",
}


def make_offer(m: Match, offer: Offer, events: list[Event], reason: str = "") -> None:
    """Record an offer. A seat answers on its turn; an NPC answers in the NPC phase.

    NPCs wait for the end of the round so that both seats court them on equal terms:
    answered at once, every swing nation went to whichever seat happened to move first.
    The NPC then weighs every suitor of the round together (see ``npc.align``).
    Offers made during the NPC phase itself (NPC to NPC) are answered at once.
    A seat making an offer to another of its own nations needs no answer: it is signed.
    ``reason`` is an NPC's: why its doctrine made it, said after a colon as its answers are.
    """
    m.proposed.add((offer.sender, offer.recipient, offer.kind))
    words = _OFFER_WORDS[offer.kind]
    extra = f" {w.with_the(m.alliances[offer.alliance].name)}" if offer.alliance else ""
    if offer.kind == "invite":
        extra = f" to join{extra}"
    if offer.scope.limited:
        extra += f", binding {w.scope_phrase(m, offer.scope)}"
    sender_seat = m.seat_of.get(offer.sender)
    recipient_seat = m.seat_of.get(offer.recipient)
    deferred = recipient_seat is None and m.phase != "npc"
    if deferred:
        extra += ", which will answer when the round ends"
    events.append(
        new_event(
            OfferMade,
            offer=offer.id,
            offer_kind=offer.kind,
            sender=offer.sender,
            recipient=offer.recipient,
            reason=reason,
            text=f"{w.nation_name(m, offer.sender)} {words} {w.nation_name(m, offer.recipient)}{extra}"
            + (f": {reason}." if reason else "."),
        )
    )
    if deferred:
        offer.deadline = flow.next_turn_of(m, offer.recipient)
        m.offers[offer.id] = offer
    elif recipient_seat is None:
        decision = doctrines.decide_offer(m, offer)
        answer(m, offer, decision.yes, decision.reason, events)
    elif recipient_seat == sender_seat:
        answer(m, offer, True, "", events)
    else:
        offer.deadline = flow.next_turn_of(m, offer.recipient)
        m.offers[offer.id] = offer


# ---------------------------------------------------------------------------
# Answering and signing


def answer_offer(m: Match, a: AnswerOffer, events: list[Event]) -> None:
    """The action: a seat's nation accepts or rejects an offer made to it."""
    check_answer(m, a)
    offer = m.offers[a.offer]
    del m.offers[offer.id]
    answer(m, offer, a.accept, "", events)


def check_answer(m: Match, a: AnswerOffer) -> None:
    """An open offer, made to this nation; a yes only while the offer still stands (raises IllegalAction)."""
    offer = m.offers.get(a.offer)
    if offer is None:
        raise UnknownId(f"there is no open offer #{a.offer}")
    if offer.recipient != a.nation:
        raise IllegalAction(f"offer #{a.offer} was made to {w.nation_name(m, offer.recipient)}")
    if a.accept:
        check_offer_still_stands(m, offer)


def answer(m: Match, offer: Offer, accept: bool, reason: str, events: list[Event]) -> None:
    """Say the answer (within one seat, a yes goes without saying) and sign on a yes."""
    if offer.sender != offer.recipient and (
        m.seat_of.get(offer.sender) != m.seat_of.get(offer.recipient) or not accept
    ):
        sender, recipient = w.nation_name(m, offer.sender), w.nation_name(m, offer.recipient)
        verdict = "accepts" if accept else "rejects"
        text = f"{recipient} {verdict} the {_OFFER_NOUNS[offer.kind]} offered by {sender}" + (
            f": {reason}." if reason else "."
        )
        events.append(
            new_event(
                OfferAnswered, offer=offer.id, recipient=offer.recipient, accepted=accept, reason=reason, text=text
            )
        )
    if accept:
        sign(m, offer, events)


def sign(m: Match, offer: Offer, events: list[Event]) -> None:
    """An accepted offer takes effect."""
    a, b = offer.sender, offer.recipient
    if offer.kind == "alliance":
        aid = ids.alliance_id(offer.name or "alliance", {*m.alliances, *m.retired_alliances, *m.index.nation_name})
        alliance = AllianceState(aid, offer.name or "Alliance", [a, b], offer.collective_defence, 50, m.round)
        m.alliances[aid] = alliance
        duties.set_scope(m, aid, offer.scope)
        clause = "with" if offer.collective_defence else "without"
        scoped = f" It binds {w.scope_phrase(m, offer.scope)}." if offer.scope.limited else ""
        events.append(
            new_event(
                TreatySigned,
                treaty=aid,
                treaty_kind="alliance",
                nations=[a, b],
                text=f"{w.nation_name(m, a)} and {w.nation_name(m, b)} found {w.with_the(alliance.name)}, "
                f"{clause} an Article 5 clause.{scoped}",
            )
        )
    elif offer.kind == "invite":
        alliance = m.alliances[offer.alliance or ""]
        alliance.members.append(b)
        events.append(
            new_event(
                TreatySigned,
                treaty=alliance.id,
                treaty_kind="alliance",
                nations=list(alliance.members),
                text=f"{w.nation_name(m, b)} joins {w.with_the(alliance.name)}.",
            )
        )
    elif offer.kind == "guarantee":
        gid = ids.guarantee_id(a, b)
        m.guarantees[gid] = (a, b)
        duties.set_scope(m, gid, offer.scope)
        scoped = f" (the guarantee binds {w.scope_phrase(m, offer.scope)})" if offer.scope.limited else ""
        events.append(
            new_event(
                TreatySigned,
                treaty=gid,
                treaty_kind="guarantee",
                nations=[a, b],
                text=f"{w.nation_name(m, a)} guarantees {w.nation_name(m, b)}: an attack on it will be answered"
                f"{scoped}.",
            )
        )
    elif offer.kind == "pact":
        x, y = sorted((a, b))
        pid = ids.pact_id(a, b)
        m.pacts[pid] = (x, y)
        events.append(
            new_event(
                TreatySigned,
                treaty=pid,
                treaty_kind="pact",
                nations=[x, y],
                text=f"{w.nation_name(m, a)} and {w.nation_name(m, b)} sign a non-aggression pact.",
            )
        )
    elif offer.kind == "peace":
        make_peace(m, a, b, events)


def make_peace(m: Match, a: NationId, b: NationId, events: list[Event]) -> None:
    """The war between the two ends, and a truce begins: see the module docstring."""
    m.wars.discard(frozenset((a, b)))
    until = m.round + rules.TRUCE_ROUNDS + 1
    m.truces[pair(a, b)] = until
    duties.lapse(m, events)
    events.append(
        new_event(
            PeaceMade,
            nations=[a, b],
            text=f"{w.nation_name(m, a)} and {w.nation_name(m, b)} make peace: neither may attack the other "
            f"before round {until}.",
        )
    )


def expire_offers(m: Match, holder: Callable[[NationId], bool], events: list[Event]) -> None:
    """At the end of a turn, offers its holder left unanswered past their deadline lapse."""
    for offer in sorted(m.offers.values(), key=lambda o: o.id):
        if offer.deadline <= m.turn and holder(offer.recipient):
            del m.offers[offer.id]
            events.append(
                new_event(
                    OfferAnswered,
                    offer=offer.id,
                    recipient=offer.recipient,
                    accepted=False,
                    expired=True,
                    reason="",
                    text=f"The offer from {w.nation_name(m, offer.sender)} to {w.nation_name(m, offer.recipient)} "
                    "lapses unanswered.",
                )
            )


# ---------------------------------------------------------------------------
# Leaving


def leave(m: Match, a: LeaveTreaty, events: list[Event]) -> None:
    """The action: leave an alliance, revoke a guarantee or renounce a pact, at a cost in credibility."""
    treaty = a.treaty
    if treaty in m.alliances:
        if a.nation not in m.alliances[treaty].members:
            alliance_name = w.with_the(m.alliances[treaty].name)
            raise IllegalAction(f"{w.nation_name(m, a.nation)} is not a member of {alliance_name}")
        credibility = shift_credibility(m, a.nation, rules.LEAVE_ALLIANCE_CREDIBILITY)
        leave_alliance(m, a.nation, treaty, "", events, credibility_delta=credibility)
    elif treaty in m.guarantees or treaty in m.pacts:
        party = m.guarantees.get(treaty) or m.pacts[treaty]
        if a.nation not in party:
            raise IllegalAction(f"{w.nation_name(m, a.nation)} is not party to {w.the_treaty(m, treaty)}")
        # Walking away is never free, or a pact could be dropped the turn before the attack it forbade.
        cost = rules.RENOUNCE_PACT_CREDIBILITY if treaty in m.pacts else rules.LEAVE_ALLIANCE_CREDIBILITY
        credibility = shift_credibility(m, a.nation, cost)
        end_treaty(m, a.nation, treaty, "", events, credibility_delta=credibility)
    else:
        raise UnknownId(f"unknown treaty '{treaty}'")


def end_treaty(
    m: Match, nation: NationId, treaty: TreatyId, reason: str, events: list[Event], credibility_delta: int = 0
) -> None:
    """Leave a guarantee or pact (alliances: see :func:`leave_alliance`). Open duties from it count as passed.

    ``credibility_delta`` is what walking away has already cost the nation, told in the event.
    """
    if treaty in m.alliances:
        leave_alliance(m, nation, treaty, reason, events, credibility_delta)
        return
    name = w.the_treaty(m, treaty)
    duties.walk_away(m, nation, treaty, events)
    m.guarantees.pop(treaty, None)
    m.scopes.pop(treaty, None)
    m.pacts.pop(treaty, None)
    duties.lapse(m, events)
    events.append(
        new_event(
            TreatyLeft,
            treaty=treaty,
            nation=nation,
            reason=reason,
            credibility_delta=credibility_delta,
            text=f"{w.nation_name(m, nation)} ends {name}" + (f": {reason}." if reason else "."),
        )
    )


def leave_alliance(
    m: Match, nation: NationId, aid: TreatyId, reason: str, events: list[Event], credibility_delta: int = 0
) -> None:
    """A member goes; an alliance left with one member is dissolved, and guests on no-longer-allied land go home.

    ``credibility_delta`` is what leaving has already cost the member, told in the event.
    """
    alliance = m.alliances[aid]
    duties.walk_away(m, nation, aid, events)
    alliance.members.remove(nation)
    events.append(
        new_event(
            TreatyLeft,
            treaty=aid,
            nation=nation,
            reason=reason,
            credibility_delta=credibility_delta,
            text=f"{w.nation_name(m, nation)} leaves {w.with_the(alliance.name)}" + (f": {reason}." if reason else "."),
        )
    )
    if len(alliance.members) < 2:
        dissolve_alliance(m, aid, events)
    duties.lapse(m, events)
    withdraw_guests(m, events)


def dissolve_alliance(m: Match, aid: TreatyId, events: list[Event]) -> None:
    """The alliance ends; its id is retired so no later alliance inherits its history."""
    alliance = m.alliances.pop(aid)
    m.scopes.pop(aid, None)
    m.retired_alliances.add(aid)
    duties.lapse(m, events)
    events.append(new_event(TreatyDissolved, treaty=aid, text=f"The {alliance.name} is dissolved."))


def lapse_pact(m: Match, pact: TreatyId, events: list[Event]) -> None:
    """Two nations at war keep no pact: it lapses without blame."""
    name = w.the_treaty(m, pact)
    del m.pacts[pact]
    events.append(new_event(TreatyDissolved, treaty=pact, text=f"{name[0].upper()}{name[1:]} lapses."))
