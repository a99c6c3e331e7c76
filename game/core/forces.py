"""Troops: income, recruiting, marching, losses, and guests sent home.

A nation's forces stand in territories it owns or an ally owns (forward presence). Units
that recruited, moved or fought this turn are *spent* until the next turn opens, so one
unit acts once a turn.
"""

from __future__ import annotations

from game.core import checks, rules
from game.core import world as w
from game.core.actions import Move, Recruit
from game.core.errors import CannotAfford, IllegalAction
from game.core.events import Event, GuestsWithdrawn, Income, Moved, Recruited, new_event
from game.core.ids import NationId, TerritoryId
from game.core.state import Match


def collect_income(m: Match, nation: NationId, events: list[Event]) -> None:
    """A turn opens with income: the nation's land at its value, plus its capital's bonus."""
    amount = w.income(m, nation)
    treasury = m.treasury[nation] = m.treasury[nation] + amount
    events.append(
        new_event(
            Income,
            nation=nation,
            amount=amount,
            treasury=treasury,
            text=f"{w.nation_name(m, nation)} collects {amount} (treasury {treasury}).",
        )
    )


def recruit_cost(amount: int) -> int:
    """What raising ``amount`` units costs.

    >>> recruit_cost(4)
    12
    """
    return amount * rules.RECRUIT_COST


def recruit(m: Match, a: Recruit, events: list[Event]) -> None:
    check_recruit(m, a)
    raise_troops(m, a.nation, a.territory, a.amount, events)


def check_recruit(m: Match, a: Recruit) -> None:
    """Recruit in one's own land, with the gold for it (raises IllegalAction, changes nothing)."""
    checks.territory(m, a.territory)
    if m.owner[a.territory] != a.nation:
        raise IllegalAction(f"{w.territory_name(m, a.territory)} is not held by {w.nation_name(m, a.nation)}")
    cost = recruit_cost(a.amount)
    if cost > m.treasury[a.nation]:
        raise CannotAfford(f"recruiting {a.amount} costs {cost}, but the treasury holds {m.treasury[a.nation]}")


def raise_troops(m: Match, nation: NationId, territory: TerritoryId, amount: int, events: list[Event]) -> None:
    """Recruit without the checks (the NPC phase's recruiting has made them itself)."""
    cost = recruit_cost(amount)
    m.treasury[nation] -= cost
    forces = m.forces[territory]
    forces[nation] = forces.get(nation, 0) + amount
    # New recruits cannot march on the turn they are raised.
    m.spent[territory][nation] = m.spent[territory].get(nation, 0) + amount
    events.append(
        new_event(
            Recruited,
            nation=nation,
            territory=territory,
            amount=amount,
            cost=cost,
            text=f"{w.nation_name(m, nation)} recruits {amount} in {w.territory_name(m, territory)}.",
        )
    )


def check_march(m: Match, nation: NationId, source: TerritoryId, target: TerritoryId, amount: int) -> None:
    """A move or an attack goes to a neighbouring territory with units that are still ready."""
    checks.territory(m, source)
    checks.territory(m, target)
    if target not in w.adjacent(m, source):
        raise IllegalAction(f"{w.territory_name(m, target)} does not border {w.territory_name(m, source)}")
    have = w.ready(m, source, nation)
    if amount > have:
        raise CannotAfford(
            f"{w.nation_name(m, nation)} has {have} ready in {w.territory_name(m, source)}, not {amount}"
        )


def move(m: Match, a: Move, events: list[Event]) -> None:
    """March into one's own or an ally's territory."""
    check_move(m, a)
    march(m, a.nation, a.source, a.target, a.amount)
    events.append(
        new_event(
            Moved,
            nation=a.nation,
            source=a.source,
            target=a.target,
            amount=a.amount,
            text=f"{w.nation_name(m, a.nation)} moves {a.amount} from {w.territory_name(m, a.source)} "
            f"to {w.territory_name(m, a.target)}.",
        )
    )


def check_move(m: Match, a: Move) -> None:
    """A move goes to one's own or an ally's neighbouring land with ready units (raises, changes nothing)."""
    check_march(m, a.nation, a.source, a.target, a.amount)
    host = m.owner[a.target]
    if not w.allied(m, a.nation, host):
        raise IllegalAction(
            f"{w.territory_name(m, a.target)} belongs to {w.nation_name(m, host)}, "
            f"which is not an ally of {w.nation_name(m, a.nation)}"
        )


def march(m: Match, nation: NationId, source: TerritoryId, target: TerritoryId, amount: int) -> None:
    remove(m, source, nation, amount)
    m.forces[target][nation] = m.forces[target].get(nation, 0) + amount
    m.spent[target][nation] = m.spent[target].get(nation, 0) + amount


def remove(m: Match, territory: TerritoryId, nation: NationId, amount: int) -> None:
    """Remove ready units first, so a unit that already acted is not counted as fresh."""
    forces, spent = m.forces[territory], m.spent[territory]
    left = forces.get(nation, 0) - amount
    if left > 0:
        forces[nation] = left
        if spent.get(nation, 0) > left:
            spent[nation] = left
    else:
        forces.pop(nation, None)
        spent.pop(nation, None)


def take_casualties(m: Match, territory: TerritoryId, losses: int) -> None:
    # The largest contingent absorbs each loss; ties go to the id first in order, so it is repeatable.
    forces = m.forces[territory]
    if len(forces) == 1:  # one stack takes every loss: the same as losing them one by one
        remove(m, territory, next(iter(forces)), losses)
        return
    for _ in range(losses):
        nation = max(sorted(forces), key=lambda n: forces[n])
        remove(m, territory, nation, 1)


def withdraw_guests(m: Match, events: list[Event]) -> None:
    """Forces standing on ground that is no longer allied go home (to their capital, else their first territory)."""
    for territory in list(m.forces):
        if not w.may_host_guests(m, territory):
            continue
        host = m.owner[territory]
        for guest, amount in sorted(m.forces[territory].items()):
            if guest == host or w.allied(m, guest, host):
                continue
            m.forces[territory].pop(guest)
            m.spent[territory].pop(guest, None)
            home = w.capital_of(m, guest)
            if home is None or m.owner.get(home) != guest:
                own = w.territories_of(m, guest)
                home = own[0] if own else None
            if home is not None:
                m.forces[home][guest] = m.forces[home].get(guest, 0) + amount
            events.append(
                new_event(
                    GuestsWithdrawn,
                    nation=guest,
                    territory=territory,
                    amount=amount,
                    text=f"{amount} troops of {w.nation_name(m, guest)} leave {w.territory_name(m, territory)}.",
                )
            )
