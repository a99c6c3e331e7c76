"""What a bot reads off the board: who can hurt whom, which attacks are open, what a war would cost.

Everything here is read-only: looking ahead happens on clones of the match. Rules come
from the core (``world``, ``doctrines``, the engine itself on a clone). Where a bot needs
a number the core does not offer (how many defenders a repelled attack leaves, so several
attacks on one target can be planned), the copy is small and tests/ai/test_assess.py
holds it to the core's own odds.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from game.core import (
    Action,
    IllegalAction,
    Match,
    apply,
    calls,
    doctrines,
    first_seat,
    flow,
    is_legal,
    rules,
    treaties,
)
from game.core import world as w
from game.core.actions import AnswerOffer, Attack, EndTurn
from game.core.combat import repelled
from game.core.state import Call, Duty, Offer

# What one unit is worth in victory points when weighing a battle: three resources buy a
# unit, and a value-3 territory pays three a round, so a unit is about a third of a point.
UNIT_WORTH = 0.35
# Capturing the last enemy capital ends the match: worth more than anything else on the map.
WINNING_WORTH = 1000.0


@dataclass(frozen=True)
class Strike:
    """One attack a seat could make now, with its odds (exact unless the armies are huge, see battle())."""

    nation: str
    source: str
    target: str
    amount: int
    odds: float
    expected_losses: float

    def action(self) -> Attack:
        return Attack(nation=self.nation, source=self.source, target=self.target, amount=self.amount)


@dataclass(frozen=True)
class WarForecast:
    """What declaring war on ``defender`` would bring down on the aggressor.

    ``callers`` receive an Article 5 or guarantee duty; ``joiners`` are those expected to
    honour it (NPCs by their doctrine, the other seat assumed to). ``power`` is the
    defender's with its expected joiners', who were not already at war with the aggressor.
    A treaty's scope is weighed by the rules themselves: a duty it spares is never raised.
    ``allies`` are the aggressor's allies of the rules that would answer its call to arms
    (their doctrine asked on the world after the declaration), and those already at war with
    the defender: the friends who would actually fight beside it.
    """

    defender: str
    callers: tuple[str, ...]
    joiners: tuple[str, ...]
    power: float
    breaks_pact: bool
    own_duties: int  # duties it would hand to the aggressor's own seat (allied to the defender)
    allies: tuple[str, ...] = ()


class Board:
    """One seat's reading of the match at one moment. Cheap to build; build one per decision."""

    def __init__(self, m: Match, seat: int) -> None:
        self.m = m
        self.seat = seat
        self.mine = w.seat_nations(m, seat)
        self.theirs = w.seat_nations(m, 1 - seat)
        self._mine = set(self.mine)
        self._theirs = set(self.theirs)
        # Who may strike each of my nations before its next turn: its enemies at war, and
        # the other seat, which may declare war whenever it likes.
        self._hostile = {n: (set(w.enemies(m, n)) | self._theirs) - {n} for n in self.mine}
        for n in self.mine:
            self._hostile[n] = {h for h in self._hostile[n] if not w.allied(m, n, h)}
        # When I open this round and not the next, the other seat plays twice before my next
        # turn (last in this round, first in the next): it can take a neighbour, recruit there
        # and strike from it before I can answer. Then its recruits count against my capital
        # too: its treasury and one income, what it can usually bring. (Counting the second
        # income as well pinned the whole army at home while greedy took the provinces one by
        # one.) With the alternating order every other turn is so; troops that leave the
        # capital on the quiet turn must march back on the next, so what may leave is judged
        # by that case too (see home_risk).
        last = m.round >= m.level.round_limit
        self.rival_plays_twice = not last and first_seat(m, m.round) == seat != first_seat(m, m.round + 1)
        self.rival_recruits = {
            n: 0 if last else (m.treasury[n] + w.income(m, n)) // rules.RECRUIT_COST for n in self.theirs
        }
        # Answers worth keeping while this reading lasts (one decision).
        self._stacks: dict[tuple[str, str, frozenset[str], str], list[int]] = {}
        self._biggest: dict[tuple[str, bool], int] = {}  # home_risk's stack, by territory and double turn
        self._factor: dict[str, float] = {}
        self._power: dict[str, float] = {}
        self._frontier: dict[str, bool] = {}
        self._npc_foes: dict[str, tuple[str, ...]] = {}
        self._npc_front: dict[str, frozenset[str]] = {}
        self._door: list[tuple[str, str, str]] | None = None
        self._npc_door: dict[str, list[tuple[str, str, int]]] | None = None

    # -- Power ---------------------------------------------------------------------------

    def power(self, nation: str) -> float:
        found = self._power.get(nation)
        if found is None:
            found = self._power[nation] = w.power(self.m, nation)
        return found

    def bloc_power(self, seat: int) -> float:
        """A seat's nations and all their allies (see doctrines.bloc)."""
        return sum(self.power(n) for n in doctrines.bloc(self.m, seat))

    def factor(self, territory: str) -> float:
        found = self._factor.get(territory)
        if found is None:
            found = self._factor[territory] = w.defence_factor(self.m, territory)
        return found

    # -- Territories -------------------------------------------------------------------

    def owned(self) -> list[str]:
        """Territories held by the seat's nations, in map order."""
        if len(self.mine) == 1:
            return w.territories_of(self.m, self.mine[0])
        order = self.m.owner.order
        return sorted((t for n in self.mine for t in w.territories_of(self.m, n)), key=order.__getitem__)

    def door(self) -> list[tuple[str, str, str]]:
        """(my territory, a territory touching it, its owner) for every border of the seat's land, in map order.

        Kept for the decision: weighing each war it might start walks these borders again.
        """
        if self._door is None:
            m = self.m
            owner = m.owner
            self._door = [(t, other, owner[other]) for t in self.owned() for other in w.adjacent(m, t)]
        return self._door

    def npc_stacks_at_door(self) -> dict[str, list[tuple[str, str, int]]]:
        """For each territory of mine, the (territory, owner, ready troops) of the stacks of the rules
        next to it that are big enough to strike at all (``rules.NPC_MIN_ATTACKERS``)."""
        if self._npc_door is None:
            m = self.m
            found: dict[str, list[tuple[str, str, int]]] = {}
            for territory, other, owner in self.door():
                if owner in m.seat_of:
                    continue
                ready = w.ready(m, other, owner)
                if ready >= rules.NPC_MIN_ATTACKERS:
                    found.setdefault(territory, []).append((other, owner, ready))
            self._npc_door = found
        return self._npc_door

    def is_mine(self, territory: str) -> bool:
        return self.m.owner[territory] in self._mine

    def hostile_to(self, nation: str) -> set[str]:
        return self._hostile.get(nation, set())

    def danger(self, territory: str) -> int:
        """Forces next door that could attack this territory of mine before my next turn."""
        return sum(self.threat_stacks(territory))

    def threat_stacks(
        self, territory: str, holder: str | None = None, extra: frozenset[str] = frozenset(), skip: str = ""
    ) -> list[int]:
        """The hostile stacks next door that could attack ``territory`` if ``holder`` held it, largest first.

        ``extra`` adds nations about to become foes (a war being weighed); ``skip`` leaves out a
        neighbour whose troops will be gone (the target of an attack being weighed).
        """
        m = self.m
        holder = holder or m.owner[territory]
        key = (territory, holder, extra, skip)
        found = self._stacks.get(key)
        if found is not None:
            return found
        hostile = self._hostile.get(holder, set()) | extra
        stacks = []
        if hostile:
            for other in w.adjacent(m, territory):
                if other == skip:
                    continue
                stack = sum(s for n, s in m.forces[other].items() if n in hostile and n != holder)
                if stack:
                    stacks.append(stack)
            stacks.sort(reverse=True)
        self._stacks[key] = stacks
        return stacks

    def risk(
        self,
        territory: str,
        defenders: int,
        holder: str | None = None,
        extra: frozenset[str] = frozenset(),
        skip: str = "",
    ) -> float:
        """The chance the hostile stacks next door, attacking in turn, take ``territory`` from ``defenders``."""
        stacks = self.threat_stacks(territory, holder, extra, skip)
        if not stacks:
            return 0.0
        if defenders <= 0:
            defenders = w.levy(self.m, territory)
        return pile_on_odds(tuple(stacks), defenders, self.factor(territory))

    def home_risk(self, territory: str, defenders: int, worst: bool = False) -> float:
        """The chance that the biggest hostile stack within two steps takes ``territory``.

        A capital needs this longer view: troops that capture or enter a neighbour this turn
        can attack the capital on the next, and the answer must already be in place. When the
        other seat plays twice before my next turn (or, with ``worst``, as if it did), the
        stack grows by all it can recruit.
        """
        m = self.m
        hostile = self._hostile.get(m.owner[territory], set())
        if not hostile:
            return 0.0
        twice = worst or self.rival_plays_twice
        found = self._biggest.get((territory, twice))
        if found is None:
            near = set(w.adjacent(m, territory))
            reach = near | {far for t in near for far in w.adjacent(m, t)}
            reach.discard(territory)
            found = 0
            for t in reach:
                forces = m.forces[t]
                stack = sum(s for n, s in forces.items() if n in hostile)
                if twice:
                    stack += sum(self.rival_recruits[n] for n in self.theirs if forces.get(n, 0) and n in hostile)
                found = max(found, stack)
            self._biggest[(territory, twice)] = found
        biggest = found
        if biggest == 0:
            return 0.0
        if defenders <= 0:
            defenders = w.levy(m, territory)
        return odds_of(biggest, defenders, self.factor(territory))

    def is_frontier(self, territory: str) -> bool:
        """Does it touch land of a nation that is not allied to its owner?"""
        found = self._frontier.get(territory)
        if found is None:
            m = self.m
            owner = m.owner[territory]
            found = self._frontier[territory] = any(
                not w.allied(m, owner, m.owner[o]) for o in w.adjacent(m, territory)
            )
        return found

    def npc_front(self, nation: str) -> frozenset[str]:
        """The territories next to where troops of a nation of the rules at war with ``nation`` stand."""
        found = self._npc_front.get(nation)
        if found is None:
            m = self.m
            posts = m.forces.posts
            found = frozenset(
                t for foe in self.npc_foes(nation) for post in posts.get(foe, ()) for t in w.adjacent(m, post)
            )
            self._npc_front[nation] = found
        return found

    def npc_foes(self, nation: str) -> tuple[str, ...]:
        """The nations of the rules at war with ``nation``, sorted."""
        found = self._npc_foes.get(nation)
        if found is None:
            found = self._npc_foes[nation] = tuple(n for n in w.enemies(self.m, nation) if w.is_npc(self.m, n))
        return found

    # -- Worth -------------------------------------------------------------------------

    def worth(self, territory: str) -> float:
        """What capturing ``territory`` is worth to the seat, in victory points (roughly)."""
        m = self.m
        value = float(m.index.value[territory])
        owner = m.owner[territory]
        gain = value
        if owner in self._theirs:
            gain += value  # their loss is my gain: the race is a difference of points
        else:
            weight = npc_weight(m, 1 - self.seat, owner)
            gain += value * weight
        capital_of = w.capital_owner(m, territory)
        if capital_of == owner:
            gain += rules.CAPITAL_INCOME_BONUS * 0.5
            if owner in self._theirs and self.last_enemy_capital(territory):
                gain += WINNING_WORTH
        if len(w.territories_of(m, owner)) == 1:
            gain += 1.0  # a nation gone: one front fewer
        return gain

    def last_enemy_capital(self, territory: str) -> bool:
        """Would taking this capital leave the other seat with no capital at all?"""
        m = self.m
        held = [w.capital_of(m, n) for n in self.theirs if w.capital_held(m, n)]
        return held == [territory]

    # -- Attacks -----------------------------------------------------------------------

    def strikes(self) -> list[Strike]:
        """Every attack open to the seat's nations now, each with all the forces ready at its source."""
        m = self.m
        found: list[Strike] = []
        for nation in self.mine:
            open_to: dict[str, bool] = {}  # a target next to several stacks is judged once
            for source in w.posts_of(m, nation):
                ready = w.ready(m, source, nation)
                if ready <= 0:
                    continue
                for target in w.neighbours(m, source):
                    allowed = open_to.get(target)
                    if allowed is None:
                        allowed = open_to[target] = can_attack(m, nation, target)
                    if not allowed:
                        continue
                    chance, losses = battle(ready, w.defenders(m, target), self.factor(target))
                    found.append(Strike(nation, source, target, ready, chance, losses))
        return found


def can_attack(m: Match, nation: str, target: str) -> bool:
    """The attack rules that do not depend on the source: not one's own side's, no ally's, no allied guests."""
    return not treaties.shields_territory(m, nation, target)


def npc_weight(m: Match, seat: int, nation: str) -> float:
    """How much of an NPC's land counts for ``seat``: the cohesion of the alliance binding them."""
    if nation in m.seat_of:
        return 0.0
    best = 0.0
    for alliance in w.alliances_of(m, nation):
        if any(m.seat_of.get(n) == seat for n in alliance.members):
            best = max(best, alliance.cohesion / 100.0)
    return best


# Above this many units a side, a bot weighs a battle on a scaled-down copy: the exact odds of
# 200 against 150 cost tens of milliseconds, and a bot weighs hundreds of battles a turn. The
# preview a player sees stays exact (game.core.combat); only the bot's planning is approximate.
EXACT_UP_TO = 40


# Planning several attacks in turn costs a battle per stack and per defender count: scale sooner.
PILE_ON_EXACT_UP_TO = 16


def _scaled(*sizes: int, limit: int = EXACT_UP_TO) -> tuple[float, tuple[int, ...]]:
    largest = max(sizes)
    if largest <= limit:
        return 1.0, sizes
    k = largest / limit
    return k, tuple(max(1, round(x / k)) if x > 0 else 0 for x in sizes)


@lru_cache(maxsize=65536)
def battle(attackers: int, defenders: int, factor: float) -> tuple[float, float]:
    """(chance the attack wins, expected attacker losses), exact for small battles, scaled for big ones.

    Kept once worked out: a bot turn asks about the same few battles tens of thousands of times.
    """
    if attackers <= 0:
        return 0.0, 0.0
    if defenders <= 0:
        return 1.0, 0.0
    k, (a, d) = _scaled(attackers, defenders)
    wins, losses = _battle_table(round(factor, 4))
    return wins[a][d], min(float(attackers), losses[a][d] * k)


@lru_cache(maxsize=256)
def _battle_table(factor: float) -> tuple[list[list[float]], list[list[float]]]:
    """Every battle up to ``EXACT_UP_TO`` a side at one defence factor: (chance the attack wins,
    expected attacker losses), indexed ``[attackers][defenders]``.

    The chain of exchanges worked backwards from its ends: from (a, d) the defence loses a unit
    with chance h = a / (a + d * factor), so win(a, d) = h win(a, d - 1) + (1 - h) win(a - 1, d),
    and the same for the losses. One table costs what one exact forward count of a 40-a-side
    battle does (game.core.combat.odds), and answers all 1,600 of them: a bot meets thousands
    of different battles in a match, and each used to be counted on its own.
    """
    size = EXACT_UP_TO + 1
    wins = [[0.0] * size for _ in range(size)]
    losses = [[0.0] * size for _ in range(size)]
    for a in range(1, size):
        win_row, loss_row = wins[a], losses[a]
        win_below, loss_below = wins[a - 1], losses[a - 1]
        win_row[0] = 1.0
        for d in range(1, size):
            hit = a / (a + d * factor)
            win_row[d] = hit * win_row[d - 1] + (1.0 - hit) * win_below[d]
            loss_row[d] = hit * loss_row[d - 1] + (1.0 - hit) * (1.0 + loss_below[d])
    return wins, losses


def odds_of(attackers: int, defenders: int, factor: float) -> float:
    """The chance an attack wins (see :func:`battle`)."""
    return battle(attackers, defenders, factor)[0]


@lru_cache(maxsize=65536)
def pile_on_odds(stacks: tuple[int, ...], defenders: int, factor: float) -> float:
    """The chance that attacking one target with several stacks in turn takes it."""
    stacks = tuple(s for s in stacks if s > 0)
    if not stacks:
        return 0.0
    if defenders <= 0:
        return 1.0
    if len(stacks) == 1:
        return odds_of(stacks[0], defenders, factor)
    _, (d, *scaled) = _scaled(defenders, *stacks, limit=PILE_ON_EXACT_UP_TO)
    return _pile_on(tuple(scaled), d, round(factor, 4))


@lru_cache(maxsize=16384)
def _pile_on(stacks: tuple[int, ...], defenders: int, factor: float) -> float:
    # dist[d]: probability that d defenders still stand and it is the next stack's turn.
    dist = [0.0] * (defenders + 1)
    dist[defenders] = 1.0
    taken = 0.0
    for stack in stacks:
        nxt = [0.0] * (defenders + 1)
        for d in range(1, defenders + 1):
            p = dist[d]
            if p == 0.0:
                continue
            outcome = repelled(stack, d, factor)
            taken += p * outcome[0]
            for left in range(1, d + 1):
                nxt[left] += p * outcome[left]
        dist = nxt
    return taken


def forecast_war(m: Match, strike: Strike) -> WarForecast:
    """Declare the war on a clone and see who gets a duty; ask each NPC's doctrine whether it would honour it.

    The other seat is assumed to honour its duties: a bot should not bet on the opponent's weakness.
    """
    defender = m.owner[strike.target]
    trial = m.clone(record=False)  # a look ahead: the past is not needed
    breaks_pact = w.has_pact(m, strike.nation, defender) is not None
    try:
        events = apply(trial, strike.action())
    except IllegalAction:
        return WarForecast(defender, (), (), w.power(m, defender), breaks_pact, 0)
    callers: list[str] = []
    joiners: list[str] = []
    own = 0
    for event in events:
        if event.kind != "duty_raised":
            continue
        holder = event.nation
        callers.append(holder)
        if m.seat_of.get(holder) == m.seat_of.get(strike.nation):
            own += 1
            continue
        if w.at_war(m, holder, strike.nation):
            continue
        if holder in m.seat_of:
            joiners.append(holder)
            continue
        # Asked of the world as it is now: the battle may already have settled the duty on the clone.
        duty = Duty(
            event.duty, holder, event.aggressor, event.target, event.treaty, m.turn, flow.next_turn_of(m, holder)
        )
        if doctrines.decide_duty(m, duty).yes:
            joiners.append(holder)
    power = w.power(m, defender) + sum(w.power(m, n) for n in joiners)
    allies = _answering(trial, strike.nation, defender)
    return WarForecast(defender, tuple(callers), tuple(joiners), power, breaks_pact, own, allies)


def _answering(trial: Match, aggressor: str, defender: str) -> tuple[str, ...]:
    """The aggressor's allies of the rules that would fight its war on ``defender`` (see WarForecast)."""
    if not w.at_war(trial, aggressor, defender):
        return ()
    fighting: list[str] = []
    for ally in {n for al in w.alliances_of(trial, aggressor) for n in al.members if n != aggressor}:
        if w.is_npc(trial, ally) and w.at_war(trial, ally, defender):
            fighting.append(ally)
    for ally, treaty in calls.callable_allies(trial, aggressor, defender):
        call = Call(0, aggressor, ally, defender, treaty, trial.turn, trial.turn)
        if w.is_npc(trial, ally) and doctrines.decide_call(trial, call).yes:
            fighting.append(ally)
    return tuple(sorted(set(fighting)))


def frontier_steps(m: Match, nation: str, frontier: set[str]) -> dict[str, str]:
    """For each territory the nation may move through, the next step toward the nearest frontier.

    A breadth-first search outward from the frontier over land the nation may enter
    (its own and its allies'); frontier territories map to themselves.
    """
    friends = [n for n in m.owner.land if m.owner.land[n] and w.allied(m, nation, n)]
    passable = {t for n in friends for t in m.owner.land[n]}
    step: dict[str, str] = {t: t for t in frontier if t in passable}
    queue = deque(sorted(step))
    while queue:
        here = queue.popleft()
        for other in w.neighbours(m, here):
            if other in passable and other not in step:
                step[other] = here
                queue.append(other)
    return step


def answer(m: Match, offer: Offer, accept: bool) -> AnswerOffer:
    """An answer to an offer; a yes only while the offer still stands (a war may have broken out since)."""
    yes = AnswerOffer(nation=offer.recipient, offer=offer.id, accept=True)
    if accept and is_legal(m, yes):
        return yes
    return AnswerOffer(nation=offer.recipient, offer=offer.id, accept=False)


def checked(m: Match, action: Action) -> Action:
    """The action if the rules accept it now (tried on a clone), else End turn, which always is.

    A bot's last line of defence: it must never hand the engine an illegal action.
    """
    if isinstance(action, EndTurn) or is_legal(m, action):
        return action
    return EndTurn()
