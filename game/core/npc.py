"""The NPC phase: the nations nobody plays answer the seats' moves, in this order.

1. **Income**: every nation of the rules collects.
2. **Alignment** (:func:`align`): each answers the round's offers by its doctrine, weighing
   every suitor of the round together.
3. **Initiatives** (:func:`take_initiative`): what each starts on its own (leaving a hollow
   alliance, suing for peace, courting a side), under the same rules as a seat's action.
4. **Ambition** (:func:`reckless_war`): a nation with claims may start a war for one, bolder
   the more it trusts its allies, and calls them to arms (the reckless ally).
5. **Answers** (:func:`answer_duties`, then ``calls.answer_npc_calls``): each decides its open
   Article 5 and guarantee duties, then the calls to arms made to it; a joiner's declaration
   raises new duties, so this repeats until nothing is left to answer.
6. **Defence** (:func:`defend`): each recruits where the danger is and strikes back only at
   good odds.

The phase ends as soon as the match does (a capital falls in a defensive strike).
"""

from __future__ import annotations

from game.core import calls, doctrines, duties, forces, rules, treaties, war
from game.core import world as w
from game.core.errors import IllegalAction
from game.core.events import Event, NpcPhaseStarted, new_event
from game.core.ids import NationId
from game.core.state import Match, Offer


def phase(m: Match, events: list[Event]) -> None:
    """NPC alignment, NPC duties, NPC defence: the world answers the seats' moves."""
    m.phase = "npc"
    events.append(new_event(NpcPhaseStarted, round=m.round, text=f"Round {m.round}: the other nations act."))
    npcs = [n for n in w.active_nations(m) if w.is_npc(m, n)]
    for nation in npcs:
        forces.collect_income(m, nation, events)
    align(m, events)
    for nation in npcs:
        if nation in m.eliminated:
            continue
        for initiative in doctrines.initiatives(m, nation):
            take_initiative(m, nation, initiative, events)
            if w.is_over(m):
                return
    for nation in npcs:
        if nation not in m.eliminated:
            reckless_war(m, nation, events)
            if w.is_over(m):
                return
    while (m.duties or m.calls) and (
        any(w.is_npc(m, d.nation) for d in m.duties.values()) or any(w.is_npc(m, c.ally) for c in m.calls.values())
    ):
        answer_duties(m, events)
        calls.answer_npc_calls(m, events)
        if w.is_over(m):
            return
    for nation in npcs:
        if nation in m.eliminated:
            continue
        defend(m, nation, events)
        if w.is_over(m):
            return


def align(m: Match, events: list[Event]) -> None:
    """NPC alignment: each NPC answers the round's offers, its favourite suitor first.

    Nations answer in level order; within a nation, offers from the side its doctrine
    likes best come first, so accepting one alliance can rule out the rival's (a nation
    bound to one side rejects the other). A dead heat between the seats is settled by
    the match's dice, never by who sits first.
    """
    pending = sorted((o for o in m.offers.values() if w.is_npc(m, o.recipient)), key=lambda o: o.id)
    position = m.index.position
    for nation in sorted({o.recipient for o in pending}, key=position.__getitem__):
        offers = [o for o in pending if o.recipient == nation]
        suitors = {m.seat_of[o.sender] for o in offers if o.sender in m.seat_of}
        if len(suitors) == 2:  # only a contest needs ranking (and, on a tie, a die)
            rank = doctrines.rank_suitors(m, nation, m.rng)
            offers.sort(key=lambda o: (rank.index(m.seat_of[o.sender]) if o.sender in m.seat_of else 2, o.id))
        for offer in offers:
            del m.offers[offer.id]
            if nation in m.eliminated:
                continue
            try:
                treaties.check_offer_still_stands(m, offer)
            except IllegalAction as refusal:
                if not w.allied(m, offer.sender, offer.recipient):  # allied already: nothing left to answer
                    treaties.answer(m, offer, False, str(refusal), events)
                continue
            decision = doctrines.decide_offer(m, offer)
            treaties.answer(m, offer, decision.yes, decision.reason, events)


def take_initiative(m: Match, nation: NationId, initiative: doctrines.Initiative, events: list[Event]) -> None:
    """An NPC acts on its doctrine: the same rules as a seat's action, checked the same way."""
    if initiative.kind == "leave":
        if initiative.treaty in m.alliances and nation in m.alliances[initiative.treaty].members:
            treaties.leave_alliance(m, nation, initiative.treaty, initiative.reason, events)
        return
    to = initiative.to
    if to in m.eliminated or to == nation:
        return
    kind = initiative.kind
    try:
        if kind == "alliance":
            treaties.check_alliance_offer(m, nation, to)
            offer = Offer(m.new_id(), "alliance", nation, to, 0, name=initiative.name or "Alliance")
        elif kind == "invite":
            alliance = m.alliances.get(initiative.treaty)
            if alliance is None:
                return
            treaties.check_invite(m, alliance, nation, to)
            offer = Offer(m.new_id(), "invite", nation, to, 0, alliance=alliance.id)
        elif kind == "pact":
            treaties.check_pact(m, nation, to)
            offer = Offer(m.new_id(), "pact", nation, to, 0)
        elif kind == "peace":
            if not w.at_war(m, nation, to):
                return
            offer = Offer(m.new_id(), "peace", nation, to, 0)
        else:
            return
        treaties.check_once(m, nation, to, offer.kind)
    except IllegalAction:
        return
    treaties.make_offer(m, offer, events, initiative.reason)


def answer_duties(m: Match, events: list[Event]) -> None:
    """Each NPC decides its open duties by its doctrine, one declaration at a time, oldest first.

    Every holder called by one declaration decides on the same state, none seeing the others'
    answers; then the answers take effect, in the order the duties were raised (by nation id,
    so the order a level lists an alliance's members in never matters). Answering one by one
    let each pass sap the cohesion the next holder weighed, and a NATO of fifteen emptied itself
    in one phase. Honouring may raise more duties only through a tripwire (an NPC entering a war
    declares none), so the loop ends.
    """
    while True:
        open_duties = sorted((d for d in m.duties.values() if w.is_npc(m, d.nation)), key=lambda d: d.id)
        if not open_duties:
            break
        first = open_duties[0]
        declaration = [d for d in open_duties if duties.same_declaration(d, first)]
        decisions = [(duty, doctrines.decide_duty(m, duty)) for duty in declaration]
        for duty, decision in decisions:
            if duty.id not in m.duties:  # settled by an earlier answer (one war, one answer)
                continue
            if decision.yes:
                war.honour_duty(m, duty, decision.reason, events)
            else:
                duties.pass_the_buck(m, duty, decision.reason, False, events)


def trust(m: Match, nation: NationId) -> float:
    """How sure a nation is that its allies will stand by it, 0..1: the best of its alliances'
    cohesion times its fellow members' mean credibility."""
    best = 0.0
    for alliance in w.alliances_of(m, nation):
        others = [n for n in alliance.members if n != nation]
        if others:
            credibility = sum(m.credibility[n] for n in others) / len(others)
            best = max(best, alliance.cohesion / 100.0 * credibility / 100.0)
    return best


def reckless_war(m: Match, nation: NationId, events: list[Event]) -> None:
    """The reckless ally: a nation at peace with claims strikes for the best of them, then calls its allies.

    It strikes only from its own land, with a stack the NPC defence rule would use, at odds of
    ``rules.RECKLESS_MIN_ODDS`` less the boldness its allies' trust gives it, and only when its
    doctrine dares a war on the claim's owner (see ``Doctrine.dares_war``). Its allies then choose
    between entrapment (join a war they did not want) and abandonment (refuse, and watch the
    alliance's cohesion fall).
    """
    claims = m.index.claims.get(nation)
    if not claims or w.enemies(m, nation):
        return
    needed = rules.RECKLESS_MIN_ODDS - rules.RECKLESS_BOLDNESS * trust(m, nation)
    best: tuple[float, str, str, int] | None = None
    for target in sorted(claims):
        victim = m.owner[target]
        if victim == nation or w.has_pact(m, nation, victim) is not None:
            continue
        if any(treaties.shielded(m, nation, n) for n in (victim, *m.forces[target])):
            continue
        for source in w.neighbours(m, target):
            if m.owner[source] != nation:
                continue
            attackers = w.ready(m, source, nation)
            if attackers < rules.NPC_MIN_ATTACKERS:
                continue
            chance = w.attack_chance(m, target, attackers, needed)
            if chance is not None and chance >= needed and (best is None or chance > best[0]):
                best = (chance, target, source, attackers)
    if best is None:
        return
    _, target, source, attackers = best
    victim = m.owner[target]
    if not doctrines.dares_war(m, nation, victim).yes:
        return
    # It declares, calls its allies, then strikes: the calls stand even if the first battle goes badly.
    war.declare_war(m, nation, victim, events)
    reason = f"it went to war for its claim on {w.territory_name(m, target)}"
    for ally, treaty in calls.callable_allies(m, nation, victim):
        calls.make_call(m, nation, ally, victim, treaty, reason, events)
    war.wage_attack(m, nation, source, target, attackers, events)


def strikes(attackers: int, chance: float) -> bool:
    """The NPC defence rule: a nation of the rules at war attacks with a stack of at least
    ``rules.NPC_MIN_ATTACKERS`` ready units, and only at odds of ``rules.NPC_ATTACK_MIN_ODDS`` or better.

    The seat bots foresee the NPCs' reprisals with this same rule.

    >>> strikes(2, 0.7), strikes(1, 0.99), strikes(10, 0.69)
    (True, False, False)
    """
    return attackers >= rules.NPC_MIN_ATTACKERS and chance >= rules.NPC_ATTACK_MIN_ODDS


def defend(m: Match, nation: NationId, events: list[Event]) -> None:
    """A simple, sensible defence: recruit where the danger is, strike back only with good odds."""
    if not m.owner.holds_any(nation):
        return
    foes = m.wars.enemies(nation)  # w.enemies, without the copy
    owners, forces_at = m.owner, m.forces
    amount = m.treasury[nation] // rules.RECRUIT_COST
    if not foes:
        land = m.owner.worth(nation, m.index.value)  # its territories' summed value, kept by the ledger
        # Its troops on its own land: where they stand (the ledger's posts), not every territory.
        army = sum(forces_at[t][nation] for t in forces_at.posts.get(nation, ()) if owners[t] == nation)
        amount = min(amount, max(0, rules.NPC_PEACETIME_ARMY_PER_VALUE * land - army))
    if amount > 0:  # where the danger is matters only to troops it can raise
        adjacent = m.index.geography.adjacent
        friends = m.alliances.allies(nation) | {nation}  # w.allied, for every neighbour of every territory

        def danger(t: str) -> tuple[int, int, str]:
            hostile = 0
            neutral = 0
            for other in adjacent[t]:
                owner = owners[other]
                if owner in foes:
                    hostile += sum(forces_at[other].values())
                elif owner not in friends:
                    neutral += 1
            return hostile, neutral, t

        forces.raise_troops(m, nation, max(w.territories_of(m, nation), key=danger), amount, events)
    if not foes:
        m.treasury[nation] = min(m.treasury[nation], rules.NPC_WAR_CHEST_ROUNDS * w.income(m, nation))
        return
    neighbours = m.index.geography.neighbours  # w.neighbours, for every border of every stack
    for _ in range(rules.NPC_ATTACKS_PER_PHASE):
        best: tuple[float, str, str, int] | None = None
        # Only its own land where its troops stand can strike (the ledger's posts, not every territory).
        for source in sorted(t for t in forces_at.posts.get(nation, ()) if owners[t] == nation):
            attackers = w.ready(m, source, nation)
            if attackers < rules.NPC_MIN_ATTACKERS:
                continue
            for target in neighbours[source]:
                holder = owners[target]
                if holder not in foes:
                    continue
                if w.may_host_guests(m, target) and any(
                    g != holder and not w.at_war(m, nation, g) for g in forces_at[target]
                ):
                    continue
                chance = w.attack_chance(m, target, attackers, rules.NPC_ATTACK_MIN_ODDS)
                if chance is None:
                    continue  # most stacks are hopeless: no need to settle their odds exactly
                if strikes(attackers, chance) and (best is None or chance > best[0]):
                    best = (chance, source, target, attackers)
        if best is None:
            return
        _, source, target, attackers = best
        war.wage_attack(m, nation, source, target, attackers, events)
        if w.is_over(m):
            return
