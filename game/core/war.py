"""War: attacks and declarations, entering a war, battles, captures and a nation's fall.

Attacking a nation one is not at war with declares war on it, and the declarer is the
aggressor: that is what raises Article 5 duties for the victim's allies (see
:mod:`game.core.duties`). Entering a war without declaring it (honouring a duty, or troops
attacked on an ally's soil: a tripwire) is no aggression and raises no duties. Battles are
fought to the end; the attacker who wins moves in with its survivors.
"""

from __future__ import annotations

from game.core import duties, forces, rules, treaties, victory
from game.core import world as w
from game.core.actions import Attack, HonourDuty
from game.core.cohesion import shift as shift_cohesion
from game.core.combat import fight
from game.core.errors import IllegalAction, Shielded
from game.core.events import (
    Battle,
    DutyHonoured,
    EnteredWar,
    Event,
    NationEliminated,
    TerritoryCaptured,
    WarDeclared,
    new_event,
)
from game.core.ids import NationId, TerritoryId
from game.core.standing import shift_credibility, shift_stability
from game.core.state import Declaration, Duty, Match
from game.core.treaty_ledger import Wars


def attack(m: Match, a: Attack, events: list[Event]) -> None:
    """The action: attack a neighbouring territory, declaring war on its owner if need be."""
    check_attack(m, a)
    wage_attack(m, a.nation, a.source, a.target, a.amount, events)


def check_attack(m: Match, a: Attack) -> None:
    """An attack needs ready units on a border, nobody there shielded by treaty or truce (raises, changes nothing)."""
    forces.check_march(m, a.nation, a.source, a.target, a.amount)
    defender = m.owner[a.target]
    if defender == a.nation:
        raise IllegalAction(f"{w.territory_name(m, a.target)} already belongs to {w.nation_name(m, a.nation)}")
    if treaties.shielded(m, a.nation, defender):
        raise Shielded(treaties.why_shielded(m, a.nation, defender))
    for guest in m.forces[a.target]:
        if guest != defender and treaties.shielded(m, a.nation, guest):
            where = f"forces of {w.nation_name(m, guest)}"
            if w.allied(m, a.nation, guest):
                raise Shielded(f"{where}, an ally, stand in {w.territory_name(m, a.target)}")
            raise Shielded(
                f"{where} stand in {w.territory_name(m, a.target)}: {treaties.why_shielded(m, a.nation, guest)}"
            )


def wage_attack(
    m: Match, nation: NationId, source: TerritoryId, target: TerritoryId, amount: int, events: list[Event]
) -> None:
    """Declare war if needed, fight, and capture. Rules already checked by the caller."""
    defender = m.owner[target]
    if not w.at_war(m, nation, defender):
        declare_war(m, nation, defender, events, territory=target)
    for guest in sorted(m.forces[target]):
        if guest != defender and not w.at_war(m, nation, guest):
            # Forward presence is a tripwire: troops attacked on an ally's soil are at war.
            enter_war(m, guest, nation, "tripwire", events)
    duties.lapse(m, events)
    levy = w.strength(m, target) == 0  # empty land is still defended by its people
    defenders = w.defenders(m, target)
    factor = w.defence_factor(m, target)
    att_loss, def_loss = fight(amount, defenders, factor, m.rng)
    won = def_loss == defenders
    forces.remove(m, source, nation, amount)
    if not levy:
        forces.take_casualties(m, target, def_loss)
    events.append(
        new_event(
            Battle,
            attacker=nation,
            defender=defender,
            source=source,
            target=target,
            attack_strength=amount,
            defence_strength=defenders,
            defence_factor=round(factor, 3),
            attacker_losses=att_loss,
            defender_losses=def_loss,
            attacker_won=won,
            text=_battle_sentence(m, nation, target, amount, defenders, att_loss, def_loss, won, levy),
        )
    )
    survivors = amount - att_loss
    # Battles are fought to the end: a failed attack leaves no survivors to fall back.
    if won:
        capture(m, nation, target, survivors, events)
    victory.capitals(m, events)


def _battle_sentence(m: Match, att: str, target: str, a: int, d: int, al: int, dl: int, won: bool, levy: bool) -> str:
    where = w.territory_name(m, target)
    verdict = "takes" if won else "fails to take"
    against = f"its levy of {d}" if levy else str(d)
    tally = f"({al} lost against {dl})"
    return f"{w.nation_name(m, att)} attacks {where} with {a} against {against} and {verdict} it {tally}."


def declare_war(
    m: Match, aggressor: NationId, target: NationId, events: list[Event], territory: TerritoryId | None = None
) -> None:
    """The aggressor is at war with the target; a pact between them is broken, and the target's defenders are called.

    ``territory`` is the one attacked, if the declaration came with an attack: a treaty limited to some
    territories binds only for an attack on one of them.
    """
    pact = w.has_pact(m, aggressor, target)
    credibility = 0
    if pact is not None:
        del m.pacts[pact]
        credibility = shift_credibility(m, aggressor, rules.BREAK_PACT_CREDIBILITY)
    m.wars.add(frozenset((aggressor, target)))
    m.declarations.append(Declaration(aggressor, target, m.round, pact is not None))
    a_name, t_name = w.nation_name(m, aggressor), w.nation_name(m, target)
    text = f"{a_name} declares war on {t_name}."
    if pact is not None:
        text = f"{a_name} breaks its non-aggression pact and declares war on {t_name}."
    events.append(
        new_event(
            WarDeclared,
            aggressor=aggressor,
            target=target,
            broke_pact=pact is not None,
            credibility_delta=credibility,
            text=text,
        )
    )
    duties.raise_duties(m, aggressor, target, events, territory)


def enter_war(m: Match, nation: NationId, enemy: NationId, cause: str, events: list[Event]) -> None:
    """Join a war without declaring it: no aggression, so no duties for the enemy's allies."""
    for alliance in w.shared_alliances(m, nation, enemy):
        treaties.leave_alliance(m, nation, alliance.id, "it will not stay allied with a nation it is fighting", events)
    pact = w.has_pact(m, nation, enemy)
    if pact is not None:
        treaties.lapse_pact(m, pact, events)
    m.wars.add(frozenset((nation, enemy)))
    treaties.end_truce(m, nation, enemy)
    why = "to honour its duty" if cause == "duty" else "as its troops on allied soil are attacked"
    events.append(
        new_event(
            EnteredWar,
            nation=nation,
            enemy=enemy,
            cause=cause,
            text=f"{w.nation_name(m, nation)} enters the war against {w.nation_name(m, enemy)} {why}.",
        )
    )


def honour(m: Match, a: HonourDuty, events: list[Event]) -> None:
    """The action: a seat's nation honours one of its duties."""
    honour_duty(m, duties.duty_of(m, a.nation, a.duty), "", events)


def honour_duty(m: Match, duty: Duty, reason: str, events: list[Event]) -> None:
    """Enter the war in defence: cohesion and credibility rise. Chain-ganging, felt.

    It lives with the war rules, not the duty rules, because entering a war may leave an
    alliance, and leaving passes the buck on duties (one module each way would be a cycle).
    """
    del m.duties[duty.id]
    m.duties_honoured[duty.nation] = m.duties_honoured.get(duty.nation, 0) + 1
    credibility = shift_credibility(m, duty.nation, rules.HONOUR_CREDIBILITY)
    events.append(
        new_event(
            DutyHonoured,
            duty=duty.id,
            nation=duty.nation,
            aggressor=duty.aggressor,
            reason=reason,
            credibility_delta=credibility,
            text=f"{w.nation_name(m, duty.nation)} honours its duty to {w.nation_name(m, duty.target)}"
            + (f": {reason}." if reason else "."),
        )
    )
    shift_cohesion(m, duty.treaty, rules.HONOUR_COHESION, "a duty honoured", events)
    if not w.at_war(m, duty.nation, duty.aggressor):
        enter_war(m, duty.nation, duty.aggressor, "duty", events)
    # One war, one answer: other duties against the same aggressor are settled too.
    for other in [d for d in m.duties.values() if d.nation == duty.nation and d.aggressor == duty.aggressor]:
        del m.duties[other.id]


def capture(m: Match, nation: NationId, territory: TerritoryId, survivors: int, events: list[Event]) -> None:
    """The winner moves in; the loser's regime is shaken (badly, for a capital), and a nation with no land falls."""
    previous = m.owner[territory]
    m.owner[territory] = nation
    m.forces[territory] = {nation: survivors} if survivors > 0 else {}
    m.spent[territory] = {nation: survivors} if survivors > 0 else {}
    capital = w.capital_owner(m, territory) == previous
    shaken = shift_stability(m, previous, rules.STABILITY_LOST_CAPITAL if capital else rules.STABILITY_LOST_TERRITORY)
    where = w.territory_name(m, territory)
    text = f"{w.nation_name(m, nation)} captures {where} from {w.nation_name(m, previous)}."
    if capital:
        text = f"{w.nation_name(m, nation)} captures {where}, the capital of {w.nation_name(m, previous)}!"
    events.append(
        new_event(
            TerritoryCaptured,
            nation=nation,
            territory=territory,
            previous_owner=previous,
            capital=capital,
            stability_delta=shaken,
            text=text,
        )
    )
    if not m.owner.holds_any(previous):  # the ledger knows: no scan of the map per battle
        eliminate(m, previous, events)


def eliminate(m: Match, nation: NationId, events: list[Event]) -> None:
    """A nation with no land left leaves the game, with its troops, treaties, wars, duties and offers."""
    m.eliminated.add(nation)
    for territory, stack in m.forces.items():
        if nation in stack:
            stack.pop(nation)
            m.spent[territory].pop(nation, None)
    for alliance in list(m.alliances.values()):
        if nation in alliance.members:
            alliance.members.remove(nation)
            if len(alliance.members) < 2:
                treaties.dissolve_alliance(m, alliance.id, events)
    for gid, party in list(m.guarantees.items()):
        if nation in party:
            del m.guarantees[gid]
            m.scopes.pop(gid, None)
    for pid, party in list(m.pacts.items()):
        if nation in party:
            del m.pacts[pid]
    m.wars = Wars(war for war in m.wars if nation not in war)
    for duty in sorted(m.duties.values(), key=lambda d: d.id):
        if duty.nation == nation:
            duties.end(m, duty, "holder_fell", events)
        elif duty.aggressor == nation:
            duties.end(m, duty, "aggressor_fell", events)
    duties.lapse(m, events)
    for oid, offer in list(m.offers.items()):
        if nation in (offer.sender, offer.recipient):
            del m.offers[oid]
    events.append(
        new_event(NationEliminated, nation=nation, text=f"{w.nation_name(m, nation)} has fallen and leaves the game.")
    )
